#pragma once

#include "audit/AuditLog.h"
#include "tokens/TokenService.h"

#include <QString>

// The changes to trongate_tokens as the window and the command line both make them: the service
// call and the activity record it leaves, written here once so the two cannot drift apart (the
// same action, the same detail, ids and fingerprints, never a whole token). Asking the person
// first and telling them the outcome stay with the caller: a dialog, or a terminal.
// Runs on whichever thread owns the service's connection (the window uses its session's worker).
class TokenOperations final {
    Q_DECLARE_TR_FUNCTIONS(TokenOperations)

public:
    // connection: the profile's display name the record carries.
    TokenOperations(TokenService &service, const AuditLog &log, QString connection);

    // Each returns what the service returns; when it changed something, the record is written.
    std::optional<QList<IssuedToken>> issue(
        const QList<qint64> &userIds, qint64 expiry, const QString &code, int countPerUser, ServiceError *error);
    // Revokes pasted tokens: the record holds the fingerprints of the rows deleted, and only a
    // count of the lines that matched nothing.
    std::optional<qint64> revokeTokens(const QStringList &tokens, ServiceError *error, RevokeReport *report = nullptr);
    std::optional<qint64> revokeIds(const QList<qint64> &ids, ServiceError *error);
    std::optional<qint64> revokeUser(qint64 userId, ServiceError *error);
    std::optional<qint64> revokeLevel(qint64 levelId, ServiceError *error);
    std::optional<qint64> extend(const QList<qint64> &ids, qint64 expiry, ServiceError *error);
    // Regenerates each in turn and stops at the first refusal (*error says which); the tokens
    // regenerated before it stay so, and are recorded.
    QList<IssuedToken> regenerate(const QList<qint64> &ids, qint64 expiry, ServiceError *error);
    // delete_old_tokens by the server's clock; automatic: the console's own purge on opening.
    std::optional<qint64> purge(ServiceError *error, bool automatic = false, qint64 *purgedBefore = nullptr);

    // Empty, or why the last change was made but its record could not be written.
    const QString &auditError() const { return m_auditError; }

private:
    void record(AuditEntry entry);

    TokenService &m_service;
    const AuditLog &m_log;
    QString m_connection;
    QString m_auditError;
};
