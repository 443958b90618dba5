#include "customerio/customerioerror.h"

#include <QTest>
#include <QTimeZone>

using namespace billbridge::customerio;
using Kind = CustomerIoErrorKind;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(CustomerIoErrorKind)
Q_DECLARE_METATYPE(CustomerIoDisposition)

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 22), QTime(12, 0, 0), QTimeZone::utc());

CustomerIoError classify(int status, const QByteArray& body = {}, const QByteArray& retryAfter = {},
                         const QByteArray& location = {})
{
    return CustomerIoError::fromHttp(status, body, retryAfter, location, kNow);
}

} // namespace

class TestCustomerIoError final : public QObject {
    Q_OBJECT

private slots:
    void readsEveryEnvelope_data();
    void readsEveryEnvelope();
    void keepsRawBodiesThatAreNotEnvelopes();
    void classifiesStatuses_data();
    void classifiesStatuses();
    void recognisesTheWrongDatacenter();
    void readsRetryAfter_data();
    void readsRetryAfter();
    void summaryNamesKindStatusAndMessage();
};

void TestCustomerIoError::readsEveryEnvelope_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("messages");
    QTest::newRow("meta.error (merge, send/email)")
        << QByteArray(R"({"meta":{"error":"primary is required"}})") << QStringList{u"primary is required"_s};
    // The body customerio-node's own test server sends (capture err400).
    QTest::newRow("meta.errors[]") << QByteArray(R"({"meta":{"errors":["fake error one","fake error two"]}})")
                                   << QStringList{u"fake error one"_s, u"fake error two"_s};
    QTest::newRow("errors[].detail (broadcast 422)")
        << QByteArray(R"({"errors":[{"detail":"id 99 not found for trigger 12",)"
                      R"("source":{"pointer":"/data/attributes/per_user_data"},"status":"422"}]})")
        << QStringList{u"id 99 not found for trigger 12"_s};
    QTest::newRow("errors[].message with field")
        << QByteArray(R"({"errors":[{"field":"email","message":"is invalid"}]})")
        << QStringList{u"email: is invalid"_s};
    QTest::newRow("errors[].reason with batch_index")
        << QByteArray(R"({"errors":[{"batch_index":3,"reason":"too large"}]})")
        << QStringList{u"batch item 3: too large"_s};
    QTest::newRow("errors[] strings") << QByteArray(R"({"errors":["plain"]})") << QStringList{u"plain"_s};
    QTest::newRow("several envelopes")
        << QByteArray(R"({"meta":{"error":"a","errors":["b"]},"errors":[{"detail":"c"}]})")
        << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("empty object") << QByteArray("{}") << QStringList{};
    QTest::newRow("array") << QByteArray(R"(["x"])") << QStringList{};
    QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>") << QStringList{};
    QTest::newRow("truncated json") << QByteArray(R"({"meta":{"error":"cut)") << QStringList{};
    QTest::newRow("empty") << QByteArray() << QStringList{};
}

void TestCustomerIoError::readsEveryEnvelope()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, messages);
    QCOMPARE(CustomerIoError::parseMessages(body), messages);
}

