#include "GridModel.h"

#include <utility>

#include "connection/ClonedConnection.h"
#include "sql/Dialect.h"
#include "sql/QueryCursor.h"
#include "connection/DbWorker.h"
#include "sql/SqlDialect.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {
// Asked of an export's stream connection after its last row.
const QString StillThere = QStringLiteral("SELECT 1");
// Rows looked up together by an export. Each batch costs enrich()'s round trips (a few), so on a
// server a larger one goes faster over a slow link (its IN lists stay far below MySQL's and
// PostgreSQL's 65,535 bound values); SQLite has no link, and before 3.32 allowed 999 values.
constexpr int ServerExportBatch = 2000;
constexpr int SqliteExportBatch = 500;
} // namespace

GridModel::GridModel(QSqlDatabase db, Clock clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(std::move(db))
    , m_clock(std::move(clock))
{
}

const QList<GridModel::ColumnSpec> &GridModel::specs() const
{
    if (m_specs.isEmpty())
        m_specs = columnSpecs();
    return m_specs;
}

QString GridModel::placeholders(int n)
{
    return Sql::placeholders(n);
}

QString GridModel::quote(const QString &identifier) const
{
    return Sql::quoteIdentifier(m_db, identifier);
}

QString GridModel::convertEdit(int, const QVariant &input, qint64, QVariant *stored) const
{
    *stored = input;
    return {};
}

QStringList GridModel::extraFilterClauses(const QSqlDatabase &, const QString &, int, QVariantList *) const
{
    return {};
}

bool GridModel::isFilterable(int column) const
{
    return column >= 0 && column < specs().size() && specs().at(column).search != ColumnSpec::Search::None;
}

QStringList GridModel::filterChoices(int) const
{
    return {};
}

void GridModel::enrich(const QSqlDatabase &, QList<Row> &) const { }

void GridModel::enrichLater(const QSqlDatabase &, QList<Row> &) const { }

void GridModel::prepareSave(ChangeSet &) const { }

QString GridModel::validateRow(const QVariantList &) const
{
    return {};
}

void GridModel::setCondition(const QString &sql)
{
    if (sql == m_condition)
        return;
    m_condition = sql;
    refresh();
}

GridModel::Query GridModel::query() const
{
    specs(); // the column specs are made here, on the model's thread, before any worker reads them
    Query q;
    q.filterText = m_filterText;
    q.filterColumn = m_filterColumn;
    q.condition = m_condition;
    q.sortColumn = m_sortColumn;
    q.sortOrder = m_sortOrder;
    q.where = m_where;
    q.whereValues = m_whereValues;
    q.count = m_countCertainty == Certainty::Exact ? m_count : -1; // unknown: pages are read forward
    q.laterApart = m_async && hasLaterLookups();
    return q;
}

QString GridModel::whereClause(const QSqlDatabase &db, const Query &query, QVariantList *values) const
{
    const QString text = query.filterText.trimmed();
    const QString fixed
        = query.condition.isEmpty() ? QString() : QStringLiteral(" WHERE (") + query.condition + QLatin1Char(')');
    if (text.isEmpty())
        return fixed;
    const QString like = Sql::likeOperator(db);
    bool isNumber = false;
    const qlonglong number = text.toLongLong(&isNumber);
    QStringList ors;
    for (int c = 0; c < specs().size(); ++c) {
        const ColumnSpec &s = specs().at(c);
        if (query.filterColumn >= 0 && c != query.filterColumn)
            continue;
        if (s.baseColumn.isEmpty())
            continue;
        if (s.search == ColumnSpec::Search::Text) {
            ors << quote(s.baseColumn) + like;
            values->append(Sql::likeContains(text));
        } else if (s.search == ColumnSpec::Search::Number && isNumber) {
            ors << quote(s.baseColumn) + QStringLiteral(" = ?");
            values->append(number);
        }
    }
    ors += extraFilterClauses(db, text, query.filterColumn, values);
    if (query.filterColumn < 0 && isNumber) {
        ors << quote(QStringLiteral("id")) + QStringLiteral(" = ?");
        values->append(number);
    }
    if (ors.isEmpty())
        return QStringLiteral(" WHERE 1 = 0");
    const QString textClause = QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    return fixed.isEmpty() ? QStringLiteral(" WHERE ") + textClause : fixed + QStringLiteral(" AND ") + textClause;
}

QString GridModel::selectSql(const Query &query, bool reversed, const QStringList &extraColumns, const QString &from) const
{
    QStringList cols { quote(QStringLiteral("id")) };
    for (const QString &c : baseColumns())
        cols << quote(c);
    // Named apart: PostgreSQL names a subquery's column after what it selects ("id", say), and
    // ORDER BY "id" would then be ambiguous.
    for (int i = 0; i < extraColumns.size(); ++i)
        cols << QStringLiteral("%1 AS tg_along_%2").arg(extraColumns.at(i)).arg(i);
    return QStringLiteral("SELECT %1 FROM %2%3%4")
        .arg(cols.join(QStringLiteral(", ")), from.isEmpty() ? quote(tableName()) : from, query.where,
            orderSql(query, reversed));
}

QString GridModel::orderSql(const Query &query, bool reversed) const
{
    const bool ascending = (query.sortOrder == Qt::AscendingOrder) != reversed;
    const QString dir = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    const QString sortCol = specs().value(query.sortColumn).sortColumn.isEmpty()
        ? QStringLiteral("id")
        : specs().at(query.sortColumn).sortColumn;
    // The id breaks ties, so pages never overlap or skip rows with equal sort values.
    QString order = QStringLiteral(" ORDER BY ") + quote(sortCol) + dir;
    if (sortCol != QLatin1String("id"))
        order += QStringLiteral(", ") + quote(QStringLiteral("id")) + dir;
    return order;
}

GridModel::Counted GridModel::readCounts(const QSqlDatabase &db, Query q, bool withFirstPage) const
{
    Counted c;
    const QString table = quote(tableName());
    QSqlQuery all(db);
    all.setForwardOnly(true);
    if (!Sql::exec(all, QStringLiteral("SELECT COUNT(*) FROM ") + table) || !all.next()) {
        c.error = ChangeWriter::explain(db, all.lastError());
        return c;
    }
    c.total = all.value(0).toLongLong();
    c.where = whereClause(db, q, &c.whereValues);
    if (c.where.isEmpty()) {
        c.count = c.total;
    } else {
        QSqlQuery f(db);
        f.setForwardOnly(true);
        if (!Sql::exec(f, QStringLiteral("SELECT COUNT(*) FROM ") + table + c.where, c.whereValues) || !f.next()) {
            c.error = ChangeWriter::explain(db, f.lastError());
            return c;
        }
        c.count = f.value(0).toLongLong();
    }
    c.ok = true;
    if (withFirstPage && c.count > 0) {
        q.where = c.where;
        q.whereValues = c.whereValues;
        q.count = c.count;
        const PageRead first = readPage(db, q, 0);
        if (first.ok)
            c.firstPage = first.rows;
    }
    return c;
}

GridModel::Counted GridModel::readFirstScreen(
    const QSqlDatabase &db, Query q, RowEstimate known, qint64 exactBelow) const
{
    // The first page first: when it is not full it is the count, and a small table needs no more.
    Counted c;
    c.where = whereClause(db, q, &c.whereValues);
    q.where = c.where;
    q.whereValues = c.whereValues;
    q.count = -1;
    // A table known to be small is counted by the page's own statement: far from the server, a
    // round trip less before the first screen.
    const bool countAlong = known.known() && known.countNow(exactBelow);
    const PageRead first = readPage(db, q, 0, countAlong);
    if (!first.ok) {
        c.error = first.error;
        return c;
    }
    c.firstPage = first.rows;
    const qint64 read = first.rows.size();
    const bool complete = read < PageSize; // every matching row is on the first page
    if (first.total >= 0) {
        c.total = first.total;
        c.count = c.where.isEmpty() ? first.total : first.count;
        c.ok = true;
        return c;
    }
    const QString table = quote(tableName());
    auto countRows = [&db, &c, &table](const QString &where, const QVariantList &values, qint64 *rows) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!Sql::exec(q, QStringLiteral("SELECT COUNT(*) FROM ") + table + where, values) || !q.next()) {
            c.error = ChangeWriter::explain(db, q.lastError());
            return false;
        }
        *rows = q.value(0).toLongLong();
        return true;
    };
    if (complete && c.where.isEmpty()) {
        c.total = c.count = read;
    } else {
        if (!known.known() && exactBelow > 0)
            known = RowEstimate::read(db, tableName());
        if (known.countNow(exactBelow)) {
            // A small table: counted now, in the same read.
            if (!countRows({}, {}, &c.total))
                return c;
            if (c.where.isEmpty())
                c.count = c.total;
            else if (complete)
                c.count = read;
            else if (!countRows(c.where, c.whereValues, &c.count))
                return c;
        } else {
            // A big one: counted later (countNext). Until then the grid is as long as the estimate
            // says, or, filtered, as the first page (the filter may match any number of rows).
            c.total = known.rows;
            c.totalCertainty
                = known.kind == RowEstimate::Kind::Estimate ? Certainty::Estimated : Certainty::Unknown;
            if (complete) {
                c.count = read;
            } else if (c.where.isEmpty()) {
                c.total = std::max(c.total, read);
                c.count = c.total;
                c.countCertainty = c.totalCertainty;
            } else {
                c.count = read;
                c.countCertainty = Certainty::Unknown;
            }
        }
    }
    c.ok = true;
    return c;
}

