#pragma once

#include "audit/AuditLog.h"
#include "connection/ConnectionProfile.h"
#include "sql/ServiceError.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QTextStream>

#include <optional>

class ProfileStore;
class SecretStore;

// What a command needs from the run it is part of: the output streams, the database named by
// --db or --connection, the answer to "are you sure?", stdin, the clock and the activity log.
class CommandContext final {
    Q_DECLARE_TR_FUNCTIONS(CommandContext)

public:
    enum Exit { Ok = 0, Refused = 1, Failure = 2 };

    CommandContext(ProfileStore &profiles, SecretStore *secrets, QTextStream &out, QTextStream &err);
    ~CommandContext();
    CommandContext(const CommandContext &) = delete;
    CommandContext &operator=(const CommandContext &) = delete;

    void setDatabaseChoice(const QString &url, const QString &connection);
    // --ssh-key PATH (the SSH key for the connection) and --ssh-trust SHA256:... (the only
    // unknown host key this run may trust and save).
    void setSsh(const QString &keyFile, const QString &trustedFingerprint);
    void setJson(bool json) { m_json = json; }
    void setYes(bool yes) { m_yes = yes; }
    bool json() const { return m_json; }
    bool yes() const { return m_yes; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Opens the database; on failure the reason is on stderr and the command exits with Failure.
    // requireTables: Trongate's three tables must exist (else: say to run "schema install").
    std::optional<QSqlDatabase> open(bool createSqlite = false, bool requireTables = true);
    std::optional<ConnectionProfile> resolveProfile(QString *error) const;
    // The server refused this account the database (not a wrong password): a denial, exit 1.
    bool accessDenied() const { return m_accessDenied; }
    // The connection as the activity log names it: the saved name or the URL's place, never a password.
    QString connectionLabel() const;

    static bool stdinIsTerminal();
    // true with --yes; otherwise asks on the terminal. A "no" prints that nothing changed.
    bool confirm(const QString &question);
    // On a terminal: one line typed after the prompt (not echoed when hidden). Otherwise all of stdin.
    QString readInput(const QString &terminalPrompt, bool hidden);

    qint64 now() const;

    // Whether a database error says the account lacks a privilege (exit 1, like every refusal).
    static bool isPermissionDenial(const QString &message);
    // Prints the message and returns the exit code it stands for.
    int fail(const ServiceError &error);
    int refuse(const QString &message);
    int failure(const QString &message);
    void printJson(const QJsonObject &object);
    // Control characters in cells are printed as \x1b etc. (database text must not drive the terminal).
    void printTable(const QStringList &headers, const QList<QStringList> &rows);
    // Appends to the activity log after a change; a log that cannot be written is reported, not fatal.
    void audit(AuditEntry entry);

    // Parsers for typed values; nullopt after printing why (the caller exits with Refused).
    std::optional<qint64> parseId(const QString &text, const QString &what);
    std::optional<QList<qint64>> parseIds(const QStringList &values, const QString &what);
    std::optional<qint64> parseCount(const QString &text, const QString &what, qint64 min, qint64 max);
    // --ttl DURATION or --expires TIME (ISO 8601, local time unless it names a zone) as Unix seconds.
    std::optional<qint64> parseExpiry(const QString &ttl, const QString &expires, qint64 defaultTtl);

    // "2025-01-01 12:00:00 UTC (in 3 h 5 min)"
    QString expiryText(const std::optional<qint64> &expiry) const;

private:
    std::optional<ConnectionProfile> resolveProfileAsGiven(QString *error) const;

    ProfileStore &m_profiles;
    SecretStore *m_secrets;
    QTextStream &m_out;
    QTextStream &m_err;
    QString m_dbUrl;
    QString m_connection;
    QString m_sshKey;
    QString m_sshTrust;
    std::optional<ConnectionProfile> m_profile;
    QString m_connectionName;
    bool m_json = false;
    bool m_yes = false;
    bool m_accessDenied = false;
};
