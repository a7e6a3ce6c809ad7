#include "TokenCommands.h"

#include "audit/AuditLog.h"
#include "tokens/TokenOperations.h"
#include "CommandContext.h"
#include "tokens/Duration.h"
#include "audit/ControlText.h"
#include "tokens/TokenGenerator.h"
#include "tokens/TokenService.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace {
// The token operations with the activity log the command line writes to, naming the connection.
TokenOperations operations(CommandContext &ctx, TokenService &service)
{
    static const AuditLog log(AuditLog::defaultPath());
    return TokenOperations(service, log, ctx.connectionLabel());
}

// The change was made; a record that could not be written is said, on stderr.
void reportAudit(CommandContext &ctx, const TokenOperations &ops)
{
    if (!ops.auditError().isEmpty())
        ctx.err() << ops.auditError() << '\n';
}

const QString User = QStringLiteral("user");
const QString Level = QStringLiteral("level");
const QString Ttl = QStringLiteral("ttl");
const QString Expires = QStringLiteral("expires");
const QString Code = QStringLiteral("code");
const QString Count = QStringLiteral("count");
const QString Status = QStringLiteral("status");
const QString Limit = QStringLiteral("limit");
const QString Reveal = QStringLiteral("reveal");
const QString Id = QStringLiteral("id");
const QString Length = QStringLiteral("length");
const QString Yes = QStringLiteral("yes");

QJsonValue jsonOptional(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonArray jsonIds(const QList<qint64> &ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}
} // namespace

