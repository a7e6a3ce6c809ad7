#include "connection/Connector.h"

#include "audit/Log.h"
#include "connection/MySqlRelay.h"
#include "sql/SqlDialect.h"
#include "connection/SshForwarder.h"
#include "connection/TlsProbe.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

#include <map>
#include <mutex>

QString Connector::connectOptions(const ConnectionProfile &p, const Connector::Options &o, const QString &relaySocket)
{
    QStringList opts;
    switch (p.driver) {
    case DriverKind::Sqlite:
        opts << QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        break;
    case DriverKind::MySql:
        // Behind the relay the driver waits a little longer than the relay's own bounded set-up,
        // so that the relay's diagnosis, not the driver's time-out, is what the person reads.
        opts << QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1").arg(o.timeoutSeconds + (relaySocket.isEmpty() ? 0 : 2))
             << QStringLiteral("MYSQL_OPT_READ_TIMEOUT=60") << QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT=60")
             // UPDATE reports the rows it matched, not only those it changed: the grids' conflict check needs that.
             << QStringLiteral("CLIENT_FOUND_ROWS");
        // Over TCP the driver talks only to our relay's private socket (relaySocket); the relay
        // does TLS and its checks itself, so no SSL option reaches the driver. A local socket
        // profile talks to the server's socket directly: no network, no TLS.
        if (!relaySocket.isEmpty())
            opts << QStringLiteral("UNIX_SOCKET=") + relaySocket;
        else if (!p.unixSocket.isEmpty())
            opts << QStringLiteral("UNIX_SOCKET=") + p.unixSocket;
        break;
    case DriverKind::Postgres:
        opts << QStringLiteral("connect_timeout=%1").arg(o.timeoutSeconds);
        // libpq checks on the connection that logs in. Whenever TLS is asked for, or a CA named,
        // it must verify both the chain and the host name (verify-full): "require" checks
        // neither, and "prefer" (libpq's default) falls back to plaintext. Without a CA file the
        // system's store is the trust anchor.
        if (p.tls.require || !p.tls.caFile.isEmpty()) {
            opts << QStringLiteral("sslmode=verify-full");
            const QString ca = p.tls.caFile.isEmpty() ? TlsProbe::systemCaFile() : p.tls.caFile;
            if (!ca.isEmpty())
                opts << QStringLiteral("sslrootcert=") + ca;
        }
        if (!p.tls.certFile.isEmpty())
            opts << QStringLiteral("sslcert=") + p.tls.certFile;
        if (!p.tls.keyFile.isEmpty())
            opts << QStringLiteral("sslkey=") + p.tls.keyFile;
        break;
    }
    return opts.join(QLatin1Char(';'));
}

namespace {
ConnectResult failure(ConnectResult::Error e, const QString &message, const QString &detail = {})
{
    ConnectResult r;
    r.error = e;
    r.message = message;
    r.detail = detail;
    return r;
}

QString where(const ConnectionProfile &p)
{
    return p.unixSocket.isEmpty() ? QStringLiteral("%1:%2").arg(p.host).arg(p.effectivePort()) : p.unixSocket;
}

ConnectResult fromProbe(const ConnectionProfile &p, const TlsProbeResult &probe)
{
    using E = ConnectResult::Error;
    using O = TlsProbeResult::Outcome;
    switch (probe.outcome) {
    case O::Verified:
        break;
    case O::NotApplicable:
        return failure(E::TlsNotApplicable, probe.message, probe.detail);
    case O::Unreachable:
        return failure(E::Unreachable, probe.message, probe.detail);
    case O::NotMySql:
        return failure(E::Other, probe.message, probe.detail);
    case O::ServerRefused:
        // The server's own error before any login (host not allowed, too many connections): the
        // driver's wording for it applies.
        return Connector::classify(p,
            QSqlError(probe.detail, QString(), QSqlError::ConnectionError, QString::number(probe.serverErrorCode)));
    case O::TlsNotOffered:
        return failure(E::TlsNotUsed, probe.message, probe.detail);
    case O::Untrusted:
        return failure(E::TlsUntrusted, probe.message, probe.detail);
    case O::WrongHost:
        return failure(E::TlsWrongHost, probe.message, probe.detail);
    case O::HandshakeFailed:
        return failure(E::TlsFailure, probe.message, probe.detail);
    case O::BadCaFile:
        return failure(E::InvalidProfile, probe.message, probe.detail);
    case O::Plaintext:
        break;
    case O::AuthRefused:
        return failure(E::AuthPluginUnsupported, probe.message, probe.detail);
    }
    return {};
}
} // namespace

