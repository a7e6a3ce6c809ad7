#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/Connector.h"

#include <QObject>

#include <functional>
#include <optional>

class AppSettings;
class DatabaseSession;
class ProfileStore;
class Prompter;
class SecretStore;
class QWidget;

// Opens connections for the window: finds the password (keychain, else asks), retries a refused
// stored password by asking, remembers what was opened last, and creates the demo database.
class ConnectionController final : public QObject {
    Q_OBJECT

public:
    ConnectionController(DatabaseSession &session, ProfileStore &profiles, SecretStore &secrets, Prompter &prompter,
        AppSettings &settings, QObject *parent = nullptr);

    // knownPassword: typed in the connection dialog; remember: store it in the keychain on success.
    bool openProfile(QWidget *parent, const ConnectionProfile &profile,
        const std::optional<QString> &knownPassword = {}, bool remember = false);
    bool openDemo(QWidget *parent, bool reset = false);
    // The connection used last, or the demo database on a first start.
    bool openStartup(QWidget *parent);
    // The same, without waiting: the connection is made on a thread of its own and done(ok) runs
    // on the window's thread when it is ready or has failed (after asking again for a refused
    // password). The bool versions above wait for these, with the event loop turning.
    // A profile through SSH: sshCredentials as typed, else the keychain's; an unknown host key is
    // asked about (Prompter::confirm), a changed one refused.
    void openProfileAsync(QWidget *parent, const ConnectionProfile &profile,
        const std::optional<QString> &knownPassword, bool remember, std::function<void(bool)> done,
        const std::optional<SshTunnel::Credentials> &sshCredentials = std::nullopt);
    void openDemoAsync(QWidget *parent, bool reset, std::function<void(bool)> done);
    void openStartupAsync(QWidget *parent, std::function<void(bool)> done);

    bool keychainAvailable();
    void forgetKeychainProbe() { m_keychainProbed = false; }
    const ConnectResult &lastResult() const { return m_lastResult; }
    QString demoPath() const { return m_demoPath; }
    void setDemoPath(const QString &path) { m_demoPath = path; }

    DatabaseSession &session() { return m_session; }
    ProfileStore &profiles() { return m_profiles; }
    SecretStore &secrets() { return m_secrets; }
    Prompter &prompter() { return m_prompter; }

signals:
    void statusMessage(const QString &text);
    // A database was opened and is ready to be shown (the demo is seeded by then).
    void connectionReady();
    // An attempt ended without a connection (the message was shown to the person too).
    void connectFailed(const QString &message);

private:
    void attemptOpen(QWidget *parent, const ConnectionProfile &profile, QString password, bool fromKeychain,
        bool remember, int attempt, std::function<void(bool)> done, Connector::Options options);

    DatabaseSession &m_session;
    ProfileStore &m_profiles;
    SecretStore &m_secrets;
    Prompter &m_prompter;
    AppSettings &m_settings;
    ConnectResult m_lastResult;
    QString m_demoPath;
    bool m_keychainProbed = false;
    bool m_keychainAvailable = false;
};
