#include "QueryResultModel.h"

#include "connection/ClonedConnection.h"
#include "sql/QueryCursor.h"
#include "TokensModel.h"

#include <QColor>

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
    return cellText(m_rows.value(row).value(column), m_masked.contains(column));
}

QString QueryResultModel::cellText(const QVariant &value, bool masked)
{
    if (value.isNull())
        return {};
    const QString s = value.toString();
    return masked ? TokensModel::mask(s) : s;
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

QueryResultModel::ExportSource QueryResultModel::exportSource() const
{
    ExportSource source;
    source.headers = m_headers;
    source.masked = m_masked;
    source.complete = m_atEnd;
    if (m_atEnd)
        source.rows = m_rows; // shared, not copied, until this model changes
    return source;
}

bool QueryResultModel::exportRows(
    const ExportSource &source, const std::function<bool(const QStringList &cells)> &sink, QString *error)
{
    const int columns = int(source.headers.size());
    auto send = [&](const QList<QVariantList> &rows) {
        for (const QVariantList &row : rows) {
            QStringList cells;
            cells.reserve(columns);
            for (int c = 0; c < columns; ++c)
                cells << cellText(row.value(c), source.masked.contains(c));
            if (!sink(cells))
                return false;
        }
        return true;
    };
    if (source.complete) {
        send(source.rows);
        return true;
    }
    ClonedConnection connection(source.connection, QStringLiteral("export-query"));
    if (!connection.open(error))
        return false;
    auto target = std::make_shared<QueryCursor::Target>();
    QueryCursor cursor(connection.db(), target);
    constexpr int Page = 500;
    QueryCursor::Page page = cursor.open(source.statement, source.now, Page);
    while (true) {
        if (!page.error.isEmpty()) {
            if (error)
                *error = page.error;
            return false;
        }
        if (!send(page.rows)) {
            // Stopped early: the server stops the statement, rather than the driver reading
            // every remaining row when the cursor closes. That takes a second connection.
            if (cursor.isOpen() && !target->dialect().stopsStatementsInProcess()) {
                ClonedConnection canceller(source.connection, QStringLiteral("export-cancel"));
                if (canceller.open(nullptr))
                    QueryCursor::interrupt(*target, canceller.db());
            }
            return true;
        }
        if (page.atEnd)
            return true;
        page = cursor.next(Page);
    }
}
