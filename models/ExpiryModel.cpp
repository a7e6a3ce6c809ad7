#include "ExpiryModel.h"

#include <climits>

#include "ExpiryText.h"
#include "SqlDialect.h"
#include "TokenService.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
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

QString ExpiryModel::where(QVariantList *values) const
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
    if (!text.isEmpty()) {
        const QString like = Sql::likeOperator(m_db);
        QStringList ors { QStringLiteral("token") + like };
        values->append(Sql::likePrefix(text));
        if (m_textUsers) {
            if (!m_textUsers->isEmpty()) {
                QStringList marks;
                for (qint64 id : *m_textUsers) {
                    marks << QStringLiteral("?");
                    values->append(id);
                }
                ors << QStringLiteral("user_id IN (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
            }
        } else {
            ors << QStringLiteral("user_id IN (SELECT id FROM trongate_users WHERE code") + like + QLatin1Char(')');
            values->append(Sql::likeContains(text));
            ors += m_owners.identities().matchClauses(QStringLiteral("user_id"), like, Sql::likeContains(text), values);
        }
        parts << QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    return QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

void ExpiryModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    reload();
}

void ExpiryModel::dropPages()
{
    m_rows.clear();
}

void ExpiryModel::shiftRows(int from, int delta)
{
    QMap<int, Row> shifted;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        shifted.insert(it.key() < from ? it.key() : it.key() + delta, it.value());
    }
    m_rows = shifted;
}

void ExpiryModel::evict() const
{
    // Keep the rows around the visible ones; forget those farthest away.
    while (m_rows.size() > MaxRows) {
        const int low = m_rows.firstKey();
        const int high = m_rows.lastKey();
        if (m_firstVisible - low > high - m_lastVisible)
            m_rows.remove(low);
        else
            m_rows.remove(high);
    }
}

qint64 ExpiryModel::maxId(bool *ok)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    ++m_queries;
    *ok = q.exec(QStringLiteral("SELECT MAX(id) FROM trongate_tokens")) && q.next();
    return *ok ? q.value(0).toLongLong() : 0;
}

void ExpiryModel::reload()
{
    m_textUsers = m_filter.text.trimmed().isEmpty() ? std::optional<QList<qint64>>(QList<qint64>())
                                                    : m_owners.matchingUserIds(m_filter.text.trimmed(), true, true);
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
    bool ok = false;
    m_maxId = maxId(&ok);
    endResetModel();
    emit countChanged(m_count);
}

bool ExpiryModel::fetchPage(int page) const
{
    QVariantList values;
    const QString sql = QStringLiteral("SELECT %1 FROM trongate_tokens%2 ORDER BY expiry_date, id LIMIT ? OFFSET ?")
                            .arg(Columns, where(&values));
    values << PageSize << qint64(page) * PageSize;
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
    for (int i = 0; i < rows.size(); ++i)
        m_rows.insert(page * PageSize + i, rows.at(i));
    evict();
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
    auto it = m_rows.constFind(r);
    if (it == m_rows.cend()) {
        if (m_frozen || !fetchPage(r / PageSize))
            return nullptr;
        it = m_rows.constFind(r);
        if (it == m_rows.cend())
            return nullptr;
    }
    return &it.value();
}

int ExpiryModel::cachedRowCount() const
{
    return int(m_rows.size());
}

qint64 ExpiryModel::idAt(int r) const
{
    const Row *x = row(r);
    return x ? x->id : 0;
}

QString ExpiryModel::tokenAt(int r) const
{
    const Row *x = row(r);
    return x ? x->token : QString();
}

int ExpiryModel::rowOfId(qint64 id) const
{
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        if (it.value().id == id)
            return it.key();
    return -1;
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
    return int(std::min<qint64>(q.value(0).toLongLong(), std::max<qint64>(0, m_count - 1)));
}

void ExpiryModel::setVisibleRows(int first, int last)
{
    m_firstVisible = std::max(0, first);
    m_lastVisible = std::min<qint64>(last, m_count - 1);
}

void ExpiryModel::tick()
{
    if (m_lastVisible < m_firstVisible)
        return;
    // The countdown and its band, on the visible rows only: the work does not grow with the table.
    emit dataChanged(index(m_firstVisible, TimeLeftColumn), index(m_lastVisible, BandColumn),
        { Qt::DisplayRole, Qt::BackgroundRole, Qt::AccessibleTextRole });
}

qint64 ExpiryModel::rankOf(qint64 expiry, qint64 id, bool *ok) const
{
    QVariantList values;
    QString sql = QStringLiteral("SELECT COUNT(*) FROM trongate_tokens") + where(&values)
        + QStringLiteral(" AND (expiry_date < ? OR (expiry_date = ? AND id < ?))");
    values << expiry << expiry << id;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    ++m_queries;
    *ok = Sql::exec(q, sql, values, &m_error) && q.next();
    return *ok ? q.value(0).toLongLong() : 0;
}

