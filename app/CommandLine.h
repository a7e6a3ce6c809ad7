#pragma once

#include "ConnectionProfile.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <optional>

class ProfileStore;
class SecretStore;
class QSqlDatabase;

// `trongate-admin COMMAND ...`: the same core as the window, for scripts and cron.
// Exit codes: 0 success, 1 refused or differs (nothing changed), 2 connection or database failure.
class CommandLine final {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum Exit { Ok = 0, Refused = 1, Failure = 2 };

    CommandLine(ProfileStore &profiles, SecretStore *secrets);
    int run(const QStringList &arguments);

    // Whether argv asks for a command rather than the window (decided before any QApplication exists).
    static bool wantsCommandLine(int argc, char **argv);

private:
    int schemaCommand(const QStringList &args);
    std::optional<ConnectionProfile> resolveProfile(QString *error);
    bool connect(const ConnectionProfile &profile, bool createSqlite, QString *connectionName);
    void printHelp();

    ProfileStore &m_profiles;
    SecretStore *m_secrets;
    QTextStream m_out;
    QTextStream m_err;
    QString m_dbUrl;
    QString m_connection;
    bool m_json = false;
    bool m_dryRun = false;
};
