#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

// What the database already knows about a table's size without counting it: MySQL/MariaDB's
// information_schema.TABLES.TABLE_ROWS and PostgreSQL's pg_class.reltuples (kept by the engine's
// statistics; InnoDB's is often off by tens of per cent), SQLite's sqlite_stat1 after an ANALYZE.
// SQLite without statistics gives the span of the table's rowids instead: never fewer than the rows
// there are, but no estimate (a purge leaves gaps), so it is only an upper bound.
// Read to decide whether a table is small enough to count before its first page shows, and to say
// "about N rows" until the exact count arrives.
struct RowEstimate {
    enum class Kind { None, Estimate, UpperBound };
    Kind kind = Kind::None;
    qint64 rows = -1;

    bool known() const { return kind != Kind::None; }
    // Whether a table of this estimate is counted before its first screen shows: unknown sizes and
    // sizes under the limit are (one COUNT(*) of a small table costs less than a second trip later);
    // a limit of 0 or less counts every table first.
    bool countNow(qint64 limit) const { return !known() || limit <= 0 || rows < limit; }

    // Tables estimated at fewer rows than this are counted exactly at once: TGADMIN_EXACT_COUNT_BELOW
    // (for tests and benchmarks), 50,000 by default.
    static qint64 exactCountBelow();
    // One unprepared query (one round trip) for all the tables on MySQL/MariaDB and PostgreSQL; on
    // SQLite one for the statistics
    // and, for tables without, two index look-ups each. A table the engine knows nothing of (a view,
    // PostgreSQL before its first ANALYZE) is missing from the result.
    static QHash<QString, RowEstimate> read(const QSqlDatabase &db, const QStringList &tables);
    static RowEstimate read(const QSqlDatabase &db, const QString &table);
    // An estimate as it is said: two significant figures (997,432 is "about 1,000,000", 52,311
    // "about 52,000"); more would claim a precision it lacks.
    static qint64 rounded(qint64 rows);
};
