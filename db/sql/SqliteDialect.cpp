#include "sql/SqliteDialect.h"

#include "sql/SqlDialect.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace {
const QString ServerClock = QStringLiteral(R"(SELECT CAST(strftime('%s', 'now') AS INTEGER))");
const QString QueryOnly = QStringLiteral("PRAGMA query_only = ON");
const QString QueryWritable = QStringLiteral("PRAGMA query_only = OFF");

const QString Columns = QStringLiteral(R"(
SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid)");

const QString TablesWithColumn = QStringLiteral(R"(
SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
WHERE m.type = 'table' AND p.name = ? ORDER BY m.name)");

const QString IndexList = QStringLiteral(R"(SELECT name, "unique", origin FROM pragma_index_list(?))");
const QString IndexInfo = QStringLiteral(R"(SELECT name FROM pragma_index_info(?) ORDER BY seqno)");
const QString ForeignKeys = QStringLiteral(R"(SELECT "table", "from", "to", id FROM pragma_foreign_key_list(?))");

// Written by ANALYZE: the first number of stat is the rows of the table (or of one of its indexes,
// which holds one entry per row).
const QString Statistics = QStringLiteral(R"(
SELECT tbl, stat FROM sqlite_stat1 WHERE tbl IN (%1))");

// Each MIN and MAX on its own: together in one SELECT SQLite walks the whole table.
const QString RowidSpan = QStringLiteral("SELECT (SELECT MAX(rowid) FROM %1) - (SELECT MIN(rowid) FROM %1) + 1");

const QString DataVersion = QStringLiteral(R"(PRAGMA data_version)");
const QString QueryOnlyState = QStringLiteral(R"(PRAGMA query_only)");

bool run(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error)
{
    q.setForwardOnly(true);
    return Sql::exec(q, sql, values, error);
}
} // namespace

QString SqliteDialect::likeOperator() const
{
    return QStringLiteral(" LIKE ? ESCAPE '!'");
}

QString SqliteDialect::containsTest(const QString &quotedColumn) const
{
    return quotedColumn + QStringLiteral(" LIKE ");
}

QString SqliteDialect::nullSafeEquals(const QString &quotedColumn) const
{
    return quotedColumn + QStringLiteral(" IS ?");
}

QString SqliteDialect::serverClockSql() const
{
    return ServerClock;
}

QString SqliteDialect::autoIncrementColumnType() const
{
    return QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
}

QString SqliteDialect::integerType() const
{
    return QStringLiteral("INT");
}

QString SqliteDialect::smallIntegerType(int displayWidth) const
{
    Q_UNUSED(displayWidth)
    return QStringLiteral("smallint");
}

QString SqliteDialect::varcharType(int length) const
{
    return QStringLiteral("VARCHAR(%1)").arg(length);
}

QString SqliteDialect::caseInsensitiveCollation() const
{
    // utf8mb4_general_ci compares case-insensitively; NOCASE keeps that behaviour in SQLite.
    return QStringLiteral(" COLLATE NOCASE");
}

QString SqliteDialect::beginReadOnlySql() const
{
    return QueryOnly;
}

QString SqliteDialect::endReadOnlySql() const
{
    return QueryWritable;
}

QString SqliteDialect::tablesWithColumnSql() const
{
    return TablesWithColumn;
}

QList<Dialect::Column> SqliteDialect::columns(const QSqlDatabase &db, const QString &table, QString *error) const
{
    static const QRegularExpression sized(QStringLiteral("^\\s*([A-Za-z ]+?)\\s*\\(\\s*(\\d+)\\s*\\)"));
    QList<Column> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(q, Columns, { table }, error))
        return out;
    while (q.next()) {
        Column c;
        c.name = q.value(0).toString();
        const QString declared = q.value(1).toString();
        const auto m = sized.match(declared);
        c.type = m.hasMatch() ? m.captured(1) : declared;
        c.length = m.hasMatch() ? m.captured(2).toInt() : 0;
        c.nullable = q.value(2).toInt() == 0;
        c.primaryKey = q.value(4).toInt() > 0;
        // Only "INTEGER PRIMARY KEY" aliases the rowid, which is what makes it auto-increment.
        c.autoIncrement
            = c.primaryKey && declared.trimmed().compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0;
        if (c.autoIncrement)
            c.nullable = false;
        c.defaultValue = q.value(3);
        out << c;
    }
    return out;
}

