#include "connections/advancedtab.h"

#include <QEvent>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

namespace billbridge::widgets {

namespace {

// Plain http is only for a server on this machine: credentials must never cross a network unencrypted.
bool isUsableBase(const QString& text)
{
    if (text.isEmpty())
        return true;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() != QLatin1String("http"))
        return false;
    const QHostAddress host(url.host());
    return url.host() == QLatin1String("localhost") || (!host.isNull() && host.isLoopback());
}

} // namespace

AdvancedTab::AdvancedTab(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("advancedTab"));
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto* form = new QFormLayout;
    const auto addRow = [this, form](QLabel*& caption, QLineEdit*& edit, const char* name) {
        caption = new QLabel(this);
        edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        caption->setBuddy(edit);
        form->addRow(caption, edit);
        connect(edit, &QLineEdit::textChanged, this, [this] {
            validate();
            emit inputChanged();
        });
    };
    addRow(m_stripeCaption, m_stripe, "stripeApiBase");
    addRow(m_trackCaption, m_track, "trackApiBase");
    addRow(m_appCaption, m_app, "appApiBase");
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("advancedMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_message->hide();
    layout->addWidget(m_message);
    layout->addStretch(1);
    retranslate();
}

QString AdvancedTab::stripeApiBase() const
{
    return m_stripe->text().trimmed();
}

void AdvancedTab::setStripeApiBase(const QString& url)
{
    m_stripe->setText(url);
}

QString AdvancedTab::trackApiBase() const
{
    return m_track->text().trimmed();
}

QString AdvancedTab::appApiBase() const
{
    return m_app->text().trimmed();
}

bool AdvancedTab::hasValidInput() const
{
    return isUsableBase(stripeApiBase()) && isUsableBase(m_track->text().trimmed()) &&
           isUsableBase(m_app->text().trimmed());
}

void AdvancedTab::loadSettings()
{
    QSettings settings;
    m_stripe->setText(settings.value(QLatin1String(kStripeApiBaseSetting)).toString());
    m_track->setText(settings.value(QLatin1String(kTrackApiBaseSetting)).toString());
    m_app->setText(settings.value(QLatin1String(kAppApiBaseSetting)).toString());
}

void AdvancedTab::saveSettings() const
{
    QSettings settings;
    const auto store = [&settings](const char* key, const QString& value) {
        if (value.isEmpty())
            settings.remove(QLatin1String(key));
        else
            settings.setValue(QLatin1String(key), value);
    };
    store(kStripeApiBaseSetting, stripeApiBase());
    store(kTrackApiBaseSetting, m_track->text().trimmed());
    store(kAppApiBaseSetting, m_app->text().trimmed());
}

void AdvancedTab::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AdvancedTab::retranslate()
{
    m_intro->setText(tr("Change these only to go through a proxy or to reach a local test server. Leave a "
                        "field empty for the usual address."));
    m_stripeCaption->setText(tr("&Stripe API:"));
    m_stripe->setPlaceholderText(QStringLiteral("https://api.stripe.com"));
    m_trackCaption->setText(tr("Customer.io &Track API:"));
    m_track->setPlaceholderText(tr("by region: https://track.customer.io or https://track-eu.customer.io"));
    m_appCaption->setText(tr("Customer.io &App API:"));
    m_app->setPlaceholderText(tr("by region: https://api.customer.io or https://api-eu.customer.io"));
    validate();
}

void AdvancedTab::validate()
{
    const bool valid = hasValidInput();
    m_message->setText(valid ? QString()
                             : tr("Each address must be an https:// URL; plain http:// is allowed only for "
                                  "this computer (127.0.0.1, ::1 or localhost)."));
    m_message->setVisible(!valid);
}

} // namespace billbridge::widgets
