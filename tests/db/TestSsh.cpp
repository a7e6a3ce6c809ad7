// Connections through SSH against a real sshd on loopback (scripts/servers.sh, tg_start_sshd)
// and a MariaDB that listens only on its Unix socket: a query that works proves the tunnel.
#include "connection/Connector.h"
#include "connection/DatabaseSession.h"
#include "connection/HostKeyPrompter.h"
#include "MemorySecretStore.h"
#include "connection/ProfileStore.h"
#include "SshTestServer.h"
#include "connection/SshTunnel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlTableModel>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
QString env(const char *name)
{
    return QString::fromLocal8Bit(qgetenv(name));
}

// Every log line the program writes during the test, to look for secrets in afterwards.
QStringList &logLines()
{
    static QStringList lines;
    return lines;
}
QtMessageHandler previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    logLines() << message;
    if (previousHandler)
        previousHandler(type, context, message);
}

// Answers host-key questions from a script and records them.
class ScriptedHostKeys final : public HostKeyPrompter {
public:
    QList<bool> answers; // empty: "no"
    QList<HostKeyQuestion> asked;
    bool trustNewHost(const HostKeyQuestion &q) override
    {
        asked << q;
        return answers.isEmpty() ? false : answers.takeFirst();
    }
};

// The sshd of scripts/test.sh, or one started here; a skip only without openssh-server.
#define REQUIRE_SSHD()                                                                                                 \
    do {                                                                                                               \
        if (const QString why = SshTestServer::ensure(); !why.isEmpty()) {                                             \
            if (qEnvironmentVariableIsSet("TGADMIN_REQUIRE_SERVERS"))                                                  \
                QFAIL(qPrintable(                                                                                      \
                    QStringLiteral("TGADMIN_REQUIRE_SERVERS is set but there is no SSH test server: ") + why));        \
            QSKIP(qPrintable(QStringLiteral("No SSH test server: ") + why));                                           \
        }                                                                                                              \
    } while (false)
} // namespace

