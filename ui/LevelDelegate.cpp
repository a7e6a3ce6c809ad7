#include "LevelDelegate.h"

#include <QComboBox>

LevelDelegate::LevelDelegate(std::function<Levels()> levels, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_levels(std::move(levels))
{
}

QWidget *LevelDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("levelEditor"));
    for (const auto &[id, title] : m_levels())
        combo->addItem(QStringLiteral("%1 (%2)").arg(title).arg(id), id);
    return combo;
}

void LevelDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole).toLongLong())));
}

void LevelDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
}