GridModel::Seek GridModel::seekFor(int page) const
{
    Seek seek;
    if (!m_keysetPaging)
        return seek;
    const QString sortCol = specs().value(m_sortColumn).sortColumn;
    const int at = sortCol.isEmpty() || sortCol == QLatin1String("id") ? -1 : int(baseColumns().indexOf(sortCol));
    if (at < 0 && !sortCol.isEmpty() && sortCol != QLatin1String("id"))
        return seek; // sorted by something the rows do not hold
    const auto key = [&](const Row &r) {
        seek.valid = true;
        seek.id = r.id;
        seek.value = at < 0 ? QVariant(r.id) : r.values.value(at);
    };
    if (const auto anchor = m_cache.anchorFor(page)) {
        key(*anchor.row);
        seek.fromNext = anchor.fromNext;
    }
    return seek;
}

GridModel::PageRead GridModel::readPage(
    const QSqlDatabase &db, const Query &q, int page, bool withCounts, const Seek *from) const
{
    const Seek seek = from ? *from : Seek {};
    // A page nearer the end is read from the end, in the reversed order: the database then skips
    // the rows after it rather than the rows before it, so the last page of a million costs what
    // the first does (an OFFSET walks every row it skips). A page beside a held one is read from
    // that page's last (or first) row instead, with no OFFSET at all.
    PageRead out;
    const qint64 start = qint64(page) * PageSize;
    const qint64 after = q.count - start - PageSize; // rows that follow this page
    const bool reversed = seek.valid ? seek.fromNext : q.count >= 0 && after < start; // count unknown: from the start
    Query sought = q;
    if (seek.valid) {
        const QString sortCol = specs().value(q.sortColumn).sortColumn;
        const QString keyColumn = sortCol.isEmpty() || sortCol == QLatin1String("id") ? QString() : quote(sortCol);
        const bool ascending = (q.sortOrder == Qt::AscendingOrder) != reversed;
        const QString cond = Dialect::of(db).rowsAfter(keyColumn, ascending, seek.value, seek.id, &sought.whereValues);
        sought.where = q.where.isEmpty() ? QStringLiteral(" WHERE ") + cond : q.where + QStringLiteral(" AND ") + cond;
        ++m_keysetReads;
    } else {
        ++m_offsetReads;
    }
    QVariantList values;
    const QStringList along = alongColumns(db);
    QStringList counts;
    if (withCounts) {
        // Uncorrelated: each counted once for the statement, not per row.
        counts << QStringLiteral("(SELECT COUNT(*) FROM %1)").arg(quote(tableName()));
        if (!q.where.isEmpty()) {
            counts << QStringLiteral("(SELECT COUNT(*) FROM %1%2)").arg(quote(tableName()), q.where);
            values += q.whereValues;
        }
    }
    values += sought.whereValues;
    QString sql;
    if (seek.valid) {
        sql = selectSql(sought, reversed, along + counts) + QStringLiteral(" LIMIT ?");
        values << PageSize;
    } else {
        const qint64 limit = reversed ? qint64(PageSize) + std::min<qint64>(0, after) : PageSize;
        const qint64 offset = reversed ? std::max<qint64>(0, after) : start;
        if (offset > 0) {
            // A jump: the page's ids first, then its rows (Dialect::rowsAtPlace).
            Query place = sought;
            place.where.clear(); // in the ids' statement
            sql = selectSql(place, reversed, along + counts,
                Dialect::of(db).rowsAtPlace(quote(tableName()), q.where, orderSql(q, reversed)));
        } else {
            sql = selectSql(sought, reversed, along + counts) + QStringLiteral(" LIMIT ? OFFSET ?");
        }
        values << limit << offset;
    }
    QSqlQuery r(db);
    r.setForwardOnly(true);
    if (!Sql::exec(r, sql, values)) {
        out.error = ChangeWriter::explain(db, r.lastError());
        return out;
    }
    out.rows.reserve(PageSize);
    const int n = int(baseColumns().size());
    while (r.next()) {
        Row row;
        row.id = r.value(0).toLongLong();
        row.values.reserve(n);
        for (int i = 1; i <= n; ++i)
            row.values << r.value(i);
        if (!along.isEmpty()) {
            QVariantList alongValues;
            for (int i = 0; i < along.size(); ++i)
                alongValues << r.value(n + 1 + i);
            takeAlong(row, alongValues);
        }
        out.rows << row;
        if (withCounts) {
            const int at = n + 1 + int(along.size());
            out.total = r.value(at).toLongLong();
            out.count = q.where.isEmpty() ? out.total : r.value(at + 1).toLongLong();
        }
    }
    if (seek.valid && seek.fromNext && out.rows.size() < PageSize) {
        // Fewer rows before the page below than the page holds: rows above were deleted since the
        // grid was counted. Read by place instead, or the rows would sit at the page's top with
        // a gap of "…" above the row they come before.
        r.finish();
        --m_keysetReads;
        return readPage(db, q, page, withCounts, nullptr);
    }
    if (reversed)
        std::reverse(out.rows.begin(), out.rows.end());
    enrich(db, out.rows); // what the statement could not read along (models skip what it did)
    if (!q.laterApart)
        enrichLater(db, out.rows);
    out.ok = true;
    return out;
}

