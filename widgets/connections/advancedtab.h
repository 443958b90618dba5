#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace billbridge::widgets {

// Where the APIs are reached, for proxies and local test servers. These are not secrets, so they live in
// the settings; empty means the usual address.
class AdvancedTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvancedTab)

public:
    // `stripe/apiBase` is the setting StripeApiConfig::resolve() reads.
    static constexpr auto kStripeApiBaseSetting = "stripe/apiBase";
    static constexpr auto kTrackApiBaseSetting = "customerio/trackApiBase";
    static constexpr auto kAppApiBaseSetting = "customerio/appApiBase";

    explicit AdvancedTab(QWidget* parent = nullptr);

    QString stripeApiBase() const;
    void setStripeApiBase(const QString& url);
    QString trackApiBase() const;
    QString appApiBase() const;
    bool hasValidInput() const;

    void loadSettings();
    void saveSettings() const;

signals:
    void inputChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void validate();

    QLabel* m_intro = nullptr;
    QLabel* m_stripeCaption = nullptr;
    QLineEdit* m_stripe = nullptr;
    QLabel* m_trackCaption = nullptr;
    QLineEdit* m_track = nullptr;
    QLabel* m_appCaption = nullptr;
    QLineEdit* m_app = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace billbridge::widgets
