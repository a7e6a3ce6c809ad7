#include "GuardedDelegate.h"

#include <QMetaProperty>

void GuardedDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const QMetaProperty user = editor->metaObject()->userProperty();
    if (!user.isValid()) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    const QVariant value = user.read(editor);
    const bool changed = value != index.data(Qt::EditRole);
    if ((changed && m_check && !m_check(index, value)) || !model->setData(index, value, Qt::EditRole))
        emit const_cast<GuardedDelegate *>(this)->refused(index, value);
}