ExpiryModel::PollResult ExpiryModel::poll()
{
    PollResult result;
    // The visible rows as loaded.
    QHash<qint64, qint64> visible; // id -> expiry
    QList<qint64> ids;
    for (int r = m_firstVisible; r <= m_lastVisible; ++r)
        if (const Row *x = row(r)) {
            visible.insert(x->id, x->expiry);
            ids << x->id;
        }
    // One query: the newest id, and the visible rows as they are now.
    QVariantList values;
    QString sql;
    if (ids.isEmpty()) {
        sql = QStringLiteral("SELECT MAX(id), NULL, NULL FROM trongate_tokens");
    } else {
        QStringList marks;
        for (qint64 id : ids) {
            marks << QStringLiteral("?");
            values << id;
        }
        sql = QStringLiteral(
            "SELECT m.maxid, t.id, t.expiry_date FROM (SELECT MAX(id) AS maxid FROM trongate_tokens) m "
            "LEFT JOIN trongate_tokens t ON t.id IN (%1)")
                  .arg(marks.join(QStringLiteral(", ")));
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    ++m_queries;
    if (!Sql::exec(q, sql, values, &m_error)) {
        result.ok = false;
        return result;
    }
    qint64 newest = m_maxId;
    QHash<qint64, QVariant> now;
    while (q.next()) {
        newest = q.value(0).toLongLong();
        if (!q.value(1).isNull())
            now.insert(q.value(1).toLongLong(), q.value(2));
    }
    // Vanished or changed rows among those on screen, bottom up so the rows above keep their place.
    QList<QPair<qint64, QVariant>> moved;
    QList<int> gone;
    for (auto it = visible.cbegin(); it != visible.cend(); ++it) {
        if (!now.contains(it.key()))
            gone << rowOfId(it.key());
        else if (now.value(it.key()).isNull() || now.value(it.key()).toLongLong() != it.value()) {
            gone << rowOfId(it.key());
            moved << qMakePair(it.key(), now.value(it.key()));
        }
    }
    std::sort(gone.begin(), gone.end(), std::greater<int>());
    m_frozen = true;
    for (int r : gone) {
        if (r < 0)
            continue;
        beginRemoveRows({}, r, r);
        m_rows.remove(r);
        shiftRows(r + 1, -1);
        --m_count;
        endRemoveRows();
    }
    m_frozen = false;
    result.removed = int(gone.size() - moved.size());
    // New tokens since the last look (a primary-key range), each inserted at its place.
    QList<Row> arrivals;
    if (newest > m_maxId) {
        QVariantList v;
        const QString newer = QStringLiteral("SELECT %1 FROM trongate_tokens").arg(Columns) + where(&v)
            + QStringLiteral(" AND id > ? ORDER BY id LIMIT 1000");
        v << m_maxId;
        QSqlQuery n(m_db);
        n.setForwardOnly(true);
        ++m_queries;
        if (Sql::exec(n, newer, v, &m_error))
            while (n.next())
                arrivals << Row { n.value(0).toLongLong(), n.value(1).toLongLong(), n.value(2).toString(),
                    n.value(3).toLongLong(), {} };
        m_maxId = newest;
    }
    for (const auto &[id, expiry] : moved) {
        if (expiry.isNull())
            continue;
        QSqlQuery one(m_db);
        ++m_queries;
        if (Sql::exec(one, QStringLiteral("SELECT %1 FROM trongate_tokens WHERE id = ?").arg(Columns), { id })
            && one.next())
            arrivals << Row { one.value(0).toLongLong(), one.value(1).toLongLong(), one.value(2).toString(),
                one.value(3).toLongLong(), {} };
    }
    if (!arrivals.isEmpty())
        enrich(arrivals);
    std::sort(arrivals.begin(), arrivals.end(),
        [](const Row &a, const Row &b) { return a.expiry != b.expiry ? a.expiry < b.expiry : a.id < b.id; });
    // In ascending order each rank counts the arrivals before it, which are inserted by then.
    QList<qint64> ranks;
    for (const Row &a : std::as_const(arrivals)) {
        bool ok = false;
        ranks << rankOf(a.expiry, a.id, &ok);
        if (!ok)
            ranks.last() = -1;
    }
    m_frozen = true;
    for (int i = 0; i < arrivals.size(); ++i) {
        const qint64 rank = ranks.at(i);
        if (rank < 0 || rank > m_count)
            continue;
        beginInsertRows({}, int(rank), int(rank));
        shiftRows(int(rank), 1);
        m_rows.insert(int(rank), arrivals.at(i));
        ++m_count;
        endInsertRows();
    }
    m_frozen = false;
    result.updated = int(moved.size());
    result.inserted = int(arrivals.size())
        - int(std::count_if(moved.begin(), moved.end(), [](const auto &m) { return !m.second.isNull(); }));
    if (result.changed())
        emit countChanged(m_count);
    return result;
}

bool ExpiryModel::reconcile()
{
    QVariantList values;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    ++m_queries;
    if (!Sql::exec(q, QStringLiteral("SELECT COUNT(*) FROM trongate_tokens") + where(&values), values, &m_error)
        || !q.next())
        return false;
    const qint64 actual = q.value(0).toLongLong();
    if (actual == m_count)
        return false;
    reload();
    return true;
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
            return r->owner.identity;
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
