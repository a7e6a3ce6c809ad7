#include "connection/Connector.h"
#include "TestDatabase.h"
#include "connection/DatabaseSession.h"
#include "connection/MySqlRelay.h"
#include "connection/TlsProbe.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <csignal>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <atomic>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace {
// Finds a tool on PATH or in the sbin folders (mariadbd lives in /usr/sbin, often not on PATH).
QString tool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin") });
    return path;
}

struct Ran {
    bool started = false;
    int code = -1;
    QString out;
    QString err;
};

Ran runTool(const QString &program, const QStringList &args, const QString &workDir = {}, int timeoutMs = 30000)
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, args);
    Ran r;
    r.started = p.waitForStarted(10000);
    if (!r.started || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = p.errorString();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

QString userName()
{
    const passwd *pw = ::getpwuid(::geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QStringLiteral("root");
}

QByteArray fakeGreeting(bool offerTls, const QByteArray &plugin = "mysql_native_password")
{
    QByteArray p;
    p += char(10);
    p += QByteArray("5.5.5-10.11.99-FakeMariaDB") + '\0';
    p += QByteArray::fromHex("2a000000"); // connection id
    p += QByteArray("abcdefgh"); // scramble, part 1
    p += '\0';
    const quint16 lower = offerTls ? 0xFFFF : (0xFFFF & ~0x0800);
    p += char(lower & 0xFF);
    p += char(lower >> 8);
    p += char(45); // utf8mb4_general_ci
    p += QByteArray::fromHex("0200"); // status
    p += QByteArray::fromHex("0800"); // upper capabilities: CLIENT_PLUGIN_AUTH
    p += char(21);
    p += QByteArray(10, '\0');
    p += QByteArray("ijklmnopqrst") + '\0'; // scramble, part 2
    p += plugin + '\0';
    QByteArray packet;
    packet += char(p.size() & 0xFF);
    packet += char((p.size() >> 8) & 0xFF);
    packet += char(0);
    packet += char(0); // sequence 0
    return packet + p;
}


// A fake MySQL server on a thread of its own: sends one protocol 10 greeting, with or without
// CLIENT_SSL, and records every byte the client sends until the client hangs up, it has seen the
// client's first packet (and, after an SSL request, the start of the TLS handshake), or 10 s pass.
class FakeMySqlServer final {
public:
    explicit FakeMySqlServer(bool offerTls)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 && ::listen(m_listen, 4) == 0
            && ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len) == 0)
            m_port = ntohs(a.sin_port);
        m_thread = std::thread([this, offerTls] { serve(offerTls); });
    }
    ~FakeMySqlServer()
    {
        finish();
        ::close(m_listen);
    }
    quint16 port() const { return m_port; }
    // Waits for the session to end and returns what the client sent.
    QByteArray finish()
    {
        if (m_thread.joinable())
            m_thread.join();
        return m_received;
    }

private:
    void serve(bool offerTls)
    {
        pollfd pl { m_listen, POLLIN, 0 };
        if (::poll(&pl, 1, 10000) != 1)
            return;
        const int c = ::accept(m_listen, nullptr, nullptr);
        if (c < 0)
            return;
        const QByteArray g = fakeGreeting(offerTls);
        ::send(c, g.constData(), size_t(g.size()), MSG_NOSIGNAL);
        const QDeadlineTimer deadline(10000);
        for (;;) {
            // Enough seen: a whole first packet that is not an SSL request, or an SSL request plus
            // a TLS record header. The client then waits for an answer that never comes.
            if (m_received.size() >= 4) {
                const int len = uchar(m_received[0]) | uchar(m_received[1]) << 8 | uchar(m_received[2]) << 16;
                if (len != 32 && m_received.size() >= 4 + len)
                    break;
                if (len == 32 && m_received.size() >= 4 + 32 + 5)
                    break;
            }
            pollfd p { c, POLLIN, 0 };
            if (::poll(&p, 1, int(std::max<qint64>(0, deadline.remainingTime()))) != 1)
                break;
            char buf[4096];
            const ssize_t n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0)
                break;
            m_received.append(buf, n);
        }
        ::close(c);
    }

    int m_listen = -1;
    quint16 m_port = 0;
    std::thread m_thread;
    QByteArray m_received;
};

