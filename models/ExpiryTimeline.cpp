#include "ExpiryTimeline.h"

#include "sql/SqlDialect.h"

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
    std::optional<qint64> levelId, std::optional<qint64> userId, int *queries)
{
    int sent = 0;
    if (!queries)
        queries = &sent;
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
    ++*queries;
    if (!Sql::exec(q, slices, QVariantList { now, s.sliceSeconds, now, now + spanSeconds(span) } + filterValues, error))
        return false;
    while (q.next()) {
        const int b = q.value(0).toInt();
        if (b >= 0 && b < s.counts.size())
            s.counts[b] += q.value(1).toLongLong();
    }
    // Two range counts rather than one pass over every row with a CASE per row: with an index each
    // reads only its range (at 1M tokens on MariaDB 0.03 s and 0.1 s, where the pass took 0.25 s);
    // without one, the two scans cost about what the CASE pass did.
    const auto count = [&](const QString &condition, qint64 bound, qint64 *n) {
        QSqlQuery c(db);
        c.setForwardOnly(true);
        ++*queries;
        if (!Sql::exec(c, QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE %1%2").arg(condition, filter),
                QVariantList { bound } + filterValues, error)
            || !c.next())
            return false;
        *n = c.value(0).toLongLong();
        return true;
    };
    if (!count(QStringLiteral("expiry_date < ?"), now, &s.expired)
        || !count(QStringLiteral("expiry_date >= ?"), now + spanSeconds(span), &s.later))
        return false;
    *out = s;
    return true;
}
