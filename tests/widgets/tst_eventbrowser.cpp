#include "connections/sessionsecretstore.h"
#include "customers/customerpage.h"
#include "events/eventdetailview.h"
#include "events/eventfilterbar.h"
#include "events/eventlistmodel.h"
#include "events/eventspage.h"
#include "events/exportdialog.h"
#include "events/jsontreemodel.h"
#include "events/rawbodyview.h"
#include "home/receiverprobe.h"
#include "home/storesummary.h"
#include "mainwindow/mainwindow.h"
#include "store/savedfilterstore.h"
#include "support/fixtures.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace billbridge;
using widgets::EventListModel;
using widgets::MainWindow;
using Page = widgets::MainWindow::Page;

namespace {

// The real main window over a store, its summary and receiver probe polling fast (no receiver runs).
struct Console {
    explicit Console(const QString& storePath, bool restore = false)
        : store(storePath)
        , receiver(QStringLiteral("127.0.0.1:9"))
        , window(&store, &receiver, services())
    {
        store.setInterval(std::chrono::milliseconds(100));
        receiver.setTimeout(std::chrono::milliseconds(200));
        if (restore)
            window.restoreSavedState();
        window.setCurrentPage(Page::Events);
        window.show();
        store.start();
        page()->model()->setLiveInterval(std::chrono::milliseconds(50));
    }

    widgets::ConnectionServices services()
    {
        widgets::ConnectionServices result;
        result.secrets = &secrets;
        return result;
    }

    widgets::EventsPage* page() const { return window.eventsPage(); }
    EventListModel* model() const { return page()->model(); }
    widgets::EventFilterBar* filters() const { return page()->filterBar(); }

    QStringList shownTypes() const
    {
        QStringList types;
        for (int row = 0; row < model()->rowCount(); ++row)
            types.append(model()->eventAt(row).fields.type);
        return types;
    }

    void typeInto(QLineEdit* field, const QString& text) const
    {
        field->clear();
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
    }

    widgets::SessionSecretStore secrets;
    widgets::StoreSummary store;
    widgets::ReceiverProbe receiver;
    MainWindow window;
};

bool allStartWith(const QStringList& values, const QString& prefix)
{
    for (const QString& value : values)
        if (!value.startsWith(prefix))
            return false;
    return !values.isEmpty();
}

} // namespace

class TestEventBrowser final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void listShowsTheStoreAndPassesTheModelTester();
    void filtersCombineAndExplainMistakes();
    void selectionShowsDetailTreeAndRawBytes();
    void filterOnThisValue();
    void savedFiltersRoundTripThroughTheStore();
    void followCustomerOpensTheCustomerView();
    void liveArrivalsRespectTheFilter();
    void columnsCanBeHiddenAndAreRemembered();
    void emptyStoreSaysSo();
    void exportSelectionMasksPersonalData();

private:
    QTemporaryDir m_config;
    std::unique_ptr<test::TempStore> m_store;
    int m_fixtureCount = 0;
};

void TestEventBrowser::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_eventbrowser"));
    m_fixtureCount = static_cast<int>(test::Fixtures::names().size());
    QVERIFY(m_fixtureCount >= 20);
}

void TestEventBrowser::init()
{
    QSettings().clear();
    m_store = std::make_unique<test::TempStore>();
    QVERIFY(m_store->addAllFixtures().committed);
}

