#pragma once

#include "demo/demomodel.h"

#include <QByteArrayView>

#include <cstdint>
#include <vector>

namespace billbridge::demo {

class DemoCatalog;
class DemoEventSink;
class DemoPeople;
class DemoRandom;

// Plays one customer's billing life from sign-up on, in time order, and emits the snapshot events
// Stripe would send: sign-up (Checkout or API, with or without a trial), trial end (conversion, pause
// without a card, or cancellation), renewals, plan changes, failed payments with Smart-Retries-like
// attempts ending in recovery or cancellation, cancellations at period end, refunds, disputes, profile
// changes and deletion. Events after `end` are cut by the caller, which keeps every story's prefix
// consistent.
class CustomerStory final {
public:
    CustomerStory(const DemoCatalog& catalog, DemoPeople& people, DemoRandom& random, DemoEventSink& sink,
                  std::int64_t signup, std::int64_t end);

    void play();

private:
    enum class TrialOutcome { None, Convert, Pause, Cancel };
    struct SideEvent {
        enum Kind { Refund, Dispute, ProfileChange };
        std::int64_t at = 0;
        Kind kind = Refund;
        std::size_t charge = 0;
    };

    std::int64_t advance(std::int64_t t);
    void flushSideEvents(std::int64_t upTo);

    void emitCustomer(QByteArrayView type, const DemoCustomer* before, bool byRequest, std::uint32_t stories);
    void emitSubscription(QByteArrayView type, const DemoSubscription* before, bool byRequest,
                          std::uint32_t stories = 0);
    void emitInvoice(QByteArrayView type, const DemoInvoice& invoice, std::uint32_t stories = 0);
    void emitCharge(QByteArrayView type, const DemoCharge& charge, std::uint32_t stories = 0);

    void signUp();
    bool runTrial();
    void runBillingPeriods();
    bool collect(DemoInvoice& invoice, double failureChance, std::uint32_t storiesOnSuccess);
    void changePlan();
    void requestCancellation();
    void previewNextInvoice();
    void maybeDeleteCustomer();
    void refund(DemoCharge& charge);
    void dispute(DemoCharge& charge);
    void changeProfile();

    DemoInvoice openInvoice(const QString& billingReason, std::int64_t created, std::int64_t lineStart,
                            std::int64_t lineEnd, std::int64_t periodStart, std::int64_t periodEnd);
    void finalize(DemoInvoice& invoice, std::int64_t at);
    DemoCharge& addCharge(std::int64_t amount, bool succeeded, const QString& description);
    void endSubscription(const QString& reason, const QString& feedback, bool byRequest,
                         std::uint32_t stories);
    static std::int64_t addInterval(std::int64_t t, const QString& interval);

    const DemoCatalog& m_catalog;
    DemoPeople& m_people;
    DemoRandom& m_random;
    DemoEventSink& m_sink;
    std::int64_t m_signup;
    std::int64_t m_end;
    std::int64_t m_now;
    std::int64_t m_endedAt = 0;
    TrialOutcome m_trialOutcome = TrialOutcome::None;
    DemoCustomer m_customer;
    DemoSubscription m_subscription;
    std::vector<DemoCharge> m_charges;
    std::vector<SideEvent> m_sideEvents;
};

} // namespace billbridge::demo
