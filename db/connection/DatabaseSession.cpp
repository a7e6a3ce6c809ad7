#include "connection/DatabaseSession.h"

#include "connection/DbWorker.h"
#include "connection/MySqlRelay.h"
#include "schema/IdentityLookup.h"
#include "schema/SchemaGraph.h"
#include "schema/SchemaInspector.h"
#include "sql/Dialect.h"
#include "sql/SqlDialect.h"
#include "schema/TrongateSchema.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <thread>

DatabaseSession::DatabaseSession(QObject *parent)
    : QObject(parent)
{
}

DbWorker *DatabaseSession::worker()
{
    if (!isOpen())
        return nullptr;
    if (!m_worker)
        m_worker = std::make_unique<DbWorker>(m_connectionName);
    return m_worker.get();
}

DbWorker *DatabaseSession::countWorker()
{
    if (!isOpen())
        return nullptr;
    if (!m_countWorker)
        m_countWorker = std::make_unique<DbWorker>(m_connectionName, nullptr, DbWorker::Stop::Interrupt);
    return m_countWorker.get();
}

DbWorker *DatabaseSession::liveWorker()
{
    if (!isOpen())
        return nullptr;
    if (!m_liveWorker)
        m_liveWorker = std::make_unique<DbWorker>(m_connectionName, nullptr, DbWorker::Stop::Interrupt);
    return m_liveWorker.get();
}

void DatabaseSession::dropWorkers()
{
    m_liveWorker.reset();
    m_countWorker.reset();
    m_worker.reset();
}

DatabaseSession::~DatabaseSession()
{
    DbWorker::discard(std::move(m_warmWorker)); // may be logging in to a server that does not answer
    DbWorker::discard(std::move(m_warmLiveWorker));
    dropWorkers();
    if (isOpen())
        Connector::close(m_connectionName);
}

ConnectResult DatabaseSession::open(
    const ConnectionProfile &profile, const QString &password, const Connector::Options &options)
{
    const QString name = Connector::uniqueName(QStringLiteral("session"));
    ConnectResult r = Connector::open(profile, password, name, options);
    if (!r.ok())
        return r;
    // Switching: the old connection goes quietly; listeners hear about the new one.
    const QString previous = m_connectionName;
    dropWorkers();
    m_connectionName = name;
    m_profile = profile;
    m_info = r;
    m_facts = readFacts(QSqlDatabase::database(name, false));
    if (!previous.isEmpty())
        Connector::close(previous);
    emit opened();
    return r;
}

void DatabaseSession::close()
{
    if (!isOpen())
        return;
    dropWorkers();
    Connector::close(m_connectionName);
    m_connectionName.clear();
    m_profile = {};
    m_info = {};
    m_facts = {};
    emit closed();
}

QSqlDatabase DatabaseSession::database() const
{
    return isOpen() ? QSqlDatabase::database(m_connectionName, false) : QSqlDatabase();
}

bool DatabaseSession::checkAlive()
{
    if (!isOpen())
        return false;
    if (m_lost)
        return false;
    // Through a relay the relay's own thread sees the server hang up: no query, no round trip.
    if (const auto relay = Connector::relayOf(m_connectionName)) {
        if (!relay->upstreamLost())
            return true;
        m_lost = true;
        emit connectionLost(tr("The connection to %1 was lost.").arg(m_profile.displayName()));
        return false;
    }
    QSqlDatabase db = database();
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT 1")) && q.next())
        return true;
    m_lost = true;
    emit connectionLost(Connector::classify(m_profile, q.lastError()).message);
    return false;
}

bool DatabaseSession::reconnect()
{
    if (!isOpen())
        return false;
    // Through a relay or an SSH tunnel the attempt may take a time-out (and the SSH session is
    // connected again with it): off the window's thread.
    if (Connector::relayOf(m_connectionName) || Connector::tunnelOf(m_connectionName)) {
        reconnectAsync();
        return !m_lost;
    }
    return reopen();
}

bool DatabaseSession::reopen()
{
    QSqlDatabase db = database();
    db.close();
    if (!db.open())
        return false;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT 1")))
        return false;
    const bool wasLost = m_lost;
    m_lost = false;
    dropWorkers(); // their clones went down with the server: the next job opens a new one
    if (const auto relay = Connector::relayOf(m_connectionName); relay && !m_info.node.isEmpty())
        m_info.node = relay->currentNode(); // a cluster: the node that answered this time
    if (wasLost)
        emit connectionRestored();
    return true;
}

