#include "stripe/signatureverifier.h"
#include "support/fixtures.h"

#include <QSet>
#include <QTest>

#include <chrono>

using billbridge::stripe::SignatureCheck;
using billbridge::stripe::SignatureFailure;
using billbridge::stripe::SignatureVerifier;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(SignatureFailure)

namespace billbridge::test {

namespace {

const QByteArray kAlpha = QByteArrayLiteral("whsec_T3stVectorSecretAlpha7Qm2");
const QByteArray kBravo = QByteArrayLiteral("whsec_T3stVectorSecretBravo4Xk9");
constexpr std::int64_t kT = 1788254045;
const QByteArray kSmallBody = QByteArrayLiteral(R"({"id":"evt_1T3stVector0000000000001","object":"event"})");
// Multi-line, non-ASCII, an escaped newline inside a string and a final newline: every byte counts.
const QByteArray kUtf8Body = QByteArrayLiteral("{\n  \"name\": \"In\xc3\xaa"
                                               "s Carvalho\",\n  \"note\": \"line\\nbreak\"\n}\n");

QByteArray v1Header(std::int64_t t, const QByteArray& hex)
{
    return "t=" + QByteArray::number(t) + ",v1=" + hex;
}

} // namespace

class TestSignatureVerifier : public QObject {
    Q_OBJECT

private slots:
    void validSingleV1();
    void independentVectors_data();
    void independentVectors();
    void signedPayloadIsTimestampDotBody();
    void rotationAnyV1Matches();
    void severalConfiguredSecrets();
    void v0OnlyIsRefused();
    void v0CannotRescueABadV1();
    void changedBodyIsRefused_data();
    void changedBodyIsRefused();
    void staleTimestamp();
    void customTolerance();
    void zeroToleranceDisablesAgeCheck();
    void futureTimestampIsAccepted();
    void malformedHeaders_data();
    void malformedHeaders();
    void spacesAroundItemsAreTolerated();
    void noSecretConfigured();
    void emptySecretIsNotASecret();
    void wrongSecret();
    void uppercaseHexIsAccepted();
    void truncatedOrPaddedSignatureIsRefused();
    void headerFormat();
    void codesAndExplanations();
};

void TestSignatureVerifier::validSingleV1()
{
    const QByteArray body = Fixtures::load(QStringLiteral("maren-13-invoice.paid"));
    const QByteArray header = SignatureVerifier::header({Fixtures::webhookSecret()}, kT, body);
    const SignatureVerifier verifier({Fixtures::webhookSecret()});
    const SignatureCheck check = verifier.verify(header, body, kT + 2);
    QVERIFY(check.isValid());
    QCOMPARE(check.failure, SignatureFailure::None);
    QCOMPARE(check.timestamp, kT);
    QCOMPARE(check.matchedSecret, 0);
    QCOMPARE(check.code(), QStringLiteral("valid"));
}

void TestSignatureVerifier::independentVectors_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expectedHex");

    // Produced with OpenSSL 3.0 (not Qt), e.g.
    //   printf '%s' "1788254045.<body>" | openssl dgst -sha256 -hmac whsec_T3stVectorSecretAlpha7Qm2
    // so that a mistake shared by sign() and verify() cannot go unnoticed.
    QTest::newRow("small body") << kAlpha << qint64(kT) << kSmallBody
                                << QByteArray(
                                       "2ba59c80a46fc076f900395ce3310516e99c81d3e31d387f0442d8e0b3630ce9");
    QTest::newRow("next second") << kAlpha << qint64(kT + 1) << kSmallBody
                                 << QByteArray(
                                        "ed660d3740edd3fb436ea24c1e58773c6d417096284c7f0ac8622b6fa64a537f");
    QTest::newRow("other secret") << kBravo << qint64(kT) << kSmallBody
                                  << QByteArray(
                                         "2af36ed6bb3f33f52342dbec951da90b5ddfebe4772cc6b5f3463204da4f8d33");
    QTest::newRow("utf-8 and newlines")
        << kAlpha << qint64(1788865432) << kUtf8Body
        << QByteArray("d64ecf30ca606ea6c69281432e36fe50e9c6052624cdd4417cbb30ea3187a90d");
    QTest::newRow("empty body") << kAlpha << qint64(kT) << QByteArray()
                                << QByteArray(
                                       "9ea752a6b87e4c7ae0255c64a5fdba3046b04af10f891f2b6ed3650451b4c672");
    QTest::newRow("t=0, empty body")
        << kAlpha << qint64(0) << QByteArray()
        << QByteArray("6026ff90ab2f8705dd3dc1a0d33559e1df60463fe1426f2ea4e81fddb4250848");
}

