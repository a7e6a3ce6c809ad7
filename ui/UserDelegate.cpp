#include "UserDelegate.h"

#include <QPersistentModelIndex>
#include <QTimer>

QWidget *UserDelegate::createEditor(QWidget *, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    // After the view has finished starting the edit: a modal dialog must not open inside it.
    const QPersistentModelIndex target(index);
    QTimer::singleShot(0, this, [this, target] {
        if (target.isValid())
            emit pickRequested(target);
    });
    return nullptr;
}
