#pragma once

#include <QStyledItemDelegate>

#include <functional>

// The grids' plain cell editor. An edit the model refuses (or the page's check declines, e.g. a
// duplicate level title) is reported with the typed value, so the page can reopen the editor with
// the text still in it instead of throwing it away.
class GuardedDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    // True: go ahead and write it to the model. Asked only when the value differs from the cell's.
    using Check = std::function<bool(const QModelIndex &index, const QVariant &value)>;

    using QStyledItemDelegate::QStyledItemDelegate;
    void setCheck(Check check) { m_check = std::move(check); }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

signals:
    void refused(const QModelIndex &index, const QVariant &value);

private:
    Check m_check;
};
