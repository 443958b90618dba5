#include "secrets/keychainsecretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cstdio>
#include <optional>

using namespace billbridge::secrets;
using namespace std::chrono_literals;

// Runs against the real Secret Service. Under packaging/with-test-keyring.sh (BILLBRIDGE_TEST_KEYCHAIN=1)
// that is a private, unlocked GNOME Keyring and nothing may be skipped. Elsewhere the tests use the
// session's keychain under a throw-away service name, or skip when there is none. The "unavailable"
// cases run in child processes (this executable with kChildFlag), because libsecret binds to one session
// bus per process.

namespace {

constexpr auto kChildFlag = QLatin1String("--keychain-child");
const QString kApiKeyEntry = keys::kStripeApiKey;
const QString kSecretsEntry = keys::kStripeWebhookSecrets;
const QByteArray kKeyOne = "sk_test_51Keych4inTest0ne9Lm2Zx7Vb3Nc8Rw";
const QByteArray kKeyTwo = "sk_"
                           "live_51Keych4inTestTw0Qp5Hy1Jd6Kf4Gs";

QString statusName(SecretResult::Status status)
{
    switch (status) {
    case SecretResult::Status::Ok:
        return QStringLiteral("Ok");
    case SecretResult::Status::NotFound:
        return QStringLiteral("NotFound");
    case SecretResult::Status::Unavailable:
        return QStringLiteral("Unavailable");
    case SecretResult::Status::ReadOnly:
        return QStringLiteral("ReadOnly");
    case SecretResult::Status::Failed:
        break;
    }
    return QStringLiteral("Failed");
}

void report(const char* operation, const SecretResult& result)
{
    std::printf("%s\t%s\t%s\n", operation, qPrintable(statusName(result.status)),
                result.error.toUtf8().constData());
    std::fflush(stdout);
}

// Child side: one scenario, each operation reported as "operation<TAB>status<TAB>error".
int runChild(const QStringList& arguments)
{
    if (arguments.size() != 2)
        return 2;
    const QString& scenario = arguments.at(0);
    KeychainSecretStore store(arguments.at(1));
    if (scenario == QLatin1String("read-write")) {
        report("read", store.readBlocking(kApiKeyEntry, 30s));
        report("write", store.writeBlocking(kApiKeyEntry, kKeyOne, 30s));
        report("remove", store.removeBlocking(kApiKeyEntry, 30s));
        return 0;
    }
    if (scenario == QLatin1String("lock-then-read")) {
        report("write", store.writeBlocking(kApiKeyEntry, kKeyOne, 30s));
        const int locked = QProcess::execute(
            QStringLiteral("dbus-send"),
            {QStringLiteral("--session"), QStringLiteral("--print-reply"),
             QStringLiteral("--dest=org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
             QStringLiteral("org.freedesktop.Secret.Service.Lock"),
             QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
        std::printf("lock\t%s\t\n", locked == 0 ? "Ok" : "Failed");
        report("read", store.readBlocking(kApiKeyEntry, 30s));
        report("remove", store.removeBlocking(kApiKeyEntry, 30s));
        return 0;
    }
    return 2;
}

struct ChildReport {
    QMap<QString, std::pair<QString, QString>> operations; // operation -> (status, error)
    QString output;
};

} // namespace

class tst_KeychainSecretStore final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void writeReadOverwriteRemove();
    void valuesKeepTheirBytes();
    void neverStoredIsNotFound();
    void removingMissingEntrySucceeds();
    void servicesAreSeparate();
    void entryIsInTheSecretService();
    void callbacksAreAsynchronousAndGuarded();

    void unavailableWithoutSessionBus_data();
    void unavailableWithoutSessionBus();
    void keyringWithoutCollectionIsUnavailable();
    void lockedKeyringIsUnavailableNotEmpty();

private:
    bool keychainUsable();
    QProcessEnvironment isolatedEnvironment(const QTemporaryDir& dir) const;
    std::optional<ChildReport> runChildProcess(const QString& program, const QStringList& arguments,
                                               const QProcessEnvironment& environment);
    bool privateSessionToolsPresent(QString* missing) const;

    bool m_underWrapper = false;
    QString m_unavailableReason;
    QString m_service;
};

#define REQUIRE_KEYCHAIN()                                                                                   \
    do {                                                                                                     \
        if (!keychainUsable())                                                                               \
            return;                                                                                          \
    } while (false)

bool tst_KeychainSecretStore::keychainUsable()
{
    if (m_unavailableReason.isEmpty())
        return true;
    if (m_underWrapper)
        QTest::qFail(
            qPrintable(QStringLiteral("BILLBRIDGE_TEST_KEYCHAIN is set but the keychain cannot be used: ") +
                       m_unavailableReason),
            __FILE__, __LINE__);
    else
        QTest::qSkip(qPrintable(m_unavailableReason), __FILE__, __LINE__);
    return false;
}

void tst_KeychainSecretStore::initTestCase()
{
    m_underWrapper = qEnvironmentVariable("BILLBRIDGE_TEST_KEYCHAIN") == QLatin1String("1");
    // Never the real "Billbridge" service: on a desktop this runs against the person's own keychain.
    m_service = QStringLiteral("Billbridge Test %1-%2")
                    .arg(QCoreApplication::applicationPid())
                    .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));

