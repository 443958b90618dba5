#pragma once

#include "store/jobrecord.h"

#include <QWidget>

#include <array>
#include <cstdint>
#include <map>
#include <vector>

class QToolButton;

namespace billbridge::widgets {

// How many jobs are in each state, across the top of the queue page. Each count is a button that shows
// only the jobs in that state; the states the filter shows are marked.
class QueueCountsBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueCountsBar)

public:
    explicit QueueCountsBar(QWidget* parent = nullptr);
    ~QueueCountsBar() override;

    void setCounts(const std::map<store::JobState, std::int64_t>& counts);
    void setSelectedStates(const std::vector<store::JobState>& states);
    QToolButton* button(store::JobState state) const { return m_buttons[std::size_t(state)]; }

signals:
    void stateClicked(billbridge::store::JobState state);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::array<QToolButton*, store::kJobStateCount> m_buttons{};
    std::map<store::JobState, std::int64_t> m_counts;
};

} // namespace billbridge::widgets
