#include "campaigns/campaigncatalog.h"

#include "customerio/customeriorequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>

namespace billbridge::campaigns {

namespace {

using customerio::CustomerIoErrorKind;

QString idText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

std::int64_t unixSeconds(const QJsonObject& item)
{
    for (const QLatin1String key : {QLatin1String("updated_at"), QLatin1String("updated"),
                                    QLatin1String("created_at"), QLatin1String("created")}) {
        const QJsonValue value = item.value(key);
        if (value.isDouble())
            return value.toInteger();
    }
    return 0;
}

std::optional<QList<CatalogEntry>> parseList(const QByteArray& body, QLatin1String member, QString* problem)
{
    const auto fail = [problem](const QString& text) {
        if (problem)
            *problem = text;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(QCoreApplication::translate("CampaignCatalog", "the answer is not JSON (%1)")
                        .arg(parseError.error != QJsonParseError::NoError
                                 ? parseError.errorString()
                                 : QCoreApplication::translate("CampaignCatalog", "not an object")));
    const QJsonValue list = document.object().value(member);
    if (!list.isArray())
        return fail(
            QCoreApplication::translate("CampaignCatalog", "the answer has no \"%1\" list").arg(member));
    QList<CatalogEntry> entries;
    for (const QJsonValue& value : list.toArray()) {
        const QJsonObject item = value.toObject();
        CatalogEntry entry;
        entry.id = idText(item.value(QLatin1String("id")));
        if (entry.id.isEmpty())
            continue; // an entry nobody could address
        entry.name = item.value(QLatin1String("name")).toString().trimmed();
        entry.description = item.value(QLatin1String("description")).toString().trimmed();
        entry.updatedAt = unixSeconds(item);
        entries.append(entry);
    }
    std::stable_sort(entries.begin(), entries.end(), [](const CatalogEntry& a, const CatalogEntry& b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return entries;
}

} // namespace

QString CatalogEntry::label() const
{
    if (name.isEmpty())
        return QStringLiteral("#%1").arg(id);
    return QStringLiteral("%1 (#%2)").arg(name, id);
}

std::optional<QList<CatalogEntry>> parseTransactionalMessages(const QByteArray& body, QString* problem)
{
    return parseList(body, QLatin1String("messages"), problem);
}

std::optional<QList<CatalogEntry>> parseBroadcasts(const QByteArray& body, QString* problem)
{
    return parseList(body, QLatin1String("broadcasts"), problem);
}

QString catalogErrorMessage(const customerio::CustomerIoError& error)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("CampaignCatalog", text); };
    const QString said = error.messages.isEmpty() ? QString() : error.messages.join(QStringLiteral("; "));
    switch (error.kind) {
    case CustomerIoErrorKind::Unauthorized:
        return tr("Customer.io refused the App API key (HTTP %1). Check the App API key in Connections; it "
                  "must be an App API key with access to this workspace, not a Track key.")
            .arg(error.httpStatus);
    case CustomerIoErrorKind::WrongRegion:
        return tr("The App API key belongs to a workspace in the other data centre. Switch the region in "
                  "Connections and load the list again.");
    case CustomerIoErrorKind::RateLimited:
        return tr("Customer.io is limiting requests right now (HTTP 429). Wait a few seconds and try again.");
    case CustomerIoErrorKind::ServerError:
        return tr("Customer.io had a problem answering (HTTP %1). Try again in a minute; the message and "
                  "broadcast ids can also be entered by hand.")
            .arg(error.httpStatus);
    case CustomerIoErrorKind::Timeout:
    case CustomerIoErrorKind::Ambiguous:
        return tr("Customer.io did not answer in time. Check the network and try again.");
    case CustomerIoErrorKind::Network:
        return tr("Customer.io could not be reached (%1). Check the network and try again.")
            .arg(error.detail);
    case CustomerIoErrorKind::UnexpectedAnswer:
        return tr("Customer.io's answer could not be read (%1). Try again; enter the id by hand if it keeps "
                  "happening.")
            .arg(error.detail.isEmpty() ? said : error.detail);
    case CustomerIoErrorKind::NotSent:
        return tr("The list was not requested: %1. Add the App API key in Connections.").arg(error.detail);
    case CustomerIoErrorKind::BadRequest:
        return tr("Customer.io refused the request (HTTP %1%2). Enter the id by hand instead.")
            .arg(error.httpStatus)
            .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said);
    case CustomerIoErrorKind::Aborted:
        return tr("Loading was cancelled.");
    }
    return error.summary();
}

CampaignCatalogLoader::CampaignCatalogLoader(const customerio::CustomerIoEndpoints& endpoints,
                                             const customerio::CustomerIoCredentials& credentials,
                                             QObject* parent)
    : QObject(parent)
    , m_client(new customerio::CustomerIoClient(endpoints, this))
{
    m_client->setCredentials(credentials);
}

CampaignCatalogLoader::~CampaignCatalogLoader() = default;

void CampaignCatalogLoader::load()
{
    // Answers to an abandoned load are told apart by their generation, whenever they arrive.
    const int generation = ++m_generation;
    m_client->abortAll();
    m_outstanding = 2;
    m_catalog = {};
    const auto handle = [this, generation](CatalogList* list, auto parse) {
        return [this, generation, list, parse](const customerio::CustomerIoResult& result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                list->error = result.error;
                list->message = catalogErrorMessage(*result.error);
            } else {
                QString problem;
                if (auto entries = parse(result.body, &problem)) {
                    list->entries = *entries;
                } else {
                    list->error = customerio::CustomerIoError::local(
                        customerio::CustomerIoErrorKind::UnexpectedAnswer, problem);
                    list->message = catalogErrorMessage(*list->error);
                }
            }
            noteAnswer();
        };
    };
    m_client->execute(customerio::requests::listTransactionalMessages(),
                      handle(&m_catalog.transactional, &parseTransactionalMessages));
    m_client->execute(customerio::requests::listBroadcasts(),
                      handle(&m_catalog.broadcasts, &parseBroadcasts));
}

void CampaignCatalogLoader::noteAnswer()
{
    if (--m_outstanding == 0)
        emit finished(m_catalog);
}

} // namespace billbridge::campaigns
