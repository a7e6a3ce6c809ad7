#include "schema/AccountPrivileges.h"

#include "sql/SqlDialect.h"
#include "schema/TrongateSchema.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString CurrentMySqlAccount = QStringLiteral(R"(SELECT CURRENT_USER(), DATABASE())");
const QString EnabledRoles = QStringLiteral(R"(SELECT ROLE_NAME FROM information_schema.ENABLED_ROLES)");
const QString GlobalGrants = QStringLiteral(R"(SELECT GRANTEE, PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES)");
const QString SchemaGrants
    = QStringLiteral(R"(SELECT GRANTEE, TABLE_SCHEMA, PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES)");
const QString TableGrants = QStringLiteral(
    R"(SELECT GRANTEE, TABLE_NAME, PRIVILEGE_TYPE FROM information_schema.TABLE_PRIVILEGES WHERE TABLE_SCHEMA = ?)");
// All of the above in one round trip: each row says which of them it comes from.
const QString AllMySqlGrants = QStringLiteral(R"(SELECT 'a', CURRENT_USER(), DATABASE(), NULL
UNION ALL SELECT 'r', ROLE_NAME, NULL, NULL FROM information_schema.ENABLED_ROLES
UNION ALL SELECT 'g', GRANTEE, PRIVILEGE_TYPE, NULL FROM information_schema.USER_PRIVILEGES
UNION ALL SELECT 's', GRANTEE, TABLE_SCHEMA, PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES
UNION ALL SELECT 't', GRANTEE, TABLE_NAME, PRIVILEGE_TYPE FROM information_schema.TABLE_PRIVILEGES
  WHERE TABLE_SCHEMA = DATABASE())");
// MariaDB's information_schema lists no privileges of roles; SHOW GRANTS does.
const QString ShowGrants = QStringLiteral(R"(SHOW GRANTS)");
const QString PostgresAccount = QStringLiteral(R"(SELECT current_user)");
const QString PostgresTable = QStringLiteral(R"(
SELECT COALESCE(has_table_privilege(c.oid, 'SELECT'), false), COALESCE(has_table_privilege(c.oid, 'INSERT'), false),
       COALESCE(has_table_privilege(c.oid, 'UPDATE'), false), COALESCE(has_table_privilege(c.oid, 'DELETE'), false)
FROM (SELECT to_regclass(CAST(? AS text)) AS oid) c)");
const QString SqliteQueryOnly = QStringLiteral(R"(PRAGMA query_only)");

const QString Tokens = QStringLiteral("trongate_tokens");
const QString Users = QStringLiteral("trongate_users");
const QString Levels = QStringLiteral("trongate_user_levels");

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
    if (s.size() >= 2 && (s.front() == QLatin1Char('`') || s.front() == QLatin1Char('\'') || s.front() == QLatin1Char('"'))
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
    static const QRegularExpression re(QStringLiteral(R"(^GRANT (.+?) ON (?:TABLE )?(%1)\.(%1) TO (%1)(?:@(%1))?)").arg(id));
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

bool run(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error)
{
    q.setForwardOnly(true);
    return Sql::exec(q, sql, values, error);
}
} // namespace

AccountPrivileges AccountPrivileges::unrestricted()
{
    AccountPrivileges a;
    for (const QString &t : TrongateSchema::tableNames())
        a.m_tables.insert(t.toLower(), { true, true, true, true });
    return a;
}

TablePrivileges AccountPrivileges::table(const QString &name) const
{
    return m_tables.value(name.toLower());
}

bool AccountPrivileges::canRevokeTokens() const
{
    const TablePrivileges t = table(Tokens);
    return t.select && t.del;
}

bool AccountPrivileges::canIssueTokens() const
{
    const TablePrivileges t = table(Tokens);
    return t.select && t.insert && table(Users).select;
}

bool AccountPrivileges::canChangeTokens() const
{
    const TablePrivileges t = table(Tokens);
    return t.select && t.update;
}

