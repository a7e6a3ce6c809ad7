#include "UserSearch.h"

#include "sql/SqlDialect.h"

#include <QSqlQuery>

namespace {
const QString Select = QStringLiteral("SELECT u.id, u.code, u.user_level_id, l.level_title FROM trongate_users u "
                                      "LEFT JOIN trongate_user_levels l ON l.id = u.user_level_id");
} // namespace

QString UserSearch::Hit::text() const
{
    QString s = QStringLiteral("%1 · %2 · %3")
                    .arg(id)
                    .arg(code, levelTitle.isEmpty() ? tr("missing level %1").arg(levelId) : levelTitle);
    if (!identity.isEmpty())
        s += QStringLiteral(" · ") + identity;
    return s;
}

UserSearch::UserSearch(QSqlDatabase db)
    : m_db(db)
    , m_identities(db)
{
}

QList<UserSearch::Hit> UserSearch::find(const QString &input, int limit, QString *error, QSqlDatabase db) const
{
    if (!db.isValid())
        db = m_db;
    const QString text = input.trimmed();
    const QString like = Sql::likeOperator(db);
    QStringList where;
    QVariantList values;
    if (!text.isEmpty()) {
        bool isNumber = false;
        const qlonglong n = text.toLongLong(&isNumber);
        if (isNumber) {
            where << QStringLiteral("u.id = ?");
            values << n;
        }
        where << QStringLiteral("u.code") + like; // a prefix: what support staff paste
        values << Sql::likePrefix(text);
        where += m_identities.matchClauses(QStringLiteral("u.id"), like, Sql::likeContains(text), &values, db);
    }
    QString sql = Select;
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" OR "));
    sql += QStringLiteral(" ORDER BY u.id LIMIT ?");
    values << limit;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QList<Hit> hits;
    if (!Sql::exec(q, sql, values, error))
        return hits;
    QList<qint64> ids;
    while (q.next()) {
        hits << Hit { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(),
            {} };
        ids << hits.last().id;
    }
    q.finish();
    const QHash<qint64, QString> who = m_identities.identities(ids, db);
    for (Hit &h : hits)
        h.identity = who.value(h.id);
    return hits;
}