// A man in the middle on loopback. The first connection it forwards, byte for byte, to the real
// server (so that a check made on a connection of its own would pass); every later one it answers
// itself, as a server without TLS, or with TLS under a certificate of the same CA for another
// name. Whatever a client sends it after the greeting, decrypted where it can, is recorded.
class Mitm final {
public:
    enum class Impostor { NoTls, WrongName, ClearTextPlugin };
    Mitm(quint16 target, Impostor impostor, QString certPem = {}, QString keyPem = {})
        : m_target(target)
        , m_impostor(impostor)
        , m_cert(std::move(certPem))
        , m_key(std::move(keyPem))
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 && ::listen(m_listen, 8) == 0
            && ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len) == 0)
            m_port = ntohs(a.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }
    ~Mitm()
    {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        dropForwarded();
        if (m_acceptor.joinable())
            m_acceptor.join();
        for (std::thread &t : m_threads)
            t.join();
    }
    quint16 port() const { return m_port; }
    int impostorConnections() const { return m_impostorConnections; }
    QByteArray received()
    {
        std::lock_guard lock(m_mutex);
        return m_received;
    }
    // Cuts the forwarded connection, as a dropped network link would.
    void dropForwarded()
    {
        std::lock_guard lock(m_mutex);
        for (int fd : m_forwardFds)
            ::shutdown(fd, SHUT_RDWR);
    }

private:
    static int connectTo(quint16 port)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(port);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
            ::close(fd);
            return -1;
        }
        return fd;
    }
    void acceptLoop()
    {
        int n = 0;
        while (!m_stop) {
            const int c = ::accept(m_listen, nullptr, nullptr);
            if (c < 0)
                return;
            if (n++ == 0)
                m_threads.emplace_back([this, c] { forward(c); });
            else
                m_threads.emplace_back([this, c] { impersonate(c); });
        }
    }
    void forward(int c)
    {
        const int s = connectTo(m_target);
        {
            std::lock_guard lock(m_mutex);
            m_forwardFds << c << s;
        }
        char buf[16384];
        for (;;) {
            pollfd p[2] = { { c, POLLIN, 0 }, { s, POLLIN, 0 } };
            if (::poll(p, 2, 20000) <= 0)
                break;
            const int from = (p[0].revents ? c : s), to = (from == c ? s : c);
            const ssize_t n = ::recv(from, buf, sizeof buf, 0);
            if (n <= 0 || ::send(to, buf, size_t(n), MSG_NOSIGNAL) != n)
                break;
        }
        ::close(c);
        ::close(s);
    }
    void record(const char *data, int n)
    {
        std::lock_guard lock(m_mutex);
        m_received.append(data, n);
    }
    // Reads what arrives within ms milliseconds, recording it.
    void drain(int fd, SSL *ssl, int ms)
    {
        const QDeadlineTimer deadline(ms);
        char buf[4096];
        while (!deadline.hasExpired()) {
            pollfd p { fd, POLLIN, 0 };
            if (ssl && SSL_pending(ssl) == 0 && ::poll(&p, 1, int(deadline.remainingTime())) != 1)
                return;
            if (!ssl && ::poll(&p, 1, int(deadline.remainingTime())) != 1)
                return;
            const int n = ssl ? SSL_read(ssl, buf, sizeof buf) : int(::recv(fd, buf, sizeof buf, 0));
            if (n <= 0)
                return;
            record(buf, n);
            if (m_impostor == Impostor::ClearTextPlugin && !ssl && !m_switched) {
                // Ask for the password in clear text, as a hostile or misconfigured server would.
                m_switched = true;
                QByteArray sw;
                sw += char(0xFE);
                sw += QByteArray("mysql_clear_password") + '\0';
                QByteArray pk(4, '\0');
                pk[0] = char(sw.size());
                pk[3] = char(2);
                pk += sw;
                ::send(fd, pk.constData(), size_t(pk.size()), MSG_NOSIGNAL);
            }
        }
    }
    void impersonate(int c)
    {
        ++m_impostorConnections;
        const bool tls = m_impostor == Impostor::WrongName;
        const QByteArray g = m_impostor == Impostor::ClearTextPlugin ? fakeGreeting(false, "mysql_clear_password")
                                                                      : fakeGreeting(tls);
        ::send(c, g.constData(), size_t(g.size()), MSG_NOSIGNAL);
        if (!tls) {
            drain(c, nullptr, 4000);
            ::close(c);
            return;
        }
        // The SSL request (4 + 32 bytes), then TLS as the server, then whatever comes inside.
        char req[36];
        if (::recv(c, req, sizeof req, MSG_WAITALL) != 36) {
            ::close(c);
            return;
        }
        SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
        SSL_CTX_use_certificate_chain_file(ctx, QFile::encodeName(m_cert).constData());
        SSL_CTX_use_PrivateKey_file(ctx, QFile::encodeName(m_key).constData(), SSL_FILETYPE_PEM);
        SSL *ssl = SSL_new(ctx);
        SSL_set_fd(ssl, c);
        timeval tv { 4, 0 };
        ::setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        if (SSL_accept(ssl) == 1)
            drain(c, ssl, 4000);
        SSL_free(ssl);
        SSL_CTX_free(ctx);
        ::close(c);
    }

    quint16 m_target;
    Impostor m_impostor;
    QString m_cert, m_key;
    int m_listen = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop { false };
    std::atomic<int> m_impostorConnections { 0 };
    std::atomic<bool> m_switched { false };
    std::thread m_acceptor;
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    QList<int> m_forwardFds;
    QByteArray m_received;
};
} // namespace

