#pragma once

#include "stripe/stripeevent.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace billbridge::store {

enum class EventSource { Webhook, Poll, Backfill };

// intake_counters entries holding the number of stored events by mode, maintained by the writer.
inline constexpr const char* kLiveEventsCounter = "events.live";
inline constexpr const char* kTestEventsCounter = "events.test";

// How the event's authenticity was established: a verified webhook signature, or fetched by Billbridge
// itself from Stripe's API over an authenticated connection.
enum class SignatureVerdict { Verified, Api };

QString toString(EventSource source);
std::optional<EventSource> eventSourceFromString(const QString& text);
QString toString(SignatureVerdict verdict);
std::optional<SignatureVerdict> signatureVerdictFromString(const QString& text);

// An event on its way into the store.
struct IncomingEvent {
    QByteArray raw;
    stripe::StripeEventFields fields;
    EventSource source = EventSource::Webhook;
    SignatureVerdict verdict = SignatureVerdict::Verified;
    QByteArray signatureHeader;
    std::int64_t receivedAtMs = 0;
};

// An event as the store keeps it. `raw` is only filled when asked for.
struct StoredEvent {
    std::int64_t seq = 0;
    stripe::StripeEventFields fields;
    EventSource source = EventSource::Webhook;
    SignatureVerdict verdict = SignatureVerdict::Verified;
    QByteArray signatureHeader;
    std::int64_t receivedAtMs = 0;
    std::int64_t duplicateCount = 0;
    QByteArray raw;
};

} // namespace billbridge::store
