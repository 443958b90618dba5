#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace billbridge::demo {

// One generated snapshot event: the bytes as Stripe would send them, and what the generator knows about
// it (the customer it belongs to even when the object does not name one, e.g. a Dispute).
struct DemoEvent {
    QByteArray raw;
    QString type;
    QString customerId;
    std::int64_t created = 0;
    std::uint32_t stories = 0; // storyBit()s this event completes
};

} // namespace billbridge::demo
