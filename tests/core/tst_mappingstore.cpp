// MappingStore: plan mappings from Stripe price and product ids; validation, lookup precedence and the
// prices that stored events mention without a mapping.

#include "store/auditlog.h"
#include "store/database.h"
#include "store/mappingstore.h"
#include "support/fixtures.h"
#include "support/refusedaudit.h"
#include "support/tempstore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <functional>
using namespace billbridge;

namespace {

// The fixtures' three prices: two of them belong to the same product.
const QString kTeamMonthly = QStringLiteral("price_1T3stpfhcHutDrDxWIhMkSrM");
const QString kTeamProduct = QStringLiteral("prod_T3stEPSnvSgeQY");
const QString kBusinessMonthly = QStringLiteral("price_1T3stOAIrLTwQNC3HKiScMac");
const QString kBusinessYearlyEur = QStringLiteral("price_1T3stRQ2nmsNYMasWYcVAcpc");
const QString kBusinessProduct = QStringLiteral("prod_T3stcnWj6MgDX6");

store::PlanMapping mapping(const QString& id, const QString& name, const QString& tier = {},
                           const QString& interval = {}, const QString& note = {})
{
    store::PlanMapping result;
    result.stripeId = id;
    result.planName = name;
    result.tier = tier;
    result.intervalLabel = interval;
    result.note = note;
    return result;
}

QStringList idsOf(const std::vector<store::UnmappedPrice>& prices)
{
    QStringList ids;
    for (const store::UnmappedPrice& price : prices)
        ids << price.priceId;
    return ids;
}

} // namespace

class TestMappingStore : public QObject {
    Q_OBJECT

private slots:
    void schemaSixHasTheTable()
    {
        test::TempStore temp;
        store::SqliteConnection connection = store::Database::openForWriting(temp.path());
        QVERIFY(store::Database::latestSchemaVersion() >= 6);
        // The kind is checked by the table itself, not only by the class.
        QVERIFY_THROWS_EXCEPTION(
            store::StoreError,
            connection.exec("INSERT INTO plan_mappings (stripe_id, kind, plan_name, updated_at_ms) "
                            "VALUES ('price_x', 'coupon', 'X', 1)"));
        QVERIFY_THROWS_EXCEPTION(store::StoreError,
                                 connection.exec("INSERT INTO plan_mappings (stripe_id, kind, updated_at_ms) "
                                                 "VALUES ('price_x', 'price', 1)"));
    }

    void idsAndKinds()
    {
        QVERIFY(store::MappingStore::kindOf(QStringLiteral("price_1T3stOAIrLTwQNC3HKiScMac")) ==
                store::MappingKind::Price);
        QVERIFY(store::MappingStore::kindOf(QStringLiteral("prod_T3stcnWj6MgDX6")) ==
                store::MappingKind::Product);
        for (const char* bad : {"", "price_", "prod_", "plan_abc", "price_ab-c", "price_abc ", " price_abc",
                                "PRICE_abc", "price_ab_c", "price_äbc", "prod"})
            QVERIFY2(!store::MappingStore::kindOf(QString::fromUtf8(bad)), bad);
    }

    void validationAndNormalisation()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::MappingStore mappings = store::MappingStore::open(temp.path(), [&] { return clock; });

        const store::PlanMapping stored =
            mappings.upsert(mapping(QStringLiteral("  ") + kBusinessProduct, QStringLiteral("  Business "),
                                    QStringLiteral(" "), QStringLiteral(" monthly "), QString()));
        QCOMPARE(stored.stripeId, kBusinessProduct);
        QVERIFY(stored.kind == store::MappingKind::Product);
        QCOMPARE(stored.planName, QStringLiteral("Business"));
        QVERIFY(stored.tier.isNull()); // blank reads as "not set"
        QCOMPARE(stored.intervalLabel, QStringLiteral("monthly"));
        QVERIFY(stored.note.isNull());
        QCOMPARE(stored.updatedAtMs, 1000);

