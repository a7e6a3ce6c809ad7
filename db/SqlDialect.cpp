#include "SqlDialect.h"

#include <QSqlDriver>
#include <QSqlError>

namespace Sql {

DriverKind kindOf(const QSqlDatabase &db)
{
    const QString d = db.driverName();
    if (d.startsWith(QLatin1String("QMYSQL")) || d.startsWith(QLatin1String("QMARIADB")))
        return DriverKind::MySql;
    if (d.startsWith(QLatin1String("QPSQL")))
        return DriverKind::Postgres;
    return DriverKind::Sqlite;
}

QString quoteIdentifier(const QSqlDatabase &db, const QString &name)
{
    return db.driver()->escapeIdentifier(name, QSqlDriver::TableName);
}

QStringList tables(const QSqlDatabase &db)
{
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
    return kindOf(db) == DriverKind::Postgres ? QStringLiteral(" ILIKE ? ESCAPE '!'") : QStringLiteral(" LIKE ? ESCAPE '!'");
}

QString likeContains(const QString &text)
{
    return QLatin1Char('%') + escapeLike(text) + QLatin1Char('%');
}

QString likePrefix(const QString &text)
{
    return escapeLike(text) + QLatin1Char('%');
}

bool exec(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error)
{
    // PostgreSQL cannot PREPARE DDL; a statement without values has nothing to bind anyway.
    if (values.isEmpty()) {
        if (q.exec(sql))
            return true;
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (!q.prepare(sql)) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace Sql