// TLS that checks who answers: a server whose certificate names another host, or is signed by a
// CA the profile did not name, or that offers no TLS at all never sees the password. Every
// certificate and every MariaDB server here is made by the test itself, on loopback.
class TestTls final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rightNameConnectsEncrypted();
    void hostNameIsCheckedAgainstDnsNames();
    void wrongNameIsRefused();
    void untrustedCaIsRefused();
    void plaintextServerNeverSeesThePassword();
    void fakeServerWithoutTlsReceivesNothing();
    void fakeServerThatCannotDoTlsGetsNoCredentials();
    void cliUrlWithClientCertificate();
    void cliRefusesWrongName();
    void unixSocketSaysTlsDoesNotApply();
    void silentServerTimesOut();
    void impostorBehindAForwardedFirstConnectionGetsNothing_data();
    void impostorBehindAForwardedFirstConnectionGetsNothing();
    void clearTextPluginIsRefused();
    void relaySocketIsPrivate();

private:
    enum class Cert { None, Good, WrongName, Untrusted };
    bool makeCertificates(QString *problem);
    bool openssl(const QStringList &args, QString *problem);
    bool signCertificate(const QString &name, const QString &subject, const QString &ext, const QString &ca,
        QString *problem);
    bool startServer(Cert cert, bool generalLog = false);
    void stopServer();
    bool rootSql(const QString &sql, QString *problem = nullptr);
    ConnectionProfile profile(const QString &user = QStringLiteral("tls_user")) const;
    QString path(const QString &file) const { return m_dir.filePath(file); }
    struct Run {
        int code = -1;
        bool crashed = false;
        QString out;
        QString err;
    };
    Run cli(const QStringList &args);

    QTemporaryDir m_dir;
    QString m_mariadbd, m_installDb, m_client, m_admin, m_openssl;
    QProcess m_server;
    Cert m_running = Cert::None;
    bool m_serverUp = false;
    quint16 m_port = 0;
    QString m_password;
    QString m_x509Password;
};

bool TestTls::openssl(const QStringList &args, QString *problem)
{
    const Ran r = runTool(m_openssl, args, m_dir.path());
    if (r.code != 0) {
        *problem = QStringLiteral("openssl %1 failed: %2").arg(args.join(QLatin1Char(' ')), r.err);
        return false;
    }
    return true;
}

bool TestTls::signCertificate(
    const QString &name, const QString &subject, const QString &ext, const QString &ca, QString *problem)
{
    QFile extFile(path(name + QStringLiteral(".ext")));
    if (!extFile.open(QIODevice::WriteOnly))
        return false;
    extFile.write(ext.toUtf8());
    extFile.close();
    return openssl({ QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                       QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                       QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"), subject },
               problem)
        && openssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                       QStringLiteral("-CA"), ca + QStringLiteral(".pem"), QStringLiteral("-CAkey"),
                       ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-out"), name + QStringLiteral(".pem"),
                       QStringLiteral("-extfile"), name + QStringLiteral(".ext") },
            problem);
}

