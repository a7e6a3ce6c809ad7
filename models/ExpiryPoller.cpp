#include "ExpiryPoller.h"

#include "Connector.h"
#include "SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString Columns = QStringLiteral("id, expiry_date, token, user_id");
const QString SqliteDataVersion = QStringLiteral(R"(PRAGMA data_version)");
const QString InnoDbLsn = QStringLiteral(R"(SHOW GLOBAL STATUS LIKE 'Innodb_lsn_current')");
const QString TokensEngine = QStringLiteral(
    R"(SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'trongate_tokens')");
const QString PostgresWalInsert = QStringLiteral(R"(SELECT CASE WHEN pg_is_in_recovery()
    THEN pg_last_wal_replay_lsn()::text ELSE pg_current_wal_insert_lsn()::text END)");
// (expiry_date, id) < (?, ?), written out: row-value comparison is not in every engine we support.
const QString BeforeKey = QStringLiteral(R"((expiry_date < ? OR (expiry_date = ? AND id < ?)))");
const QString FromKey = QStringLiteral(R"((expiry_date > ? OR (expiry_date = ? AND id >= ?)))");
} // namespace

QString ExpiryChangeSignal::probe(const QSqlDatabase &db, int *queries)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    switch (Sql::kindOf(db)) {
    case DriverKind::Sqlite:
        ++*queries;
        return q.exec(SqliteDataVersion) && q.next() ? q.value(0).toString() : QString();
    case DriverKind::MySql:
        ++*queries;
        return q.exec(InnoDbLsn) && q.next() ? q.value(1).toString() : QString();
    case DriverKind::Postgres:
        ++*queries;
        return q.exec(PostgresWalInsert) && q.next() ? q.value(0).toString() : QString();
    }
    return {};
}

bool ExpiryChangeSignal::changed(const QSqlDatabase &db, int *queries)
{
    if (!m_supported) {
        // A table in another engine (MyISAM, Aria) moves no InnoDB counter: read every time.
        m_supported = true;
        if (Sql::kindOf(db) == DriverKind::MySql) {
            QSqlQuery q(db);
            ++*queries;
            m_supported = q.exec(TokensEngine) && q.next()
                && q.value(0).toString().compare(QLatin1String("InnoDB"), Qt::CaseInsensitive) == 0;
        }
    }
    if (!*m_supported)
        return true;
    const QString now = probe(db, queries);
    if (now.isEmpty()) {
        m_supported = false;
        return true;
    }
    const bool moved = now != m_last;
    m_last = now;
    return moved;
}

ExpiryPollSnapshot readExpirySnapshot(const QSqlDatabase &db, const ExpiryPollRequest &r,
    ExpiryChangeSignal *signal, const TokenOwners &owners)
{
    ExpiryPollSnapshot s;
    s.generation = r.generation;
    s.topRow = r.topRow;
    s.oldWindow = r.oldWindow;
    s.windowRows = r.windowRows;
    s.span = r.span;
    // The signal is read BEFORE the rows: a commit after it moves it again for the next poll.
    const bool moved = signal->changed(db, &s.queries);
    if (!moved && !r.force && !r.timeDependent) {
        s.unchanged = true;
        if (r.timeline && r.timelineDue) {
            ExpiryTimeline::Slices slices;
            ++s.queries;
            if (ExpiryTimeline::compute(db, r.span, r.now, &slices, &s.error, r.levelId, r.userId))
                s.slices = slices;
        }
        return s;
    }
    // One pass over the filtered rows (an index-only scan with an index on expiry_date): how many
    // match, and how many sort before the top row's key.
    {
        QVariantList values = r.values;
        QString sql;
        if (r.hasTop) {
            sql = QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN %1 THEN 1 ELSE 0 END), 0) FROM trongate_tokens")
                      .arg(BeforeKey)
                + r.where;
            values = QVariantList { r.topExpiry, r.topExpiry, r.topId } + values;
        } else {
            sql = QStringLiteral("SELECT COUNT(*), 0 FROM trongate_tokens") + r.where;
        }
        QSqlQuery q(db);
        q.setForwardOnly(true);
        ++s.queries;
        if (!Sql::exec(q, sql, values, &s.error) || !q.next()) {
            s.ok = false;
            return s;
        }
        s.count = q.value(0).toLongLong();
        s.above = q.value(1).toLongLong();
    }
    // The rows from the top key on, by key (expiry_date, id): a range read, never an OFFSET.
    {
        QVariantList values = r.values;
        QString sql = QStringLiteral("SELECT %1 FROM trongate_tokens").arg(Columns) + r.where;
        if (r.hasTop) {
            sql += QStringLiteral(" AND ") + FromKey;
            values << r.topExpiry << r.topExpiry << r.topId;
        }
        sql += QStringLiteral(" ORDER BY expiry_date, id LIMIT ?");
        values << std::max(1, r.windowRows);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        ++s.queries;
        if (!Sql::exec(q, sql, values, &s.error)) {
            s.ok = false;
            return s;
        }
        QList<qint64> users;
        while (q.next()) {
            s.window << ExpiryRow { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                q.value(3).toLongLong(), {} };
            users << s.window.last().userId;
        }
        if (!users.isEmpty()) {
            ++s.queries;
            const QHash<qint64, TokenOwners::Owner> found = owners.lookup(users);
            for (ExpiryRow &row : s.window)
                row.owner = found.value(row.userId);
        }
    }
    if (r.timeline) {
        ExpiryTimeline::Slices slices;
        ++s.queries;
        if (ExpiryTimeline::compute(db, r.span, r.now, &slices, &s.error, r.levelId, r.userId))
            s.slices = slices;
    }
    return s;
}

ExpiryPoller::ExpiryPoller(const QString &sourceConnection)
    : m_source(sourceConnection)
{
}

ExpiryPoller::~ExpiryPoller()
{
    m_owners.reset();
    if (!m_name.isEmpty())
        Connector::close(m_name);
}

bool ExpiryPoller::ensureOpen(QString *error)
{
    if (!m_name.isEmpty() && QSqlDatabase::database(m_name, false).isOpen())
        return true;
    if (m_name.isEmpty()) {
        m_name = Connector::uniqueName(QStringLiteral("live"));
        // The two-argument clone takes the source by NAME: the thread-safe overload.
        QSqlDatabase::cloneDatabase(m_source, m_name);
    }
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    m_owners = std::make_unique<TokenOwners>(db);
    m_signal = {};
    return true;
}

void ExpiryPoller::poll(const ExpiryPollRequest &request)
{
    QString error;
    if (!ensureOpen(&error)) {
        ExpiryPollSnapshot s;
        s.generation = request.generation;
        s.ok = false;
        s.error = error;
        emit polled(s);
        return;
    }
    emit polled(readExpirySnapshot(QSqlDatabase::database(m_name, false), request, &m_signal, *m_owners));
}