void TestSignatureVerifier::independentVectors()
{
    QFETCH(QByteArray, secret);
    QFETCH(qint64, timestamp);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expectedHex);

    QCOMPARE(SignatureVerifier::sign(secret, timestamp, body), expectedHex);
    const SignatureVerifier verifier({secret});
    const SignatureCheck check = verifier.verify(v1Header(timestamp, expectedHex), body, timestamp);
    QCOMPARE(check.failure, SignatureFailure::None);
    QCOMPARE(check.timestamp, timestamp);
}

void TestSignatureVerifier::signedPayloadIsTimestampDotBody()
{
    // HMAC over "<t><body>" (no dot) and over the body alone, again from OpenSSL: neither may pass.
    const QByteArray withoutDot("2b132740dd67728c51ea5aa8c68a5e1cad2b5836e7c07d71468e444cedffa1ef");
    const QByteArray bodyOnly("48bfc309a629f910fd66e46d29b9b972dbc738f71cea89d2d8c8a500b137f23c");
    const SignatureVerifier verifier({kAlpha});
    QCOMPARE(verifier.verify(v1Header(kT, withoutDot), kSmallBody, kT).failure, SignatureFailure::Mismatch);
    QCOMPARE(verifier.verify(v1Header(kT, bodyOnly), kSmallBody, kT).failure, SignatureFailure::Mismatch);
    // The timestamp is part of the signed payload: a valid signature moved to another t fails.
    const QByteArray valid = SignatureVerifier::sign(kAlpha, kT, kSmallBody);
    QCOMPARE(verifier.verify(v1Header(kT + 1, valid), kSmallBody, kT + 1).failure,
             SignatureFailure::Mismatch);
}

void TestSignatureVerifier::rotationAnyV1Matches()
{
    const QByteArray body = Fixtures::load(QStringLiteral("tobias-04-invoice.payment_failed"));
    // While a secret is rolled Stripe signs with the old and the new secret, in either order.
    const QByteArray both = SignatureVerifier::header({kAlpha, kBravo}, kT, body);
    QCOMPARE(both.count(",v1="), 2);

    const SignatureCheck withNew = SignatureVerifier({kBravo}).verify(both, body, kT);
    QVERIFY(withNew.isValid());
    QCOMPARE(withNew.matchedSecret, 0);
    const SignatureCheck withOld = SignatureVerifier({kAlpha}).verify(both, body, kT);
    QVERIFY(withOld.isValid());

    // A non-matching or undecodable v1 before the good one does not stop the search.
    const QByteArray noisy = "t=" + QByteArray::number(kT) + ",v1=" + QByteArray(64, 'a') +
                             ",v1=nothex,v1=" + SignatureVerifier::sign(kBravo, kT, body) +
                             ",v0=" + QByteArray(64, 'b');
    QVERIFY(SignatureVerifier({kBravo}).verify(noisy, body, kT).isValid());
}

