#pragma once

#include "CommandSpec.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

class ProfileStore;
class SecretStore;

// `trongate-admin COMMAND ...`: the same core as the window, for scripts and cron.
// Exit codes: 0 success, 1 refused, denied (the account lacks a privilege) or differs (nothing changed),
// 2 connection or database failure.
class CommandLine final {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum Exit { Ok = 0, Refused = 1, Failure = 2 };

    CommandLine(ProfileStore &profiles, SecretStore *secrets);
    int run(const QStringList &arguments);

    // Whether argv asks for a command rather than the window (decided before any QApplication exists).
    static bool wantsCommandLine(int argc, char **argv);
    static QStringList commandNames();

private:
    static QList<CommandSpec> allCommands();
    static QList<QCommandLineOption> globalOptions();
    void printHelp();
    void printGroupHelp(const QString &group, QTextStream &stream);
    void printCommandHelp(const CommandSpec &spec);

    ProfileStore &m_profiles;
    SecretStore *m_secrets;
    QTextStream m_out;
    QTextStream m_err;
    QList<CommandSpec> m_commands;
};
