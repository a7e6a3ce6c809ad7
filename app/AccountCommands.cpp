#include "AccountCommands.h"

#include "audit/AuditLog.h"
#include "CommandContext.h"
#include "tokens/LevelService.h"
#include "tokens/UserService.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>

namespace {
const QString Level = QStringLiteral("level");
const QString Limit = QStringLiteral("limit");
const QString Code = QStringLiteral("code");
const QString KeepTokens = QStringLiteral("keep-tokens");
const QString Yes = QStringLiteral("yes");
const QString LevelsTable = QStringLiteral("trongate_user_levels");
const QString UsersTable = QStringLiteral("trongate_users");

AuditEntry edit(const QString &table, qint64 id, const QString &detail)
{
    AuditEntry e;
    e.action = QStringLiteral("edit");
    e.table = table;
    e.addId(id);
    e.count = 1;
    e.detail = detail;
    return e;
}
} // namespace

QList<CommandSpec> AccountCommands::commands()
{
    const QCommandLineOption yes(Yes, tr("Do not ask for confirmation (needed when stdin is not a terminal)."));
    QList<CommandSpec> specs;
    CommandSpec s;

    s = {};
    s.group = QStringLiteral("levels");
    s.name = QStringLiteral("list");
    s.summary = tr("list the user levels and how many users each has");
    s.description = tr("Lists trongate_user_levels with the number of users at each level, and counts the users "
                       "whose level has no row.");
    s.run = [](CommandContext &c, const QCommandLineParser &, const QStringList &) { return listLevels(c); };
    specs << s;

    s = {};
    s.group = QStringLiteral("levels");
    s.name = QStringLiteral("add");
    s.usage = QStringLiteral("TITLE");
    s.minArguments = s.maxArguments = 1;
    s.summary = tr("add a user level");
    s.description = tr("Adds a row to trongate_user_levels. Quote a title with spaces: levels add \"site editor\".");
    s.run = [](CommandContext &c, const QCommandLineParser &, const QStringList &a) { return addLevel(c, a); };
    specs << s;

    s = {};
    s.group = QStringLiteral("levels");
    s.name = QStringLiteral("rename");
    s.usage = QStringLiteral("ID TITLE");
    s.minArguments = s.maxArguments = 2;
    s.summary = tr("rename a user level");
    s.description = tr("Changes level_title. Trongate's code refers to levels by id, so nothing else changes.");
    s.run = [](CommandContext &c, const QCommandLineParser &, const QStringList &a) { return renameLevel(c, a); };
    specs << s;

    s = {};
    s.group = QStringLiteral("levels");
    s.name = QStringLiteral("remove");
    s.usage = QStringLiteral("ID [--yes]");
    s.minArguments = s.maxArguments = 1;
    s.summary = tr("remove a user level no user has");
    s.description = tr("Deletes the level row. A level that users still have is refused; move them first with "
                       "\"users set-level\".");
    s.options = { yes };
    s.destructive = true;
    s.run = [](CommandContext &c, const QCommandLineParser &, const QStringList &a) { return removeLevel(c, a); };
    specs << s;

    s = {};
    s.group = QStringLiteral("users");
    s.name = QStringLiteral("list");
    s.usage = QStringLiteral("[--level ID] [--limit N]");
    s.summary = tr("list users with their level and token counts");
    s.description = tr("Lists trongate_users with their level and how many tokens each has (and how many are "
                       "valid now).");
    s.options = { QCommandLineOption(Level, tr("Only users at this level."), QStringLiteral("ID")),
        QCommandLineOption(Limit, tr("At most N rows (default 100, 0 for all)."), QStringLiteral("N")) };
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &) { return listUsers(c, p); };
    specs << s;

    s = {};
    s.group = QStringLiteral("users");
    s.name = QStringLiteral("add");
    s.usage = QStringLiteral("--level ID [--code C]");
    s.summary = tr("add a user at a level");
    s.description = tr("Adds a row to trongate_users. Without --code a 32-character code is generated; a given "
                       "code must be 32 characters of Trongate's alphabet and unused.");
    s.options = { QCommandLineOption(Level, tr("The user's level."), QStringLiteral("ID")),
        QCommandLineOption(Code, tr("The user's code (32 characters)."), QStringLiteral("C")) };
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &) { return addUser(c, p); };
    specs << s;

    s = {};
    s.group = QStringLiteral("users");
    s.name = QStringLiteral("set-level");
    s.usage = QStringLiteral("ID LEVEL");
    s.minArguments = s.maxArguments = 2;
    s.summary = tr("move a user to another level");
    s.description = tr("Changes user_level_id. The user's tokens stay; Trongate checks the level on every request.");
    s.run = [](CommandContext &c, const QCommandLineParser &, const QStringList &a) { return setUserLevel(c, a); };
    specs << s;

    s = {};
    s.group = QStringLiteral("users");
    s.name = QStringLiteral("remove");
    s.usage = QStringLiteral("ID [--keep-tokens] [--yes]");
    s.minArguments = s.maxArguments = 1;
    s.summary = tr("remove a user and, unless --keep-tokens, the user's tokens");
    s.description = tr("Deletes the user row and the user's tokens in one transaction. With --keep-tokens the "
                       "tokens stay as orphans, as Trongate leaves them; its any-level check still accepts them.");
    s.options = { QCommandLineOption(KeepTokens, tr("Leave the user's tokens in trongate_tokens.")), yes };
    s.destructive = true;
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &a) { return removeUser(c, p, a); };
    specs << s;
    return specs;
}

