#include "rules/ruletester.h"

#include "delivery/jobrequest.h"
#include "store/sqlite.h"
#include "sync/syncstate.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <utility>

namespace billbridge::rules {

namespace {

sync::Verdict verdictFromString(const QString& text)
{
    for (const sync::Verdict verdict : {sync::Verdict::Applied, sync::Verdict::Stale, sync::Verdict::History,
                                        sync::Verdict::Ignored, sync::Verdict::Malformed}) {
        if (sync::toString(verdict) == text)
            return verdict;
    }
    return sync::Verdict::Applied;
}

sync::SyncState stateOf(store::SqliteConnection& connection, const QString& customerId)
{
    store::SqliteStatement select =
        connection.prepare("SELECT state FROM sync_customers WHERE customer_id = ?1");
    select.bind(1, customerId);
    if (!select.step())
        return {};
    return sync::SyncState::fromJson(select.blob(0)).value_or(sync::SyncState{});
}

std::function<QJsonObject(const QString&)> customerLookupOn(store::SqliteConnection& connection)
{
    return [&connection](const QString& id) {
        store::SqliteStatement select =
            connection.prepare("SELECT raw FROM events WHERE customer_id = ?1 AND object_type = 'customer' "
                               "ORDER BY created DESC "
                               "LIMIT 1");
        select.bind(1, id);
        if (!select.step())
            return QJsonObject();
        return QJsonDocument::fromJson(select.blob(0))
            .object()
            .value(QStringLiteral("data"))
            .toObject()
            .value(QStringLiteral("object"))
            .toObject();
    };
}

} // namespace

std::vector<JobPreview> previewsOf(const std::vector<store::NewJob>& jobs)
{
    std::vector<JobPreview> previews;
    for (const store::NewJob& job : jobs) {
        JobPreview preview;
        preview.operation = job.operation;
        preview.idempotencyKey = job.idempotencyKey;
        preview.notBeforeMs = job.notBeforeMs;
        preview.exits = job.exits;
        if (job.operation == QLatin1String("slack.post")) {
            preview.verb = QStringLiteral("POST");
            preview.path = QStringLiteral("slack webhook '%1'")
                               .arg(job.payload.value(QStringLiteral("webhook")).toString());
            preview.body = job.payload.value(QStringLiteral("body")).toString().toUtf8();
        } else if (const std::optional<customerio::CustomerIoRequest> request =
                       delivery::requestOf(job.operation, job.payload)) {
            preview.verb = QString::fromLatin1(request->verb);
            preview.path = QString::fromLatin1(request->relativeTarget());
            preview.body = request->body;
        }
        previews.push_back(std::move(preview));
    }
    return previews;
}

std::optional<EventTestReport> RuleTester::test(store::SqliteConnection& connection, const QString& eventId,
                                                const QList<Rule>& rules, QString* error)
{
    store::SqliteStatement select =
        connection.prepare("SELECT type, customer_id, raw FROM events WHERE id = ?1");
    select.bind(1, eventId);
    if (!select.step()) {
        if (error)
            *error = QStringLiteral("no stored event has the id '%1'").arg(eventId);
        return std::nullopt;
    }
    EventTestReport report;
    report.eventId = eventId;
    report.eventType = select.text(0);
    report.customerId = select.isNull(1) ? QString() : select.text(1);
    RuleInput input;
    input.event = QJsonDocument::fromJson(select.blob(2)).object();

    report.verdict = sync::toString(sync::Verdict::Applied);
    {
        store::SqliteStatement decision =
            connection.prepare("SELECT verdict, customer_id FROM sync_events WHERE event_id = ?1");
        decision.bind(1, eventId);
        if (decision.step()) {
            report.verdict = decision.text(0);
            // The engine attributes disputes through their charge; its decision knows the customer.
            if (report.customerId.isEmpty() && !decision.isNull(1))
                report.customerId = decision.text(1);
        }
    }
    input.customerId = report.customerId;
    input.verdict = verdictFromString(report.verdict);
    if (!report.customerId.isEmpty())
        input.state = stateOf(connection, report.customerId);
    input.customerLookup = customerLookupOn(connection);
    for (const RuleOutcome& outcome : RuleEngine::evaluate(rules, input))
        report.rules.push_back({outcome.ruleId, outcome.fired, outcome.reason, previewsOf(outcome.jobs)});
    return report;
}

WhatIfReport RuleTester::whatIf(store::SqliteConnection& connection, const QList<Rule>& rules, int days,
                                std::int64_t nowMs, const Progress& progress, const std::atomic_bool* cancel)
{
    WhatIfReport report;
    const std::int64_t untilSeconds = nowMs / 1000;
    report.fromSeconds = untilSeconds - std::int64_t(days) * 24 * 3600;

    struct Tally {
        QSet<QString> customers;
    };
    std::vector<Tally> tallies(rules.size());
    QStringList types;
    for (const Rule& rule : rules) {
        report.rules.push_back(WhatIfRuleResult{rule.id, 0, 0, {}, {}});
        for (const QString& type : rule.triggers) {
            if (!types.contains(type))
                types.append(type);
        }
    }

    int total = 0;
    for (const QString& type : types) {
        store::SqliteStatement count = connection.prepare(
            "SELECT count(*) FROM events WHERE type = ?1 AND created >= ?2 AND created <= ?3");
        count.bind(1, type).bind(2, report.fromSeconds).bind(3, untilSeconds);
        count.step();
        total += int(count.int64(0));
    }
    if (progress)
        progress(0, total);

    // Each customer's state is read and parsed once, however many of their events match.
    QHash<QString, sync::SyncState> states;
    const auto customerLookup = customerLookupOn(connection);
    int done = 0;
    for (const QString& type : types) {
        QList<int> candidates; // the rules this type can trigger
        for (int i = 0; i < rules.size(); ++i) {
            if (rules.at(i).triggers.contains(type))
                candidates.append(i);
        }
        store::SqliteStatement select =
            connection.prepare("SELECT id, customer_id, created, raw FROM events WHERE type = ?1 AND created "
                               ">= ?2 AND created <= ?3 "
                               "ORDER BY created DESC, seq DESC");
        select.bind(1, type).bind(2, report.fromSeconds).bind(3, untilSeconds);
        while (select.step()) {
            if (cancel && (done & 255) == 0 && cancel->load()) {
                report.canceled = true;
                report.eventsScanned = done;
                return report;
            }
            ++done;
            if (progress && done % 2000 == 0)
                progress(done, total);
            if (select.isNull(1))
                continue;
            const QString customerId = select.text(1);
            RuleInput input;
            input.customerId = customerId;
            input.event = QJsonDocument::fromJson(select.blob(3)).object();
            auto state = states.find(customerId);
            if (state == states.end())
                state = states.insert(customerId, stateOf(connection, customerId));
            input.state = *state;
            input.customerLookup = customerLookup;
            for (const int index : candidates) {
                const Rule& rule = rules.at(index);
                const RuleOutcome outcome = RuleEngine::evaluate(rule, input);
                if (!outcome.fired)
                    continue;
                WhatIfRuleResult& result = report.rules[index];
                ++result.matchedEvents;
                tallies[index].customers.insert(customerId);
                for (int a = 0; a < rule.actions.size() && a < int(outcome.jobs.size()); ++a)
                    ++result.actionsByType[toString(rule.actions.at(a).type)];
                if (result.samples.size() < kSamplesPerRule)
                    result.samples.append({select.text(0), type, customerId, select.int64(2)});
            }
        }
    }
    for (int i = 0; i < int(report.rules.size()); ++i)
        report.rules[i].distinctCustomers = int(tallies[i].customers.size());
    report.eventsScanned = done;
    if (progress)
        progress(done, total);
    return report;
}

} // namespace billbridge::rules
