#pragma once

#include "demo/demoevent.h"
#include "demo/jsonwriter.h"

#include <QByteArrayView>

#include <cstdint>
#include <functional>
#include <vector>

namespace billbridge::demo {

class DemoRandom;

// Wraps objects into snapshot event envelopes (id, api_version, data, request, …) and collects them.
class DemoEventSink final {
public:
    using Body = std::function<void(JsonWriter&)>;

    static constexpr const char* kApiVersion = "2026-07-29.dahlia";

    DemoEventSink(DemoRandom& random, std::vector<DemoEvent>& out);

    // `previous` writes data.previous_attributes (only *.updated events have it). `byRequest` says the
    // change came from an API or Dashboard call, which Stripe records with a request id and an
    // idempotency key; Stripe's own work (renewals, retries, Checkout) has a null request id.
    void add(QByteArrayView type, std::int64_t created, const QString& customerId, const Body& object,
             const Body& previous = {}, bool byRequest = false, std::uint32_t stories = 0);

private:
    QString uuid();

    DemoRandom& m_random;
    std::vector<DemoEvent>& m_out;
    JsonWriter m_writer;
};

} // namespace billbridge::demo
