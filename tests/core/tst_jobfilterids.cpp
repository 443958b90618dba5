// JobFilter::ids on a real store: the list and "retry everything matching" both see only the chosen jobs,
// combined with the other conditions, so that an operator looking at a narrowed Queue page acts on what
// they see and nothing else.

#include "store/jobqueue.h"
#include "support/tempstore.h"

#include <QTest>

#include <algorithm>

using namespace billbridge;
using store::JobState;

namespace {

store::NewJob newJob(const QString& key, const QString& operation = QStringLiteral("track.identify"))
{
    store::NewJob job;
    job.operation = operation;
    job.customerId = QStringLiteral("cus_1");
    job.idempotencyKey = key;
    job.payload = {{QStringLiteral("customer"), job.customerId}};
    return job;
}

std::vector<std::int64_t> sortedIds(const std::vector<store::Job>& jobs)
{
    std::vector<std::int64_t> ids;
    for (const store::Job& job : jobs)
        ids.push_back(job.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class TestJobFilterIds final : public QObject {
    Q_OBJECT

private slots:
    void listShowsOnlyTheChosenJobs()
    {
        test::TempStore store;
        store.writer();
        store.stopWriter();
        store::JobQueue queue = store::JobQueue::open(store.path());
        std::vector<std::int64_t> ids;
        for (int i = 0; i < 5; ++i)
            ids.push_back(queue
                              .enqueue(newJob(QStringLiteral("manual:k:%1").arg(i),
                                              i == 3 ? QStringLiteral("track.track")
                                                     : QStringLiteral("track.identify")))
                              .id);

        store::JobFilter chosen;
        chosen.ids = {ids[1], ids[3]};
        QCOMPARE(sortedIds(queue.list(chosen).jobs), (std::vector<std::int64_t>{ids[1], ids[3]}));

        // Combined with the other conditions, not instead of them.
        chosen.operation = QStringLiteral("track.track");
        QCOMPARE(sortedIds(queue.list(chosen).jobs), (std::vector<std::int64_t>{ids[3]}));

        // Paged like any other filter.
        store::JobFilter three;
        three.ids = {ids[0], ids[2], ids[4]};
        const store::JobPage first = queue.list(three, std::nullopt, 2);
        QCOMPARE(first.jobs.size(), std::size_t(2));
        QVERIFY(first.next);
        const store::JobPage rest = queue.list(three, first.next, 2);
        QCOMPARE(rest.jobs.size(), std::size_t(1));
        QVERIFY(!rest.next);

        store::JobFilter gone;
        gone.ids = {ids.back() + 1000};
        QVERIFY(queue.list(gone).jobs.empty());
        // No ids: every job.
        QCOMPARE(queue.list(store::JobFilter{}).jobs.size(), std::size_t(5));
    }

    void retryMatchingTouchesOnlyTheChosenJobs()
    {
        test::TempStore store;
        store.writer();
        store.stopWriter();
        store::JobQueue queue = store::JobQueue::open(store.path());
        std::vector<std::int64_t> ids;
        for (int i = 0; i < 4; ++i)
            ids.push_back(queue.enqueue(newJob(QStringLiteral("manual:r:%1").arg(i))).id);
        QCOMPARE(queue.discard(ids, QStringLiteral("test")), 4);

        store::JobFilter chosen;
        chosen.ids = {ids[0], ids[2]};
        const store::RetrySelection dryRun = queue.retryMatching(chosen, true);
        QCOMPARE(dryRun.count, 2);
        QCOMPARE(queue.find(ids[0])->state, JobState::Discarded);
        const store::RetrySelection done = queue.retryMatching(chosen, false);
        QCOMPARE(done.ids, (std::vector<std::int64_t>{ids[0], ids[2]}));
        QCOMPARE(queue.find(ids[0])->state, JobState::Pending);
        QCOMPARE(queue.find(ids[1])->state, JobState::Discarded);
        QCOMPARE(queue.find(ids[2])->state, JobState::Pending);
        QCOMPARE(queue.find(ids[3])->state, JobState::Discarded);
    }
};

QTEST_GUILESS_MAIN(TestJobFilterIds)
#include "tst_jobfilterids.moc"