void TestSignatureVerifier::severalConfiguredSecrets()
{
    const QByteArray body = Fixtures::load(QStringLiteral("ines-03-invoice.paid"));
    const SignatureVerifier verifier({kAlpha, kBravo, Fixtures::webhookSecret()});

    const SignatureCheck second = verifier.verify(SignatureVerifier::header({kBravo}, kT, body), body, kT);
    QVERIFY(second.isValid());
    QCOMPARE(second.matchedSecret, 1);

    const SignatureCheck third =
        verifier.verify(SignatureVerifier::header({Fixtures::webhookSecret()}, kT, body), body, kT);
    QVERIFY(third.isValid());
    QCOMPARE(third.matchedSecret, 2);

    const SignatureCheck none =
        verifier.verify(SignatureVerifier::header({"whsec_T3stUnknown"}, kT, body), body, kT);
    QCOMPARE(none.failure, SignatureFailure::Mismatch);
    QCOMPARE(none.matchedSecret, -1);
}

void TestSignatureVerifier::v0OnlyIsRefused()
{
    // Even a v0 that carries the correct HMAC must not pass: accepting it would allow a downgrade.
    const QByteArray hmac = SignatureVerifier::sign(kAlpha, kT, kSmallBody);
    const QByteArray header = "t=" + QByteArray::number(kT) + ",v0=" + hmac;
    const SignatureCheck check = SignatureVerifier({kAlpha}).verify(header, kSmallBody, kT);
    QCOMPARE(check.failure, SignatureFailure::NoV1Signature);
    QCOMPARE(check.code(), QStringLiteral("no_v1_signature"));
    QCOMPARE(SignatureVerifier({kAlpha})
                 .verify("t=" + QByteArray::number(kT) + ",v2=" + hmac, kSmallBody, kT)
                 .failure,
             SignatureFailure::NoV1Signature);
}

void TestSignatureVerifier::v0CannotRescueABadV1()
{
    const QByteArray hmac = SignatureVerifier::sign(kAlpha, kT, kSmallBody);
    const QByteArray header = "t=" + QByteArray::number(kT) + ",v1=" + QByteArray(64, 'c') + ",v0=" + hmac;
    QCOMPARE(SignatureVerifier({kAlpha}).verify(header, kSmallBody, kT).failure, SignatureFailure::Mismatch);
}

void TestSignatureVerifier::changedBodyIsRefused_data()
{
    QTest::addColumn<QByteArray>("received");

    const QByteArray original = Fixtures::load(QStringLiteral("maren-10-invoice.payment_failed"));
    QByteArray oneByte = original;
    const qsizetype amount = oneByte.indexOf("\"amount_due\": 14900");
    QVERIFY(amount > 0);
    oneByte[amount + 15] = '5'; // 14900 -> 15900
    QTest::newRow("one digit") << oneByte;
    QTest::newRow("trailing newline") << QByteArray(original + '\n');
    QTest::newRow("crlf line ends") << QByteArray(original).replace("\n", "\r\n");
    QByteArray indent = original;
    QTest::newRow("one space less") << indent.remove(indent.indexOf("  \"id\""), 1);
    QTest::newRow("truncated") << original.chopped(1);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("other event") << Fixtures::load(QStringLiteral("maren-12-invoice.payment_failed"));
}

void TestSignatureVerifier::changedBodyIsRefused()
{
    QFETCH(QByteArray, received);
    const QByteArray original = Fixtures::load(QStringLiteral("maren-10-invoice.payment_failed"));
    QVERIFY(received != original);
    const QByteArray header = SignatureVerifier::header({kAlpha}, kT, original);
    const SignatureVerifier verifier({kAlpha});
    QVERIFY(verifier.verify(header, original, kT).isValid());
    const SignatureCheck check = verifier.verify(header, received, kT);
    QCOMPARE(check.failure, SignatureFailure::Mismatch);
    QCOMPARE(check.code(), QStringLiteral("signature_mismatch"));
}