bool TestTls::makeCertificates(QString *problem)
{
    for (const QString &ca : { QStringLiteral("ca"), QStringLiteral("rogue-ca") }) {
        if (!openssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                         QStringLiteral("-nodes"), QStringLiteral("-keyout"), ca + QStringLiteral(".key"),
                         QStringLiteral("-out"), ca + QStringLiteral(".pem"), QStringLiteral("-days"),
                         QStringLiteral("2"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=Trongate Admin test %1").arg(ca) },
                problem))
            return false;
    }
    const QString serverExt = QStringLiteral("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    return signCertificate(QStringLiteral("server-good"), QStringLiteral("/CN=localhost"),
               serverExt + QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost\n"), QStringLiteral("ca"),
               problem)
        && signCertificate(QStringLiteral("server-wrong"), QStringLiteral("/CN=db.example.com"),
            serverExt + QStringLiteral("subjectAltName=DNS:db.example.com\n"), QStringLiteral("ca"), problem)
        && signCertificate(QStringLiteral("server-rogue"), QStringLiteral("/CN=localhost"),
            serverExt + QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost\n"), QStringLiteral("rogue-ca"),
            problem)
        && signCertificate(QStringLiteral("client"), QStringLiteral("/CN=tls_x509"),
            QStringLiteral("basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n"), QStringLiteral("ca"),
            problem);
}

bool TestTls::startServer(Cert cert, bool generalLog)
{
    if (m_serverUp && m_running == cert && !generalLog)
        return true;
    stopServer();
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        QStringList args { QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + path(QStringLiteral("data")),
            QStringLiteral("--socket=") + path(QStringLiteral("sock")), QStringLiteral("--port=%1").arg(m_port),
            QStringLiteral("--bind-address=127.0.0.1"), QStringLiteral("--pid-file=") + path(QStringLiteral("pid")),
            QStringLiteral("--log-error=") + path(QStringLiteral("err.log")), QStringLiteral("--skip-name-resolve"),
            QStringLiteral("--user=") + userName(), QStringLiteral("--innodb-buffer-pool-size=16M") };
        const QStringList names { QString(), QStringLiteral("server-good"), QStringLiteral("server-wrong"),
            QStringLiteral("server-rogue") };
        if (cert != Cert::None) {
            const QString name = names.at(int(cert));
            args << QStringLiteral("--ssl-ca=") + path(QStringLiteral("ca.pem"))
                 << QStringLiteral("--ssl-cert=") + path(name + QStringLiteral(".pem"))
                 << QStringLiteral("--ssl-key=") + path(name + QStringLiteral(".key"));
        } else {
            args << QStringLiteral("--skip-ssl");
        }
        if (generalLog) {
            QFile::remove(path(QStringLiteral("general.log")));
            args << QStringLiteral("--general-log=1")
                 << QStringLiteral("--general-log-file=") + path(QStringLiteral("general.log"));
        }
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // Should the test itself die, the server goes with it instead of lingering on its port.
        m_server.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_server.start(m_mariadbd, args);
        if (!m_server.waitForStarted(10000))
            return false;
        // Up when it answers a ping; gone when the process ends (a port taken meanwhile, say).
        const QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired() && m_server.state() == QProcess::Running) {
            const Ran ping = runTool(m_admin,
                { QStringLiteral("--no-defaults"), QStringLiteral("--socket=") + path(QStringLiteral("sock")),
                    QStringLiteral("-uroot"), QStringLiteral("ping") });
            if (ping.code == 0) {
                m_serverUp = true;
                m_running = cert;
                return true;
            }
            m_server.waitForFinished(100); // returns at once when the server exits
        }
        stopServer();
    }
    return false;
}

void TestTls::stopServer()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate();
        if (!m_server.waitForFinished(30000)) {
            m_server.kill();
            m_server.waitForFinished(5000);
        }
    }
    m_serverUp = false;
}

bool TestTls::rootSql(const QString &sql, QString *problem)
{
    const Ran r = runTool(m_client, { QStringLiteral("--no-defaults"),
                                        QStringLiteral("--socket=") + path(QStringLiteral("sock")),
                                        QStringLiteral("-uroot"), QStringLiteral("-e"), sql });
    if (r.code != 0 && problem)
        *problem = r.err;
    return r.code == 0;
}

ConnectionProfile TestTls::profile(const QString &user) const
{
    ConnectionProfile p;
    p.name = QStringLiteral("tls test");
    p.driver = DriverKind::MySql;
    p.host = QStringLiteral("127.0.0.1");
    p.port = m_port;
    p.database = QStringLiteral("tlsdb");
    p.user = user;
    p.tls.require = true;
    p.tls.caFile = path(QStringLiteral("ca.pem"));
    return p;
}

