#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

#include <functional>

class CommandContext;
class QCommandLineParser;

// One command of the command line ("tokens issue", or "random" without a subcommand): what its
// help shows and what runs it. The command classes (TokenCommands, ...) hand lists of these to CommandLine.
struct CommandSpec {
    using Handler = std::function<int(CommandContext &, const QCommandLineParser &, const QStringList &arguments)>;

    QString group; // "tokens"
    QString name; // "issue"; empty for a command without subcommands
    QString usage; // the arguments and options after the command, e.g. "--user ID [--count N]"
    QString summary; // one line, through tr()
    QString description; // the command's own help, through tr()
    QList<QCommandLineOption> options;
    int minArguments = 0; // positional arguments after the command's name
    int maxArguments = 0;
    bool destructive = false; // asks on a terminal; needs --yes otherwise
    Handler run;

    QString fullName() const { return name.isEmpty() ? group : group + QLatin1Char(' ') + name; }
};
