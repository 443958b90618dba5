#pragma once

#include "demo/demomodel.h"

namespace billbridge::demo {

class JsonWriter;

// Renders Stripe Subscription objects in the basil+ shape: billing periods live on the items.
class SubscriptionJson final {
public:
    static void write(JsonWriter& w, const DemoSubscription& subscription, const DemoCustomer& customer);
    // customer.subscription.updated's previous_attributes: the old values of what changed; when the
    // item changed, the whole old item (Stripe sends whole arrays when any element changed).
    static void writePrevious(JsonWriter& w, const DemoSubscription& before, const DemoSubscription& after);
    static void writePrice(JsonWriter& w, const DemoPrice& price);

private:
    static void writeItem(JsonWriter& w, const DemoSubscription& subscription);
};

} // namespace billbridge::demo
