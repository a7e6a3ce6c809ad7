#pragma once

#include "CsvExporter.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

// One export on a thread of its own, so the window never waits for its rows. The work gets the
// progress callback to pass to CsvExporter::write: it counts the rows written (rowsWritten(), read
// by the window whenever it likes) and answers false once cancel() was called. finished() comes on
// the thread that made the job.
class CsvExportJob final : public QObject {
    Q_OBJECT

public:
    using Work = std::function<CsvExporter::Result(const CsvExporter::Progress &progress)>;

    explicit CsvExportJob(Work work, QObject *parent = nullptr);
    // A job still running is cancelled and waited for: at most the round trip it is in, and the
    // file it was writing is gone when this returns.
    ~CsvExportJob() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    bool isCancelling() const { return m_shared->cancel.load(); }
    qint64 rowsWritten() const { return m_shared->rows.load(); }

signals:
    void finished(const CsvExporter::Result &result);

private:
    struct Shared {
        std::atomic_bool cancel { false };
        std::atomic<qint64> rows { 0 };
        CsvExporter::Result result; // written by the thread before it finishes
    };
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
    QThread *m_thread = nullptr;
    bool m_running = false;
};
