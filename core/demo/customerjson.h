#pragma once

#include "demo/demomodel.h"

namespace billbridge::demo {

class JsonWriter;

// Renders Stripe Customer objects (and the address shapes invoices and charges repeat).
class CustomerJson final {
public:
    static void write(JsonWriter& w, const DemoCustomer& customer);
    static void writeAddress(JsonWriter& w, const DemoAddress& address);
    // The members of customer.updated's previous_attributes for what differs between the two.
    static void writePrevious(JsonWriter& w, const DemoCustomer& before, const DemoCustomer& after);
};

} // namespace billbridge::demo
