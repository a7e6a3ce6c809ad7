#include "ActivityPage.h"

#include "ActivityText.h"
#include "audit/AuditLog.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

ActivityPage::ActivityPage(AuditLog &log, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
{
    setObjectName(QStringLiteral("ActivityPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setAccessibleName(tr("Filter the activity log"));
    m_filter->setPlaceholderText(tr("Filter: action, connection, row id, user… or paste a token to find it"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("activityTable"));
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Action"), tr("Rows"), tr("Row ids"), tr("Tokens (fingerprints)"),
                                        tr("Connection"), tr("OS user")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_path = new QLabel(this);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long path (a deep home directory, longer German words) must not widen the window: the
    // label gives way, and its tooltip holds the whole text.
    m_path->setMinimumWidth(1);
    m_path->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_path);
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &ActivityPage::refresh);
}

void ActivityPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void ActivityPage::setFilter(const QString &text)
{
    m_filter->setText(text);
    refresh();
}

void ActivityPage::refresh()
{
    QString error;
    const QList<AuditEntry> entries = m_log.last(1000, m_filter->text().trimmed(), &error);
    m_table->setRowCount(int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        const AuditEntry &e = entries.at(i);
        QStringList ids;
        for (qint64 id : e.ids)
            ids << QString::number(id);
        const QStringList cells = {e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                   e.detail.isEmpty() ? ActivityText::action(e.action)
                                                      : tr("%1 (%2)", "activity: action (detail)")
                                                            .arg(ActivityText::action(e.action), ActivityText::detail(e.detail)),
                                   QString::number(e.count),
                                   ids.join(QStringLiteral(", ")) + (e.isTruncated() ? QStringLiteral(" …") : QString()),
                                   e.tokens.join(QStringLiteral(", ")),
                                   e.connection,
                                   e.osUser};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
    m_path->setText(error.isEmpty() ? tr("Activity log: %1").arg(QDir::toNativeSeparators(m_log.path())) : error);
    m_path->setToolTip(m_path->text());
}

int ActivityPage::rowCount() const
{
    return m_table->rowCount();
}

QString ActivityPage::cellText(int row, int column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text() : QString();
}
