#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One change made through the console or the command line. Tokens are kept only as fingerprints.
struct AuditEntry {
    QDateTime time; // UTC; empty: the time of writing
    QString osUser; // empty: the user running the process
    QString connection; // the profile's display name, never a password
    QString action; // issue, revoke, purge, regenerate, extend, edit, schema
    QString table; // the table changed, when one is
    // A change of a million rows would make a line of megabytes: ids and fingerprints are listed up
    // to MaxListed each, and count always says how many rows the change touched.
    QList<qint64> ids; // row ids
    qint64 count = 0; // rows affected
    QStringList tokens; // fingerprints, never whole tokens
    // Pasted lines that were not a token in the table: counted, never fingerprinted (a password
    // pasted by mistake must leave no derivative behind).
    qint64 notTokens = 0;
    QString detail; // free text for a person: "user 5, expires 2025-01-01 00:00:00 UTC"

    static constexpr int MaxListed = 1000;

    void addId(qint64 id);
    // Keeps only the token's fingerprint.
    void addToken(const QString &token);
    bool isTruncated() const { return count > ids.size() && ids.size() == MaxListed; }

    QJsonObject toJson() const;
    static std::optional<AuditEntry> fromJson(const QJsonObject &o);
};

// The activity log: one JSON object per line, appended to a file (by default activity.jsonl in the
// application's data directory). Append-only and written one line per write, so concurrent writers
// do not interleave. No whole token ever reaches it.
class AuditLog final {
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    explicit AuditLog(QString path);
    static QString defaultPath();

    const QString &path() const { return m_path; }
    bool append(const AuditEntry &entry, QString *error = nullptr) const;
    // The last `count` entries (newest first) whose line contains `filter` (ignoring case), or whose
    // tokens include the fingerprint of `filter` when a whole token is pasted. Unreadable lines are skipped.
    QList<AuditEntry> last(int count, const QString &filter = {}, QString *error = nullptr) const;

    // First 4 characters, ":", the first 12 hex digits of the SHA-256 of the whole token.
    static QString fingerprint(const QString &token);
    static QString currentOsUser();

private:
    QString m_path;
};
