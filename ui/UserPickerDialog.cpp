#include "UserPickerDialog.h"

#include "connection/DbWorker.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

UserPickerDialog::UserPickerDialog(const QSqlDatabase &db, DbWorker *worker, QWidget *parent)
    : QDialog(parent)
    , m_search(db)
    , m_worker(worker)
{
    setObjectName(QStringLiteral("UserPickerDialog"));
    setWindowTitle(tr("Choose a user"));
    auto *layout = new QVBoxLayout(this);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("searchEdit"));
    m_edit->setPlaceholderText(tr("id, start of the code, username or e-mail"));
    m_edit->setClearButtonEnabled(true);
    layout->addWidget(m_edit);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("resultList"));
    layout->addWidget(m_list, 1);
    m_status = new QLabel(this);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Choose"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this] { search(m_edit->text()); });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (m_list->count() > 0 && !m_list->currentItem())
            m_list->setCurrentRow(0);
    });
    resize(640, 420);
    search(QString());
}

void UserPickerDialog::search(const QString &text)
{
    const quint64 generation = ++m_generation;
    if (!m_worker) {
        QString error;
        const QList<UserSearch::Hit> hits = m_search.find(text, 50, &error);
        showHits(hits, error);
        return;
    }
    struct Found {
        QList<UserSearch::Hit> hits;
        QString error;
    };
    m_searching = true;
    m_status->setText(tr("Searching…"));
    const UserSearch *search = &m_search; // lives as long as the dialog; the worker's answer is dropped after it
    m_worker->run<Found>(
        this,
        [search, text](QSqlDatabase &db) {
            Found f;
            f.hits = search->find(text, 50, &f.error, db);
            return f;
        },
        [this, generation](Found f) {
            if (generation != m_generation)
                return; // a newer search is on its way
            m_searching = false;
            showHits(f.hits, f.error);
        });
}

void UserPickerDialog::showHits(const QList<UserSearch::Hit> &hits, const QString &error)
{
    m_list->clear();
    for (const UserSearch::Hit &h : hits) {
        auto *item = new QListWidgetItem(h.text(), m_list);
        item->setData(Qt::UserRole, h.id);
    }
    if (!error.isEmpty())
        m_status->setText(error);
    else if (hits.size() == 50)
        m_status->setText(tr("The first 50 matches; type more to narrow them down."));
    else
        m_status->setText(tr("%n match(es).", nullptr, int(hits.size())));
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

int UserPickerDialog::resultCount() const
{
    return m_list->count();
}

qint64 UserPickerDialog::selectedUserId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}
