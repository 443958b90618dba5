#pragma once

#include "demo/demomodel.h"

namespace billbridge::demo {

class JsonWriter;

// Renders Stripe Invoice objects in the basil+ shape: the subscription is named under
// parent.subscription_details, and there is no top-level paid, charge or payment_intent.
class InvoiceJson final {
public:
    static void write(JsonWriter& w, const DemoInvoice& invoice, const DemoCustomer& customer);
    // "1 × Larkspur Pro (at $49.00 / month)"
    static QString lineDescription(const DemoInvoice& invoice);
    static QString formatAmount(std::int64_t minorUnits, const QString& currency);
};

} // namespace billbridge::demo
