#include "ExpiryText.h"

#include "tokens/TokenService.h"

#include <QDateTime>

ExpiryText::Status ExpiryText::status(const QVariant &expiry, qint64 now)
{
    if (expiry.isNull() || !expiry.isValid())
        return Status::NoExpiry;
    // As SQLite compares (the other databases hold only integers here): a TEXT value ranks after
    // every number, so "expiry_date > now" holds for it; a REAL compares by its value.
    switch (expiry.typeId()) {
    case QMetaType::QString:
    case QMetaType::QByteArray:
        return Status::Valid;
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = expiry.toDouble();
        const double n = double(now);
        return d > n ? Status::Valid : d < n ? Status::Expired : Status::ExpiresNow;
    }
    default:
        break;
    }
    const qint64 e = expiry.toLongLong();
    if (e > now)
        return Status::Valid;
    if (e < now)
        return Status::Expired;
    return Status::ExpiresNow;
}

QString ExpiryText::statusText(Status status)
{
    switch (status) {
    case Status::Valid:
        return tr("valid");
    case Status::Expired:
        return tr("expired");
    case Status::ExpiresNow:
        return tr("expires now");
    case Status::NoExpiry:
        return tr("no expiry");
    }
    return {};
}

QString ExpiryText::relative(qint64 expiry, qint64 now)
{
    const qint64 d = TokenService::secondsLeft(expiry, now);
    // The magnitude taken unsigned: negating INT64_MIN would overflow.
    const quint64 a = d < 0 ? 0 - quint64(d) : quint64(d);
    QString span;
    if (a == 0)
        return tr("now");
    if (a < 60)
        span = tr("%1 s").arg(a);
    else if (a < 3600)
        span = tr("%1 min %2 s").arg(a / 60).arg(a % 60, 2, 10, QLatin1Char('0'));
    else if (a < 86400)
        span = tr("%1 h %2 min").arg(a / 3600).arg((a % 3600) / 60);
    else if (a < 2 * 86400)
        span = tr("1 day %1 h").arg((a % 86400) / 3600);
    else
        span = tr("%1 days").arg(a / 86400);
    return d > 0 ? tr("in %1").arg(span) : tr("%1 ago").arg(span);
}

QString ExpiryText::localDateTime(qint64 expiry)
{
    return QDateTime::fromSecsSinceEpoch(expiry).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}
