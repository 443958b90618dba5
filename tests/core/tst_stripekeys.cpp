#include "stripe/stripekeys.h"

#include <QTest>

using namespace billbridge::stripe;

Q_DECLARE_METATYPE(billbridge::stripe::KeyKind)
Q_DECLARE_METATYPE(billbridge::stripe::KeyMode)

namespace {

// Made-up key bodies of realistic length; deterministic so failures are reproducible.
QString body(int length, char seed = 'a')
{
    static const QLatin1String alphabet("Kx7Qm2ZrB9vTn4LwYc8Hd3Pf6Js1Gk5Ea0");
    QString text;
    for (int i = 0; i < length; ++i)
        text += alphabet.at((i * 7 + seed) % alphabet.size());
    return text;
}

QString key(const char* prefix, int length = 40, char seed = 'a')
{
    return QLatin1String(prefix) + body(length, seed);
}

// The longest piece of `secret` that a message or masked form may contain: nothing beyond the prefix
// and the last four characters.
void verifyRevealsNoMoreThanTail(const QString& shown, const QString& secret, qsizetype prefixLength)
{
    const QString hidden = secret.mid(prefixLength, secret.size() - prefixLength - 4);
    QVERIFY2(hidden.isEmpty() || !shown.contains(hidden), qPrintable(shown));
    // No five consecutive characters from the hidden part either.
    for (qsizetype i = 0; i + 5 <= hidden.size(); ++i)
        QVERIFY2(!shown.contains(hidden.mid(i, 5)), qPrintable(shown));
}

} // namespace

class tst_StripeKeys final : public QObject {
    Q_OBJECT

private slots:
    void classifiesEveryPrefix_data();
    void classifiesEveryPrefix();
    void apiKeySlot_data();
    void apiKeySlot();
    void webhookSecretSlot_data();
    void webhookSecretSlot();
    void masking_data();
    void masking();
    void problemsNeverContainTheValue_data();
    void problemsNeverContainTheValue();
    void labelsAndDescription();
};

void tst_StripeKeys::classifiesEveryPrefix_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<KeyKind>("kind");
    QTest::addColumn<KeyMode>("mode");

    QTest::newRow("sk_test") << key("sk_test_") << KeyKind::SecretKey << KeyMode::Test;
    QTest::newRow("sk_live") << key("sk_live_") << KeyKind::SecretKey << KeyMode::Live;
    QTest::newRow("rk_test") << key("rk_test_") << KeyKind::RestrictedKey << KeyMode::Test;
    QTest::newRow("rk_live") << key("rk_live_") << KeyKind::RestrictedKey << KeyMode::Live;
    QTest::newRow("pk_test") << key("pk_test_") << KeyKind::PublishableKey << KeyMode::Test;
    QTest::newRow("pk_live") << key("pk_live_") << KeyKind::PublishableKey << KeyMode::Live;
    QTest::newRow("whsec") << key("whsec_", 32) << KeyKind::WebhookSecret << KeyMode::Unknown;
    QTest::newRow("whsec from stripe listen (hex)")
        << QStringLiteral("whsec_") + QString(64, QLatin1Char('b')) << KeyKind::WebhookSecret
        << KeyMode::Unknown;
    QTest::newRow("old 24-character secret key")
        << key("sk_test_", 24) << KeyKind::SecretKey << KeyMode::Test;
}

void tst_StripeKeys::classifiesEveryPrefix()
{
    QFETCH(QString, text);
    QFETCH(KeyKind, kind);
    QFETCH(KeyMode, mode);

    const KeyCheck check = classifyKey(text);
    QCOMPARE(check.kind, kind);
    QCOMPARE(check.mode, mode);
    QVERIFY2(check.isUsable(), qPrintable(check.problem));
}

