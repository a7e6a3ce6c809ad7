#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/Connector.h"

#include <QDialog>

#include <optional>

class Prompter;
class ProfileStore;
class SecretStore;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

// The connection manager: named profiles for SQLite, MySQL/MariaDB and PostgreSQL. Non-secret
// fields go to the ProfileStore, the password only to the SecretStore (the keychain).
class ConnectionDialog final : public QDialog {
    Q_OBJECT

public:
    ConnectionDialog(ProfileStore &profiles, SecretStore &secrets, Prompter &prompter, bool keychainAvailable,
        QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    void selectProfile(const QString &name);
    void startNewProfile();

    // After accept(): the profile to open, and the password typed for it (if any).
    ConnectionProfile chosenProfile() const { return m_chosen; }
    std::optional<QString> typedPassword() const { return m_chosenPassword; }
    // The SSH password or passphrase typed (or in the keychain) for it, when it goes through SSH.
    std::optional<SshTunnel::Credentials> sshCredentials() const { return m_chosenSsh; }
    bool rememberPassword() const { return m_chosenRemember; }
    bool createSqliteFile() const { return m_chosenCreate; }

    QString message() const;
    bool isTesting() const { return m_testing; }

    void done(int result) override;

signals:
    void testFinished(const ConnectResult &result);

private:
    void buildUi(bool keychainAvailable);
    void loadIntoForm(const ConnectionProfile &profile);
    std::optional<ConnectionProfile> profileFromForm(QStringList *errors) const;
    void refreshList(const QString &select);
    void onSelectionChanged();
    void onDriverChanged();
    bool save();
    void removeCurrent();
    void testConnection();
    void connectNow();
    void showMessage(const QString &text, bool error);
    void setDirty(bool dirty);
    bool confirmDiscard();
    void browseSqlite();
    void browseFile(QLineEdit *edit, const QString &title);
    void onSshAuthChanged();
    // The SSH password or passphrase: as typed, else the keychain's for the saved profile.
    std::optional<SshTunnel::Credentials> sshCredentials(const ConnectionProfile &profile) const;

    ProfileStore &m_profiles;
    SecretStore &m_secrets;
    Prompter &m_prompter;

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_driver = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLineEdit *m_sqlitePath = nullptr;
    QCheckBox *m_create = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_socket = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QGroupBox *m_tlsGroup = nullptr;
    QCheckBox *m_requireTls = nullptr;
    QLineEdit *m_ca = nullptr;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_key = nullptr;
    QGroupBox *m_sshGroup = nullptr; // checkable: "through an SSH host"
    QLineEdit *m_sshHost = nullptr;
    QLineEdit *m_sshPort = nullptr;
    QLineEdit *m_sshUser = nullptr;
    QComboBox *m_sshAuth = nullptr;
    QLineEdit *m_sshKeyFile = nullptr;
    QLineEdit *m_sshSecret = nullptr; // the SSH password or key passphrase: to the keychain only
    QLabel *m_message = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_deleteButton = nullptr;

    QString m_currentName; // the saved name of the profile in the form; empty for a new one
    bool m_dirty = false;
    bool m_loading = false;
    bool m_testing = false;
    bool m_keychainAvailable = false;

    ConnectionProfile m_chosen;
    std::optional<QString> m_chosenPassword;
    std::optional<SshTunnel::Credentials> m_chosenSsh;
    bool m_chosenRemember = false;
    bool m_chosenCreate = false;
};
