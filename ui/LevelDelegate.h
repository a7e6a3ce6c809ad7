#pragma once

#include <QStyledItemDelegate>

// Edits a user's level with a combo box of the existing levels (a small table by nature).
class LevelDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    using Levels = QList<QPair<qint64, QString>>;
    LevelDelegate(std::function<Levels()> levels, QObject *parent = nullptr);
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    std::function<Levels()> m_levels;
};
