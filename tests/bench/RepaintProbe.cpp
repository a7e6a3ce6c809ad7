#include "RepaintProbe.h"

namespace {
// QStyledItemDelegate::initStyleOption() asks for these for every cell it paints.
constexpr int PaintRoles[] = { Qt::FontRole, Qt::TextAlignmentRole, Qt::ForegroundRole, Qt::CheckStateRole,
    Qt::DecorationRole, Qt::DisplayRole, Qt::BackgroundRole };
} // namespace

RepaintProbe::RepaintProbe(const QAbstractItemModel *model)
    : m_model(model)
{
    m_connection = QObject::connect(
        model, &QAbstractItemModel::dataChanged, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            m_cells += paint(m_model, topLeft.row(), bottomRight.row(), topLeft.column(), bottomRight.column());
        });
}

RepaintProbe::~RepaintProbe()
{
    QObject::disconnect(m_connection);
}

int RepaintProbe::paint(const QAbstractItemModel *model, int firstRow, int lastRow, int firstColumn, int lastColumn)
{
    if (lastColumn < 0)
        lastColumn = model->columnCount() - 1;
    lastRow = std::min(lastRow, model->rowCount() - 1);
    int cells = 0;
    for (int row = firstRow; row <= lastRow; ++row) {
        model->headerData(row, Qt::Vertical, Qt::DisplayRole);
        for (int column = firstColumn; column <= lastColumn; ++column) {
            const QModelIndex index = model->index(row, column);
            for (int role : PaintRoles)
                model->data(index, role);
            ++cells;
        }
    }
    return cells;
}
