#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace billbridge::test {

// The project's own Stripe snapshot events under tests/data/events (see tests/data/README.md). A fixture
// is named by its file name without ".json", e.g. "maren-13-invoice.paid". Bodies are returned exactly as
// stored: signatures and "raw bytes kept" assertions depend on every byte.
class Fixtures final {
public:
    // The signing secret the suite uses for webhook bodies; never a real one.
    static QByteArray webhookSecret();

    static QString directory();
    // Every fixture, sorted by name (customer, then story order).
    static QStringList names();
    // Names whose event type matches `type` exactly ("invoice.paid").
    static QStringList namesOfType(const QString& type);
    // The event type encoded in a fixture's name ("maren-13-invoice.paid" -> "invoice.paid").
    static QString typeOf(const QString& name);

    // Exact bytes. Throws std::runtime_error (which fails the running test) when the file is missing, so a
    // typo cannot turn into an empty body that some assertion happens to accept.
    static QByteArray load(const QString& name);
    static QList<QByteArray> loadAll();

    // Stripe-Signature header for `body` at `timestamp`, one v1 per secret, as Stripe sends it.
    static QByteArray signatureHeader(const QByteArray& body, std::int64_t timestamp,
                                      const QList<QByteArray>& secrets = {webhookSecret()});

    // The same body with its top-level event id replaced; every other byte is kept. Lets a test or a
    // benchmark multiply realistic payloads into many distinct events.
    static QByteArray withEventId(const QByteArray& body, const QString& newId);
    // "evt_1T3stSynth" + a zero-padded number: unique, valid and recognisable ids for derived events.
    static QString syntheticEventId(std::int64_t number);
};

} // namespace billbridge::test