namespace {
// The relay of each open MySQL connection, by connection name: it lives exactly as long as the
// QSqlDatabase entry, so that the driver's reconnects and clones go through it too.
std::mutex relaysMutex;
std::map<QString, std::shared_ptr<MySqlRelay>> &relays()
{
    static std::map<QString, std::shared_ptr<MySqlRelay>> map;
    return map;
}
// Likewise the SSH tunnel and, for PostgreSQL, the forwarder of each connection through SSH.
std::map<QString, std::shared_ptr<SshTunnel>> &tunnels()
{
    static std::map<QString, std::shared_ptr<SshTunnel>> map;
    return map;
}
std::map<QString, std::shared_ptr<SshForwarder>> &forwarders()
{
    static std::map<QString, std::shared_ptr<SshForwarder>> map;
    return map;
}
} // namespace

QString Connector::uniqueName(const QString &prefix)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("%1-%2").arg(prefix).arg(counter.fetchAndAddRelaxed(1));
}

void Connector::close(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    std::shared_ptr<MySqlRelay> relay;
    std::shared_ptr<SshForwarder> forwarder;
    std::shared_ptr<SshTunnel> tunnel;
    {
        std::lock_guard lock(relaysMutex);
        auto it = relays().find(connectionName);
        if (it != relays().end()) {
            relay = std::move(it->second);
            relays().erase(it);
        }
        if (auto f = forwarders().find(connectionName); f != forwarders().end()) {
            forwarder = std::move(f->second);
            forwarders().erase(f);
        }
        if (auto t = tunnels().find(connectionName); t != tunnels().end()) {
            tunnel = std::move(t->second);
            tunnels().erase(t);
        }
    }
    // Outside the lock: they join their threads. The tunnel last (the others hold it too).
    relay.reset();
    forwarder.reset();
    tunnel.reset();
}

std::shared_ptr<SshTunnel> Connector::tunnelOf(const QString &connectionName)
{
    std::lock_guard lock(relaysMutex);
    auto it = tunnels().find(connectionName);
    return it == tunnels().end() ? nullptr : it->second;
}

ConnectResult Connector::fromSsh(const SshStatus &st)
{
    using E = ConnectResult::Error;
    using S = SshStatus::Error;
    E e = E::Other;
    switch (st.error) {
    case S::None:
        return {};
    case S::Unreachable:
        e = E::SshUnreachable;
        break;
    case S::HostKeyUnknown:
        e = E::SshHostKeyUnknown;
        break;
    case S::HostKeyChanged:
        e = E::SshHostKeyChanged;
        break;
    case S::AuthFailed:
        e = E::SshAuthFailed;
        break;
    case S::ChannelRefused:
        e = E::SshChannelRefused;
        break;
    case S::Other:
        break;
    }
    ConnectResult r = failure(e, st.message, st.detail);
    r.hostKeyFingerprint = st.fingerprint;
    return r;
}

std::shared_ptr<MySqlRelay> Connector::relayOf(const QString &connectionName)
{
    std::lock_guard lock(relaysMutex);
    auto it = relays().find(connectionName);
    return it == relays().end() ? nullptr : it->second;
}

