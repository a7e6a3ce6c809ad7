#include "ActivityText.h"

#include <QDateTime>
#include <QRegularExpression>

namespace {
// A stored detail, and how to say it. Numerus: the first capture is the %n count.
struct Pattern {
    const char *stored;
    const char *shown;
    bool numerus = false;
};

// The texts TokenActions (the window) and app/*Commands (the command line) record; older records
// wrote "(s)" where the count's plural belongs, so both spellings are read.
const Pattern Patterns[] = {
    { R"re(all tokens of user (\d+))re", QT_TRANSLATE_NOOP("ActivityText", "all tokens of user %1") },
    { R"re(all tokens of level (\d+))re", QT_TRANSLATE_NOOP("ActivityText", "all tokens of level %1") },
    { R"re(automatic purge)re", QT_TRANSLATE_NOOP("ActivityText", "automatic purge") },
    { R"re(purge)re", QT_TRANSLATE_NOOP("ActivityText", "purge") },
    { R"re(expires (.+))re", QT_TRANSLATE_NOOP("ActivityText", "expires %1") },
    { R"re(installed Trongate's tables)re", QT_TRANSLATE_NOOP("ActivityText", "installed Trongate's tables") },
    { R"re(users (.+); expires (.+); code (.*))re", QT_TRANSLATE_NOOP("ActivityText", "users %1; expires %2; code %3") },
    { R"re(user (\d+))re", QT_TRANSLATE_NOOP("ActivityText", "user %1") },
    { R"re(level (\d+))re", QT_TRANSLATE_NOOP("ActivityText", "level %1") },
    { R"re(install: (\d+) table(?:\(s\)|s)? created)re", QT_TRANSLATE_N_NOOP("ActivityText", "install: %n table(s) created"),
        true },
    { R"(demo seed: (\d+) levels, (\d+) users, (\d+) tokens)",
        QT_TRANSLATE_NOOP("ActivityText", "demo seed: %1 levels, %2 users, %3 tokens") },
    { R"re(add level "(.*)")re", QT_TRANSLATE_NOOP("ActivityText", "add level \"%1\"") },
    { R"re(rename level to "(.*)")re", QT_TRANSLATE_NOOP("ActivityText", "rename level to \"%1\"") },
    { R"re(remove level)re", QT_TRANSLATE_NOOP("ActivityText", "remove level") },
    { R"re(add user at level (\d+))re", QT_TRANSLATE_NOOP("ActivityText", "add user at level %1") },
    { R"re(set level (\d+))re", QT_TRANSLATE_NOOP("ActivityText", "set level %1") },
    { R"re(remove user, tokens kept)re", QT_TRANSLATE_NOOP("ActivityText", "remove user, tokens kept") },
    { R"re(remove user and (\d+) token(?:\(s\)|s)?)re", QT_TRANSLATE_N_NOOP("ActivityText", "remove user and %n token(s)"),
        true },
};
} // namespace

QString ActivityText::action(const QString &stored)
{
    static const QHash<QString, const char *> actions = {
        { QStringLiteral("issue"), QT_TRANSLATE_NOOP("ActivityText", "issue") },
        { QStringLiteral("revoke"), QT_TRANSLATE_NOOP("ActivityText", "revoke") },
        { QStringLiteral("purge"), QT_TRANSLATE_NOOP("ActivityText", "purge") },
        { QStringLiteral("regenerate"), QT_TRANSLATE_NOOP("ActivityText", "regenerate") },
        { QStringLiteral("extend"), QT_TRANSLATE_NOOP("ActivityText", "extend") },
        { QStringLiteral("edit"), QT_TRANSLATE_NOOP("ActivityText", "edit") },
        { QStringLiteral("schema"), QT_TRANSLATE_NOOP("ActivityText", "schema") },
    };
    const auto it = actions.constFind(stored);
    return it == actions.cend() ? stored : tr(*it);
}

QString ActivityText::detail(const QString &stored)
{
    // "expiry_date < 1900000000" (the command line's purge): the moment, as a date.
    static const QRegularExpression before(QStringLiteral(R"(^expiry_date < (\d+)$)"));
    if (const auto m = before.match(stored); m.hasMatch())
        return tr("expired before %1")
            .arg(QDateTime::fromSecsSinceEpoch(m.captured(1).toLongLong())
                     .toLocalTime()
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    static const QList<std::pair<QRegularExpression, const Pattern *>> compiled = [] {
        QList<std::pair<QRegularExpression, const Pattern *>> out;
        for (const Pattern &p : Patterns)
            out.append({ QRegularExpression(QLatin1Char('^') + QString::fromLatin1(p.stored) + QLatin1Char('$')), &p });
        return out;
    }();
    for (const auto &[re, p] : compiled) {
        const QRegularExpressionMatch m = re.match(stored);
        if (!m.hasMatch())
            continue;
        if (p->numerus)
            return tr(p->shown, nullptr, m.captured(1).toInt());
        switch (re.captureCount()) {
        case 0:
            return tr(p->shown);
        case 1:
            return tr(p->shown).arg(m.captured(1));
        case 2:
            return tr(p->shown).arg(m.captured(1), m.captured(2));
        default:
            return tr(p->shown).arg(m.captured(1), m.captured(2), m.captured(3));
        }
    }
    return stored;
}
