#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

enum class DriverKind { Sqlite, MySql, Postgres };

// TLS settings of a MySQL/MariaDB profile. Paths only: no secret lives here.
struct TlsSettings {
    bool require = false;
    QString caFile;
    QString certFile;
    QString keyFile;

    bool any() const { return require || !caFile.isEmpty() || !certFile.isEmpty() || !keyFile.isEmpty(); }
    bool operator==(const TlsSettings &o) const = default;
};

// An SSH host the database is reached through (the database host and port, or its Unix socket,
// are then as seen from that host). No secret here: the SSH password or key passphrase lives in
// the keychain (SecretStore::keyForSsh), or comes from the SSH agent.
struct SshSettings {
    enum class Auth {
        Auto, // the SSH agent, then the keys ~/.ssh/config names (IdentityFile) or the default ones
        KeyFile, // keyFile, with its passphrase from the keychain when it has one
        Password,
    };
    QString host; // a name, an address or an alias from ~/.ssh/config (ProxyJump and all)
    int port = 0; // 0 = the SSH config's, else 22
    QString user; // empty = the SSH config's, else the local user name
    Auth auth = Auth::Auto;
    QString keyFile;

    bool enabled() const { return !host.isEmpty(); }
    // "user@host:port" as typed (parts left empty stay out).
    QString target() const;
    // Parses "user@host:port" (user and port optional); false on a malformed one.
    bool parseTarget(const QString &text);
    static QString authName(Auth auth);
    static std::optional<Auth> authFromName(const QString &name);
    bool operator==(const SshSettings &o) const = default;
};

// Everything needed to reach a database except its password, which lives only in the keychain
// (or the environment, for scripts).
struct ConnectionProfile {
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    QString name;
    DriverKind driver = DriverKind::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 0; // 0 = the driver's default port
    QString database;
    QString user;
    QString unixSocket;
    TlsSettings tls;
    SshSettings ssh;

    bool operator==(const ConnectionProfile &o) const = default;

    bool isServer() const { return driver != DriverKind::Sqlite; }
    // A cluster's nodes, written in the host field as "host1:3306,host2:3306,host3" (a node
    // without a port has the profile's): one profile per node, in order. A single host gives
    // the profile itself.
    QList<ConnectionProfile> nodes() const;
    int effectivePort() const;
    static int defaultPort(DriverKind kind);
    QString qtDriverName() const;
    static QString driverLabel(DriverKind kind);
    // "user@host:3306/db" or the SQLite file path; never a password.
    QString displayName() const;

    // Checks a profile before it is saved or used. Each entry is a sentence that says what to do.
    // checkFiles: also look at the file system (SQLite file, TLS files).
    QStringList validate(bool checkFiles = true) const;

    // sqlite:PATH, mysql://user@host:port/db?tls=require&ca=PATH&cert=PATH&key=PATH&socket=PATH,
    // postgres://user@host:port/db; either with &ssh=user@sshhost:22&ssh_key=PATH&ssh_auth=password. A password in the
    // URL is refused: it would end up in argv.
    static std::optional<ConnectionProfile> fromUrl(const QString &url, QString *error);
    QString toUrl() const;

    // Validates a port typed by a person; empty means the default.
    static std::optional<int> parsePort(const QString &text, QString *error);
};
