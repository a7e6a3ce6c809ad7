#include "tokens/TokenOperations.h"

namespace {
const QString Tokens = QStringLiteral("trongate_tokens");

AuditEntry entry(const QString &action)
{
    AuditEntry e;
    e.action = action;
    e.table = Tokens;
    return e;
}
} // namespace

TokenOperations::TokenOperations(TokenService &service, const AuditLog &log, QString connection)
    : m_service(service)
    , m_log(log)
    , m_connection(std::move(connection))
{
}

void TokenOperations::record(AuditEntry e)
{
    e.connection = m_connection;
    m_auditError.clear();
    QString error;
    if (!m_log.append(e, &error))
        m_auditError = tr("The change was made, but the activity log could not be written: %1").arg(error);
}

std::optional<QList<IssuedToken>> TokenOperations::issue(
    const QList<qint64> &userIds, qint64 expiry, const QString &code, int countPerUser, ServiceError *error)
{
    auto issued = m_service.issue(userIds, expiry, code, countPerUser, error);
    if (!issued || issued->isEmpty())
        return issued;
    AuditEntry e = entry(QStringLiteral("issue"));
    e.count = issued->size();
    for (const IssuedToken &t : std::as_const(*issued)) {
        e.addId(t.id);
        e.addToken(t.token);
    }
    QStringList users;
    for (qint64 u : userIds)
        users << QString::number(u);
    e.detail = QStringLiteral("users %1; expires %2; code %3")
                   .arg(users.join(QLatin1Char(',')), TokenService::utcText(expiry), code);
    record(e);
    return issued;
}

std::optional<qint64> TokenOperations::revokeTokens(const QStringList &tokens, ServiceError *error, RevokeReport *report)
{
    RevokeReport own;
    RevokeReport *r = report ? report : &own;
    const auto n = m_service.revokeTokens(tokens, error, r);
    if (!n || *n == 0)
        return n;
    AuditEntry e = entry(QStringLiteral("revoke"));
    e.count = *n;
    // Only tokens that were in the table: any other pasted line leaves no fingerprint.
    e.tokens = r->fingerprints;
    e.notTokens = r->notTokens;
    record(e);
    return n;
}

std::optional<qint64> TokenOperations::revokeIds(const QList<qint64> &ids, ServiceError *error)
{
    const auto n = m_service.revokeIds(ids, error);
    if (!n || *n == 0)
        return n;
    AuditEntry e = entry(QStringLiteral("revoke"));
    e.count = *n;
    for (qint64 id : ids)
        e.addId(id);
    record(e);
    return n;
}

std::optional<qint64> TokenOperations::revokeUser(qint64 userId, ServiceError *error)
{
    const auto n = m_service.revokeUser(userId, error);
    if (!n || *n == 0)
        return n;
    AuditEntry e = entry(QStringLiteral("revoke"));
    e.count = *n;
    e.detail = QStringLiteral("all tokens of user %1").arg(userId);
    record(e);
    return n;
}

std::optional<qint64> TokenOperations::revokeLevel(qint64 levelId, ServiceError *error)
{
    const auto n = m_service.revokeLevel(levelId, error);
    if (!n || *n == 0)
        return n;
    AuditEntry e = entry(QStringLiteral("revoke"));
    e.count = *n;
    e.detail = QStringLiteral("all tokens of level %1").arg(levelId);
    record(e);
    return n;
}

std::optional<qint64> TokenOperations::extend(const QList<qint64> &ids, qint64 expiry, ServiceError *error)
{
    const auto n = m_service.extend(ids, expiry, error);
    if (!n || *n == 0)
        return n;
    AuditEntry e = entry(QStringLiteral("extend"));
    e.count = *n;
    for (qint64 id : ids)
        e.addId(id);
    e.detail = QStringLiteral("expires %1").arg(TokenService::utcText(expiry));
    record(e);
    return n;
}

QList<IssuedToken> TokenOperations::regenerate(const QList<qint64> &ids, qint64 expiry, ServiceError *error)
{
    QList<IssuedToken> fresh;
    for (qint64 id : ids) {
        const auto t = m_service.regenerate(id, expiry, error);
        if (!t)
            break;
        fresh << *t;
    }
    if (fresh.isEmpty())
        return fresh;
    AuditEntry e = entry(QStringLiteral("regenerate"));
    e.count = fresh.size();
    for (const IssuedToken &t : std::as_const(fresh)) {
        e.addId(t.id);
        e.addToken(t.token);
    }
    e.detail = QStringLiteral("expires %1").arg(TokenService::utcText(expiry));
    record(e);
    return fresh;
}

std::optional<qint64> TokenOperations::purge(ServiceError *error, bool automatic, qint64 *purgedBefore)
{
    qint64 now = 0;
    const auto n = m_service.purge(error, &now);
    if (purgedBefore)
        *purgedBefore = now;
    if (!n || *n == 0)
        return n;
    AuditEntry e = entry(QStringLiteral("purge"));
    e.count = *n;
    e.detail = QStringLiteral("%1expiry_date < %2").arg(automatic ? QStringLiteral("automatic: ") : QString()).arg(now);
    record(e);
    return n;
}
