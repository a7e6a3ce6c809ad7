#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/SshTunnel.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>

#include <functional>
#include <memory>

struct ConnectResult {
    enum class Error {
        None,
        InvalidProfile,
        DriverMissing,
        WrongPassword,
        AccessDenied,
        Unreachable,
        UnknownDatabase,
        TlsFailure, // the TLS handshake failed
        TlsNotUsed, // TLS is required but the server does not offer it (the password was not sent)
        TlsUntrusted, // the server's certificate does not lead to the CA file (or the system store)
        TlsWrongHost, // a trusted certificate, but for another host name
        TlsNotApplicable, // TLS required on a Unix socket, where it is not used
        AuthPluginUnsupported,
        FileMissing,
        NotADatabase,
        SshUnreachable, // no SSH server answered at the SSH host
        SshAuthFailed, // the SSH host refused the login (key, agent, password, passphrase)
        SshHostKeyUnknown, // the SSH host's key is not known and was not trusted
        SshHostKeyChanged, // the SSH host's key differs from the saved one: refused
        SshChannelRefused, // logged in over SSH, but the SSH host did not connect on to the database
        Other,
    };
    Error error = Error::None;
    QString message; // a sentence a person can act on
    QString detail; // the driver's own text, for "show details"
    QString serverVersion;
    bool tlsActive = false;
    QString node; // "host:port" of the cluster node in use, when the profile names several
    QString hostKeyFingerprint; // SshHostKeyUnknown/Changed: the SSH host key's SHA256 fingerprint
    bool ok() const { return error == Error::None; }
};

// Opens named connections (never the default one) and turns driver errors into plain words.
// A MySQL/MariaDB connection over TCP goes through a MySqlRelay of its own, which verifies TLS
// (chain AND host name) on the very connection that carries the password and refuses methods
// that would expose it; see docs/SECURITY.md.
class Connector final {
    Q_DECLARE_TR_FUNCTIONS(Connector)

public:
    struct Options {
        bool createSqliteFile = false; // a missing SQLite file is an error unless this is set
        int timeoutSeconds = 8;
        // Set by open() for a cluster: every node, so that the connection's relay moves on to the
        // next when the node in use stops answering (a reconnect then lands on a live node).
        QList<ConnectionProfile> clusterNodes;
        // Through SSH (profile.ssh): the SSH password or passphrase for this attempt (none: the
        // tunnel keeps what it was given before, or uses the agent), who is asked about an
        // unknown host key (none: it is refused), and whether to use a session of its own rather
        // than the profile's shared one (a "Test connection" of edited settings).
        std::optional<SshTunnel::Credentials> sshCredentials;
        std::shared_ptr<HostKeyPrompter> hostKeyPrompter;
        bool ownSshSession = false;
        // Called on the connecting thread once the connection is configured (SSH session and
        // relay up), just before it logs in: a connection cloned from it may log in now, in
        // parallel. Not called for a cluster, whose node is known only after the login.
        std::function<void()> configured;
    };

    static ConnectResult open(const ConnectionProfile &profile, const QString &password, const QString &connectionName,
        const Options &options);
    static ConnectResult open(const ConnectionProfile &profile, const QString &password, const QString &connectionName)
    {
        return open(profile, password, connectionName, Options {});
    }
    // Opens a throwaway connection and closes it again.
    static ConnectResult test(const ConnectionProfile &profile, const QString &password, const Options &options);
    static void close(const QString &connectionName);
    static QString uniqueName(const QString &prefix);
    // The relay behind an open MySQL connection (nullptr for other kinds), for tests and diagnosis.
    static std::shared_ptr<class MySqlRelay> relayOf(const QString &connectionName);
    // The SSH tunnel behind an open connection (nullptr when it goes direct).
    static std::shared_ptr<SshTunnel> tunnelOf(const QString &connectionName);
    static ConnectResult fromSsh(const SshStatus &status);

    // Pure mapping from a driver error to a result; public so it can be tested without a server
    // for the cases no local server can produce (MySQL 8's caching_sha2_password, for example).
    static ConnectResult classify(const ConnectionProfile &profile, const QSqlError &error);
    // The driver's connect options for a profile (no secrets in them); relaySocket for MySQL over TCP.
    static QString connectOptions(const ConnectionProfile &profile, const Options &options, const QString &relaySocket);
};
