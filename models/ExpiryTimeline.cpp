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

ExpiryTimeline::Slices ExpiryTimeline::empty(Span span, qint64 now)
{
    Slices s;
    s.start = now;
    s.sliceSeconds = spanSeconds(span) / sliceCount(span);
    s.counts.fill(0, sliceCount(span));
    return s;
}

ExpiryTimeline::Statement ExpiryTimeline::statement(const QSqlDatabase &db, Span span, qint64 now,
    std::optional<qint64> levelId, std::optional<qint64> userId, const QString &moreColumns)
{
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
    // The slices and the two counts around them (expired; beyond the span) in one statement, a
    // round trip instead of three to a far server. Each part keeps its own range on expiry_date, so
    // with an index each reads only its range (at 1M tokens on MariaDB 0.03 s and 0.1 s for the two
    // counts, where one pass over every row with a CASE per row took 0.25 s).
    const QString part = QStringLiteral("SELECT %1, COUNT(*)") + moreColumns + QStringLiteral(" FROM trongate_tokens WHERE %2%3");
    const qint64 sliceSeconds = spanSeconds(span) / sliceCount(span);
    const qint64 end = now + spanSeconds(span);
    Statement st;
    st.sql = part.arg(bucket + QStringLiteral(" AS b"), QStringLiteral("expiry_date >= ? AND expiry_date < ?"), filter)
        + QStringLiteral(" GROUP BY b UNION ALL ") + part.arg(QStringLiteral("-1"), QStringLiteral("expiry_date < ?"), filter)
        + QStringLiteral(" UNION ALL ") + part.arg(QStringLiteral("-2"), QStringLiteral("expiry_date >= ?"), filter);
    st.values = QVariantList { now, sliceSeconds, now, end } + filterValues + QVariantList { now } + filterValues
        + QVariantList { end } + filterValues;
    return st;
}

bool ExpiryTimeline::take(qint64 key, qint64 count, Slices *out)
{
    if (key == -1)
        out->expired = count;
    else if (key == -2)
        out->later = count;
    else if (key >= 0 && key < out->counts.size())
        out->counts[int(key)] += count;
    else
        return key >= 0; // a slice past the span's end (the clock moved): the timeline's, dropped
    return true;
}

bool ExpiryTimeline::compute(const QSqlDatabase &db, Span span, qint64 now, Slices *out, QString *error,
    std::optional<qint64> levelId, std::optional<qint64> userId, int *queries)
{
    int sent = 0;
    if (!queries)
        queries = &sent;
    Slices s = empty(span, now);
    const Statement st = statement(db, span, now, levelId, userId);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    ++*queries;
    if (!Sql::exec(q, st.sql, st.values, error))
        return false;
    while (q.next())
        take(q.value(0).toLongLong(), q.value(1).toLongLong(), &s);
    *out = s;
    return true;
}