    if (!m_underWrapper && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        m_unavailableReason =
            QStringLiteral("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set); run the "
                           "tests under packaging/with-test-keyring.sh");
        return;
    }
    KeychainSecretStore store(m_service);
    const SecretResult check = store.writeBlocking(QStringLiteral("test/check"), "1", 30s);
    if (!check.isOk()) {
        m_unavailableReason = check.error;
        return;
    }
    QCOMPARE(store.removeBlocking(QStringLiteral("test/check"), 30s).status, SecretResult::Status::Ok);
}

void tst_KeychainSecretStore::cleanupTestCase()
{
    if (!m_unavailableReason.isEmpty())
        return;
    KeychainSecretStore store(m_service);
    for (const QString& key : {kApiKeyEntry, kSecretsEntry, QStringLiteral("test/utf8")})
        store.removeBlocking(key, 30s);
}

void tst_KeychainSecretStore::writeReadOverwriteRemove()
{
    REQUIRE_KEYCHAIN();
    KeychainSecretStore store(m_service);
    QCOMPARE(store.service(), m_service);
    QVERIFY(!store.backendName().isEmpty());

    SecretResult result = store.writeBlocking(kApiKeyEntry, kKeyOne);
    QVERIFY2(result.isOk(), qPrintable(result.error));
    result = store.readBlocking(kApiKeyEntry);
    QCOMPARE(result.status, SecretResult::Status::Ok);
    QCOMPARE(result.value, kKeyOne);
    QVERIFY(result.error.isEmpty());

    QVERIFY(store.writeBlocking(kApiKeyEntry, kKeyTwo).isOk());
    QCOMPARE(store.readBlocking(kApiKeyEntry).value, kKeyTwo);

    QCOMPARE(store.removeBlocking(kApiKeyEntry).status, SecretResult::Status::Ok);
    result = store.readBlocking(kApiKeyEntry);
    QCOMPARE(result.status, SecretResult::Status::NotFound);
    QVERIFY(result.value.isEmpty());
}

void tst_KeychainSecretStore::valuesKeepTheirBytes()
{
    REQUIRE_KEYCHAIN();
    KeychainSecretStore store(m_service);
    const QByteArray secrets =
        "whsec_Kc9Lm2Zx7Vb3Nc8Rw4Hy6Jd1Kf5Gp0Aa\nwhsec_Qp5Hy1Jd6Kf4Gs8Lm2Zx7Vb3Nc9Rw0Ee";
    QVERIFY(store.writeBlocking(kSecretsEntry, secrets).isOk());
    QCOMPARE(store.readBlocking(kSecretsEntry).value, secrets);

    const QByteArray utf8 = QStringLiteral("schlüssel ✓").toUtf8();
    QVERIFY(store.writeBlocking(QStringLiteral("test/utf8"), utf8).isOk());
    QCOMPARE(store.readBlocking(QStringLiteral("test/utf8")).value, utf8);
}

void tst_KeychainSecretStore::neverStoredIsNotFound()
{
    REQUIRE_KEYCHAIN();
    KeychainSecretStore store(m_service);
    const SecretResult result = store.readBlocking(QStringLiteral("never/stored"));
    QCOMPARE(result.status, SecretResult::Status::NotFound);
    QVERIFY(result.error.isEmpty());
}

