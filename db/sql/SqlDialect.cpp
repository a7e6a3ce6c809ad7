#include "sql/SqlDialect.h"

#include "sql/Dialect.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>

namespace Sql {

DriverKind kindOf(const QSqlDatabase &db)
{
    return Dialect::kindOf(db);
}

QString quoteIdentifier(DriverKind kind, const QString &name)
{
    return Dialect::of(kind).quoteIdentifier(name);
}

QString quoteIdentifier(const QSqlDatabase &db, const QString &name)
{
    return Dialect::of(db).quoteIdentifier(name);
}

QString identifierError(const QString &name)
{
    if (!name.contains(QChar(0)))
        return {};
    return QCoreApplication::translate(
        "Sql", "A table or column name contains a NUL character, which no database accepts in a name.");
}

QStringList tables(const QSqlDatabase &db)
{
    // Qt's MySQL driver dereferences its handle here even when the connection never opened.
    if (!db.isOpen())
        return {};
    return db.tables(QSql::Tables);
}

namespace {
QString escapeLike(const QString &text)
{
    QString e = text;
    e.replace(QLatin1Char('!'), QLatin1String("!!"));
    e.replace(QLatin1Char('%'), QLatin1String("!%"));
    e.replace(QLatin1Char('_'), QLatin1String("!_"));
    return e;
}
} // namespace

QString placeholders(qsizetype n)
{
    QString s;
    s.reserve(n * 3);
    for (qsizetype i = 0; i < n; ++i)
        s += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return s;
}

QString likeOperator(const QSqlDatabase &db)
{
    return Dialect::of(db).likeOperator();
}

QString likeContains(const QString &text)
{
    return QLatin1Char('%') + escapeLike(text) + QLatin1Char('%');
}

QString likePrefix(const QString &text)
{
    return escapeLike(text) + QLatin1Char('%');
}

namespace {
// Only a quoted identifier can bring a NUL into our SQL (values are bound, never spliced in).
// SQLite would stop reading the statement at it, the servers would report a syntax error.
bool refuseNul(const QString &sql, QString *error)
{
    if (!sql.contains(QChar(0)))
        return false;
    if (error)
        *error = identifierError(sql);
    return true;
}

bool report(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}
} // namespace

bool exec(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error)
{
    if (refuseNul(sql, error))
        return false;
    // Nothing to bind: sent as it is. A prepared statement costs round trips of its own
    // (prepare, then execute) that a database 20-150 ms away makes the user wait for.
    if (values.isEmpty())
        return q.exec(sql) || report(q, error);
    if (!q.prepare(sql))
        return report(q, error);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return report(q, error);
    return true;
}

bool execDdl(QSqlQuery &q, const QString &sql, QString *error)
{
    if (!q.driver() || q.driver()->dbmsType() != QSqlDriver::PostgreSQL)
        return exec(q, sql, {}, error);
    if (refuseNul(sql, error))
        return false;
    return q.exec(sql) || report(q, error);
}

} // namespace Sql