void tst_StripeKeys::apiKeySlot_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("usable");
    QTest::addColumn<QStringList>("problemMentions");

    const QStringList none;
    QTest::newRow("secret test") << key("sk_test_") << true << none;
    QTest::newRow("secret live") << key("sk_live_") << true << none;
    QTest::newRow("restricted test") << key("rk_test_") << true << none;
    QTest::newRow("restricted live") << key("rk_live_") << true << none;
    QTest::newRow("publishable test")
        << key("pk_test_") << false
        << QStringList{QStringLiteral("publishable"), QStringLiteral("cannot read events"),
                       QStringLiteral("sk_test_"), QStringLiteral("rk_live_")};
    QTest::newRow("publishable live")
        << key("pk_live_") << false << QStringList{QStringLiteral("publishable")};
    QTest::newRow("webhook secret as API key")
        << key("whsec_", 32) << false
        << QStringList{QStringLiteral("webhook signing secret"), QStringLiteral("not an API key")};
    QTest::newRow("foreign prefix") << QStringLiteral("xoxb-") + body(40) << false
                                    << QStringList{
                                           QStringLiteral("sk_test_, sk_live_, rk_test_ or rk_live_")};
    QTest::newRow("empty") << QString() << false << QStringList{QStringLiteral("empty")};
    QTest::newRow("only whitespace") << QStringLiteral(" \t\n") << false
                                     << QStringList{QStringLiteral("empty")};
    QTest::newRow("leading space") << QLatin1Char(' ') + key("sk_test_") << false
                                   << QStringList{QStringLiteral("space or line break")};
    QTest::newRow("trailing newline")
        << key("sk_live_") + QLatin1Char('\n') << false << QStringList{QStringLiteral("space or line break")};
    QTest::newRow("space inside") << QStringLiteral("sk_test_abcdefghij klmnopqrstuvwxyz") << false
                                  << QStringList{QStringLiteral("space or line break")};
    QTest::newRow("cut off") << QStringLiteral("sk_test_51Kx7Qm") << false
                             << QStringList{QStringLiteral("too short")};
    QTest::newRow("prefix only") << QStringLiteral("rk_live_") << false
                                 << QStringList{QStringLiteral("too short")};
    QTest::newRow("no mode") << QStringLiteral("sk_") + body(40) << false
                             << QStringList{QStringLiteral("neither a test nor a live key")};
    QTest::newRow("foreign characters")
        << QStringLiteral("sk_test_") + body(30) + QStringLiteral("$%") << false
        << QStringList{QStringLiteral("characters that never occur")};
    QTest::newRow("upper-case prefix") << QStringLiteral("SK_TEST_") + body(40) << false
                                       << QStringList{QStringLiteral("should start with sk_test_")};
}

void tst_StripeKeys::apiKeySlot()
{
    QFETCH(QString, text);
    QFETCH(bool, usable);
    QFETCH(QStringList, problemMentions);

    const KeyCheck check = checkApiKey(text);
    QCOMPARE(check.isUsable(), usable);
    for (const QString& mention : problemMentions)
        QVERIFY2(check.problem.contains(mention), qPrintable(check.problem));
    QVERIFY(!check.masked.isEmpty());
}

void tst_StripeKeys::webhookSecretSlot_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("usable");
    QTest::addColumn<QStringList>("problemMentions");

    QTest::newRow("whsec") << key("whsec_", 32) << true << QStringList();
    QTest::newRow("whsec base64-like")
        << QStringLiteral("whsec_") + body(30) + QStringLiteral("+/==") << true << QStringList();
    QTest::newRow("secret key as webhook secret")
        << key("sk_test_") << false
        << QStringList{QStringLiteral("API key"), QStringLiteral("not a webhook signing secret"),
                       QStringLiteral("whsec_")};
    QTest::newRow("restricted key as webhook secret")
        << key("rk_live_") << false << QStringList{QStringLiteral("not a webhook signing secret")};
    QTest::newRow("publishable as webhook secret")
        << key("pk_live_") << false
        << QStringList{QStringLiteral("publishable"), QStringLiteral("not a webhook signing secret")};
    QTest::newRow("foreign") << body(40) << false << QStringList{QStringLiteral("should start with whsec_")};
    QTest::newRow("empty") << QString() << false
                           << QStringList{QStringLiteral("empty"), QStringLiteral("Developers → Webhooks")};
    QTest::newRow("cut off") << QStringLiteral("whsec_abc") << false
                             << QStringList{QStringLiteral("too short")};
    QTest::newRow("tab inside") << QStringLiteral("whsec_") + body(16) + QLatin1Char('\t') + body(16) << false
                                << QStringList{QStringLiteral("space or line break")};
}