void TestSignatureVerifier::staleTimestamp()
{
    const QByteArray header = SignatureVerifier::header({kAlpha}, kT, kSmallBody);
    const SignatureVerifier verifier({kAlpha});
    QVERIFY(SignatureVerifier::kDefaultTolerance == 300s);
    // Stripe's libraries reject only when now - t exceeds the tolerance: 300 s old still passes.
    QVERIFY(verifier.verify(header, kSmallBody, kT + 300).isValid());
    const SignatureCheck stale = verifier.verify(header, kSmallBody, kT + 301);
    QCOMPARE(stale.failure, SignatureFailure::Stale);
    QCOMPARE(stale.code(), QStringLiteral("stale_timestamp"));
    QCOMPARE(stale.timestamp, kT);
    QCOMPARE(verifier.verify(header, kSmallBody, kT + 86400).failure, SignatureFailure::Stale);
}

void TestSignatureVerifier::customTolerance()
{
    const QByteArray header = SignatureVerifier::header({kAlpha}, kT, kSmallBody);
    const SignatureVerifier strict({kAlpha}, 60s);
    QVERIFY(strict.verify(header, kSmallBody, kT + 60).isValid());
    QCOMPARE(strict.verify(header, kSmallBody, kT + 61).failure, SignatureFailure::Stale);
    const SignatureVerifier lenient({kAlpha}, 3600s);
    QVERIFY(lenient.verify(header, kSmallBody, kT + 3600).isValid());
    QCOMPARE(lenient.verify(header, kSmallBody, kT + 3601).failure, SignatureFailure::Stale);
}

void TestSignatureVerifier::zeroToleranceDisablesAgeCheck()
{
    const QByteArray header = SignatureVerifier::header({kAlpha}, kT, kSmallBody);
    const SignatureVerifier verifier({kAlpha}, 0s);
    QVERIFY(verifier.verify(header, kSmallBody, kT + 10LL * 365 * 86400).isValid());
    // Without an age check the HMAC still decides.
    QCOMPARE(verifier.verify(header, kSmallBody + ' ', kT).failure, SignatureFailure::Mismatch);
}

void TestSignatureVerifier::futureTimestampIsAccepted()
{
    // Documented behaviour, as in Stripe's libraries: only the age is bounded, a clock running behind
    // Stripe's must not reject genuine deliveries.
    const QByteArray header = SignatureVerifier::header({kAlpha}, kT, kSmallBody);
    const SignatureCheck check = SignatureVerifier({kAlpha}).verify(header, kSmallBody, kT - 3600);
    QVERIFY(check.isValid());
    QCOMPARE(check.timestamp, kT);
}

void TestSignatureVerifier::malformedHeaders_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<SignatureFailure>("expected");

    const QByteArray hmac = SignatureVerifier::sign(kAlpha, kT, kSmallBody);
    const QByteArray t = QByteArray::number(kT);
    QTest::newRow("empty") << QByteArray() << SignatureFailure::MissingHeader;
    QTest::newRow("blank") << QByteArray("   \t ") << SignatureFailure::MissingHeader;
    QTest::newRow("no t") << QByteArray("v1=" + hmac) << SignatureFailure::MalformedHeader;
    QTest::newRow("duplicate t") << QByteArray("t=" + t + ",t=" + t + ",v1=" + hmac)
                                 << SignatureFailure::MalformedHeader;
    QTest::newRow("duplicate t, other value")
        << QByteArray("t=" + t + ",v1=" + hmac + ",t=1") << SignatureFailure::MalformedHeader;
    QTest::newRow("non-numeric t") << QByteArray("t=abc,v1=" + hmac) << SignatureFailure::MalformedHeader;
    QTest::newRow("negative t") << QByteArray("t=-" + t + ",v1=" + hmac) << SignatureFailure::MalformedHeader;
    QTest::newRow("fractional t") << QByteArray("t=" + t + ".5,v1=" + hmac)
                                  << SignatureFailure::MalformedHeader;
    QTest::newRow("hex t") << QByteArray("t=0x6a8e2e5d,v1=" + hmac) << SignatureFailure::MalformedHeader;
    QTest::newRow("empty t") << QByteArray("t=,v1=" + hmac) << SignatureFailure::MalformedHeader;
    QTest::newRow("overlong t") << QByteArray("t=1234567890123456789012,v1=" + hmac)
                                << SignatureFailure::MalformedHeader;
    QTest::newRow("t without =") << QByteArray("t" + t + ",v1=" + hmac) << SignatureFailure::MalformedHeader;
    QTest::newRow("garbage") << QByteArray("definitely not a signature") << SignatureFailure::MalformedHeader;
    QTest::newRow("only commas") << QByteArray(",,,,") << SignatureFailure::MalformedHeader;
    QTest::newRow("semicolons") << QByteArray("t=" + t + ";v1=" + hmac) << SignatureFailure::MalformedHeader;
    QTest::newRow("t but nothing else") << QByteArray("t=" + t) << SignatureFailure::NoV1Signature;
    QTest::newRow("empty v1") << QByteArray("t=" + t + ",v1=") << SignatureFailure::Mismatch;
}

