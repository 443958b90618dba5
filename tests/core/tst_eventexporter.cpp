// EventExporter: JSON lines and CSV from a real store, masking, selection vs filter, cancel and failure
// paths, the audit trail of unmasked exports, and paging through a large store.

#include "store/auditlog.h"
#include "store/eventexporter.h"
#include "support/fixtures.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"
#include "support/textfiles.h"
#include "util/redact.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace billbridge;
using test::linesOf;
using test::readAll;
using test::writeFile;

namespace {

QByteArray withoutWhitespace(QByteArray bytes)
{
    bytes.replace(' ', "").replace('\n', "").replace('\r', "").replace('\t', "");
    return bytes;
}

// Every personal value in the fixtures, found independently of the exporter's rules: addresses by shape,
// names, phones and address lines by the members Stripe uses for them.
void collectPersonal(const QJsonValue& value, const QString& key, QSet<QString>& found)
{
    static const QSet<QString> keys{QStringLiteral("name"),  QStringLiteral("customer_name"),
                                    QStringLiteral("phone"), QStringLiteral("line1"),
                                    QStringLiteral("line2"), QStringLiteral("postal_code")};
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectPersonal(it.value(), it.key(), found);
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            collectPersonal(item, key, found);
    } else if (value.isString() && !value.toString().isEmpty()) {
        const QString text = value.toString();
        if (keys.contains(key))
            found.insert(text);
        static const QRegularExpression email(QStringLiteral("[\\w.+-]+@[\\w-]+\\.[\\w.]+"));
        for (auto it = email.globalMatch(text); it.hasNext();)
            found.insert(it.next().captured());
    }
}

// RFC 4180 reader for the assertions.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    return rows;
}

QByteArray customerEvent(const QByteArray& id, const QByteArray& email, const QByteArray& name,
                         qint64 created)
{
    return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":" +
           QByteArray::number(created) + ",\"data\":{\"object\":{\"id\":\"cus_" + id.mid(4) +
           "\",\"object\":\"customer\",\"email\":" + email + ",\"name\":" + name +
           ",\"currency\":\"eur\"}},\"livemode\":false,\"pending_webhooks\":1,"
           "\"type\":\"customer.created\"}";
}

} // namespace