        auto rejects = [&](const store::PlanMapping& bad, const QString& expected) {
            try {
                mappings.upsert(bad);
            } catch (const store::StoreError& error) {
                return error.message().contains(expected);
            }
            return false;
        };
        QVERIFY(
            rejects(mapping(QStringLiteral("sub_123"), QStringLiteral("X")), QStringLiteral("'sub_123'")));
        QVERIFY(rejects(mapping(QString(), QStringLiteral("X")), QStringLiteral("needs a Stripe price id")));
        QVERIFY(rejects(mapping(kTeamMonthly, QStringLiteral("   ")), QStringLiteral("needs a plan name")));
        QVERIFY(rejects(mapping(kTeamMonthly, QString(201, QLatin1Char('n'))), QStringLiteral("200")));
        QVERIFY(rejects(mapping(kTeamMonthly, QStringLiteral("Team"), QString(101, QLatin1Char('t'))),
                        QStringLiteral("tier")));
        QVERIFY(rejects(mapping(kTeamMonthly, QStringLiteral("Team"), {}, QString(101, QLatin1Char('i'))),
                        QStringLiteral("interval label")));
        // At the limits is fine.
        mappings.upsert(mapping(kTeamMonthly, QString(200, QLatin1Char('n')), QString(100, QLatin1Char('t')),
                                QString(100, QLatin1Char('i'))));
        QCOMPARE(mappings.list().size(), std::size_t(2));