void TestSignatureVerifier::malformedHeaders()
{
    QFETCH(QByteArray, header);
    QFETCH(SignatureFailure, expected);
    const SignatureCheck check = SignatureVerifier({kAlpha}).verify(header, kSmallBody, kT);
    QCOMPARE(check.failure, expected);
    QVERIFY(!check.isValid());
    QCOMPARE(check.matchedSecret, -1);
}

void TestSignatureVerifier::spacesAroundItemsAreTolerated()
{
    // Stripe sends no spaces. Tolerating them around items costs nothing: the HMAC still has to match.
    const QByteArray hmac = SignatureVerifier::sign(kAlpha, kT, kSmallBody);
    const QByteArray header = " t = " + QByteArray::number(kT) + " ,  v1=" + hmac + " ";
    const SignatureCheck check = SignatureVerifier({kAlpha}).verify(header, kSmallBody, kT);
    QVERIFY(check.isValid());
    QCOMPARE(check.timestamp, kT);
    const QByteArray wrong = " t = " + QByteArray::number(kT) + " ,  v1=" + QByteArray(64, '0') + " ";
    QCOMPARE(SignatureVerifier({kAlpha}).verify(wrong, kSmallBody, kT).failure, SignatureFailure::Mismatch);
}

void TestSignatureVerifier::noSecretConfigured()
{
    const QByteArray header = SignatureVerifier::header({kAlpha}, kT, kSmallBody);
    const SignatureCheck check = SignatureVerifier(QList<QByteArray>()).verify(header, kSmallBody, kT);
    QCOMPARE(check.failure, SignatureFailure::NoSecretConfigured);
    QCOMPARE(check.code(), QStringLiteral("no_webhook_secret_configured"));
    // Nothing is trusted, however the header looks.
    QCOMPARE(SignatureVerifier(QList<QByteArray>()).verify(QByteArray(), kSmallBody, kT).failure,
             SignatureFailure::NoSecretConfigured);
}

void TestSignatureVerifier::emptySecretIsNotASecret()
{
    // An empty entry (STRIPE_WEBHOOK_SECRET="whsec_…, " or a blank keychain item) must not become an
    // HMAC key that anyone can sign with.
    const QByteArray forged = SignatureVerifier::header({QByteArray()}, kT, kSmallBody);
    QCOMPARE(SignatureVerifier({QByteArray()}).verify(forged, kSmallBody, kT).failure,
             SignatureFailure::NoSecretConfigured);
    const SignatureCheck mixed = SignatureVerifier({QByteArray(), kAlpha}).verify(forged, kSmallBody, kT);
    QCOMPARE(mixed.failure, SignatureFailure::Mismatch);
    const SignatureCheck genuine =
        SignatureVerifier({QByteArray(), kAlpha})
            .verify(SignatureVerifier::header({kAlpha}, kT, kSmallBody), kSmallBody, kT);
    QVERIFY(genuine.isValid());
}