bool AccountPrivileges::readOnly() const
{
    for (const QString &name : TrongateSchema::tableNames()) {
        const TablePrivileges t = table(name);
        if (t.insert || t.update || t.del)
            return false;
    }
    return true;
}

QString AccountPrivileges::summary() const
{
    bool everything = true;
    bool readsAll = true;
    QStringList parts;
    for (const QString &name : TrongateSchema::tableNames()) {
        const TablePrivileges t = table(name);
        everything = everything && t.all();
        readsAll = readsAll && t.select;
        QStringList p;
        if (t.select)
            p << QStringLiteral("SELECT");
        if (t.insert)
            p << QStringLiteral("INSERT");
        if (t.update)
            p << QStringLiteral("UPDATE");
        if (t.del)
            p << QStringLiteral("DELETE");
        parts << QStringLiteral("%1: %2").arg(name, p.isEmpty() ? tr("nothing") : p.join(QStringLiteral(", ")));
    }
    if (everything)
        return tr("This account may read and change all three Trongate tables.");
    if (readOnly() && readsAll)
        return tr("Read-only account: it may read the Trongate tables but change nothing.");
    return tr("Limited account (%1).").arg(parts.join(QStringLiteral("; ")));
}

QString AccountPrivileges::mySqlGrantsBranches()
{
    return AllMySqlGrants;
}

bool AccountPrivileges::MySqlGrantRows::take(const QString &kind, const QVariant &a, const QVariant &b, const QVariant &c)
{
    const QStringList v { a.toString(), b.toString(), c.toString() };
    if (kind == QLatin1String("a")) {
        current = v.at(0);
        schema = b.isNull() ? QString() : v.at(1);
    } else if (kind == QLatin1String("r")) {
        if (!a.isNull()) // MariaDB lists one NULL role when none is enabled
            roles << v.at(0);
    } else if (kind == QLatin1String("g")) {
        global << v;
    } else if (kind == QLatin1String("s")) {
        schemas << v;
    } else if (kind == QLatin1String("t")) {
        tables << v;
    } else {
        return false;
    }
    return true;
}

