#pragma once

#include <QEventLoop>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

// A thread of its own with its own connection to the session's database, for reads that must not
// hold up the window (the overview's counts and statistics, say). The connection is a clone of the
// session's (QSqlDatabase::cloneDatabase by name, the overload meant for another thread), opened
// on the worker's thread at the first job, so it goes through the same checks (for MySQL, a relay
// that verifies TLS) as the session's own. Jobs run one after another, in the order given.
// Results come back on the thread that made the DbWorker, to a context object: a context deleted
// meanwhile simply gets nothing.
// Deleting the worker waits for the job it is running. For a worker of long reads (a count of a
// million rows), Stop::Interrupt asks the database to stop the running statement first (SQLite at
// once; the servers by KILL QUERY / pg_cancel_backend on the source connection, unless that link is
// known to be lost), drops the jobs queued behind it, and lets a job of several statements see
// stopRequested(): closing or switching the connection, or quitting, does not wait for a count.
class DbWorker final : public QObject {
    Q_OBJECT

public:
    enum class Stop { Wait, Interrupt };
    struct State;
    explicit DbWorker(const QString &sourceConnection, QObject *parent = nullptr, Stop stop = Stop::Wait);
    ~DbWorker() override;

    template<class T>
    void run(QObject *context, std::function<T(QSqlDatabase &db)> job, std::function<void(T)> done)
    {
        QPointer<QObject> guard(context);
        auto result = std::make_shared<T>();
        post([job, result](QSqlDatabase &db) { *result = job(db); },
            [guard, done, result] {
                if (guard && done)
                    done(std::move(*result));
            });
    }
    // Opens the worker's connection now, before the first job needs it (while the session reads
    // its first facts on its own connection, say: the two connects overlap instead of adding up).
    void warmUp()
    {
        post([](QSqlDatabase &) { }, [] { });
    }
    // Lets a worker go without waiting: it is deleted on its owner's thread once the job it runs
    // now has finished (an open that waits for a server's time-out, say). Jobs queued behind that
    // one are dropped. For a worker nobody waits for any more; deleting it would block.
    static void discard(std::unique_ptr<DbWorker> worker);
    // Jobs given so far and not finished yet.
    int pending() const { return m_pending; }
    // For a job of several statements, asked between them: its Stop::Interrupt worker is going
    // (the statement running then was stopped; the next would run to its end). False outside a
    // worker's job, so code shared with the command line may ask too.
    static bool stopRequested();

private:
    void post(std::function<void(QSqlDatabase &)> job, std::function<void()> deliver);

    QString m_source;
    QString m_name;
    std::shared_ptr<State> m_state;
    QThread m_thread;
    QObject *m_inThread = nullptr; // lives on m_thread: jobs are queued to it
    int m_pending = 0;
};

// Runs job on the worker's thread and connection and returns its answer, while this thread's event
// loop keeps turning: the window paints, its timers fire, the live page polls. The person's input
// waits until the answer is in, so nothing they do meanwhile races the job (a second Save, an edit
// of the rows being written). Without a worker the job runs here, on fallback. Empty when the
// worker went away before answering (the connection was lost): the job itself has then finished,
// as a worker waits for its job before it goes, but what it did is not known here.
template<class T>
std::optional<T> awaitOnWorker(DbWorker *worker, QSqlDatabase fallback, std::function<T(QSqlDatabase &db)> job)
{
    if (!worker)
        return job(fallback);
    std::optional<T> out;
    QEventLoop loop;
    QObject::connect(worker, &QObject::destroyed, &loop, &QEventLoop::quit);
    worker->run<T>(&loop, std::move(job), [&out, &loop](T r) {
        out = std::move(r);
        loop.quit();
    });
    if (!out)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return out;
}
