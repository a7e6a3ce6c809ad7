#pragma once

#include <QAbstractItemModel>
#include <QMetaObject>

// Stands in for a QTableView without a window: reads each cell with the roles a
// QStyledItemDelegate reads to paint it, so a model's cost per painted cell is what is measured.
class RepaintProbe final {
public:
    // Listens to dataChanged and repaints the changed cells at once (a view repaints them on its
    // next paint event, one per timer tick in the live view: the same work, just later).
    explicit RepaintProbe(const QAbstractItemModel *model);
    ~RepaintProbe();
    RepaintProbe(const RepaintProbe &) = delete;
    RepaintProbe &operator=(const RepaintProbe &) = delete;

    qint64 cellsPainted() const { return m_cells; }

    // Reads rows first..last of columns firstColumn..lastColumn (-1: the last one), and the
    // vertical header of those rows. Returns the number of cells read.
    static int paint(
        const QAbstractItemModel *model, int firstRow, int lastRow, int firstColumn = 0, int lastColumn = -1);

private:
    const QAbstractItemModel *m_model;
    QMetaObject::Connection m_connection;
    qint64 m_cells = 0;
};
