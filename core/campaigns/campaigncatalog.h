#pragma once

#include "customerio/customerioclient.h"
#include "customerio/customerioerror.h"
#include "customerio/customerioregion.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace billbridge::campaigns {

// One transactional message or broadcast as the App API lists it.
struct CatalogEntry {
    QString id; // Customer.io's numeric id, kept as text: it goes into paths and bodies as given
    QString name;
    QString description;
    std::int64_t updatedAt = 0; // Unix seconds; 0 when not given

    // "Invoice receipt (#7)", for pickers and confirmations.
    QString label() const;
};

// What one listing call brought back.
struct CatalogList {
    QList<CatalogEntry> entries;
    std::optional<customerio::CustomerIoError> error;
    // What to tell the operator when `error` is set: what happened and what to do.
    QString message;

    bool ok() const { return !error.has_value(); }
};

struct CampaignCatalog {
    CatalogList transactional;
    CatalogList broadcasts;

    bool ok() const { return transactional.ok() && broadcasts.ok(); }
};

// Reads the answers of GET /v1/transactional ({"messages":[…]}) and GET /v1/broadcasts ({"broadcasts":[…]}).
// nullopt, with `problem` set, when the body is not such a list.
std::optional<QList<CatalogEntry>> parseTransactionalMessages(const QByteArray& body,
                                                              QString* problem = nullptr);
std::optional<QList<CatalogEntry>> parseBroadcasts(const QByteArray& body, QString* problem = nullptr);

// Operator wording for a failed listing call: a wrong key sends the operator to Connections, a 429 asks to
// try again shortly, and so on.
QString catalogErrorMessage(const customerio::CustomerIoError& error);

// Fetches the workspace's transactional messages and broadcasts from the App API (both calls at once) and
// reports once with both lists. Lives on the calling thread; loading again while a load runs restarts it.
class CampaignCatalogLoader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CampaignCatalogLoader)

public:
    CampaignCatalogLoader(const customerio::CustomerIoEndpoints& endpoints,
                          const customerio::CustomerIoCredentials& credentials, QObject* parent = nullptr);
    ~CampaignCatalogLoader() override;

    customerio::CustomerIoClient* client() const { return m_client; }
    void load();
    bool isLoading() const { return m_outstanding > 0; }
    const CampaignCatalog& catalog() const { return m_catalog; }

signals:
    void finished(const billbridge::campaigns::CampaignCatalog& catalog);

private:
    void noteAnswer();

    customerio::CustomerIoClient* m_client = nullptr;
    CampaignCatalog m_catalog;
    int m_outstanding = 0;
    int m_generation = 0;
};

} // namespace billbridge::campaigns
