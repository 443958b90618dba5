#pragma once

#include <QLabel>

#include <cstdint>

namespace billbridge::widgets {

// Says at a glance whether the stored events come from Stripe's test mode, live mode or both; hidden
// while there are no events.
class ModeBadge final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModeBadge)

public:
    enum class Mode { None, Test, Live, Mixed };

    explicit ModeBadge(QWidget* parent = nullptr);

    void setCounts(std::int64_t liveEvents, std::int64_t testEvents);
    Mode mode() const { return m_mode; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    Mode m_mode = Mode::None;
};

} // namespace billbridge::widgets