void GridModel::storePage(int page, const QList<Row> &rows) const
{
    m_cache.keepPage(page, rows, RowCache<Row>::Held::Replace);
}

void GridModel::applyCounts(const Counted &c)
{
    m_lastError = c.error;
    m_total = c.ok ? c.total : 0;
    m_count = c.ok ? c.count : 0;
    m_totalCertainty = c.ok ? c.totalCertainty : Certainty::Exact;
    m_countCertainty = c.ok ? c.countCertainty : Certainty::Exact;
    m_where = c.where;
    m_whereValues = c.whereValues;
    m_counted = true;
}

void GridModel::countNext()
{
    const bool filtered = !m_where.isEmpty() && m_countCertainty != Certainty::Exact;
    DbWorker *worker = m_countWorker ? m_countWorker.data() : m_worker.data();
    if ((!filtered && m_totalCertainty == Certainty::Exact) || !worker) {
        m_countPending = false;
        return;
    }
    // Built here, on the model's thread: the job reads nothing of the model, so it needs no lock
    // and runs beside the page reads of the other worker.
    QString sql = QStringLiteral("SELECT COUNT(*) FROM ") + quote(tableName());
    QVariantList values;
    if (filtered) {
        sql += m_where;
        values = m_whereValues;
    }
    const quint64 generation = m_countGeneration;
    const std::shared_ptr<Guard> guard = m_guard;
    m_countPending = true;
    worker->run<Recount>(
        this,
        [guard, generation, sql, values](QSqlDatabase &db) {
            Recount r;
            if (guard->countGeneration.load() != generation)
                return r; // the filter changed while it waited: not worth a scan
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!Sql::exec(q, sql, values) || !q.next()) {
                r.error = ChangeWriter::explain(db, q.lastError());
                return r;
            }
            r.rows = q.value(0).toLongLong();
            r.ok = true;
            return r;
        },
        [this, generation, filtered](Recount r) {
            if (generation != m_countGeneration)
                return;
            m_countPending = false;
            if (!r.ok) {
                // The estimate stays, said as one; pages are read from the start meanwhile.
                m_lastError = r.error;
                emit countsChanged();
                requestDeferred();
                return;
            }
            applyExactCount(filtered, r.rows);
            countNext(); // the total, after the filtered count
            requestDeferred();
        });
}