void TestSignatureVerifier::wrongSecret()
{
    const QByteArray body = Fixtures::load(QStringLiteral("maren-01-customer.created"));
    const QByteArray header = SignatureVerifier::header({kAlpha}, kT, body);
    const SignatureCheck check = SignatureVerifier({kBravo}).verify(header, body, kT);
    QCOMPARE(check.failure, SignatureFailure::Mismatch);
    QCOMPARE(check.matchedSecret, -1);
    // A secret that differs only by its prefix is another secret.
    QCOMPARE(SignatureVerifier({kAlpha.mid(6)}).verify(header, body, kT).failure, SignatureFailure::Mismatch);
}

void TestSignatureVerifier::uppercaseHexIsAccepted()
{
    // Signatures are compared as bytes after hex decoding, so the letter case of the hex does not matter.
    const QByteArray hmac = SignatureVerifier::sign(kAlpha, kT, kSmallBody);
    QCOMPARE(hmac, hmac.toLower());
    QVERIFY(hmac != hmac.toUpper());
    QVERIFY(SignatureVerifier({kAlpha}).verify(v1Header(kT, hmac.toUpper()), kSmallBody, kT).isValid());
}

void TestSignatureVerifier::truncatedOrPaddedSignatureIsRefused()
{
    const QByteArray hmac = SignatureVerifier::sign(kAlpha, kT, kSmallBody);
    const SignatureVerifier verifier({kAlpha});
    QCOMPARE(verifier.verify(v1Header(kT, hmac.left(62)), kSmallBody, kT).failure,
             SignatureFailure::Mismatch);
    QCOMPARE(verifier.verify(v1Header(kT, hmac.left(63)), kSmallBody, kT).failure,
             SignatureFailure::Mismatch);
    QCOMPARE(verifier.verify(v1Header(kT, hmac + "00"), kSmallBody, kT).failure, SignatureFailure::Mismatch);
    QCOMPARE(verifier.verify(v1Header(kT, QByteArray()), kSmallBody, kT).failure, SignatureFailure::Mismatch);
}

void TestSignatureVerifier::headerFormat()
{
    const QByteArray header = SignatureVerifier::header({kAlpha, kBravo}, kT, kSmallBody);
    QCOMPARE(header,
             QByteArray("t=1788254045,v1=2ba59c80a46fc076f900395ce3310516e99c81d3e31d387f0442d8e0b3630ce9"
                        ",v1=2af36ed6bb3f33f52342dbec951da90b5ddfebe4772cc6b5f3463204da4f8d33"));
    QCOMPARE(SignatureVerifier::header({}, kT, kSmallBody), QByteArray("t=1788254045"));
}

void TestSignatureVerifier::codesAndExplanations()
{
    const QList<SignatureFailure> all = {
        SignatureFailure::None,          SignatureFailure::NoSecretConfigured,
        SignatureFailure::MissingHeader, SignatureFailure::MalformedHeader,
        SignatureFailure::NoV1Signature, SignatureFailure::Mismatch,
        SignatureFailure::Stale};
    QSet<QString> codes;
    QSet<QString> explanations;
    for (SignatureFailure failure : all) {
        SignatureCheck check;
        check.failure = failure;
        QVERIFY(!check.code().isEmpty());
        QVERIFY(!check.explanation().isEmpty());
        // Codes travel in HTTP answers and counter names: lower-case letters, digits and underscores.
        for (QChar c : check.code())
            QVERIFY2(c.isLower() || c.isDigit() || c == QLatin1Char('_'), qPrintable(check.code()));
        codes.insert(check.code());
        explanations.insert(check.explanation());
    }
    QCOMPARE(codes.size(), all.size());
    QCOMPARE(explanations.size(), all.size());
}

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestSignatureVerifier)
#include "tst_signatureverifier.moc"
