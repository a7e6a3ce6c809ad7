#include "ConflictDialog.h"

#include "TokensModel.h"

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
    m_table = table;
    m_rows = rows;
    showValues(false);
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table, 1);
    auto *buttons = new QDialogButtonBox(this);
    const bool anySecret
        = std::any_of(rows.begin(), rows.end(), [](const Prompter::ConflictRow &r) { return r.secret; });
    if (anySecret) {
        // Tokens are masked as in the grid; the whole strings only on request.
        auto *reveal = buttons->addButton(tr("&Reveal tokens"), QDialogButtonBox::ActionRole);
        reveal->setObjectName(QStringLiteral("revealButton"));
        reveal->setCheckable(true);
        connect(reveal, &QPushButton::toggled, this, &ConflictDialog::showValues);
    }
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

void ConflictDialog::showValues(bool revealed)
{
    auto shown = [revealed](const Prompter::ConflictRow &r, const QString &value) {
        // "deleted by someone else", "(delete)": words of ours, never a token.
        return r.secret && !revealed && value != QLatin1String("NULL") ? TokensModel::mask(value) : value;
    };
    for (int i = 0; i < m_rows.size(); ++i) {
        const Prompter::ConflictRow &r = m_rows.at(i);
        const QStringList cells { r.row, r.column, shown(r, r.loaded), shown(r, r.mine), shown(r, r.current) };
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
}
