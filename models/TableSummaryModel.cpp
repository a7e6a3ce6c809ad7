#include "TableSummaryModel.h"

#include "SchemaInspector.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

TableSummaryModel::TableSummaryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

bool TableSummaryModel::refresh(const QSqlDatabase &db, QString *error)
{
    bool ok = true;
    setRows(read(db, &ok, error));
    return ok;
}

QList<TableSummaryModel::Row> TableSummaryModel::read(const QSqlDatabase &db, bool *ok, QString *error)
{
    const SchemaInspector inspector(db);
    QList<Row> rows;
    const QStringList present = inspector.presentTrongateTables();
    *ok = true;
    for (const QString &t : TrongateSchema::tableNames()) {
        Row r { t, true, present.contains(t), -1 };
        if (r.present) {
            r.rows = inspector.rowCount(t, error);
            *ok = *ok && r.rows >= 0;
        }
        rows << r;
    }
    const QStringList linked = inspector.linkedApplicationTables(error);
    for (const QString &t : linked) {
        Row r { t, false, true, inspector.rowCount(t, error) };
        *ok = *ok && r.rows >= 0;
        rows << r;
    }
    return rows;
}

void TableSummaryModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void TableSummaryModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int TableSummaryModel::missingTrongateTables() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return r.trongate && !r.present; }));
}

int TableSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TableSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return r.table;
        case RoleColumn:
            if (!r.trongate)
                return tr("application table, linked by trongate_user_id");
            if (r.table == TrongateSchema::Levels)
                return tr("Trongate: user levels (roles)");
            if (r.table == TrongateSchema::Users)
                return tr("Trongate: users");
            return tr("Trongate: tokens");
        case RowsColumn:
            if (!r.present)
                return tr("missing");
            return r.rows < 0 ? tr("unreadable") : QLocale().toString(r.rows);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == RowsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (!r.present)
            return QGuiApplication::palette().brush(QPalette::Active, QPalette::Link);
        break;
    case Qt::FontRole:
        break;
    }
    return {};
}

QVariant TableSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Table");
    case RoleColumn:
        return tr("Role");
    case RowsColumn:
        return tr("Rows");
    }
    return {};
}
