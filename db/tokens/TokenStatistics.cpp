#include "tokens/TokenStatistics.h"

#include "connection/DbWorker.h"
#include "sql/SqlDialect.h"

#include <QSqlQuery>

namespace {
const QString Counts = QStringLiteral(R"(
SELECT COUNT(*),
       COALESCE(SUM(CASE WHEN expiry_date > ? THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN expiry_date > ? AND expiry_date <= ? THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN expiry_date < ? THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN expiry_date = ? THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN expiry_date IS NULL THEN 1 ELSE 0 END), 0)
FROM trongate_tokens)");

const QString Orphans = QStringLiteral(R"(
SELECT COUNT(*) FROM trongate_tokens t LEFT JOIN trongate_users u ON u.id = t.user_id WHERE u.id IS NULL)");
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
    q.finish();
    if (DbWorker::stopRequested())
        return false; // nobody waits for the orphans any more
    QSqlQuery o(db);
    o.setForwardOnly(true);
    if (!Sql::exec(o, Orphans, {}, error) || !o.next())
        return false;
    s.orphans = o.value(0).toLongLong();
    *out = s;
    return true;
}
