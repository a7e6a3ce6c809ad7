#pragma once

#include "CsvExportJob.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

// The line a page shows while it exports: which file, how many rows are written of how many, and
// a Cancel button (Esc anywhere in the page). The export runs on a thread of its own
// (CsvExportJob): the page stays usable meanwhile. Hidden when no export runs.
class ExportBar final : public QWidget {
    Q_OBJECT

public:
    // page: where Esc cancels (the page and everything in it).
    explicit ExportBar(QWidget *page);
    ~ExportBar() override;

    // expectedRows < 0: not known in advance (the bar then counts without an end).
    // False when an export is running already.
    bool start(CsvExportJob::Work work, const QString &path, qint64 expectedRows);
    bool isRunning() const;
    void cancel();
    // What to tell the person about a finished export.
    static QString describe(const CsvExporter::Result &result, const QString &path);

signals:
    void finished(const CsvExporter::Result &result, const QString &message);

private:
    void showProgress();

    std::unique_ptr<CsvExportJob> m_job;
    QString m_path;
    qint64 m_expected = -1;
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QAction *m_escape = nullptr;
    QTimer *m_poll = nullptr;
};
