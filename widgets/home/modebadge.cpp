#include "home/modebadge.h"

#include <QEvent>

namespace billbridge::widgets {

ModeBadge::ModeBadge(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("modeBadge"));
    setAlignment(Qt::AlignCenter);
    setTextFormat(Qt::PlainText);
    render();
}

void ModeBadge::setCounts(std::int64_t liveEvents, std::int64_t testEvents)
{
    Mode mode = Mode::None;
    if (liveEvents > 0 && testEvents > 0)
        mode = Mode::Mixed;
    else if (liveEvents > 0)
        mode = Mode::Live;
    else if (testEvents > 0)
        mode = Mode::Test;
    if (mode == m_mode)
        return;
    m_mode = mode;
    render();
}

void ModeBadge::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QLabel::changeEvent(event);
}

void ModeBadge::render()
{
    // Test mode in Stripe's own amber; live in a calm blue that still stands apart from it, because live
    // events concern real customers and real money.
    const auto style = [](const char* background, const char* foreground) {
        return QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; padding: 3px 10px; "
                              "font-weight: bold; }")
            .arg(QLatin1String(background), QLatin1String(foreground));
    };
    switch (m_mode) {
    case Mode::None:
        clear();
        setToolTip({});
        hide();
        return;
    case Mode::Test:
        setText(tr("TEST"));
        setToolTip(tr("All stored events come from Stripe's test mode."));
        setStyleSheet(style("#f5a623", "#3d2800"));
        break;
    case Mode::Live:
        setText(tr("LIVE"));
        setToolTip(tr("All stored events come from Stripe's live mode: they concern real customers."));
        setStyleSheet(style("#1565c0", "#ffffff"));
        break;
    case Mode::Mixed:
        setText(tr("LIVE + TEST"));
        setToolTip(tr("The store holds events from both Stripe's live mode and its test mode."));
        setStyleSheet(style("#6a1b9a", "#ffffff"));
        break;
    }
    show();
}

} // namespace billbridge::widgets