void GridModel::applyExactCount(bool filtered, qint64 rows)
{
    if (filtered || m_where.isEmpty()) {
        resizeTo(rows);
        m_countCertainty = Certainty::Exact;
    }
    if (!filtered) {
        m_total = rows;
        m_totalCertainty = Certainty::Exact;
    } else if (m_totalCertainty != Certainty::Exact) {
        m_total = std::max(m_total, rows); // an estimate that was too low
    }
    emit countsChanged();
}

void GridModel::resizeTo(qint64 count)
{
    const int before = rowCount();
    const int after = int(std::min<qint64>(newRowCount() + count, std::numeric_limits<int>::max()));
    if (after > before) {
        beginInsertRows({}, before, after - 1);
        m_count = count;
        endInsertRows();
    } else if (after < before) {
        beginRemoveRows({}, after, before - 1);
        m_count = count;
        m_cache.truncate(int(std::min<qint64>(count, std::numeric_limits<int>::max())));
        endRemoveRows();
    } else {
        m_count = count;
    }
}

void GridModel::requestDeferred()
{
    if (m_deferred.isEmpty() || (m_countPending && m_countCertainty != Certainty::Exact))
        return;
    const QSet<int> pages = std::exchange(m_deferred, {});
    for (int page : pages)
        if (qint64(page) * PageSize < m_count)
            requestPage(page);
    if (!isLoading())
        emit loadingChanged(false);
}

void GridModel::recount()
{
    applyCounts(readCounts(m_db, query(), false));
}

void GridModel::invalidateCache()
{
    m_cache.clear();
    m_laterOwed.clear();
    m_deferred.clear();
    m_failed.clear();
}

GridModel::~GridModel()
{
    detachFromWorker();
}

void GridModel::detachFromWorker()
{
    QMutexLocker lock(&m_guard->mutex);
    m_guard->model = nullptr;
}

void GridModel::setWorker(DbWorker *worker, DbWorker *countWorker)
{
    if (countWorker == worker)
        countWorker = nullptr;
    if (worker == m_worker && countWorker == m_countWorker)
        return;
    if (m_worker)
        disconnect(m_worker, nullptr, this, nullptr);
    if (m_countWorker)
        disconnect(m_countWorker, nullptr, this, nullptr);
    m_worker = worker;
    m_countWorker = countWorker;
    {
        QMutexLocker lock(&m_guard->mutex);
        m_guard->model = worker ? this : nullptr;
    }
    if (!worker)
        return;
    m_async = true;
    // A worker that goes (its connection was lost, or another database opened) takes the reads
    // given to it along: nothing of theirs will arrive.
    const bool countsHere = !countWorker;
    connect(worker, &QObject::destroyed, this, [this, countsHere] { workerGone(true, countsHere); });
    if (countWorker)
        connect(countWorker, &QObject::destroyed, this, [this] { workerGone(false, true); });
    if (m_refreshWhenWorker) {
        m_refreshWhenWorker = false;
        refresh();
        return;
    }
    const QSet<int> owed = std::exchange(m_laterOwed, {});
    for (int page : owed)
        requestLater(page);
}

void GridModel::workerGone(bool reads, bool counts)
{
    const bool wasLoading = isLoading();
    if (reads) {
        m_refreshWhenWorker = m_refreshWhenWorker || m_loadingCount > 0;
        m_loadingCount = 0;
        m_cache.forgetAsked();
        // The look-ups that follow the rows will not come either: asked of the next worker
        // (m_laterOwed), the cells saying "…" until then.
        m_laterPending = 0;
        ++m_generation;
    }
    if (counts) {
        // The count will not come: the next worker's refresh counts again.
        m_refreshWhenWorker = m_refreshWhenWorker || m_countPending;
        m_countPending = false;
        m_deferred.clear();
    }
    if (wasLoading && !isLoading())
        emit loadingChanged(false);
}

