#pragma once

#include "sql/ServiceError.h"
#include "tokens/TokenGenerator.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

// A row of trongate_tokens as issued or regenerated. `token` is the whole string: show it once,
// to the person who asked for it, and never log or store it elsewhere.
struct IssuedToken {
    qint64 id = 0;
    qint64 userId = 0;
    QString token;
    qint64 expiry = 0;
    QString code;
};

// A row of trongate_tokens for listings, with its user's level when the user row exists.
struct TokenRow {
    qint64 id = 0;
    QString token;
    qint64 userId = 0;
    bool userExists = false;
    std::optional<qint64> userLevelId;
    // nullopt: NULL (never valid, never purged) or text. A REAL is shown truncated and saturated;
    // valid and purgeable are the database's own comparison, whatever type the value has.
    std::optional<qint64> expiry;
    QString expiryAsText; // the stored value when it is not a number (SQLite keeps '12abc' as text)
    QString code;
    bool valid = false; // expiry_date > now, as the database compares it
    bool purgeable = false; // expiry_date < now, as the database compares it
};

// What revoking pasted tokens did. Only rows that were really deleted are fingerprinted: a line that
// matched no token (a password pasted by mistake) leaves no trace but a count.
struct RevokeReport {
    qint64 deleted = 0;
    QStringList fingerprints; // AuditLog::fingerprint of the stored token of each deleted row
    qsizetype notTokens = 0; // distinct pasted lines that matched no row
    qsizetype duplicates = 0; // pasted lines dropped because the same line came before
};

struct TokenFilter {
    enum class Status { All, Valid, Expired }; // Expired: not valid (past, now, or no expiry)
    std::optional<qint64> userId;
    std::optional<qint64> levelId;
    Status status = Status::All;
    int limit = 100; // 0: no limit
};

// What Trongate would make of a pasted token at the service's "now".
struct TokenInspection {
    QString input; // the token as looked up: surrounding whitespace removed
    bool found = false;
    int matches = 0; // rows whose token the database considers equal (duplicates, or other letter case)
    bool caseDiffers = false; // found only because the database compares without regard to case
    qint64 tokenId = 0; // the first matching row
    qint64 userId = 0;
    std::optional<qint64> userLevelId; // nullopt when the user row is missing
    std::optional<QString> levelTitle; // nullopt when the user or the level row is missing
    std::optional<qint64> expiryDate; // as TokenRow::expiry
    QString expiryAsText;
    QString code;
    bool userMissing = false;
    bool levelMissing = false;
    bool orphan = false; // user row or level row missing
    bool expired = false; // expiry_date <= now
    bool noExpiry = false; // expiry_date IS NULL
    bool purgeable = false; // expiry_date < now: Trongate's delete_old_tokens removes it
    // validate_token_any_level: token exists and expiry_date > now; no join, so an orphan passes.
    bool validAny = false;
    // The level ids for which validate_token_single_level passes: token exists, expiry_date > now,
    // INNER JOIN trongate_users with that user_level_id. The level row itself is not joined by Trongate.
    QList<qint64> validForLevels;
    QString note; // an explanation for a person, e.g. why nothing was found
};

// Trongate's token operations on a named connection. Every statement is prepared with bound values;
// every change of several rows runs in one transaction. Time comes from the clock passed in.
// The service writes no audit record: its callers do, after a successful change.
class TokenService final {
    Q_DECLARE_TR_FUNCTIONS(TokenService)

public:
    using Clock = std::function<qint64()>; // Unix seconds

    static constexpr qint64 MaxExpiry = 2147483647; // 2038-01-19 03:14:07 UTC, expiry_date is int(11)
    static constexpr int MaxCodeLength = 3; // trongate_tokens.code is varchar(3)
    static constexpr int MaxCountPerUser = 100000;
    static constexpr qint64 MaxTokensPerIssue = 1000000;
    static constexpr int MaxTokenLength = 125; // trongate_tokens.token is varchar(125)
    static constexpr qint64 DefaultLifespan = 86400; // Trongate's default_token_lifespan
    static constexpr int RevokeBatch = 500; // tokens per DELETE ... IN (...)
    // A difference between the database server's clock and this computer's worth telling a person about.
    static constexpr qint64 NoticeableSkew = 5;

    explicit TokenService(QSqlDatabase db, Clock clock = systemClock(), TokenGenerator generator = {});
    static Clock systemClock();
    qint64 now() const { return m_clock(); }
    // The database server's clock, Unix seconds: the stand-in for the web server's clock Trongate
    // compares expiries with. Purging goes by it, never by this computer's clock.
    std::optional<qint64> serverNow(ServiceError *error = nullptr) const;
    // The server's clock minus the clock passed in: positive when this computer is behind.
    std::optional<qint64> serverClockSkew(ServiceError *error = nullptr) const;