TestTls::Run TestTls::cli(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("home/.config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("home/.local/share")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), m_x509Password);
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(TGADMIN_BINARY), args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_mariadbd = tool(QStringLiteral("mariadbd"));
    m_installDb = tool(QStringLiteral("mariadb-install-db"));
    m_client = tool(QStringLiteral("mariadb"));
    m_admin = tool(QStringLiteral("mariadb-admin"));
    m_openssl = tool(QStringLiteral("openssl"));
    if (m_mariadbd.isEmpty() || m_installDb.isEmpty() || m_client.isEmpty() || m_admin.isEmpty()
        || m_openssl.isEmpty()) {
        const char *why = "needs mariadbd, mariadb-install-db, mariadb, mariadb-admin and openssl "
                          "(scripts/deps.sh test installs them)";
        if (TestDatabase::serversRequired())
            QFAIL(why);
        QSKIP(why);
    }
    QString problem;
    QVERIFY2(makeCertificates(&problem), qPrintable(problem));
    const Ran install = runTool(m_installDb,
        { QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + path(QStringLiteral("data")),
            QStringLiteral("--skip-test-db"), QStringLiteral("--auth-root-authentication-method=normal") },
        {}, 120000);
    QVERIFY2(install.code == 0, qPrintable(install.out + install.err));
    QVERIFY2(startServer(Cert::Good), "the MariaDB test server did not start");

    m_password = QString::fromLatin1(QByteArray::number(QRandomGenerator::global()->generate64(), 36)) + QStringLiteral("Tls");
    m_x509Password = QString::fromLatin1(QByteArray::number(QRandomGenerator::global()->generate64(), 36)) + QStringLiteral("X509");
    QVERIFY2(rootSql(QStringLiteral(
                         "CREATE DATABASE tlsdb CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;"
                         "CREATE USER 'tls_user'@'127.0.0.1' IDENTIFIED BY '%1' REQUIRE SSL;"
                         "GRANT ALL PRIVILEGES ON tlsdb.* TO 'tls_user'@'127.0.0.1';"
                         "CREATE USER 'tls_x509'@'127.0.0.1' IDENTIFIED BY '%2' REQUIRE X509;"
                         "GRANT ALL PRIVILEGES ON tlsdb.* TO 'tls_x509'@'127.0.0.1';")
                         .arg(m_password, m_x509Password),
                 &problem),
        qPrintable(problem));
    QDir().mkpath(path(QStringLiteral("home")));
}

void TestTls::cleanupTestCase()
{
    stopServer();
}

void TestTls::rightNameConnectsEncrypted()
{
    QVERIFY(startServer(Cert::Good));
    const QString name = Connector::uniqueName(QStringLiteral("tls"));
    const ConnectResult r = Connector::open(profile(), m_password, name);
    QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char('\n') + r.detail));
    QVERIFY(r.tlsActive);
    {
        QSqlQuery q(QSqlDatabase::database(name, false));
        QVERIFY(q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_version'")) && q.next());
        QVERIFY2(q.value(1).toString().startsWith(QLatin1String("TLSv1.")), qPrintable(q.value(1).toString()));
    }
    Connector::close(name);

    // No CA file named: the system's store does not know the test CA, so the server is not trusted.
    ConnectionProfile system = profile();
    system.tls.caFile.clear();
    const ConnectResult untrusted = Connector::test(system, m_password, {});
    QCOMPARE(untrusted.error, ConnectResult::Error::TlsUntrusted);
    QVERIFY2(untrusted.message.contains(QLatin1String("not signed by any certificate authority this computer trusts")),
        qPrintable(untrusted.message));
}

void TestTls::hostNameIsCheckedAgainstDnsNames()
{
    QVERIFY(startServer(Cert::Good));
    ConnectionProfile p = profile();
    p.host = QStringLiteral("localhost"); // resolves to ::1 first on many machines; the server is on 127.0.0.1 only
    const TlsProbeResult r = TlsProbe::probe(p, 5);
    QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char('\n') + r.detail));
    QCOMPARE(r.certificateNames, (QStringList { QStringLiteral("127.0.0.1"), QStringLiteral("localhost") }));
    QVERIFY(r.serverVersion.contains(QLatin1String("MariaDB")));
    QCOMPARE(r.peerAddress, QStringLiteral("127.0.0.1"));

    // The client library takes "localhost" for its Unix socket, where TLS is not used; after the
    // probe the driver goes to the verified address over TCP instead, encrypted.
    const ConnectResult c = Connector::test(p, m_password, {});
    QVERIFY2(c.ok(), qPrintable(c.message + QLatin1Char('\n') + c.detail));
    QVERIFY(c.tlsActive);
}