void TestEventBrowser::listShowsTheStoreAndPassesTheModelTester()
{
    Console console(m_store->path());
    QAbstractItemModelTester tester(console.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(console.model()->rowCount(), m_fixtureCount);
    // Newest first, by Stripe's `created`.
    for (int row = 1; row < console.model()->rowCount(); ++row)
        QVERIFY(console.model()->eventAt(row - 1).fields.created >=
                console.model()->eventAt(row).fields.created);
    QTRY_COMPARE(console.model()->matchCount().count, std::int64_t(m_fixtureCount));
    auto* count = console.window.findChild<QLabel*>(QStringLiteral("matchCount"));
    QCOMPARE(count->text(), QStringLiteral("%1 matching events").arg(m_fixtureCount));
}

void TestEventBrowser::filtersCombineAndExplainMistakes()
{
    Console console(m_store->path());
    QTRY_COMPARE(console.model()->rowCount(), m_fixtureCount);
    const int invoices =
        static_cast<int>(test::Fixtures::namesOfType(QStringLiteral("invoice.paid")).size() +
                         test::Fixtures::namesOfType(QStringLiteral("invoice.payment_failed")).size() +
                         test::Fixtures::namesOfType(QStringLiteral("invoice.upcoming")).size());

    console.typeInto(console.filters()->typesField(), QStringLiteral("invoice.*"));
    QTRY_COMPARE(console.model()->rowCount(), invoices);
    QVERIFY(allStartWith(console.shownTypes(), QStringLiteral("invoice.")));

    // A customer narrows the types already chosen.
    console.typeInto(console.filters()->customerField(), QStringLiteral("cus_T3stAaIU7yYiYe"));
    QTRY_VERIFY(console.model()->rowCount() > 0 && console.model()->rowCount() < invoices);
    for (int row = 0; row < console.model()->rowCount(); ++row)
        QCOMPARE(console.model()->eventAt(row).fields.customerId, QStringLiteral("cus_T3stAaIU7yYiYe"));
    const int marensInvoices = console.model()->rowCount();

    // Fixtures are all test mode: "live only" leaves nothing.
    console.filters()->modeBox()->setCurrentIndex(1);
    QTRY_COMPARE(console.model()->rowCount(), 0);
    console.filters()->modeBox()->setCurrentIndex(2);
    QTRY_COMPARE(console.model()->rowCount(), marensInvoices);

    // A mistake is explained and leaves the list as it was.
    const store::EventFilter before = console.filters()->filter();
    console.typeInto(console.filters()->typesField(), QStringLiteral("invoice.paid;drop"));
    QVERIFY(console.filters()->problem().contains(QLatin1String("invoice.paid;drop")));
    auto* problem = console.window.findChild<QLabel*>(QStringLiteral("filterProblem"));
    QVERIFY(problem->isVisible());
    QCOMPARE(console.filters()->filter(), before);
    console.typeInto(console.filters()->customerField(), QStringLiteral("Maren"));
    QVERIFY(console.filters()->problem().contains(QLatin1String("Search payloads")));

    // Clear brings everything back.
    auto* clear = console.window.findChild<QPushButton*>(QStringLiteral("clearFilterButton"));
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_COMPARE(console.model()->rowCount(), m_fixtureCount);
    QVERIFY(console.filters()->problem().isEmpty());
    QVERIFY(!problem->isVisible());
}

void TestEventBrowser::selectionShowsDetailTreeAndRawBytes()
{
    Console console(m_store->path());
    QTRY_COMPARE(console.model()->rowCount(), m_fixtureCount);
    QTableView* list = console.page()->list();
    const int row = 3;
    const QString id = console.model()->eventAt(row).fields.id;
    list->selectRow(row);
    QTRY_VERIFY(console.page()->detailView()->hasEvent());
    QTRY_VERIFY(console.page()->detailView()->headerText().contains(id));
    const std::optional<store::StoredEvent> stored = m_store->reader().find(id, true);
    QVERIFY(stored);
    QCOMPARE(console.page()->rawView()->displayedText(), QString::fromUtf8(stored->raw));
    auto* signature = console.page()->rawView()->findChild<QLabel*>(QStringLiteral("signatureHeader"));
    if (signature != nullptr)
        QVERIFY(signature->text().contains(QString::fromLatin1(stored->signatureHeader.left(20))));
    // The tree reads the same document.
    const QModelIndex type = console.page()->detailView()->model()->indexForPath(QStringLiteral("type"));
    QVERIFY(type.isValid());

    // Keyboard navigation moves the panes along.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down);
    const QString next = console.model()->eventAt(row + 1).fields.id;
    QTRY_VERIFY(console.page()->detailView()->headerText().contains(next));
    QCOMPARE(console.page()->shownEventId(), next);
}

void TestEventBrowser::filterOnThisValue()
{
    Console console(m_store->path());
    QTRY_COMPARE(console.model()->rowCount(), m_fixtureCount);
    int row = 0;
    while (row < console.model()->rowCount() &&
           console.model()->eventAt(row).fields.objectType != QLatin1String("invoice"))
        ++row;
    QVERIFY(row < console.model()->rowCount());
    const QString customer = console.model()->eventAt(row).fields.customerId;
    console.page()->list()->selectRow(row);
    widgets::EventDetailView* detail = console.page()->detailView();
    QTRY_VERIFY(detail->headerText().contains(console.model()->eventAt(row).fields.id));

    const QModelIndex field = detail->model()->indexForPath(QStringLiteral("data.object.customer"));
    QVERIFY(field.isValid());
    detail->treeView()->setCurrentIndex(field);
    QVERIFY(detail->filterAction()->isEnabled());
    detail->filterAction()->trigger();
    QCOMPARE(console.filters()->customerField()->text(), customer);
    QTRY_VERIFY(console.model()->rowCount() > 0 && console.model()->rowCount() < m_fixtureCount);
    for (int i = 0; i < console.model()->rowCount(); ++i)
        QCOMPARE(console.model()->eventAt(i).fields.customerId, customer);

    // A second value narrows further: the type of the event on top.
    console.page()->list()->selectRow(0);
    const QString type = console.model()->eventAt(0).fields.type;
    QTRY_VERIFY(detail->headerText().contains(console.model()->eventAt(0).fields.id));
    detail->treeView()->setCurrentIndex(detail->model()->indexForPath(QStringLiteral("type")));
    detail->filterAction()->trigger();
    QCOMPARE(console.filters()->filter().types, QStringList{type});
    QCOMPARE(console.filters()->filter().customerId, customer);
    QTRY_VERIFY(console.model()->rowCount() > 0);
    for (int i = 0; i < console.model()->rowCount(); ++i)
        QCOMPARE(console.model()->eventAt(i).fields.type, type);
}

void TestEventBrowser::savedFiltersRoundTripThroughTheStore()
{
    Console console(m_store->path());
    QTRY_COMPARE(console.model()->rowCount(), m_fixtureCount);
    widgets::EventFilterBar* filters = console.filters();
    QString asked;
    filters->setNamePrompt([&asked](QWidget*, const QString&) -> std::optional<QString> {
        return asked.isEmpty() ? std::nullopt : std::optional<QString>(asked);
    });
    console.typeInto(filters->typesField(), QStringLiteral("customer.subscription.*"));
    QTRY_VERIFY(allStartWith(console.shownTypes(), QStringLiteral("customer.subscription.")));
    const int subscriptions = console.model()->rowCount();

    // Cancelling the name prompt saves nothing.
    auto* save = console.window.findChild<QPushButton*>(QStringLiteral("saveFilterButton"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTest::qWait(100);
    QVERIFY(filters->savedFilterNames().isEmpty());

    asked = QStringLiteral("Subscription changes");
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(filters->savedFilterNames(), QStringList{asked});
    // Kept in the store, where the CLI finds it too.
    const std::optional<store::SavedFilter> saved =
        store::SavedFilterStore::open(m_store->path()).find(asked);
    QVERIFY(saved);
    QCOMPARE(saved->filter.types, QStringList{QStringLiteral("customer.subscription.*")});

    QTest::mouseClick(console.window.findChild<QPushButton*>(QStringLiteral("clearFilterButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(console.model()->rowCount(), m_fixtureCount);
    QComboBox* box = filters->savedBox();
    const int index = box->findText(asked);
    QVERIFY(index > 0);
    box->setCurrentIndex(index);
    emit box->activated(index);
    QTRY_COMPARE(console.model()->rowCount(), subscriptions);
    QCOMPARE(filters->typesField()->text(), QStringLiteral("customer.subscription.*"));

    // A new window reads the saved filters from the store.
    {
        Console second(m_store->path());
        QTRY_COMPARE(second.filters()->savedFilterNames(), QStringList{asked});
    }

    QTest::mouseClick(console.window.findChild<QPushButton*>(QStringLiteral("removeFilterButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(filters->savedFilterNames().isEmpty());
    QVERIFY(!store::SavedFilterStore::open(m_store->path()).find(asked));
}

void TestEventBrowser::followCustomerOpensTheCustomerView()
{
    Console console(m_store->path());
    QTRY_COMPARE(console.model()->rowCount(), m_fixtureCount);
    int row = 0;
    while (console.model()->eventAt(row).fields.customerId.isEmpty())
        ++row;
    const QString customer = console.model()->eventAt(row).fields.customerId;
    console.page()->list()->selectRow(row);
    auto* follow = console.window.findChild<QPushButton*>(QStringLiteral("followCustomerButton"));
    QTRY_VERIFY(follow->isEnabled());
    QTest::mouseClick(follow, Qt::LeftButton);
    QCOMPARE(console.window.currentPage(), Page::Customers);
    QTRY_COMPARE(console.window.customerPage()->customerId(), customer);

    // And back: an event of the customer view opens in the browser.
    emit console.window.customerPage()->eventActivated(console.model()->eventAt(0).fields.id);
    QCOMPARE(console.window.currentPage(), Page::Events);
    QTRY_COMPARE(console.page()->shownEventId(), console.model()->eventAt(0).fields.id);
}

void TestEventBrowser::liveArrivalsRespectTheFilter()
{
    Console console(m_store->path());
    QTRY_COMPARE(console.model()->rowCount(), m_fixtureCount);
    console.typeInto(console.filters()->typesField(), QStringLiteral("invoice.paid"));
    QTRY_VERIFY(console.model()->rowCount() > 0 &&
                allStartWith(console.shownTypes(), QStringLiteral("invoice.paid")));
    const int before = console.model()->rowCount();
    const qint64 now = QDateTime::currentSecsSinceEpoch();

    QSignalSpy arrivals(console.model(), &EventListModel::rowsArrivedLive);
    QList<QByteArray> burst;
    for (int i = 0; i < 40; ++i)
        burst.append(test::minimalEvent(QByteArrayLiteral("evt_live") + QByteArray::number(i),
                                        i % 2 ? QByteArrayLiteral("invoice.paid")
                                              : QByteArrayLiteral("customer.created"),
                                        QByteArrayLiteral("cus_LiveArrival0001"), false, now + i));
    QVERIFY(m_store->addRaw(burst).committed);
    QTRY_COMPARE(console.model()->rowCount(), before + 20);
    QVERIFY(allStartWith(console.shownTypes(), QStringLiteral("invoice.paid")));
    // Newest on top, and following new events keeps the top in view.
    QCOMPARE(console.model()->eventAt(0).fields.id, QStringLiteral("evt_live39"));
    QVERIFY(console.page()->followsNewEvents());
    QCOMPARE(console.page()->list()->verticalScrollBar()->value(), 0);
    int arrived = 0;
    for (const QList<QVariant>& signal : std::as_const(arrivals))
        arrived += signal.at(0).toInt();
    QCOMPARE(arrived, 20);
}

void TestEventBrowser::columnsCanBeHiddenAndAreRemembered()
{
    {
        Console console(m_store->path(), true);
        QTRY_COMPARE(console.model()->rowCount(), m_fixtureCount);
        QHeaderView* header = console.page()->list()->horizontalHeader();
        QVERIFY(header->isSectionHidden(EventListModel::EventId));
        QVERIFY(!header->isSectionHidden(EventListModel::Email));
        emit header->customContextMenuRequested(QPoint(10, 5));
        QMenu* menu = console.page()->columnMenu();
        QTRY_VERIFY(menu->isVisible());
        QAction* email = nullptr;
        QAction* eventId = nullptr;
        for (QAction* action : menu->actions()) {
            if (action->data().toInt() == EventListModel::Email && action->isCheckable())
                email = action;
            if (action->data().toInt() == EventListModel::EventId && action->isCheckable())
                eventId = action;
        }
        QVERIFY(email && eventId);
        email->trigger();
        eventId->trigger();
        menu->close();
        QVERIFY(header->isSectionHidden(EventListModel::Email));
        QVERIFY(!header->isSectionHidden(EventListModel::EventId));
        header->moveSection(header->visualIndex(EventListModel::Type), 0);
        console.window.close();
    }
    Console reopened(m_store->path(), true);
    QHeaderView* header = reopened.page()->list()->horizontalHeader();
    QVERIFY(header->isSectionHidden(EventListModel::Email));
    QVERIFY(!header->isSectionHidden(EventListModel::EventId));
    QCOMPARE(header->visualIndex(EventListModel::Type), 0);
}

void TestEventBrowser::emptyStoreSaysSo()
{
    QTemporaryDir dir;
    Console console(dir.filePath(QStringLiteral("nothing-yet.sqlite")));
    auto* count = console.window.findChild<QLabel*>(QStringLiteral("matchCount"));
    QTRY_COMPARE(count->text(), QStringLiteral("No events yet"));
    QVERIFY(console.window.findChild<QLabel*>(QStringLiteral("eventsStatus"))
                ->text()
                .contains(QLatin1String("appear here")));
    QCOMPARE(console.model()->rowCount(), 0);
    // The store appears (a first event arrives): the list picks it up.
    QVERIFY(test::writeEvents(dir.filePath(QStringLiteral("nothing-yet.sqlite")),
                              {test::minimalEvent(QByteArrayLiteral("evt_first_one"))}));
    QTRY_COMPARE(console.model()->rowCount(), 1);
}

void TestEventBrowser::exportSelectionMasksPersonalData()
{
    Console console(m_store->path());
    QTRY_COMPARE(console.model()->rowCount(), m_fixtureCount);
    // Three events that carry an address.
    QStringList emails;
    QTableView* list = console.page()->list();
    for (int row = 0; row < console.model()->rowCount() && emails.size() < 3; ++row) {
        const QString email = console.model()->eventAt(row).fields.customerEmail;
        if (email.isEmpty())
            continue;
        emails.append(email);
        list->selectionModel()->select(console.model()->index(row, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(emails.size(), 3);
    QCOMPARE(console.page()->selectedEventIds().size(), 3);

    QTest::mouseClick(console.window.findChild<QPushButton*>(QStringLiteral("exportEventsButton")),
                      Qt::LeftButton);
    auto* dialog = console.window.findChild<widgets::ExportDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QRadioButton*>(QStringLiteral("selectionScope"))->isChecked());
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("selected.jsonl"));
    dialog->setOutputPath(path);
    QSignalSpy finished(dialog, &widgets::ExportDialog::exportFinished);
    dialog->startExport();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray exported = file.readAll();
    QCOMPARE(exported.count('\n'), 3);
    for (const QString& email : std::as_const(emails))
        QVERIFY2(!exported.contains(email.toUtf8()), qPrintable(email));
    for (const QString& id : console.page()->selectedEventIds())
        QVERIFY(exported.contains(id.toUtf8()));
}

QTEST_MAIN(TestEventBrowser)
#include "tst_eventbrowser.moc"
