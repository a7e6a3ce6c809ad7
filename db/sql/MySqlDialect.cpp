#include "sql/MySqlDialect.h"

#include "sql/ClientLibrary.h"
#include "sql/SqlDialect.h"

#include <QRegularExpression>
#include <QSqlError>

#include <utility>

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
WHERE TABLE_SCHEMA = DATABASE()
ORDER BY TABLE_NAME, ORDINAL_POSITION)");

const QString TablesWithColumn = QStringLiteral(R"(
SELECT TABLE_NAME FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = ? ORDER BY TABLE_NAME)");

const QString IndexesOf = QStringLiteral(R"(
SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, TABLE_NAME FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX)");

const QString ForeignKeys = QStringLiteral(R"(
SELECT TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, CONSTRAINT_NAME
FROM information_schema.KEY_COLUMN_USAGE
WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY TABLE_NAME, ORDINAL_POSITION)");

// The schema's columns, indexes and foreign keys in one unbound statement, each row marked by its
// kind; sorted where they are read.
const QString StructureSql = QStringLiteral(R"(
SELECT 'c', TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE,
       COLUMN_DEFAULT, EXTRA, COLUMN_KEY
FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
UNION ALL SELECT 'i', TABLE_NAME, SEQ_IN_INDEX, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, NULL, NULL, NULL, NULL
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
UNION ALL SELECT 'f', TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME,
       CONSTRAINT_NAME, NULL, NULL, NULL
FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL)");

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
    "('username', 'user_name', 'login', 'email', 'email_address', 'mail')");

const QString InnoDbLsn = QStringLiteral(R"(SHOW GLOBAL STATUS LIKE 'Innodb_lsn_current')");
const QString TokensEngine = QStringLiteral(
    R"(SELECT ENGINE, VERSION() FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'trongate_tokens')");
// The table's stamp and the server's clock (both through the session's time zone, so that they
// compare), and the log sequence number; then the table's engine and the server's version (what
// TokensEngine asks, for a first look that needs one round trip) and the engine's row estimate.
const QString InnoDbTableSignal = QStringLiteral(R"(SELECT UNIX_TIMESTAMP(t.UPDATE_TIME), UNIX_TIMESTAMP(NOW()),
    (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'INNODB_LSN_CURRENT'),
    t.ENGINE, VERSION(), t.TABLE_ROWS
    FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME = 'trongate_tokens')");

const QString CurrentAccount = QStringLiteral(R"(SELECT CURRENT_USER(), DATABASE())");
const QString EnabledRoles = QStringLiteral(R"(SELECT ROLE_NAME FROM information_schema.ENABLED_ROLES)");
const QString GlobalGrants
    = QStringLiteral(R"(SELECT GRANTEE, PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES)");
const QString SchemaGrants
    = QStringLiteral(R"(SELECT GRANTEE, TABLE_SCHEMA, PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES)");
const QString TableGrants = QStringLiteral(
    R"(SELECT GRANTEE, TABLE_NAME, PRIVILEGE_TYPE FROM information_schema.TABLE_PRIVILEGES WHERE TABLE_SCHEMA = ?)");
// All of the above in one round trip: each row says which of them it comes from.
const QString AllGrants = QStringLiteral(R"(SELECT 'a', CURRENT_USER(), DATABASE(), NULL
UNION ALL SELECT 'r', ROLE_NAME, NULL, NULL FROM information_schema.ENABLED_ROLES
UNION ALL SELECT 'g', GRANTEE, PRIVILEGE_TYPE, NULL FROM information_schema.USER_PRIVILEGES
UNION ALL SELECT 's', GRANTEE, TABLE_SCHEMA, PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES
UNION ALL SELECT 't', GRANTEE, TABLE_NAME, PRIVILEGE_TYPE FROM information_schema.TABLE_PRIVILEGES
  WHERE TABLE_SCHEMA = DATABASE())");
// MariaDB's information_schema lists no privileges of roles; SHOW GRANTS does.
const QString ShowGrants = QStringLiteral(R"(SHOW GRANTS)");

bool failed(const QString &why, QString *error)
{
    if (error)
        *error = why;
    return false;
}

bool run(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error)
{
    q.setForwardOnly(true);
    return Sql::exec(q, sql, values, error);
}

void grant(TablePrivileges *t, const QString &privilege)
{
    const QString p = privilege.trimmed().toUpper();
    if (p == QLatin1String("SELECT"))
        t->select = true;
    else if (p == QLatin1String("INSERT"))
        t->insert = true;
    else if (p == QLatin1String("UPDATE"))
        t->update = true;
    else if (p == QLatin1String("DELETE"))
        t->del = true;
}

