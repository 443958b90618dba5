#include "customerio/customeriocredentials.h"
#include "secrets/envsecretstore.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QMap>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace billbridge;
using customerio::CustomerIoCredentialsLoad;

namespace {

// An in-process store behind the SecretStore interface, answering asynchronously like the real ones, so that
// the precedence rules can be checked without a desktop keychain (tests/integration/tst_keychainsecretstore
// covers the real one).
class MemorySecretStore final : public secrets::SecretStore {
public:
    QMap<QString, QByteArray> entries;
    std::optional<secrets::SecretResult> forcedAnswer;
    int reads = 0;

    QString backendName() const override { return QStringLiteral("memory store"); }
    void read(const QString& key, Callback done, QObject* context) override
    {
        ++reads;
        deliverLater(std::move(done), context,
                     forcedAnswer            ? *forcedAnswer
                     : entries.contains(key) ? secrets::SecretResult::found(entries.value(key))
                                             : secrets::SecretResult::notFound());
    }
    void write(const QString&, const QByteArray&, Callback done, QObject* context) override
    {
        deliverLater(std::move(done), context, secrets::SecretResult::done());
    }
    void remove(const QString&, Callback done, QObject* context) override
    {
        deliverLater(std::move(done), context, secrets::SecretResult::done());
    }
};

QProcessEnvironment environment(std::initializer_list<std::pair<const char*, const char*>> variables)
{
    QProcessEnvironment env;
    for (const auto& [name, value] : variables)
        env.insert(QString::fromLatin1(name), QString::fromUtf8(value));
    return env;
}

const auto kComplete = {std::pair{"CUSTOMERIO_SITE_ID", "site123"},
                        std::pair{"CUSTOMERIO_TRACK_API_KEY", "trackkey456"},
                        std::pair{"CUSTOMERIO_APP_API_KEY", "appkey789"}};

} // namespace

