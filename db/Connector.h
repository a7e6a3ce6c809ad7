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
        TlsFailure,
        TlsNotUsed,
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
