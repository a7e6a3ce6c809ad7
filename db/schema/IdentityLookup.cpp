#include "schema/IdentityLookup.h"

#include "schema/SchemaInspector.h"
#include "sql/Dialect.h"
#include "sql/SqlDialect.h"

#include <QMap>
#include <QSqlQuery>

namespace {
const QStringList UsernameColumns
    = { QStringLiteral("username"), QStringLiteral("user_name"), QStringLiteral("login") };
const QStringList EmailColumns = { QStringLiteral("email"), QStringLiteral("email_address"), QStringLiteral("mail") };
// Primed look-ups by connection name (see prime()); entries of closed connections are dropped at
// the next prime.
QMutex primedMutex;
QHash<QString, std::shared_ptr<void>> &primed()
{
    static QHash<QString, std::shared_ptr<void>> map;
    return map;
}

// The preferred column of a list present among columns (lower-cased names), or an empty string.
QString preferred(const QStringList &wanted, const QHash<QString, QString> &columns)
{
    for (const QString &w : wanted)
        if (columns.contains(w))
            return columns.value(w);
    return {};
}
} // namespace

IdentityLookup::IdentityLookup(QSqlDatabase db)
    : m_db(std::move(db))
{
    QMutexLocker lock(&primedMutex);
    if (const auto found = primed().value(m_db.connectionName()))
        m_found = std::static_pointer_cast<Found>(found);
}

void IdentityLookup::prime(const QString &connectionName, const QList<LinkedTable> &tables)
{
    auto found = std::make_shared<Found>();
    found->tables = tables;
    found->done = true;
    QMutexLocker lock(&primedMutex);
    for (auto it = primed().begin(); it != primed().end();)
        it = QSqlDatabase::contains(it.key()) ? std::next(it) : primed().erase(it);
    primed().insert(connectionName, found);
}

void IdentityLookup::sharePrimed(const QString &fromConnection, const QString &toConnection)
{
    QMutexLocker lock(&primedMutex);
    if (const auto found = primed().value(fromConnection))
        primed().insert(toConnection, found);
}

QString IdentityLookup::mySqlColumnsBranch(const QString &kind)
{
    QString sql = Dialect::of(DriverKind::MySql).identityColumnsSql();
    sql.replace(QStringLiteral("SELECT c.TABLE_NAME, c.COLUMN_NAME FROM"),
        QStringLiteral("SELECT '%1', c.TABLE_NAME, c.COLUMN_NAME, NULL FROM").arg(kind));
    return sql;
}

QList<IdentityLookup::LinkedTable> IdentityLookup::fromColumns(const QList<QPair<QString, QString>> &columns)
{
    QMap<QString, QHash<QString, QString>> byTable; // table -> lower-case column -> column
    for (const auto &[table, column] : columns)
        byTable[table].insert(column.toLower(), column);
    QList<LinkedTable> out;
    for (auto it = byTable.cbegin(); it != byTable.cend(); ++it) {
        const LinkedTable t { it.key(), preferred(UsernameColumns, it.value()), preferred(EmailColumns, it.value()) };
        if (!t.username.isEmpty() || !t.email.isEmpty())
            out << t;
    }
    return out;
}

QList<IdentityLookup::LinkedTable> IdentityLookup::tables(QSqlDatabase db) const
{
    QMutexLocker lock(&m_found->mutex);
    if (m_found->done)
        return m_found->tables;
    db = use(db);
    // One round trip where the catalog allows: the columns that matter, of every table that links
    // to trongate_users (in the order of the lists above).
    if (const QString sql = Dialect::of(db).identityColumnsSql(); !sql.isEmpty()) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (q.exec(sql)) {
            QList<QPair<QString, QString>> columns;
            while (q.next())
                columns.append({ q.value(0).toString(), q.value(1).toString() });
            m_found->tables = fromColumns(columns);
            m_found->done = true;
            return m_found->tables;
        }
    }
    const SchemaInspector inspector(db);
    for (const QString &table : inspector.linkedApplicationTables()) {
        LinkedTable t { table, {}, {} };
        for (const ActualColumn &c : inspector.columns(table)) {
            const QString name = c.name.toLower();
            if (t.username.isEmpty() && UsernameColumns.contains(name))
                t.username = c.name;
            if (t.email.isEmpty() && EmailColumns.contains(name))
                t.email = c.name;
        }
        if (!t.username.isEmpty() || !t.email.isEmpty())
            m_found->tables << t;
    }
    m_found->done = true;
    return m_found->tables;
}

QHash<qint64, QString> IdentityLookup::identities(const QList<qint64> &userIds, QSqlDatabase db) const
{
    db = use(db);
    QHash<qint64, QString> out;
    if (userIds.isEmpty())
        return out;
    QStringList marks;
    QVariantList ids;
    for (qint64 id : userIds) {
        marks << QStringLiteral("?");
        ids << id;
    }
    // One query for every linked table (UNION ALL), in the tables' order: the first table that
    // knows a user wins; one identity per user is enough to recognise them.
    QStringList selects;
    QVariantList binds;
    const QList<LinkedTable> linked = tables(db);
    for (int i = 0; i < linked.size(); ++i) {
        const LinkedTable &t = linked.at(i);
        const QString user = t.username.isEmpty() ? QStringLiteral("NULL") : Sql::quoteIdentifier(db, t.username);
        const QString mail = t.email.isEmpty() ? QStringLiteral("NULL") : Sql::quoteIdentifier(db, t.email);
        selects << QStringLiteral("SELECT %6 AS o, %1 AS u, %2 AS n, %3 AS m FROM %4 WHERE %1 IN (%5)")
                       .arg(Sql::quoteIdentifier(db, QStringLiteral("trongate_user_id")), user, mail,
                           Sql::quoteIdentifier(db, t.table), marks.join(QStringLiteral(", ")))
                       .arg(i);
        binds += ids;
    }
    if (selects.isEmpty())
        return out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(q, selects.join(QStringLiteral(" UNION ALL ")) + QStringLiteral(" ORDER BY o"), binds))
        return out;
    while (q.next()) {
        const qint64 id = q.value(1).toLongLong();
        if (out.contains(id))
            continue;
        QStringList parts;
        if (!q.value(2).toString().isEmpty())
            parts << q.value(2).toString();
        if (!q.value(3).toString().isEmpty())
            parts << q.value(3).toString();
        if (!parts.isEmpty())
            out.insert(id, parts.join(QStringLiteral(" · ")));
    }
    return out;
}

QVariantList IdentityLookup::valuesAt(const QSqlQuery &q, int first, qsizetype count)
{
    QVariantList out;
    for (qsizetype i = 0; i < count; ++i)
        out << q.value(int(first + i));
    return out;
}

QStringList IdentityLookup::matchClauses(
    const QString &userIdExpression, const QString &likeOperator, const QString &pattern, QVariantList *values,
    QSqlDatabase db) const
{
    db = use(db);
    QStringList out;
    for (const LinkedTable &t : tables(db)) {
        QStringList conds;
        for (const QString &col : { t.username, t.email }) {
            if (col.isEmpty())
                continue;
            conds << Sql::quoteIdentifier(db, col) + likeOperator;
            values->append(pattern);
        }
        out << QStringLiteral("%1 IN (SELECT %2 FROM %3 WHERE %4)")
                   .arg(userIdExpression, Sql::quoteIdentifier(db, QStringLiteral("trongate_user_id")),
                       Sql::quoteIdentifier(db, t.table), conds.join(QStringLiteral(" OR ")));
    }
    return out;
}
