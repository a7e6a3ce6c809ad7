#include "TableSummaryModel.h"

#include "connection/DbWorker.h"
#include "schema/RowEstimate.h"
#include "schema/SchemaInspector.h"
#include "schema/TrongateSchema.h"
#include "sql/SqlDialect.h"

#include <QSqlQuery>

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

namespace {
// The rows of every table marked, counted in one statement (one round trip however many tables);
// when the account may not read one of them, each on its own so that the others still show.
void countMarked(const QSqlDatabase &db, QList<TableSummaryModel::Row> &rows, const QList<int> &marked, bool *ok,
    QString *error)
{
    using Count = TableSummaryModel::Row::Count;
    if (marked.isEmpty())
        return;
    QStringList terms;
    for (int i : marked)
        terms << QStringLiteral("(SELECT COUNT(*) FROM %1)").arg(Sql::quoteIdentifier(db, rows.at(i).table));
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Sql::exec(q, QStringLiteral("SELECT ") + terms.join(QStringLiteral(", "))) && q.next()) {
        for (int n = 0; n < marked.size(); ++n) {
            rows[marked.at(n)].rows = q.value(n).toLongLong();
            rows[marked.at(n)].count = Count::Exact;
        }
        return;
    }
    const SchemaInspector inspector(db);
    for (int i : marked) {
        if (DbWorker::stopRequested()) {
            *ok = false;
            return;
        }
        rows[i].rows = inspector.rowCount(rows.at(i).table, error);
        rows[i].count = Count::Exact;
        *ok = *ok && rows.at(i).rows >= 0;
    }
}
} // namespace

QList<TableSummaryModel::Row> TableSummaryModel::read(
    const QSqlDatabase &db, bool *ok, QString *error, qint64 exactBelow)
{
    QList<Row> rows;
    *ok = true;
    const SchemaInspector::Catalog catalog = SchemaInspector(db).catalog(error);
    for (const QString &t : TrongateSchema::tableNames())
        rows << Row { t, true, catalog.present.contains(t), -1 };
    for (const QString &t : std::as_const(catalog.linked))
        rows << Row { t, false, true, -1 };
    QStringList tables;
    for (const Row &r : std::as_const(rows))
        if (r.present)
            tables << r.table;
    QHash<QString, RowEstimate> estimates;
    if (exactBelow > 0)
        estimates = catalog.estimatesFor(db, tables);
    QList<int> countNow;
    for (int i = 0; i < rows.size(); ++i) {
        Row &r = rows[i];
        if (!r.present)
            continue;
        const RowEstimate e = estimates.value(r.table);
        if (e.countNow(exactBelow)) {
            countNow << i;
        } else {
            r.rows = e.rows;
            r.count = e.kind == RowEstimate::Kind::Estimate ? Row::Count::About : Row::Count::Counting;
        }
    }
    countMarked(db, rows, countNow, ok, error);
    return rows;
}

QList<TableSummaryModel::Row> TableSummaryModel::countExactly(
    const QSqlDatabase &db, QList<Row> rows, bool *ok, QString *error)
{
    *ok = true;
    QList<int> marked;
    for (int i = 0; i < rows.size(); ++i)
        if (rows.at(i).present && rows.at(i).count != Row::Count::Exact)
            marked << i;
    countMarked(db, rows, marked, ok, error);
    return rows;
}

bool TableSummaryModel::allExact(const QList<Row> &rows)
{
    return std::all_of(rows.begin(), rows.end(), [](const Row &r) { return r.count == Row::Count::Exact; });
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
            switch (r.count) {
            case Row::Count::About:
                return tr("about %1").arg(QLocale().toString(RowEstimate::rounded(r.rows)));
            case Row::Count::Counting:
                return tr("counting…");
            case Row::Count::Exact:
                break;
            }
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
    case Qt::ToolTipRole:
        if (index.column() == RowsColumn && r.count == Row::Count::About)
            return tr("The database's own estimate until the exact count arrives.");
        if (index.column() == RowsColumn && r.count == Row::Count::Counting)
            return tr("Being counted; the number follows.");
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
