#include "ExpiryTimeline.h"

#include "SqlDialect.h"

#include <QDateTime>
#include <QSqlQuery>

qint64 ExpiryTimeline::Slices::total() const
{
    qint64 n = expired + later;
    for (qint64 c : counts)
        n += c;
    return n;
}

int ExpiryTimeline::sliceCount(Span span)
{
    switch (span) {
    case Span::Hour:
        return 12; // 5 minutes each
    case Span::Day:
        return 24; // 1 hour each
    case Span::Week:
        return 28; // 6 hours each
    }
    return 12;
}

qint64 ExpiryTimeline::spanSeconds(Span span)
{
    switch (span) {
    case Span::Hour:
        return 3600;
    case Span::Day:
        return 86400;
    case Span::Week:
        return 7 * 86400;
    }
    return 3600;
}

QString ExpiryTimeline::sliceLabel(Span span, int slice, qint64 start)
{
    const qint64 size = spanSeconds(span) / sliceCount(span);
    const QDateTime from = QDateTime::fromSecsSinceEpoch(start + slice * size);
    const QDateTime to = QDateTime::fromSecsSinceEpoch(start + (slice + 1) * size);
    const QString format = span == Span::Week ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm");
    return tr("%1 – %2").arg(from.toString(format), to.toString(format));
}

bool ExpiryTimeline::compute(const QSqlDatabase &db, Span span, qint64 now, Slices *out, QString *error,
    std::optional<qint64> levelId, std::optional<qint64> userId)
{
    Slices s;
    s.start = now;
    s.sliceSeconds = spanSeconds(span) / sliceCount(span);
    s.counts.fill(0, sliceCount(span));
    QString filter;
    QVariantList filterValues;
    if (levelId) {
        filter += QStringLiteral(" AND user_id IN (SELECT id FROM trongate_users WHERE user_level_id = ?)");
        filterValues << *levelId;
    }
    if (userId) {
        filter += QStringLiteral(" AND user_id = ?");
        filterValues << *userId;
    }
    // Integer division: MySQL's "/" would give a decimal, hence DIV there.
    const QString bucket = Sql::kindOf(db) == DriverKind::MySql ? QStringLiteral("(expiry_date - ?) DIV ?")
                                                                : QStringLiteral("(expiry_date - ?) / ?");
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString slices = QStringLiteral("SELECT %1 AS b, COUNT(*) FROM trongate_tokens WHERE expiry_date >= ? AND "
                                          "expiry_date < ?%2 GROUP BY b")
                               .arg(bucket, filter);
    if (!Sql::exec(q, slices, QVariantList { now, s.sliceSeconds, now, now + spanSeconds(span) } + filterValues, error))
        return false;
    while (q.next()) {
        const int b = q.value(0).toInt();
        if (b >= 0 && b < s.counts.size())
            s.counts[b] += q.value(1).toLongLong();
    }
    QSqlQuery e(db);
    e.setForwardOnly(true);
    const QString rest = QStringLiteral("SELECT COALESCE(SUM(CASE WHEN expiry_date < ? THEN 1 ELSE 0 END), 0), "
                                        "COALESCE(SUM(CASE WHEN expiry_date >= ? THEN 1 ELSE 0 END), 0) "
                                        "FROM trongate_tokens WHERE expiry_date IS NOT NULL%1")
                             .arg(filter);
    if (!Sql::exec(e, rest, QVariantList { now, now + spanSeconds(span) } + filterValues, error) || !e.next())
        return false;
    s.expired = e.value(0).toLongLong();
    s.later = e.value(1).toLongLong();
    *out = s;
    return true;
}