// 'user'@'host' as information_schema writes grantees; a role has an empty host.
struct Grantee {
    QString user;
    QString host;
    bool operator==(const Grantee &o) const = default;
};

Grantee parseGrantee(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^'((?:[^']|'')*)'(?:@'((?:[^']|'')*)')?$)"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return { text, QString() };
    return { m.captured(1).replace(QStringLiteral("''"), QStringLiteral("'")),
        m.captured(2).replace(QStringLiteral("''"), QStringLiteral("'")) };
}

// A schema name in a database-level grant may hold the wildcards _ and %, escaped with a backslash.
bool schemaMatches(const QString &pattern, const QString &schema)
{
    QString re;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('\\') && i + 1 < pattern.size())
            re += QRegularExpression::escape(QString(pattern.at(++i)));
        else if (c == QLatin1Char('%'))
            re += QStringLiteral(".*");
        else if (c == QLatin1Char('_'))
            re += QLatin1Char('.');
        else
            re += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(re), QRegularExpression::DotMatchesEverythingOption)
        .match(schema)
        .hasMatch();
}

QString unquote(QString s)
{
    if (s.size() >= 2
        && (s.front() == QLatin1Char('`') || s.front() == QLatin1Char('\'') || s.front() == QLatin1Char('"'))
        && s.back() == s.front()) {
        const QChar quote = s.front();
        s = s.mid(1, s.size() - 2);
        s.replace(QString(2, quote), QString(quote));
    }
    return s;
}

// One line of SHOW GRANTS: "GRANT SELECT, DELETE ON `db`.`table` TO `role`". Column-level grants
// ("UPDATE (code)") and role or proxy grants are left out.
struct GrantLine {
    QStringList privileges;
    QString schema; // "*" for every database
    QString table; // "*" for every table
    Grantee grantee;
};

std::optional<GrantLine> parseGrantLine(const QString &line)
{
    static const QString id = QStringLiteral(R"((?:`(?:[^`]|``)*`|'(?:[^']|'')*'|"(?:[^"]|"")*"|\*))");
    static const QRegularExpression re(
        QStringLiteral(R"(^GRANT (.+?) ON (?:TABLE )?(%1)\.(%1) TO (%1)(?:@(%1))?)").arg(id));
    const auto m = re.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    GrantLine g;
    g.schema = unquote(m.captured(2));
    g.table = unquote(m.captured(3));
    g.grantee = { unquote(m.captured(4)), unquote(m.captured(5)) };
    int depth = 0;
    QString current;
    const QString privileges = m.captured(1) + QLatin1Char(',');
    for (const QChar c : privileges) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            const QString p = current.trimmed().toUpper();
            if (p == QLatin1String("ALL") || p == QLatin1String("ALL PRIVILEGES"))
                g.privileges << QStringLiteral("SELECT") << QStringLiteral("INSERT") << QStringLiteral("UPDATE")
                             << QStringLiteral("DELETE");
            else if (!p.contains(QLatin1Char('(')))
                g.privileges << p;
            current.clear();
        } else {
            current += c;
        }
    }
    return g;
}

