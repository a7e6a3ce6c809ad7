#pragma once

#include <QDateTime>
#include <QStyledItemDelegate>

#include <functional>

// Edits a Unix timestamp as a local date and time, within what Trongate's int column can hold.
class DateTimeDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    // Asked before a changed date is written; false keeps the cell as it was.
    void setCheck(std::function<bool(const QDateTime &)> check) { m_check = std::move(check); }
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    std::function<bool(const QDateTime &)> m_check;
};
