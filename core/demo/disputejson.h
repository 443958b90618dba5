#pragma once

#include "demo/demomodel.h"

namespace billbridge::demo {

class JsonWriter;

// Renders Stripe Dispute objects. A Dispute names its charge and payment intent, never the customer.
class DisputeJson final {
public:
    static void write(JsonWriter& w, const DemoDispute& dispute, const DemoCard& card);
};

} // namespace billbridge::demo