void DatabaseSession::reconnectAsync()
{
    // The server may be away for minutes: whether it answers again is found out by a throwaway
    // login on a thread of its own, so that the window never waits for a time-out. Only once it
    // answers is the session's own connection opened again (a few round trips, through the relay
    // and its checks, as every connection is).
    if (m_reconnecting)
        return;
    m_reconnecting = true;
    const QString password = database().password();
    const ConnectionProfile profile = m_profile;
    const QString name = m_connectionName;
    QPointer<DatabaseSession> self(this);
    std::thread([=] {
        Connector::Options o;
        o.timeoutSeconds = 5;
        const ConnectResult r = Connector::test(profile, password, o);
        QObject *context = QCoreApplication::instance();
        if (!context)
            return;
        QMetaObject::invokeMethod(
            context,
            [self, name, ok = r.ok()] {
                if (!self)
                    return;
                self->m_reconnecting = false;
                if (ok && self->m_connectionName == name && self->m_lost)
                    self->reopen();
            },
            Qt::QueuedConnection);
    }).detach();
}

namespace {
// Which Trongate tables exist, their estimated rows and whether the tokens' expiry has an index,
// as rows of kind 'f'. The names are the program's own constants.
const QString MySqlTrongateTables = QStringLiteral(R"(SELECT 'f', t.TABLE_NAME, EXISTS(SELECT 1 FROM information_schema.STATISTICS s
  WHERE s.TABLE_SCHEMA = t.TABLE_SCHEMA AND s.TABLE_NAME = t.TABLE_NAME AND s.COLUMN_NAME = 'expiry_date' AND s.SEQ_IN_INDEX = 1),
  t.TABLE_ROWS
FROM information_schema.TABLES t
WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
  AND LOWER(t.TABLE_NAME) IN ('trongate_user_levels', 'trongate_users', 'trongate_tokens'))");
const QString IdentityColumns = QStringLiteral("c");

void takeTable(SessionFacts &f, QStringList &present, bool &indexed, const QSqlQuery &q)
{
    const QString name = q.value(1).toString().toLower();
    present << name;
    if (name == TrongateSchema::Tokens)
        indexed = q.value(2).toInt() != 0;
    if (!q.value(3).isNull())
        f.rowEstimates.insert(name, RowEstimate { RowEstimate::Kind::Estimate, q.value(3).toLongLong() });
}
} // namespace

SessionFacts DatabaseSession::readFacts(const QSqlDatabase &db)
{
    SessionFacts f;
    if (Sql::kindOf(db) == DriverKind::MySql) {
        // Everything the first screen needs to know of the schema and the account in one round
        // trip: the Trongate tables, the account's grants, and the tables that name users (the
        // token and user grids show who a user is from them). Far from the server, every query
        // saved here is a round trip less before any page can show its first rows.
        QStringList present;
        bool indexed = false;
        QList<QVariantList> grants; // rows of the dialect's privilegesSql()
        QList<QPair<QString, QString>> identityColumns;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        bool read = q.exec(MySqlTrongateTables + QStringLiteral("\nUNION ALL ") + Dialect::of(db).privilegesSql()
            + QStringLiteral("\nUNION ALL ") + IdentityLookup::mySqlColumnsBranch(IdentityColumns));
        if (read) {
            while (q.next()) {
                const QString kind = q.value(0).toString();
                if (kind == QLatin1String("f"))
                    takeTable(f, present, indexed, q);
                else if (kind == IdentityColumns)
                    identityColumns.append({ q.value(1).toString(), q.value(2).toString() });
                else
                    grants << QVariantList { q.value(0), q.value(1), q.value(2), q.value(3) };
            }
            IdentityLookup::prime(db.connectionName(), IdentityLookup::fromColumns(identityColumns));
        } else {
            // A server that refuses the union (no ENABLED_ROLES, say): the tables alone, and the
            // grants as AccountPrivileges reads them there.
            read = q.exec(MySqlTrongateTables);
            while (read && q.next())
                takeTable(f, present, indexed, q);
        }
        if (read) {
            for (const QString &name : TrongateSchema::tableNames())
                if (present.contains(name))
                    f.trongateTables << name;
            f.expiryIndexed = indexed;
            f.privileges = AccountPrivileges::read(db, nullptr, grants.isEmpty() ? nullptr : &grants);
            return f;
        }
    }
    f.trongateTables = SchemaInspector(db).presentTrongateTables();
    f.privileges = AccountPrivileges::read(db);
    if (f.trongateTables.contains(TrongateSchema::Tokens))
        f.expiryIndexed = SchemaGraph::columnHasIndex(db, TrongateSchema::Tokens, QStringLiteral("expiry_date"));
    if (f.trongateTables.contains(TrongateSchema::Users))
        IdentityLookup::prime(db.connectionName(), IdentityLookup(db).tables());
    return f;
}

