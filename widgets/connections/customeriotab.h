#pragma once

#include "customerio/connectioncheck.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace billbridge::widgets {

class ConnectionTestPanel;

class SecretField;

// The Customer.io workspace: site id, Track API key, App API key and the data-centre region, and a live check
// of whichever credentials are entered against Customer.io.
class CustomerIoTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerIoTab)

public:
    // Region values kept in settings; the API hosts differ per region.
    static constexpr auto kRegionUs = "us";
    static constexpr auto kRegionEu = "eu";
    static constexpr auto kRegionSetting = "customerio/region";

    explicit CustomerIoTab(QWidget* parent = nullptr);
    ~CustomerIoTab() override;

    // The Track and App API base URLs currently entered on the Advanced tab (empty: environment, settings,
    // then the region's host). Without them the test uses that usual order.
    void setApiBases(std::function<QString()> trackBase, std::function<QString()> appBase);

    QString siteId() const;
    QString trackApiKey() const;
    QString appApiKey() const;
    QString region() const;
    void setSiteId(const QString& siteId);
    void setTrackApiKey(const QString& key);
    void setAppApiKey(const QString& key);
    void setRegion(const QString& region);

    bool hasValidInput() const;
    bool isTesting() const { return m_check != nullptr; }

    // Stops a running test; its answers are dropped.
    void cancelTest();

    void loadSettings();
    void saveSettings() const;

signals:
    void inputChanged();
    // Every check that ran has answered; `accepted` when at least one ran and all were accepted.
    void testFinished(bool accepted);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void validate();
    void startTest();
    void noteResult(quint64 test, bool track, const customerio::CustomerIoCheckResult& result);
    void showTestResults();
    void setBusy(bool busy);

    std::function<QString()> m_trackBase;
    std::function<QString()> m_appBase;
    std::unique_ptr<customerio::CustomerIoConnectionCheck> m_check;
    quint64 m_testNumber = 0;
    int m_checksRunning = 0;
    QStringList m_skipped;
    std::optional<customerio::CustomerIoCheckResult> m_trackResult;
    std::optional<customerio::CustomerIoCheckResult> m_appResult;

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
    ConnectionTestPanel* m_testPanel = nullptr;
};

} // namespace billbridge::widgets
