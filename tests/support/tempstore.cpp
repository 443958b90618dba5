#include "support/tempstore.h"

#include "stripe/stripeevent.h"
#include "support/fixtures.h"

#include <stdexcept>

namespace billbridge::test {

TempStore::TempStore()
    : m_path(m_dir.filePath(QStringLiteral("billbridge.sqlite")))
{}

TempStore::~TempStore()
{
    // The writer's thread must be gone before QTemporaryDir removes the files under it.
    stopWriter();
}

store::EventWriter& TempStore::writer()
{
    if (!m_writer) {
        auto writer = std::make_unique<store::EventWriter>(m_path);
        writer->start();
        m_writer = std::move(writer);
    }
    return *m_writer;
}

void TempStore::stopWriter()
{
    if (m_writer) {
        m_writer->stop();
        m_writer.reset();
    }
}

store::WriteResult TempStore::add(std::vector<store::IncomingEvent> events,
                                  std::vector<std::pair<QString, QString>> stateUpdates)
{
    store::WriteRequest request;
    request.events = std::move(events);
    request.stateUpdates = std::move(stateUpdates);
    return writer().write(std::move(request));
}

store::WriteResult TempStore::addRaw(const QList<QByteArray>& bodies, store::EventSource source)
{
    std::vector<store::IncomingEvent> events;
    events.reserve(static_cast<std::size_t>(bodies.size()));
    for (const QByteArray& body : bodies)
        events.push_back(incoming(body, source));
    return add(std::move(events));
}

store::WriteResult TempStore::addFixtures(const QStringList& names, store::EventSource source)
{
    QList<QByteArray> bodies;
    for (const QString& name : names)
        bodies << Fixtures::load(name);
    return addRaw(bodies, source);
}

store::WriteResult TempStore::addAllFixtures(store::EventSource source)
{
    return addFixtures(Fixtures::names(), source);
}

store::EventStore TempStore::reader() const
{
    return store::EventStore::openForReading(m_path);
}

store::IncomingEvent TempStore::incoming(const QByteArray& raw, store::EventSource source,
                                         std::int64_t receivedAtMs)
{
    const stripe::StripeEventParse parsed = stripe::parseStripeEvent(raw);
    if (!parsed.fields) {
        qCritical("TempStore::incoming: %s", qUtf8Printable(parsed.error));
        throw std::runtime_error("TempStore::incoming needs a valid Stripe event");
    }
    store::IncomingEvent event;
    event.raw = raw;
    event.fields = *parsed.fields;
    event.source = source;
    event.receivedAtMs = receivedAtMs != 0 ? receivedAtMs : event.fields.created * 1000 + 1500;
    if (source == store::EventSource::Webhook) {
        event.verdict = store::SignatureVerdict::Verified;
        event.signatureHeader = Fixtures::signatureHeader(raw, event.fields.created);
    } else {
        event.verdict = store::SignatureVerdict::Api;
    }
    return event;
}

bool writeEvents(const QString& path, const QList<QByteArray>& raws)
{
    try {
        store::EventWriter writer(path);
        writer.start();
        store::WriteRequest request;
        for (const QByteArray& raw : raws)
            request.events.push_back(TempStore::incoming(raw));
        const store::WriteResult result = writer.write(std::move(request));
        if (!result.committed)
            qWarning() << "test events were not stored:" << result.error;
        return result.committed;
    } catch (const std::exception& error) {
        qWarning() << "test events were not stored:" << error.what();
        return false;
    }
}

} // namespace billbridge::test
