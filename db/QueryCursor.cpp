#include "QueryCursor.h"

#include "SqlDialect.h"

#include <QSqlError>
#include <QSqlRecord>

namespace {
// Fixed statements, run unprepared: neither server prepares transaction control.
const QString MySqlBeginReadOnly = QStringLiteral("START TRANSACTION READ ONLY");
const QString PostgresBeginReadOnly = QStringLiteral("BEGIN TRANSACTION READ ONLY");
const QString SqliteQueryOnly = QStringLiteral("PRAGMA query_only = ON");
const QString SqliteQueryWritable = QStringLiteral("PRAGMA query_only = OFF");
const QString Rollback = QStringLiteral("ROLLBACK");
} // namespace

QueryCursor::QueryCursor(const QSqlDatabase &db)
    : m_db(db)
{
}

QueryCursor::~QueryCursor()
{
    close();
}

void QueryCursor::close()
{
    m_query.reset();
    if (!m_db.isOpen())
        return;
    QSqlQuery q(m_db);
    if (Sql::kindOf(m_db) == DriverKind::Sqlite) {
        if (m_inTransaction)
            q.exec(SqliteQueryWritable);
    } else if (m_inTransaction) {
        q.exec(Rollback);
    }
    m_inTransaction = false;
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
    const DriverKind kind = Sql::kindOf(m_db);
    const QString &beginSql = kind == DriverKind::MySql ? MySqlBeginReadOnly
        : kind == DriverKind::Postgres                  ? PostgresBeginReadOnly
                                                        : SqliteQueryOnly;
    if (!begin.exec(beginSql)) {
        page.error = tr("The read-only transaction could not be started: %1").arg(begin.lastError().text());
        return page;
    }
    m_inTransaction = true;
    m_query = std::make_unique<QSqlQuery>(m_db);
    m_query->setForwardOnly(true);
    if (!Sql::exec(*m_query, statement.sql, statement.values(now), &page.error)) {
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