int AccountCommands::listLevels(CommandContext &ctx)
{
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    const LevelService service(*db);
    ServiceError error;
    const auto levels = service.list(&error);
    if (!levels)
        return ctx.fail(error);
    const auto without = service.usersWithoutLevel(&error);
    if (!without)
        return ctx.fail(error);
    if (ctx.json()) {
        QJsonArray a;
        for (const LevelRow &l : *levels)
            a.append(QJsonObject { { QStringLiteral("id"), l.id }, { QStringLiteral("title"), l.title },
                { QStringLiteral("users"), l.users } });
        ctx.printJson({ { QStringLiteral("levels"), a }, { QStringLiteral("users_without_level"), *without } });
        return CommandContext::Ok;
    }
    QList<QStringList> rows;
    for (const LevelRow &l : *levels)
        rows << QStringList { QString::number(l.id), l.title, QString::number(l.users) };
    ctx.printTable({ tr("ID"), tr("TITLE"), tr("USERS") }, rows);
    if (*without > 0)
        ctx.out()
            << tr("%n user(s) have a level id with no level row; Trongate's get_user_obj fails for them.", nullptr, int(*without))
            << '\n';
    return CommandContext::Ok;
}

int AccountCommands::addLevel(CommandContext &ctx, const QStringList &args)
{
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    LevelService service(*db);
    ServiceError error;
    const auto id = service.add(args.at(0), &error);
    if (!id)
        return ctx.fail(error);
    const QString title = args.at(0).trimmed();
    ctx.audit(edit(LevelsTable, *id, QStringLiteral("add level \"%1\"").arg(title)));
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("id"), *id }, { QStringLiteral("title"), title } });
    else
        ctx.out() << tr("Level %1 \"%2\" added.").arg(*id).arg(title) << '\n';
    return CommandContext::Ok;
}

int AccountCommands::renameLevel(CommandContext &ctx, const QStringList &args)
{
    const auto id = ctx.parseId(args.at(0), tr("level id"));
    if (!id)
        return CommandContext::Refused;
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    LevelService service(*db);
    ServiceError error;
    if (!service.rename(*id, args.at(1), &error))
        return ctx.fail(error);
    const QString title = args.at(1).trimmed();
    ctx.audit(edit(LevelsTable, *id, QStringLiteral("rename level to \"%1\"").arg(title)));
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("id"), *id }, { QStringLiteral("title"), title } });
    else
        ctx.out() << tr("Level %1 renamed to \"%2\".").arg(*id).arg(title) << '\n';
    return CommandContext::Ok;
}

int AccountCommands::removeLevel(CommandContext &ctx, const QStringList &args)
{
    const auto id = ctx.parseId(args.at(0), tr("level id"));
    if (!id)
        return CommandContext::Refused;
    if (!ctx.confirm(tr("Remove user level %1?").arg(*id)))
        return CommandContext::Refused;
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    LevelService service(*db);
    ServiceError error;
    if (!service.remove(*id, &error))
        return ctx.fail(error);
    ctx.audit(edit(LevelsTable, *id, QStringLiteral("remove level")));
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("removed"), *id } });
    else
        ctx.out() << tr("Level %1 removed.").arg(*id) << '\n';
    return CommandContext::Ok;
}

