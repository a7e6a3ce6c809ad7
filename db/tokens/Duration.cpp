#include "tokens/Duration.h"

#include <QRegularExpression>

namespace {
qint64 unitSeconds(QChar unit)
{
    switch (unit.toLatin1()) {
    case 's':
        return 1;
    case 'm':
        return 60;
    case 'h':
        return 3600;
    case 'd':
        return 86400;
    case 'w':
        return 7 * 86400;
    default:
        return 0;
    }
}
} // namespace

std::optional<qint64> Duration::parse(const QString &text, QString *error)
{
    auto refuse = [error](const QString &why) -> std::optional<qint64> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString t = text.trimmed();
    const QString examples = tr("Use whole seconds (3600) or a number with a unit: 90s, 15m, 1h, 7d, 2w, or "
                                "a sum such as 1h30m.");
    if (t.isEmpty())
        return refuse(tr("The duration is empty.") + QLatin1Char(' ') + examples);
    if (t.startsWith(QLatin1Char('-')))
        return refuse(
            tr("The duration \"%1\" is negative; a token's lifespan must be longer than zero.").arg(t.left(40)));
    if (t.contains(QLatin1Char('.')) || t.contains(QLatin1Char(',')))
        return refuse(tr("The duration \"%1\" has a fraction; use whole numbers, for example 90m instead of 1.5h.")
                          .arg(t.left(40)));

    static const QRegularExpression plain(QStringLiteral("^\\+?[0-9]+$"));
    static const QRegularExpression compound(QStringLiteral("^([0-9]+)([a-zA-Z]+)"));
    const QString tooLong = tr("The duration \"%1\" is too long: at most %2 seconds (about 68 years) fit Trongate's "
                               "expiry_date.")
                                .arg(t.left(40))
                                .arg(MaxSeconds);

    auto checked = [&](const QString &digits, qint64 factor, qint64 sum) -> std::optional<qint64> {
        // More than 19 digits cannot be held at all; anything above MaxSeconds is refused anyway.
        if (digits.size() > 18)
            return std::nullopt;
        const qint64 n = digits.toLongLong();
        if (n > (MaxSeconds - sum) / factor)
            return std::nullopt;
        return sum + n * factor;
    };

    qint64 total = 0;
    if (plain.match(t).hasMatch()) {
        QString digits = t.startsWith(QLatin1Char('+')) ? t.mid(1) : t;
        while (digits.size() > 1 && digits.startsWith(QLatin1Char('0')))
            digits.remove(0, 1);
        const auto v = checked(digits, 1, 0);
        if (!v)
            return refuse(tooLong);
        total = *v;
    } else {
        QString rest = t;
        rest.remove(QLatin1Char(' '));
        while (!rest.isEmpty()) {
            const QRegularExpressionMatch m = compound.match(rest);
            if (!m.hasMatch())
                return refuse(tr("\"%1\" is not a duration.").arg(t.left(40)) + QLatin1Char(' ') + examples);
            const QString unit = m.captured(2);
            const qint64 factor = unit.size() == 1 ? unitSeconds(unit.at(0)) : 0;
            if (factor == 0)
                return refuse(tr("\"%1\" is not a unit of time. Use s (seconds), m (minutes), h (hours), d (days) "
                                 "or w (weeks), in lower case.")
                                  .arg(unit.left(10)));
            QString digits = m.captured(1);
            while (digits.size() > 1 && digits.startsWith(QLatin1Char('0')))
                digits.remove(0, 1);
            const auto v = checked(digits, factor, total);
            if (!v)
                return refuse(tooLong);
            total = *v;
            rest = rest.mid(m.capturedLength());
        }
    }
    if (total == 0)
        return refuse(tr("The duration \"%1\" is zero; a token's lifespan must be longer than zero.").arg(t.left(40)));
    return total;
}

QString Duration::format(qint64 seconds)
{
    // Negating INT64_MIN would overflow: the magnitude is taken unsigned.
    const quint64 s = seconds < 0 ? 0 - quint64(seconds) : quint64(seconds);
    const qint64 d = s / 86400;
    const qint64 h = (s % 86400) / 3600;
    const qint64 m = (s % 3600) / 60;
    const qint64 r = s % 60;
    if (d > 0)
        return h > 0 ? tr("%1 d %2 h").arg(d).arg(h) : tr("%1 d").arg(d);
    if (h > 0)
        return m > 0 ? tr("%1 h %2 min").arg(h).arg(m) : tr("%1 h").arg(h);
    if (m > 0)
        return r > 0 ? tr("%1 min %2 s").arg(m).arg(r) : tr("%1 min").arg(m);
    return tr("%1 s").arg(r);
}
