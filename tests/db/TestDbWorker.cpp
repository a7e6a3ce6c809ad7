#include "connection/DbWorker.h"
#include "TestDatabase.h"

#include <QTest>

#include <atomic>
#include <memory>

// The session's workers on SQLite and a real MariaDB server: a worker of long reads
// (Stop::Interrupt) that goes stops the statement it is running rather than waiting for it, so
// that closing, switching or quitting never waits for a count of a million rows.
class TestDbWorker final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(true); }
    void init();
    void cleanup() { m_db.reset(); }
    void goingWorkerStopsItsRunningStatement();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void TestDbWorker::init()
{
    QFETCH_GLOBAL(QString, backend);
    QString problem;
    m_db = TestDatabase::create(backend, &problem);
    TG_REQUIRE(m_db, problem);
}

namespace {
struct Seen {
    std::atomic_bool started { false };
    std::atomic_bool stopped { false }; // the statement ended early
    std::atomic_bool stopRequested { false }; // and the job was told
    std::atomic_bool queuedRan { false };
};

// A statement that does not end by itself: SQLite counts an endless sequence; MariaDB sleeps ten
// minutes (SLEEP answers 1 when it was interrupted); PostgreSQL too (a cancelled statement fails).
// The servers are stopped by the session id the worker took from the client library at its login,
// without asking (Dialect::sessionIdOfHandle): a wrong id would leave the sleep running.
QString endless(const QString &backend)
{
    if (backend == QLatin1String("sqlite"))
        return QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n");
    return backend == QLatin1String("postgres") ? QStringLiteral("SELECT pg_sleep(600)")
                                               : QStringLiteral("SELECT SLEEP(600)");
}
} // namespace

void TestDbWorker::goingWorkerStopsItsRunningStatement()
{
    auto seen = std::make_shared<Seen>();
    {
        DbWorker worker(m_db->connectionName(), nullptr, DbWorker::Stop::Interrupt);
        worker.run<int>(
            nullptr,
            [seen, sql = endless(m_db->backend())](QSqlDatabase &db) {
                seen->started = true;
                QSqlQuery q(db);
                const bool answered = q.exec(sql) && q.next();
                seen->stopped = !answered || q.value(0).toInt() == 1;
                seen->stopRequested = DbWorker::stopRequested();
                return 0;
            },
            {});
        worker.run<int>(
            nullptr,
            [seen](QSqlDatabase &) {
                seen->queuedRan = true;
                return 0;
            },
            {});
        QVERIFY(QTest::qWaitFor([&seen] { return seen->started.load(); }, 15000));
        QVERIFY(!DbWorker::stopRequested()); // outside a job: never
    } // gone: without the interrupt this would wait for ever (SQLite) or ten minutes (the servers)
    QVERIFY(seen->stopped);
    QVERIFY(seen->stopRequested);
    QVERIFY(!seen->queuedRan); // nobody waits for it any more
}

QTEST_GUILESS_MAIN(TestDbWorker)
#include "TestDbWorker.moc"
