#pragma once

#include "connection/Connector.h"

#include "schema/AccountPrivileges.h"
#include "schema/RowEstimate.h"

#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

// The connection the console is working on. Switching opens the new connection first and only
// then closes the old one, so a failed switch leaves the user where they were.
// What the window needs to know about a database before it shows a page, read once on the
// connecting thread (a handful of queries) instead of page by page on the window's thread.
struct SessionFacts {
    QStringList trongateTables; // which of the three Trongate tables exist
    std::optional<AccountPrivileges> privileges; // nullopt: could not be read (treated as unrestricted)
    bool expiryIndexed = false; // trongate_tokens.expiry_date has an index
    // The engine's estimates of the Trongate tables' rows, where the same query reads them
    // (MySQL/MariaDB): a grid's first page then needs no query of its own to know it is big.
    QHash<QString, RowEstimate> rowEstimates;
    QString prepareMessage; // what the prepare step reported (e.g. the demo was created)
};

class DatabaseSession final : public QObject {
    Q_OBJECT

public:
    // Extra work on a new connection before it is handed over (seeding the demo, say), on the
    // connecting thread. Returns an error text, empty on success; *note receives a status line.
    using Prepare = std::function<QString(QSqlDatabase &db, QString *note)>;
    using Done = std::function<void(const ConnectResult &result)>;

    explicit DatabaseSession(QObject *parent = nullptr);
    ~DatabaseSession() override;

    ConnectResult open(
        const ConnectionProfile &profile, const QString &password, const Connector::Options &options = {});
    void close();

    // Opens on a thread of its own: name look-up, TCP, TLS, the login, the prepare step and the
    // facts the window needs all happen there; the ready connection is then handed to this
    // object's thread (its driver moved) and becomes the session, as open() would make it.
    // done runs on this object's thread. A newer openAsync() or cancelOpen() supersedes it: its
    // connection is closed and done is called with an error of kind Other and an empty message.
    void openAsync(const ConnectionProfile &profile, const QString &password, const Connector::Options &options,
        Prepare prepare, Done done);
    void cancelOpen();
    bool isConnecting() const { return m_connecting; }
    const SessionFacts &facts() const { return m_facts; }
    // Reads the facts again on this thread, after a change of schema made through this session.
    void refreshFacts() { m_facts = isOpen() ? readFacts(database()) : SessionFacts {}; }
    // Facts read elsewhere (on the worker, after a change the console made).
    void setFacts(const SessionFacts &facts) { m_facts = facts; }
    // Reads the facts on the calling thread (used after a synchronous open()).
    static SessionFacts readFacts(const QSqlDatabase &db);

    // A server that went away: checkAlive() notices it (through the relay without any query; else
    // one trivial query), reconnect() opens the same named connection again, so every model
    // holding it works again and no edit is lost. Through a relay, reconnect() only starts the
    // attempt (a throwaway login on another thread first) and returns at once;
    // connectionRestored() says when it worked.
    bool checkAlive();
    bool reconnect();
    bool isLost() const { return m_lost; }
    bool isReconnecting() const { return m_reconnecting; }

    bool isOpen() const { return !m_connectionName.isEmpty(); }
    // A thread with its own clone of this connection, for reads the window must not wait for;
    // made at the first use, replaced when the session changes. nullptr when nothing is open.
    class DbWorker *worker();
    // A second one, with a connection of its own, for the long reads that may follow a page (the
    // exact counts of big tables, the overview's statistics): they never queue in front of a page.
    // Made at the first use (warmUp() it to connect before its first job), replaced with worker().
    class DbWorker *countWorker();
    // A third, for the live page's poll: a read every second that never queues behind the grids'
    // reads nor the counts. Made at the first use, replaced with worker(). Interruptible: a count
    // of a million rows that follows the first screen does not hold up a switch or a quit.
    class DbWorker *liveWorker();
    // Whether the next connection's live worker logs in beside the session's own connection (the
    // live page is on screen): its first read then needs no login of its own.
    void setWarmLiveWorker(bool warm) { m_warmLive = warm; }
    QSqlDatabase database() const;
    QString connectionName() const { return m_connectionName; }
    const ConnectionProfile &profile() const { return m_profile; }
    const ConnectResult &info() const { return m_info; }

signals:
    void connecting(const QString &displayName);
    void opened();
    void closed();
    void connectionLost(const QString &message);
    void connectionRestored();

private:
    bool reopen();
    void reconnectAsync();
    void dropWorkers();

    ConnectionProfile m_profile;
    ConnectResult m_info;
    QString m_connectionName;
    std::unique_ptr<class DbWorker> m_worker;
    std::unique_ptr<class DbWorker> m_countWorker;
    // The next connection's worker, opening while that connection reads its facts.
    std::unique_ptr<class DbWorker> m_warmWorker;
    std::unique_ptr<class DbWorker> m_liveWorker;
    std::unique_ptr<class DbWorker> m_warmLiveWorker; // beside m_warmWorker, same generation
    bool m_warmLive = false;
    quint64 m_warmGeneration = 0;
    SessionFacts m_facts;
    bool m_lost = false;
    bool m_connecting = false;
    bool m_reconnecting = false;
    quint64 m_generation = 0;
};
