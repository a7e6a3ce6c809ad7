#include "sql/MySqlDialect.h"

#include "sql/SqlDialect.h"

#include <QSqlError>

namespace {
const QString ServerClock = QStringLiteral(R"(SELECT UNIX_TIMESTAMP())");
const QString BeginReadOnly = QStringLiteral("START TRANSACTION READ ONLY");
const QString Rollback = QStringLiteral("ROLLBACK");
const QString ConnectionId = QStringLiteral("SELECT CONNECTION_ID()");

const QString Columns = QStringLiteral(R"(
SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_KEY
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
ORDER BY ORDINAL_POSITION)");

const QString ColumnsOf = QStringLiteral(R"(
SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_KEY, TABLE_NAME
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (%1)
ORDER BY TABLE_NAME, ORDINAL_POSITION)");

const QString TablesWithColumn = QStringLiteral(R"(
SELECT TABLE_NAME FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = ? ORDER BY TABLE_NAME)");

const QString IndexesOf = QStringLiteral(R"(
SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, TABLE_NAME FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (%1) ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX)");

const QString ForeignKeys = QStringLiteral(R"(
SELECT TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, CONSTRAINT_NAME
FROM information_schema.KEY_COLUMN_USAGE
WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY TABLE_NAME, ORDINAL_POSITION)");

// Every table of the schema, the wanted ones picked out here: without a value to bind the
// statement goes unprepared, one round trip instead of two (prepare, execute) to a distant server.
const QString Rows = QStringLiteral(R"(
SELECT TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_ROWS IS NOT NULL)");

// Columns by name, in the order of IdentityLookup's lists (ORDINAL_POSITION keeps a table's own
// order). Both sides name the schema: a join on it alone makes MariaDB read the columns of every
// database on the server (on a shared host, thousands).
const QString IdentityColumns = QStringLiteral(
    "SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c "
    "WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME IN (SELECT l.TABLE_NAME FROM information_schema.COLUMNS l "
    "WHERE l.TABLE_SCHEMA = DATABASE() AND l.COLUMN_NAME = 'trongate_user_id') AND LOWER(c.COLUMN_NAME) IN "
    "('username', 'user_name', 'login', 'email', 'email_address', 'mail') "
    "ORDER BY c.TABLE_NAME, FIELD(LOWER(c.COLUMN_NAME), 'username', 'user_name', 'login', 'email', 'email_address', "
    "'mail')");

const QString InnoDbLsn = QStringLiteral(R"(SHOW GLOBAL STATUS LIKE 'Innodb_lsn_current')");
const QString TokensEngine = QStringLiteral(
    R"(SELECT ENGINE, VERSION() FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'trongate_tokens')");
// The table's stamp and the server's clock (both through the session's time zone, so that they
// compare), and the log sequence number.
const QString InnoDbTableSignal = QStringLiteral(R"(SELECT UNIX_TIMESTAMP(t.UPDATE_TIME), UNIX_TIMESTAMP(NOW()),
    (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'INNODB_LSN_CURRENT')
    FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME = 'trongate_tokens')");

// One row of Columns or ColumnsOf.
Dialect::Column readColumn(const QSqlQuery &q)
{
    Dialect::Column c;
    c.name = q.value(0).toString();
    c.type = q.value(1).toString();
    const QString type = c.type.trimmed().toLower();
    c.length = type == QLatin1String("varchar") || type == QLatin1String("char") ? q.value(2).toInt() : 0;
    c.nullable = q.value(3).toString() == QLatin1String("YES");
    c.defaultValue = q.value(4);
    c.autoIncrement = q.value(5).toString().contains(QLatin1String("auto_increment"));
    c.primaryKey = q.value(6).toString() == QLatin1String("PRI");
    return c;
}
} // namespace

QString MySqlDialect::likeOperator() const
{
    return QStringLiteral(" LIKE ? ESCAPE '!'");
}

QString MySqlDialect::containsTest(const QString &quotedColumn) const
{
    return quotedColumn + QStringLiteral(" LIKE ");
}

QString MySqlDialect::nullSafeEquals(const QString &quotedColumn) const
{
    return quotedColumn + QStringLiteral(" <=> ?");
}

QString MySqlDialect::serverClockSql() const
{
    return ServerClock;
}

bool MySqlDialect::isLostConnectionCode(const QString &code) const
{
    // CR_SERVER_GONE_ERROR, CR_SERVER_LOST
    return code == QLatin1String("2006") || code == QLatin1String("2013");
}