ConnectResult Connector::classify(const ConnectionProfile &p, const QSqlError &err)
{
    const QString code = err.nativeErrorCode();
    const QString text = err.text();
    const QString detail = text;
    using E = ConnectResult::Error;

    if (text.contains(QLatin1String("caching_sha2_password")) || code == QLatin1String("2059")
        || code == QLatin1String("1251")
        || text.contains(QLatin1String("authentication method"), Qt::CaseInsensitive)) {
        return failure(E::AuthPluginUnsupported,
            tr("The server asks for an authentication method this client cannot use (MySQL 8's "
               "caching_sha2_password needs the client's plugin or a TLS connection). Connect with TLS, "
               "or ask the administrator to run ALTER USER '%1' IDENTIFIED WITH mysql_native_password.")
                .arg(p.user),
            detail);
    }
    if (p.driver == DriverKind::MySql) {
        if (code == QLatin1String("1045"))
            return failure(E::WrongPassword,
                tr("The server refused user \"%1\" with this password. Check the password, and that this "
                   "user may connect from this computer.")
                    .arg(p.user),
                detail);
        if (code == QLatin1String("1044"))
            return failure(E::AccessDenied,
                tr("User \"%1\" may not use the database \"%2\". Ask the database administrator for access.")
                    .arg(p.user, p.database),
                detail);
        if (code == QLatin1String("1049"))
            return failure(E::UnknownDatabase,
                tr("The server has no database named \"%1\". Check the name (it is case-sensitive on "
                   "most servers).")
                    .arg(p.database),
                detail);
        if (code == QLatin1String("1130") || code == QLatin1String("1129"))
            return failure(E::AccessDenied,
                tr("The server does not accept connections from this computer for user \"%1\".").arg(p.user), detail);
        if (code == QLatin1String("2026") || text.contains(QLatin1String("SSL"), Qt::CaseSensitive)
            || text.contains(QLatin1String("TLS"), Qt::CaseSensitive))
            return failure(E::TlsFailure,
                tr("The TLS connection to %1 failed: the server refused TLS, or its certificate is not "
                   "trusted by the CA file you chose.")
                    .arg(where(p)),
                detail);
        if (code == QLatin1String("2002") || code == QLatin1String("2003") || code == QLatin1String("2005")
            || code == QLatin1String("2006") || code == QLatin1String("2013"))
            return failure(E::Unreachable,
                tr("No database server answered at %1. Check the host and port, that the server is "
                   "running, and that no firewall blocks the connection.")
                    .arg(where(p)),
                detail);
    }
    if (p.driver == DriverKind::Postgres) {
        if (text.contains(QLatin1String("password authentication failed")) || code == QLatin1String("28P01")
            || text.contains(QLatin1String("no password supplied")))
            return failure(E::WrongPassword,
                tr("The server refused user \"%1\" with this password. Check the password.").arg(p.user), detail);
        if (text.contains(QLatin1String("database \"")) && text.contains(QLatin1String("does not exist")))
            return failure(E::UnknownDatabase,
                tr("The server has no database named \"%1\". Check the name.").arg(p.database), detail);
        if (text.contains(QLatin1String("SSL")) || text.contains(QLatin1String("certificate")))
            return failure(E::TlsFailure,
                tr("The TLS connection to %1 failed: the server refused TLS, or its certificate is not "
                   "trusted by the CA file you chose.")
                    .arg(where(p)),
                detail);
        if (text.contains(QLatin1String("could not connect")) || text.contains(QLatin1String("Connection refused"))
            || text.contains(QLatin1String("could not translate host name"))
            || text.contains(QLatin1String("timeout expired")))
            return failure(E::Unreachable,
                tr("No database server answered at %1. Check the host and port, that the server is "
                   "running, and that no firewall blocks the connection.")
                    .arg(where(p)),
                detail);
    }
    if (p.driver == DriverKind::Sqlite
        && (text.contains(QLatin1String("not a database")) || text.contains(QLatin1String("malformed"))))
        return failure(E::NotADatabase,
            tr("%1 is not an SQLite database, or it is damaged.").arg(QDir::toNativeSeparators(p.sqlitePath)), detail);
    return failure(E::Other, tr("The database reported an error: %1").arg(text.trimmed()), detail);
}