class TestSsh final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_knownHosts;
    QString m_fingerprint; // the test server's host key, as ssh-keygen -l prints it
    QString m_agentPid;

    SshSettings ssh(
        SshSettings::Auth auth = SshSettings::Auth::KeyFile, const QString &key = env("TGADMIN_TEST_SSH_KEY")) const
    {
        SshSettings s;
        s.host = env("TGADMIN_TEST_SSH_HOST");
        s.port = env("TGADMIN_TEST_SSH_PORT").toInt();
        s.user = env("TGADMIN_TEST_SSH_USER");
        s.auth = auth;
        if (auth == SshSettings::Auth::KeyFile)
            s.keyFile = key;
        return s;
    }
    // The socket-only MariaDB, as seen from the SSH host.
    ConnectionProfile mysql(const SshSettings &s) const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("ssh-test");
        p.driver = DriverKind::MySql;
        p.unixSocket = env("TGADMIN_TEST_SSH_DB_SOCKET");
        p.database = env("TGADMIN_TEST_SSH_DB_NAME");
        p.user = env("TGADMIN_TEST_SSH_DB_USER");
        p.ssh = s;
        return p;
    }
    static Connector::Options options(std::shared_ptr<HostKeyPrompter> prompter = {},
        std::optional<SshTunnel::Credentials> credentials = std::nullopt)
    {
        Connector::Options o;
        o.timeoutSeconds = 5;
        o.ownSshSession = true;
        o.hostKeyPrompter = std::move(prompter);
        o.sshCredentials = std::move(credentials);
        return o;
    }
    void trustServer()
    {
        QFile pub(env("TGADMIN_TEST_SSH_HOSTKEY_PUB"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QByteArray line = pub.readAll().trimmed();
        QDir().mkpath(QFileInfo(m_knownHosts).path());
        QFile known(m_knownHosts);
        QVERIFY(known.open(QIODevice::WriteOnly | QIODevice::Truncate));
        known.write(QStringLiteral("[%1]:%2 ").arg(env("TGADMIN_TEST_SSH_HOST"), env("TGADMIN_TEST_SSH_PORT")).toUtf8()
            + line.split(' ').mid(0, 2).join(' ') + '\n');
    }
    static QList<int> descendants(int pid)
    {
        QList<int> found;
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &e : entries) {
            bool isPid = false;
            const int child = e.toInt(&isPid);
            if (!isPid)
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(child));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray s = stat.readAll();
            const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
            if (fields.size() > 1 && fields.at(1).toInt() == pid)
                found << child << descendants(child);
        }
        return found;
    }
    // Stops sshd by its pid file and waits until the port is free.
    static bool stopSshd()
    {
        QFile pidFile(env("TGADMIN_TEST_SSH_PIDFILE"));
        if (!pidFile.open(QIODevice::ReadOnly))
            return false;
        const int pid = pidFile.readAll().trimmed().toInt();
        if (pid <= 0 || ::kill(pid, SIGTERM) != 0)
            return false;
        for (int i = 0; i < 100; ++i) {
            QTcpSocket probe;
            probe.connectToHost(env("TGADMIN_TEST_SSH_HOST"), quint16(env("TGADMIN_TEST_SSH_PORT").toInt()));
            if (!probe.waitForConnected(100))
                return true;
            probe.abort();
            QTest::qWait(50);
        }
        return false;
    }
    // Starts the same sshd again (or one with another config) and waits until it listens (it
    // daemonizes first).
    static bool startSshd(const QString &config = env("TGADMIN_TEST_SSH_CONFIG"))
    {
        if (QProcess::execute(env("TGADMIN_TEST_SSH_SSHD"),
                { QStringLiteral("-f"), config, QStringLiteral("-E"), env("TGADMIN_TEST_SSH_LOG") })
            != 0)
            return false;
        for (int i = 0; i < 100; ++i) {
            QTcpSocket probe;
            probe.connectToHost(env("TGADMIN_TEST_SSH_HOST"), quint16(env("TGADMIN_TEST_SSH_PORT").toInt()));
            if (probe.waitForConnected(100))
                return true;
            QTest::qWait(50);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        REQUIRE_SSHD();
        QVERIFY(m_home.isValid());
        // A home of our own: known_hosts and ~/.ssh/config are the test's, not the machine's.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qunsetenv("SSH_AUTH_SOCK");
        QCOMPARE(QDir::homePath(), m_home.path());
        m_knownHosts = m_home.path() + QStringLiteral("/.ssh/known_hosts");
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"), { QStringLiteral("-lf"), env("TGADMIN_TEST_SSH_HOSTKEY_PUB") });
        QVERIFY(keygen.waitForFinished(10000));
        m_fingerprint = QString::fromLatin1(keygen.readAllStandardOutput()).section(QLatin1Char(' '), 1, 1);
        QVERIFY2(m_fingerprint.startsWith(QLatin1String("SHA256:")), qPrintable(m_fingerprint));
        previousHandler = qInstallMessageHandler(captureLog);
        // Every line the program logs, informational ones too, is looked at for secrets.
        QLoggingCategory::setFilterRules(QStringLiteral("tgadmin.*=true"));
    }

    void cleanupTestCase()
    {
        if (!m_agentPid.isEmpty())
            ::kill(m_agentPid.toInt(), SIGTERM);
        qInstallMessageHandler(previousHandler);
    }

    void unknownHostKeyIsAskedSavedThenTrusted()
    {
        QFile::remove(m_knownHosts);
        const ConnectionProfile p = mysql(ssh());
        const QString password = env("TGADMIN_TEST_SSH_DB_PASSWORD");

        // Refused: nothing saved, the fingerprint shown is the server's.
        auto no = std::make_shared<ScriptedHostKeys>();
        ConnectResult r = Connector::test(p, password, options(no));
        QCOMPARE(r.error, ConnectResult::Error::SshHostKeyUnknown);
        QCOMPARE(no->asked.size(), 1);
        QCOMPARE(no->asked.first().fingerprint, m_fingerprint);
        QCOMPARE(no->asked.first().keyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(r.hostKeyFingerprint, m_fingerprint);
        QVERIFY2(r.message.contains(m_fingerprint), qPrintable(r.message));
        QVERIFY(!QFile::exists(m_knownHosts) || QFile(m_knownHosts).size() == 0);

        // No one to ask (the command line): refused, never accepted silently.
        r = Connector::test(p, password, options());
        QCOMPARE(r.error, ConnectResult::Error::SshHostKeyUnknown);

        // Trusted: saved, and the query runs on the socket-only server behind sshd.
        auto yes = std::make_shared<ScriptedHostKeys>();
        yes->answers = { true };
        r = Connector::test(p, password, options(yes));
        QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char(' ') + r.detail));
        QCOMPARE(yes->asked.size(), 1);
        QFile known(m_knownHosts);
        QVERIFY(known.open(QIODevice::ReadOnly));
        QVERIFY(known.readAll().contains(QStringLiteral("[127.0.0.1]:%1").arg(env("TGADMIN_TEST_SSH_PORT")).toUtf8()));

        // Then known: no question.
        auto never = std::make_shared<ScriptedHostKeys>();
        r = Connector::test(p, password, options(never));
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(never->asked.isEmpty());
    }

    void changedHostKeyIsRefused()
    {
        // known_hosts holds another key for this host and port, as after a man in the middle.
        QTemporaryDir dir;
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                     { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                         QString(), QStringLiteral("-f"), dir.filePath(QStringLiteral("other")) }),
            0);
        QFile pub(dir.filePath(QStringLiteral("other.pub")));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QFile known(m_knownHosts);
        QVERIFY(known.open(QIODevice::WriteOnly | QIODevice::Truncate));
        known.write(QStringLiteral("[127.0.0.1]:%1 ").arg(env("TGADMIN_TEST_SSH_PORT")).toUtf8()
            + pub.readAll().trimmed().split(' ').mid(0, 2).join(' ') + '\n');
        known.close();

        auto prompter = std::make_shared<ScriptedHostKeys>();
        prompter->answers = { true, true };
        const ConnectResult r = Connector::test(mysql(ssh()), env("TGADMIN_TEST_SSH_DB_PASSWORD"), options(prompter));
        QCOMPARE(r.error, ConnectResult::Error::SshHostKeyChanged);
        QVERIFY(prompter->asked.isEmpty()); // never a question: refused
        QVERIFY2(r.message.contains(QLatin1String("man-in-the-middle")), qPrintable(r.message));
        QVERIFY2(r.message.contains(m_fingerprint), qPrintable(r.message));
        QVERIFY2(r.message.contains(QLatin1String("ssh-keygen -R")), qPrintable(r.message));
        trustServer();
    }

    void authentication_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<int>("expected");
        using E = ConnectResult::Error;
        const int key = int(SshSettings::Auth::KeyFile);
        QTest::addRow("key file without passphrase") << key << env("TGADMIN_TEST_SSH_KEY") << QString() << int(E::None);
        QTest::addRow("key file with its passphrase")
            << key << env("TGADMIN_TEST_SSH_KEY_PASSPHRASED") << env("TGADMIN_TEST_SSH_PASSPHRASE") << int(E::None);
        QTest::addRow("key file with a wrong passphrase")
            << key << env("TGADMIN_TEST_SSH_KEY_PASSPHRASED") << QStringLiteral("not-it") << int(E::SshAuthFailed);
        QTest::addRow("key the server does not know")
            << key << env("TGADMIN_TEST_SSH_KEY_UNAUTHORIZED") << QString() << int(E::SshAuthFailed);
        QTest::addRow("no agent and no key in ~/.ssh")
            << int(SshSettings::Auth::Auto) << QString() << QString() << int(E::SshAuthFailed);
        QTest::addRow("wrong password") << int(SshSettings::Auth::Password) << QString()
                                        << QStringLiteral("wrong-password") << int(E::SshAuthFailed);
    }

    void authentication()
    {
        QFETCH(int, auth);
        QFETCH(QString, key);
        QFETCH(QString, secret);
        QFETCH(int, expected);
        trustServer();
        SshTunnel::Credentials c;
        (auth == int(SshSettings::Auth::Password) ? c.password : c.passphrase) = secret;
        const ConnectResult r = Connector::test(
            mysql(ssh(SshSettings::Auth(auth), key)), env("TGADMIN_TEST_SSH_DB_PASSWORD"), options({}, c));
        QVERIFY2(int(r.error) == expected, qPrintable(r.message + QLatin1Char(' ') + r.detail));
        if (expected != int(ConnectResult::Error::None))
            QVERIFY2(r.message.contains(QLatin1String("refused the login"))
                    || r.message.contains(QLatin1String("passphrase")),
                qPrintable(r.message));
    }

    void agentAuthentication()
    {
        trustServer();
        // An agent of the test's own, holding the key; the profile names no key at all.
        const QString sock = m_home.filePath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(QStringLiteral("ssh-agent"), { QStringLiteral("-s"), QStringLiteral("-a"), sock });
        QVERIFY(agent.waitForFinished(10000));
        const QString out = QString::fromLatin1(agent.readAllStandardOutput());
        m_agentPid = QRegularExpression(QStringLiteral("SSH_AGENT_PID=(\\d+)")).match(out).captured(1);
        QVERIFY2(!m_agentPid.isEmpty(), qPrintable(out));
        QProcess add;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("SSH_AUTH_SOCK"), sock);
        add.setProcessEnvironment(e);
        add.start(QStringLiteral("ssh-add"), { env("TGADMIN_TEST_SSH_KEY") });
        QVERIFY(add.waitForFinished(10000));
        QCOMPARE(add.exitCode(), 0);

        qputenv("SSH_AUTH_SOCK", QFile::encodeName(sock));
        const ConnectResult r
            = Connector::test(mysql(ssh(SshSettings::Auth::Auto)), env("TGADMIN_TEST_SSH_DB_PASSWORD"), options());
        qunsetenv("SSH_AUTH_SOCK");
        ::kill(m_agentPid.toInt(), SIGTERM);
        QTRY_VERIFY(!QFile::exists(sock));
        m_agentPid.clear();
        QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char(' ') + r.detail));
    }

    void whatWentWrongIsToldApart()
    {
        trustServer();
        using E = ConnectResult::Error;
        // The database behind the tunnel refuses the password.
        ConnectResult r = Connector::test(mysql(ssh()), QStringLiteral("not-the-password"), options());
        QCOMPARE(r.error, E::WrongPassword);
        // No SSH server at that port.
        SshSettings nowhere = ssh();
        nowhere.port = 1; // nothing listens on port 1
        r = Connector::test(mysql(nowhere), env("TGADMIN_TEST_SSH_DB_PASSWORD"), options());
        QCOMPARE(r.error, E::SshUnreachable);
        QVERIFY2(r.message.contains(QLatin1String("No SSH server answered")), qPrintable(r.message));
        // Logged in, but nothing behind the forward.
        ConnectionProfile p = mysql(ssh());
        p.unixSocket = m_home.filePath(QStringLiteral("no-such.sock"));
        r = Connector::test(p, env("TGADMIN_TEST_SSH_DB_PASSWORD"), options());
        QCOMPARE(r.error, E::SshChannelRefused);
        QVERIFY2(r.message.contains(QLatin1String("did not connect on to the database")), qPrintable(r.message));
        // The same for PostgreSQL: nothing listens on that port as seen from the SSH host.
        ConnectionProfile pg;
        pg.name = QStringLiteral("ssh-pg-nothing");
        pg.driver = DriverKind::Postgres;
        pg.host = QStringLiteral("127.0.0.1");
        pg.port = 1;
        pg.user = QStringLiteral("nobody");
        pg.database = QStringLiteral("postgres");
        pg.ssh = ssh();
        r = Connector::test(pg, QStringLiteral("x"), options());
        QCOMPARE(r.error, E::SshChannelRefused);
        QVERIFY2(r.message.contains(QLatin1String("127.0.0.1:1")), qPrintable(r.message));
    }

    void postgresThroughTheSameTunnel()
    {
        if (env("TGADMIN_TEST_PG_PORT").isEmpty())
            QSKIP("No PostgreSQL test server (TGADMIN_TEST_PG_*).");
        trustServer();
        ConnectionProfile p;
        p.name = QStringLiteral("ssh-pg");
        p.driver = DriverKind::Postgres;
        p.host = QStringLiteral("127.0.0.1"); // as seen from the SSH host
        p.port = env("TGADMIN_TEST_PG_PORT").toInt();
        p.user = env("TGADMIN_TEST_PG_USER");
        p.database = QStringLiteral("postgres");
        p.ssh = ssh();
        Connector::Options o = options();
        o.ownSshSession = false;
        const QString name = Connector::uniqueName(QStringLiteral("ssh-pg"));
        const ConnectResult r = Connector::open(p, env("TGADMIN_TEST_PG_PASSWORD"), name, o);
        QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char(' ') + r.detail));
        QVERIFY(Connector::tunnelOf(name));
        QSqlQuery q(QSqlDatabase::database(name));
        // The server sees the connection arrive from the SSH host, over TCP.
        QVERIFY(q.exec(QStringLiteral("SELECT inet_client_addr()::text")) && q.next());
        QVERIFY2(q.value(0).toString().startsWith(QLatin1String("127.0.0.1")), qPrintable(q.value(0).toString()));
        // The forwarder's socket: in a directory only this user may enter, and even then only this
        // process is served (another process of the same user is hung up on at once).
        const QString socketDir = QSqlDatabase::database(name).hostName();
        QVERIFY(socketDir.contains(QLatin1String("tgadmin-ssh-")));
        QCOMPARE(QFileInfo(socketDir).permissions()
                & (QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther),
            QFileDevice::Permissions());
        const QByteArray socketPath = QFile::encodeName(socketDir + QStringLiteral("/.s.PGSQL.%1").arg(p.port));
        const int channelsBefore = Connector::tunnelOf(name)->openChannels();
        const pid_t child = ::fork();
        if (child == 0) {
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            sockaddr_un addr {};
            addr.sun_family = AF_UNIX;
            std::memcpy(addr.sun_path, socketPath.constData(), size_t(socketPath.size()));
            if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
                ::_exit(3);
            const char startup[8] = { 0, 0, 0, 8, 4, char(0xd2), 0x16, 0x2f }; // an SSLRequest
            (void)::send(fd, startup, sizeof startup, MSG_NOSIGNAL);
            pollfd pfd { fd, POLLIN, 0 };
            char answer;
            // Hung up (end of stream, or reset for the unread request) within 5 s: refused. An
            // answer byte ('S' or 'N' from the server): it was forwarded.
            ::_exit(::poll(&pfd, 1, 5000) == 1 && ::recv(fd, &answer, 1, 0) <= 0 ? 0 : 1);
        }
        int status = -1;
        QVERIFY(::waitpid(child, &status, 0) == child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        QCOMPARE(Connector::tunnelOf(name)->openChannels(), channelsBefore);
        q = QSqlQuery();
        Connector::close(name);

        // The same server by its Unix socket on the SSH host (servers.sh puts it beside MariaDB's).
        const QString pgSocket = QFileInfo(env("TGADMIN_TEST_MYSQL_SOCKET")).absolutePath()
            + QStringLiteral("/../pg/.s.PGSQL.%1").arg(p.port);
        if (!QFileInfo::exists(pgSocket))
            QSKIP("The PostgreSQL test server's socket is not where scripts/servers.sh puts it.");
        ConnectionProfile viaSocket = p;
        viaSocket.host.clear();
        viaSocket.unixSocket = QDir::cleanPath(pgSocket);
        const QString socketName = Connector::uniqueName(QStringLiteral("ssh-pg-socket"));
        const ConnectResult rs = Connector::open(viaSocket, env("TGADMIN_TEST_PG_PASSWORD"), socketName, o);
        QVERIFY2(rs.ok(), qPrintable(rs.message + QLatin1Char(' ') + rs.detail));
        {
            QSqlQuery local(QSqlDatabase::database(socketName));
            QVERIFY(local.exec(QStringLiteral("SELECT inet_client_addr() IS NULL")) && local.next());
            QVERIFY(local.value(0).toBool()); // a local (socket) connection on the server
        }
        Connector::close(socketName);
    }

    void sshServerRestartedMidSession()
    {
        trustServer();
        const ConnectionProfile p = mysql(ssh());
        const QString password = env("TGADMIN_TEST_SSH_DB_PASSWORD");
        DatabaseSession session;
        Connector::Options o = options();
        o.ownSshSession = false; // the profile's shared session, as the window uses it
        const ConnectResult r = session.open(p, password, o);
        QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char(' ') + r.detail));
        QSqlDatabase db = session.database();
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT @@skip_networking")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1); // the server has no TCP listener: only the tunnel reaches it
        QVERIFY(q.exec(QStringLiteral("CREATE OR REPLACE TABLE notes (id INT PRIMARY KEY, body VARCHAR(50))")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO notes VALUES (1, 'before')")));
        const auto tunnel = Connector::tunnelOf(session.connectionName());
        QVERIFY(tunnel);
        QCOMPARE(tunnel->sessionsStarted(), 1);

        // An edit in progress in a grid.
        auto owned = std::make_unique<QSqlTableModel>(nullptr, db);
        QSqlTableModel &model = *owned;
        model.setTable(QStringLiteral("notes"));
        model.setEditStrategy(QSqlTableModel::OnManualSubmit);
        QVERIFY(model.select());
        QVERIFY(model.setData(model.index(0, 1), QStringLiteral("edited while sshd was down")));

        // sshd goes away with every session it forked (a restart of the machine, say) ...
        QFile pidFile(env("TGADMIN_TEST_SSH_PIDFILE"));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const int master = pidFile.readAll().trimmed().toInt();
        pidFile.close();
        QVERIFY(master > 0);
        const QList<int> children = descendants(master);
        QVERIFY2(!children.isEmpty(), "sshd has no session process");
        ::kill(master, SIGKILL);
        for (int child : children)
            ::kill(child, SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(!tunnel->isConnected(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!session.checkAlive(), 10000);
        QVERIFY(session.isLost());

        // ... reconnecting while it is down fails, off the window's thread ...
        QVERIFY(!session.reconnect());
        QTRY_VERIFY_WITH_TIMEOUT(!session.isReconnecting(), 15000);
        QVERIFY(session.isLost());

        // ... an SSH server with another host key where this one was (an impostor, say) is
        // refused on the reconnect just as on the first connect ...
        QTemporaryDir impostorDir;
        const QString impostorKey = impostorDir.filePath(QStringLiteral("host_key"));
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                     { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                         QString(), QStringLiteral("-f"), impostorKey }),
            0);
        QFile config(env("TGADMIN_TEST_SSH_CONFIG"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QString impostorConfig = QString::fromUtf8(config.readAll());
        config.close();
        impostorConfig.replace(
            QRegularExpression(QStringLiteral("(?m)^HostKey .*$")), QStringLiteral("HostKey ") + impostorKey);
        QFile impostor(impostorDir.filePath(QStringLiteral("sshd_config")));
        QVERIFY(impostor.open(QIODevice::WriteOnly));
        impostor.write(impostorConfig.toUtf8());
        impostor.close();
        QVERIFY(startSshd(impostor.fileName()));
        session.reconnect();
        QTRY_VERIFY_WITH_TIMEOUT(!session.isReconnecting(), 15000);
        QVERIFY(session.isLost());
        QCOMPARE(tunnel->sessionsStarted(), 1);
        // Even with known_hosts emptied meanwhile: a reconnect accepts only the key it had before.
        QFile::remove(m_knownHosts);
        session.reconnect();
        QTRY_VERIFY_WITH_TIMEOUT(!session.isReconnecting(), 15000);
        QVERIFY(session.isLost());
        QCOMPARE(tunnel->sessionsStarted(), 1);
        QVERIFY(stopSshd());

        // ... and once the real one is back, the same connection works again: a new SSH session,
        // the host key checked again (the one accepted before; nobody is asked, known_hosts is
        // still empty), the grid's edit saved.
        QVERIFY(startSshd());
        QSignalSpy restored(&session, &DatabaseSession::connectionRestored);
        session.reconnect();
        QTRY_VERIFY_WITH_TIMEOUT(!session.isLost(), 20000);
        QCOMPARE(restored.size(), 1);
        QCOMPARE(tunnel->sessionsStarted(), 2);
        QVERIFY2(model.submitAll(), qPrintable(model.lastError().text()));
        QSqlQuery check(session.database());
        QVERIFY(check.exec(QStringLiteral("SELECT body FROM notes WHERE id = 1")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("edited while sshd was down"));
        check = QSqlQuery();
        q = QSqlQuery();
        owned.reset();
        db = QSqlDatabase();
        session.close();
    }

    void roundTripsDoNotWaitOnTheTunnel()
    {
        // 200 one-row queries, each a small write waiting for its answer: a tunnel that let them
        // sit (Nagle's algorithm, a polling interval) would take seconds.
        trustServer();
        const QString name = Connector::uniqueName(QStringLiteral("ssh-rtt"));
        const ConnectResult r = Connector::open(mysql(ssh()), env("TGADMIN_TEST_SSH_DB_PASSWORD"), name, options());
        QVERIFY2(r.ok(), qPrintable(r.message));
        {
            QSqlQuery q(QSqlDatabase::database(name));
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < 200; ++i) {
                QVERIFY(q.exec(QStringLiteral("SELECT %1").arg(i)) && q.next());
                QCOMPARE(q.value(0).toInt(), i);
            }
            qInfo() << "200 round trips through the tunnel:" << timer.elapsed() << "ms";
            QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        }
        Connector::close(name);
    }

    void hostAliasFromSshConfig()
    {
        // An alias with HostName, Port, User, IdentityFile and its own known_hosts file, the way
        // admins name their production hosts in ~/.ssh/config.
        const QString known = m_home.filePath(QStringLiteral("alias_known_hosts"));
        QFile::remove(known);
        QFile config(m_home.filePath(QStringLiteral(".ssh/config")));
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(QStringLiteral("Host prod-db\n  HostName %1\n  Port %2\n  User %3\n  IdentityFile %4\n"
                                    "  UserKnownHostsFile %5\n")
                         .arg(env("TGADMIN_TEST_SSH_HOST"), env("TGADMIN_TEST_SSH_PORT"), env("TGADMIN_TEST_SSH_USER"),
                             env("TGADMIN_TEST_SSH_KEY"), known)
                         .toUtf8());
        config.close();
        SshSettings alias;
        alias.host = QStringLiteral("prod-db");
        auto yes = std::make_shared<ScriptedHostKeys>();
        yes->answers = { true };
        const ConnectResult r = Connector::test(mysql(alias), env("TGADMIN_TEST_SSH_DB_PASSWORD"), options(yes));
        QFile::remove(config.fileName());
        QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char(' ') + r.detail));
        QCOMPARE(yes->asked.size(), 1);
        QCOMPARE(yes->asked.first().knownHostsFile, known);
        QVERIFY(QFile::exists(known)); // saved where the config says, not in ~/.ssh/known_hosts
    }

    void jumpHostThroughProxyCommand()
    {
        // libssh 0.10 turns ProxyJump into a ProxyCommand that runs OpenSSH's client; this is that
        // path with a client told where its own known_hosts is (OpenSSH's reads the passwd
        // entry's home, which a test must not touch). The final host's key is still checked by
        // us: unknown here, so it is asked about.
        const QString jumpKnown = m_home.filePath(QStringLiteral("jump_known_hosts"));
        trustServer();
        QFile::remove(jumpKnown);
        QVERIFY(QFile::copy(m_knownHosts, jumpKnown));
        const QString finalKnown = m_home.filePath(QStringLiteral("final_known_hosts"));
        QFile::remove(finalKnown);
        QFile config(m_home.filePath(QStringLiteral(".ssh/config")));
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        // The name does not resolve: only through the jump host is it reached.
        config.write(QStringLiteral("Host behind-jump\n  HostName inside.invalid\n  Port %2\n  User %3\n"
                                    "  IdentityFile %4\n  UserKnownHostsFile %5\n"
                                    "  ProxyCommand ssh -o BatchMode=yes -o StrictHostKeyChecking=yes "
                                    "-o UserKnownHostsFile=%6 -i %4 -p %2 -W %1:%p %3@%1\n")
                         .arg(env("TGADMIN_TEST_SSH_HOST"), env("TGADMIN_TEST_SSH_PORT"), env("TGADMIN_TEST_SSH_USER"),
                             env("TGADMIN_TEST_SSH_KEY"), finalKnown, jumpKnown)
                         .toUtf8());
        config.close();
        SshSettings alias;
        alias.host = QStringLiteral("behind-jump");
        auto yes = std::make_shared<ScriptedHostKeys>();
        yes->answers = { true };
        const ConnectResult r = Connector::test(mysql(alias), env("TGADMIN_TEST_SSH_DB_PASSWORD"), options(yes));
        QFile::remove(config.fileName());
        QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char(' ') + r.detail));
        QCOMPARE(yes->asked.size(), 1);
        QCOMPARE(yes->asked.first().fingerprint, m_fingerprint);
        QVERIFY(QFile::exists(finalKnown));
    }

    void commandLine()
    {
        // The URL form of the issue, --ssh-key, the passphrase from the environment; unknown and
        // changed host keys refused with a way out that is not "accept anything".
        QFile::remove(m_knownHosts);
        const QString url = QStringLiteral("mysql://%1@127.0.0.1:3306/%2?socket=%3&ssh=%4@%5:%6")
                                .arg(env("TGADMIN_TEST_SSH_DB_USER"), env("TGADMIN_TEST_SSH_DB_NAME"),
                                    env("TGADMIN_TEST_SSH_DB_SOCKET"), env("TGADMIN_TEST_SSH_USER"),
                                    env("TGADMIN_TEST_SSH_HOST"), env("TGADMIN_TEST_SSH_PORT"));
        const auto run = [&](const QStringList &extra, QString *output) {
            QProcess cli;
            QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
            e.insert(QStringLiteral("HOME"), m_home.path());
            e.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
            e.remove(QStringLiteral("SSH_AUTH_SOCK"));
            e.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), env("TGADMIN_TEST_SSH_DB_PASSWORD"));
            e.insert(QStringLiteral("TRONGATE_SSH_SECRET"), env("TGADMIN_TEST_SSH_PASSPHRASE"));
            cli.setProcessEnvironment(e);
            const QStringList args = QStringList { QStringLiteral("schema"), QStringLiteral("verify"),
                QStringLiteral("--db"), url, QStringLiteral("--ssh-key"), env("TGADMIN_TEST_SSH_KEY_PASSPHRASED") }
                + extra;
            for (const QString &a : args) // nothing secret on the command line
                if (a.contains(env("TGADMIN_TEST_SSH_PASSPHRASE")) || a.contains(env("TGADMIN_TEST_SSH_DB_PASSWORD")))
                    return -1;
            cli.start(QStringLiteral(TGADMIN_BINARY), args);
            if (!cli.waitForFinished(30000))
                return -2;
            *output = QString::fromUtf8(cli.readAllStandardError() + cli.readAllStandardOutput());
            return cli.exitCode();
        };
        QString out;
        // Unknown: refused, fingerprint and the option to trust it shown, nothing saved.
        int code = run({}, &out);
        QCOMPARE(code, 2);
        QVERIFY2(out.contains(m_fingerprint) && out.contains(QLatin1String("--ssh-trust")), qPrintable(out));
        QVERIFY(!QFile::exists(m_knownHosts) || QFile(m_knownHosts).size() == 0);
        // Another fingerprint than the host's: still refused.
        code = run(
            { QStringLiteral("--ssh-trust"), QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") },
            &out);
        QCOMPARE(code, 2);
        QVERIFY(!QFile::exists(m_knownHosts) || QFile(m_knownHosts).size() == 0);
        // The host's own: trusted, saved, connected (the schema check runs: tables are missing = 1).
        code = run({ QStringLiteral("--ssh-trust"), m_fingerprint }, &out);
        QVERIFY2(code == 0 || code == 1, qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("trongate_tokens")), qPrintable(out));
        QVERIFY(QFile(m_knownHosts).size() > 0);
        // And then without --ssh-trust.
        code = run({}, &out);
        QVERIFY2(code == 0 || code == 1, qPrintable(out));
        for (const QString &secret : { env("TGADMIN_TEST_SSH_PASSPHRASE"), env("TGADMIN_TEST_SSH_DB_PASSWORD") })
            QVERIFY2(!out.contains(secret), "a secret in the command line's output");
    }

    void noSecretLeftBehind()
    {
        // A saved profile with an SSH password and a key passphrase in the (fake) keychain.
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
        ProfileStore store(settings);
        ConnectionProfile p = mysql(ssh(SshSettings::Auth::KeyFile, env("TGADMIN_TEST_SSH_KEY_PASSPHRASED")));
        QVERIFY(store.save(p, {}).isEmpty());
        MemorySecretStore secrets;
        secrets.write(SecretStore::keyForSsh(p.name), env("TGADMIN_TEST_SSH_PASSPHRASE"));
        settings.sync();
        const std::optional<ConnectionProfile> loaded = store.load(p.name);
        QVERIFY(loaded);
        QCOMPARE(loaded->ssh, p.ssh);

        QFile ini(settings.fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray stored = ini.readAll();
        QVERIFY(stored.contains("keyFile"));
        const QStringList secretsUsed { env("TGADMIN_TEST_SSH_PASSPHRASE"), env("TGADMIN_TEST_SSH_DB_PASSWORD"),
            QStringLiteral("wrong-password"), QStringLiteral("not-it") };
        for (const QString &s : secretsUsed) {
            QVERIFY2(!stored.contains(s.toUtf8()), "a secret in the settings file");
            for (const QString &line : std::as_const(logLines()))
                QVERIFY2(!line.contains(s), qPrintable(QStringLiteral("a secret in the log: ") + line.left(80)));
        }
        QVERIFY(!logLines().isEmpty()); // the log was captured at all
        // Our own argv holds none either (the command line's are tested in TestSshCli).
        QFile cmdline(QStringLiteral("/proc/self/cmdline"));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        const QByteArray argv = cmdline.readAll();
        for (const QString &s : secretsUsed)
            QVERIFY(!argv.contains(s.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestSsh)
#include "TestSsh.moc"
