#include "util/redact.h"

#include <QTest>

using billbridge::util::maskEmail;
using billbridge::util::maskEmailsIn;
using billbridge::util::maskName;
using billbridge::util::maskSecret;

namespace billbridge::test {

class TestRedact : public QObject {
    Q_OBJECT

private slots:
    void emails_data();
    void emails();
    void emailsDoNotLeak();
    void emailsInText_data();
    void emailsInText();
    void names_data();
    void names();
    void namesKeepWholeCharacters();
    void secrets_data();
    void secrets();
    void secretsDoNotLeak();
};

void TestRedact::emails_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("masked");
    QTest::newRow("plain") << QStringLiteral("ada@example.com") << QStringLiteral("a***@e***.com");
    QTest::newRow("dotted local part")
        << QStringLiteral("maren.holloway@example.com") << QStringLiteral("m***@e***.com");
    QTest::newRow("subdomain") << QStringLiteral("billing@mail.larkspur.example.co.uk")
                               << QStringLiteral("b***@m***.uk");
    QTest::newRow("plus tag") << QStringLiteral("tobias+stripe@example.org")
                              << QStringLiteral("t***@e***.org");
    QTest::newRow("non-ascii") << QStringLiteral("in\u00eas@exempl\u00e3o.pt")
                               << QStringLiteral("i***@e***.pt");
    QTest::newRow("no tld") << QStringLiteral("root@localhost") << QStringLiteral("r***@l***");
    QTest::newRow("not an address") << QStringLiteral("maren") << QStringLiteral("m***");
    QTest::newRow("empty") << QString() << QString();
}

void TestRedact::emails()
{
    QFETCH(QString, email);
    QFETCH(QString, masked);
    QCOMPARE(maskEmail(email), masked);
}

void TestRedact::emailsDoNotLeak()
{
    // Two addresses stay distinguishable in a log (first letters, top-level domain), nothing more.
    const QString masked = maskEmail(QStringLiteral("maren.holloway@larkspur-analytics.example"));
    for (const QString& part : {QStringLiteral("maren"), QStringLiteral("holloway"),
                                QStringLiteral("larkspur"), QStringLiteral("analytics")})
        QVERIFY2(!masked.contains(part), qPrintable(masked));
    QVERIFY(maskEmail(QStringLiteral("ada@example.com")) != maskEmail(QStringLiteral("bob@example.com")));
}

void TestRedact::emailsInText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("no address") << QStringLiteral("refund issued") << QStringLiteral("refund issued");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only an address") << QStringLiteral("ada@example.com") << QStringLiteral("a***@e***.com");
    QTest::newRow("address in a sentence") << QStringLiteral("refund for ada@example.com, see ticket")
                                           << QStringLiteral("refund for a***@e***.com, see ticket");
    QTest::newRow("two addresses") << QStringLiteral("ada@example.com;bob@example.org")
                                   << QStringLiteral("a***@e***.com;b***@e***.org");
    QTest::newRow("quoted and bracketed")
        << QStringLiteral("\"Ada\" <ada@example.com> (maren.holloway@larkspur.example)")
        << QStringLiteral("\"Ada\" <a***@e***.com> (m***@l***.example)");
    QTest::newRow("lone at sign") << QStringLiteral("meet @ noon") << QStringLiteral("meet @ noon");
}

void TestRedact::emailsInText()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(maskEmailsIn(text), masked);
}

void TestRedact::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("masked");
    QTest::newRow("two words") << QStringLiteral("Maren Holloway") << QStringLiteral("M*** H***");
    QTest::newRow("one word") << QStringLiteral("Okafor") << QStringLiteral("O***");
    QTest::newRow("three words") << QStringLiteral("Maria de Souza") << QStringLiteral("M*** d*** S***");
    QTest::newRow("accents") << QStringLiteral("In\u00eas Carvalho") << QStringLiteral("I*** C***");
    QTest::newRow("accent first") << QStringLiteral("\u00c9lodie Durand") << QStringLiteral("\u00c9*** D***");
    QTest::newRow("extra spaces") << QStringLiteral("  Tobias   Okafor ") << QStringLiteral("T*** O***");
    QTest::newRow("single letter") << QStringLiteral("J") << QStringLiteral("J***");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only spaces") << QStringLiteral("   ") << QString();
}

void TestRedact::names()
{
    QFETCH(QString, name);
    QFETCH(QString, masked);
    QCOMPARE(maskName(name), masked);
}

void TestRedact::namesKeepWholeCharacters()
{
    // U+20BB7 (a variant of 吉, common in the Japanese surname 𠮷田) lies outside the BMP: two UTF-16
    // units. Keeping only the first would write half a character, which turns into U+FFFD or invalid
    // UTF-8 in a log file.
    const QString name = QStringLiteral("\U00020BB7\u7530 \u592a\u90ce");
    const QString masked = maskName(name);
    QCOMPARE(masked, QStringLiteral("\U00020BB7*** \u592a***"));
    QCOMPARE(maskEmail(QStringLiteral("\U0001F600fan@example.com")),
             QStringLiteral("\U0001F600***@e***.com"));
}

void TestRedact::secrets_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("masked");
    QTest::newRow("test secret key") << QStringLiteral("sk_test_51T3stAbCdEfGhIjKlMnOpQrStUvWxYz0123wxyz")
                                     << QStringLiteral("sk_test_\u2026wxyz");
    QTest::newRow("live restricted key") << QStringLiteral("rk_"
                                                           "live_51T3stAbCdEfGhIjKlMnOpQr9876")
                                         << QStringLiteral("rk_live_\u2026"
                                                           "9876");
    QTest::newRow("webhook secret") << QStringLiteral("whsec_T3stBillbridgeFixtureSigningSecret0001")
                                    << QStringLiteral("whsec_\u2026"
                                                      "0001");
    QTest::newRow("no prefix") << QStringLiteral("0f8e9d7c6b5a43210f8e9d7c6b5a4321")
                               << QStringLiteral("\u2026"
                                                 "4321");
    // Too short to show a tail without giving away a large part of it.
    QTest::newRow("short with prefix") << QStringLiteral("whsec_abc123") << QStringLiteral("whsec_\u2026");
    QTest::newRow("prefix plus 11") << QStringLiteral("sk_test_abcdefghijk")
                                    << QStringLiteral("sk_test_\u2026");
    QTest::newRow("prefix plus 12") << QStringLiteral("sk_test_abcdefghijkl")
                                    << QStringLiteral("sk_test_\u2026ijkl");
    QTest::newRow("short without prefix") << QStringLiteral("hunter2") << QStringLiteral("\u2026");
    QTest::newRow("empty") << QString() << QStringLiteral("(not set)");
}

void TestRedact::secrets()
{
    QFETCH(QString, secret);
    QFETCH(QString, masked);
    QCOMPARE(maskSecret(secret), masked);
}

void TestRedact::secretsDoNotLeak()
{
    const QString secret = QStringLiteral("sk_"
                                          "live_51T3stSuperSensitiveMiddlePart9z8y");
    const QString masked = maskSecret(secret);
    QVERIFY(!masked.contains(QStringLiteral("SuperSensitive")));
    QVERIFY(!masked.contains(QStringLiteral("51T3st")));
    // At most the prefix and four characters of the secret survive.
    QVERIFY(masked.size() <= QStringLiteral("sk_live_").size() + 1 + 4);
}

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestRedact)
#include "tst_redact.moc"
