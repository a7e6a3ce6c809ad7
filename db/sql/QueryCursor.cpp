#include "sql/QueryCursor.h"

#include "sql/Dialect.h"
#include "sql/SqlDialect.h"

#include <sqlite3.h>

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

QueryCursor::QueryCursor(const QSqlDatabase &db, std::shared_ptr<Target> target)
    : m_db(db)
    , m_target(std::move(target))
{
}

bool QueryCursor::interrupt(const Target &target, const QSqlDatabase &other, QString *error)
{
    const Dialect &dialect = target.dialect();
    if (dialect.stopsStatementsInProcess()) {
        void *handle = target.sqlite.load();
        if (!handle)
            return false;
        // Thread-safe by SQLite's contract; the statement then fails with SQLITE_INTERRUPT.
        sqlite3_interrupt(static_cast<sqlite3 *>(handle));
        return true;
    }
    const qint64 id = target.serverId.load();
    if (id < 0 || !other.isOpen())
        return false;
    return dialect.cancelStatement(other, id, error);
}

void QueryCursor::identify(const QSqlDatabase &db, Target &target)
{
    const Dialect &dialect = Dialect::of(db);
    target.kind = int(dialect.kind());
    if (dialect.stopsStatementsInProcess()) {
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            target.sqlite = *static_cast<sqlite3 *const *>(handle.constData());
        return;
    }
    if (const std::optional<qint64> id = dialect.sessionIdOfHandle(db)) {
        target.serverId = *id; // no round trip: a far server's first statement starts at once
        return;
    }
    QSqlQuery q(db);
    if (q.exec(dialect.sessionIdSql()) && q.next())
        target.serverId = q.value(0).toLongLong();
}

QueryCursor::~QueryCursor()
{
    close();
}

void QueryCursor::close()
{
    if (m_target) {
        m_target->serverId = -1;
        m_target->sqlite = nullptr;
    }
    if (!m_db.isOpen() || !m_inTransaction) {
        m_query.reset();
        return;
    }
    m_inTransaction = false;
    const Dialect &dialect = Dialect::of(m_db);
    // SQLite: finalized before the connection is writable again. The servers: rolled back first,
    // as PostgreSQL refuses to free a prepared statement in an aborted transaction.
    if (dialect.endsReadOnlyAfterStatements())
        m_query.reset();
    QSqlQuery(m_db).exec(dialect.endReadOnlySql());
    m_query.reset();
}

QueryCursor::Page QueryCursor::open(
    const QueryBuilder::Statement &statement, qint64 now, int pageSize, const std::atomic_bool *cancel)
{
    close();
    Page page;
    if (!statement.isValid()) {
        page.error = statement.error.isEmpty() ? tr("There is no query to run.") : statement.error;
        return page;
    }
    if (!QueryBuilder::isSingleSelect(statement.sql, &page.error))
        return page;
    if (!m_db.isOpen()) {
        page.error = tr("The database could not be reached.");
        return page;
    }
    QSqlQuery begin(m_db);
    if (m_target)
        identify(m_db, *m_target);
    // Unprepared: neither server prepares transaction control.
    if (!begin.exec(Dialect::of(m_db).beginReadOnlySql())) {
        page.error = tr("The read-only transaction could not be started: %1").arg(begin.lastError().text());
        return page;
    }
    m_inTransaction = true;
    m_query = std::make_unique<QSqlQuery>(m_db);
    m_query->setForwardOnly(true);
    if (!Sql::exec(*m_query, statement.sql, statement.values(now), &page.error)) {
        // Interrupted on request: a cancel, not a failure.
        if (cancel && cancel->load()) {
            page.error.clear();
            page.cancelled = true;
        }
        close();
        return page;
    }
    if (cancel && cancel->load()) {
        page.cancelled = true;
        close();
        return page;
    }
    m_headers = statement.headers;
    if (m_headers.isEmpty()) {
        const QSqlRecord r = m_query->record();
        for (int i = 0; i < r.count(); ++i)
            m_headers << r.fieldName(i);
    }
    return read(pageSize, cancel);
}

QueryCursor::Page QueryCursor::next(int pageSize, const std::atomic_bool *cancel)
{
    if (!m_query) {
        Page page;
        page.headers = m_headers;
        return page;
    }
    return read(pageSize, cancel);
}

QueryCursor::Page QueryCursor::read(int pageSize, const std::atomic_bool *cancel)
{
    Page page;
    page.headers = m_headers;
    page.atEnd = false;
    const int columns = int(m_headers.size());
    while (page.rows.size() < pageSize) {
        if (cancel && cancel->load()) {
            page.cancelled = true;
            page.atEnd = true;
            close();
            return page;
        }
        if (!m_query->next()) {
            if (m_query->lastError().isValid())
                page.error = m_query->lastError().text();
            page.atEnd = true;
            close();
            return page;
        }
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row << m_query->value(i);
        page.rows << row;
    }
    return page;
}
