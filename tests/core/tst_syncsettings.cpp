// SyncSettings: renamed attributes and events and the history horizon come from the settings file; every
// bad entry is reported and leaves its default in place.

#include "sync/syncsettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace billbridge;

class TestSyncSettings : public QObject {
    Q_OBJECT

private slots:
    void defaultsWithoutSettings()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        const sync::SyncSettings read = sync::SyncSettings::read(settings);
        QVERIFY(read.problems.isEmpty());
        QCOMPARE(read.options.horizonMs, sync::SyncOptions::kDefaultHorizonMs);
        QCOMPARE(read.options.attributes.planName, QStringLiteral("plan_name"));
        QCOMPARE(read.options.events.paymentFailed, QStringLiteral("payment_failed"));
    }

    void renamesAndHorizon()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("sync/horizonHours"), 24);
        settings.setValue(QStringLiteral("sync/attributes/plan_name"), QStringLiteral("plan"));
        settings.setValue(QStringLiteral("sync/attributes/mrr"), QStringLiteral(" monthly_revenue "));
        settings.setValue(QStringLiteral("sync/events/payment_failed"), QStringLiteral("invoice_failed"));
        const sync::SyncSettings read = sync::SyncSettings::read(settings);
        QVERIFY2(read.problems.isEmpty(), qPrintable(read.problems.join(QLatin1Char('\n'))));
        QCOMPARE(read.options.horizonMs, 24LL * 3600 * 1000);
        QCOMPARE(read.options.attributes.planName, QStringLiteral("plan"));
        QCOMPARE(read.options.attributes.mrr, QStringLiteral("monthly_revenue"));
        QCOMPARE(read.options.attributes.planTier, QStringLiteral("plan_tier"));
        QCOMPARE(read.options.events.paymentFailed, QStringLiteral("invoice_failed"));
    }

    void badEntriesKeepTheirDefaults()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("sync/horizonHours"), QStringLiteral("forever"));
        settings.setValue(QStringLiteral("sync/attributes/plan_name"), QString());
        settings.setValue(QStringLiteral("sync/attributes/plan_tier"), QStringLiteral("_tier"));
        settings.setValue(QStringLiteral("sync/attributes/currency"), QStringLiteral("mrr"));
        settings.setValue(QStringLiteral("sync/attributes/colour"), QStringLiteral("blue"));
        settings.setValue(QStringLiteral("sync/events/refund_issued"), QString(151, QLatin1Char('r')));
        const sync::SyncSettings read = sync::SyncSettings::read(settings);
        QCOMPARE(read.options.horizonMs, sync::SyncOptions::kDefaultHorizonMs);
        QCOMPARE(read.options.attributes.planName, QStringLiteral("plan_name"));
        QCOMPARE(read.options.attributes.planTier, QStringLiteral("plan_tier"));
        QCOMPARE(read.options.attributes.currency, QStringLiteral("currency"));
        QCOMPARE(read.options.events.refundIssued, QStringLiteral("refund_issued"));
        const QString all = read.problems.join(QLatin1Char('\n'));
        QCOMPARE(read.problems.size(), 6);
        QVERIFY2(all.contains(QStringLiteral("sync/horizonHours must be")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("sync/attributes/plan_name is empty")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("reserves")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("'mrr' is already the name of another one")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("sync/attributes/colour: there is no such name")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("longer than 150 bytes")), qPrintable(all));
    }

    void aRenameOntoAnotherDefaultFallsBack()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("sync/attributes/plan_name"), QStringLiteral("plan_tier"));
        // A swap is fine: both are renamed and the results differ.
        settings.setValue(QStringLiteral("sync/events/payment_failed"), QStringLiteral("payment_succeeded"));
        settings.setValue(QStringLiteral("sync/events/payment_succeeded"), QStringLiteral("payment_failed"));
        const sync::SyncSettings read = sync::SyncSettings::read(settings);
        QCOMPARE(read.problems.size(), 1);
        QVERIFY(read.problems.first().startsWith(QStringLiteral("sync/attributes/plan_name: 'plan_tier'")));
        QCOMPARE(read.options.attributes.planName, QStringLiteral("plan_name"));
        QCOMPARE(read.options.attributes.planTier, QStringLiteral("plan_tier"));
        QCOMPARE(read.options.events.paymentFailed, QStringLiteral("payment_succeeded"));
        QCOMPARE(read.options.events.paymentSucceeded, QStringLiteral("payment_failed"));
    }

    void everyNameIsListed()
    {
        QCOMPARE(sync::attributeNameMembers().size(), 17);
        QCOMPARE(sync::eventNameMembers().size(), 16);
    }
};

QTEST_GUILESS_MAIN(TestSyncSettings)
#include "tst_syncsettings.moc"
