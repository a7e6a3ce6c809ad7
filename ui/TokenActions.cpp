#include "TokenActions.h"


#include "audit/AuditLog.h"
#include "connection/DatabaseSession.h"
#include "connection/DbWorker.h"
#include "tokens/Duration.h"
#include "schema/IdentityLookup.h"
#include "Prompter.h"

#include <climits>
#include <QEventLoop>

#include <type_traits>
#include <QLocale>

TokenActions::TokenActions(DatabaseSession &session, Prompter &prompter, AuditLog &audit, TokenService::Clock clock,
                           QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_prompter(prompter)
    , m_audit(audit)
    , m_clock(std::move(clock))
{
}

TokenService TokenActions::service() const
{
    return TokenService(m_session.database(), m_clock);
}

QSqlDatabase TokenActions::database() const
{
    return m_session.database();
}

DbWorker *TokenActions::sessionWorker() const
{
    return m_session.worker();
}

QString TokenActions::connectionName() const
{
    return m_session.profile().displayName();
}

void TokenActions::record(const QString &action, const QString &table, const QList<qint64> &ids, qint64 count,
                          const QStringList &tokens, const QString &detail)
{
    AuditEntry e;
    e.connection = m_session.profile().displayName();
    e.action = action;
    e.table = table;
    for (qint64 id : ids)
        e.addId(id);
    for (const QString &t : tokens)
        e.addToken(t);
    e.count = count;
    e.detail = detail;
    QString error;
    if (!m_audit.append(e, &error))
        emit failed(tr("The change was made, but the activity log could not be written: %1").arg(error));
}

bool TokenActions::revoke(QWidget *parent, const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return false;
    // Tokens of one person are named by that person, as support staff think of them.
    const auto owners = ids.size() <= 10000 ? onWorker([&](TokenService &s) { return s.ownersOf(ids); }) : std::nullopt;
    const QString question = owners && owners->size() == 1
        ? tr("Revoke (delete) %n token(s) of %1? Clients using them are logged out at their next request.", "",
              int(ids.size()))
              .arg(describeUser(owners->first()))
        : tr("Revoke (delete) %n token(s)? Clients using them are logged out at their next request.", "",
              int(ids.size()));
    if (!m_prompter.confirm(parent, tr("Revoke tokens"), question, tr("Revoke")))
        return false;
    ServiceError error;
    const auto [n, auditError] = onOperations([&](TokenOperations &o) { return o.revokeIds(ids, &error); });
    if (!n) {
        emit failed(error.message);
        return false;
    }
    if (!auditError.isEmpty())
        emit failed(auditError);
    emit changed(tr("Revoked %Ln token(s).", nullptr, int(*n)));
    return true;
}

QHash<qint64, QString> TokenActions::describeUsers(const QList<qint64> &userIds) const
{
    // The person a support worker recognises first, the row id second.
    const QHash<qint64, QString> who
        = onWorker([&](TokenService &s) { return IdentityLookup(s.database()).identities(userIds); });
    QHash<qint64, QString> out;
    for (qint64 id : userIds) {
        const QString name = who.value(id);
        out.insert(id, name.isEmpty() ? tr("user %1").arg(id) : tr("%1 (user %2)").arg(name).arg(id));
    }
    return out;
}

QString TokenActions::describeUser(qint64 userId) const
{
    return describeUsers({ userId }).value(userId);
}

bool TokenActions::revokeUser(QWidget *parent, qint64 userId)
{
    const QString who = describeUser(userId);
    ServiceError countError;
    const auto count = onWorker([&](TokenService &s) { return s.countOfUser(userId, &countError); });
    if (count && *count == 0) {
        m_prompter.inform(parent, tr("Revoke tokens"), tr("%1 has no tokens to revoke.").arg(who));
        return false;
    }
    const QString question = count
        ? tr("Revoke %n token(s) of %1? Clients using them are logged out at their next request.", "", int(*count))
              .arg(who)
        : tr("Revoke every token of %1?").arg(who);
    if (!m_prompter.confirm(parent, tr("Revoke tokens"), question, tr("Revoke")))
        return false;
    ServiceError error;
    const auto [n, auditError] = onOperations([&](TokenOperations &o) { return o.revokeUser(userId, &error); });
    if (!n) {
        emit failed(error.message);
        return false;
    }
    if (!auditError.isEmpty())
        emit failed(auditError);
    emit changed(tr("Revoked %Ln token(s) of %1.", nullptr, int(*n)).arg(who));
    return true;
}

bool TokenActions::revokeLevel(QWidget *parent, qint64 levelId, const QString &title)
{
    if (!m_prompter.confirm(parent, tr("Revoke tokens"),
                            tr("Revoke every token of every user with the level \"%1\"?").arg(title), tr("Revoke")))
        return false;
    ServiceError error;
    const auto [n, auditError] = onOperations([&](TokenOperations &o) { return o.revokeLevel(levelId, &error); });
    if (!n) {
        emit failed(error.message);
        return false;
    }
    if (!auditError.isEmpty())
        emit failed(auditError);
    emit changed(tr("Revoked %Ln token(s) of level \"%1\".", nullptr, int(*n)).arg(title));
    return true;
}

bool TokenActions::extend(QWidget *parent, const QList<qint64> &ids, qint64 lifetime)
{
    if (ids.isEmpty())
        return false;
    const qint64 expiry = m_clock() + lifetime;
    if (!m_prompter.confirm(parent, tr("Extend tokens"),
                            tr("Give %n token(s) the new expiry %1?", nullptr, int(ids.size())).arg(TokenService::utcText(expiry)),
                            tr("Extend")))
        return false;
    ServiceError error;
    const auto [n, auditError] = onOperations([&](TokenOperations &o) { return o.extend(ids, expiry, &error); });
    if (!n) {
        emit failed(error.message);
        return false;
    }
    if (!auditError.isEmpty())
        emit failed(auditError);
    emit changed(tr("Extended %Ln token(s) to %1.", nullptr, int(*n)).arg(TokenService::utcText(expiry)));
    return true;
}

bool TokenActions::regenerate(QWidget *parent, const QList<qint64> &ids, qint64 lifetime)
{
    if (ids.isEmpty())
        return false;
    if (!m_prompter.confirm(parent, tr("Regenerate tokens"),
                            tr("Give %n token(s) a new token string and a new expiry, as Trongate's regenerate_token "
                               "does? Clients holding the old strings are logged out.",
                                nullptr, int(ids.size())),
                            tr("Regenerate")))
        return false;
    const qint64 expiry = m_clock() + lifetime;
    ServiceError error;
    const auto [fresh, auditError] = onOperations([&](TokenOperations &o) { return o.regenerate(ids, expiry, &error); });
    const int done = int(fresh.size());
    if (done < ids.size())
        emit failed(error.message.isEmpty() ? tr("The connection was lost while regenerating.") : error.message);
    if (!auditError.isEmpty())
        emit failed(auditError);
    if (done > 0)
        emit changed(tr("Regenerated %n token(s).", nullptr, done));
    return done == ids.size();
}

std::optional<qint64> TokenActions::purge(QWidget *parent, bool automatic)
{
    if (!automatic) {
        QString question = tr("Delete every token whose expiry_date is before now, as Trongate's delete_old_tokens "
                              "does? Tokens expiring this very second and tokens without expiry are kept.");
        const auto skew = onWorker([&](TokenService &s) { return s.serverClockSkew(); });
        if (skew && (*skew > TokenService::NoticeableSkew || *skew < -TokenService::NoticeableSkew))
            question += QStringLiteral("\n\n")
                + tr("The database server's clock differs from this computer's by %1; \"now\" is the server's time, "
                     "as it is for Trongate.")
                      .arg(Duration::format(*skew));
        if (!m_prompter.confirm(parent, tr("Purge expired tokens"), question, tr("Purge")))
            return std::nullopt;
    }
    ServiceError error;
    const auto [n, auditError] = onOperations([&](TokenOperations &o) { return o.purge(&error, automatic); });
    if (!n) {
        emit failed(error.message);
        return std::nullopt;
    }
    if (!auditError.isEmpty())
        emit failed(auditError);
    emit changed(tr("Purged %Ln expired token(s).", nullptr, int(std::min<qint64>(*n, INT_MAX))));
    return n;
}

std::optional<QList<IssuedToken>> TokenActions::issue(QWidget *, const QList<qint64> &userIds, qint64 expiry,
                                                      const QString &code, int countPerUser)
{
    ServiceError error;
    auto [issued, auditError] = onOperations(
        [&](TokenOperations &o) { return o.issue(userIds, expiry, code, countPerUser, &error); });
    if (!issued) {
        emit failed(error.message);
        return std::nullopt;
    }
    if (!auditError.isEmpty())
        emit failed(auditError);
    emit changed(tr("Issued %n token(s).", nullptr, int(issued->size())));
    return issued;
}

std::optional<TokenInspection> TokenActions::inspect(const QString &pasted, QString *error) const
{
    ServiceError e;
    auto r = onWorker([&](TokenService &s) { return s.inspect(pasted, &e); });
    if (!r && error)
        *error = e.message;
    return r;
}
