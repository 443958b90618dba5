#include "stripe/apieventbatch.h"

#include "stripe/stripeevent.h"
#include "util/logging.h"

#include <QDateTime>

#include <algorithm>

namespace billbridge::stripe {

ApiEventBatch ApiEventBatch::fromPage(const EventPage& page, store::EventSource source)
{
    ApiEventBatch batch;
    const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
    batch.events.reserve(page.events.size());
    for (auto raw = page.events.crbegin(); raw != page.events.crend(); ++raw) {
        StripeEventParse parsed = parseStripeEvent(*raw);
        if (!parsed.fields) {
            ++batch.skipped;
            qCWarning(lcIntake).noquote() << "skipping an entry of the Events API list:" << parsed.error;
            continue;
        }
        const std::int64_t created = parsed.fields->created;
        batch.newestCreated = std::max(batch.newestCreated.value_or(created), created);
        batch.oldestCreated = std::min(batch.oldestCreated.value_or(created), created);
        store::IncomingEvent event;
        event.raw = *raw;
        event.fields = std::move(*parsed.fields);
        event.source = source;
        event.verdict = store::SignatureVerdict::Api;
        event.receivedAtMs = nowMs;
        batch.events.push_back(std::move(event));
    }
    return batch;
}

} // namespace billbridge::stripe