QList<Dialect::Index> SqliteDialect::indexes(const QSqlDatabase &db, const QString &table) const
{
    QList<Index> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QList<Index> list;
    if (Sql::exec(q, IndexList, { table }))
        while (q.next())
            list << Index { q.value(0).toString(), {}, q.value(1).toInt() == 1,
                q.value(2).toString() == QLatin1String("pk") };
    for (Index &i : list) {
        QSqlQuery c(db);
        c.setForwardOnly(true);
        if (Sql::exec(c, IndexInfo, { i.name }))
            while (c.next())
                i.columns << c.value(0).toString();
        out << i;
    }
    return out;
}

QList<Dialect::ForeignKey> SqliteDialect::foreignKeys(
    const QSqlDatabase &db, const QStringList &tables, QString *error) const
{
    Q_UNUSED(error) // a table without foreign keys answers no rows; a failure means the same here
    QList<ForeignKey> out;
    for (const QString &name : tables) {
        QSqlQuery f(db);
        f.setForwardOnly(true);
        if (Sql::exec(f, ForeignKeys, { name }))
            while (f.next())
                out << ForeignKey { name, f.value(1).toString(), f.value(0).toString(),
                    f.value(2).isNull() ? QStringLiteral("id") : f.value(2).toString(),
                    QStringLiteral("fk%1").arg(f.value(3).toInt()) };
    }
    return out;
}

QHash<QString, qint64> SqliteDialect::estimatedRows(const QSqlDatabase &db, const QStringList &tables) const
{
    QHash<QString, qint64> out;
    if (tables.isEmpty())
        return out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // sqlite_stat1 exists only once ANALYZE ran: a failure here just means no statistics.
    if (Sql::exec(q, Statistics.arg(Sql::placeholders(tables.size())), QVariantList(tables.cbegin(), tables.cend()))) {
        while (q.next()) {
            const qint64 rows = q.value(1).toString().section(QLatin1Char(' '), 0, 0).toLongLong();
            qint64 &e = out[q.value(0).toString()];
            e = std::max(e, rows);
        }
    }
    return out;
}

QString SqliteDialect::rowUpperBoundSql(const QString &quotedTable) const
{
    // A table WITHOUT ROWID has no rowid: the statement fails and there is no bound.
    return RowidSpan.arg(quotedTable);
}

Dialect::ChangeCounter SqliteDialect::changeCounterQuery() const
{
    return { DataVersion, 0 };
}

bool SqliteDialect::readPrivileges(const QSqlDatabase &db, QHash<QString, TablePrivileges> &tables, QString *account,
    QString *error, const QList<QVariantList> *) const
{
    // A file has no accounts: everything, or reading only when nothing may be written.
    Q_UNUSED(account)
    Q_UNUSED(error)
    QString why;
    const QString path = db.databaseName();
    bool writable = true;
    if (!path.isEmpty() && path != QLatin1String(":memory:")) {
        const QFileInfo fi(path);
        writable = fi.isWritable() && QFileInfo(fi.absolutePath()).isWritable();
    }
    if (db.connectOptions().contains(QLatin1String("QSQLITE_OPEN_READONLY")))
        writable = false;
    QSqlQuery q(db);
    if (run(q, QueryOnlyState, {}, &why) && q.next() && q.value(0).toInt() == 1)
        writable = false;
    for (auto it = tables.begin(); it != tables.end(); ++it)
        *it = { true, writable, writable, writable };
    return true;
}
