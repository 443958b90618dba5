#pragma once

#include "demo/demomodel.h"

namespace billbridge::demo {

class JsonWriter;

// Renders Stripe Charge objects (card payments of subscription invoices), with their refunds.
class ChargeJson final {
public:
    static void write(JsonWriter& w, const DemoCharge& charge, const DemoCustomer& customer);
};

} // namespace billbridge::demo