QList<CommandSpec> TokenCommands::commands()
{
    const QCommandLineOption yes(Yes, tr("Do not ask for confirmation (needed when stdin is not a terminal)."));
    const QCommandLineOption ttl(
        Ttl, tr("Lifespan: seconds, or 90s, 15m, 1h, 7d (default 86400, Trongate's)."), QStringLiteral("DURATION"));
    const QCommandLineOption expires(Expires,
        tr("Expiry time in ISO 8601, e.g. 2030-12-31T23:00:00Z; local time without a zone."), QStringLiteral("TIME"));
    const QCommandLineOption reveal(Reveal, tr("Print whole tokens instead of their first six characters."));

    QList<CommandSpec> specs;
    CommandSpec s;

    s = {};
    s.group = QStringLiteral("tokens");
    s.name = QStringLiteral("issue");
    s.usage = QStringLiteral("--user ID[,ID...] [--ttl DURATION | --expires TIME] [--code C] [--count N]");
    s.summary = tr("issue new tokens and print them (the only time they are shown whole)");
    s.description = tr("Inserts rows into trongate_tokens as Trongate's generate_token does, in one transaction, "
                       "and prints the new tokens. Every user must have a trongate_users row.");
    s.options = { QCommandLineOption(
                      User, tr("The user (repeat or separate with commas for several)."), QStringLiteral("ID")),
        ttl, expires,
        QCommandLineOption(Code, tr("The code column, at most 3 characters (default \"0\")."), QStringLiteral("C")),
        QCommandLineOption(Count, tr("Tokens per user, 1 to 100000 (default 1)."), QStringLiteral("N")) };
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &) { return issue(c, p); };
    specs << s;

    s = {};
    s.group = QStringLiteral("tokens");
    s.name = QStringLiteral("list");
    s.usage = QStringLiteral("[--user ID] [--level ID] [--status valid|expired|all] [--limit N] [--reveal]");
    s.summary = tr("list tokens, masked unless --reveal");
    s.description = tr("Lists trongate_tokens with their users' levels and expiries. valid: expiry after now; "
                       "expired: not valid (expiry in the past, now, or missing).");
    s.options = { QCommandLineOption(User, tr("Only this user's tokens."), QStringLiteral("ID")),
        QCommandLineOption(Level, tr("Only tokens of users at this level."), QStringLiteral("ID")),
        QCommandLineOption(Status, tr("valid, expired or all (default all)."), QStringLiteral("STATUS")),
        QCommandLineOption(Limit, tr("At most N rows (default 100, 0 for all)."), QStringLiteral("N")), reveal };
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &) { return list(c, p); };
    specs << s;

    s = {};
    s.group = QStringLiteral("tokens");
    s.name = QStringLiteral("revoke");
    s.usage
        = QStringLiteral("[--user ID | --level ID | --id ID[,ID...]] [--yes]   (without an option: tokens on stdin)");
    s.summary = tr("delete tokens: read from stdin, or all of a user, of a level, or by row id");
    s.description = tr("Deletes tokens in one transaction. Without --user, --level or --id the tokens are read "
                       "from stdin, one per line, and matched as the database compares them (MariaDB ignores "
                       "letter case).");
    s.options = { QCommandLineOption(User, tr("Every token of this user."), QStringLiteral("ID")),
        QCommandLineOption(Level, tr("Every token of every user at this level."), QStringLiteral("ID")),
        QCommandLineOption(Id, tr("Tokens by row id (repeat or separate with commas)."), QStringLiteral("ID")), yes };
    s.destructive = true;
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &) { return revoke(c, p); };
    specs << s;

    s = {};
    s.group = QStringLiteral("tokens");
    s.name = QStringLiteral("purge");
    s.usage = QStringLiteral("[--yes]");
    s.summary = tr("delete expired tokens exactly as Trongate's delete_old_tokens does");
    s.description = tr("Deletes the tokens whose expiry_date is before now. A token expiring exactly now and one "
                       "without an expiry are kept, as Trongate keeps them.");
    s.options = { yes };
    s.destructive = true;
    s.run = [](CommandContext &c, const QCommandLineParser &, const QStringList &) { return purge(c); };
    specs << s;

    s = {};
    s.group = QStringLiteral("tokens");
    s.name = QStringLiteral("regenerate");
    s.usage = QStringLiteral("--id ID [--ttl DURATION | --expires TIME] [--reveal] [--yes]");
    s.summary = tr("give a token a new string and expiry, keeping its row id and code");
    s.description = tr("Trongate's regenerate_token: the row keeps its id and code and gets a new 32-character "
                       "token and a new expiry. The old token stops working. The new token is printed whole "
                       "only with --reveal.");
    s.options = { QCommandLineOption(Id, tr("The token's row id."), QStringLiteral("ID")), ttl, expires, reveal, yes };
    s.destructive = true;
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &) { return regenerate(c, p); };
    specs << s;

    s = {};
    s.group = QStringLiteral("tokens");
    s.name = QStringLiteral("extend");
    s.usage = QStringLiteral("--id ID[,ID...] (--ttl DURATION | --expires TIME)");
    s.summary = tr("set a new expiry on tokens, keeping their strings");
    s.description = tr("Sets expiry_date of the given tokens to now plus the lifespan, or to the given time.");
    s.options = { QCommandLineOption(Id, tr("Row ids (repeat or separate with commas)."), QStringLiteral("ID")), ttl,
        expires };
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &) { return extend(c, p); };
    specs << s;

    s = {};
    s.group = QStringLiteral("tokens");
    s.name = QStringLiteral("inspect");
    s.usage = QStringLiteral("[--json]   (the token on stdin)");
    s.summary = tr("tell what Trongate would do with a token read from stdin");
    s.description = tr("Looks the token up as Trongate does: its row, user and level, its expiry, whether "
                       "Trongate's any-level check accepts it and for which levels the single-level check passes.");
    s.run = [](CommandContext &c, const QCommandLineParser &, const QStringList &) { return inspect(c); };
    specs << s;

    s = {};
    s.group = QStringLiteral("random");
    s.usage = QStringLiteral("[--count N] [--length L]");
    s.summary = tr("print random strings in Trongate's alphabet (no database needed)");
    s.description = tr("Prints strings made the way Trongate's make_rand_str makes them, from the operating "
                       "system's cryptographic random source.");
    s.options = { QCommandLineOption(Count, tr("How many, 1 to 100000 (default 1)."), QStringLiteral("N")),
        QCommandLineOption(Length, tr("Characters each, 16 to 125 (default 32)."), QStringLiteral("L")) };
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &) { return random(c, p); };
    specs << s;
    return specs;
}

