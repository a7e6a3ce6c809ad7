#include "sql/BatchInsert.h"

#include <QSqlError>

BatchInsert::BatchInsert(QSqlDatabase db, QString head, int columns, int rowsPerStatement)
    : m_db(std::move(db))
    , m_head(std::move(head))
    , m_columns(columns)
    , m_rowsPerStatement(std::max(1, rowsPerStatement))
    , m_full(m_db)
{
    m_pending.reserve(m_columns * m_rowsPerStatement);
}

QString BatchInsert::statement(int rows) const
{
    QString one = QStringLiteral("(?");
    for (int c = 1; c < m_columns; ++c)
        one += QStringLiteral(", ?");
    one += QLatin1Char(')');
    QString sql = m_head;
    sql.reserve(m_head.size() + rows * (one.size() + 2));
    for (int r = 0; r < rows; ++r) {
        sql += r == 0 ? QStringLiteral(" ") : QStringLiteral(", ");
        sql += one;
    }
    return sql;
}

bool BatchInsert::run(QSqlQuery &query, QString *error)
{
    for (int i = 0; i < m_pending.size(); ++i)
        query.bindValue(i, m_pending.at(i));
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    m_written += m_pending.size() / m_columns;
    m_pending.clear();
    return true;
}

bool BatchInsert::add(const QVariantList &row, QString *error)
{
    Q_ASSERT(row.size() == m_columns);
    m_pending += row;
    if (m_pending.size() < m_columns * m_rowsPerStatement)
        return true;
    if (!m_fullPrepared) {
        if (!m_full.prepare(statement(m_rowsPerStatement))) {
            if (error)
                *error = m_full.lastError().text();
            return false;
        }
        m_fullPrepared = true;
    }
    return run(m_full, error);
}

bool BatchInsert::finish(QString *error)
{
    if (m_pending.isEmpty())
        return true;
    QSqlQuery tail(m_db);
    if (!tail.prepare(statement(int(m_pending.size() / m_columns)))) {
        if (error)
            *error = tail.lastError().text();
        return false;
    }
    return run(tail, error);
}