void TestTls::wrongNameIsRefused()
{
    QVERIFY(startServer(Cert::WrongName));
    const ConnectResult r = Connector::test(profile(), m_password, {});
    QCOMPARE(r.error, ConnectResult::Error::TlsWrongHost);
    QVERIFY2(r.message.contains(QLatin1String("is for db.example.com, not 127.0.0.1")), qPrintable(r.message));
    QVERIFY(r.message.contains(QLatin1String("the password was not sent")));
    QVERIFY(!r.message.contains(m_password) && !r.detail.contains(m_password));
    QCOMPARE(TlsProbe::probe(profile(), 5).certificateNames, QStringList { QStringLiteral("db.example.com") });
}

void TestTls::untrustedCaIsRefused()
{
    QVERIFY(startServer(Cert::Untrusted));
    const ConnectResult r = Connector::test(profile(), m_password, {});
    QCOMPARE(r.error, ConnectResult::Error::TlsUntrusted);
    QVERIFY2(r.message.contains(QLatin1String("is not trusted")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QDir::toNativeSeparators(path(QStringLiteral("ca.pem")))), qPrintable(r.message));
    QVERIFY(r.message.contains(QLatin1String("the password was not sent")));

    // Trusting the rogue CA instead makes the same server acceptable: the refusal was about the CA.
    ConnectionProfile rogue = profile();
    rogue.tls.caFile = path(QStringLiteral("rogue-ca.pem"));
    QVERIFY(TlsProbe::probe(rogue, 5).ok());
}

void TestTls::plaintextServerNeverSeesThePassword()
{
    // A server without TLS, with its general log on: every login attempt is written there.
    QVERIFY(startServer(Cert::None, true));
    const ConnectResult r = Connector::test(profile(), m_password, {});
    QCOMPARE(r.error, ConnectResult::Error::TlsNotUsed);
    QVERIFY2(r.message.contains(QLatin1String("does not offer TLS")), qPrintable(r.message));
    QVERIFY(r.message.contains(QLatin1String("the password was not sent")));

    // Control: a login without "require TLS" does reach the server and shows in its log.
    ConnectionProfile plain = profile();
    plain.tls = {};
    plain.user = QStringLiteral("nobody_here");
    const ConnectResult control = Connector::test(plain, QStringLiteral("x"), {});
    QCOMPARE(control.error, ConnectResult::Error::WrongPassword);
    QFile log(path(QStringLiteral("general.log")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains("nobody_here"), text.constData()); // the log does record login attempts
    QVERIFY2(!text.contains("tls_user"), text.constData()); // but the TLS-required one never logged in
    stopServer();
}

void TestTls::fakeServerWithoutTlsReceivesNothing()
{
    FakeMySqlServer fake(false);
    QVERIFY(fake.port() != 0);
    ConnectionProfile p = profile();
    p.port = fake.port();
    const ConnectResult r = Connector::test(p, m_password, {});
    QCOMPARE(r.error, ConnectResult::Error::TlsNotUsed);
    QVERIFY2(r.message.contains(QLatin1String("password was not sent")), qPrintable(r.message));
    QCOMPARE(fake.finish(), QByteArray()); // not a byte: no HandshakeResponse, no user name, no password

    // Control: without "require TLS" the driver answers the same greeting with its credentials.
    FakeMySqlServer control(false);
    p.port = control.port();
    p.tls = {};
    Connector::Options o;
    o.timeoutSeconds = 5;
    QVERIFY(!Connector::test(p, m_password, o).ok());
    QVERIFY(control.finish().contains("tls_user"));
}

void TestTls::fakeServerThatCannotDoTlsGetsNoCredentials()
{
    FakeMySqlServer fake(true); // offers TLS, then never answers the handshake
    ConnectionProfile p = profile();
    p.port = fake.port();
    Connector::Options o;
    o.timeoutSeconds = 3;
    QElapsedTimer clock;
    clock.start();
    const ConnectResult r = Connector::test(p, m_password, o);
    QCOMPARE(r.error, ConnectResult::Error::TlsFailure);
    QVERIFY(r.message.contains(QLatin1String("password was not sent")));
    QVERIFY2(clock.elapsed() < 10000, "the probe must give up within its timeout");
    const QByteArray got = fake.finish();
    // The SSL request (32 bytes, sequence 1, CLIENT_SSL set) and a TLS ClientHello: nothing else.
    QVERIFY2(got.size() >= 36 + 5, got.toHex().constData());
    QCOMPARE(got.left(4), QByteArray::fromHex("20000001"));
    QVERIFY(uchar(got[4 + 1]) & 0x08); // CLIENT_SSL, bit 11
    QCOMPARE(got.mid(4 + 9, 23), QByteArray(23, '\0')); // the filler: no user name follows
    QCOMPARE(uchar(got[36]), uchar(0x16)); // a TLS handshake record
    QVERIFY(!got.contains("tls_user"));
    QVERIFY(!got.contains(m_password.toUtf8()));
}

void TestTls::cliUrlWithClientCertificate()
{
    QVERIFY(startServer(Cert::Good));
    const QString url = QStringLiteral("mysql://tls_x509@127.0.0.1:%1/tlsdb?tls=require&ca=%2&cert=%3&key=%4")
                            .arg(m_port)
                            .arg(path(QStringLiteral("ca.pem")), path(QStringLiteral("client.pem")),
                                path(QStringLiteral("client.key")));
    Run r = cli({ QStringLiteral("--db"), url, QStringLiteral("schema"), QStringLiteral("install") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("Tables created: 3")), qPrintable(r.out));
    r = cli({ QStringLiteral("--db"), url, QStringLiteral("schema"), QStringLiteral("verify") });
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));

    // REQUIRE X509: without the client certificate the server itself refuses the account.
    const QString noCert = QStringLiteral("mysql://tls_x509@127.0.0.1:%1/tlsdb?tls=require&ca=%2")
                               .arg(m_port)
                               .arg(path(QStringLiteral("ca.pem")));
    r = cli({ QStringLiteral("--db"), noCert, QStringLiteral("schema"), QStringLiteral("verify") });
    QCOMPARE(r.code, 2);
    QVERIFY(!r.err.contains(m_x509Password));
}

