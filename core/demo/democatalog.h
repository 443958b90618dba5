#pragma once

#include "demo/demomodel.h"

#include <cstdint>
#include <vector>

namespace billbridge::demo {

class DemoRandom;

// The fictional SaaS's products and prices: three plans, each monthly and yearly, in USD and EUR.
// Subscriptions point into it, so it is neither copied nor moved.
class DemoCatalog final {
public:
    DemoCatalog(DemoRandom& random, std::int64_t created);
    DemoCatalog(const DemoCatalog&) = delete;
    DemoCatalog& operator=(const DemoCatalog&) = delete;

    static QString accountName() { return QStringLiteral("Larkspur Analytics"); }
    static QString accountId() { return QStringLiteral("acct_1DemoLarkspur0"); }

    const std::vector<DemoProduct>& products() const { return m_products; }
    const std::vector<DemoPrice>& prices() const { return m_prices; }
    // rank 0 = Starter, 1 = Pro, 2 = Business
    const DemoPrice* price(int rank, const QString& interval, const QString& currency) const;

private:
    std::vector<DemoProduct> m_products;
    std::vector<DemoPrice> m_prices;
};

} // namespace billbridge::demo
