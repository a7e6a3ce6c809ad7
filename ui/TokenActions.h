#pragma once

#include "connection/DbWorker.h"
#include "tokens/TokenOperations.h"
#include "tokens/TokenService.h"

#include <QHash>
#include <QEventLoop>
#include <QObject>

#include <optional>
#include <type_traits>
#include <utility>

class AuditLog;
class DatabaseSession;
class Prompter;
class QWidget;

// What the pages do to tokens, the way Trongate does it: each change asks first (naming the count),
// runs in one transaction through TokenService, is written to the activity log (fingerprints only)
// and is reported in words.
class TokenActions final : public QObject {
    Q_OBJECT

public:
    TokenActions(DatabaseSession &session, Prompter &prompter, AuditLog &audit, TokenService::Clock clock,
                 QObject *parent = nullptr);

    bool revoke(QWidget *parent, const QList<qint64> &ids);
    bool revokeUser(QWidget *parent, qint64 userId);
    bool revokeLevel(QWidget *parent, qint64 levelId, const QString &title);
    bool extend(QWidget *parent, const QList<qint64> &ids, qint64 lifetimeSeconds);
    bool regenerate(QWidget *parent, const QList<qint64> &ids, qint64 lifetimeSeconds);
    // Trongate's delete_old_tokens (expiry_date < now). automatic: no question (the live view's timer).
    std::optional<qint64> purge(QWidget *parent, bool automatic);
    std::optional<QList<IssuedToken>> issue(QWidget *parent, const QList<qint64> &userIds, qint64 expiry,
                                            const QString &code, int countPerUser);
    std::optional<TokenInspection> inspect(const QString &pasted, QString *error) const;

    TokenService service() const;
    // The session's worker (its own thread and connection), or nullptr before a session opens.
    DbWorker *sessionWorker() const;
    // "lenaf165 · lena.fischer165@example.org (user 52)", or "user 52" when nobody is linked to the row.
    QString describeUser(qint64 userId) const;
    QHash<qint64, QString> describeUsers(const QList<qint64> &userIds) const;
    QSqlDatabase database() const;
    AuditLog &audit() { return m_audit; }
    qint64 now() const { return m_clock(); }
    void record(const QString &action, const QString &table, const QList<qint64> &ids, qint64 count,
                const QStringList &tokens = {}, const QString &detail = {});

signals:
    void changed(const QString &message);
    void failed(const QString &message);

private:
    // Runs job on the session's worker thread and connection and returns its result; the window's
    // event loop keeps turning meanwhile (it paints, its timers fire). Without a worker (no
    // session yet) it runs here. A worker that goes (the connection was lost) ends the wait with T{}.
    template<class F>
    auto onWorker(F job) const
    {
        using T = std::invoke_result_t<F, TokenService &>;
        DbWorker *worker = sessionWorker();
        if (!worker) {
            TokenService s = service();
            return job(s);
        }
        const TokenService::Clock clock = m_clock;
        return awaitOnWorker<T>(worker, {}, [job, clock](QSqlDatabase &db) {
            TokenService s(db, clock);
            return job(s);
        }).value_or(T {});
    }


    QString connectionName() const; // as the activity log names it
    // Runs job with the token operations (service call + activity record) on the session's worker;
    // returns its answer and, empty or not, why the activity record could not be written.
    template<class F>
    auto onOperations(F job) const
    {
        using T = std::invoke_result_t<F, TokenOperations &>;
        using Answer = std::pair<T, QString>;
        const AuditLog *log = &m_audit;
        const QString connection = connectionName();
        return onWorker([job, log, connection](TokenService &s) {
            TokenOperations ops(s, *log, connection);
            T r = job(ops);
            return Answer { std::move(r), ops.auditError() };
        });
    }

    DatabaseSession &m_session;
    Prompter &m_prompter;
    AuditLog &m_audit;
    TokenService::Clock m_clock;
};
