#pragma once

#include "ConnectionProfile.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>

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
        Other,
    };
    Error error = Error::None;
    QString message; // a sentence a person can act on
    QString detail; // the driver's own text, for "show details"
    QString serverVersion;
    bool tlsActive = false;
    bool ok() const { return error == Error::None; }
};

// Opens named connections (never the default one) and turns driver errors into plain words.
// A MySQL/MariaDB profile that requires TLS or names a CA file is first checked by TlsProbe (chain
// AND host name) before the driver sends the password; see docs/SECURITY.md.
class Connector final {
    Q_DECLARE_TR_FUNCTIONS(Connector)

public:
    struct Options {
        bool createSqliteFile = false; // a missing SQLite file is an error unless this is set
        int timeoutSeconds = 8;
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

    // Pure mapping from a driver error to a result; public so it can be tested without a server
    // for the cases no local server can produce (MySQL 8's caching_sha2_password, for example).
    static ConnectResult classify(const ConnectionProfile &profile, const QSqlError &error);
};
