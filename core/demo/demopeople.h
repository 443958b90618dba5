#pragma once

#include "demo/demomodel.h"

#include <QSet>
#include <QString>

#include <cstdint>

namespace billbridge::demo {

class DemoRandom;

// Makes up customers: names from many languages (several with non-ASCII letters), addresses that fit
// their country, e-mail addresses on reserved domains (example.com, .test) and fictional 555 numbers.
class DemoPeople final {
public:
    DemoCustomer make(DemoRandom& random, std::int64_t created);

    // A test card that fits the customer, as Checkout or the sign-up form would attach it.
    static DemoCard card(DemoRandom& random, const QString& country);
    // A new e-mail address for the same person (customer.updated stories).
    QString otherEmail(DemoRandom& random, const DemoCustomer& customer);

private:
    QString uniqueEmail(const QString& localPart, const QString& domain);

    QSet<QString> m_emails;
};

} // namespace billbridge::demo
