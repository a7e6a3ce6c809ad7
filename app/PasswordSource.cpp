#include "PasswordSource.h"

#include "connection/ProfileStore.h"
#include "connection/SecretStore.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

PasswordSource::PasswordSource(ProfileStore &profiles, SecretStore *secrets)
    : m_profiles(profiles)
    , m_secrets(secrets)
{
}

std::optional<QString> PasswordSource::passwordFor(const ConnectionProfile &profile, QString *error)
{
    if (!profile.isServer())
        return QString();
    if (qEnvironmentVariableIsSet(EnvironmentVariable))
        return qEnvironmentVariable(EnvironmentVariable);
    if (auto stored = fromKeychain(profile))
        return stored;
    if (auto typed = fromTerminal(profile))
        return typed;
    if (error)
        *error = tr("A password is needed for %1. Set the environment variable %2, store it in the keychain from "
                    "the console's connection dialog, or run the command in a terminal to be asked.")
                     .arg(profile.displayName(), QString::fromLatin1(EnvironmentVariable));
    return std::nullopt;
}

std::optional<QString> PasswordSource::fromKeychain(const ConnectionProfile &profile)
{
    // Without a session bus there is no keychain; asking would only wait for a timeout.
    if (!m_secrets || !qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        return std::nullopt;
    // A URL matches a saved profile when it points at the same place as the same user.
    QString key;
    if (m_profiles.contains(profile.name)) {
        key = SecretStore::keyForProfile(profile.name);
    } else {
        for (const QString &name : m_profiles.names()) {
            const auto saved = m_profiles.load(name);
            if (saved && saved->displayName() == profile.displayName() && saved->driver == profile.driver) {
                key = SecretStore::keyForProfile(name);
                break;
            }
        }
    }
    if (key.isEmpty())
        return std::nullopt;
    const SecretStore::Result r = m_secrets->read(key);
    if (!r.ok())
        return std::nullopt;
    return r.secret;
}

std::optional<QString> PasswordSource::fromTerminal(const ConnectionProfile &profile)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
        return std::nullopt;
    QTextStream err(stderr);
    err << tr("Password for %1: ").arg(profile.displayName());
    err.flush();
    termios old {};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    QTextStream in(stdin);
    const QString line = in.readLine();
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    err << '\n';
    err.flush();
    return line;
}

std::optional<QString> PasswordSource::sshSecretFor(const ConnectionProfile &profile)
{
    if (!profile.ssh.enabled())
        return std::nullopt;
    if (qEnvironmentVariableIsSet(SshEnvironmentVariable))
        return qEnvironmentVariable(SshEnvironmentVariable);
    if (m_secrets && qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS") && m_profiles.contains(profile.name)) {
        const SecretStore::Result r = m_secrets->read(SecretStore::keyForSsh(profile.name));
        if (r.ok())
            return r.secret;
    }
    if (profile.ssh.auth != SshSettings::Auth::Password || !isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
        return std::nullopt;
    QTextStream err(stderr);
    err << tr("SSH password for %1: ").arg(profile.ssh.target());
    err.flush();
    termios old {};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    QTextStream in(stdin);
    const QString line = in.readLine();
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    err << '\n';
    err.flush();
    return line;
}
