#include "store/eventexporter.h"

#include "store/auditlog.h"
#include "store/database.h"
#include "store/eventquery.h"
#include "util/logging.h"
#include "util/redact.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <vector>

namespace billbridge::store {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("billbridge::store::EventExporter", text);
}

bool isAddressKey(const QString& key)
{
    return key == QLatin1String("address") || key.endsWith(QLatin1String("_address"));
}

bool isEmailKey(const QString& key)
{
    return key == QLatin1String("email") || key.endsWith(QLatin1String("_email"));
}

bool isPhoneKey(const QString& key)
{
    return key == QLatin1String("phone") || key.endsWith(QLatin1String("_phone"));
}

bool isNameKey(const QString& key)
{
    static const QSet<QString> names{QStringLiteral("name"),       QStringLiteral("customer_name"),
                                     QStringLiteral("first_name"), QStringLiteral("last_name"),
                                     QStringLiteral("line1"),      QStringLiteral("line2")};
    return names.contains(key);
}

// Keeps only the international prefix's plus sign: even a few digits narrow a number down.
QString maskPhone(const QString& phone)
{
    if (phone.isEmpty())
        return phone;
    return phone.startsWith(QLatin1Char('+')) ? QStringLiteral("+***") : QStringLiteral("***");
}

QString maskedString(const QString& key, bool inAddress, const QString& text)
{
    if (text.isEmpty())
        return text;
    if (isEmailKey(key))
        return util::maskEmail(text);
    if (isPhoneKey(key))
        return maskPhone(text);
    if (isNameKey(key) || (inAddress && key != QLatin1String("country")))
        return util::maskName(text);
    return util::maskEmailsIn(text);
}

// Copies a JSON text token by token, dropping whitespace between tokens and, when masking, replacing the
// personal strings. Members keep their order and every other token keeps its exact bytes, which a
// QJsonDocument round trip would not (it sorts keys and rewrites numbers).
class PayloadRewriter {
public:
    PayloadRewriter(const QByteArray& input, bool mask)
        : m_in(input)
        , m_mask(mask)
    {}

    std::optional<QByteArray> run()
    {
        m_out.reserve(m_in.size());
        if (!value(QString(), false, 0))
            return std::nullopt;
        skipSpace();
        if (m_pos != m_in.size())
            return std::nullopt;
        return m_out;
    }

private:
    static constexpr int kMaxDepth = 256;

    char peek() const { return m_pos < m_in.size() ? m_in.at(m_pos) : '\0'; }

