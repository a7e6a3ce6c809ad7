#include "ExportBar.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

#include <algorithm>
#include <climits>

ExportBar::ExportBar(QWidget *page)
    : QWidget(page)
{
    setObjectName(QStringLiteral("exportBar"));
    setVisible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("exportProgressLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("exportProgressBar"));
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(200);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelExportButton"));
    m_cancel->setToolTip(tr("Stop the export; the unfinished file is deleted (Esc)"));
    m_cancel->setAccessibleName(tr("Cancel the export"));
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    // Esc anywhere in the page while an export runs; disabled otherwise, so Esc keeps its other uses.
    m_escape = new QAction(this);
    m_escape->setObjectName(QStringLiteral("cancelExportAction"));
    m_escape->setShortcut(QKeySequence(Qt::Key_Escape));
    m_escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_escape->setEnabled(false);
    page->addAction(m_escape);
    connect(m_escape, &QAction::triggered, this, &ExportBar::cancel);
    connect(m_cancel, &QPushButton::clicked, this, &ExportBar::cancel);

    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &ExportBar::showProgress);
}

ExportBar::~ExportBar() = default;

bool ExportBar::isRunning() const
{
    return m_job && m_job->isRunning();
}

bool ExportBar::start(CsvExportJob::Work work, const QString &path, qint64 expectedRows)
{
    if (isRunning())
        return false;
    m_path = path;
    m_expected = expectedRows;
    m_job = std::make_unique<CsvExportJob>(std::move(work));
    connect(m_job.get(), &CsvExportJob::finished, this, [this](const CsvExporter::Result &result) {
        m_poll->stop();
        m_escape->setEnabled(false);
        setVisible(false);
        // The job goes after this signal has been handled, not inside it.
        if (CsvExportJob *done = m_job.release())
            done->deleteLater();
        emit finished(result, describe(result, m_path));
    });
    m_bar->setRange(0, expectedRows > 0 ? int(std::min<qint64>(expectedRows, INT_MAX)) : 0);
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
    m_escape->setEnabled(true);
    showProgress();
    setVisible(true);
    m_job->start();
    m_poll->start();
    return true;
}

void ExportBar::cancel()
{
    if (!isRunning() || m_job->isCancelling())
        return;
    m_job->cancel();
    m_cancel->setEnabled(false);
    showProgress();
}

void ExportBar::showProgress()
{
    if (!m_job)
        return;
    const qint64 written = m_job->rowsWritten();
    const QString file = QFileInfo(m_path).fileName();
    const QLocale locale;
    if (m_job->isCancelling())
        m_label->setText(tr("Cancelling the export to %1…").arg(file));
    else if (m_expected >= 0)
        m_label->setText(tr("Exporting to %1: %2 of %Ln row(s)…", nullptr, int(std::min<qint64>(m_expected, INT_MAX)))
                             .arg(file, locale.toString(written)));
    else
        m_label->setText(tr("Exporting to %1: %Ln row(s) so far…", nullptr, int(std::min<qint64>(written, INT_MAX)))
                             .arg(file));
    if (m_expected > 0)
        m_bar->setValue(int(std::min<qint64>(written, m_bar->maximum())));
}

QString ExportBar::describe(const CsvExporter::Result &r, const QString &path)
{
    const int rows = int(std::min<qint64>(r.rows, INT_MAX));
    if (r.ok)
        return tr("Exported %Ln row(s) to %1.", nullptr, rows).arg(path);
    const QString leftOver = r.replaced ? tr("%1 was left as it was.").arg(path)
                                        : tr("The unfinished file was deleted: nothing was saved as %1.").arg(path);
    if (r.cancelled)
        return tr("Export cancelled after %Ln row(s).", nullptr, rows) + QLatin1Char(' ') + leftOver;
    if (!r.started)
        return r.error;
    return tr("The export failed after %Ln row(s): %1", nullptr, rows).arg(r.error) + QLatin1Char(' ') + leftOver;
}
