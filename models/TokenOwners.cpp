#include "TokenOwners.h"

#include "sql/SqlDialect.h"

#include <QSqlQuery>

namespace {
const QString Users = QStringLiteral("SELECT u.id, u.code, u.user_level_id, l.id, l.level_title FROM trongate_users u "
                                     "LEFT JOIN trongate_user_levels l ON l.id = u.user_level_id WHERE u.id IN (%1)");
} // namespace

TokenOwners::TokenOwners(QSqlDatabase db)
    : m_db(db)
    , m_identities(db)
{
}

QHash<qint64, TokenOwners::Owner> TokenOwners::lookup(const QList<qint64> &userIds, QSqlDatabase db) const
{
    if (!db.isValid())
        db = m_db;
    QHash<qint64, Owner> out;
    QVariantList ids;
    QStringList marks;
    for (qint64 id : userIds)
        if (!ids.contains(id)) {
            ids << id;
            marks << QStringLiteral("?");
        }
    if (ids.isEmpty())
        return out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Sql::exec(q, Users.arg(marks.join(QStringLiteral(", "))), ids))
        while (q.next()) {
            Owner o;
            o.userExists = true;
            o.code = q.value(1).toString();
            o.levelId = q.value(2).toLongLong();
            o.levelExists = !q.value(3).isNull();
            o.levelTitle = q.value(4).toString();
            out.insert(q.value(0).toLongLong(), o);
        }
    addIdentities(out, db);
    return out;
}

QStringList TokenOwners::columns(const QString &userIdExpression)
{
    // Each a look-up by primary key: for a page of rows, cheap. Who the user is stays a statement
    // of its own (addIdentities): the application's tables often have no index on
    // trongate_user_id, and a subquery per row would scan them once per row.
    const QString user = QStringLiteral("(SELECT %2 FROM trongate_users u WHERE u.id = %1)");
    const QString level = QStringLiteral("(SELECT %2 FROM trongate_users u JOIN trongate_user_levels l "
                                         "ON l.id = u.user_level_id WHERE u.id = %1)");
    return QStringList { user.arg(userIdExpression, QStringLiteral("u.id")),
               user.arg(userIdExpression, QStringLiteral("u.code")),
               user.arg(userIdExpression, QStringLiteral("u.user_level_id")),
               level.arg(userIdExpression, QStringLiteral("l.id")),
               level.arg(userIdExpression, QStringLiteral("l.level_title")) };
}

TokenOwners::Owner TokenOwners::ownerOf(const QVariantList &v)
{
    Owner o;
    o.userExists = !v.value(0).isNull();
    if (!o.userExists)
        return o;
    o.code = v.value(1).toString();
    o.levelId = v.value(2).toLongLong();
    o.levelExists = !v.value(3).isNull();
    o.levelTitle = v.value(4).toString();
    return o;
}

void TokenOwners::addIdentities(QHash<qint64, Owner> &owners, QSqlDatabase db) const
{
    if (!db.isValid())
        db = m_db;
    const QHash<qint64, QString> who = m_identities.identities(owners.keys(), db);
    for (auto it = who.cbegin(); it != who.cend(); ++it)
        if (owners.contains(it.key()))
            owners[it.key()].identity = it.value();
}

std::optional<QList<qint64>> TokenOwners::matchingUserIds(
    const QString &text, bool byCode, bool byIdentity, int limit, QSqlDatabase db) const
{
    if (!db.isValid())
        db = m_db;
    const QString like = Sql::likeOperator(db);
    const QString pattern = Sql::likeContains(text);
    QStringList queries;
    QList<QVariantList> binds;
    if (byCode) {
        queries << QStringLiteral("SELECT id FROM trongate_users WHERE code") + like + QStringLiteral(" LIMIT ?");
        binds << QVariantList { pattern, limit + 1 };
    }
    if (byIdentity) {
        for (const IdentityLookup::LinkedTable &t : m_identities.tables(db)) {
            QStringList conds;
            QVariantList v;
            for (const QString &col : { t.username, t.email }) {
                if (col.isEmpty())
                    continue;
                conds << Sql::quoteIdentifier(db, col) + like;
                v << pattern;
            }
            queries << QStringLiteral(
                "SELECT trongate_user_id FROM %1 WHERE trongate_user_id IS NOT NULL AND (%2) LIMIT ?")
                           .arg(Sql::quoteIdentifier(db, t.table), conds.join(QStringLiteral(" OR ")));
            v << limit + 1;
            binds << v;
        }
    }
    QList<qint64> ids;
    for (int i = 0; i < queries.size(); ++i) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!Sql::exec(q, queries.at(i), binds.at(i)))
            return std::nullopt;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            if (!ids.contains(id))
                ids << id;
            if (ids.size() > limit)
                return std::nullopt;
        }
    }
    return ids;
}