void TokenCommands::printIssued(CommandContext &ctx, const QList<IssuedToken> &tokens, bool reveal)
{
    if (ctx.json()) {
        QJsonArray a;
        for (const IssuedToken &t : tokens)
            a.append(QJsonObject { { QStringLiteral("id"), t.id }, { QStringLiteral("user_id"), t.userId },
                { QStringLiteral("token"), reveal ? t.token : TokenService::mask(t.token) },
                { QStringLiteral("expiry_date"), t.expiry }, { QStringLiteral("code"), t.code } });
        ctx.printJson({ { QStringLiteral("tokens"), a }, { QStringLiteral("count"), qint64(tokens.size()) } });
        return;
    }
    QList<QStringList> rows;
    rows.reserve(tokens.size());
    for (const IssuedToken &t : tokens)
        rows << QStringList { QString::number(t.id), QString::number(t.userId), TokenService::utcText(t.expiry), t.code,
            reveal ? t.token : TokenService::mask(t.token) };
    ctx.printTable({ tr("ID"), tr("USER"), tr("EXPIRES"), tr("CODE"), tr("TOKEN") }, rows);
}

int TokenCommands::issue(CommandContext &ctx, const QCommandLineParser &p)
{
    if (!p.isSet(User))
        return ctx.refuse(tr("Say whose tokens to issue: --user ID (several: --user 1,2,3)."));
    const auto users = ctx.parseIds(p.values(User), tr("user id"));
    if (!users)
        return CommandContext::Refused;
    const auto expiry = ctx.parseExpiry(p.value(Ttl), p.value(Expires), TokenService::DefaultLifespan);
    if (!expiry)
        return CommandContext::Refused;
    std::optional<qint64> count = 1;
    if (p.isSet(Count) && !(count = ctx.parseCount(p.value(Count), tr("--count"), 1, TokenService::MaxCountPerUser)))
        return CommandContext::Refused;
    const QString code = p.isSet(Code) ? p.value(Code) : QStringLiteral("0");
    if (const QString problem = ControlText::problem(code, tr("--code")); !problem.isEmpty())
        return ctx.refuse(problem);
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    TokenService service(*db);
    TokenOperations ops = operations(ctx, service);
    ServiceError error;
    const auto issued = ops.issue(*users, *expiry, code, int(*count), &error);
    if (!issued)
        return ctx.fail(error);
    reportAudit(ctx, ops);
    // The one place a whole token is printed: whoever issues it has to hand it on.
    printIssued(ctx, *issued, true);
    return CommandContext::Ok;
}