// One row of Columns or ColumnsOf, or StructureSql's columns from first on.
Dialect::Column readColumn(const QSqlQuery &q, int first = 0)
{
    Dialect::Column c;
    c.name = q.value(first).toString();
    c.type = q.value(first + 1).toString();
    const QString type = c.type.trimmed().toLower();
    c.length = type == QLatin1String("varchar") || type == QLatin1String("char") ? q.value(first + 2).toInt() : 0;
    c.nullable = q.value(first + 3).toString() == QLatin1String("YES");
    c.defaultValue = q.value(first + 4);
    c.autoIncrement = q.value(first + 5).toString().contains(QLatin1String("auto_increment"));
    c.primaryKey = q.value(first + 6).toString() == QLatin1String("PRI");
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

std::optional<qint64> MySqlDialect::sessionIdOfHandle(const QSqlDatabase &db) const
{
    // The greeting's connection id, which the client library keeps: what CONNECTION_ID() says.
    // (Through our relay too: it hands the driver the server's greeting with that id unchanged.)
    // The greeting has 32 bits for it. MariaDB keeps its ids within them since 10.2 (MDEV-15089);
    // MySQL's grow past them on a busy server, and a KILL QUERY by the truncated id could stop
    // another connection: there CONNECTION_ID() is asked.
    using ThreadId = unsigned long (*)(void *);
    using ServerInfo = const char *(*)(void *);
    static const auto threadId = reinterpret_cast<ThreadId>(
        ClientLibrary::loadedFunction({ "libmariadb.so.3", "libmysqlclient.so.21" }, "mysql_thread_id"));
    static const auto serverInfo = reinterpret_cast<ServerInfo>(
        ClientLibrary::loadedFunction({ "libmariadb.so.3", "libmysqlclient.so.21" }, "mysql_get_server_info"));
    void *handle = ClientLibrary::driverHandle(db, { "st_mysql*", "MYSQL*" });
    if (!threadId || !serverInfo || !handle)
        return std::nullopt;
    // "10.11.6-MariaDB", or "5.5.5-10.11.6-MariaDB-log" as MariaDB tells clients of old.
    static const QRegularExpression mariaDb(QStringLiteral(R"(^(?:5\.5\.5-)?(\d+)\.(\d+)\.\d+-MariaDB)"));
    const QRegularExpressionMatch m = mariaDb.match(QString::fromUtf8(serverInfo(handle)));
    if (!m.hasMatch() || std::pair(m.captured(1).toInt(), m.captured(2).toInt()) < std::pair(10, 2))
        return std::nullopt;
    const unsigned long id = threadId(handle);
    return id > 0 ? std::optional<qint64>(qint64(id)) : std::nullopt;
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
    // The schema's every column, the wanted tables picked out here: with nothing to bind the
    // statement goes unprepared, one round trip instead of two to a far server.
    QHash<QString, QList<Column>> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Sql::exec(q, ColumnsOf, {}, error))
        while (q.next())
            if (const QString table = q.value(7).toString(); tables.contains(table))
                out[table] << readColumn(q);
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
    // The schema's every index, the wanted tables picked out here: unprepared, one round trip.
    if (Sql::exec(q, IndexesOf, {}))
        while (q.next()) {
            if (!tables.contains(q.value(3).toString()))
                continue;
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
    return readForeignKeys(db, ForeignKeys, tables, error);
}

Dialect::Structure MySqlDialect::structureOf(const QSqlDatabase &db, const QStringList &tables, QString *error) const
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (tables.size() < 2 || !Sql::exec(q, StructureSql, {}, error))
        return Dialect::structureOf(db, tables, error);
    struct Item {
        QString table;
        qint64 order = 0; // ordinal position, or the place in its index
        QString name; // the column's, the index's, or the foreign key's column
        QVariantList rest;
        Column column; // of a column's row
    };
    QList<Item> columns, indexes, keys;
    while (q.next()) {
        const QString kind = q.value(0).toString();
        Item i { q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(),
            { q.value(4), q.value(5), q.value(6), q.value(7), q.value(8), q.value(9) }, {} };
        if (!tables.contains(i.table))
            continue;
        if (kind == QLatin1String("c"))
            i.column = readColumn(q, 3);
        (kind == QLatin1String("c") ? columns : kind == QLatin1String("i") ? indexes : keys) << i;
    }
    const auto byPlace = [](const Item &a, const Item &b) {
        return std::tie(a.table, a.order) < std::tie(b.table, b.order);
    };
    std::sort(columns.begin(), columns.end(), byPlace);
    std::sort(keys.begin(), keys.end(), byPlace);
    std::sort(indexes.begin(), indexes.end(), [](const Item &a, const Item &b) {
        return std::tie(a.table, a.name, a.order) < std::tie(b.table, b.name, b.order);
    });
    Structure s;
    for (const QString &t : tables)
        s.columns.insert(t, {});
    for (const Item &i : std::as_const(columns))
        s.columns[i.table] << i.column;
    for (const Item &i : std::as_const(indexes)) {
        QList<Index> &list = s.indexes[i.table];
        if (list.isEmpty() || list.last().name != i.name)
            list << Index { i.name, {}, i.rest.at(0).toInt() == 0, i.name == QLatin1String("PRIMARY") };
        list.last().columns << i.rest.at(1).toString();
    }
    for (const Item &i : std::as_const(keys))
        if (tables.contains(i.rest.at(0).toString()))
            s.foreignKeys << ForeignKey { i.table, i.name, i.rest.at(0).toString(), i.rest.at(1).toString(),
                i.rest.at(2).toString() };
    return s;
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

QString MySqlDialect::privilegesSql() const
{
    return AllGrants;
}

bool MySqlDialect::readPrivileges(const QSqlDatabase &db, QHash<QString, TablePrivileges> &tables, QString *account,
    QString *error, const QList<QVariantList> *readAlready) const
{
    QString why;
    // What the account and its roles were granted, read in one round trip where the server
    // allows (a server without ENABLED_ROLES refuses the union: then one view after another).
    QString current;
    QString schema;
    QList<Grantee> roles;
    QList<QStringList> globalRows, schemaRows, tableRows;
    bool together = false;
    {
        QList<QVariantList> rows;
        if (readAlready) {
            rows = *readAlready;
        } else {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (q.exec(AllGrants))
                while (q.next())
                    rows << QVariantList { q.value(0), q.value(1), q.value(2), q.value(3) };
        }
        for (const QVariantList &row : std::as_const(rows)) {
            if (row.size() < 4)
                continue;
            const QString kind = row.at(0).toString();
            const QStringList v { row.at(1).toString(), row.at(2).toString(), row.at(3).toString() };
            if (kind == QLatin1String("a")) {
                current = v.at(0);
                schema = row.at(2).isNull() ? QString() : v.at(1);
            } else if (kind == QLatin1String("r")) {
                if (!row.at(1).isNull()) // MariaDB lists one NULL role when none is enabled
                    roles << Grantee { v.at(0), QString() };
            } else if (kind == QLatin1String("g")) {
                globalRows << v;
            } else if (kind == QLatin1String("s")) {
                schemaRows << v;
            } else if (kind == QLatin1String("t")) {
                tableRows << v;
            }
        }
        together = !current.isEmpty();
    }
    if (!together) {
        QSqlQuery q(db);
        if (!run(q, CurrentAccount, {}, &why) || !q.next())
            return failed(why, error);
        current = q.value(0).toString();
        schema = q.value(1).toString();
        QSqlQuery r(db);
        if (run(r, EnabledRoles, {}, &why)) // a server without the view has no roles to count
            while (r.next())
                if (!r.value(0).isNull())
                    roles << Grantee { r.value(0).toString(), QString() };
        QSqlQuery g(db);
        if (!run(g, GlobalGrants, {}, &why))
            return failed(why, error);
        while (g.next())
            globalRows << QStringList { g.value(0).toString(), g.value(1).toString() };
        if (!schema.isEmpty()) {
            QSqlQuery sg(db);
            if (!run(sg, SchemaGrants, {}, &why))
                return failed(why, error);
            while (sg.next())
                schemaRows << QStringList { sg.value(0).toString(), sg.value(1).toString(), sg.value(2).toString() };
            QSqlQuery t(db);
            if (!run(t, TableGrants, { schema }, &why))
                return failed(why, error);
            while (t.next())
                tableRows << QStringList { t.value(0).toString(), t.value(1).toString(), t.value(2).toString() };
        }
    }
    QList<Grantee> mine;
    {
        const qsizetype at = current.lastIndexOf(QLatin1Char('@')); // the user may contain '@', the host not
        const Grantee self { at < 0 ? current : current.left(at), at < 0 ? QString() : current.mid(at + 1) };
        mine << self;
        *account = QStringLiteral("'%1'@'%2'").arg(self.user, self.host);
    }
    mine += roles;
    auto isMine = [&mine](const QString &grantee) { return mine.contains(parseGrantee(grantee)); };
    for (const QStringList &g : std::as_const(globalRows))
        if (isMine(g.at(0)))
            for (auto it = tables.begin(); it != tables.end(); ++it)
                grant(&*it, g.at(1));
    if (!schema.isEmpty()) {
        for (const QStringList &g : std::as_const(schemaRows))
            if (isMine(g.at(0)) && schemaMatches(g.at(1), schema))
                for (auto it = tables.begin(); it != tables.end(); ++it)
                    grant(&*it, g.at(2));
        for (const QStringList &g : std::as_const(tableRows)) {
            if (!isMine(g.at(0)))
                continue;
            const auto it = tables.find(g.at(1).toLower());
            if (it != tables.end())
                grant(&*it, g.at(2));
        }
    }
    if (!roles.isEmpty()) {
        QSqlQuery q(db);
        if (!run(q, ShowGrants, {}, &why))
            return failed(why, error);
        while (q.next()) {
            const auto g = parseGrantLine(q.value(0).toString());
            if (!g || !roles.contains(g->grantee))
                continue;
            if (g->schema != QLatin1String("*") && !schemaMatches(g->schema, schema))
                continue;
            for (auto it = tables.begin(); it != tables.end(); ++it)
                if (g->table == QLatin1String("*") || g->table.compare(it.key(), Qt::CaseInsensitive) == 0)
                    for (const QString &p : g->privileges)
                        grant(&*it, p);
        }
    }
    return true;
}