    void skipSpace()
    {
        while (m_pos < m_in.size()) {
            const char c = m_in.at(m_pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    // The string token at m_pos, quotes included.
    bool stringToken(QByteArrayView& token, bool& escaped)
    {
        const qsizetype start = m_pos++;
        escaped = false;
        while (m_pos < m_in.size()) {
            const char c = m_in.at(m_pos);
            if (c == '\\') {
                escaped = true;
                m_pos += 2;
                continue;
            }
            ++m_pos;
            if (c == '"') {
                token = QByteArrayView(m_in).sliced(start, m_pos - start);
                return true;
            }
        }
        return false;
    }

    static QString decode(QByteArrayView token, bool escaped)
    {
        if (!escaped)
            return QString::fromUtf8(token.sliced(1, token.size() - 2));
        const QByteArray wrapped = '[' + token.toByteArray() + ']';
        return QJsonDocument::fromJson(wrapped).array().at(0).toString();
    }

    static QByteArray encode(const QString& text)
    {
        const QByteArray wrapped = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        return wrapped.mid(1, wrapped.size() - 2);
    }

    bool value(const QString& key, bool inAddress, int depth)
    {
        if (depth > kMaxDepth)
            return false;
        skipSpace();
        const char c = peek();
        if (c == '{')
            return object(inAddress, depth);
        if (c == '[')
            return array(key, inAddress, depth);
        if (c == '"') {
            QByteArrayView token;
            bool escaped = false;
            if (!stringToken(token, escaped))
                return false;
            if (!m_mask) {
                m_out += token;
                return true;
            }
            const QString text = decode(token, escaped);
            const QString masked = maskedString(key, inAddress, text);
            if (masked == text)
                m_out += token;
            else
                m_out += encode(masked);
            return true;
        }
        const qsizetype start = m_pos;
        while (m_pos < m_in.size() && !QByteArrayView(",]} \t\r\n").contains(m_in.at(m_pos)))
            ++m_pos;
        if (m_pos == start)
            return false;
        m_out += QByteArrayView(m_in).sliced(start, m_pos - start);
        return true;
    }

    bool object(bool inAddress, int depth)
    {
        m_out += '{';
        ++m_pos;
        skipSpace();
        if (peek() == '}') {
            m_out += '}';
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() != '"')
                return false;
            QByteArrayView token;
            bool escaped = false;
            if (!stringToken(token, escaped))
                return false;
            m_out += token;
            const QString member = m_mask ? decode(token, escaped) : QString();
            skipSpace();
            if (peek() != ':')
                return false;
            m_out += ':';
            ++m_pos;
            if (!value(member, inAddress || (m_mask && isAddressKey(member)), depth + 1))
                return false;
            skipSpace();
            const char next = peek();
            ++m_pos;
            m_out += next;
            if (next == '}')
                return true;
            if (next != ',')
                return false;
        }
    }

    bool array(const QString& key, bool inAddress, int depth)
    {
        m_out += '[';
        ++m_pos;
        skipSpace();
        if (peek() == ']') {
            m_out += ']';
            ++m_pos;
            return true;
        }
        for (;;) {
            if (!value(key, inAddress, depth + 1))
                return false;
            skipSpace();
            const char next = peek();
            ++m_pos;
            m_out += next;
            if (next == ']')
                return true;
            if (next != ',')
                return false;
        }
    }

    const QByteArray& m_in;
    const bool m_mask;
    qsizetype m_pos = 0;
    QByteArray m_out;
};

QString isoSeconds(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString isoMilliseconds(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// The filter as the audit log may keep it: its shape, with the personal parts masked.
QJsonObject auditableFilter(const EventFilter& filter)
{
    QJsonObject object = filter.toJson();
    if (!filter.customerEmail.isEmpty())
        object.insert(QStringLiteral("customer_email"), util::maskEmail(filter.customerEmail));
    if (!filter.text.isEmpty())
        object.insert(QStringLiteral("text"), util::maskName(util::maskEmailsIn(filter.text)));
    return object;
}

class ExportRun {
public:
    ExportRun(const ExportRequest& request, const std::atomic<bool>* cancel,
              const EventExporter::ProgressCallback& progress)
        : m_request(request)
        , m_cancel(cancel)
        , m_progress(progress)
        , m_file(request.outputPath)
    {}

    ExportResult run()
    {
        try {
            m_connection = Database::openForReading(m_request.storePath);
        } catch (const StoreError& error) {
            return failed(error.message());
        }
        if (!m_file.open(QIODevice::WriteOnly)) {
            return failed(tr("Could not write %1: %2. Choose a folder you can write to, or check its "
                             "permissions and free space.")
                              .arg(QDir::toNativeSeparators(m_request.outputPath), m_file.errorString()),
                          ExportResult::Failure::Output);
        }
        try {
            if (m_request.format == ExportFormat::Csv && !write(EventExporter::csvHeader()))
                return writeFailed();
            const bool completed = m_request.eventIds ? exportSelection() : exportFilter();
            if (!m_result.error.isEmpty()) {
                m_file.cancelWriting();
                return m_result;
            }
            if (!completed) {
                m_file.cancelWriting();
                m_result.status = ExportResult::Status::Cancelled;
                return m_result;
            }
        } catch (const StoreError& error) {
            m_file.cancelWriting();
            return failed(error.message());
        }
        if (m_request.masking == ExportMasking::Unmasked && !recordInAuditLog())
            return m_result;
        if (!m_file.commit())
            return writeFailed();
        m_result.status = ExportResult::Status::Completed;
        report(m_result.written);
        return m_result;
    }

private:
    ExportResult failed(const QString& message, ExportResult::Failure failure = ExportResult::Failure::Store)
    {
        m_result.status = ExportResult::Status::Failed;
        m_result.failure = failure;
        m_result.error = message;
        return m_result;
    }

    ExportResult writeFailed()
    {
        const QString reason = m_file.errorString();
        m_file.cancelWriting();
        return failed(tr("Writing %1 failed: %2. Nothing was saved; free some space or choose another "
                         "folder and export again.")
                          .arg(QDir::toNativeSeparators(m_request.outputPath), reason),
                      ExportResult::Failure::Output);
    }

    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    void report(std::int64_t written)
    {
        if (m_progress)
            m_progress({written, m_total});
    }

    bool write(const QByteArray& bytes) { return m_file.write(bytes) == bytes.size(); }

    QByteArray rawOf(std::int64_t seq)
    {
        if (!m_rawStatement)
            m_rawStatement.emplace(m_connection.prepare("SELECT raw FROM events WHERE seq = ?1"));
        m_rawStatement->reset();
        m_rawStatement->bind(1, seq);
        return m_rawStatement->step() ? m_rawStatement->blob(0) : QByteArray();
    }

    // False with m_result.error set when the export must stop.
    bool writeEvent(const StoredEvent& event)
    {
        if (m_request.format == ExportFormat::Csv) {
            if (!write(EventExporter::csvRow(event, m_request.masking))) {
                writeFailed();
                return false;
            }
        } else {
            const auto line = EventExporter::jsonLine(rawOf(event.seq), m_request.masking);
            if (!line) {
                failed(tr("The stored payload of event %1 is not valid JSON, so the export stopped. Export "
                          "as CSV, or leave this event out of the selection.")
                           .arg(event.fields.id),
                       ExportResult::Failure::Payload);
                return false;
            }
            if (!write(*line + '\n')) {
                writeFailed();
                return false;
            }
        }
        ++m_result.written;
        return true;
    }

    // True when every event was written; false when cancelled or failed.
    bool exportFilter()
    {
        EventQuery query(m_connection);
        const EventCount count = query.count(m_request.filter);
        if (count.exact)
            m_total = count.count;
        report(0);
        std::optional<EventCursor> cursor;
        const int pageSize = std::max(1, m_request.pageSize);
        for (;;) {
            const EventPage page = query.page(m_request.filter, cursor, pageSize);
            for (const StoredEvent& event : page.events) {
                if (cancelled())
                    return false;
                if (!writeEvent(event))
                    return false;
            }
            report(m_result.written);
            if (!page.hasMore || page.events.empty())
                return true;
            cursor = EventCursor::of(page.events.back());
        }
    }

    bool exportSelection()
    {
        // The selection is already a list in the caller's memory; its summaries are of the same order.
        const QByteArray sql =
            QByteArray("SELECT ") + EventQuery::summaryColumns() + " FROM events WHERE id = ?1";
        SqliteStatement find = m_connection.prepare(sql.constData());
        std::vector<StoredEvent> events;
        QSet<QString> seen;
        for (const QString& id : *m_request.eventIds) {
            if (seen.contains(id))
                continue;
            seen.insert(id);
            find.reset();
            find.bind(1, id);
            if (find.step())
                events.push_back(EventQuery::readSummary(find));
            else
                ++m_result.missing;
        }
        std::sort(events.begin(), events.end(), [](const StoredEvent& a, const StoredEvent& b) {
            return a.fields.created != b.fields.created ? a.fields.created > b.fields.created : a.seq > b.seq;
        });
        m_total = static_cast<std::int64_t>(events.size());
        report(0);
        const int pageSize = std::max(1, m_request.pageSize);
        for (const StoredEvent& event : events) {
            if (cancelled())
                return false;
            if (!writeEvent(event))
                return false;
            if (m_result.written % pageSize == 0)
                report(m_result.written);
        }
        return true;
    }

    bool recordInAuditLog()
    {
        QJsonObject details{
            {QStringLiteral("format"), toString(m_request.format)},
            {QStringLiteral("count"), qint64(m_result.written)},
        };
        if (m_request.eventIds)
            details.insert(QStringLiteral("selection"), qint64(m_request.eventIds->size()));
        else
            details.insert(QStringLiteral("filter"), auditableFilter(m_request.filter));
        try {
            AuditLog audit = AuditLog::open(m_request.storePath);
            m_result.auditId = audit.record(m_request.actor, QStringLiteral("export.unmasked"),
                                            QFileInfo(m_request.outputPath).absoluteFilePath(), details);
            return true;
        } catch (const StoreError& error) {
            qCWarning(lcStore) << "unmasked export not recorded:" << error.message();
            m_file.cancelWriting();
            failed(tr("The export was not saved because it could not be recorded in the audit log (%1). "
                      "Unmasked exports are only written once they are recorded: try again in a moment, "
                      "or export with masking.")
                       .arg(error.message()));
            return false;
        }
    }

    const ExportRequest& m_request;
    const std::atomic<bool>* m_cancel;
    const EventExporter::ProgressCallback& m_progress;
    QSaveFile m_file;
    SqliteConnection m_connection;
    std::optional<SqliteStatement> m_rawStatement;
    std::optional<std::int64_t> m_total;
    ExportResult m_result;
};

} // namespace

QString toString(ExportFormat format)
{
    return format == ExportFormat::Csv ? QStringLiteral("csv") : QStringLiteral("jsonl");
}

std::optional<ExportFormat> exportFormatFromString(const QString& text)
{
    const QString lower = text.trimmed().toLower();
    if (lower == QLatin1String("jsonl") || lower == QLatin1String("json-lines") ||
        lower == QLatin1String("ndjson"))
        return ExportFormat::JsonLines;
    if (lower == QLatin1String("csv"))
        return ExportFormat::Csv;
    return std::nullopt;
}

EventExporter::EventExporter(ExportRequest request)
    : m_request(std::move(request))
{}

ExportResult EventExporter::run(const std::atomic<bool>* cancel, const ProgressCallback& progress)
{
    return ExportRun(m_request, cancel, progress).run();
}

std::optional<QByteArray> EventExporter::jsonLine(const QByteArray& raw, ExportMasking masking)
{
    const bool mask = masking == ExportMasking::Masked;
    if (!mask && !raw.contains('\n') && !raw.contains('\r'))
        return raw;
    return PayloadRewriter(raw, mask).run();
}

QByteArray EventExporter::csvHeader()
{
    return QByteArrayLiteral("id,type,created,livemode,customer,email,amount,currency,status,object_type,"
                             "object_id,source,signature,received_at\r\n");
}

QString EventExporter::csvCell(const QString& text)
{
    QString cell = text;
    if (!cell.isEmpty() && QStringView(u"=+-@\t\r").contains(cell.at(0)))
        cell.prepend(QLatin1Char('\''));
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) ||
        cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r'))) {
        cell.replace(QLatin1Char('"'), QLatin1String("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell;
}

QByteArray EventExporter::csvRow(const StoredEvent& event, ExportMasking masking)
{
    const stripe::StripeEventFields& fields = event.fields;
    const QString email = masking == ExportMasking::Masked && !fields.customerEmail.isEmpty()
                              ? util::maskEmail(fields.customerEmail)
                              : fields.customerEmail;
    const QStringList cells{
        csvCell(fields.id),
        csvCell(fields.type),
        isoSeconds(fields.created),
        fields.livemode ? QStringLiteral("true") : QStringLiteral("false"),
        csvCell(fields.customerId),
        csvCell(email),
        fields.amount ? QString::number(*fields.amount) : QString(),
        csvCell(fields.currency),
        csvCell(fields.status),
        csvCell(fields.objectType),
        csvCell(fields.objectId),
        toString(event.source),
        toString(event.verdict),
        event.receivedAtMs > 0 ? isoMilliseconds(event.receivedAtMs) : QString(),
    };
    return cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

} // namespace billbridge::store