void TestTls::cliRefusesWrongName()
{
    QVERIFY(startServer(Cert::WrongName));
    const QString url = QStringLiteral("mysql://tls_x509@127.0.0.1:%1/tlsdb?tls=require&ca=%2&cert=%3&key=%4")
                            .arg(m_port)
                            .arg(path(QStringLiteral("ca.pem")), path(QStringLiteral("client.pem")),
                                path(QStringLiteral("client.key")));
    const Run r = cli({ QStringLiteral("--db"), url, QStringLiteral("schema"), QStringLiteral("verify") });
    QVERIFY(!r.crashed);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("is for db.example.com, not 127.0.0.1")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestTls::unixSocketSaysTlsDoesNotApply()
{
    ConnectionProfile p = profile();
    p.unixSocket = path(QStringLiteral("sock"));
    const ConnectResult r = Connector::test(p, m_password, {});
    QCOMPARE(r.error, ConnectResult::Error::TlsNotApplicable);
    QVERIFY2(r.message.contains(QLatin1String("Unix socket")), qPrintable(r.message));
}

void TestTls::silentServerTimesOut()
{
    // Listening, never accepting: the kernel completes the TCP handshake, no greeting ever comes.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    ConnectionProfile p = profile();
    p.port = silent.serverPort();
    Connector::Options o;
    o.timeoutSeconds = 1;
    QElapsedTimer clock;
    clock.start();
    const ConnectResult r = Connector::test(p, m_password, o);
    QCOMPARE(r.error, ConnectResult::Error::Unreachable);
    QVERIFY2(r.message.contains(QLatin1String("sent no greeting")), qPrintable(r.message));
    QVERIFY(clock.elapsed() < 5000);

    // Nothing listening at all.
    const quint16 closed = freePort();
    p.port = closed;
    const ConnectResult none = Connector::test(p, m_password, o);
    QCOMPARE(none.error, ConnectResult::Error::Unreachable);
    QVERIFY(none.message.contains(QStringLiteral("127.0.0.1:%1").arg(closed)));
}


void TestTls::impostorBehindAForwardedFirstConnectionGetsNothing_data()
{
    QTest::addColumn<int>("impostor");
    QTest::addRow("impostor without TLS") << int(Mitm::Impostor::NoTls);
    QTest::addRow("impostor with a same-CA certificate for another name") << int(Mitm::Impostor::WrongName);
}

// The audit's attack: a check made on a connection of its own passes (the proxy forwards it to
// the real server), and the login that follows, or the automatic reconnect after a dropped link,
// meets the impostor. The connection that carries the password must verify, itself.
void TestTls::impostorBehindAForwardedFirstConnectionGetsNothing()
{
    QFETCH(int, impostor);
    QVERIFY(startServer(Cert::Good));
    Mitm mitm(m_port, Mitm::Impostor(impostor), path(QStringLiteral("server-wrong.pem")),
        path(QStringLiteral("server-wrong.key")));
    QVERIFY(mitm.port() != 0);
    ConnectionProfile p = profile();
    p.port = mitm.port();
    Connector::Options o;
    o.timeoutSeconds = 3;

    DatabaseSession session;
    const ConnectResult r = session.open(p, m_password, o);
    // The first connection reached the real server through the proxy: verified, and encrypted.
    QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char('\n') + r.detail));
    QVERIFY(r.tlsActive);

    // The link drops; the window's watchdog notices and reconnects, meeting the impostor.
    mitm.dropForwarded();
    QTRY_VERIFY_WITH_TIMEOUT(!session.checkAlive(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT((session.reconnect(), mitm.impostorConnections() >= 2), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!session.isReconnecting(), 10000);
    QVERIFY(session.isLost()); // the impostor did not pass for the server
    const QByteArray got = mitm.received();
    QVERIFY2(!got.contains("tls_user"), got.toHex().constData()); // no login packet, not even the user name
    QVERIFY(!got.contains(m_password.toUtf8()));
    QVERIFY2(got.isEmpty(), got.toHex().constData());
    // And when the session's own connection is opened again, it meets the same checks.
    const auto relay = Connector::relayOf(session.connectionName());
    QVERIFY(relay);
    QVERIFY(!QSqlDatabase::database(session.connectionName(), false).open());
    QVERIFY(relay->lastRefusal().has_value());
    QVERIFY2(relay->lastRefusal()->message.contains(QLatin1String("password was not sent")),
        qPrintable(relay->lastRefusal()->message));
    QVERIFY(mitm.received().isEmpty());
}

void TestTls::clearTextPluginIsRefused()
{
    // Without TLS (the profile asks for none), a server that wants mysql_clear_password gets a
    // challenge-response login at most, never the password itself.
    Mitm mitm(m_port, Mitm::Impostor::ClearTextPlugin);
    ConnectionProfile p = profile();
    p.tls = {};
    p.port = mitm.port();
    // The proxy's first connection is a forwarded one: spend it on a login the real server refuses.
    ConnectionProfile first = p;
    first.user = QStringLiteral("nobody_here");
    Connector::Options o;
    o.timeoutSeconds = 3;
    (void)Connector::test(first, QStringLiteral("x"), o);

    const ConnectResult r = Connector::test(p, m_password, o);
    QCOMPARE(r.error, ConnectResult::Error::AuthPluginUnsupported);
    QVERIFY2(r.message.contains(QLatin1String("password was not sent")), qPrintable(r.message));
    QTest::qWait(300);
    const QByteArray got = mitm.received();
    QVERIFY2(got.contains("tls_user"), got.toHex().constData()); // the login packet did arrive
    QVERIFY2(!got.contains(m_password.toUtf8()), got.constData()); // the password never did
}

void TestTls::relaySocketIsPrivate()
{
    QVERIFY(startServer(Cert::Good));
    const QString name = Connector::uniqueName(QStringLiteral("tls"));
    QVERIFY(Connector::open(profile(), m_password, name).ok());
    const auto relay = Connector::relayOf(name);
    QVERIFY(relay);
    struct stat dir {};
    QCOMPARE(::stat(QFile::encodeName(QFileInfo(relay->socketPath()).path()).constData(), &dir), 0);
    QCOMPARE(int(dir.st_mode & 0777), 0700);
    const int before = relay->connectionsRelayed();

    // Another process (of the same user) connecting to the socket gets nothing, not a greeting.
    const QByteArray sock = QFile::encodeName(relay->socketPath());
    const pid_t child = ::fork();
    if (child == 0) {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un a {};
        a.sun_family = AF_UNIX;
        std::memcpy(a.sun_path, sock.constData(), size_t(sock.size()));
        if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
            ::_exit(3);
        pollfd pf { fd, POLLIN, 0 };
        char c;
        const bool got = ::poll(&pf, 1, 3000) == 1 && ::recv(fd, &c, 1, 0) == 1;
        ::_exit(got ? 1 : 0);
    }
    int status = -1;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QCOMPARE(relay->connectionsRelayed(), before);
    const QString socketPath = relay->socketPath();
    Connector::close(name);
    QVERIFY(relay.use_count() == 1); // the test's copy is the last one
    QVERIFY(QFileInfo::exists(socketPath));
    const_cast<std::shared_ptr<MySqlRelay> &>(relay).reset();
    QVERIFY(!QFileInfo::exists(socketPath)); // gone with the connection
}

QTEST_GUILESS_MAIN(TestTls)
#include "TestTls.moc"
