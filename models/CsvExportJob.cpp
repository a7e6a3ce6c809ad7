#include "CsvExportJob.h"

#include <QThread>

CsvExportJob::CsvExportJob(Work work, QObject *parent)
    : QObject(parent)
{
    m_thread = QThread::create([shared = m_shared, work = std::move(work)] {
        shared->result = work([&shared = *shared](qint64 rows) {
            shared.rows.store(rows);
            return !shared.cancel.load();
        });
    });
    m_thread->setObjectName(QStringLiteral("csv export"));
    // QThread::finished is emitted on the export's thread; this runs on the job's own.
    connect(m_thread, &QThread::finished, this, [this] {
        m_running = false;
        emit finished(m_shared->result);
    });
}

CsvExportJob::~CsvExportJob()
{
    cancel();
    m_thread->wait();
    delete m_thread;
}

void CsvExportJob::start()
{
    if (m_running || m_thread->isFinished())
        return;
    m_running = true;
    m_thread->start();
}

void CsvExportJob::cancel()
{
    m_shared->cancel.store(true);
}