void DatabaseSession::openAsync(const ConnectionProfile &profile, const QString &password,
    const Connector::Options &options, Prepare prepare, Done done)
{
    const quint64 generation = ++m_generation;
    m_connecting = true;
    emit connecting(profile.displayName());
    const QString name = Connector::uniqueName(QStringLiteral("session"));
    QThread *home = thread();
    QPointer<DatabaseSession> self(this);
    // The worker's own connection logs in beside the session's: the first page's reads then need
    // no connect of their own after the facts (over a far link, the four round trips of a login).
    auto warm = [self, generation, name] {
        if (QObject *context = QCoreApplication::instance())
            QMetaObject::invokeMethod(
                context,
                [self, generation, name] {
                    if (!self || self->m_generation != generation)
                        return;
                    DbWorker::discard(std::move(self->m_warmWorker)); // an earlier attempt's
                    DbWorker::discard(std::move(self->m_warmLiveWorker));
                    self->m_warmWorker = std::make_unique<DbWorker>(name);
                    self->m_warmGeneration = generation;
                    self->m_warmWorker->warmUp();
                    if (self->m_warmLive) {
                        self->m_warmLiveWorker = std::make_unique<DbWorker>(name, nullptr, DbWorker::Stop::Interrupt);
                        self->m_warmLiveWorker->warmUp();
                    }
                },
                Qt::QueuedConnection);
    };
    // A server's worker starts as soon as the connection is configured, before the session's own
    // login; a cluster's once a node has answered (the relay then knows which).
    const bool early = profile.isServer() && profile.nodes().size() <= 1;
    Connector::Options withWarm = options;
    if (early)
        withWarm.configured = warm;
    // A plain thread, detached: a person who quits while a server does not answer is not kept
    // waiting for its time-out. Everything it touches is copied in or reached by name.
    std::thread([=]() mutable {
        ConnectResult r = Connector::open(profile, password, name, withWarm);
        SessionFacts facts;
        if (r.ok()) {
            if (!early)
                warm();
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (prepare) {
                const QString error = prepare(db, &facts.prepareMessage);
                if (!error.isEmpty()) {
                    r.error = ConnectResult::Error::Other;
                    r.message = error;
                }
            }
            if (r.ok())
                facts = [&] {
                    SessionFacts f = readFacts(db);
                    f.prepareMessage = facts.prepareMessage;
                    return f;
                }();
            // The connection now belongs to the session's thread (Qt checks the driver's thread).
            db.driver()->moveToThread(home);
        }
        QObject *context = QCoreApplication::instance();
        if (!context)
            return;
        QMetaObject::invokeMethod(
            context,
            [self, generation, name, profile, r, facts, done]() {
                if (!self || self->m_generation != generation) {
                    // A worker still logging in (to a server that does not answer, say) is let go
                    // without waiting for it.
                    if (self && self->m_warmGeneration == generation) {
                        DbWorker::discard(std::move(self->m_warmWorker));
                        DbWorker::discard(std::move(self->m_warmLiveWorker));
                    }
                    Connector::close(name);
                    if (self && done) {
                        ConnectResult superseded;
                        superseded.error = ConnectResult::Error::Other;
                        done(superseded);
                    }
                    return;
                }
                self->m_connecting = false;
                std::unique_ptr<DbWorker> warm;
                std::unique_ptr<DbWorker> warmLive;
                if (self->m_warmGeneration == generation) {
                    warm = std::move(self->m_warmWorker);
                    warmLive = std::move(self->m_warmLiveWorker);
                }
                if (!r.ok()) {
                    DbWorker::discard(std::move(warm)); // before its source goes; it may still be logging in
                    DbWorker::discard(std::move(warmLive));
                    Connector::close(name);
                    if (done)
                        done(r);
                    return;
                }
                const QString previous = self->m_connectionName;
                self->m_countWorker.reset(); // first: it may interrupt its count on the old connection
                self->m_worker = std::move(warm);
                self->m_liveWorker = std::move(warmLive);
                self->m_connectionName = name;
                self->m_profile = profile;
                self->m_info = r;
                self->m_facts = facts;
                self->m_lost = false;
                if (!previous.isEmpty())
                    Connector::close(previous);
                emit self->opened();
                if (done)
                    done(r);
            },
            Qt::QueuedConnection);
    }).detach();
}

void DatabaseSession::cancelOpen()
{
    ++m_generation;
    m_connecting = false;
}
