#pragma once

#include <QString>

#include <array>
#include <cstdint>

namespace billbridge::demo {

// The parts of a customer's billing life the generator plays. An event that completes one of them is
// marked with it, so a summary can count what the history holds.
enum class StoryKind : std::uint8_t {
    DirectPurchase,
    TrialConverted,
    TrialPaused,
    TrialCanceled,
    Renewal,
    Upgrade,
    Downgrade,
    PaymentRecovered,
    PaymentFailedCanceled,
    VoluntaryCancel,
    Refund,
    Dispute,
    CustomerUpdated,
    CustomerDeleted,
    Count
};

constexpr std::uint32_t storyBit(StoryKind kind)
{
    return 1u << static_cast<unsigned>(kind);
}

constexpr int kStoryKindCount = static_cast<int>(StoryKind::Count);

// "trial converted", "payment failed, canceled", … for summaries.
QString storyKindName(StoryKind kind);

} // namespace billbridge::demo
