#pragma once

#include <QStyledItemDelegate>

// The user of a token is picked with a searchable dialog, not a combo box of every user:
// editing the cell asks the page to open its picker.
class UserDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

signals:
    void pickRequested(const QModelIndex &index) const;
};
