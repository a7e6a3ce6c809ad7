#include "tokens/TokenStatistics.h"

#include "sql/SqlDialect.h"

#include <QSqlQuery>

namespace {
// Everything in one statement, the tokens whose user row is gone too: one round trip to a far server.
const QString Counts = QStringLiteral(R"(
SELECT COUNT(*),
       COALESCE(SUM(CASE WHEN expiry_date > ? THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN expiry_date > ? AND expiry_date <= ? THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN expiry_date < ? THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN expiry_date = ? THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN expiry_date IS NULL THEN 1 ELSE 0 END), 0),
       (SELECT COUNT(*) FROM trongate_tokens t LEFT JOIN trongate_users u ON u.id = t.user_id WHERE u.id IS NULL)
FROM trongate_tokens)");
} // namespace

bool TokenStatistics::read(const QSqlDatabase &db, qint64 now, TokenStatistics *out, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(q, Counts, {now, now, now + 3600, now, now}, error) || !q.next())
        return false;
    TokenStatistics s;
    s.total = q.value(0).toLongLong();
    s.valid = q.value(1).toLongLong();
    s.expiringWithinHour = q.value(2).toLongLong();
    s.purgeable = q.value(3).toLongLong();
    s.expiringNow = q.value(4).toLongLong();
    s.noExpiry = q.value(5).toLongLong();
    s.orphans = q.value(6).toLongLong();
    *out = s;
    return true;
}
