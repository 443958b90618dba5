#include "support/fixtures.h"

#include "stripe/signatureverifier.h"
#include "stripe/stripeevent.h"

#include <QDir>
#include <QFile>

#include <stdexcept>

namespace billbridge::test {

namespace {

[[noreturn]] void fail(const QString& message)
{
    // QtTest reports an escaping exception as a failure of the running test function; the message
    // itself goes to the log first because the exception text is not always shown.
    qCritical("%s", qUtf8Printable(message));
    throw std::runtime_error(message.toStdString());
}

} // namespace

QByteArray Fixtures::webhookSecret()
{
    return QByteArrayLiteral("whsec_T3stBillbridgeFixtureSigningSecret0001");
}

QString Fixtures::directory()
{
    return QStringLiteral(BILLBRIDGE_TEST_DATA_DIR "/events");
}

QStringList Fixtures::names()
{
    QStringList result;
    const QDir folder(directory());
    for (const QString& file : folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        result << file.chopped(5);
    if (result.isEmpty())
        fail(QStringLiteral("no fixtures in %1").arg(directory()));
    return result;
}

QStringList Fixtures::namesOfType(const QString& type)
{
    QStringList result;
    for (const QString& name : names()) {
        if (typeOf(name) == type)
            result << name;
    }
    return result;
}

QString Fixtures::typeOf(const QString& name)
{
    // "<customer>-<nn>-<type>": the type is everything after the second dash.
    const qsizetype first = name.indexOf(QLatin1Char('-'));
    const qsizetype second = first < 0 ? -1 : name.indexOf(QLatin1Char('-'), first + 1);
    if (second < 0)
        fail(QStringLiteral("fixture name '%1' does not follow <customer>-<nn>-<type>").arg(name));
    return name.mid(second + 1);
}

QByteArray Fixtures::load(const QString& name)
{
    QFile file(directory() + QLatin1Char('/') + name + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read fixture '%1': %2").arg(name, file.errorString()));
    return file.readAll();
}

QList<QByteArray> Fixtures::loadAll()
{
    QList<QByteArray> bodies;
    for (const QString& name : names())
        bodies << load(name);
    return bodies;
}

QByteArray Fixtures::signatureHeader(const QByteArray& body, std::int64_t timestamp,
                                     const QList<QByteArray>& secrets)
{
    return stripe::SignatureVerifier::header(secrets, timestamp, body);
}

QByteArray Fixtures::withEventId(const QByteArray& body, const QString& newId)
{
    const stripe::StripeEventParse parsed = stripe::parseStripeEvent(body);
    if (!parsed.fields)
        fail(QStringLiteral("withEventId needs a valid event: %1").arg(parsed.error));
    // An event's own id appears once, as its top-level "id"; nested objects carry other ids.
    const QByteArray oldQuoted = '"' + parsed.fields->id.toUtf8() + '"';
    const QByteArray newQuoted = '"' + newId.toUtf8() + '"';
    const qsizetype at = body.indexOf(oldQuoted);
    if (at < 0)
        fail(QStringLiteral("withEventId: the event id is not spelled literally in the body"));
    QByteArray result = body;
    result.replace(at, oldQuoted.size(), newQuoted);
    return result;
}

QString Fixtures::syntheticEventId(std::int64_t number)
{
    return QStringLiteral("evt_1T3stSynth%1").arg(number, 14, 10, QLatin1Char('0'));
}

} // namespace billbridge::test
