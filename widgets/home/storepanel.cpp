#include "home/storepanel.h"

#include "common/richtext.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace billbridge::widgets {

namespace {

QLabel* valueLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

StorePanel::StorePanel(QWidget* parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("storePanel"));
    auto* layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_locationCaption = new QLabel(this);
    m_location = valueLabel(QStringLiteral("storeLocation"), this);
    m_eventsCaption = new QLabel(this);
    m_events = valueLabel(QStringLiteral("eventCount"), this);
    m_newestCaption = new QLabel(this);
    m_newest = valueLabel(QStringLiteral("newestEvent"), this);
    m_form->addRow(m_locationCaption, m_location);
    m_form->addRow(m_eventsCaption, m_events);
    m_form->addRow(m_newestCaption, m_newest);
    layout->addLayout(m_form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("storeMessage"));
    m_message->setTextFormat(Qt::RichText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    render();
}

void StorePanel::setSnapshot(const StoreSnapshot& snapshot)
{
    m_snapshot = snapshot;
    render();
}

QString StorePanel::relativeAge(std::int64_t createdSeconds, std::int64_t nowSeconds)
{
    // A clock slightly behind Stripe's must not produce "-1 minutes ago".
    const std::int64_t age = std::max<std::int64_t>(0, nowSeconds - createdSeconds);
    if (age < 60)
        return tr("just now");
    // The singular is spelled out so that English needs no translation file of its own; %n still lets
    // languages with more plural forms choose theirs.
    if (age < 2 * 60)
        return tr("1 minute ago");
    if (age < 3600)
        return tr("%n minutes ago", nullptr, static_cast<int>(age / 60));
    if (age < 2 * 3600)
        return tr("1 hour ago");
    if (age < 86400)
        return tr("%n hours ago", nullptr, static_cast<int>(age / 3600));
    if (age < 2 * 86400)
        return tr("1 day ago");
    return tr("%n days ago", nullptr, static_cast<int>(std::min<std::int64_t>(age / 86400, 1000000)));
}

void StorePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QGroupBox::changeEvent(event);
}

void StorePanel::render()
{
    setTitle(tr("Event store"));
    m_locationCaption->setText(tr("Location:"));
    m_eventsCaption->setText(tr("Events:"));
    m_newestCaption->setText(tr("Newest event:"));
    m_location->setText(QDir::toNativeSeparators(m_snapshot.path));
    m_location->setToolTip(m_location->text());

    const QLocale locale;
    bool showFigures = false;
    bool showNewest = false;
    QString message;
    QString messageColour;
    switch (m_snapshot.state) {
    case StoreSnapshot::State::Unknown:
        message = tr("Reading the store…");
        break;
    case StoreSnapshot::State::Missing:
        message = tr("No store yet at %1.<br/>Run %2 or %3 to create it.")
                      .arg(escaped(QDir::toNativeSeparators(m_snapshot.path)),
                           commandHtml(QStringLiteral("billbridge-cli backfill")),
                           commandHtml(QStringLiteral("billbridge-cli serve")));
        break;
    case StoreSnapshot::State::Failed:
        message = tr("The store cannot be read: %1").arg(escaped(m_snapshot.error));
        messageColour = QStringLiteral("#c62828");
        break;
    case StoreSnapshot::State::Ready:
        showFigures = true;
        if (m_snapshot.events == 0) {
            m_events->setText(tr("none yet"));
            message = tr("The store is ready but holds no events yet. Events appear here as soon as the "
                         "receiver stores a webhook or a backfill imports history.");
            break;
        }
        showNewest = m_snapshot.newestCreated.has_value();
        m_events->setText(tr("%1 (%2 test, %3 live)")
                              .arg(locale.toString(static_cast<qlonglong>(m_snapshot.events)),
                                   locale.toString(static_cast<qlonglong>(m_snapshot.testEvents)),
                                   locale.toString(static_cast<qlonglong>(m_snapshot.liveEvents))));
        if (m_snapshot.newestCreated) {
            const QDateTime created =
                QDateTime::fromSecsSinceEpoch(*m_snapshot.newestCreated, QTimeZone::utc());
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            m_newest->setText(tr("%1 at %2 (%3)")
                                  .arg(m_snapshot.newestType,
                                       created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                       relativeAge(*m_snapshot.newestCreated, now)));
            m_newest->setToolTip(tr("Created %1 UTC").arg(created.toString(Qt::ISODate)));
        }
        break;
    }
    m_form->setRowVisible(m_eventsCaption, showFigures);
    m_form->setRowVisible(m_newestCaption, showNewest);
    if (!messageColour.isEmpty())
        message = QStringLiteral("<span style=\"color:%1\">%2</span>").arg(messageColour, message);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

} // namespace billbridge::widgets
