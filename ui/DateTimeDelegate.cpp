#include "DateTimeDelegate.h"

#include <QDateTimeEdit>

QWidget *DateTimeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *e = new QDateTimeEdit(parent);
    e->setObjectName(QStringLiteral("expiryEditor"));
    e->setCalendarPopup(true);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    e->setTimeSpec(Qt::LocalTime);
    e->setMinimumDateTime(QDateTime::fromSecsSinceEpoch(0));
    e->setMaximumDateTime(QDateTime::fromSecsSinceEpoch(2147483647));
    return e;
}

void DateTimeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    static_cast<QDateTimeEdit *>(editor)->setDateTime(index.data(Qt::EditRole).toDateTime());
}

void DateTimeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const QDateTime when = static_cast<QDateTimeEdit *>(editor)->dateTime();
    if (m_check && when != index.data(Qt::EditRole).toDateTime() && !m_check(when))
        return;
    model->setData(index, when, Qt::EditRole);
}
