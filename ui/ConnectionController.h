#pragma once

#include "ConnectionProfile.h"
#include "Connector.h"

#include <QObject>

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

private:
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