std::optional<AccountPrivileges> AccountPrivileges::read(
    const QSqlDatabase &db, QString *error, const MySqlGrantRows *readAlready)
{
    auto fail = [error](const QString &why) -> std::optional<AccountPrivileges> {
        if (error)
            *error = tr("The account's privileges could not be read: %1").arg(why);
        return std::nullopt;
    };
    if (!db.isOpen())
        return fail(tr("the database is not open."));

    AccountPrivileges a;
    for (const QString &t : TrongateSchema::tableNames())
        a.m_tables.insert(t.toLower(), {});
    QString why;

    switch (Sql::kindOf(db)) {
    case DriverKind::Sqlite: {
        const QString path = db.databaseName();
        bool writable = true;
        if (!path.isEmpty() && path != QLatin1String(":memory:")) {
            const QFileInfo fi(path);
            writable = fi.isWritable() && QFileInfo(fi.absolutePath()).isWritable();
        }
        if (db.connectOptions().contains(QLatin1String("QSQLITE_OPEN_READONLY")))
            writable = false;
        QSqlQuery q(db);
        if (run(q, SqliteQueryOnly, {}, &why) && q.next() && q.value(0).toInt() == 1)
            writable = false;
        for (auto it = a.m_tables.begin(); it != a.m_tables.end(); ++it)
            *it = { true, writable, writable, writable };
        return a;
    }
    case DriverKind::Postgres: {
        QSqlQuery q(db);
        if (!run(q, PostgresAccount, {}, &why) || !q.next())
            return fail(why);
        a.m_account = q.value(0).toString();
        for (auto it = a.m_tables.begin(); it != a.m_tables.end(); ++it) {
            QSqlQuery t(db);
            if (!run(t, PostgresTable, { it.key() }, &why) || !t.next())
                return fail(why);
            *it = { t.value(0).toBool(), t.value(1).toBool(), t.value(2).toBool(), t.value(3).toBool() };
        }
        return a;
    }
    case DriverKind::MySql:
        break;
    }

    // What the account and its roles were granted, read in one round trip where the server
    // allows (a server without ENABLED_ROLES refuses the union: then one view after another).
    QString current;
    QString schema;
    QList<Grantee> roles;
    QList<QStringList> globalRows, schemaRows, tableRows;
    bool together = false;
    MySqlGrantRows rows;
    if (readAlready && readAlready->complete()) {
        rows = *readAlready;
    } else {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (q.exec(AllMySqlGrants))
            while (q.next())
                rows.take(q.value(0).toString(), q.value(1), q.value(2), q.value(3));
    }
    if (rows.complete()) {
        together = true;
        current = rows.current;
        schema = rows.schema;
        for (const QString &r : std::as_const(rows.roles))
            roles << Grantee { r, QString() };
        globalRows = rows.global;
        schemaRows = rows.schemas;
        tableRows = rows.tables;
    }
    if (!together) {
        QSqlQuery q(db);
        if (!run(q, CurrentMySqlAccount, {}, &why) || !q.next())
            return fail(why);
        current = q.value(0).toString();
        schema = q.value(1).toString();
        QSqlQuery r(db);
        if (run(r, EnabledRoles, {}, &why)) // a server without the view has no roles to count
            while (r.next())
                if (!r.value(0).isNull())
                    roles << Grantee { r.value(0).toString(), QString() };
        QSqlQuery g(db);
        if (!run(g, GlobalGrants, {}, &why))
            return fail(why);
        while (g.next())
            globalRows << QStringList { g.value(0).toString(), g.value(1).toString() };
        if (!schema.isEmpty()) {
            QSqlQuery sg(db);
            if (!run(sg, SchemaGrants, {}, &why))
                return fail(why);
            while (sg.next())
                schemaRows << QStringList { sg.value(0).toString(), sg.value(1).toString(), sg.value(2).toString() };
            QSqlQuery t(db);
            if (!run(t, TableGrants, { schema }, &why))
                return fail(why);
            while (t.next())
                tableRows << QStringList { t.value(0).toString(), t.value(1).toString(), t.value(2).toString() };
        }
    }
    QList<Grantee> mine;
    {
        const qsizetype at = current.lastIndexOf(QLatin1Char('@')); // the user may contain '@', the host not
        const Grantee self { at < 0 ? current : current.left(at), at < 0 ? QString() : current.mid(at + 1) };
        mine << self;
        a.m_account = QStringLiteral("'%1'@'%2'").arg(self.user, self.host);
    }
    mine += roles;
    auto isMine = [&mine](const QString &grantee) { return mine.contains(parseGrantee(grantee)); };
    for (const QStringList &g : std::as_const(globalRows))
        if (isMine(g.at(0)))
            for (auto it = a.m_tables.begin(); it != a.m_tables.end(); ++it)
                grant(&*it, g.at(1));
    if (!schema.isEmpty()) {
        for (const QStringList &g : std::as_const(schemaRows))
            if (isMine(g.at(0)) && schemaMatches(g.at(1), schema))
                for (auto it = a.m_tables.begin(); it != a.m_tables.end(); ++it)
                    grant(&*it, g.at(2));
        for (const QStringList &g : std::as_const(tableRows)) {
            if (!isMine(g.at(0)))
                continue;
            const auto it = a.m_tables.find(g.at(1).toLower());
            if (it != a.m_tables.end())
                grant(&*it, g.at(2));
        }
    }
    if (!roles.isEmpty()) {
        QSqlQuery q(db);
        if (!run(q, ShowGrants, {}, &why))
            return fail(why);
        while (q.next()) {
            const auto g = parseGrantLine(q.value(0).toString());
            if (!g || !roles.contains(g->grantee))
                continue;
            if (g->schema != QLatin1String("*") && !schemaMatches(g->schema, schema))
                continue;
            for (auto it = a.m_tables.begin(); it != a.m_tables.end(); ++it)
                if (g->table == QLatin1String("*") || g->table.compare(it.key(), Qt::CaseInsensitive) == 0)
                    for (const QString &p : g->privileges)
                        grant(&*it, p);
        }
    }
    return a;
}
