#include "audit/auditpage.h"
#include "common/translations.h"
#include "connections/connectionsdialog.h"
#include "connections/sessionsecretstore.h"
#include "customers/customerpage.h"
#include "delivery/consoledelivery.h"
#include "events/eventlistmodel.h"
#include "events/eventspage.h"
#include "home/receiverprobe.h"
#include "home/storesummary.h"
#include "intake/consoleintake.h"
#include "mainwindow/mainwindow.h"
#include "mappings/mappingspage.h"
#include "queue/joblistmodel.h"
#include "queue/queuepage.h"
#include "secrets/keychainsecretstore.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QPixmap>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace {

constexpr int kExitFailure = 1;

void printError(const QString& message)
{
    std::fprintf(stderr, "billbridge: %s\n", message.toLocal8Bit().constData());
}

void savePicture(QWidget* widget, const QString& path)
{
    if (!widget->grab().save(path)) {
        printError(QCoreApplication::translate("main", "cannot write the picture to %1. Check that its "
                                                       "folder exists and is writable.")
                       .arg(path));
        QCoreApplication::exit(kExitFailure);
        return;
    }
    QCoreApplication::quit();
}

// For pictures of the browser: an event worth looking at (a failed payment), else the newest.
void selectTellingEvent(billbridge::widgets::EventsPage* page)
{
    billbridge::widgets::EventListModel* model = page->model();
    int row = 0;
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->eventAt(i).fields.type == QLatin1String("invoice.payment_failed")) {
            row = i;
            break;
        }
    }
    if (model->rowCount() > 0)
        page->showEvent(model->eventAt(row).fields.id);
}

// For pictures of the queue: a job an operator has to act on (needs review, else dead), else the newest.
void selectTellingJob(billbridge::widgets::QueuePage* page, const std::function<void()>& done)
{
    using billbridge::store::JobState;
    billbridge::widgets::JobListModel* model = page->model();
    int row = -1;
    for (const JobState wanted : {JobState::NeedsReview, JobState::Dead}) {
        for (int i = 0; i < model->rowCount() && row < 0; ++i)
            if (model->jobAt(i).state == wanted)
                row = i;
    }
    if (row < 0 && model->rowCount() > 0)
        row = 0;
    if (row < 0) {
        done();
        return;
    }
    QObject::connect(
        page, &billbridge::widgets::QueuePage::jobShown, page,
        [page, done] { QTimer::singleShot(300, page, done); }, Qt::SingleShotConnection);
    page->showJob(model->jobAt(row).id);
}

