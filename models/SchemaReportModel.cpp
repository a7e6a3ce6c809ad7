#include "SchemaReportModel.h"

#include <QGuiApplication>
#include <QPalette>

SchemaReportModel::SchemaReportModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SchemaReportModel::setReport(const SchemaReport &report)
{
    beginResetModel();
    m_report = report;
    m_rows = report.differences;
    std::stable_sort(m_rows.begin(), m_rows.end(),
        [](const SchemaDifference &a, const SchemaDifference &b) { return !a.isNote() && b.isNote(); });
    endResetModel();
}

int SchemaReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SchemaReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SchemaReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SchemaDifference &d = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TableColumn:
            return d.table;
        case ColumnColumn:
            return d.column.isEmpty() ? QStringLiteral("—") : d.column;
        case ProblemColumn:
            return d.kindText();
        case ExpectedColumn:
            return d.expected;
        case ActualColumn:
            return d.actual;
        }
    } else if (role == Qt::ToolTipRole) {
        return d.description();
    } else if (role == Qt::ForegroundRole && d.isNote()) {
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    }
    return {};
}

QVariant SchemaReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TableColumn:
        return tr("Table");
    case ColumnColumn:
        return tr("Column");
    case ProblemColumn:
        return tr("Difference");
    case ExpectedColumn:
        return tr("Trongate expects");
    case ActualColumn:
        return tr("Found");
    }
    return {};
}
