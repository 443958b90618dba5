#pragma once

#include "store/planmapping.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace billbridge::widgets {

class MappingEditor;
class MappingImportDialog;
class MappingListModel;
class ResyncDialog;
class ResyncTask;
class UnmappedPriceModel;

// Plan mappings: which plan name, tier and interval label Customer.io is told for a Stripe price or
// product. Lists, searches, adds, edits and removes them, imports and exports CSV, lists the prices seen in
// stored events that no mapping covers, and after every change offers to re-sync the profiles it makes
// wrong. Every change is recorded in the audit log.
class MappingsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingsPage)

public:
    using Confirm = std::function<bool(QWidget* parent, const QString& title, const QString& text)>;
    // A file to read (`forSaving` false) or write; empty when the operator cancelled.
    using FileChooser = std::function<QString(QWidget* parent, bool forSaving)>;

    explicit MappingsPage(QString storePath, QWidget* parent = nullptr);
    ~MappingsPage() override;

    // Test seams for the modal questions.
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    // Reads the mappings (with the search) and, off the UI thread, the unmapped prices.
    void reload();

    // The actions behind the buttons; the dialogs they open are open() (not exec()) and reachable below.
    void addMapping(const store::PlanMapping& prefill = {});
    void editSelected();
    void deleteSelected();
    void importFrom(const QString& path);
    bool exportTo(const QString& path);
    void mapSelectedUnmapped();
    void openResync();

    MappingListModel* model() const { return m_model; }
    UnmappedPriceModel* unmappedModel() const { return m_unmapped; }
    QTableView* table() const { return m_table; }
    QTableView* unmappedTable() const { return m_unmappedTable; }
    QLineEdit* searchEdit() const { return m_search; }
    QLabel* statusLabel() const { return m_status; }
    QWidget* resyncBanner() const { return m_banner; }
    QLabel* resyncBannerLabel() const { return m_bannerLabel; }
    QPushButton* resyncButton() const { return m_resyncButton; }
    MappingEditor* editor() const;
    MappingImportDialog* importDialog() const;
    ResyncDialog* resyncDialog() const;
    // Ids changed since the last re-sync was enqueued.
    QStringList changedIds() const { return m_changedIds; }
    bool isLoadingUnmapped() const { return m_unmappedWatcher.isRunning(); }
    bool selectMapping(const QString& stripeId);
    bool selectUnmapped(const QString& priceId);

signals:
    void mappingsChanged();
    void unmappedLoaded();
    // How many customers' profiles the changes since the last re-sync make wrong.
    void resyncOfferReady(int customers);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct UnmappedLoad {
        std::vector<store::UnmappedPrice> prices;
        QString error;
    };

    void createWidgets();
    void retranslate();
    void loadMappings();
    void loadUnmapped();
    void onUnmappedLoaded();
    void updateButtons();
    void noteChanged(const QStringList& ids);
    void checkAffected();
    void showStatus(const QString& text, bool problem);
    const store::PlanMapping* selectedMapping() const;

    QString m_storePath;
    Confirm m_confirm;
    FileChooser m_chooseFile;
    MappingListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    UnmappedPriceModel* m_unmapped = nullptr;
    QLabel* m_title = nullptr;
    QLineEdit* m_search = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_editButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_exportButton = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_status = nullptr;
    QWidget* m_banner = nullptr;
    QLabel* m_bannerLabel = nullptr;
    QPushButton* m_resyncButton = nullptr;
    QLabel* m_unmappedTitle = nullptr;
    QLabel* m_unmappedStatus = nullptr;
    QTableView* m_unmappedTable = nullptr;
    QPushButton* m_mapThisButton = nullptr;
    QPushButton* m_refreshUnmappedButton = nullptr;
    QPointer<MappingEditor> m_editor;
    QPointer<MappingImportDialog> m_importDialog;
    QPointer<ResyncDialog> m_resyncDialog;
    ResyncTask* m_offerTask = nullptr;
    bool m_offerStale = false;
    QStringList m_changedIds;
    bool m_unmappedAgain = false;
    QFutureWatcher<UnmappedLoad> m_unmappedWatcher;
};

} // namespace billbridge::widgets