class TestEventExporter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_output.isValid());
        m_store = std::make_unique<test::TempStore>();
        QVERIFY(m_store->addAllFixtures().committed);
        m_store->stopWriter();
    }

    void cleanupTestCase() { m_store.reset(); }

    void maskedJsonLinesHideEveryEmailAndName()
    {
        const store::ExportResult result = exportTo(
            QStringLiteral("masked.jsonl"), store::ExportFormat::JsonLines, store::ExportMasking::Masked);
        QCOMPARE(result.status, store::ExportResult::Status::Completed);
        QCOMPARE(result.written, test::Fixtures::names().size());
        const QByteArray contents = readAll(m_output.filePath(QStringLiteral("masked.jsonl")));

        QSet<QString> personal;
        for (const QByteArray& raw : test::Fixtures::loadAll())
            collectPersonal(QJsonDocument::fromJson(raw).object(), QString(), personal);
        QVERIFY(personal.contains(QStringLiteral("maren.holloway@example.com")));
        QVERIFY(personal.contains(QString::fromUtf8("Inês Carvalho")));
        QVERIFY(personal.contains(QStringLiteral("418 Alder Court")));
        for (const QString& value : std::as_const(personal)) {
            QVERIFY2(!contents.contains(value.toUtf8()), qPrintable(value));
            const QByteArray escaped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
            QVERIFY2(!contents.contains(escaped.mid(1, escaped.size() - 2)), qPrintable(value));
        }
        // Surnames on their own do not survive either.
        for (const char* surname : {"Holloway", "Carvalho", "Okafor"})
            QVERIFY2(!contents.contains(surname), surname);

        // Everything else is as stored: same members in the same order, same values.
        const QList<QByteArray> lines = linesOf(contents);
        QCOMPARE(lines.size(), test::Fixtures::names().size());
        const QByteArray original = test::Fixtures::load(QStringLiteral("maren-01-customer.created"));
        const QJsonObject stored = QJsonDocument::fromJson(original).object();
        QByteArray masked;
        for (const QByteArray& line : lines)
            if (line.contains(stored.value(QLatin1String("id")).toString().toUtf8()))
                masked = line;
        QVERIFY(!masked.contains('\n'));
        const QJsonObject exported = QJsonDocument::fromJson(masked).object();
        QCOMPARE(exported.keys(), stored.keys());
        const QJsonObject customer =
            exported.value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject();
        const QJsonObject storedCustomer =
            stored.value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject();
        QCOMPARE(customer.value(QLatin1String("email")).toString(),
                 util::maskEmail(storedCustomer.value(QLatin1String("email")).toString()));
        QCOMPARE(customer.value(QLatin1String("name")).toString(), QStringLiteral("M*** H***"));
        const QJsonObject address = customer.value(QLatin1String("address")).toObject();
        QCOMPARE(address.value(QLatin1String("country")).toString(), QStringLiteral("US"));
        QCOMPARE(address.value(QLatin1String("line1")).toString(), QStringLiteral("4*** A*** C***"));
        QCOMPARE(address.value(QLatin1String("city")).toString(), QStringLiteral("O***"));
        for (const QString& key : {QStringLiteral("id"), QStringLiteral("created"), QStringLiteral("balance"),
                                   QStringLiteral("delinquent"), QStringLiteral("invoice_prefix")})
            QCOMPARE(customer.value(key), storedCustomer.value(key));
        // Member order in the text follows the stored bytes, not QJsonObject's sorted keys.
        QVERIFY(masked.indexOf("\"object\":\"event\"") < masked.indexOf("\"api_version\""));
        QVERIFY(masked.indexOf("\"api_version\"") < masked.indexOf("\"created\""));
        QCOMPARE(masked.indexOf("\"id\""), 1);
    }

    void unmaskedJsonLinesKeepTheStoredBytes()
    {
        const store::ExportResult result = exportTo(
            QStringLiteral("plain.jsonl"), store::ExportFormat::JsonLines, store::ExportMasking::Unmasked);
        QCOMPARE(result.status, store::ExportResult::Status::Completed);
        const QList<QByteArray> lines = linesOf(readAll(m_output.filePath(QStringLiteral("plain.jsonl"))));
        QCOMPARE(lines.size(), test::Fixtures::names().size());
        store::EventStore reader = m_store->reader();
        // Newest first, as the browser shows them.
        const auto expected = reader.query().page({}, std::nullopt, 1000).events;
        QVERIFY(lines.join('\n').contains("\"name\":\"Maren Holloway\""));
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const QByteArray raw = reader.find(expected[i].fields.id)->raw;
            const QByteArray& line = lines.at(qsizetype(i));
            QVERIFY(!line.contains('\n'));
            // Only whitespace between tokens is gone; strings and numbers are byte for byte.
            QCOMPARE(withoutWhitespace(line), withoutWhitespace(raw));
            QCOMPARE(QJsonDocument::fromJson(line), QJsonDocument::fromJson(raw));
        }
    }

    void singleLinePayloadIsExact()
    {
        const QByteArray raw =
            R"({"id":"evt_1","z":"Ada Lovelace","a":[1.50,2e3,{"email":"a\u0040b.co"}],"t":"tab\there"})";
        QCOMPARE(*store::EventExporter::jsonLine(raw, store::ExportMasking::Unmasked), raw);
        const QByteArray masked = *store::EventExporter::jsonLine(raw, store::ExportMasking::Masked);
        QCOMPARE(
            masked,
            QByteArray(
                R"({"id":"evt_1","z":"Ada Lovelace","a":[1.50,2e3,{"email":"a***@b***.co"}],"t":"tab\there"})"));
        QCOMPARE(
            *store::EventExporter::jsonLine("{ \"a\" :\n [ true , null ] }", store::ExportMasking::Unmasked),
            QByteArray(R"({"a":[true,null]})"));
        QVERIFY(!store::EventExporter::jsonLine("{\"a\":", store::ExportMasking::Masked));
        QVERIFY(!store::EventExporter::jsonLine("{\"a\"\n:1,}", store::ExportMasking::Unmasked));
        QVERIFY(!store::EventExporter::jsonLine(QByteArray(1000, '['), store::ExportMasking::Masked));
        // An address hidden in free text is masked too.
        QCOMPARE(*store::EventExporter::jsonLine(R"({"description":"for ada@example.com, thanks"})",
                                                 store::ExportMasking::Masked),
                 QByteArray(R"({"description":"for a***@e***.com, thanks"})"));
    }

    void selectionExportsOnlyThoseNewestFirst()
    {
        store::EventStore reader = m_store->reader();
        const auto all = reader.query().page({}, std::nullopt, 1000).events;
        QVERIFY(all.size() > 5);
        const QString newer = all[2].fields.id;
        const QString older = all[5].fields.id;
        store::ExportRequest request =
            requestFor(QStringLiteral("selection.jsonl"), store::ExportFormat::JsonLines,
                       store::ExportMasking::Unmasked);
        request.eventIds = QStringList{older, QStringLiteral("evt_NotInTheStore"), newer, older};
        const store::ExportResult result = store::EventExporter(request).run();
        QCOMPARE(result.status, store::ExportResult::Status::Completed);
        QCOMPARE(result.written, 2);
        QCOMPARE(result.missing, 1);
        const QList<QByteArray> lines = linesOf(readAll(request.outputPath));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(lines[0]).object().value(QLatin1String("id")).toString(), newer);
        QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QLatin1String("id")).toString(), older);
    }

    void filterExportsTheMatchingSet()
    {
        store::ExportRequest request = requestFor(
            QStringLiteral("invoices.jsonl"), store::ExportFormat::JsonLines, store::ExportMasking::Masked);
        request.filter.types = {QStringLiteral("invoice.*")};
        request.filter.customerEmail = QStringLiteral("MAREN.HOLLOWAY@example.com");
        const std::size_t auditRows = store::AuditLog::open(m_store->path()).list().size();
        std::optional<std::int64_t> total;
        const store::ExportResult result = store::EventExporter(request).run(
            nullptr, [&](const store::ExportProgress& p) { total = p.total; });
        QCOMPARE(result.status, store::ExportResult::Status::Completed);
        const auto expected = m_store->reader().query().page(request.filter, std::nullopt, 1000).events;
        QVERIFY(!expected.empty());
        QCOMPARE(result.written, std::int64_t(expected.size()));
        QCOMPARE(total, std::optional<std::int64_t>(expected.size()));
        const QList<QByteArray> lines = linesOf(readAll(request.outputPath));
        QCOMPARE(lines.size(), qsizetype(expected.size()));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QJsonObject event = QJsonDocument::fromJson(lines[i]).object();
            QCOMPARE(event.value(QLatin1String("id")).toString(), expected[std::size_t(i)].fields.id);
            QVERIFY(event.value(QLatin1String("type")).toString().startsWith(QLatin1String("invoice.")));
        }
        // A masked export leaves no audit trail.
        QCOMPARE(store::AuditLog::open(m_store->path()).list().size(), auditRows);
    }

    void csvColumnsQuotingAndFormulaGuard()
    {
        test::TempStore temp;
        const QByteArray formulaEmail = "\"=HYPERLINK(\\\"http://x\\\")@example.com\"";
        const QByteArray awkwardName = "\"Eve, \\\"the\\\" Mallory\\nline two\"";
        const QList<QByteArray> bodies{
            customerEvent("evt_Csv1", formulaEmail, awkwardName, 1790000200),
            customerEvent("evt_Csv2", "\"plain@example.com\"", "\"Bob\"", 1790000100),
            test::minimalEvent("evt_Csv3", "invoice.paid", "cus_Csv3", false, 1790000000)};
        QVERIFY(temp.addRaw(bodies).committed);
        temp.stopWriter();
        const QString path = m_output.filePath(QStringLiteral("quoted.csv"));
        store::ExportRequest request;
        request.storePath = temp.path();
        request.outputPath = path;
        request.format = store::ExportFormat::Csv;
        request.masking = store::ExportMasking::Unmasked;
        QCOMPARE(store::EventExporter(request).run().status, store::ExportResult::Status::Completed);
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.endsWith("\r\n"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0].join(QLatin1Char(',')),
                 QStringLiteral(
                     "id,type,created,livemode,customer,email,amount,currency,status,object_type,object_id,"
                     "source,signature,received_at"));
        for (const QStringList& row : rows)
            QCOMPARE(row.size(), 14);
        QCOMPARE(rows[1][0], QStringLiteral("evt_Csv1"));
        QCOMPARE(rows[1][2], QStringLiteral("2026-09-21T14:16:40Z"));
        QCOMPARE(rows[1][3], QStringLiteral("false"));
        QCOMPARE(rows[1][4], QStringLiteral("cus_Csv1"));
        // The formula guard: a spreadsheet shows the text instead of running it.
        QCOMPARE(rows[1][5], QStringLiteral("'=HYPERLINK(\"http://x\")@example.com"));
        QCOMPARE(rows[1][7], QStringLiteral("eur"));
        QCOMPARE(rows[1][11], QStringLiteral("webhook"));
        QCOMPARE(rows[1][12], QStringLiteral("verified"));
        QVERIFY(rows[1][13].endsWith(QLatin1Char('Z')));
        QCOMPARE(rows[2][5], QStringLiteral("plain@example.com"));
        QCOMPARE(rows[3][0], QStringLiteral("evt_Csv3"));
        QCOMPARE(rows[3][9], QStringLiteral("invoice"));

        QCOMPARE(store::EventExporter::csvCell(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(store::EventExporter::csvCell(QStringLiteral("say \"hi\"")),
                 QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(store::EventExporter::csvCell(QStringLiteral("two\nlines")),
                 QStringLiteral("\"two\nlines\""));
        QCOMPARE(store::EventExporter::csvCell(QStringLiteral("+1 415")), QStringLiteral("'+1 415"));
        QCOMPARE(store::EventExporter::csvCell(QStringLiteral("-2")), QStringLiteral("'-2"));
        QCOMPARE(store::EventExporter::csvCell(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(store::EventExporter::csvCell(QStringLiteral("=1,2")), QStringLiteral("\"'=1,2\""));
        QCOMPARE(store::EventExporter::csvCell(QStringLiteral("plain")), QStringLiteral("plain"));

        request.masking = store::ExportMasking::Masked;
        QCOMPARE(store::EventExporter(request).run().status, store::ExportResult::Status::Completed);
        const QList<QStringList> masked = parseCsv(QString::fromUtf8(readAll(path)));
        QCOMPARE(masked[2][5], QStringLiteral("p***@e***.com"));
        QVERIFY(!readAll(path).contains("plain@example.com"));
    }

    void csvOfFixturesMasksEmails()
    {
        const store::ExportResult result =
            exportTo(QStringLiteral("fixtures.csv"), store::ExportFormat::Csv, store::ExportMasking::Masked);
        QCOMPARE(result.status, store::ExportResult::Status::Completed);
        const QByteArray bytes = readAll(m_output.filePath(QStringLiteral("fixtures.csv")));
        QVERIFY(!bytes.contains("@example.com"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes));
        QCOMPARE(rows.size(), test::Fixtures::names().size() + 1);
        bool sawAmount = false;
        for (const QStringList& row : rows.mid(1))
            sawAmount = sawAmount || (!row[6].isEmpty() && !row[7].isEmpty() && !row[8].isEmpty());
        QVERIFY(sawAmount);
    }

    void cancelLeavesNoFileAndKeepsAnExistingOne()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.jsonl"));
        const QString existing = dir.filePath(QStringLiteral("existing.jsonl"));
        QVERIFY(writeFile(existing, "previous export\n"));

        for (const QString& path : {fresh, existing}) {
            store::ExportRequest request;
            request.storePath = m_store->path();
            request.outputPath = path;
            request.pageSize = 5;
            std::atomic<bool> cancel = false;
            int reports = 0;
            const store::ExportResult result =
                store::EventExporter(request).run(&cancel, [&](const auto& progress) {
                    if (progress.written > 0) {
                        ++reports;
                        cancel = true;
                    }
                });
            QCOMPARE(result.status, store::ExportResult::Status::Cancelled);
            QCOMPARE(result.written, 5);
            QCOMPARE(reports, 1);
        }
        QVERIFY(!QFile::exists(fresh));
        QCOMPARE(readAll(existing), QByteArray("previous export\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("existing.jsonl")});
    }

    void completedExportReplacesAnExistingFile()
    {
        const QString path = m_output.filePath(QStringLiteral("replace.csv"));
        QVERIFY(writeFile(path, "old"));
        QCOMPARE(
            exportTo(QStringLiteral("replace.csv"), store::ExportFormat::Csv, store::ExportMasking::Masked)
                .status,
            store::ExportResult::Status::Completed);
        QVERIFY(readAll(path).startsWith("id,type,"));
    }

    void unwritableFolderIsAClearError()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a-file"))));
        for (const QString& path : {dir.filePath(QStringLiteral("a-file/out.jsonl")),
                                    dir.filePath(QStringLiteral("missing/folder/out.jsonl"))}) {
            store::ExportRequest request;
            request.storePath = m_store->path();
            request.outputPath = path;
            const store::ExportResult result = store::EventExporter(request).run();
            QCOMPARE(result.status, store::ExportResult::Status::Failed);
            QVERIFY2(result.error.contains(QLatin1String("Could not write")), qPrintable(result.error));
            QVERIFY2(result.error.contains(QLatin1String("Choose a folder")), qPrintable(result.error));
            QVERIFY(!QFile::exists(path));
        }
    }

    void missingStoreIsAClearError()
    {
        QTemporaryDir dir;
        store::ExportRequest request;
        request.storePath = dir.filePath(QStringLiteral("nothing.sqlite"));
        request.outputPath = dir.filePath(QStringLiteral("out.jsonl"));
        const store::ExportResult result = store::EventExporter(request).run();
        QCOMPARE(result.status, store::ExportResult::Status::Failed);
        QVERIFY(!result.error.isEmpty());
        QVERIFY(!QFile::exists(request.outputPath));
    }

    void auditRowOnlyForUnmaskedExports()
    {
        test::TempStore temp;
        QVERIFY(temp.addAllFixtures().committed);
        temp.stopWriter();
        store::ExportRequest request;
        request.storePath = temp.path();
        request.outputPath = m_output.filePath(QStringLiteral("audited.csv"));
        request.format = store::ExportFormat::Csv;
        request.filter.customerEmail = QStringLiteral("maren.holloway@example.com");
        request.actor = QStringLiteral("ops-ada");
        QCOMPARE(store::EventExporter(request).run().status, store::ExportResult::Status::Completed);
        QVERIFY(store::AuditLog::open(temp.path()).list().empty());

        request.masking = store::ExportMasking::Unmasked;
        const store::ExportResult result = store::EventExporter(request).run();
        QCOMPARE(result.status, store::ExportResult::Status::Completed);
        QVERIFY(result.auditId);
        const auto entries = store::AuditLog::open(temp.path()).list();
        QCOMPARE(entries.size(), std::size_t(1));
        const store::AuditEntry& entry = entries.front();
        QCOMPARE(entry.id, *result.auditId);
        QCOMPARE(entry.actor, QStringLiteral("ops-ada"));
        QCOMPARE(entry.action, QStringLiteral("export.unmasked"));
        QCOMPARE(entry.subject, QFileInfo(request.outputPath).absoluteFilePath());
        QCOMPARE(entry.details.value(QLatin1String("count")).toInteger(), result.written);
        QCOMPARE(entry.details.value(QLatin1String("format")).toString(), QStringLiteral("csv"));
        const QJsonObject filter = entry.details.value(QLatin1String("filter")).toObject();
        QCOMPARE(filter.value(QLatin1String("customer_email")).toString(), QStringLiteral("m***@e***.com"));
        QVERIFY(!QJsonDocument(entry.details).toJson().contains("holloway"));

        // A cancelled unmasked export wrote nothing, so it records nothing.
        std::atomic<bool> cancel = true;
        QCOMPARE(store::EventExporter(request).run(&cancel).status, store::ExportResult::Status::Cancelled);
        QCOMPARE(store::AuditLog::open(temp.path()).list().size(), std::size_t(1));
    }

    void twentyThousandEventsStreamInPages()
    {
        test::TempStore temp;
        constexpr int kEvents = 20000;
        for (int batch = 0; batch < kEvents / 2000; ++batch) {
            QList<QByteArray> bodies;
            for (int i = batch * 2000; i < (batch + 1) * 2000; ++i)
                bodies << test::minimalEvent(test::Fixtures::syntheticEventId(i).toUtf8(), "invoice.paid",
                                             "cus_Bulk", false, 1790000000 + i / 3);
            QVERIFY(temp.addRaw(bodies).committed);
        }
        temp.stopWriter();

        store::ExportRequest request;
        request.storePath = temp.path();
        request.outputPath = m_output.filePath(QStringLiteral("bulk.jsonl"));
        request.masking = store::ExportMasking::Masked;
        request.pageSize = 500;
        std::vector<std::int64_t> reports;
        std::optional<std::int64_t> total;
        const store::ExportResult result =
            store::EventExporter(request).run(nullptr, [&](const store::ExportProgress& progress) {
                reports.push_back(progress.written);
                total = progress.total;
            });
        QCOMPARE(result.status, store::ExportResult::Status::Completed);
        QCOMPARE(result.written, kEvents);
        QCOMPARE(total, std::optional<std::int64_t>(kEvents));
        // One report per page of 500: the export walked the store page by page.
        QVERIFY2(reports.size() >= std::size_t(kEvents / 500), qPrintable(QString::number(reports.size())));
        for (std::size_t i = 1; i < reports.size(); ++i)
            QVERIFY(reports[i] - reports[i - 1] <= 500);
        const QList<QByteArray> lines = linesOf(readAll(request.outputPath));
        QCOMPARE(lines.size(), kEvents);
        QSet<QString> ids;
        for (const QByteArray& line : lines)
            ids.insert(QJsonDocument::fromJson(line).object().value(QLatin1String("id")).toString());
        QCOMPARE(ids.size(), kEvents);
        QCOMPARE(QJsonDocument::fromJson(lines.first()).object().value(QLatin1String("id")).toString(),
                 test::Fixtures::syntheticEventId(kEvents - 1));
    }

private:
    store::ExportRequest requestFor(const QString& name, store::ExportFormat format,
                                    store::ExportMasking masking)
    {
        store::ExportRequest request;
        request.storePath = m_store->path();
        request.outputPath = m_output.filePath(name);
        request.format = format;
        request.masking = masking;
        return request;
    }

    store::ExportResult exportTo(const QString& name, store::ExportFormat format,
                                 store::ExportMasking masking)
    {
        return store::EventExporter(requestFor(name, format, masking)).run();
    }

    std::unique_ptr<test::TempStore> m_store;
    QTemporaryDir m_output;
};

QTEST_GUILESS_MAIN(TestEventExporter)
#include "tst_eventexporter.moc"