void tst_KeychainSecretStore::removingMissingEntrySucceeds()
{
    REQUIRE_KEYCHAIN();
    KeychainSecretStore store(m_service);
    QCOMPARE(store.removeBlocking(QStringLiteral("never/stored")).status, SecretResult::Status::Ok);
}

void tst_KeychainSecretStore::servicesAreSeparate()
{
    REQUIRE_KEYCHAIN();
    KeychainSecretStore mine(m_service);
    KeychainSecretStore other(m_service + QStringLiteral(" other"));
    QVERIFY(mine.writeBlocking(kApiKeyEntry, kKeyOne).isOk());
    QCOMPARE(other.readBlocking(kApiKeyEntry).status, SecretResult::Status::NotFound);
    QCOMPARE(other.removeBlocking(kApiKeyEntry).status, SecretResult::Status::Ok);
    QCOMPARE(mine.readBlocking(kApiKeyEntry).value, kKeyOne);
    QVERIFY(mine.removeBlocking(kApiKeyEntry).isOk());
}

void tst_KeychainSecretStore::entryIsInTheSecretService()
{
    REQUIRE_KEYCHAIN();
    const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    if (secretTool.isEmpty())
        QSKIP("secret-tool (libsecret-tools) is not installed");
    KeychainSecretStore store(m_service);
    QVERIFY(store.writeBlocking(kApiKeyEntry, kKeyOne).isOk());

    // Stored where other Secret Service clients see it, not in a fallback file.
    QProcess lookup;
    lookup.start(secretTool, {QStringLiteral("lookup"), QStringLiteral("server"), m_service,
                              QStringLiteral("user"), kApiKeyEntry});
    QVERIFY(lookup.waitForFinished(30000));
    QCOMPARE(lookup.exitCode(), 0);
    QCOMPARE(lookup.readAllStandardOutput().trimmed(), kKeyOne);
    QVERIFY(store.removeBlocking(kApiKeyEntry).isOk());
}

void tst_KeychainSecretStore::callbacksAreAsynchronousAndGuarded()
{
    REQUIRE_KEYCHAIN();
    KeychainSecretStore store(m_service);
    QVERIFY(store.writeBlocking(kApiKeyEntry, kKeyOne).isOk());

    std::optional<SecretResult> answer;
    store.read(kApiKeyEntry, [&answer](const SecretResult& result) { answer = result; });
    QVERIFY(!answer);

    bool orphanCalled = false;
    auto* context = new QObject;
    store.read(
        kApiKeyEntry, [&orphanCalled](const SecretResult&) { orphanCalled = true; }, context);
    delete context;

    // Jobs run in order, so once this one is done the orphaned read has finished too.
    std::optional<SecretResult> last;
    QObject alive;
    store.remove(
        kApiKeyEntry, [&last](const SecretResult& result) { last = result; }, &alive);
    QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), 30000);
    QVERIFY(answer.has_value());
    QCOMPARE(answer->value, kKeyOne);
    QVERIFY(last->isOk());
    QVERIFY(!orphanCalled);
}

QProcessEnvironment tst_KeychainSecretStore::isolatedEnvironment(const QTemporaryDir& dir) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display: nothing may prompt. No desktop hints: QtKeychain must pick the Secret Service.
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
                             "KDE_FULL_SESSION", "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID",
                             "DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL"})
        environment.remove(QLatin1String(name));
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString runtime = dir.filePath(QStringLiteral("run"));
    QDir().mkpath(home);
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    return environment;
}

std::optional<ChildReport> tst_KeychainSecretStore::runChildProcess(const QString& program,
                                                                    const QStringList& arguments,
                                                                    const QProcessEnvironment& environment)
{
    QProcess child;
    child.setProcessEnvironment(environment);
    child.start(program, arguments);
    if (!child.waitForFinished(90000)) {
        child.kill();
        child.waitForFinished();
        qWarning("child did not finish: %s", child.readAllStandardError().constData());
        return std::nullopt;
    }
    ChildReport report;
    report.output = QString::fromUtf8(child.readAllStandardOutput());
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        qWarning("child failed (%d): %s %s", child.exitCode(), qPrintable(report.output),
                 child.readAllStandardError().constData());
        return std::nullopt;
    }
    const QStringList lines = report.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (fields.size() == 3)
            report.operations.insert(fields.at(0), {fields.at(1), fields.at(2)});
    }
    return report;
}