int TokenCommands::list(CommandContext &ctx, const QCommandLineParser &p)
{
    TokenFilter f;
    if (p.isSet(User)) {
        const auto id = ctx.parseId(p.value(User), tr("user id"));
        if (!id)
            return CommandContext::Refused;
        f.userId = *id;
    }
    if (p.isSet(Level)) {
        const auto id = ctx.parseId(p.value(Level), tr("level id"));
        if (!id)
            return CommandContext::Refused;
        f.levelId = *id;
    }
    const QString status = p.value(Status).trimmed().toLower();
    if (status == QLatin1String("valid"))
        f.status = TokenFilter::Status::Valid;
    else if (status == QLatin1String("expired"))
        f.status = TokenFilter::Status::Expired;
    else if (!status.isEmpty() && status != QLatin1String("all"))
        return ctx.refuse(tr("--status must be valid, expired or all; \"%1\" is none of them.").arg(p.value(Status)));
    if (p.isSet(Limit)) {
        const auto limit = ctx.parseCount(p.value(Limit), tr("--limit"), 0, 100000000);
        if (!limit)
            return CommandContext::Refused;
        f.limit = int(*limit);
    }
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    const TokenService service(*db);
    ServiceError error;
    // One row more than shown tells whether there are more.
    const int limit = f.limit;
    if (limit > 0)
        ++f.limit;
    auto rows = service.list(f, &error);
    if (!rows)
        return ctx.fail(error);
    const bool truncated = limit > 0 && rows->size() > limit;
    if (truncated)
        rows->resize(limit);
    const bool reveal = p.isSet(Reveal);
    // The database's own comparison decides, whatever type the stored expiry has.
    auto statusOf = [](const TokenRow &r) {
        if (!r.expiry && r.expiryAsText.isEmpty())
            return QStringLiteral("no_expiry");
        return r.valid ? QStringLiteral("valid") : QStringLiteral("expired");
    };
    if (ctx.json()) {
        QJsonArray a;
        for (const TokenRow &r : *rows)
            a.append(QJsonObject { { QStringLiteral("id"), r.id },
                { QStringLiteral("token"), reveal ? r.token : TokenService::mask(r.token) },
                { QStringLiteral("user_id"), r.userId }, { QStringLiteral("user_exists"), r.userExists },
                { QStringLiteral("user_level_id"), jsonOptional(r.userLevelId) },
                { QStringLiteral("expiry_date"), jsonOptional(r.expiry) }, { QStringLiteral("code"), r.code },
                { QStringLiteral("status"), statusOf(r) } });
        ctx.printJson({ { QStringLiteral("tokens"), a }, { QStringLiteral("truncated"), truncated } });
    } else {
        QList<QStringList> table;
        for (const TokenRow &r : *rows) {
            const QString level = !r.userExists ? tr("(no user row)")
                : r.userLevelId                 ? QString::number(*r.userLevelId)
                                                : QStringLiteral("NULL");
            const QString st = !r.expiry && r.expiryAsText.isEmpty() ? tr("no expiry")
                : r.valid                                           ? tr("valid")
                                                                    : tr("expired");
            const QString expires = r.expiryAsText.isEmpty()
                ? ctx.expiryText(r.expiry)
                : tr("\"%1\" (text, not a time)").arg(r.expiryAsText.left(20));
            table << QStringList { QString::number(r.id), reveal ? r.token : TokenService::mask(r.token),
                QString::number(r.userId), level, st, r.code, expires };
        }
        ctx.printTable(
            { tr("ID"), tr("TOKEN"), tr("USER"), tr("LEVEL"), tr("STATUS"), tr("CODE"), tr("EXPIRES") }, table);
    }
    if (truncated)
        ctx.err() << tr("Showing the first %1 tokens; pass --limit N for more, or --limit 0 for all.").arg(limit)
                  << '\n';
    return CommandContext::Ok;
}