// --page and --customer: what the window shows before a picture is taken; `done` runs once it does.
void preparePage(billbridge::widgets::MainWindow* window, const QString& page, const QString& customer,
                 const std::function<void()>& done)
{
    using billbridge::widgets::CustomerPage;
    using billbridge::widgets::EventListModel;
    using billbridge::widgets::MainWindow;
    if (!customer.isEmpty()) {
        window->setCurrentPage(MainWindow::Page::Customers);
        QObject::connect(window->customerPage(), &CustomerPage::loaded, window, done,
                         Qt::SingleShotConnection);
        window->customerPage()->showCustomer(customer);
        return;
    }
    if (page == QLatin1String("queue")) {
        using billbridge::widgets::JobListModel;
        window->setCurrentPage(MainWindow::Page::Queue);
        auto* queue = window->queuePage();
        const auto select = [queue, done] { selectTellingJob(queue, done); };
        if (queue->model()->hasStatus() || queue->model()->isStoreMissing())
            select();
        else
            QObject::connect(queue->model(), &JobListModel::firstPageLoaded, queue, select,
                             Qt::SingleShotConnection);
        return;
    }
    if (page == QLatin1String("customers"))
        window->setCurrentPage(MainWindow::Page::Customers);
    if (page == QLatin1String("mappings")) {
        window->setCurrentPage(MainWindow::Page::PlanMappings);
        // The unmapped prices are read off the UI thread; the picture waits for them.
        auto* mappings =
            qobject_cast<billbridge::widgets::MappingsPage*>(window->page(MainWindow::Page::PlanMappings));
        if (mappings && mappings->isLoadingUnmapped()) {
            QObject::connect(mappings, &billbridge::widgets::MappingsPage::unmappedLoaded, mappings, done,
                             Qt::SingleShotConnection);
            return;
        }
    }
    if (page == QLatin1String("dunning-rules"))
        window->setCurrentPage(MainWindow::Page::DunningRules);
    if (page == QLatin1String("audit")) {
        window->setCurrentPage(MainWindow::Page::Audit);
        // The chain status is checked when the page first shows; the picture waits for it.
        auto* audit = qobject_cast<billbridge::widgets::AuditPage*>(window->page(MainWindow::Page::Audit));
        if (!audit->isVerifying()) {
            QTimer::singleShot(300, audit, done);
            return;
        }
        QObject::connect(
            audit, &billbridge::widgets::AuditPage::verifyFinished, audit,
            [audit, done] { QTimer::singleShot(300, audit, done); }, Qt::SingleShotConnection);
        return;
    }
    if (page == QLatin1String("events")) {
        window->setCurrentPage(MainWindow::Page::Events);
        auto* events = window->eventsPage();
        const auto select = [events, done] {
            selectTellingEvent(events);
            QTimer::singleShot(500, events, done);
        };
        if (events->model()->rowCount() > 0)
            select();
        else
            QObject::connect(events->model(), &EventListModel::firstPageLoaded, events, select,
                             Qt::SingleShotConnection);
        return;
    }
    done();
}

