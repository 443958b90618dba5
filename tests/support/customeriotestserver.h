#pragma once

#include "customerio/customerioregion.h"
#include "loopbacktestserver.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHttpServer>
#include <QList>
#include <QPair>
#include <QString>

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace billbridge::test {

// A local stand-in for one Customer.io host on 127.0.0.1 (ephemeral port), playing one workspace. It serves
// both APIs so that one server can stand behind both base-URL overrides:
//
//   GET /api/v1/accounts/region  Track. HTTP Basic site_id:track_key; 200
//                                {"url":"https://track[-eu].customer.io","region":"us|eu","environment_id":N}
//                                whichever host is asked (the endpoint works on both), 401 otherwise.
//   GET /v1/workspaces           App. Bearer app_key; 401 otherwise. When the server plays the host of the
//                                other region (setServedRegion) it answers 301
//                                {"errors":[{"detail":"wrong datacenter","status":"301"}]} with a Location on
//                                the workspace's own host, as Customer.io does.
//   Operations                   PUT/DELETE /api/v1/customers/{id}, POST /api/v1/customers/{id}/events |
//                                suppress | unsuppress, POST /api/v1/segments/{id}/add_customers |
//                                remove_customers (Basic auth; 200 {}); POST /v1/send/email, POST
//                                /v1/campaigns/{id}/triggers, GET /v1/customers?email=, /v1/broadcasts,
//                                /v1/transactional, /v1/segments (Bearer auth; 200 with a small canned body).
//   anything else                404 {"errors":[{"detail":"not found","status":"404"}]}.
//
// failNext() scripts the next answers (any route, before the credentials are checked). Every request is
// recorded (method, target, headers) so tests can look at the Authorization header and at the URL.
class CustomerIoTestServer final : public LoopbackTestServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerIoTestServer)

public:
    // Fake credentials; the server accepts exactly these unless told otherwise.
    static constexpr char kDefaultSiteId[] = "bbtestsite0123456789";
    static constexpr char kDefaultTrackKey[] = "bbtesttrackkey0123456789abcdef";
    static constexpr char kDefaultAppKey[] = "bbtestappkey0123456789abcdef0123456789abc";
    static constexpr int kDefaultEnvironmentId = 117734;
    static constexpr char kDefaultWorkspaceName[] = "Billbridge Test Workspace";

    using Request = RecordedRequest;

    // One scripted answer.
    struct Fault {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool neverAnswer = false; // keep the connection open without a byte of answer

        static Fault unauthorized();
        static Fault forbidden();
        static Fault rateLimited();
        static Fault serverError(int status = 500);
        // 301 as the App API answers a key from the other data centre; Location on `workspaceRegion`'s host.
        static Fault wrongDatacenter(customerio::Region workspaceRegion);
        // 200 whose body is cut off mid-JSON.
        static Fault malformedJson();
        static Fault silence();
    };

    explicit CustomerIoTestServer(QObject* parent = nullptr);
    ~CustomerIoTestServer() override;

    void setSiteId(const QByteArray& siteId) { m_siteId = siteId; }
    void setTrackKey(const QByteArray& key) { m_trackKey = key; }
    void setAppKey(const QByteArray& key) { m_appKey = key; }
    // The workspace's data centre; by default the server also plays that region's host.
    void setRegion(customerio::Region region);
    // The data centre whose host this server plays; App calls answer 301 when it differs from region().
    void setServedRegion(customerio::Region region) { m_servedRegion = region; }
    void setEnvironmentId(int id) { m_environmentId = id; }
    void setWorkspaceName(const QString& name) { m_workspaceName = name; }
    // The 200 answers of GET /v1/transactional and GET /v1/broadcasts (default: empty lists).
    void setTransactionalListBody(const QByteArray& body) { m_transactionalListBody = body; }
    void setBroadcastListBody(const QByteArray& body) { m_broadcastListBody = body; }
    customerio::Region region() const { return m_region; }

    void failNext(const Fault& fault, int times = 1);
    int pendingFaults() const { return static_cast<int>(m_faults.size()); }

    // When each request arrived, in order: milliseconds on a monotonic clock started with the server. Kept
    // across clearRequests().
    const std::vector<std::int64_t>& arrivalsMs() const { return m_arrivalsMs; }
    // What GET /v1/customers?email=<email> answers (the address compared case-insensitively): the people
    // given, as {"results":[{"email":…,"id":…,"cio_id":…}]}; an empty id is left out, as for a lead.
    // Addresses not set here find nobody ({"results":[]}).
    struct Person {
        QString email;
        QString id;
        QString cioId;
    };
    void setPeopleWithEmail(const QString& email, const QList<Person>& people);

    // Holds every operation answer (not scripted faults) this long before sending it, as a slow network.
    void setAnswerDelay(std::chrono::milliseconds delay) { m_answerDelay = delay; }

private:
    struct Answer {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    void serve(const QHttpServerRequest& request, QHttpServerResponder&& responder, bool track);
    // Pops the next scripted fault into an answer; true when one was used (or the answer is withheld).
    bool answerFault(QHttpServerResponder& responder);
    // The operation endpoints; nullopt when `request` names none of them.
    std::optional<Answer> operationAnswer(const Request& request) const;
    Answer trackAnswer(const Request& request) const;
    Answer appAnswer(const Request& request) const;
    static void send(QHttpServerResponder& responder, const Answer& answer);
    void sendLater(QHttpServerResponder&& responder, const Answer& answer);

    QByteArray m_siteId = kDefaultSiteId;
    QByteArray m_trackKey = kDefaultTrackKey;
    QByteArray m_appKey = kDefaultAppKey;
    customerio::Region m_region = customerio::Region::Us;
    customerio::Region m_servedRegion = customerio::Region::Us;
    int m_environmentId = kDefaultEnvironmentId;
    QString m_workspaceName = QString::fromLatin1(kDefaultWorkspaceName);
    QByteArray m_transactionalListBody = R"({"messages":[]})";
    QByteArray m_broadcastListBody = R"({"broadcasts":[]})";
    std::deque<Fault> m_faults;
    // Answers that never come: held until the server goes, so the client sees an open, silent connection.
    std::vector<std::unique_ptr<QHttpServerResponder>> m_silent;
    QElapsedTimer m_clock;
    std::vector<std::int64_t> m_arrivalsMs;
    std::chrono::milliseconds m_answerDelay{0};
    std::map<int, std::unique_ptr<QHttpServerResponder>> m_delayed;
    std::map<QString, QByteArray> m_peopleByEmail; // lower-case email → the results body
    int m_nextDelayed = 0;
};

} // namespace billbridge::test
