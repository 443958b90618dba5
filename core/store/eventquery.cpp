#include "store/eventquery.h"

#include <algorithm>

namespace billbridge::store {

namespace {

constexpr const char* kSummaryColumns =
    "seq, id, type, created, livemode, api_version, account, object_type, object_id, customer_id, source, "
    "received_at_ms, signature, signature_header, duplicate_count, customer_email, amount, currency, "
    "object_status";

// GLOB treats '?' and '[' as wildcards too; only '*' is one in a type pattern.
QString toGlob(const QString& pattern)
{
    QString glob;
    glob.reserve(pattern.size());
    for (const QChar c : pattern) {
        if (c == QLatin1Char('?'))
            glob += QStringLiteral("[?]");
        else if (c == QLatin1Char('['))
            glob += QStringLiteral("[[]");
        else
            glob += c;
    }
    return glob;
}

// Above this many full-text matches a page is found by walking events_by_created instead of sorting them.
constexpr int kBroadMatch = 2000;

bool isTokenCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

EventQuery::EventQuery(SqliteConnection& connection)
    : m_connection(connection)
{}

const char* EventQuery::summaryColumns()
{
    return kSummaryColumns;
}

StoredEvent EventQuery::readSummary(const SqliteStatement& row)
{
    StoredEvent event;
    event.seq = row.int64(0);
    event.fields.id = row.text(1);
    event.fields.type = row.text(2);
    event.fields.created = row.int64(3);
    event.fields.livemode = row.int64(4) != 0;
    event.fields.apiVersion = row.text(5);
    event.fields.account = row.text(6);
    event.fields.objectType = row.text(7);
    event.fields.objectId = row.text(8);
    event.fields.customerId = row.text(9);
    event.source = eventSourceFromString(row.text(10)).value_or(EventSource::Webhook);
    event.receivedAtMs = row.int64(11);
    event.verdict = signatureVerdictFromString(row.text(12)).value_or(SignatureVerdict::Api);
    event.signatureHeader = row.text(13).toLatin1();
    event.duplicateCount = row.int64(14);
    event.fields.customerEmail = row.text(15);
    if (!row.isNull(16))
        event.fields.amount = row.int64(16);
    event.fields.currency = row.text(17);
    event.fields.status = row.text(18);
    return event;
}

bool EventQuery::matchesTypePattern(const QString& pattern, const QString& type)
{
    // Iterative wildcard match with backtracking to the last '*': linear for the patterns people type.
    qsizetype p = 0, t = 0, star = -1, resume = 0;
    while (t < type.size()) {
        if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            star = p++;
            resume = t;
        } else if (p < pattern.size() && pattern[p] == type[t]) {
            ++p;
            ++t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

QString EventQuery::fullTextQuery(const QString& text)
{
    QStringList phrases;
    QString term;
    auto flush = [&] {
        const bool prefix = term.endsWith(QLatin1Char('*'));
        if (std::any_of(term.cbegin(), term.cend(), isTokenCharacter)) {
            while (term.endsWith(QLatin1Char('*')))
                term.chop(1);
            term.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            phrases << QLatin1Char('"') + term + QLatin1Char('"') +
                           (prefix ? QStringLiteral(" *") : QString());
        }
        term.clear();
    };
    for (const QChar c : text) {
        // Control characters (NUL included) separate terms like spaces do; the tokenizer ignores them.
        if (c.isSpace() || c.unicode() < 0x20)
            flush();
        else
            term += c;
    }
    flush();
    return phrases.join(QLatin1Char(' '));
}

QStringList EventQuery::expandTypes(const QStringList& patterns)
{
    // A skip-scan over events_by_type: one index seek per distinct type, however many rows there are.
    QStringList types;
    SqliteStatement next = m_connection.prepare("SELECT min(type) FROM events WHERE type > ?1");
    QString after;
    for (;;) {
        next.bind(1, after.isNull() ? QStringLiteral("") : after);
        if (!next.step() || next.isNull(0))
            break;
        after = next.text(0);
        next.reset();
        for (const QString& pattern : patterns) {
            if (matchesTypePattern(pattern, after)) {
                types << after;
                break;
            }
        }
    }
    return types;
}

std::int64_t EventQuery::fullTextIndexedSeq()
{
    SqliteStatement statement =
        m_connection.prepare("SELECT indexed_seq FROM fulltext_progress WHERE id = 1");
    return statement.step() ? statement.int64(0) : 0;
}

std::int64_t EventQuery::latestSeq()
{
    SqliteStatement statement = m_connection.prepare("SELECT coalesce(max(seq), 0) FROM events");
    return statement.step() ? statement.int64(0) : 0;
}

void EventQuery::addConditions(const EventFilter& filter, QStringList& conditions,
                               std::vector<Parameter>& parameters, bool typesAsGlob, const QString& ftsQuery)
{
    if (typesAsGlob && !filter.types.isEmpty()) {
        // Unary '+': the type is checked on rows another index found, never used to pick the index.
        QStringList terms;
        for (const QString& type : filter.types) {
            terms << QStringLiteral("+type GLOB ?");
            parameters.emplace_back(toGlob(type));
        }
        conditions << QLatin1Char('(') + terms.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (!filter.customerId.isEmpty()) {
        conditions << QStringLiteral("customer_id = ?");
        parameters.emplace_back(filter.customerId);
    }
    if (!filter.customerEmail.isEmpty()) {
        conditions << QStringLiteral("customer_email = ? COLLATE NOCASE");
        parameters.emplace_back(filter.customerEmail.trimmed());
    }
    if (filter.createdFrom) {
        conditions << QStringLiteral("created >= ?");
        parameters.emplace_back(*filter.createdFrom);
    }
    if (filter.createdTo) {
        conditions << QStringLiteral("created < ?");
        parameters.emplace_back(*filter.createdTo);
    }
    if (filter.source) {
        conditions << QStringLiteral("source = ?");
        parameters.emplace_back(toString(*filter.source));
    }
    if (filter.livemode) {
        conditions << QStringLiteral("livemode = ?");
        parameters.emplace_back(std::int64_t(*filter.livemode));
    }
    if (!ftsQuery.isEmpty()) {
        conditions << QStringLiteral("seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)");
        parameters.emplace_back(ftsQuery);
    }
}

EventQuery::Statement EventQuery::buildPage(const EventFilter& filter, std::optional<EventCursor> cursor,
                                            int limit, bool backward)
{
    Statement statement;
    const QString ftsQuery = fullTextQuery(filter.text);
    const QString order = backward ? QStringLiteral(" ORDER BY created ASC, seq ASC")
                                   : QStringLiteral(" ORDER BY created DESC, seq DESC");
    const QString keyset =
        backward ? QStringLiteral("(created, seq) > (?, ?)") : QStringLiteral("(created, seq) < (?, ?)");
    const std::int64_t fetch = std::int64_t(std::max(limit, 1)) + 1; // one extra row answers hasMore
    const QString columns = QString::fromLatin1(kSummaryColumns);

    // Several types without a narrower index: one ordered, bounded walk of events_by_type per type, merged.
    // A single OR/IN over the types would find the rows quickly but then sort every one of them.
    const bool typeDriven = !filter.types.isEmpty() && ftsQuery.isEmpty() && filter.customerId.isEmpty() &&
                            filter.customerEmail.isEmpty();
    if (typeDriven) {
        const QStringList types = expandTypes(filter.types);
        if (types.isEmpty()) {
            statement.empty = true;
            return statement;
        }
        EventFilter rest = filter;
        rest.types.clear();
        auto conditionsFor = [&](const QString& type) {
            QStringList conditions{QStringLiteral("type = ?")};
            statement.parameters.emplace_back(type);
            addConditions(rest, conditions, statement.parameters, false, {});
            if (cursor) {
                conditions << keyset;
                statement.parameters.emplace_back(cursor->created);
                statement.parameters.emplace_back(cursor->seq);
            }
            return conditions.join(QStringLiteral(" AND "));
        };
        if (types.size() == 1) {
            statement.sql = QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM events WHERE ") +
                            conditionsFor(types.first()) + order + QStringLiteral(" LIMIT ?");
            statement.parameters.emplace_back(fetch);
            return statement;
        }
        QStringList parts;
        for (const QString& type : types) {
            parts << QStringLiteral("SELECT seq FROM (SELECT seq FROM events WHERE ") + conditionsFor(type) +
                         order + QStringLiteral(" LIMIT ?)");
            statement.parameters.emplace_back(fetch);
        }
        statement.sql = QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM events WHERE seq IN (") +
                        parts.join(QStringLiteral(" UNION ALL ")) + QLatin1Char(')') + order +
                        QStringLiteral(" LIMIT ?");
        statement.parameters.emplace_back(fetch);
        return statement;
    }

    QStringList conditions;
    addConditions(filter, conditions, statement.parameters, true, ftsQuery);
    if (!ftsQuery.isEmpty() && isBroadMatch(ftsQuery)) {
        // Thousands of matches: looking each one up to sort by `created` costs more than walking the
        // (created, seq) index in order and checking each seq against the materialised match set,
        // which stops after one page. The unary '+' keeps seq from being used to look rows up.
        conditions.last().prepend(QLatin1Char('+'));
    }
    if (cursor) {
        conditions << keyset;
        statement.parameters.emplace_back(cursor->created);
        statement.parameters.emplace_back(cursor->seq);
    }
    statement.sql = QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM events");
    if (!conditions.isEmpty())
        statement.sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    statement.sql += order + QStringLiteral(" LIMIT ?");
    statement.parameters.emplace_back(fetch);
    return statement;
}

bool EventQuery::isBroadMatch(const QString& ftsQuery)
{
    SqliteStatement statement = m_connection.prepare(
        "SELECT count(*) FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH ?1 LIMIT ?2)");
    statement.bind(1, ftsQuery).bind(2, std::int64_t(kBroadMatch));
    return statement.step() && statement.int64(0) >= kBroadMatch;
}

SqliteStatement EventQuery::prepare(const Statement& statement)
{
    const QByteArray sql = statement.sql.toUtf8();
    SqliteStatement prepared = m_connection.prepare(sql.constData());
    int index = 0;
    for (const Parameter& parameter : statement.parameters) {
        ++index;
        if (const auto* number = std::get_if<std::int64_t>(&parameter))
            prepared.bind(index, *number);
        else
            prepared.bind(index, std::get<QString>(parameter));
    }
    return prepared;
}

EventPage EventQuery::runPage(const EventFilter& filter, std::optional<EventCursor> from, int limit,
                              bool backwards)
{
    EventPage page;
    const Statement statement = buildPage(filter, from, limit, backwards);
    if (statement.empty)
        return page;
    SqliteStatement rows = prepare(statement);
    while (rows.step())
        page.events.push_back(readSummary(rows));
    // One row more than asked for was read to learn whether another page follows.
    if (page.events.size() > std::size_t(std::max(limit, 1))) {
        page.events.pop_back();
        page.hasMore = true;
    }
    if (backwards)
        std::reverse(page.events.begin(), page.events.end());
    return page;
}

EventPage EventQuery::page(const EventFilter& filter, std::optional<EventCursor> after, int limit)
{
    return runPage(filter, after, limit, false);
}

EventPage EventQuery::pageBefore(const EventFilter& filter, std::optional<EventCursor> before, int limit)
{
    return runPage(filter, before, limit, true);
}

LiveUpdate EventQuery::newerThan(std::int64_t seq, const EventFilter& filter, int limit)
{
    LiveUpdate update;
    const QString ftsQuery = fullTextQuery(filter.text);
    // The upper bound is read first so that throughSeq never claims rows the query could not see.
    std::int64_t upper = latestSeq();
    if (!ftsQuery.isEmpty())
        upper = std::min(upper, fullTextIndexedSeq());
    update.throughSeq = std::max(seq, upper);
    if (upper <= seq)
        return update;

    Statement statement;
    QStringList conditions{QStringLiteral("seq > ?"), QStringLiteral("seq <= ?")};
    statement.parameters = {seq, upper};
    EventFilter rest = filter;
    rest.text.clear();
    addConditions(rest, conditions, statement.parameters, true, {});
    if (!ftsQuery.isEmpty()) {
        // The rowid bounds inside the subquery let FTS5 skip everything already seen.
        conditions << QStringLiteral("seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ? AND "
                                     "rowid > ? AND rowid <= ?)");
        statement.parameters.emplace_back(ftsQuery);
        statement.parameters.emplace_back(seq);
        statement.parameters.emplace_back(upper);
    }
    statement.sql = QStringLiteral("SELECT ") + QString::fromLatin1(kSummaryColumns) +
                    QStringLiteral(" FROM events WHERE ") + conditions.join(QStringLiteral(" AND ")) +
                    QStringLiteral(" ORDER BY seq ASC LIMIT ?");
    statement.parameters.emplace_back(std::int64_t(std::max(limit, 1)));
    SqliteStatement rows = prepare(statement);
    while (rows.step())
        update.events.push_back(readSummary(rows));
    if (update.events.size() == std::size_t(std::max(limit, 1)))
        update.throughSeq = update.events.back().seq;
    return update;
}

EventCount EventQuery::count(const EventFilter& filter, std::int64_t cap)
{
    Statement statement;
    QStringList conditions;
    EventFilter rest = filter;
    const QString ftsQuery = fullTextQuery(filter.text);
    if (!filter.types.isEmpty() && ftsQuery.isEmpty() && filter.customerId.isEmpty() &&
        filter.customerEmail.isEmpty()) {
        // Counting by type reads events_by_type only, one range per exact type.
        const QStringList types = expandTypes(filter.types);
        if (types.isEmpty())
            return {0, true};
        QStringList placeholders;
        for (const QString& type : types) {
            placeholders << QStringLiteral("?");
            statement.parameters.emplace_back(type);
        }
        conditions << QStringLiteral("type IN (") + placeholders.join(QLatin1Char(',')) + QLatin1Char(')');
        rest.types.clear();
    }
    addConditions(rest, conditions, statement.parameters, true, ftsQuery);
    statement.sql = QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM events");
    if (!conditions.isEmpty())
        statement.sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    statement.sql += QStringLiteral(" LIMIT ?)");
    statement.parameters.emplace_back(cap);
    SqliteStatement rows = prepare(statement);
    const std::int64_t counted = rows.step() ? rows.int64(0) : 0;
    return {counted, counted < cap};
}

QStringList EventQuery::explain(const EventFilter& filter, std::optional<EventCursor> cursor, int limit,
                                bool backward)
{
    Statement statement = buildPage(filter, cursor, limit, backward);
    if (statement.empty)
        return {};
    statement.sql.prepend(QStringLiteral("EXPLAIN QUERY PLAN "));
    SqliteStatement rows = prepare(statement);
    QStringList lines;
    while (rows.step())
        lines << rows.text(3);
    return lines;
}

} // namespace billbridge::store
