#pragma once

#include "CommandSpec.h"

#include <QCoreApplication>

class CommandContext;

// levels list | add | rename | remove and users list | add | set-level | remove.
class AccountCommands final {
    Q_DECLARE_TR_FUNCTIONS(AccountCommands)

public:
    static QList<CommandSpec> commands();

private:
    static int listLevels(CommandContext &ctx);
    static int addLevel(CommandContext &ctx, const QStringList &args);
    static int renameLevel(CommandContext &ctx, const QStringList &args);
    static int removeLevel(CommandContext &ctx, const QStringList &args);
    static int listUsers(CommandContext &ctx, const QCommandLineParser &p);
    static int addUser(CommandContext &ctx, const QCommandLineParser &p);
    static int setUserLevel(CommandContext &ctx, const QStringList &args);
    static int removeUser(CommandContext &ctx, const QCommandLineParser &p, const QStringList &args);
};