    // generate_token for each user, countPerUser times. Refuses (nothing inserted) an expiry not in
    // the future or past 2038-01-19 03:14:07 UTC, a code longer than 3, a count outside 1..100000,
    // and user ids without a trongate_users row. Returns the new rows in the order issued.
    std::optional<QList<IssuedToken>> issue(const QList<qint64> &userIds, qint64 expiry,
        const QString &code = QStringLiteral("0"), int countPerUser = 1, ServiceError *error = nullptr);

    // Deletes the rows whose token the database considers equal to one of the pasted tokens
    // (case-insensitively under utf8mb4_general_ci and the installed SQLite schema's NOCASE).
    // Pasted lines are trimmed and de-duplicated in order (see uniqueTokens); they are deleted in
    // batches of RevokeBatch inside one transaction. report, when given, tells what was deleted.
    std::optional<qint64> revokeTokens(
        const QStringList &tokens, ServiceError *error = nullptr, RevokeReport *report = nullptr);
    std::optional<qint64> revokeIds(const QList<qint64> &ids, ServiceError *error = nullptr);
    // All tokens of the user, whether or not the user row still exists.
    std::optional<qint64> revokeUser(qint64 userId, ServiceError *error = nullptr);
    // How many tokens the user holds, valid or not (what revokeUser would delete).
    std::optional<qint64> countOfUser(qint64 userId, ServiceError *error = nullptr) const;
    // The user ids holding these tokens, ascending, each once.
    std::optional<QList<qint64>> ownersOf(const QList<qint64> &tokenIds, ServiceError *error = nullptr) const;
    // All tokens of the users whose user_level_id is levelId.
    std::optional<qint64> revokeLevel(qint64 levelId, ServiceError *error = nullptr);
    // delete_old_tokens: expiry_date < now, where now is the database server's clock (serverNow),
    // returned in purgedBefore. An expiry equal to now and a NULL expiry are kept.
    std::optional<qint64> purge(ServiceError *error = nullptr, qint64 *purgedBefore = nullptr);

    // regenerate_token: the same row id gets a new 32-character token and a new expiry; code is untouched.
    // Refuses when the row is revoked or its token changed between reading and writing it.
    std::optional<IssuedToken> regenerate(qint64 id, qint64 newExpiry, ServiceError *error = nullptr);
    // A new expiry only. Refuses (nothing changed) when any id has no row, also when a row goes
    // between the check and the change.
    std::optional<qint64> extend(const QList<qint64> &ids, qint64 newExpiry, ServiceError *error = nullptr);

    // Looks a pasted token up the way Trongate would. An empty paste is refused.
    std::optional<TokenInspection> inspect(const QString &pasted, ServiceError *error = nullptr) const;
    std::optional<QList<TokenRow>> list(const TokenFilter &filter, ServiceError *error = nullptr) const;

    // Surrounding whitespace (a copied line break, a space) is never part of a token.
    static QString normalize(const QString &pasted) { return pasted.trimmed(); }
    // The pasted lines normalized, without empty ones, those too long for the column and repeats,
    // in their first order. Linear in the number of lines. duplicates counts the repeats dropped.
    static QStringList uniqueTokens(const QStringList &pasted, qsizetype *duplicates = nullptr);
    // expiry - now, saturated at the limits of qint64 instead of overflowing.
    static qint64 secondsLeft(qint64 expiry, qint64 now);
    // A stored expiry_date as a number of seconds: NULL and text give nullopt, a REAL is truncated
    // and saturated (1e300 gives the largest qint64).
    static std::optional<qint64> expirySeconds(const QVariant &stored);
    // The first six characters and an ellipsis: enough to tell tokens apart on screen.
    static QString mask(const QString &token);
    // "2038-01-19 03:14:07 UTC"
    static QString utcText(qint64 unixSeconds);

    // The connection this service works on (a worker's, say), for reads that go with its work.
    QSqlDatabase database() const { return m_db; }

private:
    std::optional<QList<IssuedToken>> issueOnce(const QList<qint64> &userIds, qint64 expiry, const QString &code,
        int countPerUser, ServiceError *error);
    std::optional<qint64> purgeOnce(ServiceError *error, qint64 *purgedBefore);
    bool checkExpiry(qint64 expiry, ServiceError *error) const;
    // The first column of sqlHead + "(?, ?, …)" over ids, in bounded statements.
    std::optional<QSet<qint64>> idsFrom(const QString &sqlHead, const QList<qint64> &ids, QString *dbError) const;
    std::optional<QList<qint64>> missingIds(const QString &sqlHead, const QList<qint64> &ids, QString *dbError) const;

    QSqlDatabase m_db;
    Clock m_clock;
    TokenGenerator m_generator;
};
