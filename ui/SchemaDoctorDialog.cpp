#include "SchemaDoctorDialog.h"

#include "connection/DbWorker.h"
#include "Prompter.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

SchemaDoctorDialog::SchemaDoctorDialog(const QSqlDatabase &db, DbWorker *worker,
    const QList<SchemaDoctor::Suggestion> &suggestions, Prompter &prompter, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_worker(worker)
    , m_prompter(prompter)
    , m_suggestions(suggestions)
{
    setObjectName(QStringLiteral("SchemaDoctorDialog"));
    setWindowTitle(tr("Schema doctor"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(m_suggestions.isEmpty()
            ? tr("Nothing to suggest: the Trongate tables have their indexes and no orphans.")
            : tr("Check what you want to apply. Nothing changes until you confirm the SQL."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_list = new QListWidget(split);
    m_list->setObjectName(QStringLiteral("suggestionList"));
    for (const SchemaDoctor::Suggestion &s : std::as_const(m_suggestions)) {
        auto *item = new QListWidgetItem(
            s.available ? s.title : tr("%1 (not possible: %2)").arg(s.title, s.unavailableReason), m_list);
        item->setData(Qt::UserRole, s.id);
        item->setFlags(s.available ? (Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable)
                                   : (Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        if (s.available)
            item->setCheckState(s.kind == SchemaDoctor::Suggestion::Kind::AddIndex ? Qt::Checked : Qt::Unchecked);
    }
    auto *details = new QWidget(split);
    auto *dl = new QVBoxLayout(details);
    dl->setContentsMargins(0, 0, 0, 0);
    m_explanation = new QLabel(details);
    m_explanation->setWordWrap(true);
    m_sql = new QPlainTextEdit(details);
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    dl->addWidget(m_explanation);
    dl->addWidget(m_sql, 1);
    layout->addWidget(split, 1);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_apply = m_buttons->addButton(tr("&Apply checked…"), QDialogButtonBox::ActionRole);
    m_apply->setEnabled(!m_suggestions.isEmpty());
    connect(m_apply, &QPushButton::clicked, this, &SchemaDoctorDialog::applyChecked);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_list, &QListWidget::currentRowChanged, this, &SchemaDoctorDialog::showDetails);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    resize(760, 560);
}

int SchemaDoctorDialog::suggestionCount() const
{
    return int(m_suggestions.size());
}

void SchemaDoctorDialog::setChecked(const QString &id, bool checked)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == id
            && (m_list->item(i)->flags() & Qt::ItemIsUserCheckable))
            m_list->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void SchemaDoctorDialog::showDetails()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_suggestions.size())
        return;
    const SchemaDoctor::Suggestion &s = m_suggestions.at(row);
    m_explanation->setText(s.explanation);
    m_sql->setPlainText(s.statements.join(QStringLiteral(";\n")) + QLatin1Char(';'));
}

int SchemaDoctorDialog::applyChecked()
{
    QList<const SchemaDoctor::Suggestion *> chosen;
    QStringList sql;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked) {
            chosen << &m_suggestions.at(i);
            sql += m_suggestions.at(i).statements;
        }
    if (chosen.isEmpty()) {
        m_result->setText(tr("Check at least one suggestion."));
        return 0;
    }
    if (!m_prompter.previewSql(this, tr("Schema doctor"),
            tr("<p>These statements change <b>%1</b>. Index and foreign key changes on MySQL/MariaDB "
               "are committed one by one; clean-ups run in a transaction.</p>")
                .arg(m_db.databaseName().toHtmlEscaped()),
            sql, tr("&Apply")))
        return 0;
    int done = 0;
    QStringList failures;
    // On the worker: an index on a table of a million rows takes a while, and the window paints on.
    m_buttons->setEnabled(false);
    m_list->setEnabled(false);
    for (const SchemaDoctor::Suggestion *s : chosen) {
        m_result->setText(tr("Applying \"%1\"… On a large table this can take minutes.").arg(s->title));
        struct Applied {
            bool ok = false;
            QString error;
        };
        const SchemaDoctor::Suggestion suggestion = *s;
        const std::optional<Applied> a = awaitOnWorker<Applied>(m_worker, m_db, [suggestion](QSqlDatabase &db) {
            Applied r;
            r.ok = SchemaDoctor::apply(db, suggestion, &r.error);
            return r;
        });
        if (a && a->ok) {
            ++done;
            m_changed = true;
            emit applied(s->id, s->statements);
        } else {
            failures << tr("%1: %2").arg(s->title,
                a ? a->error : tr("the connection was lost; check the table before applying it again"));
        }
    }
    m_buttons->setEnabled(true);
    m_list->setEnabled(true);
    m_result->setText(failures.isEmpty()
            ? tr("Applied %n suggestion(s).", nullptr, done)
            : tr("Applied %1, failed %2:\n%3").arg(done).arg(failures.size()).arg(failures.join(QLatin1Char('\n'))));
    return done;
}