QString MySqlDialect::autoIncrementColumnType() const
{
    return QStringLiteral("int(11) NOT NULL AUTO_INCREMENT");
}

QString MySqlDialect::primaryKeyClause(const QString &quotedColumn) const
{
    return QStringLiteral("PRIMARY KEY (%1)").arg(quotedColumn);
}

QString MySqlDialect::integerType() const
{
    return QStringLiteral("int(11)");
}

QString MySqlDialect::smallIntegerType(int displayWidth) const
{
    return QStringLiteral("tinyint(%1)").arg(displayWidth);
}

QString MySqlDialect::varcharType(int length) const
{
    return QStringLiteral("varchar(%1)").arg(length);
}

QString MySqlDialect::tableOptions() const
{
    return QStringLiteral(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
}

QString MySqlDialect::beginReadOnlySql() const
{
    return BeginReadOnly;
}

QString MySqlDialect::endReadOnlySql() const
{
    return Rollback;
}

QString MySqlDialect::sessionIdSql() const
{
    return ConnectionId;
}

bool MySqlDialect::cancelStatement(const QSqlDatabase &other, qint64 sessionId, QString *error) const
{
    QSqlQuery q(other);
    // The id is a number the server gave us, not text anyone typed; KILL takes no placeholder.
    if (!q.exec(QStringLiteral("KILL QUERY %1").arg(sessionId))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

QString MySqlDialect::tablesWithColumnSql() const
{
    return TablesWithColumn;
}

QList<Dialect::Column> MySqlDialect::columns(const QSqlDatabase &db, const QString &table, QString *error) const
{
    QList<Column> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(q, Columns, { table }, error))
        return out;
    while (q.next())
        out << readColumn(q);
    return out;
}

QHash<QString, QList<Dialect::Column>> MySqlDialect::columnsOf(
    const QSqlDatabase &db, const QStringList &tables, QString *error) const
{
    if (tables.size() < 2)
        return Dialect::columnsOf(db, tables, error);
    // Every table's columns in one round trip: a diagram of ten tables is one query, not ten.
    QHash<QString, QList<Column>> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Sql::exec(q, ColumnsOf.arg(Sql::placeholders(tables.size())), QVariantList(tables.cbegin(), tables.cend()),
            error))
        while (q.next())
            out[q.value(7).toString()] << readColumn(q);
    for (const QString &t : tables)
        if (!out.contains(t))
            out.insert(t, {});
    return out;
}

QList<Dialect::Index> MySqlDialect::indexes(const QSqlDatabase &db, const QString &table) const
{
    return indexesOf(db, { table }).value(table);
}

QHash<QString, QList<Dialect::Index>> MySqlDialect::indexesOf(const QSqlDatabase &db, const QStringList &tables) const
{
    QHash<QString, QList<Index>> out;
    if (tables.isEmpty())
        return out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Sql::exec(q, IndexesOf.arg(Sql::placeholders(tables.size())), QVariantList(tables.cbegin(), tables.cend())))
        while (q.next()) {
            QList<Index> &list = out[q.value(3).toString()];
            const QString name = q.value(0).toString();
            if (list.isEmpty() || list.last().name != name)
                list << Index { name, {}, q.value(1).toInt() == 0, name == QLatin1String("PRIMARY") };
            list.last().columns << q.value(2).toString();
        }
    return out;
}

QList<Dialect::ForeignKey> MySqlDialect::foreignKeys(
    const QSqlDatabase &db, const QStringList &tables, QString *error) const
{
    QList<ForeignKey> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(q, ForeignKeys, {}, error))
        return out;
    while (q.next()) {
        if (!tables.contains(q.value(0).toString()) || !tables.contains(q.value(2).toString()))
            continue;
        out << ForeignKey { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString() };
    }
    return out;
}

QHash<QString, qint64> MySqlDialect::estimatedRows(const QSqlDatabase &db, const QStringList &tables) const
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(q, Rows))
        return {};
    return matchEstimates(q, tables);
}

QString MySqlDialect::identityColumnsSql() const
{
    return IdentityColumns;
}

Dialect::ChangeCounter MySqlDialect::changeCounterQuery() const
{
    // SHOW STATUS answers (Variable_name, Value).
    return { InnoDbLsn, 1 };
}

QString MySqlDialect::tokensTableStorageSql() const
{
    return TokensEngine;
}

QString MySqlDialect::tokensTableChangeSql() const
{
    return InnoDbTableSignal;
}