int AccountCommands::listUsers(CommandContext &ctx, const QCommandLineParser &p)
{
    std::optional<qint64> level;
    if (p.isSet(Level) && !(level = ctx.parseId(p.value(Level), tr("level id"))))
        return CommandContext::Refused;
    std::optional<qint64> limit = 100;
    if (p.isSet(Limit) && !(limit = ctx.parseCount(p.value(Limit), tr("--limit"), 0, 100000000)))
        return CommandContext::Refused;
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    const UserService service(*db);
    ServiceError error;
    // One row more than shown tells whether there are more.
    auto users = service.list(level, *limit > 0 ? int(*limit) + 1 : 0, ctx.now(), &error);
    if (!users)
        return ctx.fail(error);
    const bool truncated = *limit > 0 && users->size() > *limit;
    if (truncated)
        users->resize(*limit);
    if (ctx.json()) {
        QJsonArray a;
        for (const UserRow &u : *users)
            a.append(QJsonObject { { QStringLiteral("id"), u.id }, { QStringLiteral("code"), u.code },
                { QStringLiteral("user_level_id"), u.levelId ? QJsonValue(*u.levelId) : QJsonValue() },
                { QStringLiteral("level_title"), u.levelTitle ? QJsonValue(*u.levelTitle) : QJsonValue() },
                { QStringLiteral("tokens"), u.tokens }, { QStringLiteral("valid_tokens"), u.validTokens } });
        ctx.printJson({ { QStringLiteral("users"), a }, { QStringLiteral("truncated"), truncated } });
    } else {
        QList<QStringList> rows;
        for (const UserRow &u : *users) {
            const QString levelText = !u.levelId ? QStringLiteral("NULL")
                : u.levelTitle                   ? QStringLiteral("%1 %2").arg(*u.levelId).arg(*u.levelTitle)
                                                 : tr("%1 (no level row)").arg(*u.levelId);
            rows << QStringList { QString::number(u.id), levelText, QString::number(u.tokens),
                QString::number(u.validTokens), u.code };
        }
        ctx.printTable({ tr("ID"), tr("LEVEL"), tr("TOKENS"), tr("VALID"), tr("CODE") }, rows);
    }
    if (truncated)
        ctx.err() << tr("Showing the first %1 users; pass --limit N for more, or --limit 0 for all.").arg(*limit)
                  << '\n';
    return CommandContext::Ok;
}

int AccountCommands::addUser(CommandContext &ctx, const QCommandLineParser &p)
{
    if (!p.isSet(Level))
        return ctx.refuse(tr("Say the new user's level: --level ID (see \"levels list\")."));
    const auto level = ctx.parseId(p.value(Level), tr("level id"));
    if (!level)
        return CommandContext::Refused;
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    UserService service(*db);
    ServiceError error;
    const auto user = service.add(*level, p.value(Code), &error);
    if (!user)
        return ctx.fail(error);
    ctx.audit(edit(UsersTable, user->id, QStringLiteral("add user at level %1").arg(*level)));
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("id"), user->id }, { QStringLiteral("code"), user->code },
            { QStringLiteral("user_level_id"), *level } });
    else
        ctx.out() << tr("User %1 added at level %2, code %3.").arg(user->id).arg(*level).arg(user->code) << '\n';
    return CommandContext::Ok;
}

int AccountCommands::setUserLevel(CommandContext &ctx, const QStringList &args)
{
    const auto id = ctx.parseId(args.at(0), tr("user id"));
    if (!id)
        return CommandContext::Refused;
    const auto level = ctx.parseId(args.at(1), tr("level id"));
    if (!level)
        return CommandContext::Refused;
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    UserService service(*db);
    ServiceError error;
    if (!service.setLevel(*id, *level, &error))
        return ctx.fail(error);
    ctx.audit(edit(UsersTable, *id, QStringLiteral("set level %1").arg(*level)));
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("id"), *id }, { QStringLiteral("user_level_id"), *level } });
    else
        ctx.out() << tr("User %1 is now at level %2.").arg(*id).arg(*level) << '\n';
    return CommandContext::Ok;
}

int AccountCommands::removeUser(CommandContext &ctx, const QCommandLineParser &p, const QStringList &args)
{
    const auto id = ctx.parseId(args.at(0), tr("user id"));
    if (!id)
        return CommandContext::Refused;
    const bool keep = p.isSet(KeepTokens);
    const QString question = keep ? tr("Remove user %1 and keep the user's tokens?").arg(*id)
                                  : tr("Remove user %1 and every token of the user?").arg(*id);
    if (!ctx.confirm(question))
        return CommandContext::Refused;
    const auto db = ctx.open();
    if (!db)
        return CommandContext::Failure;
    UserService service(*db);
    ServiceError error;
    const auto tokens = service.remove(*id, keep, &error);
    if (!tokens)
        return ctx.fail(error);
    ctx.audit(edit(UsersTable, *id,
        keep ? QStringLiteral("remove user, tokens kept")
             : QStringLiteral("remove user and %1 token(s)").arg(*tokens)));
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("removed"), *id }, { QStringLiteral("tokens_deleted"), *tokens } });
    else if (keep)
        ctx.out() << tr("User %1 removed; the user's tokens were kept and are orphans now.").arg(*id) << '\n';
    else
        ctx.out() << tr("User %1 removed, with %n token(s).", nullptr, int(*tokens)).arg(*id) << '\n';
    return CommandContext::Ok;
}