void GridModel::refresh()
{
    ++m_generation;
    m_guard->countGeneration = ++m_countGeneration;
    m_countPending = false;
    if (m_async && !m_worker) {
        m_refreshWhenWorker = true; // when the reconnected session's worker is set
        return;
    }
    if (!m_worker) {
        beginResetModel();
        invalidateCache();
        recount();
        endResetModel();
        emit countsChanged();
        return;
    }
    // The rows on screen stay until the new count and first page arrive together: no flash of an
    // empty grid, and no page read against a count that is about to change.
    const quint64 generation = m_generation;
    const quint64 countGeneration = m_countGeneration;
    const Query q = query();
    // The size known from the last count (exact then, "about" now) spares asking the engine again.
    RowEstimate known = m_estimate;
    if (m_counted && m_lastError.isEmpty())
        known = RowEstimate { m_totalCertainty == Certainty::Unknown ? RowEstimate::Kind::UpperBound
                                                                     : RowEstimate::Kind::Estimate,
            m_total };
    const qint64 exactBelow = m_exactCountBelow;
    const bool wasLoading = isLoading();
    ++m_loadingCount;
    const std::shared_ptr<Guard> guard = m_guard;
    m_worker->run<Counted>(
        this,
        [guard, q, known, exactBelow](QSqlDatabase &db) {
            QMutexLocker lock(&guard->mutex);
            return guard->model ? guard->model->readFirstScreen(db, q, known, exactBelow) : Counted {};
        },
        [this, generation, countGeneration](Counted c) {
            --m_loadingCount;
            if (countGeneration == m_countGeneration) {
                // A sort meanwhile: the counts hold, the page (in the old order) does not.
                const bool pageHolds = generation == m_generation;
                beginResetModel();
                invalidateCache();
                applyCounts(c);
                if (pageHolds && !c.firstPage.isEmpty())
                    storePage(0, c.firstPage);
                endResetModel();
                if (pageHolds) {
                    rowsArrived(c.firstPage);
                    if (!c.firstPage.isEmpty())
                        requestLater(0);
                }
                emit countsChanged();
                if (c.ok)
                    countNext();
            }
            if (!isLoading())
                emit loadingChanged(false);
        });
    if (!wasLoading)
        emit loadingChanged(true);
}

void GridModel::setFilter(const QString &text, int column)
{
    if (text == m_filterText && column == m_filterColumn)
        return;
    m_filterText = text;
    m_filterColumn = column;
    refresh();
}

void GridModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= specs().size() || specs().at(column).sortColumn.isEmpty())
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    ++m_generation; // pages on their way are in the old order
    beginResetModel();
    invalidateCache();
    endResetModel();
}

bool GridModel::fetchPage(int page) const
{
    const Seek seek = seekFor(page);
    const PageRead r = readPage(m_db, query(), page, false, &seek);
    if (!r.ok) {
        m_lastError = r.error;
        return false;
    }
    storePage(page, r.rows);
    const_cast<GridModel *>(this)->rowsArrived(r.rows);
    return true;
}

void GridModel::requestLater(int page) const
{
    if (!hasLaterLookups() || !m_worker || !m_cache.hasRead(page))
        return;
    GridModel *self = const_cast<GridModel *>(this);
    const quint64 generation = m_generation;
    const std::shared_ptr<Guard> guard = m_guard;
    ++m_laterPending;
    m_laterOwed.insert(page);
    m_worker->run<QList<Row>>(
        self,
        [guard, rows = m_cache.pageRows(page)](QSqlDatabase &db) mutable {
            QMutexLocker lock(&guard->mutex);
            if (guard->model)
                guard->model->enrichLater(db, rows);
            return rows;
        },
        [self, generation, page](QList<Row> read) {
            --self->m_laterPending;
            self->m_laterOwed.remove(page);
            // A refresh or a sort meanwhile: the page it was for is gone (its successor asks again).
            if (generation != self->m_generation || !self->m_cache.hasRead(page))
                return;
            QHash<qint64, const Row *> byId;
            for (const Row &r : std::as_const(read))
                byId.insert(r.id, &r);
            const int held = self->m_cache.forEachOfPage(page, [&byId](Row &r) {
                if (const Row *late = byId.value(r.id))
                    for (auto e = late->extra.cbegin(); e != late->extra.cend(); ++e)
                        if (!r.extra.contains(e.key()))
                            r.extra.insert(e.key(), e.value());
            });
            const int first = self->newRowCount() + page * PageSize;
            const int last = std::min(first + held, self->rowCount()) - 1;
            if (last >= first)
                emit self->dataChanged(self->index(first, 0), self->index(last, self->columnCount() - 1));
        });
}

void GridModel::requestPage(int page) const
{
    if (m_cache.isAsked(page) || m_failed.contains(page) || m_loadingCount)
        return; // on its way, failed already, or the count it depends on is about to change
    const bool wasLoading = isLoading();
    m_cache.ask(page, m_generation);
    GridModel *self = const_cast<GridModel *>(this);
    const quint64 generation = m_generation;
    const Query q = query();
    const Seek seek = seekFor(page);
    const std::shared_ptr<Guard> guard = m_guard;
    m_worker->run<PageRead>(
        self,
        [guard, q, page, seek](QSqlDatabase &db) {
            QMutexLocker lock(&guard->mutex);
            return guard->model ? guard->model->readPage(db, q, page, false, &seek) : PageRead {};
        },
        [self, generation, page](PageRead r) {
            if (generation != self->m_generation) {
                if (!self->isLoading())
                    emit self->loadingChanged(false);
                return;
            }
            self->m_cache.answer(page, generation);
            if (!r.ok) {
                self->m_failed.insert(page);
                self->m_lastError = r.error;
                emit self->countsChanged(); // the page says what went wrong
            } else {
                self->storePage(page, r.rows);
                self->rowsArrived(r.rows);
                self->requestLater(page);
                const int first = self->newRowCount() + page * PageSize;
                const int last = std::min(first + int(r.rows.size()), self->rowCount()) - 1;
                if (last >= first)
                    emit self->dataChanged(self->index(first, 0), self->index(last, self->columnCount() - 1));
                emit self->headerDataChanged(Qt::Vertical, first, std::max(first, last));
            }
            if (!self->isLoading())
                emit self->loadingChanged(false);
        });
    if (!wasLoading)
        emit self->loadingChanged(true);
}