        // Replacing keeps one row and moves the time.
        clock = 2000;
        const store::PlanMapping replaced =
            mappings.upsert(mapping(kTeamMonthly, QStringLiteral("Team"), QStringLiteral("team")));
        QCOMPARE(replaced.planName, QStringLiteral("Team"));
        QVERIFY(replaced.intervalLabel.isNull());
        QCOMPARE(replaced.updatedAtMs, 2000);
        QCOMPARE(mappings.list().size(), std::size_t(2));
    }

    void listSearchFindRemove()
    {
        test::TempStore temp;
        store::MappingStore mappings = store::MappingStore::open(temp.path());
        QVERIFY(mappings.list().empty());
        mappings.upsert(mapping(kTeamMonthly, QStringLiteral("team"), QStringLiteral("starter")));
        mappings.upsert(mapping(kBusinessProduct, QStringLiteral("Business"), QStringLiteral("Pro")));
        mappings.upsert(
            mapping(kBusinessYearlyEur, QString::fromUtf8("Über Business"), QStringLiteral("pro")));

        const auto all = mappings.list();
        QCOMPARE(all.size(), std::size_t(3));
        QCOMPARE(all[0].planName, QStringLiteral("Business")); // case-insensitive order
        QCOMPARE(all[1].planName, QStringLiteral("team"));
        QCOMPARE(all[2].stripeId, kBusinessYearlyEur);

        QCOMPARE(mappings.list(QStringLiteral("PRO")).size(), std::size_t(2));           // tier
        QCOMPARE(mappings.list(QStringLiteral("ÜBER")).size(), std::size_t(1));          // name, any case
        QCOMPARE(mappings.list(QStringLiteral("stpfh")).front().stripeId, kTeamMonthly); // id
        QVERIFY(mappings.list(QStringLiteral("%")).empty());

        QVERIFY(mappings.find(kBusinessProduct)->kind == store::MappingKind::Product);
        QVERIFY(!mappings.find(kTeamProduct));
        QVERIFY(mappings.remove(kBusinessProduct));
        QVERIFY(!mappings.remove(kBusinessProduct));
        QVERIFY(!mappings.find(kBusinessProduct));
        QCOMPARE(mappings.list().size(), std::size_t(2));
    }

    void lookupPrefersThePrice()
    {
        test::TempStore temp;
        store::MappingStore mappings = store::MappingStore::open(temp.path());
        QVERIFY(!mappings.lookup(kBusinessMonthly, kBusinessProduct));

        mappings.upsert(mapping(kBusinessProduct, QStringLiteral("Business")));
        QCOMPARE(mappings.lookup(kBusinessMonthly, kBusinessProduct)->stripeId, kBusinessProduct);
        QCOMPARE(mappings.lookup(kBusinessYearlyEur, kBusinessProduct)->planName, QStringLiteral("Business"));

        mappings.upsert(mapping(kBusinessYearlyEur, QStringLiteral("Business (yearly, EUR)")));
        QCOMPARE(mappings.lookup(kBusinessYearlyEur, kBusinessProduct)->planName,
                 QStringLiteral("Business (yearly, EUR)"));
        QCOMPARE(mappings.lookup(kBusinessMonthly, kBusinessProduct)->planName, QStringLiteral("Business"));
        // A price mapping answers without a product; an unknown product falls through to nothing.
        QCOMPARE(mappings.lookup(kBusinessYearlyEur, QString())->stripeId, kBusinessYearlyEur);
        QVERIFY(!mappings.lookup(kTeamMonthly, kTeamProduct));
        QVERIFY(!mappings.lookup(QString(), QString()));
    }

    void applyIsAllOrNothing()
    {
        test::TempStore temp;
        store::MappingStore mappings = store::MappingStore::open(temp.path());
        mappings.upsert(mapping(kTeamMonthly, QStringLiteral("Team")));
        QVERIFY_THROWS_EXCEPTION(
            store::StoreError, mappings.apply({mapping(kBusinessProduct, QStringLiteral("Business")),
                                               mapping(QStringLiteral("price_bad-id"), QStringLiteral("X"))},
                                              {kTeamMonthly}));
        QCOMPARE(mappings.list().size(), std::size_t(1));
        QVERIFY(mappings.find(kTeamMonthly));

        mappings.apply({mapping(kBusinessProduct, QStringLiteral("Business"))}, {kTeamMonthly});
        QCOMPARE(mappings.list().size(), std::size_t(1));
        QCOMPARE(mappings.list().front().stripeId, kBusinessProduct);
    }

    void operatorChangesWriteExactlyOneAuditEntry()
    {
        test::TempStore temp;
        store::MappingStore mappings = store::MappingStore::open(temp.path(), [] { return 5000; });
        store::AuditLog audit = store::AuditLog::open(temp.path());
        auto entries = [&] { return int(audit.count()); };
        auto newest = [&] { return audit.list(1).front(); };
        auto planNameIn = [](const store::AuditEntry& entry, const char* key) {
            return entry.details.value(QLatin1String(key)).toObject().value(QLatin1String("plan_name"));
        };

        mappings.upsert(mapping(kTeamMonthly, QStringLiteral("Team"))); // seeding is not an operator's change
        QCOMPARE(entries(), 0);

        const store::PlanMapping added = mappings.upsertAudited(
            mapping(kBusinessProduct, QStringLiteral("Business")), QStringLiteral("ann"));
        QCOMPARE(added.updatedAtMs, 5000);
        QCOMPARE(entries(), 1);
        QCOMPARE(newest().action, QStringLiteral("mappings.set"));
        QCOMPARE(newest().subject, kBusinessProduct);
        QCOMPARE(newest().actor, QStringLiteral("ann"));
        QCOMPARE(newest().atMs, 5000);
        QVERIFY(newest().details.value(QLatin1String("before")).isNull());
        QCOMPARE(planNameIn(newest(), "after"), QJsonValue(QStringLiteral("Business")));

        mappings.upsertAudited(mapping(kBusinessProduct, QStringLiteral("Business Plus")));
        QCOMPARE(entries(), 2);
        QCOMPARE(planNameIn(newest(), "before"), QJsonValue(QStringLiteral("Business")));
        QCOMPARE(planNameIn(newest(), "after"), QJsonValue(QStringLiteral("Business Plus")));
        QVERIFY(!newest().actor.isEmpty());

        // The same content again is no change: nothing written, nothing recorded.
        mappings.upsertAudited(
            mapping(QStringLiteral(" ") + kBusinessProduct, QStringLiteral("Business Plus ")));
        QCOMPARE(entries(), 2);

        QVERIFY(mappings.removeAudited(kTeamMonthly));
        QCOMPARE(entries(), 3);
        QCOMPARE(newest().action, QStringLiteral("mappings.remove"));
        QCOMPARE(planNameIn(newest(), "before"), QJsonValue(QStringLiteral("Team")));
        QVERIFY(!mappings.removeAudited(kTeamMonthly));
        QCOMPARE(entries(), 3);

        mappings.applyAudited({mapping(kTeamMonthly, QStringLiteral("Team"))}, {kBusinessProduct},
                              QStringLiteral("mappings.import"), QStringLiteral("plans.csv"),
                              {{QStringLiteral("replace"), true}});
        QCOMPARE(entries(), 4);
        QCOMPARE(newest().action, QStringLiteral("mappings.import"));
        QCOMPARE(newest().subject, QStringLiteral("plans.csv"));
        QCOMPARE(mappings.list().size(), std::size_t(1));
        QCOMPARE(mappings.list().front().stripeId, kTeamMonthly);
        QVERIFY(audit.verify().isIntact());
    }

    void aMappingChangeThatCannotBeAuditedIsNotMade()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::MappingStore mappings = store::MappingStore::open(temp.path(), [&] { return clock; });
        mappings.upsertAudited(mapping(kTeamMonthly, QStringLiteral("Team"), QStringLiteral("team")));
        const std::vector<store::PlanMapping> before = mappings.list();
        store::AuditLog audit = store::AuditLog::open(temp.path());
        QCOMPARE(int(audit.count()), 1);

        clock = 2000;
        {
            test::RefusedAudit refused(temp.path());
            const QList<std::function<void()>> changes{
                [&] { mappings.upsertAudited(mapping(kTeamMonthly, QStringLiteral("Team Plus"))); },
                [&] { mappings.upsertAudited(mapping(kBusinessProduct, QStringLiteral("Business"))); },
                [&] { mappings.removeAudited(kTeamMonthly); },
                [&] {
                    mappings.applyAudited({mapping(kBusinessProduct, QStringLiteral("Business"))},
                                          {kTeamMonthly}, QStringLiteral("mappings.import"),
                                          QStringLiteral("plans.csv"), {});
                },
            };
            for (qsizetype i = 0; i < changes.size(); ++i) {
                const QString problem = test::notRefusedForTheAudit(changes.at(i));
                QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("change %1: %2").arg(i).arg(problem)));
                const std::vector<store::PlanMapping> now = mappings.list();
                QCOMPARE(now.size(), std::size_t(1));
                QVERIFY(now.front().sameContent(before.front()));
                QCOMPARE(now.front().updatedAtMs, 1000);
            }
        }
        QCOMPARE(int(audit.count()), 1);
        // Nothing was left half-open: the change goes through once the log takes entries again.
        QCOMPARE(mappings.upsertAudited(mapping(kTeamMonthly, QStringLiteral("Team Plus"))).planName,
                 QStringLiteral("Team Plus"));
        QCOMPARE(int(audit.count()), 2);
        QVERIFY(audit.verify().isIntact());
    }

    void unmappedPricesFromFixtureEvents()
    {
        test::TempStore temp;
        QVERIFY(temp.addAllFixtures().committed);
        store::MappingStore mappings = store::MappingStore::open(temp.path());

        auto unmapped = mappings.unmappedPricesSeen();
        QCOMPARE(idsOf(unmapped).size(), 3);
        QVERIFY(idsOf(unmapped).contains(kTeamMonthly));
        QVERIFY(idsOf(unmapped).contains(kBusinessMonthly));
        QVERIFY(idsOf(unmapped).contains(kBusinessYearlyEur));
        // Counted per event, from subscription items and invoice lines alike; the most seen first.
        // previous_attributes may name the price an update replaced; that is no sighting of it.
        int teamEvents = 0;
        for (const QByteArray& body : test::Fixtures::loadAll()) {
            const QJsonObject object = QJsonDocument::fromJson(body)
                                           .object()
                                           .value(QLatin1String("data"))
                                           .toObject()
                                           .value(QLatin1String("object"))
                                           .toObject();
            bool seen = false;
            for (const QJsonValue item :
                 object.value(QLatin1String("items")).toObject().value(QLatin1String("data")).toArray())
                seen = seen || item[QLatin1String("price")][QLatin1String("id")].toString() == kTeamMonthly;
            for (const QJsonValue line :
                 object.value(QLatin1String("lines")).toObject().value(QLatin1String("data")).toArray())
                seen = seen ||
                       line[QLatin1String("pricing")][QLatin1String("price_details")][QLatin1String("price")]
                               .toString() == kTeamMonthly;
            teamEvents += seen ? 1 : 0;
        }
        QVERIFY(teamEvents > 5);
        const auto team = std::find_if(unmapped.begin(), unmapped.end(),
                                       [&](const auto& price) { return price.priceId == kTeamMonthly; });
        QCOMPARE(team->events, teamEvents);
        QCOMPARE(team->productId, kTeamProduct);
        QCOMPARE(team->nickname, QStringLiteral("Team monthly"));
        QCOMPARE(team->lookupKey, QStringLiteral("team_monthly_usd"));
        QCOMPARE(team->interval, QStringLiteral("month"));
        QVERIFY(team->lastSeen > 1700000000);
        QVERIFY(unmapped.front().events >= unmapped.back().events);
        const auto eur = std::find_if(unmapped.begin(), unmapped.end(),
                                      [&](const auto& price) { return price.priceId == kBusinessYearlyEur; });
        QCOMPARE(eur->interval, QStringLiteral("year"));
        QCOMPARE(eur->productId, kBusinessProduct);

        QCOMPARE(mappings.unmappedPricesSeen(1).size(), std::size_t(1));
        QCOMPARE(mappings.unmappedPricesSeen(0).size(), std::size_t(0));

        // Mapping a product covers all of its prices; mapping a price covers that price only.
        mappings.upsert(mapping(kBusinessProduct, QStringLiteral("Business")));
        QCOMPARE(idsOf(mappings.unmappedPricesSeen()), QStringList{kTeamMonthly});
        mappings.upsert(mapping(kTeamMonthly, QStringLiteral("Team")));
        QVERIFY(mappings.unmappedPricesSeen().empty());
        mappings.remove(kBusinessProduct);
        mappings.upsert(mapping(kBusinessMonthly, QStringLiteral("Business monthly")));
        QCOMPARE(idsOf(mappings.unmappedPricesSeen()), QStringList{kBusinessYearlyEur});
    }

    void unmappedScanIsBoundedAndSurvivesOddPayloads()
    {
        test::TempStore temp;
        // A few hundred events: every fixture many times over under new ids.
        QList<QByteArray> bodies;
        std::int64_t number = 0;
        for (int round = 0; round < 12; ++round)
            for (const QByteArray& body : test::Fixtures::loadAll())
                bodies << test::Fixtures::withEventId(body, test::Fixtures::syntheticEventId(++number));
        QVERIFY(temp.addRaw(bodies).committed);
        // Odd shapes must not fail the query: items that are not objects, a price given as a bare id, a
        // price id that is not one.
        const QByteArray odd =
            R"({"id":"evt_1T3stOddShapes","object":"event","type":"customer.subscription.updated",
"created":1790000000,"livemode":false,"api_version":"2025-09-30.clover","data":{"object":{"id":"sub_odd",
"object":"subscription","customer":"cus_odd","items":{"object":"list","data":["x",null,{"price":"price_Bare"},
{"price":{"id":"price_FromOdd","product":{"id":"prod_Expanded"},"recurring":null}},
{"price":{"id":"plan_NotAPrice"}}]}}}})";
        const QByteArray oddInvoice = R"({"id":"evt_1T3stOddInvoice","object":"event","type":"invoice.paid",