void TestCustomerIoError::keepsRawBodiesThatAreNotEnvelopes()
{
    const CustomerIoError html = classify(502, "<html><body>502 Bad Gateway</body></html>");
    QVERIFY(html.messages.isEmpty());
    QCOMPARE(html.rawExcerpt, QByteArray("<html><body>502 Bad Gateway</body></html>"));

    const CustomerIoError huge = classify(500, QByteArray(10'000, 'x'));
    QCOMPARE(huge.rawExcerpt.size(), CustomerIoError::kRawExcerptBytes);

    const CustomerIoError parsed = classify(400, R"({"meta":{"error":"bad"}})");
    QVERIFY(parsed.rawExcerpt.isEmpty());
}

void TestCustomerIoError::classifiesStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<CustomerIoErrorKind>("kind");
    QTest::addColumn<CustomerIoDisposition>("disposition");
    QTest::newRow("400") << 400 << Kind::BadRequest << CustomerIoDisposition::Permanent;
    QTest::newRow("404") << 404 << Kind::BadRequest << CustomerIoDisposition::Permanent;
    QTest::newRow("413") << 413 << Kind::BadRequest << CustomerIoDisposition::Permanent;
    QTest::newRow("422") << 422 << Kind::BadRequest << CustomerIoDisposition::Permanent;
    QTest::newRow("401") << 401 << Kind::Unauthorized << CustomerIoDisposition::Pause;
    QTest::newRow("403") << 403 << Kind::Unauthorized << CustomerIoDisposition::Pause;
    QTest::newRow("429") << 429 << Kind::RateLimited << CustomerIoDisposition::Retry;
    QTest::newRow("408") << 408 << Kind::ServerError << CustomerIoDisposition::Retry;
    QTest::newRow("500") << 500 << Kind::ServerError << CustomerIoDisposition::Retry;
    QTest::newRow("502") << 502 << Kind::ServerError << CustomerIoDisposition::Retry;
    QTest::newRow("503") << 503 << Kind::ServerError << CustomerIoDisposition::Retry;
    QTest::newRow("302 elsewhere") << 302 << Kind::UnexpectedAnswer << CustomerIoDisposition::Pause;
    QTest::newRow("101") << 101 << Kind::UnexpectedAnswer << CustomerIoDisposition::Pause;
}

void TestCustomerIoError::classifiesStatuses()
{
    QFETCH(int, status);
    QFETCH(CustomerIoErrorKind, kind);
    QFETCH(CustomerIoDisposition, disposition);
    const CustomerIoError error = classify(status, "{}", {}, status == 302 ? "https://proxy.example/x" : "");
    QCOMPARE(toString(error.kind), toString(kind));
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.disposition(), disposition);
}

void TestCustomerIoError::recognisesTheWrongDatacenter()
{
    // customerio-node #134: an App key used against the other region's host.
    const CustomerIoError byBody =
        classify(301, R"({"errors":[{"detail":"wrong datacenter","status":"301"}]})");
    QCOMPARE(toString(byBody.kind), toString(Kind::WrongRegion));
    QCOMPARE(byBody.disposition(), CustomerIoDisposition::Pause);
    QCOMPARE(byBody.messages, QStringList{u"wrong datacenter"_s});

    const CustomerIoError byLocation = classify(301, "", {}, "https://api-eu.customer.io/v1/send/email");
    QCOMPARE(toString(byLocation.kind), toString(Kind::WrongRegion));
    QCOMPARE(byLocation.location, QStringLiteral("https://api-eu.customer.io/v1/send/email"));

    QCOMPARE(toString(classify(301, "", {}, "https://customer.io.evil.example/").kind),
             toString(Kind::UnexpectedAnswer));
}

void TestCustomerIoError::readsRetryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("seconds"); // -1: none
    QTest::newRow("absent") << QByteArray() << -1;
    QTest::newRow("seconds") << QByteArray("1") << 1;
    QTest::newRow("seconds with blanks") << QByteArray(" 120 ") << 120;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("imf-fixdate") << QByteArray("Sun, 22 Nov 2026 12:00:30 GMT") << 30;
    QTest::newRow("rfc 850") << QByteArray("Sunday, 22-Nov-26 12:01:00 GMT") << 60;
    QTest::newRow("asctime") << QByteArray("Sun Nov 22 12:02:00 2026") << 120;
    QTest::newRow("date in the past") << QByteArray("Sun, 22 Nov 2026 11:00:00 GMT") << 0;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
}

void TestCustomerIoError::readsRetryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(int, seconds);
    const std::optional<std::chrono::seconds> parsed = CustomerIoError::parseRetryAfter(header, kNow);
    if (seconds < 0) {
        QVERIFY(!parsed.has_value());
        return;
    }
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->count(), seconds);

    const CustomerIoError limited = classify(429, "", header);
    QCOMPARE(toString(limited.kind), toString(Kind::RateLimited));
    QVERIFY(limited.retryAfter == parsed);
}

void TestCustomerIoError::summaryNamesKindStatusAndMessage()
{
    QCOMPARE(classify(400, R"({"meta":{"errors":["a","b"]}})").summary(),
             QStringLiteral("bad-request (HTTP 400): a; b"));
    QCOMPARE(classify(429, "", "7").summary(), QStringLiteral("rate-limited (HTTP 429) (retry after 7 s)"));
    QCOMPARE(CustomerIoError::local(Kind::Timeout, QStringLiteral("No answer.")).summary(),
             QStringLiteral("timeout: No answer."));
}

QTEST_GUILESS_MAIN(TestCustomerIoError)
#include "tst_customerioerror.moc"