const GridModel::Row *GridModel::rowAt(int row) const
{
    if (row < 0)
        return nullptr;
    if (row < newRowCount())
        return &m_newRows.at(row);
    const qint64 dbRow = row - newRowCount();
    if (dbRow >= m_count)
        return nullptr;
    const int page = int(dbRow / PageSize);
    m_cache.setFocus(int(dbRow), int(dbRow));
    if (!m_cache.hasRead(page)) {
        if (m_async) {
            // The view shows placeholders until the page arrives; while the count is on its way,
            // pages wait for it (it says from which end to read them).
            if (m_worker && m_countPending && m_countCertainty != Certainty::Exact) {
                const bool wasLoading = isLoading();
                m_deferred.insert(page);
                if (!wasLoading)
                    emit const_cast<GridModel *>(this)->loadingChanged(true);
            } else if (m_worker) {
                requestPage(page);
            }
            return nullptr;
        }
        if (!fetchPage(page))
            return nullptr;
    }
    return m_cache.at(int(dbRow));
}

const GridModel::Row *GridModel::loadedRowAt(int row) const
{
    if (row < 0)
        return nullptr;
    if (row < newRowCount())
        return &m_newRows.at(row);
    const qint64 dbRow = row - newRowCount();
    return dbRow < m_count ? m_cache.at(int(dbRow)) : nullptr;
}

QVariantList GridModel::effectiveValues(const Row &row) const
{
    const auto it = m_edits.constFind(row.id);
    return it != m_edits.cend() ? *it : row.values;
}

qint64 GridModel::idAt(int row) const
{
    const Row *r = rowAt(row);
    return r ? r->id : 0;
}

GridModel::RowState GridModel::rowState(int row) const
{
    const Row *r = rowAt(row);
    if (!r)
        return RowState::Clean;
    if (r->id < 0)
        return RowState::New;
    if (m_deleted.contains(r->id))
        return RowState::Deleted;
    if (m_edits.contains(r->id))
        return RowState::Edited;
    return RowState::Clean;
}

QVariant GridModel::value(int row, const QString &baseColumn) const
{
    const Row *r = rowAt(row);
    const int i = baseIndex(baseColumn);
    if (!r || i < 0)
        return {};
    return effectiveValues(*r).value(i);
}

int GridModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(std::min<qint64>(newRowCount() + m_count, std::numeric_limits<int>::max()));
}

int GridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(specs().size());
}

QVariant GridModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row *r = rowAt(index.row());
    if (!r) {
        // A row still on its way from the worker.
        if (role == Qt::DisplayRole && index.column() == 0 && m_async)
            return QStringLiteral("…");
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    }
    const QVariantList values = effectiveValues(*r);
    const ColumnSpec &spec = specs().at(index.column());
    switch (role) {
    case IdRole:
        return r->id;
    case RowStateRole:
        return int(rowState(index.row()));
    case RawValueRole:
        return spec.baseColumn.isEmpty() ? QVariant() : values.value(baseIndex(spec.baseColumn));
    case Qt::FontRole: {
        const RowState state = rowState(index.row());
        if (state == RowState::Clean)
            break;
        QFont f;
        f.setStrikeOut(state == RowState::Deleted);
        f.setItalic(state == RowState::New || state == RowState::Edited);
        return f;
    }
    case Qt::BackgroundRole: {
        // Unsaved cells are tinted with the palette's highlight, readable in light and dark themes.
        const int bi = spec.baseColumn.isEmpty() ? -1 : baseIndex(spec.baseColumn);
        const bool changed
            = r->id < 0 || (bi >= 0 && m_edits.contains(r->id) && m_edits[r->id].value(bi) != r->values.value(bi));
        if (!changed)
            break;
        const QPalette pal = QGuiApplication::palette();
        QColor c = pal.color(QPalette::Highlight);
        c.setAlpha(60);
        return c;
    }
    default:
        break;
    }
    return cellData(*r, values, index.column(), role);
}

Qt::ItemFlags GridModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    if (!m_readOnly && !m_saving && specs().at(index.column()).editable && rowState(index.row()) != RowState::Deleted)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant GridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (role == Qt::DisplayRole && section >= 0 && section < specs().size())
            return specs().at(section).header;
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    // The header's width is measured over its first and last hundred rows: that must not read
    // the pages at the far end of the table.
    const Row *r = loadedRowAt(section);
    const RowState state = !r                             ? RowState::Clean
        : r->id < 0                                        ? RowState::New
        : m_deleted.contains(r->id)                        ? RowState::Deleted
        : m_edits.contains(r->id)                          ? RowState::Edited
                                                           : RowState::Clean;
    if (role == Qt::DisplayRole) {
        switch (state) {
        case RowState::New:
            return QStringLiteral("+");
        case RowState::Edited:
            return QStringLiteral("✎");
        case RowState::Deleted:
            return QStringLiteral("✕");
        case RowState::Clean:
            return QString();
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (state) {
        case RowState::New:
            return tr("New row, not saved yet");
        case RowState::Edited:
            return tr("Edited, not saved yet");
        case RowState::Deleted:
            return tr("Will be deleted when you save");
        case RowState::Clean:
            break;
        }
    }
    return {};
}

