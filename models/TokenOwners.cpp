#include "TokenOwners.h"

#include "SqlDialect.h"

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

QHash<qint64, TokenOwners::Owner> TokenOwners::lookup(const QList<qint64> &userIds) const
{
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
    QSqlQuery q(m_db);
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
    const QHash<qint64, QString> who = m_identities.identities(userIds);
    for (auto it = who.cbegin(); it != who.cend(); ++it)
        if (out.contains(it.key()))
            out[it.key()].identity = it.value();
    return out;
}
