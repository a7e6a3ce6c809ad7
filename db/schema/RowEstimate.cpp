#include "schema/RowEstimate.h"

#include "sql/SqlDialect.h"

#include <QSqlQuery>

namespace {
// Every table of the schema, the wanted ones picked out here: without a value to bind the
// statement goes unprepared, one round trip instead of two (prepare, execute) to a distant server.
const QString MySqlRows = QStringLiteral(R"(
SELECT TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_ROWS IS NOT NULL)");

// reltuples is -1 (PostgreSQL 14 and later) or 0 (before) until the table was first analyzed.
const QString PostgresRows = QStringLiteral(R"(
SELECT c.relname, c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.reltuples > 0)");

// Written by ANALYZE: the first number of stat is the rows of the table (or of one of its indexes,
// which holds one entry per row).
const QString SqliteStatistics = QStringLiteral(R"(
SELECT tbl, stat FROM sqlite_stat1 WHERE tbl IN (%1))");

// Each MIN and MAX on its own: together in one SELECT SQLite walks the whole table.
const QString SqliteRowidSpan = QStringLiteral("SELECT (SELECT MAX(rowid) FROM %1) - (SELECT MIN(rowid) FROM %1) + 1");
} // namespace

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
    QVariantList names;
    for (const QString &t : tables)
        names << t;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    switch (Sql::kindOf(db)) {
    case DriverKind::MySql:
    case DriverKind::Postgres: {
        if (!Sql::exec(q, Sql::kindOf(db) == DriverKind::MySql ? MySqlRows : PostgresRows))
            return out;
        while (q.next()) {
            // MySQL on a case-insensitive file system may answer in another case.
            const QString name = q.value(0).toString();
            const auto it = std::find_if(tables.cbegin(), tables.cend(),
                [&name](const QString &t) { return t.compare(name, Qt::CaseInsensitive) == 0; });
            if (it != tables.cend())
                out.insert(*it, RowEstimate { Kind::Estimate, q.value(1).toLongLong() });
        }
        return out;
    }
    case DriverKind::Sqlite:
        break;
    }
    // sqlite_stat1 exists only once ANALYZE ran: a failure here just means no statistics.
    if (Sql::exec(q, SqliteStatistics.arg(Sql::placeholders(names.size())), names)) {
        while (q.next()) {
            const qint64 rows = q.value(1).toString().section(QLatin1Char(' '), 0, 0).toLongLong();
            RowEstimate &e = out[q.value(0).toString()];
            e.kind = Kind::Estimate;
            e.rows = std::max(e.rows, rows);
        }
    }
    for (const QString &t : tables) {
        if (out.contains(t))
            continue;
        QSqlQuery span(db);
        span.setForwardOnly(true);
        // A table WITHOUT ROWID has no rowid: no bound then.
        if (Sql::exec(span, SqliteRowidSpan.arg(Sql::quoteIdentifier(db, t))) && span.next())
            out.insert(t, RowEstimate { Kind::UpperBound, span.value(0).isNull() ? 0 : span.value(0).toLongLong() });
    }
    return out;
}