// --grab: once the first figures are on screen, save the window (or, with --connections, the dialog once it
// has read the saved values) as an image and quit. Used for the documentation's screenshots, so it must
// never hang: without figures after a while it gives up.
void grabWhenReady(billbridge::widgets::MainWindow* window, const QString& path, bool connections,
                   const QString& page, const QString& customer)
{
    using billbridge::widgets::ConnectionsDialog;
    using billbridge::widgets::MainWindow;
    const auto save = [window, path, connections] {
        // The last update may have shown or hidden panels; a short pause lets the layouts settle.
        QTimer::singleShot(200, window, [window, path, connections] {
            ConnectionsDialog* dialog = connections ? window->connectionsDialog() : nullptr;
            if (dialog == nullptr || !dialog->isLoading()) {
                savePicture(dialog ? static_cast<QWidget*>(dialog) : window, path);
                return;
            }
            QObject::connect(dialog, &ConnectionsDialog::loaded, dialog, [dialog, path] {
                QTimer::singleShot(200, dialog, [dialog, path] { savePicture(dialog, path); });
            });
        });
    };
    const auto prepareAndSave = [window, page, customer, save] { preparePage(window, page, customer, save); };
    if (window->isReady())
        prepareAndSave();
    else
        QObject::connect(window, &MainWindow::ready, window, prepareAndSave, Qt::SingleShotConnection);
    QTimer::singleShot(30000, window, [] {
        printError(QCoreApplication::translate("main", "the window did not show the store and the receiver "
                                                       "within 30 s; no picture was taken."));
        QCoreApplication::exit(kExitFailure);
    });
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Billbridge"));
    QApplication::setOrganizationName(QStringLiteral("Billbridge"));
    QApplication::setApplicationVersion(QStringLiteral(BILLBRIDGE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.billbridge.Billbridge"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/billbridge.svg")));
    billbridge::widgets::installTranslations(app);

    using namespace billbridge;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Operations console for Stripe billing events on their way to Customer.io."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate("main", "Store file to show (default: $BILLBRIDGE_DB, else %1).")
            .arg(store::Database::defaultPath()),
        QCoreApplication::translate("main", "path"));
    const QCommandLineOption receiverOption(
        QStringLiteral("receiver"),
        QCoreApplication::translate("main", "Address of the receiver started by 'billbridge-cli serve' "
                                            "(default: $BILLBRIDGE_RECEIVER, else %1).")
            .arg(QLatin1String(widgets::ReceiverProbe::kDefaultAddress)),
        QCoreApplication::translate("main", "host:port"));
    const QCommandLineOption grabOption(
        QStringLiteral("grab"),
        QCoreApplication::translate(
            "main", "Save a picture of the window to FILE once it shows the first figures, then quit."),
        QCoreApplication::translate("main", "FILE"));
    const QCommandLineOption connectionsOption(
        QStringLiteral("connections"),
        QCoreApplication::translate("main",
                                    "Open the Connections dialog at start (with --grab: picture it)."));
    const QCommandLineOption pageOption(
        QStringLiteral("page"),
        QCoreApplication::translate(
            "main",
            "Screen to show at start: overview, events, customers, queue, mappings, dunning-rules or audit."),
        QCoreApplication::translate("main", "name"));
    const QCommandLineOption customerOption(
        QStringLiteral("customer"),
        QCoreApplication::translate("main", "Show this customer (id or email) at start."),
        QCoreApplication::translate("main", "customer"));
    parser.addOptions({dbOption, receiverOption, grabOption, connectionsOption, pageOption, customerOption});
    parser.process(app);

    widgets::StoreSummary storeSummary(store::Database::resolvePath(parser.value(dbOption)));
    widgets::ReceiverProbe receiverProbe(
        widgets::ReceiverProbe::resolveAddress(parser.value(receiverOption)));
    // Credentials live in the keychain; values the operator keeps for this session only live here, in memory.
    secrets::KeychainSecretStore keychain;
    widgets::SessionSecretStore sessionSecrets;
    widgets::ConnectionServices connections;
    connections.secrets = &keychain;
    connections.sessionSecrets = &sessionSecrets;
    connections.storePath = storeSummary.path();
    widgets::MainWindow window(&storeSummary, &receiverProbe, connections);
    // Intake in this window listens where the probe looks, so both describe the same receiver.
    intake::IntakeOptions intakeOptions;
    intakeOptions.storePath = storeSummary.path();
    if (const auto url = widgets::ReceiverProbe::healthUrl(receiverProbe.address())) {
        intakeOptions.address = QHostAddress(url->host());
        intakeOptions.port = static_cast<quint16>(url->port(intake::IntakeOptions::kDefaultPort));
    }
    widgets::ConsoleIntake consoleIntake(intakeOptions, connections);
    window.setConsoleIntake(&consoleIntake);
    widgets::ConsoleDelivery consoleDelivery(storeSummary.path(), connections);
    window.setConsoleDelivery(&consoleDelivery);
    const QString grabPath = parser.value(grabOption);
    if (grabPath.isEmpty())
        window.restoreSavedState();
    else
        grabWhenReady(&window, grabPath, parser.isSet(connectionsOption), parser.value(pageOption),
                      parser.value(customerOption));
    if (grabPath.isEmpty()) {
        const QString page = parser.value(pageOption);
        if (!parser.value(customerOption).isEmpty())
            window.followCustomer(parser.value(customerOption));
        else if (page == QLatin1String("events"))
            window.setCurrentPage(widgets::MainWindow::Page::Events);
        else if (page == QLatin1String("customers"))
            window.setCurrentPage(widgets::MainWindow::Page::Customers);
        else if (page == QLatin1String("queue"))
            window.setCurrentPage(widgets::MainWindow::Page::Queue);
        else if (page == QLatin1String("mappings"))
            window.setCurrentPage(widgets::MainWindow::Page::PlanMappings);
        else if (page == QLatin1String("dunning-rules"))
            window.setCurrentPage(widgets::MainWindow::Page::DunningRules);
        else if (page == QLatin1String("audit"))
            window.setCurrentPage(widgets::MainWindow::Page::Audit);
    }
    window.show();
    if (parser.isSet(connectionsOption))
        window.openConnections();
    storeSummary.start();
    receiverProbe.start();
    if (grabPath.isEmpty()) {
        consoleIntake.startIfWanted();
        consoleDelivery.startIfWanted();
    }
    return QApplication::exec();
}