void tst_StripeKeys::webhookSecretSlot()
{
    QFETCH(QString, text);
    QFETCH(bool, usable);
    QFETCH(QStringList, problemMentions);

    const KeyCheck check = checkWebhookSecret(text);
    QCOMPARE(check.isUsable(), usable);
    for (const QString& mention : problemMentions)
        QVERIFY2(check.problem.contains(mention), qPrintable(check.problem));
}

void tst_StripeKeys::masking_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("prefixLength");

    const QString sk = key("sk_test_", 99);
    QTest::newRow("long secret key") << sk << QStringLiteral("sk_test_…") + sk.right(4) << 8;
    const QString rk = key("rk_live_", 40, 'q');
    QTest::newRow("restricted key") << rk << QStringLiteral("rk_live_…") + rk.right(4) << 8;
    const QString wh = key("whsec_", 32);
    QTest::newRow("webhook secret") << wh << QStringLiteral("whsec_…") + wh.right(4) << 6;
    QTest::newRow("short key shows no tail")
        << QStringLiteral("sk_live_abcdefg") << QStringLiteral("sk_live_…") << 8;
    QTest::newRow("empty") << QString() << QStringLiteral("(not set)") << 0;
    // Unrecognised text: no guessed prefix, only the tail.
    const QString foreign = QStringLiteral("ab_") + body(40);
    QTest::newRow("unrecognised") << foreign << QStringLiteral("…") + foreign.right(4) << 0;
    const QString modeless = QStringLiteral("sk_") + QStringLiteral("abcde_") + body(30);
    QTest::newRow("modeless keeps only the known prefix")
        << modeless << QStringLiteral("sk_…") + modeless.right(4) << 3;
}

void tst_StripeKeys::masking()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(int, prefixLength);

    const KeyCheck check = classifyKey(text);
    QCOMPARE(check.masked, expected);
    QCOMPARE(checkApiKey(text).masked, expected);
    QCOMPARE(checkWebhookSecret(text).masked, expected);
    verifyRevealsNoMoreThanTail(check.masked, text, prefixLength);
    verifyRevealsNoMoreThanTail(describeKey(check), text, prefixLength);
}

void tst_StripeKeys::problemsNeverContainTheValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("publishable") << key("pk_live_", 60, 'z');
    QTest::newRow("webhook secret") << key("whsec_", 32, 'y');
    QTest::newRow("secret key") << key("sk_live_", 60, 'x');
    QTest::newRow("foreign") << QStringLiteral("AKIA") + body(36, 'w');
    QTest::newRow("no mode") << QStringLiteral("rk_") + body(36, 'v');
    QTest::newRow("foreign characters") << QStringLiteral("whsec_") + body(30, 'u') + QStringLiteral("!");
    QTest::newRow("cut off") << QStringLiteral("sk_live_") + body(12, 't');
}

void tst_StripeKeys::problemsNeverContainTheValue()
{
    QFETCH(QString, text);
    const qsizetype prefixEnd = text.left(9).lastIndexOf(QLatin1Char('_')) + 1;
    for (const KeyCheck& check : {checkApiKey(text), checkWebhookSecret(text)}) {
        QVERIFY(!check.problem.contains(text));
        verifyRevealsNoMoreThanTail(check.problem, text, prefixEnd);
    }
}

void tst_StripeKeys::labelsAndDescription()
{
    QCOMPARE(modeLabel(KeyMode::Test), QStringLiteral("TEST"));
    QCOMPARE(modeLabel(KeyMode::Live), QStringLiteral("LIVE"));
    QVERIFY(modeLabel(KeyMode::Unknown).isEmpty());
    QCOMPARE(kindLabel(KeyKind::RestrictedKey), QStringLiteral("restricted key"));

    const QString live = key("sk_live_");
    QCOMPARE(describeKey(checkApiKey(live)),
             QStringLiteral("sk_live_…%1 (LIVE, secret key)").arg(live.right(4)));
    const QString test = key("rk_test_");
    QCOMPARE(describeKey(checkApiKey(test)),
             QStringLiteral("rk_test_…%1 (TEST, restricted key)").arg(test.right(4)));
    const QString secret = key("whsec_", 32);
    QCOMPARE(describeKey(checkWebhookSecret(secret)),
             QStringLiteral("whsec_…%1 (webhook signing secret)").arg(secret.right(4)));
}

QTEST_GUILESS_MAIN(tst_StripeKeys)
#include "tst_stripekeys.moc"