bool tst_KeychainSecretStore::privateSessionToolsPresent(QString* missing) const
{
    for (const char* tool : {"dbus-run-session", "gnome-keyring-daemon", "dbus-send"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty()) {
            *missing = QLatin1String(tool);
            return false;
        }
    }
    return true;
}

void tst_KeychainSecretStore::unavailableWithoutSessionBus_data()
{
    QTest::addColumn<bool>("pointAtMissingSocket");
    QTest::newRow("bus address points at a missing socket") << true;
    QTest::newRow("no bus address and no display") << false;
}

void tst_KeychainSecretStore::unavailableWithoutSessionBus()
{
    QFETCH(bool, pointAtMissingSocket);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment environment = isolatedEnvironment(dir);
    if (pointAtMissingSocket)
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-such-bus")));

    const auto report = runChildProcess(QCoreApplication::applicationFilePath(),
                                        {kChildFlag, QStringLiteral("read-write"), m_service}, environment);
    QVERIFY(report);
    for (const char* operation : {"read", "write", "remove"}) {
        const auto [status, error] = report->operations.value(QLatin1String(operation));
        QCOMPARE(status, QStringLiteral("Unavailable"));
        QVERIFY2(error.startsWith(QStringLiteral("No keychain is available: there is no D-Bus session bus")),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("Start a Secret Service (GNOME Keyring or KWallet)")),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET")),
                 qPrintable(error));
    }
}

void tst_KeychainSecretStore::keyringWithoutCollectionIsUnavailable()
{
    QString missing;
    if (!privateSessionToolsPresent(&missing))
        QSKIP(qPrintable(missing + QStringLiteral(" is not installed")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // A fresh keyring daemon that nobody unlocked: reads say "not found", which must not pass for "empty".
    const auto report = runChildProcess(QStringLiteral("dbus-run-session"),
                                        {QStringLiteral("--"), QCoreApplication::applicationFilePath(),
                                         kChildFlag, QStringLiteral("read-write"), m_service},
                                        isolatedEnvironment(dir));
    QVERIFY(report);
    const auto [readStatus, readError] = report->operations.value(QStringLiteral("read"));
    QCOMPARE(readStatus, QStringLiteral("Unavailable"));
    QVERIFY2(readError.startsWith(
                 QStringLiteral("No keychain is available: the keyring has no default collection")),
             qPrintable(readError));
    QCOMPARE(report->operations.value(QStringLiteral("write")).first, QStringLiteral("Unavailable"));
    QCOMPARE(report->operations.value(QStringLiteral("remove")).first, QStringLiteral("Unavailable"));
}

void tst_KeychainSecretStore::lockedKeyringIsUnavailableNotEmpty()
{
    QString missing;
    if (!privateSessionToolsPresent(&missing))
        QSKIP(qPrintable(missing + QStringLiteral(" is not installed")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString password = QString::number(QRandomGenerator::global()->generate64(), 16);
    const auto report = runChildProcess(
        QStringLiteral("dbus-run-session"),
        {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-ec"),
         QStringLiteral("printf %s \"$0\" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
                        "exec \"$1\" --keychain-child lock-then-read \"$2\""),
         password, QCoreApplication::applicationFilePath(), m_service},
        isolatedEnvironment(dir));
    QVERIFY(report);
    QCOMPARE(report->operations.value(QStringLiteral("write")).first, QStringLiteral("Ok"));
    QCOMPARE(report->operations.value(QStringLiteral("lock")).first, QStringLiteral("Ok"));
    // The entry exists, but a locked keyring answers "not found": that must surface as unavailable.
    const auto [readStatus, readError] = report->operations.value(QStringLiteral("read"));
    QCOMPARE(readStatus, QStringLiteral("Unavailable"));
    QVERIFY2(readError.startsWith(QStringLiteral("No keychain is available: the keyring is locked")),
             qPrintable(readError));
    // Deleting from a locked keyring claims success without deleting; that must not pass either.
    QCOMPARE(report->operations.value(QStringLiteral("remove")).first, QStringLiteral("Unavailable"));
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == kChildFlag)
        return runChild(arguments.mid(2));
    tst_KeychainSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainsecretstore.moc"
