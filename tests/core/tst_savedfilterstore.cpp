// SavedFilterStore: named filters persisted in the store as JSON; list, save, rename and delete.

#include "store/savedfilterstore.h"
#include "support/tempstore.h"

#include <QTest>

using namespace billbridge;

namespace {

store::EventFilter richFilter()
{
    store::EventFilter filter;
    filter.types = {QStringLiteral("invoice.*"), QStringLiteral("charge.refunded")};
    filter.customerId = QStringLiteral("cus_T3stAaIU7yYiYe");
    filter.customerEmail = QStringLiteral("Maren.Holloway@example.com");
    filter.createdFrom = 1788865432;
    filter.createdTo = 4102444800; // beyond 2038
    filter.source = store::EventSource::Backfill;
    filter.livemode = false;
    filter.text = QString::fromUtf8("\"Müller\" OR -x*");
    return filter;
}

} // namespace

class TestSavedFilterStore : public QObject {
    Q_OBJECT

private slots:
    void filterSurvivesJson()
    {
        const store::EventFilter filter = richFilter();
        QCOMPARE(store::EventFilter::fromJson(filter.toJson()), filter);
        QCOMPARE(store::EventFilter::fromJson(store::EventFilter{}.toJson()), store::EventFilter{});
        QVERIFY(store::EventFilter{}.toJson().isEmpty());
        // Wrong types and unknown members are ignored, not fatal.
        const QJsonObject odd{{QStringLiteral("types"), QStringLiteral("invoice.paid")},
                              {QStringLiteral("livemode"), QStringLiteral("yes")},
                              {QStringLiteral("source"), QStringLiteral("carrier-pigeon")},
                              {QStringLiteral("future_member"), 1}};
        QCOMPARE(store::EventFilter::fromJson(odd), store::EventFilter{});
    }

    void saveListRenameDelete()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        {
            store::SavedFilterStore filters =
                store::SavedFilterStore::open(temp.path(), [&] { return clock; });
            QVERIFY(filters.list().empty());
            const store::SavedFilter saved = filters.save(QStringLiteral(" Maren's invoices "), richFilter());
            QCOMPARE(saved.name, QStringLiteral("Maren's invoices"));
            QCOMPARE(saved.filter, richFilter());
            QCOMPARE(saved.createdAtMs, 1000);
            store::EventFilter live;
            live.livemode = true;
            filters.save(QStringLiteral("all live"), live);

            clock = 2000;
            store::EventFilter replaced = live;
            replaced.text = QStringLiteral("refund");
            const auto updated = filters.save(QStringLiteral("all live"), replaced);
            QCOMPARE(updated.createdAtMs, 1000);
            QCOMPARE(updated.updatedAtMs, 2000);

            const auto listed = filters.list();
            QCOMPARE(listed.size(), std::size_t(2));
            QCOMPARE(listed[0].name, QStringLiteral("all live")); // case-insensitive order
            QCOMPARE(listed[0].filter, replaced);
            QCOMPARE(listed[1].name, QStringLiteral("Maren's invoices"));

            QVERIFY_THROWS_EXCEPTION(store::StoreError, filters.save(QStringLiteral("  "), live));
            QVERIFY_THROWS_EXCEPTION(store::StoreError, filters.rename(QStringLiteral("all live"),
                                                                       QStringLiteral("Maren's invoices")));
            QVERIFY(!filters.rename(QStringLiteral("missing"), QStringLiteral("other")));
            QVERIFY(filters.rename(QStringLiteral("all live"), QStringLiteral("Live only")));
            QVERIFY(!filters.find(QStringLiteral("all live")));
            QCOMPARE(filters.find(QStringLiteral("Live only"))->filter, replaced);
        }
        // Persisted in the store file, next to the events the writer keeps writing.
        QVERIFY(temp.addRaw({}).committed);
        store::SavedFilterStore reopened = store::SavedFilterStore::open(temp.path());
        QCOMPARE(reopened.list().size(), std::size_t(2));
        QVERIFY(reopened.remove(QStringLiteral("Live only")));
        QVERIFY(!reopened.remove(QStringLiteral("Live only")));
        QCOMPARE(reopened.list().size(), std::size_t(1));
        QCOMPARE(reopened.list().front().filter, richFilter());
    }
};

QTEST_GUILESS_MAIN(TestSavedFilterStore)
#include "tst_savedfilterstore.moc"
