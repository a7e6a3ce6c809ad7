#include "ConflictDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

ConflictDialog::ConflictDialog(const QList<Prompter::ConflictRow> &rows, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("ConflictDialog"));
    setWindowTitle(tr("Changed by someone else"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("<p><b>Nothing was saved.</b> Since these rows were loaded, someone else (another "
                                "admin, or the Trongate application) changed or deleted them.</p>"
                                "<p>Compare the versions, then keep editing, overwrite with your values, or drop your "
                                "changes to these rows.</p>"),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *table = new QTableWidget(int(rows.size()), 5, this);
    table->setObjectName(QStringLiteral("conflictTable"));
    table->setHorizontalHeaderLabels(
        { tr("Row"), tr("Column"), tr("When loaded"), tr("Your edit"), tr("In the database now") });
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < rows.size(); ++i) {
        const Prompter::ConflictRow &r = rows.at(i);
        const QStringList cells { r.row, r.column, r.loaded, r.mine, r.current };
        for (int c = 0; c < cells.size(); ++c)
            table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table, 1);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *keep = buttons->addButton(tr("&Keep editing"), QDialogButtonBox::RejectRole);
    QPushButton *overwrite = buttons->addButton(tr("&Overwrite with mine"), QDialogButtonBox::AcceptRole);
    QPushButton *discard = buttons->addButton(tr("&Drop my changes to these rows"), QDialogButtonBox::DestructiveRole);
    keep->setDefault(true);
    connect(keep, &QPushButton::clicked, this, [this] {
        m_answer = Prompter::ConflictAnswer::KeepEditing;
        reject();
    });
    connect(overwrite, &QPushButton::clicked, this, [this] {
        m_answer = Prompter::ConflictAnswer::Overwrite;
        accept();
    });
    connect(discard, &QPushButton::clicked, this, [this] {
        m_answer = Prompter::ConflictAnswer::DiscardMine;
        accept();
    });
    layout->addWidget(buttons);
    resize(760, 360);
}
