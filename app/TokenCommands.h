#pragma once

#include "CommandSpec.h"

#include <QCoreApplication>

struct IssuedToken;
class CommandContext;

// tokens issue | list | revoke | purge | regenerate | extend | inspect, and random.
class TokenCommands final {
    Q_DECLARE_TR_FUNCTIONS(TokenCommands)

public:
    static QList<CommandSpec> commands();

private:
    static int issue(CommandContext &ctx, const QCommandLineParser &p);
    static int list(CommandContext &ctx, const QCommandLineParser &p);
    static int revoke(CommandContext &ctx, const QCommandLineParser &p);
    static int purge(CommandContext &ctx);
    static int regenerate(CommandContext &ctx, const QCommandLineParser &p);
    static int extend(CommandContext &ctx, const QCommandLineParser &p);
    static int inspect(CommandContext &ctx);
    static int random(CommandContext &ctx, const QCommandLineParser &p);
    static void printIssued(CommandContext &ctx, const QList<IssuedToken> &tokens, bool reveal);
};