ConnectResult Connector::open(
    const ConnectionProfile &p, const QString &password, const QString &name, const Options &o)
{
    // A cluster (several hosts): the first node that answers. A node that refuses the login
    // refuses it on every node, so only an unreachable one moves on to the next.
    if (const QList<ConnectionProfile> nodes = p.nodes(); nodes.size() > 1) {
        ConnectResult r;
        QStringList tried;
        Connector::Options withNodes = o;
        withNodes.clusterNodes = nodes;
        withNodes.configured = {};
        for (const ConnectionProfile &node : nodes) {
            r = open(node, password, name, withNodes);
            tried << where(node);
            if (r.ok()) {
                // The relay may have gone on to a later node when this one did not answer.
                const auto relay = relayOf(name);
                r.node = relay ? relay->currentNode() : where(node);
                qsizetype position = tried.size();
                for (qsizetype i = 0; i < nodes.size(); ++i)
                    if (where(nodes.at(i)) == r.node)
                        position = i + 1;
                r.serverVersion = tr("%1 on node %2 (%3 of %n)", "", int(nodes.size()))
                                      .arg(r.serverVersion, r.node)
                                      .arg(position);
                qCInfo(lcDb) << "cluster node in use:" << r.node;
                return r;
            }
            if (r.error != ConnectResult::Error::Unreachable)
                return r;
        }
        r.message = tr("No node of the cluster answered (%1). Check that the nodes are running.")
                        .arg(tried.join(QStringLiteral(", ")));
        return r;
    }
    using E = ConnectResult::Error;
    const QStringList problems = p.validate(true);
    if (!problems.isEmpty())
        return failure(E::InvalidProfile, problems.join(QLatin1Char('\n')));
    if (!QSqlDatabase::isDriverAvailable(p.qtDriverName())) {
        const QString pkg = p.driver == DriverKind::MySql ? QStringLiteral("libqt6sql6-mysql")
            : p.driver == DriverKind::Postgres            ? QStringLiteral("libqt6sql6-psql")
                                                          : QStringLiteral("libqt6sql6-sqlite");
        return failure(E::DriverMissing,
            tr("The Qt driver for %1 is not installed. Install the package %2 and start again.")
                .arg(ConnectionProfile::driverLabel(p.driver), pkg));
    }
    if (p.driver == DriverKind::Sqlite && !o.createSqliteFile && !QFileInfo::exists(p.sqlitePath))
        return failure(E::FileMissing,
            tr("The file %1 does not exist. Check the path; to start a new database, use \"schema install\" "
               "or the connection dialog's \"Create the file\" option.")
                .arg(QDir::toNativeSeparators(p.sqlitePath)));

    // TLS asked for on a local socket: say that it does not apply rather than log in without it.
    if (p.driver == DriverKind::MySql && !p.unixSocket.isEmpty() && p.tls.require)
        return fromProbe(p, TlsProbe::probe(p, o.timeoutSeconds));

    close(name);
    // Through SSH: the session first (host key, login), so that its refusals are told as such;
    // then every database connection is a channel of it.
    std::shared_ptr<SshTunnel> tunnel;
    std::shared_ptr<SshForwarder> forwarder;
    if (p.ssh.enabled() && p.isServer()) {
        if (p.driver == DriverKind::Postgres && p.tls.any())
            return failure(E::InvalidProfile,
                tr("TLS to PostgreSQL cannot be combined with SSH here: the SSH connection already encrypts the "
                   "way. Clear the TLS settings of this connection, or connect without SSH."));
        tunnel = o.ownSshSession ? SshTunnel::create(p.ssh, o.timeoutSeconds)
                                 : SshTunnel::shared(p.name, p.ssh, o.timeoutSeconds);
        if (o.sshCredentials)
            tunnel->setCredentials(*o.sshCredentials);
        if (o.hostKeyPrompter)
            tunnel->setPrompter(o.hostKeyPrompter);
        const SshStatus st = tunnel->connect();
        if (!st.ok()) {
            qCDebug(lcDb) << "ssh failed:" << p.ssh.target() << st.detail;
            return fromSsh(st);
        }
        if (p.driver == DriverKind::Postgres) {
            QString why;
            forwarder = SshForwarder::start(tunnel, p.host, p.effectivePort(), p.unixSocket, &why);
            if (!forwarder)
                return failure(E::Other, why);
        }
    }
    // Why the SSH host gave the latest MySQL connection no channel, if it did not.
    struct ChannelStatus {
        std::mutex mutex;
        SshStatus status;
    };
    const auto channelStatus = std::make_shared<ChannelStatus>();
    std::shared_ptr<MySqlRelay> relay;
    if (MySqlRelay::applies(p)) {
        QString why;
        TlsProbe::UpstreamOpener upstream;
        if (tunnel)
            upstream = [tunnel, host = p.host, port = p.effectivePort(), socket = p.unixSocket, channelStatus](
                           QString *error) {
                SshStatus st;
                const int fd = tunnel->openChannel(host, port, socket, &st);
                if (fd < 0)
                    *error = st.message;
                std::lock_guard lock(channelStatus->mutex);
                channelStatus->status = st;
                return fd;
            };
        relay = MySqlRelay::start(p, o.timeoutSeconds, &why, o.clusterNodes, upstream);
        if (!relay)
            return failure(E::Other, why);
    }
    ConnectResult result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(p.qtDriverName(), name);
        if (p.driver == DriverKind::Sqlite) {
            db.setDatabaseName(p.sqlitePath);
        } else {
            // Through the relay the driver connects to "localhost" on the relay's socket; through
            // the SSH forwarder libpq to the socket in its private directory.
            db.setHostName(relay ? QStringLiteral("localhost") : forwarder ? forwarder->directory() : p.host);
            db.setPort(p.effectivePort());
            db.setDatabaseName(p.database);
            db.setUserName(p.user);
            db.setPassword(password);
        }
        db.setConnectOptions(connectOptions(p, o, relay ? relay->socketPath() : QString()));
        {
            std::lock_guard lock(relaysMutex);
            if (relay)
                relays()[name] = relay;
            if (forwarder)
                forwarders()[name] = forwarder;
            if (tunnel)
                tunnels()[name] = tunnel;
        }
        if (o.configured)
            o.configured();
        if (!db.open()) {
            const std::optional<TlsProbeResult> refused = relay ? relay->lastRefusal() : std::nullopt;
            result = refused ? fromProbe(p, *refused) : classify(p, db.lastError());
            // Through SSH, a channel the SSH host would not open is the reason, in its own words.
            SshStatus channel;
            if (forwarder)
                channel = forwarder->lastStatus();
            else if (tunnel) {
                std::lock_guard lock(channelStatus->mutex);
                channel = channelStatus->status;
            }
            if (!channel.ok())
                result = fromSsh(channel);
        } else {
            QSqlQuery q(db);
            switch (p.driver) {
            case DriverKind::Sqlite:
                // Opening never fails for SQLite; the first read tells whether the file is a database.
                if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
                    result = classify(p, q.lastError());
                else if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
                    result.serverVersion = QStringLiteral("SQLite ") + q.value(0).toString();
                break;
            case DriverKind::MySql:
                if (relay && !relay->serverVersion().isEmpty()) {
                    // The relay read the greeting and made the TLS connection itself: two round
                    // trips fewer than asking the server.
                    result.serverVersion = relay->serverVersion();
                    result.tlsActive = relay->usesTls();
                    break;
                }
                if (q.exec(QStringLiteral("SELECT VERSION()")) && q.next())
                    result.serverVersion = q.value(0).toString();
                if (q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_version'")) && q.next())
                    result.tlsActive = !q.value(1).toString().isEmpty();
                if (p.tls.require && !result.tlsActive)
                    result = failure(E::TlsNotUsed,
                        tr("This connection requires TLS, but the server at %1 answered without it. "
                           "Enable TLS on the server or choose a CA file.")
                            .arg(where(p)));
                break;
            case DriverKind::Postgres:
                if (q.exec(QStringLiteral("SELECT version()")) && q.next())
                    result.serverVersion = q.value(0).toString().section(QLatin1Char(' '), 0, 1);
                if (q.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) && q.next())
                    result.tlsActive = q.value(0).toBool();
                break;
            }
        }
    }
    if (!result.ok()) {
        qCInfo(lcDb) << "connect failed:" << p.displayName() << result.detail;
        close(name);
    }
    return result;
}

ConnectResult Connector::test(const ConnectionProfile &profile, const QString &password, const Options &options)
{
    const QString name = uniqueName(QStringLiteral("test"));
    ConnectResult r = open(profile, password, name, options);
    close(name);
    return r;
}
