#include "connection/DbWorker.h"

#include "connection/Connector.h"
#include "connection/MySqlRelay.h"
#include "sql/QueryCursor.h"

#include <QCoreApplication>
#include <QSqlError>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#endif
#include <algorithm>

#include <atomic>
#include <mutex>

// Shared by the worker's thread and its owner: what the owner needs to stop a running job.
struct DbWorker::State {
    explicit State(bool canInterrupt)
        : interruptible(canInterrupt)
    {
    }
    const bool interruptible;
    std::atomic_bool stopping { false };
    std::atomic_bool dropQueued { false }; // discarded: no job runs any more
    // Whether a job runs now. Changed and read under the mutex: the owner interrupts only while
    // the connection is sure to be open (SQLite's handle is freed when the thread finishes).
    std::mutex mutex;
    bool running = false;
    bool targetRead = false; // on the worker's thread only
    QueryCursor::Target target; // the worker's connection, as the database knows it
};

namespace {
thread_local const DbWorker::State *t_running = nullptr; // the state of the job on this thread
} // namespace

bool DbWorker::stopRequested()
{
    return t_running && t_running->stopping.load();
}

DbWorker::DbWorker(const QString &sourceConnection, QObject *parent, Stop stop)
    : QObject(parent)
    , m_source(sourceConnection)
    , m_name(Connector::uniqueName(QStringLiteral("worker")))
    , m_state(std::make_shared<State>(stop == Stop::Interrupt))
{
    m_thread.setObjectName(QStringLiteral("db worker"));
    m_inThread = new QObject;
    m_inThread->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_inThread, [name = m_name, obj = m_inThread] {
        // On the worker's thread, as the connection's own thread must close it.
        if (QSqlDatabase::contains(name)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        delete obj;
    }, Qt::DirectConnection);
    m_thread.start();
#ifdef __linux__
    // The worker's scheduling weight a little below the window's thread (5 nicer than it; Linux
    // sets it per thread): on a machine with two cores, an in-process SQLite count and two other
    // reads would otherwise keep the window's thread waiting for a time slice when it wakes to
    // paint. The reads still get most of the processor; nothing starves. Only ever nicer: a
    // process started with nice keeps its workers behind its window.
    QMetaObject::invokeMethod(
        m_inThread,
        [] {
            const auto thread = id_t(syscall(SYS_gettid));
            errno = 0;
            const int now = getpriority(PRIO_PROCESS, thread);
            if (errno == 0)
                setpriority(PRIO_PROCESS, thread, std::min(now + 5, 19));
        },
        Qt::QueuedConnection);
#endif
}

DbWorker::~DbWorker()
{
    m_state->stopping = true;
    auto interruptIfRunning = [this] {
        std::lock_guard lock(m_state->mutex);
        // Over a link known to be lost a KILL would wait for the network; the job fails anyway.
        const auto relay = Connector::relayOf(m_source);
        if (m_state->running && (!relay || !relay->upstreamLost()))
            QueryCursor::interrupt(m_state->target, QSqlDatabase::database(m_source, false));
    };
    if (m_state->interruptible)
        interruptIfRunning();
    m_thread.quit();
    // A statement that reached the server just after the interrupt would run to its end: asked again.
    while (m_state->interruptible && !m_thread.wait(QDeadlineTimer(100)))
        interruptIfRunning();
    m_thread.wait();
}

void DbWorker::discard(std::unique_ptr<DbWorker> worker)
{
    if (!worker)
        return;
    DbWorker *w = worker.release();
    w->m_state->stopping = true;
    w->m_state->dropQueued = true;
    // Queued behind the running job; the deletion itself on the owner's thread, where w lives.
    QMetaObject::invokeMethod(
        w->m_inThread, [w] { QMetaObject::invokeMethod(w, [w] { delete w; }, Qt::QueuedConnection); },
        Qt::QueuedConnection);
}

void DbWorker::post(std::function<void(QSqlDatabase &)> job, std::function<void()> deliver)
{
    ++m_pending;
    QPointer<DbWorker> self(this);
    QMetaObject::invokeMethod(
        m_inThread,
        [self, state = m_state, source = m_source, name = m_name, job, deliver] {
            if ((state->interruptible && state->stopping) || state->dropQueued)
                return; // the owner is going: nobody waits for this any more
            if (!QSqlDatabase::contains(name))
                QSqlDatabase::cloneDatabase(source, name);
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (!db.isOpen()) {
                db.open(); // a failure shows in the job's own queries' errors
                state->targetRead = false;
            }
            if (state->interruptible && !state->targetRead && db.isOpen()) {
                state->targetRead = true;
                QueryCursor::identify(db, state->target);
            }
            {
                std::lock_guard lock(state->mutex);
                if (state->interruptible && state->stopping)
                    return; // it went while the connection opened
                state->running = true;
            }
            t_running = state.get();
            job(db);
            t_running = nullptr;
            {
                std::lock_guard lock(state->mutex);
                state->running = false;
            }
            // Back on the owner's thread; `self` is checked there, where it lives.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, deliver] {
                    if (!self)
                        return;
                    --self->m_pending;
                    deliver();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}
