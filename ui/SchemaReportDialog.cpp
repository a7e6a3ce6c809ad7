#include "SchemaReportDialog.h"

#include "SchemaReportModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

SchemaReportDialog::SchemaReportDialog(const QString &databaseName, const SchemaReport &report, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("SchemaReportDialog"));
    setWindowTitle(tr("Schema check"));
    auto *layout = new QVBoxLayout(this);
    const int problems = report.problemCount();
    if (report.readFailed)
        m_summary = report.error;
    else if (problems == 0)
        m_summary = tr("The Trongate tables in %1 match Trongate's definitions.").arg(databaseName);
    else
        m_summary = tr("Differences from Trongate's definitions in %1: %2. Nothing was changed.")
                        .arg(databaseName)
                        .arg(problems);
    auto *summary = new QLabel(m_summary, this);
    summary->setObjectName(QStringLiteral("summaryLabel"));
    summary->setWordWrap(true);
    QFont f = summary->font();
    f.setBold(true);
    summary->setFont(f);
    layout->addWidget(summary);

    m_model = new SchemaReportModel(this);
    m_model->setReport(report);
    auto *view = new QTableView(this);
    view->setObjectName(QStringLiteral("reportView"));
    view->setModel(m_model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->resizeColumnsToContents();
    view->setVisible(m_model->rowCount() > 0);
    layout->addWidget(view, 1);
    if (m_model->rowCount() == 0)
        layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, m_model->rowCount() > 0 ? 420 : 160);
}

QString SchemaReportDialog::summaryText() const
{
    return m_summary;
}