bool GridModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false; // also while a Save is being written
    const Row *r = rowAt(index.row());
    if (!r)
        return false;
    const ColumnSpec &spec = specs().at(index.column());
    const int bi = baseIndex(spec.baseColumn);
    if (bi < 0)
        return false;
    QVariant stored;
    const QString error = convertEdit(index.column(), value, r->id, &stored);
    if (!error.isEmpty()) {
        emit validationFailed(error);
        return false;
    }
    const qint64 id = r->id;
    if (id < 0) {
        m_newRows[index.row()].values[bi] = stored;
    } else {
        QVariantList values = effectiveValues(*r);
        if (values.value(bi) == stored && values.value(bi).isNull() == stored.isNull())
            return true;
        values[bi] = stored;
        if (!m_originals.contains(id))
            m_originals.insert(id, r->values);
        if (values == m_originals.value(id)) {
            m_edits.remove(id);
            m_originals.remove(id);
        } else {
            m_edits.insert(id, values);
        }
    }
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), columnCount() - 1));
    emit headerDataChanged(Qt::Vertical, index.row(), index.row());
    emit pendingChanged();
    return true;
}

bool GridModel::hasPendingChanges() const
{
    return !m_newRows.isEmpty() || !m_edits.isEmpty() || !m_deleted.isEmpty();
}

int GridModel::pendingCount() const
{
    QSet<qint64> ids = m_deleted;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        ids.insert(it.key());
    return int(m_newRows.size() + ids.size());
}

int GridModel::addRow(const QVariantList &values)
{
    beginInsertRows({}, 0, 0);
    Row r;
    r.id = m_nextNewId--;
    r.values = values;
    m_newRows.prepend(r);
    endInsertRows();
    emit pendingChanged();
    return 0;
}

void GridModel::duplicateRows(const QList<int> &rows)
{
    QList<QVariantList> copies;
    for (int row : rows) {
        if (const Row *r = rowAt(row))
            copies << effectiveValues(*r);
    }
    for (const QVariantList &values : copies)
        addRow(duplicateValues(values));
}

void GridModel::markDeleted(const QList<int> &rows)
{
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end(), std::greater<int>());
    for (int row : sorted) {
        const Row *r = rowAt(row);
        if (!r)
            continue;
        if (r->id < 0) {
            beginRemoveRows({}, row, row);
            m_newRows.removeAt(row);
            endRemoveRows();
            continue;
        }
        if (m_deleted.contains(r->id)) {
            m_deleted.remove(r->id); // deleting again brings the row back
            m_deletedOriginals.remove(r->id);
        } else {
            m_deleted.insert(r->id);
            m_deletedOriginals.insert(r->id, m_originals.value(r->id, r->values));
        }
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
        emit headerDataChanged(Qt::Vertical, row, row);
    }
    emit pendingChanged();
}

void GridModel::revertAll()
{
    beginResetModel();
    m_newRows.clear();
    m_edits.clear();
    m_originals.clear();
    m_deleted.clear();
    m_deletedOriginals.clear();
    endResetModel();
    emit pendingChanged();
}

GridModel::SaveResult GridModel::submitAll()
{
    SaveResult result;
    if (m_saving) {
        result.error = tr("A save is already being written.");
        return result;
    }
    ChangeSet changes;
    changes.table = tableName();
    changes.columns = baseColumns();
    for (auto it = m_newRows.crbegin(); it != m_newRows.crend(); ++it) {
        const QString problem = validateRow(it->values);
        if (!problem.isEmpty()) {
            result.error = problem;
            return result;
        }
        changes.inserts << ChangeSet::Insert { it->values };
    }
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
        if (m_deleted.contains(it.key()))
            continue;
        const QString problem = validateRow(it.value());
        if (!problem.isEmpty()) {
            result.error = problem;
            return result;
        }
        changes.updates << ChangeSet::Update { it.key(), m_originals.value(it.key()), it.value() };
    }
    for (qint64 id : m_deleted)
        changes.deletes << ChangeSet::Delete { id, m_deletedOriginals.value(id) };
    prepareSave(changes);

    // Written on the worker: over a slow link a save is several round trips, and the window paints
    // on meanwhile. The grid takes no edit until the answer is in (isSaving()).
    m_saving = true;
    const std::optional<ChangeWriter::Result> written
        = onDb([changes](QSqlDatabase &db) { return ChangeWriter::apply(db, changes); });
    m_saving = false;
    if (!written) {
        result.error = tr("The connection was lost while saving, so it is not known whether the rows were written. "
                          "Your edits are still here: once the console is connected again, check the rows and save "
                          "again.");
        return result;
    }
    const ChangeWriter::Result &r = *written;
    result.ok = r.ok;
    result.error = r.error;
    result.conflicts = r.conflicts;
    result.rowsWritten = r.rowsWritten;
    if (!r.ok)
        return result; // every edit stays where it was
    m_newRows.clear();
    m_edits.clear();
    m_originals.clear();
    m_deleted.clear();
    m_deletedOriginals.clear();
    refresh();
    emit pendingChanged();
    return result;
}

