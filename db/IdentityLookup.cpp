#include "IdentityLookup.h"

#include "SchemaInspector.h"
#include "SqlDialect.h"

#include <QSqlQuery>

namespace {
const QStringList UsernameColumns
    = { QStringLiteral("username"), QStringLiteral("user_name"), QStringLiteral("login") };
const QStringList EmailColumns = { QStringLiteral("email"), QStringLiteral("email_address"), QStringLiteral("mail") };
} // namespace

IdentityLookup::IdentityLookup(QSqlDatabase db)
    : m_db(std::move(db))
{
    const SchemaInspector inspector(m_db);
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
            m_tables << t;
    }
}

QHash<qint64, QString> IdentityLookup::identities(const QList<qint64> &userIds) const
{
    QHash<qint64, QString> out;
    if (userIds.isEmpty())
        return out;
    QStringList marks;
    QVariantList ids;
    for (qint64 id : userIds) {
        marks << QStringLiteral("?");
        ids << id;
    }
    for (const LinkedTable &t : m_tables) {
        const QString user = t.username.isEmpty() ? QStringLiteral("NULL") : Sql::quoteIdentifier(m_db, t.username);
        const QString mail = t.email.isEmpty() ? QStringLiteral("NULL") : Sql::quoteIdentifier(m_db, t.email);
        const QString sql = QStringLiteral("SELECT %1, %2, %3 FROM %4 WHERE %1 IN (%5)")
                                .arg(Sql::quoteIdentifier(m_db, QStringLiteral("trongate_user_id")), user, mail,
                                    Sql::quoteIdentifier(m_db, t.table), marks.join(QStringLiteral(", ")));
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!Sql::exec(q, sql, ids))
            continue;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            if (out.contains(id))
                continue; // the first linked table wins; one identity per user is enough to recognise them
            QStringList parts;
            if (!q.value(1).toString().isEmpty())
                parts << q.value(1).toString();
            if (!q.value(2).toString().isEmpty())
                parts << q.value(2).toString();
            if (!parts.isEmpty())
                out.insert(id, parts.join(QStringLiteral(" · ")));
        }
    }
    return out;
}

QStringList IdentityLookup::matchClauses(
    const QString &userIdExpression, const QString &likeOperator, const QString &pattern, QVariantList *values) const
{
    QStringList out;
    for (const LinkedTable &t : m_tables) {
        QStringList conds;
        for (const QString &col : { t.username, t.email }) {
            if (col.isEmpty())
                continue;
            conds << Sql::quoteIdentifier(m_db, col) + likeOperator;
            values->append(pattern);
        }
        out << QStringLiteral("%1 IN (SELECT %2 FROM %3 WHERE %4)")
                   .arg(userIdExpression, Sql::quoteIdentifier(m_db, QStringLiteral("trongate_user_id")),
                       Sql::quoteIdentifier(m_db, t.table), conds.join(QStringLiteral(" OR ")));
    }
    return out;
}