int TokenCommands::revoke(CommandContext &ctx, const QCommandLineParser &p)
{
    const int modes = int(p.isSet(User)) + int(p.isSet(Level)) + int(p.isSet(Id));
    if (modes > 1)
        return ctx.refuse(tr("Give one of --user, --level or --id (or none, to read tokens from stdin)."));
    ServiceError error;
    std::optional<qint64> deleted;
    QString done;
    if (modes == 0) {
        const QString input = ctx.readInput(tr("Paste the token to revoke and press Enter:"), true);
        const QStringList tokens = input.split(QLatin1Char('\n'));
        QStringList given;
        for (const QString &t : tokens)
            if (!TokenService::normalize(t).isEmpty())
                given << TokenService::normalize(t);
        if (given.isEmpty())
            return ctx.refuse(tr("No token was given: stdin was empty. Pipe the token in, e.g. "
                                 "\"printf '%s' \\\"$TOKEN\\\" | trongate-admin ... tokens revoke --yes\"."));
        const QString question = given.size() == 1 ? tr("Revoke the token %1?").arg(TokenService::mask(given.first()))
                                                   : tr("Revoke these %1 tokens?").arg(given.size());
        if (!ctx.confirm(question))
            return CommandContext::Refused;
        const auto db = ctx.open();
        if (!db)
            return CommandContext::Failure;
        TokenService service(*db);
        TokenOperations ops = operations(ctx, service);
        deleted = ops.revokeTokens(given, &error);
        if (!deleted)
            return ctx.fail(error);
        if (*deleted == 0)
            return ctx.refuse(tr("No token matched, so nothing was deleted. Check the token with \"tokens inspect\"."));
        reportAudit(ctx, ops);
        done = tr("Revoked %n token(s).", nullptr, int(*deleted));
    } else if (p.isSet(Id)) {
        const auto ids = ctx.parseIds(p.values(Id), tr("token id"));
        if (!ids)
            return CommandContext::Refused;
        if (!ctx.confirm(tr("Revoke %n token(s) by id?", nullptr, int(ids->size()))))
            return CommandContext::Refused;
        const auto db = ctx.open();
        if (!db)
            return CommandContext::Failure;
        TokenService service(*db);
        TokenOperations ops = operations(ctx, service);
        deleted = ops.revokeIds(*ids, &error);
        if (!deleted)
            return ctx.fail(error);
        if (*deleted == 0)
            return ctx.refuse(tr("No token has the given id, so nothing was deleted."));
        reportAudit(ctx, ops);
        done = tr("Revoked %n token(s).", nullptr, int(*deleted));
    } else {
        const bool byUser = p.isSet(User);
        const auto id = ctx.parseId(p.value(byUser ? User : Level), byUser ? tr("user id") : tr("level id"));
        if (!id)
            return CommandContext::Refused;
        const QString question = byUser ? tr("Revoke every token of user %1?").arg(*id)
                                        : tr("Revoke every token of every user at level %1?").arg(*id);
        if (!ctx.confirm(question))
            return CommandContext::Refused;
        const auto db = ctx.open();
        if (!db)
            return CommandContext::Failure;
        TokenService service(*db);
        TokenOperations ops = operations(ctx, service);
        deleted = byUser ? ops.revokeUser(*id, &error) : ops.revokeLevel(*id, &error);
        if (!deleted)
            return ctx.fail(error);
        reportAudit(ctx, ops);
        done = byUser ? tr("Revoked %n token(s) of user %1.", nullptr, int(*deleted)).arg(*id)
                      : tr("Revoked %n token(s) of users at level %1.", nullptr, int(*deleted)).arg(*id);
    }
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("revoked"), *deleted } });
    else
        ctx.out() << done << '\n';
    return CommandContext::Ok;
}

int TokenCommands::purge(CommandContext &ctx)
{
    if (!ctx.confirm(tr("Delete every token that expired before now (%1)?").arg(TokenService::utcText(ctx.now()))))
        return CommandContext::Refused;
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    TokenService service(*db);
    ServiceError error;
    if (const auto skew = service.serverClockSkew(); skew && (*skew > TokenService::NoticeableSkew || *skew < -TokenService::NoticeableSkew))
        ctx.err() << tr("Warning: the database server's clock differs from this computer's by %1 (%2); purging "
                        "goes by the server's clock, as Trongate does.")
                         .arg(Duration::format(*skew), *skew > 0 ? tr("server ahead") : tr("server behind"))
                  << '\n';
    qint64 now = 0;
    TokenOperations ops = operations(ctx, service);
    const auto purged = ops.purge(&error, false, &now);
    if (!purged)
        return ctx.fail(error);
    reportAudit(ctx, ops);
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("purged"), *purged }, { QStringLiteral("now"), now } });
    else
        ctx.out() << tr("Purged %n expired token(s).", nullptr, int(*purged)) << '\n';
    return CommandContext::Ok;
}

