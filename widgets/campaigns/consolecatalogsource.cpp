#include "campaigns/consolecatalogsource.h"

#include "customerio/customeriocredentials.h"
#include "customerio/customerioregion.h"
#include "intake/consoleintake.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QSettings>

namespace billbridge::widgets {

namespace {

campaigns::CampaignCatalog failedCatalog(const QString& detail)
{
    campaigns::CatalogList failed;
    failed.error = customerio::CustomerIoError::local(customerio::CustomerIoErrorKind::NotSent, detail);
    failed.message = campaigns::catalogErrorMessage(*failed.error);
    return {failed, failed};
}

} // namespace

ManualCampaignDialog::CatalogSource consoleCatalogSource(ConnectionServices services)
{
    return [services](QObject* context, std::function<void(const campaigns::CampaignCatalog&)> done) {
        readConnectionSecret(
            services, secrets::keys::kCustomerIoAppApiKey,
            [context, done](const secrets::SecretResult& result) {
                if (!result.isOk()) {
                    done(failedCatalog(
                        result.status == secrets::SecretResult::Status::NotFound
                            ? QCoreApplication::translate("ConsoleCatalogSource", "no App API key is stored")
                            : result.error));
                    return;
                }
                customerio::CustomerIoCredentials credentials;
                credentials.appApiKey = QString::fromUtf8(result.value).trimmed();
                const customerio::Region region =
                    customerio::parseRegion(
                        QSettings()
                            .value(QLatin1String(customerio::CustomerIoCredentialsLoad::kRegionSetting))
                            .toString())
                        .value_or(customerio::Region::Us);
                auto* loader = new campaigns::CampaignCatalogLoader(
                    customerio::CustomerIoEndpoints::resolve(region), credentials, context);
                QObject::connect(loader, &campaigns::CampaignCatalogLoader::finished, context,
                                 [loader, done](const campaigns::CampaignCatalog& catalog) {
                                     done(catalog);
                                     loader->deleteLater();
                                 });
                loader->load();
            },
            context);
    };
}

} // namespace billbridge::widgets