class TestCustomerIoCredentials : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init() { QSettings().remove(QLatin1String(CustomerIoCredentialsLoad::kRegionSetting)); }

    void environmentOnly()
    {
        const CustomerIoCredentialsLoad load =
            customerio::loadCustomerIoCredentials(nullptr, environment(kComplete));
        QVERIFY(load.isComplete());
        QVERIFY(load.problems.isEmpty());
        QCOMPARE(load.credentials.siteId, QStringLiteral("site123"));
        QCOMPARE(load.credentials.trackApiKey, QStringLiteral("trackkey456"));
        QCOMPARE(load.credentials.appApiKey, QStringLiteral("appkey789"));
        QCOMPARE(load.siteIdOrigin, QStringLiteral("environment (CUSTOMERIO_SITE_ID)"));
        QCOMPARE(customerio::toString(load.region), QStringLiteral("us"));
        QCOMPARE(load.regionOrigin, QStringLiteral("the default"));
        QVERIFY(load.missing().isEmpty());
    }

    void nothingConfiguredIsIncompleteButNotAProblem()
    {
        const CustomerIoCredentialsLoad load =
            customerio::loadCustomerIoCredentials(nullptr, QProcessEnvironment());
        QVERIFY(!load.isComplete());
        QVERIFY(load.problems.isEmpty());
        QCOMPARE(load.missing(), (QStringList{QStringLiteral("CUSTOMERIO_SITE_ID"),
                                              QStringLiteral("CUSTOMERIO_TRACK_API_KEY"),
                                              QStringLiteral("CUSTOMERIO_APP_API_KEY")}));
        const QString message = customerio::missingCustomerIoCredentialsMessage(load);
        QVERIFY(message.contains(QLatin1String("CUSTOMERIO_APP_API_KEY")));
    }

    void partialEnvironmentNamesWhatIsMissing()
    {
        const CustomerIoCredentialsLoad load = customerio::loadCustomerIoCredentials(
            nullptr,
            environment({{"CUSTOMERIO_SITE_ID", "site123"}, {"CUSTOMERIO_TRACK_API_KEY", "trackkey456"}}));
        QVERIFY(!load.isComplete());
        QCOMPARE(load.missing(), QStringList{QStringLiteral("CUSTOMERIO_APP_API_KEY")});
    }

    void regionFromEnvironmentInAnyCase()
    {
        auto env = environment(kComplete);
        env.insert(QStringLiteral("CUSTOMERIO_REGION"), QStringLiteral(" EU "));
        QSettings().setValue(QLatin1String(CustomerIoCredentialsLoad::kRegionSetting), QStringLiteral("us"));
        const CustomerIoCredentialsLoad load = customerio::loadCustomerIoCredentials(nullptr, env);
        QCOMPARE(customerio::toString(load.region), QStringLiteral("eu"));
        QCOMPARE(load.regionOrigin, QStringLiteral("environment (CUSTOMERIO_REGION)"));
        QVERIFY(load.isComplete());
    }

    void regionFromSettings()
    {
        QSettings().setValue(QLatin1String(CustomerIoCredentialsLoad::kRegionSetting), QStringLiteral("eu"));
        const CustomerIoCredentialsLoad load =
            customerio::loadCustomerIoCredentials(nullptr, environment(kComplete));
        QCOMPARE(customerio::toString(load.region), QStringLiteral("eu"));
        QCOMPARE(load.regionOrigin, QStringLiteral("the setting customerio/region"));
    }

    void invalidRegionIsAProblemNamingTheVariable()
    {
        auto env = environment(kComplete);
        env.insert(QStringLiteral("CUSTOMERIO_REGION"), QStringLiteral("asia"));
        QSettings().setValue(QLatin1String(CustomerIoCredentialsLoad::kRegionSetting), QStringLiteral("eu"));
        const CustomerIoCredentialsLoad load = customerio::loadCustomerIoCredentials(nullptr, env);
        QCOMPARE(load.problems.size(), 1);
        QVERIFY(load.problems.first().contains(QLatin1String("CUSTOMERIO_REGION")));
        QVERIFY(load.problems.first().contains(QLatin1String("asia")));
        QVERIFY(!load.isComplete());
    }

    void malformedVariableIsReportedWithoutItsValue()
    {
        auto env = environment(kComplete);
        env.insert(QStringLiteral("CUSTOMERIO_TRACK_API_KEY"), QStringLiteral("secret part two"));
        const CustomerIoCredentialsLoad load = customerio::loadCustomerIoCredentials(nullptr, env);
        QCOMPARE(load.problems.size(), 1);
        QVERIFY(load.problems.first().contains(QLatin1String("CUSTOMERIO_TRACK_API_KEY")));
        QVERIFY(!load.problems.first().contains(QLatin1String("secret")));
        QVERIFY(load.credentials.trackApiKey.isEmpty());
        QVERIFY(!load.isComplete());
    }

    void environmentOverridesTheKeychainEntryByEntry()
    {
        MemorySecretStore keychain;
        keychain.entries.insert(secrets::keys::kCustomerIoSiteId, "keychainsite");
        keychain.entries.insert(secrets::keys::kCustomerIoTrackApiKey, "keychaintrack");
        keychain.entries.insert(secrets::keys::kCustomerIoAppApiKey, "keychainapp");
        const CustomerIoCredentialsLoad load = customerio::loadCustomerIoCredentials(
            &keychain, environment({{"CUSTOMERIO_APP_API_KEY", "envapp"}}));
        QVERIFY(load.isComplete());
        QCOMPARE(load.credentials.siteId, QStringLiteral("keychainsite"));
        QCOMPARE(load.credentials.trackApiKey, QStringLiteral("keychaintrack"));
        QCOMPARE(load.credentials.appApiKey, QStringLiteral("envapp"));
        QCOMPARE(load.siteIdOrigin, QStringLiteral("keychain"));
        QCOMPARE(load.appApiKeyOrigin, QStringLiteral("environment (CUSTOMERIO_APP_API_KEY)"));
        QCOMPARE(keychain.reads, 2); // the overridden entry is never asked for
    }

    void keychainNotAskedWhenTheEnvironmentHasEverything()
    {
        MemorySecretStore keychain;
        keychain.forcedAnswer = secrets::SecretResult::unavailable(QStringLiteral("no keychain"));
        const CustomerIoCredentialsLoad load =
            customerio::loadCustomerIoCredentials(&keychain, environment(kComplete));
        QVERIFY(load.isComplete());
        QCOMPARE(keychain.reads, 0);
        QVERIFY(!load.keychainUnavailable);
    }

    void unavailableKeychainReportedOnce()
    {
        MemorySecretStore keychain;
        keychain.forcedAnswer = secrets::SecretResult::unavailable(QStringLiteral("no keychain service"));
        const CustomerIoCredentialsLoad load =
            customerio::loadCustomerIoCredentials(&keychain, QProcessEnvironment());
        QVERIFY(load.keychainUnavailable);
        QCOMPARE(load.problems, QStringList{QStringLiteral("no keychain service")});
        QCOMPARE(keychain.reads, 1);
        QVERIFY(!load.isComplete());
    }

private:
    QTemporaryDir m_settingsDir;
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_customeriocredentials"));
    TestCustomerIoCredentials test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_customeriocredentials.moc"
