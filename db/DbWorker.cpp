#include "DbWorker.h"

#include "Connector.h"

#include <QCoreApplication>
#include <QSqlError>

DbWorker::DbWorker(const QString &sourceConnection, QObject *parent)
    : QObject(parent)
    , m_source(sourceConnection)
    , m_name(Connector::uniqueName(QStringLiteral("worker")))
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
}

DbWorker::~DbWorker()
{
    m_thread.quit();
    m_thread.wait();
}

void DbWorker::post(std::function<void(QSqlDatabase &)> job, std::function<void()> deliver)
{
    ++m_pending;
    QPointer<DbWorker> self(this);
    QMetaObject::invokeMethod(
        m_inThread,
        [self, source = m_source, name = m_name, job, deliver] {
            if (!QSqlDatabase::contains(name))
                QSqlDatabase::cloneDatabase(source, name);
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (!db.isOpen())
                db.open(); // a failure shows in the job's own queries' errors
            job(db);
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
