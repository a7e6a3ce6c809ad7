#include "QueryResultModel.h"

#include "CsvExporter.h"
#include "TokensModel.h"

#include <QColor>
#include <QSaveFile>

QueryResultModel::QueryResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void QueryResultModel::reset(const QStringList &headers, const QSet<int> &maskedColumns)
{
    beginResetModel();
    m_headers = headers;
    m_masked = maskedColumns;
    m_rows.clear();
    m_atEnd = false;
    m_asked = false;
    endResetModel();
}

void QueryResultModel::append(const QList<QVariantList> &rows, bool atEnd)
{
    m_atEnd = atEnd;
    m_asked = false;
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows += rows;
    endInsertRows();
}

void QueryResultModel::clear()
{
    reset({}, {});
    m_atEnd = true;
}

int QueryResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueryResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QString QueryResultModel::text(int row, int column) const
{
    const QVariant v = m_rows.value(row).value(column);
    if (v.isNull())
        return {};
    const QString s = v.toString();
    return m_masked.contains(column) ? TokensModel::mask(s) : s;
}

QVariant QueryResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_headers.size())
        return {};
    const QVariant v = m_rows.at(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return v.isNull() ? QStringLiteral("NULL") : text(index.row(), index.column());
    case Qt::ForegroundRole:
        return v.isNull() ? QVariant(QColor(0x90, 0x90, 0x90)) : QVariant();
    case Qt::ToolTipRole:
        return m_masked.contains(index.column())
            ? tr("Masked as on the tokens page. Open the token there to reveal or copy it.")
            : QVariant();
    case Qt::TextAlignmentRole: {
        const int type = v.typeId();
        const bool number = type == QMetaType::Int || type == QMetaType::LongLong || type == QMetaType::Double
            || type == QMetaType::UInt || type == QMetaType::ULongLong;
        return number ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    default:
        return {};
    }
}

QVariant QueryResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return m_headers.value(section);
}

QSet<int> QueryResultModel::tokenColumns(const QueryBuilder::Query &q)
{
    QSet<int> out;
    for (int i = 0; i < q.columns.size(); ++i) {
        const QueryBuilder::ColumnPick &c = q.columns.at(i);
        if (c.table == QLatin1String("trongate_tokens") && c.column == QLatin1String("token")
            && c.aggregate != QueryBuilder::Aggregate::Count)
            out.insert(i);
    }
    return out;
}

bool QueryResultModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_headers.isEmpty() && !m_asked;
}

void QueryResultModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_asked = true;
    emit moreWanted();
}

bool QueryResultModel::writeCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QStringList cells;
    for (const QString &h : m_headers)
        cells << CsvExporter::escape(h);
    file.write(cells.join(QLatin1Char(',')).toUtf8() + "\r\n");
    for (int r = 0; r < m_rows.size(); ++r) {
        cells.clear();
        for (int c = 0; c < m_headers.size(); ++c)
            cells << CsvExporter::escape(text(r, c));
        file.write(cells.join(QLatin1Char(',')).toUtf8() + "\r\n");
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}
