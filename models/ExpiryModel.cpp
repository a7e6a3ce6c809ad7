#include "ExpiryModel.h"

#include <algorithm>
#include <climits>

#include "ExpiryText.h"
#include "connection/DbWorker.h"
#include "sql/Dialect.h"
#include "sql/SqlDialect.h"
#include "tokens/TokenService.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString Columns = QStringLiteral("id, expiry_date, token, user_id");
} // namespace

ExpiryModel::ExpiryModel(QSqlDatabase db, Clock clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_clock(std::move(clock))
    , m_owners(db)
{
}

ExpiryModel::Band ExpiryModel::band(qint64 left)
{
    if (left <= 0)
        return Band::Expired;
    if (left < 300)
        return Band::UnderFiveMinutes;
    if (left < 3600)
        return Band::UnderAnHour;
    return Band::Later;
}

QString ExpiryModel::bandText(Band b)
{
    switch (b) {
    case Band::Expired:
        return tr("expired");
    case Band::UnderFiveMinutes:
        return tr("under 5 min");
    case Band::UnderAnHour:
        return tr("under 1 h");
    case Band::Later:
        return tr("later");
    }
    return {};
}

QString ExpiryModel::countdown(qint64 left)
{
    if (left <= 0) {
        const qint64 ago = -left;
        if (ago < 60)
            return tr("expired %1 s ago").arg(ago);
        if (ago < 3600)
            return tr("expired %1 min ago").arg(ago / 60);
        if (ago < 86400)
            return tr("expired %1 h %2 min ago").arg(ago / 3600).arg((ago % 3600) / 60);
        return tr("expired %n day(s) ago", nullptr, int(std::min<qint64>(ago / 86400, INT_MAX)));
    }
    if (left < 60)
        return tr("%1 s").arg(left);
    if (left < 3600)
        return tr("%1 min %2 s").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0'));
    if (left < 86400)
        return tr("%1 h %2 min").arg(left / 3600).arg((left % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(left / 86400).arg((left % 86400) / 3600);
}

QString ExpiryModel::where(QVariantList *values, bool withText) const
{
    QStringList parts { QStringLiteral("expiry_date IS NOT NULL") };
    if (m_filter.levelId) {
        parts << QStringLiteral("user_id IN (SELECT id FROM trongate_users WHERE user_level_id = ?)");
        values->append(*m_filter.levelId);
    }
    if (m_filter.userId) {
        parts << QStringLiteral("user_id = ?");
        values->append(*m_filter.userId);
    }
    if (m_filter.withinSeconds) {
        const qint64 now = m_clock();
        parts << QStringLiteral("expiry_date > ? AND expiry_date <= ?");
        values->append(now);
        values->append(now + *m_filter.withinSeconds);
    }
    if (m_filter.from) {
        parts << QStringLiteral("expiry_date >= ?");
        values->append(*m_filter.from);
    }
    if (m_filter.to) {
        parts << QStringLiteral("expiry_date < ?");
        values->append(*m_filter.to);
    }
    const QString text = m_filter.text.trimmed();
    if (!text.isEmpty() && withText) {
        if (!m_textClause) // the model's own reads (tests, benchmarks): resolved here, on its connection
            m_textClause = resolveText(m_db, text);
        parts << m_textClause->first;
        values->append(m_textClause->second);
    }
    return QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

QString ExpiryModel::filterKey() const
{
    const auto number = [](const std::optional<qint64> &v) { return v ? QString::number(*v) : QStringLiteral("-"); };
    return QStringList { number(m_filter.levelId), number(m_filter.userId), number(m_filter.withinSeconds),
        number(m_filter.from), number(m_filter.to), m_filter.text.trimmed() }
        .join(QLatin1Char('/'));
}

void ExpiryModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    reload();
}

ExpiryModel::TextClause ExpiryModel::resolveText(const QSqlDatabase &db, const QString &text) const
{
    TextClause c;
    c.first = expiryTextClause(db, m_owners, text, &c.second);
    return c;
}

void ExpiryModel::setFilterDeferred(const Filter &filter)
{
    m_filter = filter;
    m_textClause.reset();
    beginResetModel();
    dropPages();
    m_count = 0;
    m_error.clear();
    ++m_generation;
    m_awaitingFirst = true;
    endResetModel();
}

ExpiryPollRequest ExpiryModel::firstLoadRequest(qint64 now, int rows) const
{
    ExpiryPollRequest r;
    r.generation = m_generation;
    const bool resolve = !m_filter.text.trimmed().isEmpty() && !m_textClause;
    r.where = where(&r.values, !resolve);
    if (resolve)
        r.resolveText = m_filter.text.trimmed(); // on the poller's connection, then appended to where
    r.filterKey = filterKey();
    r.timeDependent = m_filter.withinSeconds.has_value();
    r.force = true;
    r.exact = true;
    // The key just after every row that expires at "now" or before: the rows above it are the
    // backlog, the window starts with the first token still valid. (now + 1, 0) rather than
    // (now, the largest id): ids are positive, and PostgreSQL types the bound id as the column's
    // (a 32-bit serial), which the largest 64-bit value overflows.
    r.hasTop = true;
    r.topExpiry = now + 1;
    r.topId = 0;
    r.topRow = 0;
    r.windowRows = std::max(1, rows) + WindowMargin;
    r.estimateFirst = !m_filter.levelId && !m_filter.userId && m_filter.text.trimmed().isEmpty() && !m_filter.withinSeconds
        && !m_filter.from && !m_filter.to;
    return r;
}

void ExpiryModel::dropPages()
{
    m_rows.clear();
    m_askedReversed.clear();
    m_byPlace.clear();
}

void ExpiryModel::askPagesAgain()
{
    m_rows.forgetAsked();
    m_askedReversed.clear();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ExpiryModel::reload()
{
    m_textClause.reset();
    m_awaitingFirst = false;
    beginResetModel();
    dropPages();
    QVariantList values;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    ++m_queries;
    m_error.clear();
    if (Sql::exec(q, QStringLiteral("SELECT COUNT(*) FROM trongate_tokens") + where(&values), values, &m_error)
        && q.next())
        m_count = q.value(0).toLongLong();
    else
        m_count = 0;
    m_countExact = true;
    ++m_generation;
    endResetModel();
    emit countChanged(m_count);
}

QString ExpiryModel::pageSql(int page, QVariantList *values, bool *reversed) const
{
    const qint64 start = qint64(page) * PageSize;
    const QString order = QStringLiteral(" ORDER BY expiry_date, id");
    const QString asc = order + QStringLiteral(" LIMIT ?");
    const QString desc = QStringLiteral(" ORDER BY expiry_date DESC, id DESC LIMIT ?");
    const QString filtered = where(values);
    QString sql = QStringLiteral("SELECT %1 FROM trongate_tokens%2").arg(Columns, filtered);
    const Dialect &dialect = Dialect::of(m_db);
    const QString expiry = QStringLiteral("expiry_date"); // never NULL here (where())
    *reversed = false;
    if (const auto anchor = m_byPlace.contains(page) ? RowCache<Row>::Anchor {} : m_rows.anchorFor(page)) {
        const Row &from = *anchor.row;
        sql += QStringLiteral(" AND ") + dialect.rowsAfter(expiry, !anchor.fromNext, from.expiry, from.id, values, false)
            + (anchor.fromNext ? desc : asc);
        *values << PageSize;
        *reversed = anchor.fromNext;
        ++m_keysetReads;
        return sql;
    }
    // A jump: by OFFSET from the start. Not from the end, as the grids do: this list's positions
    // are anchored at "now" by the last snapshot (rows above it counted apart, the count perhaps
    // owed), so a read from the end could put rows a few places off; from the start it cannot.
    ++m_offsetReads;
    if (start == 0) {
        sql += asc + QStringLiteral(" OFFSET ?");
        *values << PageSize << start;
        return sql;
    }
    // The page's ids first, then its rows (Dialect::rowsAtPlace): the sort holds keys, not tokens.
    // The filter's values are in *values already, as the inner statement wants them.
    sql = QStringLiteral("SELECT %1 FROM ").arg(Columns)
        + dialect.rowsAtPlace(QStringLiteral("trongate_tokens"), filtered, order) + order;
    *values << PageSize << start;
    return sql;
}

void ExpiryModel::keepPage(int page, const QList<Row> &rows) const
{
    // Rows already held came from the last snapshot: they stay, so that the next poll compares
    // what the person saw with the table, and moves the rows (and the selection) with signals.
    m_rows.keepPage(page, rows, RowCache<Row>::Held::Keep);
}

void ExpiryModel::keepRead(int page, const QList<Row> &rows, bool reversed) const
{
    if (!reversed) {
        keepPage(page, rows);
        return;
    }
    const QList<Row> turned(rows.crbegin(), rows.crend());
    if (turned.size() >= PageSize) {
        keepPage(page, turned);
        return;
    }
    // Fewer rows before the row below than the page holds (rows above went meanwhile): these are
    // the ones just above it; the page's top is read by place next time.
    m_byPlace.insert(page);
    m_rows.keepPage(page, turned, RowCache<Row>::Held::Keep, true);
}

void ExpiryModel::askPage(int page) const
{
    if (!m_rows.ask(page, m_generation))
        return; // on its way
    ++m_pagesAsked;
    QVariantList values;
    bool reversed = false;
    const QString sql = pageSql(page, &values, &reversed);
    m_askedReversed.insert(page, reversed);
    m_pageReader(m_generation, page, sql, values);
}

void ExpiryModel::pageRead(quint64 generation, int page, const QList<Row> &rows, const QString &error)
{
    m_rows.answer(page, generation);
    const int first = page * PageSize;
    const int last = int(std::min<qint64>(qint64(first) + PageSize, m_count)) - 1;
    if (generation != m_generation) {
        // Read for an older state of the list: shown rows ask again when painted.
        if (first <= last)
            emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
        return;
    }
    if (!error.isEmpty()) {
        m_error = error;
        return;
    }
    keepRead(page, rows, m_askedReversed.take(page));
    if (first <= last)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

bool ExpiryModel::fetchPage(int page) const
{
    if (m_pageReader) {
        askPage(page);
        return false;
    }
    QVariantList values;
    bool reversed = false;
    const QString sql = pageSql(page, &values, &reversed);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    ++m_queries;
    if (!Sql::exec(q, sql, values, &m_error))
        return false;
    QList<Row> rows;
    while (q.next())
        rows << Row { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toLongLong(),
            {} };
    enrich(rows);
    keepRead(page, rows, reversed);
    return true;
}

void ExpiryModel::enrich(QList<Row> &rows) const
{
    QList<qint64> users;
    for (const Row &r : rows)
        users << r.userId;
    ++m_queries;
    const QHash<qint64, TokenOwners::Owner> owners = m_owners.lookup(users);
    for (Row &r : rows)
        r.owner = owners.value(r.userId);
}

const ExpiryModel::Row *ExpiryModel::row(int r) const
{
    if (r < 0 || r >= m_count)
        return nullptr;
    if (const Row *held = m_rows.at(r))
        return held;
    if (m_frozen || !fetchPage(r / PageSize))
        return nullptr;
    return m_rows.at(r);
}

int ExpiryModel::cachedRowCount() const
{
    return m_rows.size();
}

qint64 ExpiryModel::idAt(int r) const
{
    const Row *x = row(r);
    return x ? x->id : 0;
}

bool ExpiryModel::holdsRows(const QList<int> &rows) const
{
    for (int r : rows)
        if (!m_rows.holds(r))
            return false;
    return true;
}

QString ExpiryModel::tokenAt(int r) const
{
    const Row *x = row(r);
    return x ? x->token : QString();
}

QList<qint64> ExpiryModel::idsAt(const QList<int> &rows, DbWorker *worker) const
{
    struct Read {
        QString sql;
        QVariantList values;
        bool reversed = false;
    };
    QMap<int, Read> missing; // page -> its read
    for (int r : rows)
        if (r >= 0 && r < m_count && !m_rows.holds(r) && !missing.contains(r / PageSize)) {
            Read read;
            read.sql = pageSql(r / PageSize, &read.values, &read.reversed);
            missing.insert(r / PageSize, read);
        }
    QHash<int, qint64> read; // row -> id
    if (!missing.isEmpty()) {
        using Ids = QHash<int, qint64>;
        const std::optional<Ids> got = awaitOnWorker<Ids>(worker, m_db, [missing](QSqlDatabase &db) {
            Ids out;
            for (auto it = missing.cbegin(); it != missing.cend(); ++it) {
                QSqlQuery q(db);
                q.setForwardOnly(true);
                if (!Sql::exec(q, it.value().sql, it.value().values))
                    continue;
                QList<qint64> ids;
                while (q.next())
                    ids << q.value(0).toLongLong();
                int at = it.key() * PageSize;
                if (it.value().reversed) { // in the page's order, just above the row below, as pageRead() puts them
                    std::reverse(ids.begin(), ids.end());
                    at += PageSize - int(ids.size());
                }
                for (int i = 0; i < ids.size(); ++i)
                    out.insert(at + i, ids.at(i));
            }
            return out;
        });
        m_queries += int(missing.size());
        if (got)
            read = *got;
    }
    QList<qint64> ids;
    for (int r : rows) {
        if (const Row *held = m_rows.at(r))
            ids << held->id;
        else if (read.contains(r))
            ids << read.value(r);
    }
    return ids;
}

int ExpiryModel::rowOfId(qint64 id) const
{
    return m_rows.positionOf([id](const Row &r) { return r.id == id; });
}

int ExpiryModel::rowOfNow() const
{
    QVariantList values;
    const QString sql = QStringLiteral("SELECT COUNT(*) FROM trongate_tokens") + where(&values)
        + QStringLiteral(" AND expiry_date <= ?");
    values << m_clock();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    ++m_queries;
    if (!Sql::exec(q, sql, values, &m_error) || !q.next())
        return 0;
    return clampRow(q.value(0).toLongLong());
}

ExpiryModel::NowQuery ExpiryModel::nowQuery() const
{
    NowQuery q;
    q.generation = m_generation;
    q.where = where(&q.values);
    q.now = m_clock();
    return q;
}

int ExpiryModel::clampRow(qint64 row) const
{
    return int(std::min<qint64>(std::max<qint64>(0, row), std::max<qint64>(0, m_count - 1)));
}

void ExpiryModel::setVisibleRows(int first, int last)
{
    m_firstVisible = std::max(0, first);
    m_lastVisible = std::min<qint64>(last, m_count - 1);
    m_rows.setFocus(m_firstVisible, std::max(m_firstVisible, m_lastVisible));
}

void ExpiryModel::tick()
{
    if (m_lastVisible < m_firstVisible)
        return;
    // The countdown and its band, on the visible rows only: the work does not grow with the table.
    emit dataChanged(index(m_firstVisible, TimeLeftColumn), index(m_lastVisible, BandColumn),
        { Qt::DisplayRole, Qt::BackgroundRole, Qt::AccessibleTextRole });
}

ExpiryPollRequest ExpiryModel::pollRequest(bool force) const
{
    ExpiryPollRequest r;
    r.generation = m_generation;
    r.where = where(&r.values);
    r.filterKey = filterKey();
    r.timeDependent = m_filter.withinSeconds.has_value();
    r.force = force;
    r.exact = force;
    const int first = std::max(0, m_firstVisible);
    const int last = int(std::min<qint64>(std::max(m_lastVisible, first), m_count - 1));
    r.windowRows = std::max(1, last - first + 1) + WindowMargin;
    if (first < m_count) {
        if (const Row *top = row(first)) {
            r.hasTop = true;
            r.topExpiry = top->expiry;
            r.topId = top->id;
            r.topRow = first;
            for (int p = first; p <= last; ++p) {
                const Row *held = m_rows.at(p);
                if (!held)
                    break;
                r.oldWindow << *held;
            }
        }
    }
    return r;
}

ExpiryModel::PollResult ExpiryModel::poll(bool force)
{
    const ExpiryPollSnapshot s = readExpirySnapshot(m_db, pollRequest(force), &m_signal, &m_budget, m_owners);
    m_queries += s.queries;
    return apply(s);
}

void ExpiryModel::insertAt(int position, int n, const QList<Row> &rows)
{
    beginInsertRows({}, position, position + n - 1);
    m_rows.shift(position, n);
    for (int i = 0; i < rows.size(); ++i)
        m_rows.put(position + i, rows.at(i));
    m_count += n;
    endInsertRows();
}

void ExpiryModel::removeAt(int first, int n)
{
    beginRemoveRows({}, first, first + n - 1);
    for (int r = first; r < first + n; ++r)
        m_rows.remove(r);
    m_rows.shift(first + n, -n);
    m_count -= n;
    endRemoveRows();
}

namespace {
bool keyLess(const ExpiryRow &a, const ExpiryRow &b)
{
    return a.expiry != b.expiry ? a.expiry < b.expiry : a.id < b.id;
}

bool sameContent(const ExpiryRow &a, const ExpiryRow &b)
{
    return a.token == b.token && a.userId == b.userId && a.owner.userExists == b.owner.userExists
        && a.owner.levelId == b.owner.levelId && a.owner.levelTitle == b.owner.levelTitle
        && a.owner.identity == b.owner.identity && a.owner.levelExists == b.owner.levelExists
        && a.identityOwed == b.identityOwed;
}
} // namespace

ExpiryModel::PollResult ExpiryModel::apply(const ExpiryPollSnapshot &s)
{
    PollResult result;
    if (s.generation != m_generation) {
        result.ok = false;
        result.stale = true;
        return result;
    }
    if (!s.ok) {
        m_error = s.error;
        result.ok = false;
        return result;
    }
    if (s.textResolved)
        m_textClause = TextClause { s.textClause, s.textValues };
    const bool wasExact = m_countExact;
    m_countExact = !s.countOwed;
    if (s.unchanged) {
        if (wasExact != m_countExact)
            emit countChanged(m_count);
        return result;
    }
    m_error.clear();
    const bool first = m_awaitingFirst;
    m_awaitingFirst = false;
    if (first) {
        // The list's first rows: one reset rather than inserts around the rows on screen, which
        // at a million rows kept the window's thread for tens of milliseconds.
        beginResetModel();
        m_count = s.countKnown ? s.count : (s.aboveKnown ? s.above : 0) + s.window.size();
        const qint64 above = s.aboveKnown ? s.above : 0;
        m_rows.clear();
        for (int k = 0; k < s.window.size() && above + k < m_count; ++k)
            m_rows.put(int(above + k), s.window.at(k));
        endResetModel();
        result.inserted = int(std::min<qint64>(m_count, INT_MAX));
        ++m_generation;
        emit countChanged(m_count);
        return result;
    }
    const qint64 countBefore = first ? -1 : m_count; // the first snapshot always says its count
    m_frozen = true;
    // 1. Above the screen: as many rows as sort before the top key now. The difference is one
    // block just above the first visible row (the page keeps the scroll position on it); the rows
    // up there are read again when someone scrolls to them. Not counted this time: they stay.
    const int top = int(std::clamp<qint64>(s.topRow, 0, m_count));
    const qint64 above = s.aboveKnown ? s.above : top;
    const qint64 d = above - top;
    if (d > 0) {
        insertAt(top, int(d), {});
        result.inserted += int(d);
    } else if (d < 0) {
        removeAt(top + int(d), int(-d));
        result.removed += int(-d);
    }
    // 2. The visible rows, by key: a merge of what the model showed with what the table holds.
    // Only keys both sides cover are compared: up to the last row the model showed (unless it
    // showed the end of the list) and up to the last row read (unless the read reached the end).
    int p = int(above);
    const bool oldReachesEnd = s.topRow + s.oldWindow.size() >= countBefore;
    const bool truncated = !s.window.isEmpty() && s.window.size() >= s.windowRows;
    auto withinBound = [&](const Row &x) {
        if (!oldReachesEnd && (s.oldWindow.isEmpty() || keyLess(s.oldWindow.last(), x)))
            return false;
        return !truncated || !keyLess(s.window.last(), x);
    };
    QList<Row> old;
    for (const Row &o : s.oldWindow)
        if (withinBound(o))
            old << o;
    QList<Row> fresh;
    for (const Row &w : s.window)
        if (withinBound(w))
            fresh << w;
    int i = 0;
    int j = 0;
    while (i < old.size() || j < fresh.size()) {
        if (j >= fresh.size() || (i < old.size() && keyLess(old.at(i), fresh.at(j)))) {
            // Gone, or moved elsewhere (another key): its row goes.
            if (p < m_count)
                removeAt(p, 1);
            ++result.removed;
            ++i;
        } else if (i >= old.size() || keyLess(fresh.at(j), old.at(i))) {
            insertAt(p, 1, { fresh.at(j) });
            ++result.inserted;
            ++p;
            ++j;
        } else {
            // The same token at the same place: a regenerate or an owner change repaints it.
            const bool same = sameContent(old.at(i), fresh.at(j));
            m_rows.put(p, fresh.at(j));
            if (!same) {
                ++result.updated;
                emit dataChanged(index(p, 0), index(p, ColumnCount - 1));
            }
            ++p;
            ++i;
            ++j;
        }
    }
    // 3. Below: whatever makes the count right, at the end (when it was counted).
    const qint64 tail = s.countKnown ? s.count - m_count : 0;
    if (tail > 0) {
        insertAt(int(m_count), int(tail), {});
        result.inserted += int(tail);
    } else if (tail < 0) {
        removeAt(int(m_count + tail), int(-tail));
        result.removed += int(-tail);
    }
    // Only the rows just read are known to be current; every other row is read again on demand.
    m_rows.keepOnly(int(above), p);
    for (int k = 0; k < s.window.size() && int(above) + k < m_count; ++k)
        m_rows.put(int(above) + k, s.window.at(k));
    m_frozen = false;
    // A visible token another admin extended left its place and took another: one update.
    QSet<qint64> oldIds;
    for (const Row &o : old)
        oldIds.insert(o.id);
    for (const Row &w : fresh)
        if (oldIds.contains(w.id) && std::none_of(old.begin(), old.end(), [&w](const Row &o) {
                return o.id == w.id && o.expiry == w.expiry;
            })) {
            --result.inserted;
            --result.removed;
            ++result.updated;
        }
    if (result.changed())
        ++m_generation;
    if (result.changed() || countBefore != m_count || wasExact != m_countExact)
        emit countChanged(m_count);
    return result;
}

void ExpiryModel::addIdentities(const QList<qint64> &users, const QHash<qint64, QString> &identities)
{
    const QSet<qint64> asked(users.cbegin(), users.cend());
    int first = -1;
    int last = -1;
    m_rows.forEach([&](int position, Row &row) {
        if (!row.identityOwed || !asked.contains(row.userId))
            return;
        row.identityOwed = false;
        row.owner.identity = identities.value(row.userId);
        first = first < 0 ? position : first;
        last = position;
    });
    if (first >= 0 && first < rowCount())
        emit dataChanged(index(first, IdentityColumn), index(std::min(last, rowCount() - 1), IdentityColumn));
}

void ExpiryModel::removeIds(const QList<qint64> &ids, qint64 deleted)
{
    QList<int> rows;
    for (qint64 id : ids)
        if (const int r = rowOfId(id); r >= 0)
            rows << r;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    if (rows.isEmpty() && deleted <= 0)
        return;
    m_frozen = true;
    for (int r : rows)
        removeAt(r, 1);
    // Revoked rows that were not loaded: the count is right at once, the next poll places them.
    const qint64 unseen = std::min<qint64>(deleted - rows.size(), m_count);
    if (unseen > 0)
        removeAt(int(m_count - unseen), int(unseen));
    m_frozen = false;
    ++m_generation;
    emit countChanged(m_count);
}

int ExpiryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int ExpiryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExpiryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row *r = row(index.row());
    if (!r)
        return {};
    const qint64 left = TokenService::secondsLeft(r->expiry, m_clock());
    const Band b = band(left);
    switch (role) {
    case IdRole:
        return r->id;
    case ExpiryRole:
        return r->expiry;
    case BandRole:
        return int(b);
    case Qt::BackgroundRole: {
        // Tinted, not solid, so text stays readable on light and dark palettes.
        QColor c;
        switch (b) {
        case Band::Expired:
            c = QColor(0x9e, 0x9e, 0x9e);
            break;
        case Band::UnderFiveMinutes:
            c = QColor(0xe5, 0x39, 0x35);
            break;
        case Band::UnderAnHour:
            c = QColor(0xfb, 0x8c, 0x00);
            break;
        case Band::Later:
            c = QColor(0x43, 0xa0, 0x47);
            break;
        }
        c.setAlpha(index.column() == BandColumn ? 110 : 45);
        return c;
    }
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2").arg(countdown(left), bandText(b));
    case Qt::TextAlignmentRole:
        if (index.column() == TimeLeftColumn || index.column() == IdColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (index.column() == UserColumn && !r->owner.userExists)
            return tr("Orphan: no trongate_users row has this id. Trongate's any-level check still accepts the token "
                      "until it expires.");
        break;
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeLeftColumn:
            return countdown(left);
        case BandColumn:
            return bandText(b);
        case ExpiresColumn:
            return ExpiryText::localDateTime(r->expiry);
        case UserColumn:
            if (!r->owner.userExists)
                return tr("user %1 (missing)").arg(r->userId);
            return QStringLiteral("%1 · %2").arg(r->userId).arg(
                r->owner.levelExists ? r->owner.levelTitle : tr("missing level %1").arg(r->owner.levelId));
        case IdentityColumn:
            return r->identityOwed ? QStringLiteral("…") : r->owner.identity;
        case TokenColumn:
            return r->token.size() > 6 ? r->token.left(6) + QStringLiteral("…") : r->token;
        case IdColumn:
            return r->id;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ExpiryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeLeftColumn:
        return tr("Time left");
    case BandColumn:
        return tr("Band");
    case ExpiresColumn:
        return tr("Expires");
    case UserColumn:
        return tr("User · level");
    case IdentityColumn:
        return tr("Identity");
    case TokenColumn:
        return tr("Token");
    case IdColumn:
        return tr("ID");
    }
    return {};
}