int TokenCommands::regenerate(CommandContext &ctx, const QCommandLineParser &p)
{
    if (!p.isSet(Id))
        return ctx.refuse(tr("Say which token to regenerate: --id ID (see \"tokens list\")."));
    const auto id = ctx.parseId(p.value(Id), tr("token id"));
    if (!id)
        return CommandContext::Refused;
    const auto expiry = ctx.parseExpiry(p.value(Ttl), p.value(Expires), TokenService::DefaultLifespan);
    if (!expiry)
        return CommandContext::Refused;
    if (!ctx.confirm(tr("Regenerate token %1? Whoever holds the old token is signed out.").arg(*id)))
        return CommandContext::Refused;
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    TokenService service(*db);
    TokenOperations ops = operations(ctx, service);
    ServiceError error;
    const QList<IssuedToken> fresh = ops.regenerate({ *id }, *expiry, &error);
    if (fresh.isEmpty())
        return ctx.fail(error);
    reportAudit(ctx, ops);
    printIssued(ctx, fresh, p.isSet(Reveal));
    if (!p.isSet(Reveal) && !ctx.json())
        ctx.err() << tr("The new token is masked; pass --reveal to print it whole.") << '\n';
    return CommandContext::Ok;
}

int TokenCommands::extend(CommandContext &ctx, const QCommandLineParser &p)
{
    if (!p.isSet(Id))
        return ctx.refuse(tr("Say which tokens to extend: --id ID (see \"tokens list\")."));
    if (!p.isSet(Ttl) && !p.isSet(Expires))
        return ctx.refuse(tr("Say how long the tokens should last: --ttl DURATION (e.g. 7d) or --expires TIME."));
    const auto ids = ctx.parseIds(p.values(Id), tr("token id"));
    if (!ids)
        return CommandContext::Refused;
    const auto expiry = ctx.parseExpiry(p.value(Ttl), p.value(Expires), TokenService::DefaultLifespan);
    if (!expiry)
        return CommandContext::Refused;
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    TokenService service(*db);
    TokenOperations ops = operations(ctx, service);
    ServiceError error;
    const auto changed = ops.extend(*ids, *expiry, &error);
    if (!changed)
        return ctx.fail(error);
    reportAudit(ctx, ops);
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("extended"), *changed }, { QStringLiteral("ids"), jsonIds(*ids) },
            { QStringLiteral("expiry_date"), *expiry } });
    else
        ctx.out() << tr("%n token(s) now expire %1.", nullptr, int(*changed)).arg(ctx.expiryText(*expiry)) << '\n';
    return CommandContext::Ok;
}

