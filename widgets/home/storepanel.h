#pragma once

#include "home/storesummary.h"

#include <QGroupBox>

class QFormLayout;
class QLabel;

namespace billbridge::widgets {

// The store's location, how many events it holds and the newest of them, or why there is nothing to show.
class StorePanel final : public QGroupBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorePanel)

public:
    explicit StorePanel(QWidget* parent = nullptr);

    void setSnapshot(const StoreSnapshot& snapshot);

    // "5 minutes ago"; exposed for reuse by other screens that show event times.
    static QString relativeAge(std::int64_t createdSeconds, std::int64_t nowSeconds);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    StoreSnapshot m_snapshot;
    QFormLayout* m_form = nullptr;
    QLabel* m_locationCaption = nullptr;
    QLabel* m_location = nullptr;
    QLabel* m_eventsCaption = nullptr;
    QLabel* m_events = nullptr;
    QLabel* m_newestCaption = nullptr;
    QLabel* m_newest = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace billbridge::widgets
