#pragma once

#include <QTest>

#include <chrono>
#include <future>

namespace billbridge::test {

// Runs blocking client code on another thread while this thread keeps its event loop turning, so that
// a server living on this thread can answer.
template <typename Function>
auto offThread(Function function, int timeoutMs = 30000)
{
    auto future = std::async(std::launch::async, std::move(function));
    [[maybe_unused]] const bool finished = QTest::qWaitFor(
        [&] { return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, timeoutMs);
    return future.get();
}

} // namespace billbridge::test
