#pragma once

#include "demo/demomodel.h"

namespace billbridge::demo {

class JsonWriter;

// Renders completed Checkout Sessions in subscription mode.
class CheckoutJson final {
public:
    static void write(JsonWriter& w, const DemoCheckout& session, const DemoCustomer& customer,
                      const QString& currency);
};

} // namespace billbridge::demo