void GridModel::rebaseOnCurrent(const QList<ChangeWriter::Conflict> &conflicts)
{
    for (const ChangeWriter::Conflict &c : conflicts) {
        if (c.deletedElsewhere) {
            m_edits.remove(c.id);
            m_originals.remove(c.id);
            m_deleted.remove(c.id);
            m_deletedOriginals.remove(c.id);
            continue;
        }
        if (m_originals.contains(c.id)) {
            // Three-way: their row, with only the columns I changed set to my values.
            const QVariantList original = m_originals.value(c.id);
            const QVariantList mine = m_edits.value(c.id);
            QVariantList merged = c.current;
            for (int i = 0; i < merged.size() && i < mine.size(); ++i)
                if (mine.at(i) != original.value(i))
                    merged[i] = mine.at(i);
            m_originals[c.id] = c.current;
            m_edits[c.id] = merged;
        }
        if (m_deletedOriginals.contains(c.id))
            m_deletedOriginals[c.id] = c.current;
    }
    refresh();
    emit pendingChanged();
}

void GridModel::discardEdits(const QList<qint64> &ids)
{
    for (qint64 id : ids) {
        m_edits.remove(id);
        m_originals.remove(id);
        m_deleted.remove(id);
        m_deletedOriginals.remove(id);
    }
    refresh();
    emit pendingChanged();
}

GridModel::ExportSource GridModel::exportSource() const
{
    // The filter as the grid shows it (the last count's), not one read again.
    const Query current = query();
    ExportSource source;
    source.connection = m_db.connectionName();
    for (int c = 0; c < columnCount(); ++c)
        source.headers << headerData(c, Qt::Horizontal).toString();
    source.sql = selectSql(current);
    source.values = current.whereValues;
    source.baseColumns = int(baseColumns().size());
    source.rows = m_count;
    source.twin = twinMaker();
    return source;
}

bool GridModel::exportRows(const ExportSource &source, bool includeSecrets,
    const std::function<bool(const QStringList &cells)> &sink, QString *error)
{
    // The rows stream from one connection, the look-ups of enrich() go over another: MySQL cannot
    // run a query on a connection that is still delivering a streamed result.
    ClonedConnection stream(source.connection, QStringLiteral("export-stream"));
    ClonedConnection lookups(source.connection, QStringLiteral("export-lookup"));
    if (!stream.open(error) || !lookups.open(error))
        return false;
    const std::unique_ptr<GridModel> twin = source.twin(lookups.db());
    QueryCursor::Target target;
    QueryCursor::identify(stream.db(), target);
    QSqlQuery q(stream.db());
    q.setForwardOnly(true); // streams on MySQL instead of buffering the whole result
    if (!Sql::exec(q, source.sql, source.values, error))
        return false;
    const int columns = int(source.headers.size());
    const int batchSize = DriverKind(target.kind.load()) == DriverKind::Sqlite ? SqliteExportBatch : ServerExportBatch;
    QList<Row> batch;
    bool goOn = true;
    auto flush = [&] {
        twin->enrich(lookups.db(), batch);
        twin->enrichLater(lookups.db(), batch);
        for (const Row &r : std::as_const(batch)) {
            QStringList cells;
            cells.reserve(columns);
            for (int c = 0; c < columns; ++c)
                cells << twin->exportText(r, c, includeSecrets);
            if (!sink(cells))
                return false;
        }
        batch.clear();
        return true;
    };
    while (goOn && q.next()) {
        Row r;
        r.id = q.value(0).toLongLong();
        r.values.reserve(source.baseColumns);
        for (int i = 1; i <= source.baseColumns; ++i)
            r.values << q.value(i);
        batch << r;
        if (batch.size() == batchSize)
            goOn = flush();
    }
    if (!goOn) {
        // Stopped early: the server stops sending, rather than the driver reading every remaining
        // row of a streamed result when the query is closed.
        if (DriverKind(target.kind.load()) != DriverKind::Sqlite)
            QueryCursor::interrupt(target, lookups.db());
        return true;
    }
    const QSqlError failed = q.lastError();
    q.finish();
    if (failed.isValid()) {
        if (error)
            *error = ChangeWriter::explain(stream.db(), failed);
        return false;
    }
    if (!flush())
        return true;
    // A link lost halfway goes unsaid by the driver at times (MySQL ends streamed rows without
    // bound values quietly), and enrich() shows a failed look-up as a missing owner: both
    // connections must still answer for the file to be complete and right.
    for (const ClonedConnection *connection : { &stream, &lookups }) {
        QSqlQuery alive(connection->db());
        if (!alive.exec(StillThere)) {
            if (error)
                *error = ChangeWriter::explain(connection->db(), alive.lastError());
            return false;
        }
    }
    return true;
}

bool GridModel::pendingValueExists(const QString &baseColumn, const QVariant &value, qint64 exceptId) const
{
    const int i = baseIndex(baseColumn);
    for (const Row &r : m_newRows)
        if (r.id != exceptId && r.values.value(i) == value)
            return true;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        if (it.key() != exceptId && it.value().value(i) == value)
            return true;
    return false;
}

int GridModel::cachedRowCount() const
{
    return m_cache.size();
}

QString GridModel::exportText(const Row &row, int column, bool) const
{
    return cellData(row, row.values, column, Qt::DisplayRole).toString();
}
