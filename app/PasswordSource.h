#pragma once

#include "connection/ConnectionProfile.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

class ProfileStore;
class SecretStore;

// Where a command-line run gets a server password: the environment (for scripts), the keychain
// (a saved profile), or a prompt on the terminal. Never an argument.
class PasswordSource final {
    Q_DECLARE_TR_FUNCTIONS(PasswordSource)

public:
    static constexpr const char *EnvironmentVariable = "TRONGATE_DB_PASSWORD";
    // The SSH password or key passphrase (whichever the connection's SSH settings use).
    static constexpr const char *SshEnvironmentVariable = "TRONGATE_SSH_SECRET";

    PasswordSource(ProfileStore &profiles, SecretStore *secrets);
    // nullopt with error set when there is no way to get it.
    std::optional<QString> passwordFor(const ConnectionProfile &profile, QString *error);

    // The SSH secret for a connection through SSH: the environment, else the keychain, else (for a
    // password) the terminal. nullopt when there is none (the agent or an unprotected key may do).
    std::optional<QString> sshSecretFor(const ConnectionProfile &profile);

private:
    std::optional<QString> fromKeychain(const ConnectionProfile &profile);
    static std::optional<QString> fromTerminal(const ConnectionProfile &profile);

    ProfileStore &m_profiles;
    SecretStore *m_secrets;
};
