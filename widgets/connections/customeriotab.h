#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace billbridge::widgets {

class SecretField;

// The Customer.io workspace: site id, Track API key, App API key and the data-centre region.
class CustomerIoTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerIoTab)

public:
    // Region values kept in settings; the API hosts differ per region.
    static constexpr auto kRegionUs = "us";
    static constexpr auto kRegionEu = "eu";
    static constexpr auto kRegionSetting = "customerio/region";

    explicit CustomerIoTab(QWidget* parent = nullptr);

    QString siteId() const;
    QString trackApiKey() const;
    QString appApiKey() const;
    QString region() const;
    void setSiteId(const QString& siteId);
    void setTrackApiKey(const QString& key);
    void setAppApiKey(const QString& key);
    void setRegion(const QString& region);

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
    QLabel* m_siteIdCaption = nullptr;
    QLineEdit* m_siteId = nullptr;
    QLabel* m_trackCaption = nullptr;
    SecretField* m_trackKey = nullptr;
    QLabel* m_appCaption = nullptr;
    SecretField* m_appKey = nullptr;
    QLabel* m_regionCaption = nullptr;
    QComboBox* m_region = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace billbridge::widgets
