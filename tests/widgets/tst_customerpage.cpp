#include "customers/attributechangemodel.h"
#include "customers/customereventmodel.h"
#include "customers/customerpage.h"
#include "support/fixtures.h"
#include "support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace billbridge;
using widgets::AttributeChangeModel;
using widgets::CustomerEventModel;
using widgets::CustomerPage;

namespace {

const QString kMaren = QStringLiteral("cus_T3stAaIU7yYiYe");
const QString kTobias = QStringLiteral("cus_T3st9APTPXIe34");

QString fixtureEventId(const QString& name)
{
    return QJsonDocument::fromJson(test::Fixtures::load(name))
        .object()
        .value(QStringLiteral("id"))
        .toString();
}

QString labelText(const CustomerPage& page, const char* name)
{
    auto* label = page.findChild<QLabel*>(QLatin1String(name));
    if (label == nullptr)
        qFatal("no label %s", name);
    return label->text();
}

// Starts a load and waits for it without blocking: the page reads on the thread pool.
bool showAndWait(CustomerPage& page, const QString& query)
{
    QSignalSpy loaded(&page, &CustomerPage::loaded);
    page.showCustomer(query);
    return loaded.wait(10000) || loaded.count() > 0;
}

} // namespace

class TestCustomerPage final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_store.isValid());
        QVERIFY(m_store.addAllFixtures().committed);
        m_store.stopWriter();
    }

    void modelsPassTheTester()
    {
        CustomerEventModel events;
        QAbstractItemModelTester eventTester(&events, QAbstractItemModelTester::FailureReportingMode::QtTest);
        AttributeChangeModel changes;
        QAbstractItemModelTester changeTester(&changes,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);

        const customers::CustomerTimeline timeline =
            customers::CustomerTimelineLoader::load(m_store.path(), kMaren);
        QCOMPARE(timeline.outcome, customers::CustomerTimeline::Outcome::Loaded);
        events.setEntries(timeline.entries);
        // The dispute names only the charge, so it is not indexed under the customer.
        QCOMPARE(events.rowCount(), 17);
        QCOMPARE(events.columnCount(), static_cast<int>(CustomerEventModel::ColumnCount));
        const int row =
            events.rowOf(fixtureEventId(QStringLiteral("maren-16-customer.subscription.updated")));
        QVERIFY(row >= 0);
        QVERIFY(events.index(row, 0).data(CustomerEventModel::IsUpdateRole).toBool());
        QVERIFY(events.index(row, CustomerEventModel::Summary)
                    .data()
                    .toString()
                    .contains(QStringLiteral("cancel_at_period_end: false → true")));
        changes.setChanges(events.entry(row)->digest.changes);
        QVERIFY(changes.rowCount() >= 3);
        for (int r = 0; r < changes.rowCount(); ++r)
            QVERIFY(!changes.index(r, AttributeChangeModel::After).data().toString().isEmpty());
        changes.clear();
        events.clear();
        QCOMPARE(events.rowCount(), 0);
        QCOMPARE(changes.rowCount(), 0);
        QVERIFY(!events.entry(0));
    }

    void amountsAndTimesAreFormatted()
    {
        QLocale::setDefault(QLocale::c());
        QCOMPARE(CustomerEventModel::formatAmount(14900, QStringLiteral("usd")),
                 QStringLiteral("149.00 USD"));
        QCOMPARE(CustomerEventModel::formatAmount(-2505, QStringLiteral("eur")),
                 QStringLiteral("-25.05 EUR"));
        QCOMPARE(CustomerEventModel::formatAmount(500, QStringLiteral("jpy")), QStringLiteral("500 JPY"));
    }

    void showsStateAndEventsInTimeOrder()
    {
        CustomerPage page(m_store.path());
        QAbstractItemModelTester eventTester(page.eventModel(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester changeTester(page.changeModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        QVERIFY(showAndWait(page, kMaren));
        QVERIFY(!page.isLoading());
        QCOMPARE(page.customerId(), kMaren);

        QVERIFY(labelText(page, "customerIdentity").contains(QStringLiteral("Maren Holloway")));
        QVERIFY(labelText(page, "customerIdentity").contains(QStringLiteral("maren.holloway@example.com")));
        QVERIFY(labelText(page, "customerPlan").contains(QStringLiteral("Business monthly")));
        QVERIFY(labelText(page, "customerPlan").contains(QStringLiteral("149.00 USD")));
        QCOMPARE(labelText(page, "customerStatus"), QStringLiteral("Canceled"));
        QVERIFY(labelText(page, "customerCancellation").startsWith(QStringLiteral("Ended")));
        // Two failed attempts, then the invoice was paid: no debt, but the failure stays on record.
        QVERIFY(labelText(page, "customerDelinquent").startsWith(QStringLiteral("No — ")));
        QVERIFY(labelText(page, "customerDelinquent").contains(QStringLiteral("attempt 2")));
        QVERIFY(labelText(page, "customerBalance").startsWith(QStringLiteral("0")));
        QVERIFY(page.findChild<QWidget*>(QStringLiteral("customerContent"))->isVisible());

        CustomerEventModel* events = page.eventModel();
        QCOMPARE(events->rowCount(), 17);
        QCOMPARE(events->index(0, CustomerEventModel::Type).data().toString(),
                 QStringLiteral("customer.created"));
        QCOMPARE(events->index(16, CustomerEventModel::Type).data().toString(),
                 QStringLiteral("customer.subscription.deleted"));
        for (int row = 1; row < events->rowCount(); ++row) {
            QVERIFY(events->index(row - 1, CustomerEventModel::Time)
                        .data(CustomerEventModel::RawValueRole)
                        .toLongLong() <= events->index(row, CustomerEventModel::Time)
                                             .data(CustomerEventModel::RawValueRole)
                                             .toLongLong());
        }
    }

    void selectingAnUpdatedEventShowsItsDiff()
    {
        CustomerPage page(m_store.path());
        page.show();
        QVERIFY(showAndWait(page, kMaren));
        auto* view = page.findChild<QTableView*>(QStringLiteral("customerEvents"));
        QVERIFY(view);

        const int pastDue = page.eventModel()->rowOf(
            fixtureEventId(QStringLiteral("maren-11-customer.subscription.updated")));
        QVERIFY(pastDue >= 0);
        view->setCurrentIndex(page.eventModel()->index(pastDue, 0));
        AttributeChangeModel* changes = page.changeModel();
        QCOMPARE(changes->rowCount(), 1);
        QCOMPARE(changes->index(0, AttributeChangeModel::Field).data().toString(), QStringLiteral("status"));
        QCOMPARE(changes->index(0, AttributeChangeModel::Before).data().toString(), QStringLiteral("active"));
        QCOMPARE(changes->index(0, AttributeChangeModel::After).data().toString(),
                 QStringLiteral("past_due"));
        QVERIFY(labelText(page, "customerChangesTitle")
                    .contains(QStringLiteral("customer.subscription.updated")));

        const int cancel = page.eventModel()->rowOf(
            fixtureEventId(QStringLiteral("maren-16-customer.subscription.updated")));
        view->setCurrentIndex(page.eventModel()->index(cancel, 0));
        bool sawCanceledAt = false;
        for (int row = 0; row < changes->rowCount(); ++row) {
            if (changes->index(row, AttributeChangeModel::Field).data().toString() ==
                QLatin1String("canceled_at")) {
                sawCanceledAt = true;
                QCOMPARE(changes->index(row, AttributeChangeModel::Before).data().toString(),
                         QStringLiteral("(none)"));
            }
        }
        QVERIFY(sawCanceledAt);

        // Other events carry no diff.
        const int paid = page.eventModel()->rowOf(fixtureEventId(QStringLiteral("maren-13-invoice.paid")));
        view->setCurrentIndex(page.eventModel()->index(paid, 0));
        QCOMPARE(changes->rowCount(), 0);
        QVERIFY(labelText(page, "customerChangesTitle").contains(QStringLiteral("*.updated")));

        // The selection survives a reload.
        view->setCurrentIndex(page.eventModel()->index(pastDue, 0));
        QSignalSpy loaded(&page, &CustomerPage::loaded);
        page.reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view->currentIndex().row(), pastDue);
        QCOMPARE(changes->rowCount(), 1);
    }

    void emailLookupThroughTheSearchLine()
    {
        CustomerPage page(m_store.path());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* search = page.findChild<QLineEdit*>(QStringLiteral("customerSearch"));
        auto* button = page.findChild<QPushButton*>(QStringLiteral("showCustomerButton"));
        QVERIFY(search && button);
        QVERIFY(search->placeholderText().contains(QStringLiteral("cus_")));

        QSignalSpy loaded(&page, &CustomerPage::loaded);
        QTest::keyClicks(search, QStringLiteral("  Tobias.Okafor@Example.com "));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(page.isLoading());
        QVERIFY(labelText(page, "customerMessage").contains(QStringLiteral("Reading")));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.customerId(), kTobias);
        QVERIFY(labelText(page, "customerIdentity").contains(QStringLiteral("deleted")));
        QCOMPARE(labelText(page, "customerStatus"), QStringLiteral("Canceled"));
        QVERIFY(labelText(page, "customerDelinquent").startsWith(QStringLiteral("Yes — ")));
        QVERIFY(labelText(page, "customerDelinquent").contains(QStringLiteral("will not retry")));
        QCOMPARE(page.eventModel()->rowCount(), 8);
    }

    void unknownCustomerAndEmailAreExplained()
    {
        CustomerPage page(m_store.path());
        page.show();
        QVERIFY(showAndWait(page, QStringLiteral("cus_NobodyHere")));
        QVERIFY(labelText(page, "customerMessage")
                    .contains(QStringLiteral("No events for customer cus_NobodyHere")));
        QVERIFY(!page.findChild<QWidget*>(QStringLiteral("customerContent"))->isVisible());
        QCOMPARE(page.eventModel()->rowCount(), 0);

        QVERIFY(showAndWait(page, QStringLiteral("nobody@example.com")));
        QVERIFY(labelText(page, "customerMessage")
                    .contains(QStringLiteral("No stored event carries the address")));

        page.showCustomer(QStringLiteral("   "));
        QVERIFY(!page.isLoading());
        QVERIFY(labelText(page, "customerMessage").contains(QStringLiteral("Enter a customer id")));
    }

    void missingAndBrokenStoresAreExplained()
    {
        QTemporaryDir dir;
        CustomerPage page(dir.filePath(QStringLiteral("absent.sqlite")));
        page.show();
        QVERIFY(showAndWait(page, kMaren));
        QVERIFY(labelText(page, "customerMessage").contains(QStringLiteral("no event store")));

        const QString brokenPath = dir.filePath(QStringLiteral("broken.sqlite"));
        QFile broken(brokenPath);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QByteArray(4096, 'x'));
        broken.close();
        page.setStorePath(brokenPath);
        QVERIFY(showAndWait(page, kMaren));
        QCOMPARE(page.timeline().outcome, customers::CustomerTimeline::Outcome::StoreFailed);
        QVERIFY(labelText(page, "customerMessage")
                    .startsWith(QStringLiteral("The event store could not be read")));
    }

    void doubleClickActivatesTheEvent()
    {
        CustomerPage page(m_store.path());
        page.resize(1000, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(showAndWait(page, kMaren));
        auto* view = page.findChild<QTableView*>(QStringLiteral("customerEvents"));
        QSignalSpy activated(&page, &CustomerPage::eventActivated);
        const QModelIndex second = page.eventModel()->index(1, CustomerEventModel::Type);
        view->scrollTo(second);
        const QPoint centre = view->visualRect(second).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(),
                 fixtureEventId(QStringLiteral("maren-02-customer.subscription.created")));
    }

    void capKeepsTheNewestEvents()
    {
        CustomerPage page(m_store.path());
        page.setEventCap(5);
        page.show();
        QVERIFY(showAndWait(page, kMaren));
        QVERIFY(page.timeline().truncated);
        QCOMPARE(page.eventModel()->rowCount(), 5);
        QCOMPARE(page.eventModel()->index(0, CustomerEventModel::Type).data().toString(),
                 QStringLiteral("invoice.paid"));
        QCOMPARE(page.eventModel()->index(4, CustomerEventModel::Type).data().toString(),
                 QStringLiteral("customer.subscription.deleted"));
        QVERIFY(labelText(page, "customerMessage").contains(QStringLiteral("newest 5 events")));
    }

    void laterRequestWins()
    {
        CustomerPage page(m_store.path());
        page.show();
        QSignalSpy loaded(&page, &CustomerPage::loaded);
        page.showCustomer(kMaren);
        page.showCustomer(kTobias);
        QVERIFY(loaded.wait(10000));
        // The first result was superseded before it was shown: one notification, for the second request.
        QTRY_COMPARE(page.customerId(), kTobias);
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(page.eventModel()->rowCount(), 8);
    }

private:
    test::TempStore m_store;
};

QTEST_MAIN(TestCustomerPage)
#include "tst_customerpage.moc"