int TokenCommands::inspect(CommandContext &ctx)
{
    const QString input = ctx.readInput(tr("Paste the token to inspect and press Enter:"), true);
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    const TokenService service(*db);
    ServiceError error;
    const auto r = service.inspect(input, &error);
    if (!r)
        return ctx.fail(error);
    const QString fingerprint
        = r->found ? AuditLog::fingerprint(r->input) : QString(); // never a fingerprint of a non-token
    if (ctx.json()) {
        QJsonArray levels;
        for (qint64 l : r->validForLevels)
            levels.append(l);
        ctx.printJson({
            { QStringLiteral("found"), r->found },
            { QStringLiteral("token"), TokenService::mask(r->input) },
            { QStringLiteral("fingerprint"), fingerprint },
            { QStringLiteral("length"), qint64(r->input.size()) },
            { QStringLiteral("matches"), r->matches },
            { QStringLiteral("case_differs"), r->caseDiffers },
            { QStringLiteral("token_id"), r->found ? QJsonValue(r->tokenId) : QJsonValue() },
            { QStringLiteral("user_id"), r->found ? QJsonValue(r->userId) : QJsonValue() },
            { QStringLiteral("user_level_id"), jsonOptional(r->userLevelId) },
            { QStringLiteral("level_title"), r->levelTitle ? QJsonValue(*r->levelTitle) : QJsonValue() },
            { QStringLiteral("expiry_date"), jsonOptional(r->expiryDate) },
            { QStringLiteral("code"), r->found ? QJsonValue(r->code) : QJsonValue() },
            { QStringLiteral("now"), service.now() },
            { QStringLiteral("valid_any"), r->validAny },
            { QStringLiteral("valid_for_levels"), levels },
            { QStringLiteral("orphan"), r->orphan },
            { QStringLiteral("user_missing"), r->userMissing },
            { QStringLiteral("level_missing"), r->levelMissing },
            { QStringLiteral("expired"), r->expired },
            { QStringLiteral("purgeable"), r->purgeable },
            { QStringLiteral("no_expiry"), r->noExpiry },
            { QStringLiteral("note"), r->note },
        });
        return CommandContext::Ok;
    }
    QTextStream &out = ctx.out();
    out << tr("Token:     %1 (%2 characters)").arg(ControlText::escaped(TokenService::mask(r->input))).arg(r->input.size())
        << '\n';
    if (!r->found) {
        out << tr("Found:     no") << '\n' << ControlText::escaped(r->note, true) << '\n';
        return CommandContext::Ok;
    }
    out << tr("Row:       id %1, code \"%2\"").arg(r->tokenId).arg(ControlText::escaped(r->code)) << '\n';
    if (r->userMissing)
        out << tr("User:      %1 (no trongate_users row: an orphan token)").arg(r->userId) << '\n';
    else if (r->levelMissing)
        out << tr("User:      %1, level %2 (no trongate_user_levels row)")
                   .arg(r->userId)
                   .arg(r->userLevelId ? QString::number(*r->userLevelId) : QStringLiteral("NULL"))
            << '\n';
    else
        out << tr("User:      %1, level %2 \"%3\"")
                   .arg(r->userId)
                   .arg(*r->userLevelId)
                   .arg(ControlText::escaped(r->levelTitle.value_or(QString())))
            << '\n';
    out << tr("Expires:   %1")
               .arg(r->expiryAsText.isEmpty() ? ctx.expiryText(r->expiryDate)
                                              : tr("\"%1\" (text, not a time)").arg(r->expiryAsText.left(20)))
        << '\n';
    if (r->noExpiry)
        out << tr("           No expiry: Trongate never accepts it and never purges it.") << '\n';
    else if (r->expired && !r->purgeable)
        out << tr("           Expires this very second: no longer valid, not yet purged.") << '\n';
    else if (r->purgeable)
        out << tr("           Expired: Trongate's next purge deletes it.") << '\n';
    out << tr("Any level: %1").arg(r->validAny ? tr("accepted") : tr("refused")) << '\n';
    QStringList levels;
    for (qint64 l : r->validForLevels)
        levels << QString::number(l);
    out << tr("Levels:    %1")
               .arg(levels.isEmpty()
                       ? tr("the single-level check passes for no level")
                       : tr("the single-level check passes for level %1").arg(levels.join(QStringLiteral(", "))))
        << '\n';
    if (!r->note.isEmpty())
        out << ControlText::escaped(r->note, true) << '\n';
    return CommandContext::Ok;
}

int TokenCommands::random(CommandContext &ctx, const QCommandLineParser &p)
{
    std::optional<qint64> count = 1;
    std::optional<qint64> length = TokenGenerator::DefaultLength;
    if (p.isSet(Count) && !(count = ctx.parseCount(p.value(Count), tr("--count"), 1, 100000)))
        return CommandContext::Refused;
    if (p.isSet(Length)
        && !(length
            = ctx.parseCount(p.value(Length), tr("--length"), TokenGenerator::MinLength, TokenGenerator::MaxLength)))
        return CommandContext::Refused;
    const TokenGenerator generator;
    QStringList strings;
    QString error;
    for (qint64 i = 0; i < *count; ++i) {
        const auto s = generator.generate(int(*length), &error);
        if (!s)
            return ctx.failure(error);
        strings << *s;
    }
    if (ctx.json()) {
        ctx.printJson({ { QStringLiteral("strings"), QJsonArray::fromStringList(strings) } });
    } else {
        for (const QString &s : std::as_const(strings))
            ctx.out() << s << '\n';
    }
    return CommandContext::Ok;
}
