#include "schema/RowEstimate.h"

#include "sql/Dialect.h"
#include "sql/SqlDialect.h"

#include <QSqlQuery>

qint64 RowEstimate::exactCountBelow()
{
    bool ok = false;
    const qint64 fromEnvironment = qEnvironmentVariable("TGADMIN_EXACT_COUNT_BELOW").toLongLong(&ok);
    return ok ? fromEnvironment : 50'000;
}

qint64 RowEstimate::rounded(qint64 rows)
{
    qint64 unit = 1;
    while (rows / unit >= 100)
        unit *= 10;
    return (rows + unit / 2) / unit * unit;
}

RowEstimate RowEstimate::read(const QSqlDatabase &db, const QString &table)
{
    return read(db, QStringList { table }).value(table);
}

QHash<QString, RowEstimate> RowEstimate::read(const QSqlDatabase &db, const QStringList &tables)
{
    QHash<QString, RowEstimate> out;
    if (tables.isEmpty())
        return out;
    const Dialect &dialect = Dialect::of(db);
    const QHash<QString, qint64> estimates = dialect.estimatedRows(db, tables);
    for (auto it = estimates.cbegin(); it != estimates.cend(); ++it)
        out.insert(it.key(), RowEstimate { Kind::Estimate, it.value() });
    for (const QString &t : tables) {
        if (out.contains(t))
            continue;
        const QString bound = dialect.rowUpperBoundSql(dialect.quoteIdentifier(t));
        if (bound.isEmpty()) // the servers: their estimate or nothing, until the exact count
            break;
        QSqlQuery span(db);
        span.setForwardOnly(true);
        if (Sql::exec(span, bound) && span.next())
            out.insert(t, RowEstimate { Kind::UpperBound, span.value(0).isNull() ? 0 : span.value(0).toLongLong() });
    }
    return out;
}