"created":1790000001,"livemode":false,"api_version":"2020-08-27","data":{"object":{"id":"in_odd",
"object":"invoice","customer":"cus_odd","lines":{"object":"list","data":[{"price":{"id":"price_OldLine",
"product":"prod_OldLine","nickname":"Old","recurring":{"interval":"week"}}},{"price":"price_BareLine"},7]}}}})";
        QVERIFY(temp.addRaw({odd, oddInvoice}).committed);
        store::MappingStore mappings = store::MappingStore::open(temp.path());

        QElapsedTimer timer;
        timer.start();
        const auto unmapped = mappings.unmappedPricesSeen();
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        const QStringList ids = idsOf(unmapped);
        QVERIFY2(ids.contains(kTeamMonthly), qPrintable(ids.join(u',')));
        QVERIFY(ids.contains(QStringLiteral("price_FromOdd")));
        QVERIFY(ids.contains(QStringLiteral("price_OldLine")));
        QVERIFY(ids.contains(QStringLiteral("price_BareLine")));
        QVERIFY(!ids.contains(QStringLiteral("plan_NotAPrice")));
        const auto old = std::find_if(unmapped.begin(), unmapped.end(),
                                      [](const auto& price) { return price.priceId == u"price_OldLine"; });
        QCOMPARE(old->productId, QStringLiteral("prod_OldLine"));
        QCOMPARE(old->interval, QStringLiteral("week"));
        const auto expanded = std::find_if(unmapped.begin(), unmapped.end(), [](const auto& price) {
            return price.priceId == u"price_FromOdd";
        });
        QCOMPARE(expanded->productId, QStringLiteral("prod_Expanded"));
        const auto team = std::find_if(unmapped.begin(), unmapped.end(),
                                       [&](const auto& price) { return price.priceId == kTeamMonthly; });
        QVERIFY(team->events >= 12 * 10);

        // Only the newest events are read when the scan is bounded: the two odd ones are the newest.
        const QStringList newest = idsOf(mappings.unmappedPricesSeen(100, 2));
        QVERIFY2(newest.contains(QStringLiteral("price_OldLine")), qPrintable(newest.join(u',')));
        QVERIFY(!newest.contains(kTeamMonthly));
        mappings.upsert(mapping(QStringLiteral("prod_Expanded"), QStringLiteral("Expanded")));
        QVERIFY(!idsOf(mappings.unmappedPricesSeen(100, 2)).contains(QStringLiteral("price_FromOdd")));
    }
};

QTEST_GUILESS_MAIN(TestMappingStore)
#include "tst_mappingstore.moc"
