#pragma once

#include "CommandSpec.h"

#include <QCoreApplication>

class CommandContext;

// query list | run: the query builder's ready-made and saved queries, from a script.
class QueryCommands final {
    Q_DECLARE_TR_FUNCTIONS(QueryCommands)

public:
    static QList<CommandSpec> commands();

private:
    static int list(CommandContext &ctx);
    static int run(CommandContext &ctx, const QCommandLineParser &p, const QString &name);
};
