#include "demo/democatalog.h"

#include "demo/demorandom.h"

namespace billbridge::demo {

namespace {

struct PlanDefinition {
    const char* tier;
    std::int64_t usdMonthly;
    std::int64_t eurMonthly;
};

// Yearly prices are ten months' worth, a common "two months free" offer.
constexpr PlanDefinition kPlans[] = {
    {"Starter", 1900, 1900},
    {"Pro", 4900, 4500},
    {"Business", 14900, 13900},
};

} // namespace

DemoCatalog::DemoCatalog(DemoRandom& random, std::int64_t created)
{
    m_products.reserve(std::size(kPlans));
    m_prices.reserve(std::size(kPlans) * 4);
    int rank = 0;
    for (const PlanDefinition& plan : kPlans) {
        DemoProduct product;
        product.id = random.id("prod_", 14);
        product.tier = QLatin1String(plan.tier);
        product.name = QStringLiteral("Larkspur ") + product.tier;
        product.rank = rank++;
        product.created = created;
        m_products.push_back(product);
    }
    for (const DemoProduct& product : m_products) {
        const PlanDefinition& plan = kPlans[product.rank];
        for (const char* currency : {"usd", "eur"}) {
            for (const char* interval : {"month", "year"}) {
                DemoPrice price;
                price.id = random.id("price_", 24);
                price.product = &product;
                price.currency = QLatin1String(currency);
                price.interval = QLatin1String(interval);
                const std::int64_t monthly =
                    price.currency == QLatin1String("usd") ? plan.usdMonthly : plan.eurMonthly;
                const bool yearly = price.interval == QLatin1String("year");
                price.unitAmount = yearly ? monthly * 10 : monthly;
                price.nickname =
                    product.tier + (yearly ? QStringLiteral(" yearly") : QStringLiteral(" monthly"));
                price.lookupKey = product.tier.toLower() +
                                  (yearly ? QStringLiteral("_yearly_") : QStringLiteral("_monthly_")) +
                                  price.currency;
                price.created = created + 60 * product.rank + (yearly ? 20 : 0);
                m_prices.push_back(price);
            }
        }
    }
}

const DemoPrice* DemoCatalog::price(int rank, const QString& interval, const QString& currency) const
{
    for (const DemoPrice& price : m_prices) {
        if (price.product->rank == rank && price.interval == interval && price.currency == currency)
            return &price;
    }
    return nullptr;
}

} // namespace billbridge::demo
