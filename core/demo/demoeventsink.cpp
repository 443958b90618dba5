#include "demo/demoeventsink.h"

#include "demo/demorandom.h"

namespace billbridge::demo {

DemoEventSink::DemoEventSink(DemoRandom& random, std::vector<DemoEvent>& out)
    : m_random(random)
    , m_out(out)
{}

QString DemoEventSink::uuid()
{
    static const char hex[] = "0123456789abcdef";
    QString text;
    text.reserve(36);
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            text += QLatin1Char('-');
        int digit = m_random.below(16);
        if (i == 12)
            digit = 4; // version 4
        else if (i == 16)
            digit = 8 + (digit & 3); // RFC 4122 variant
        text += QLatin1Char(hex[digit]);
    }
    return text;
}

void DemoEventSink::add(QByteArrayView type, std::int64_t created, const QString& customerId,
                        const Body& object, const Body& previous, bool byRequest, std::uint32_t stories)
{
    JsonWriter& w = m_writer;
    w.beginObject();
    w.field("id", m_random.id("evt_", 24));
    w.field("object", "event");
    w.field("api_version", kApiVersion);
    w.field("created", created);
    w.key("data").beginObject();
    w.key("object");
    object(w);
    if (previous) {
        w.key("previous_attributes");
        previous(w);
    }
    w.endObject();
    w.field("livemode", false);
    w.field("pending_webhooks", 1);
    w.key("request").beginObject();
    if (byRequest) {
        w.field("id", m_random.id("req_", 14));
        w.field("idempotency_key", uuid());
    } else {
        w.field("id", nullptr);
        w.field("idempotency_key", nullptr);
    }
    w.endObject();
    w.key("type").latin1(type);
    w.endObject();

    DemoEvent event;
    event.raw = w.take();
    event.type = QString::fromLatin1(type);
    event.customerId = customerId;
    event.created = created;
    event.stories = stories;
    m_out.push_back(std::move(event));
}

} // namespace billbridge::demo
