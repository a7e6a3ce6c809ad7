#pragma once

#include "CommandSpec.h"

#include <QCoreApplication>

class CommandContext;

// schema install | verify and demo seed: commands about the database as a whole.
class DatabaseCommands final {
    Q_DECLARE_TR_FUNCTIONS(DatabaseCommands)

public:
    static QList<CommandSpec> commands();

private:
    static int install(CommandContext &ctx, const QCommandLineParser &p);
    static int verify(CommandContext &ctx);
    static int diagram(CommandContext &ctx, const QCommandLineParser &p);
    static int seed(CommandContext &ctx, const QCommandLineParser &p);
};
