#include "connection/MySqlRelay.h"

#include "audit/Log.h"

#include <QDeadlineTimer>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <functional>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
constexpr quint32 ClientSsl = 0x00000800;
constexpr quint32 ClientPluginAuth = 0x00080000;
constexpr qsizetype HighWater = 1 << 20; // stop reading a side while 1 MiB waits to be written to the other
constexpr int ErrSslConnection = 2026; // CR_SSL_CONNECTION_ERROR, as the client library would report it
constexpr int ErrAuthPlugin = 2059; // CR_AUTH_PLUGIN_CANNOT_LOAD

using Outcome = TlsProbeResult::Outcome;

QByteArray packet(const QByteArray &payload, quint8 sequence)
{
    QByteArray p(4, '\0');
    p[0] = char(payload.size() & 0xFF);
    p[1] = char((payload.size() >> 8) & 0xFF);
    p[2] = char((payload.size() >> 16) & 0xFF);
    p[3] = char(sequence);
    return p + payload;
}

QByteArray errorPacket(int code, const QString &message, quint8 sequence)
{
    QByteArray payload;
    payload += char(0xFF);
    payload += char(code & 0xFF);
    payload += char((code >> 8) & 0xFF);
    payload += "#HY000";
    payload += message.toUtf8().left(400);
    return packet(payload, sequence);
}

// Methods whose exchange never shows the password to whoever answers. Over verified TLS the
// SHA-256 methods are fine too (their full authentication sends the password inside the session).
bool pluginAllowed(const QByteArray &name, bool tls)
{
    if (name == "mysql_native_password" || name == "client_ed25519")
        return true;
    return tls && (name == "caching_sha2_password" || name == "sha256_password");
}

// Offset of the authentication plugin's name in a protocol 10 greeting, or -1 when it has none.
qsizetype greetingPluginOffset(const QByteArray &g, qsizetype *capsOffset)
{
    const qsizetype nul = g.indexOf('\0', 1);
    if (nul < 0)
        return -1;
    const qsizetype caps = nul + 1 + 4 + 8 + 1;
    *capsOffset = caps;
    if (g.size() < caps + 18)
        return -1;
    const auto *p = reinterpret_cast<const uchar *>(g.constData());
    const quint32 capabilities = quint32(p[caps]) | quint32(p[caps + 1]) << 8 | quint32(p[caps + 5]) << 16
        | quint32(p[caps + 6]) << 24;
    if (!(capabilities & ClientPluginAuth))
        return -1;
    const int authLength = p[caps + 7];
    const qsizetype offset = caps + 18 + std::max(13, authLength - 8);
    return offset <= g.size() ? offset : -1;
}
} // namespace

bool MySqlRelay::applies(const ConnectionProfile &p)
{
    return p.driver == DriverKind::MySql && (p.unixSocket.isEmpty() || p.ssh.enabled());
}

bool MySqlRelay::wantsTls(const ConnectionProfile &p)
{
    return p.tls.require || !p.tls.caFile.isEmpty() || !p.tls.certFile.isEmpty() || !p.tls.keyFile.isEmpty();
}

MySqlRelay::MySqlRelay(const ConnectionProfile &profile, int timeoutSeconds)
    : m_profile(profile)
    , m_timeoutSeconds(std::max(1, timeoutSeconds))
    , m_tls(wantsTls(profile))
{
}

std::shared_ptr<MySqlRelay> MySqlRelay::start(const ConnectionProfile &profile, int timeoutSeconds, QString *error,
    const QList<ConnectionProfile> &nodes, TlsProbe::UpstreamOpener upstream)
{
    std::shared_ptr<MySqlRelay> relay(new MySqlRelay(profile, timeoutSeconds));
    relay->m_nodes = nodes;
    relay->m_upstream = std::move(upstream);
    if (!relay->m_socket.open(QStringLiteral("tgadmin-relay-XXXXXX"), QStringLiteral("s"),
            tr("A private folder for the database connection could not be created in %1."),
            tr("A local socket for the database connection could not be opened: %1"), error))
        return nullptr;
    relay->m_acceptor = std::thread([r = relay.get()] { r->acceptLoop(); });
    return relay;
}

MySqlRelay::~MySqlRelay()
{
    m_socket.stop();
    if (m_acceptor.joinable())
        m_acceptor.join();
    {
        std::lock_guard lock(m_mutex);
        for (Worker &w : m_workers)
            if (w.thread.joinable())
                w.thread.join();
    }
}

QString MySqlRelay::serverVersion() const
{
    std::lock_guard lock(m_refusalMutex);
    return m_serverVersion;
}

QString MySqlRelay::currentNode() const
{
    std::lock_guard lock(m_refusalMutex);
    return QStringLiteral("%1:%2").arg(m_profile.host).arg(m_profile.effectivePort());
}

std::optional<TlsProbeResult> MySqlRelay::lastRefusal() const
{
    std::lock_guard lock(m_refusalMutex);
    return m_lastRefusal;
}

void MySqlRelay::refuse(const TlsProbeResult &why)
{
    std::lock_guard lock(m_refusalMutex);
    m_lastRefusal = why;
}

void MySqlRelay::acceptLoop()
{
    for (;;) {
        const int c = m_socket.accept("relay:");
        if (c < 0)
            return;
        std::lock_guard lock(m_mutex);
        // A console open for days reconnects and clones many times: finished threads go now.
        for (auto it = m_workers.begin(); it != m_workers.end();) {
            if (it->done->load()) {
                it->thread.join();
                it = m_workers.erase(it);
            } else {
                ++it;
            }
        }
        auto done = std::make_shared<std::atomic<bool>>(false);
        m_workers.push_back({ std::thread([this, c, done] {
                                 serve(c);
                                 *done = true;
                             }),
            done });
    }
}

namespace {
// One relayed connection: the driver's end (plain, local) and the server's end (TLS or plain).
class Session final {
public:
    Session(int client, MySqlUpstream *up, int stopFd, bool tls)
        : m_client(client)
        , m_up(up)
        , m_stop(stopFd)
        , m_tls(tls)
        , m_delta(tls ? 1 : 0)
    {
    }

    // Runs until either side hangs up, the relay stops, or the login is refused (then *refusal).
    // pending: the driver's first login packet when it was read before the session started.
    // Returns true when the server's end went away first (the connection is lost), false when
    // the driver hung up or the relay stopped.
    bool run(std::function<void(const TlsProbeResult &)> refuse, const QByteArray &pending)
    {
        m_refuse = std::move(refuse);
        if (!pending.isEmpty())
            fromClient(pending);
        char buf[65536];
        while (!m_done) {
            pollfd fds[3] = { { m_client, 0, 0 }, { m_up->fd, 0, 0 }, { m_stop, POLLIN, 0 } };
            if (m_toServer.size() < HighWater)
                fds[0].events |= POLLIN;
            if (!m_toClient.isEmpty())
                fds[0].events |= POLLOUT;
            if (m_toClient.size() < HighWater)
                fds[1].events |= POLLIN;
            if (!m_toServer.isEmpty())
                fds[1].events |= POLLOUT;
            if (::poll(fds, 3, -1) < 0) {
                if (errno == EINTR)
                    continue;
                return false;
            }
            if (fds[2].revents)
                return false;
            if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
                const ssize_t n = ::recv(m_client, buf, sizeof buf, 0);
                if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
                    return false;
                if (n > 0)
                    fromClient(QByteArray::fromRawData(buf, int(n)));
            }
            if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
                const ssize_t n = ::recv(m_up->fd, buf, sizeof buf, 0);
                if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
                    flushToClient();
                    return !m_authenticating && !m_quitting;
                }
                if (n > 0 && !fromServer(buf, int(n)))
                    return false;
            }
            if (!write(m_client, &m_toClient))
                return false;
            if (!write(m_up->fd, &m_toServer))
                return !m_authenticating && !m_quitting;
        }
        flushToClient();
        return !m_authenticating && !m_refused && !m_quitting;
    }



private:
    static bool write(int fd, QByteArray *pending)
    {
        while (!pending->isEmpty()) {
            const ssize_t n = ::send(fd, pending->constData(), size_t(pending->size()), MSG_NOSIGNAL);
            if (n < 0)
                return errno == EAGAIN || errno == EINTR;
            pending->remove(0, n);
        }
        return true;
    }

    // Last words to the driver (an error packet) before closing: a few hundred bytes at most.
    void flushToClient()
    {
        for (int i = 0; i < 50 && !m_toClient.isEmpty(); ++i) {
            if (!write(m_client, &m_toClient))
                return;
            if (!m_toClient.isEmpty()) {
                pollfd p { m_client, POLLOUT, 0 };
                ::poll(&p, 1, 20);
            }
        }
    }

    void toServer(const QByteArray &plain)
    {
        if (!m_tls) {
            m_toServer += plain;
            return;
        }
        if (!plain.isEmpty() && SSL_write(m_up->ssl, plain.constData(), int(plain.size())) <= 0) {
            m_done = true;
            return;
        }
        drainTls();
    }

    void drainTls()
    {
        char out[16384];
        for (int n; (n = BIO_read(m_up->out, out, sizeof out)) > 0;)
            m_toServer.append(out, n);
    }

    void fromClient(const QByteArray &chunk)
    {
        if (!m_authenticating) {
            fromClientCommands(chunk);
            return;
        }
        m_clientBuffer += chunk;
        while (m_clientBuffer.size() >= 4) {
            const auto *p = reinterpret_cast<const uchar *>(m_clientBuffer.constData());
            const qsizetype len = qsizetype(p[0]) | qsizetype(p[1]) << 8 | qsizetype(p[2]) << 16;
            if (m_clientBuffer.size() < 4 + len)
                break;
            QByteArray pk = m_clientBuffer.left(4 + len);
            m_clientBuffer.remove(0, 4 + len);
            pk[3] = char(quint8(quint8(pk[3]) + m_delta));
            if (m_firstClientPacket) {
                m_loginDatabase = loginDatabase(pk);
                m_answersProbe = answersProbe(pk);
            }
            if (m_firstClientPacket && m_tls && len >= 4)
                pk[5] = char(uchar(pk[5]) | (ClientSsl >> 8)); // the login goes on inside TLS
            m_firstClientPacket = false;
            toServer(pk);
        }
    }

    // After the login: the driver's commands pass through unchanged, packet by packet, except a
    // few the relay reads on the way (and the driver's prepare probe and setup commands, below).
    // - COM_QUIT (0x01): the driver says goodbye, so the server closing next is the end of the
    //   conversation, not a lost connection.
    // - COM_STMT_RESET (0x1a) is answered here with OK. Qt's driver sends one before every
    //   execution of a prepared statement and waits for the answer: a whole round trip to a
    //   server 20-150 ms away, for nothing. On the server it drops long data (Qt's driver sends
    //   none) and closes a cursor (it opens none); the client library has already read every row
    //   of the statement's last result before it sends the reset, and the driver never sends a
    //   command before it has read the answer to the last one, so the OK keeps its place.
    void fromClientCommands(const QByteArray &chunk)
    {
        m_commandBuffer += chunk;
        qsizetype pos = 0;
        QByteArray forward;
        for (;;) {
            const qsizetype available = m_commandBuffer.size() - pos;
            if (m_passRemaining > 0) {
                const qsizetype n = std::min(m_passRemaining, available);
                forward.append(m_commandBuffer.constData() + pos, n);
                pos += n;
                m_passRemaining -= n;
                if (m_passRemaining > 0)
                    break;
                continue;
            }
            if (available < 4)
                break;
            const auto *p = reinterpret_cast<const uchar *>(m_commandBuffer.constData() + pos);
            const qsizetype len = qsizetype(p[0]) | qsizetype(p[1]) << 8 | qsizetype(p[2]) << 16;
            const bool commandStart = p[3] == 0;
            if (commandStart && len <= 64 && available < 4 + len)
                break; // a short command: wait for all of it before deciding
            if (commandStart && len == 1 && p[4] == 0x01)
                m_quitting = true;
            if (commandStart && len == 5 && p[4] == 0x1a) {
                // OK: no rows affected, no insert id, autocommit status, no warnings.
                m_toClient += packet(QByteArray("\x00\x00\x00\x02\x00\x00\x00", 7), 1);
                pos += 4 + len;
                continue;
            }
            if (commandStart && len == 13 && p[4] == 0x16 && m_answersProbe
                && QByteArray::fromRawData(reinterpret_cast<const char *>(p + 5), 12) == ProbeStatement) {
                // Prepared: statement 0 (servers number theirs from 1), two parameters (the driver
                // checks the count), no result columns. Not sent: the server never hears of the
                // probe, so nothing of it stays there.
                m_toClient += packet(QByteArray("\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00", 12), 1);
                // Each parameter's definition (ColumnDefinition41: def, no schema or table, "?",
                // binary character set, VAR_STRING), then the end of the list (EOF, autocommit).
                const QByteArray parameter("\x03" "def" "\x00\x00\x00" "\x01?" "\x00" "\x0c" "\x3f\x00" "\x00\x00\x00\x00"
                                           "\xfd" "\x80\x00" "\x00" "\x00\x00",
                    23);
                m_toClient += packet(parameter, 2) + packet(parameter, 3);
                m_toClient += packet(QByteArray("\xfe\x00\x00\x02\x00", 5), 4);
                m_probeOpen = true;
                pos += 4 + len;
                continue;
            }
            if (commandStart && len == 5 && p[4] == 0x19 && m_probeOpen && p[5] == 0 && p[6] == 0 && p[7] == 0
                && p[8] == 0) {
                m_probeOpen = false; // the probe's close: the server has nothing to close (and sends no answer)
                pos += 4 + len;
                continue;
            }
            if (commandStart && len >= 1 && len <= 64 && answersAhead(QByteArray::fromRawData(
                                                              reinterpret_cast<const char *>(p + 4), len))) {
                // Answered now, and still sent: the server's own answer is dropped when it comes.
                m_toClient += packet(QByteArray("\x00\x00\x00\x02\x00\x00\x00", 7), 1);
                ++m_swallow;
            }
            m_passRemaining = 4 + len;
        }
        m_commandBuffer.remove(0, pos);
        if (!forward.isEmpty())
            toServer(forward);
    }

    bool fromServer(const char *data, int n)
    {
        QByteArray plain;
        if (m_tls) {
            BIO_write(m_up->in, data, n);
            char buf[16384];
            for (;;) {
                const int r = SSL_read(m_up->ssl, buf, sizeof buf);
                if (r > 0) {
                    plain.append(buf, r);
                    continue;
                }
                const int err = SSL_get_error(m_up->ssl, r);
                drainTls();
                if (err == SSL_ERROR_WANT_READ)
                    break;
                m_done = true; // close_notify or a TLS error: the session is over
                break;
            }
            drainTls();
        } else {
            plain = QByteArray(data, n);
        }
        if (!m_authenticating && m_swallow == 0) {
            m_toClient += plain;
            return true;
        }
        if (!m_authenticating) {
            m_serverBuffer += plain;
            while (m_swallow > 0 && m_serverBuffer.size() >= 4) {
                const auto *p = reinterpret_cast<const uchar *>(m_serverBuffer.constData());
                const qsizetype len = qsizetype(p[0]) | qsizetype(p[1]) << 8 | qsizetype(p[2]) << 16;
                if (m_serverBuffer.size() < 4 + len)
                    break;
                if (len > 0 && p[4] == 0xFF) {
                    // The server refused what the driver was told had worked: the two no longer
                    // agree on the connection's state, so the connection ends here (the console
                    // reconnects) rather than go on with a wrong character set or database.
                    qCWarning(lcDb) << "relay: the server refused a command answered ahead; closing";
                    m_done = true;
                    return false;
                }
                m_serverBuffer.remove(0, 4 + len);
                --m_swallow;
            }
            if (m_swallow == 0) {
                m_toClient += m_serverBuffer;
                m_serverBuffer.clear();
            }
            return true;
        }
        m_serverBuffer += plain;
        while (m_authenticating && m_serverBuffer.size() >= 4) {
            const auto *p = reinterpret_cast<const uchar *>(m_serverBuffer.constData());
            const qsizetype len = qsizetype(p[0]) | qsizetype(p[1]) << 8 | qsizetype(p[2]) << 16;
            if (m_serverBuffer.size() < 4 + len)
                break;
            QByteArray pk = m_serverBuffer.left(4 + len);
            m_serverBuffer.remove(0, 4 + len);
            const quint8 sequence = quint8(quint8(pk[3]) - m_delta);
            pk[3] = char(sequence);
            const uchar kind = len > 0 ? uchar(pk[4]) : 0;
            if (kind == 0xFE) {
                // An authentication switch: the method the server now wants, up to a NUL.
                QByteArray plugin = pk.mid(5);
                const qsizetype nul = plugin.indexOf('\0');
                if (nul >= 0)
                    plugin.truncate(nul);
                if (!pluginAllowed(plugin, m_tls)) {
                    TlsProbeResult r;
                    r.outcome = Outcome::AuthRefused;
                    r.detail = QStringLiteral("authentication switch to \"%1\"").arg(QString::fromLatin1(plugin.left(64)));
                    r.message = m_tls
                        ? MySqlRelay::tr("The server asked for the password in clear text (%1): refused; the password "
                                         "was not sent. Use an account with mysql_native_password or ed25519.")
                              .arg(QString::fromLatin1(plugin.left(64)))
                        : MySqlRelay::tr("Without TLS the server asked for an authentication method (%1) that would "
                                         "send the password readable on the network: refused; the password was not "
                                         "sent. Connect with TLS (Require TLS), or use an account with "
                                         "mysql_native_password or ed25519.")
                              .arg(QString::fromLatin1(plugin.left(64)));
                    qCInfo(lcDb) << "relay: refused during login:" << r.detail;
                    m_refuse(r); // before the driver hears of it: Connector reads it on failure
                    m_refused = true;
                    m_toClient += errorPacket(ErrAuthPlugin, r.message, sequence);
                    flushToClient();
                    m_done = true;
                    return false;
                }
            } else if (kind == 0x00 || kind == 0xFF) {
                m_authenticating = false; // logged in, or refused: plain copying from here on
            }
            m_toClient += pk;
        }
        if (!m_authenticating && !m_serverBuffer.isEmpty()) {
            m_toClient += m_serverBuffer;
            m_serverBuffer.clear();
        }
        return !m_done;
    }

    int m_client;
    MySqlUpstream *m_up;
    int m_stop;
    bool m_tls;
    quint8 m_delta;
    bool m_authenticating = true;
    bool m_firstClientPacket = true;
    bool m_done = false;
    bool m_refused = false;
    bool m_quitting = false;
    QByteArray m_loginDatabase; // the database the login selected (the handshake response's)
    int m_swallow = 0; // answers of the server to drop: those the relay gave ahead
    // Qt's driver prepares "SELECT ? + ?" after every login to learn whether the server can
    // prepare statements, and closes it at once: a round trip to a far server for an answer every
    // MySQL since 4.1 and every MariaDB gives. The relay answers it itself (see above).
    static constexpr QByteArrayView ProbeStatement = "SELECT ? + ?";
    bool m_probeOpen = false;
    bool m_answersProbe = false; // the client reads the answer as written above (see answersProbe)

    // The probe's answer above is written for the protocol Qt's driver (libmariadb) speaks with
    // every server: definitions ended by EOF packets, no MariaDB extended metadata. A client that
    // asked for either gets the server's own answer.
    static bool answersProbe(const QByteArray &pk)
    {
        constexpr quint32 ClientMySql = 0x00000001;
        constexpr quint32 ClientProtocol41 = 0x00000200;
        constexpr quint32 DeprecateEof = 0x01000000;
        constexpr quint32 MariaDbExtendedMetadata = 0x00000008; // in MariaDB's extended capabilities
        if (pk.size() < 4 + 32)
            return false;
        const auto *p = reinterpret_cast<const uchar *>(pk.constData()) + 4;
        auto u32 = [p](int at) { return quint32(p[at]) | quint32(p[at + 1]) << 8 | quint32(p[at + 2]) << 16 | quint32(p[at + 3]) << 24; };
        const quint32 caps = u32(0);
        if (!(caps & ClientProtocol41) || (caps & DeprecateEof))
            return false;
        return (caps & ClientMySql) || !(u32(28) & MariaDbExtendedMetadata);
    }

    // Two commands the driver sends after every login and waits for, each a round trip to a
    // server far away, whose answer is known before it comes:
    // - "SET NAMES utf8mb4" (Qt's driver, through mysql_set_character_set): every MySQL since
    //   5.5.3 and every MariaDB has the character set, so the answer is OK;
    // - COM_INIT_DB of the database the login itself selected (Qt's driver, mysql_select_db): the
    //   login succeeded with it, so selecting it again is OK.
    // The relay answers OK at once and still sends the command; the server's answer, when it
    // comes, is dropped. Should the server refuse after all, the connection is closed.
    bool answersAhead(const QByteArray &command) const
    {
        const char kind = command.at(0);
        const QByteArray rest = command.mid(1);
        if (kind == 0x03)
            return rest == "SET NAMES utf8mb4";
        if (kind == 0x02)
            return !m_loginDatabase.isEmpty() && rest == m_loginDatabase;
        return false;
    }

    // The database named in the driver's handshake response (HandshakeResponse41), if any.
    static QByteArray loginDatabase(const QByteArray &pk)
    {
        constexpr quint32 ConnectWithDb = 0x00000008;
        constexpr quint32 SecureConnection = 0x00008000;
        constexpr quint32 LenencClientData = 0x00200000;
        const auto *p = reinterpret_cast<const uchar *>(pk.constData());
        const qsizetype n = pk.size();
        if (n < 4 + 32)
            return {};
        const quint32 caps = quint32(p[4]) | quint32(p[5]) << 8 | quint32(p[6]) << 16 | quint32(p[7]) << 24;
        if (!(caps & ConnectWithDb))
            return {};
        qsizetype at = 4 + 32; // capabilities, max packet, character set, 23 reserved bytes
        const qsizetype userEnd = pk.indexOf('\0', at);
        if (userEnd < 0)
            return {};
        at = userEnd + 1;
        if (at >= n)
            return {};
        qsizetype authLength = 0;
        if (caps & LenencClientData) {
            if (p[at] >= 0xFB)
                return {}; // a length this long is no password hash: leave the packet alone
            authLength = p[at++];
        } else if (caps & SecureConnection) {
            authLength = p[at++];
        } else {
            const qsizetype end = pk.indexOf('\0', at);
            if (end < 0)
                return {};
            authLength = end - at + 1;
        }
        at += authLength;
        if (at >= n)
            return {};
        const qsizetype dbEnd = pk.indexOf('\0', at);
        return dbEnd > at ? pk.mid(at, dbEnd - at) : QByteArray();
    }
    QByteArray m_toClient, m_toServer, m_clientBuffer, m_serverBuffer, m_commandBuffer;
    qsizetype m_passRemaining = 0; // bytes of the driver's current packet still to pass on
    std::function<void(const TlsProbeResult &)> m_refuse;
};
} // namespace

namespace {
// The greeting as the driver sees it: no TLS on offer (the relay takes care of it), and a first
// authentication method that does not expose the password.
QByteArray driverGreeting(QByteArray greeting, bool tls)
{
    qsizetype caps = -1;
    const qsizetype pluginAt = greetingPluginOffset(greeting, &caps);
    if (caps >= 0 && caps + 1 < greeting.size())
        greeting[caps + 1] = char(uchar(greeting[caps + 1]) & ~uchar(ClientSsl >> 8));
    // MariaDB's extended column metadata (JSON and geometry subtypes, which Qt's driver does not
    // read) off: column definitions then have the one layout the relay's probe answer uses.
    constexpr uchar ClientMySql = 0x01; // set by MySQL; MariaDB clears it and has extended capabilities
    constexpr uchar ExtendedMetadata = 0x08;
    if (caps >= 0 && caps + 17 < greeting.size() && !(uchar(greeting[caps]) & ClientMySql))
        greeting[caps + 14] = char(uchar(greeting[caps + 14]) & ~ExtendedMetadata);
    if (pluginAt >= 0) {
        QByteArray plugin = greeting.mid(pluginAt);
        const qsizetype nul = plugin.indexOf('\0');
        if (nul >= 0)
            plugin.truncate(nul);
        if (!pluginAllowed(plugin, tls))
            greeting = greeting.left(pluginAt) + QByteArray("mysql_native_password") + '\0';
    }
    return greeting;
}

// Reads one whole packet from the driver within timeoutMs; empty on failure.
QByteArray readPacket(int fd, int timeoutMs)
{
    QByteArray buf;
    QDeadlineTimer deadline(timeoutMs);
    qsizetype need = 4;
    while (buf.size() < need) {
        pollfd p { fd, POLLIN, 0 };
        if (::poll(&p, 1, int(std::max<qint64>(0, deadline.remainingTime()))) != 1)
            return {};
        char chunk[4096];
        const ssize_t n = ::recv(fd, chunk, size_t(std::min<qsizetype>(qsizetype(sizeof chunk), need - buf.size())), 0);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
            return {};
        if (n > 0)
            buf.append(chunk, int(n));
        if (buf.size() >= 4 && need == 4) {
            const auto *h = reinterpret_cast<const uchar *>(buf.constData());
            need = 4 + (qsizetype(h[0]) | qsizetype(h[1]) << 8 | qsizetype(h[2]) << 16);
        }
    }
    return buf;
}

bool sendAll(int fd, const QByteArray &bytes, int timeoutMs)
{
    QByteArray pending = bytes;
    QDeadlineTimer deadline(timeoutMs);
    while (!pending.isEmpty()) {
        pollfd p { fd, POLLOUT, 0 };
        if (::poll(&p, 1, int(std::max<qint64>(0, deadline.remainingTime()))) != 1)
            return false;
        const ssize_t n = ::send(fd, pending.constData(), size_t(pending.size()), MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EINTR)
            return false;
        if (n > 0)
            pending.remove(0, n);
    }
    return true;
}
} // namespace

void MySqlRelay::serve(int clientFd)
{
    const int timeoutMs = m_timeoutSeconds * 1000;
    MySqlUpstream up;
    QByteArray login; // the driver's first login packet, held here until the server is verified
    bool greeted = false;
    const auto greet = [&](const QByteArray &greeting, quint8 sequence) -> QByteArray {
        if (!sendAll(clientFd, packet(driverGreeting(greeting, m_tls), sequence), timeoutMs))
            return {};
        greeted = true;
        login = readPacket(clientFd, timeoutMs);
        return login.size() >= 4 ? login.mid(4) : QByteArray();
    };
    // The node in use first; for a cluster, then the others in order, while nothing answers.
    ConnectionProfile node;
    {
        std::lock_guard lock(m_refusalMutex);
        node = m_profile;
    }
    QList<ConnectionProfile> candidates { node };
    for (const ConnectionProfile &n : std::as_const(m_nodes))
        if (n.host != node.host || n.effectivePort() != node.effectivePort())
            candidates << n;
    TlsProbeResult r;
    const Outcome wanted = m_tls ? Outcome::Verified : Outcome::Plaintext;
    for (const ConnectionProfile &candidate : std::as_const(candidates)) {
        r = m_tls ? TlsProbe::establish(candidate, m_timeoutSeconds, true, &up, greet, m_upstream)
                  : TlsProbe::establish(candidate, m_timeoutSeconds, false, &up, {}, m_upstream);
        // Only a node that does not answer at all is passed over; any other refusal is final.
        if (r.outcome == Outcome::Unreachable && !greeted)
            continue;
        if (r.outcome == wanted && (candidate.host != node.host || candidate.effectivePort() != node.effectivePort())) {
            std::lock_guard lock(m_refusalMutex);
            m_profile = candidate;
            qCInfo(lcDb) << "relay: moved to cluster node" << candidate.host << candidate.effectivePort();
        }
        break;
    }
    const bool established = m_tls ? r.outcome == Outcome::Verified : r.outcome == Outcome::Plaintext;
    if (established) {
        QString version = r.serverVersion;
        if (version.startsWith(QLatin1String("5.5.5-")))
            version = version.mid(6);
        std::lock_guard lock(m_refusalMutex);
        m_serverVersion = version;
    }
    if (!established) {
        refuse(r);
        qCInfo(lcDb) << "relay: refused before login:" << node.displayName() << r.detail;
        // The driver hears the reason as a server error, in the sequence it expects next.
        const quint8 sequence = greeted && login.size() >= 4 ? quint8(quint8(login[3]) + 1) : 0;
        const int code = r.outcome == Outcome::ServerRefused ? r.serverErrorCode : ErrSslConnection;
        sendAll(clientFd, errorPacket(code, r.message, sequence), 1000);
        ::shutdown(clientFd, SHUT_WR);
        char sink[256];
        pollfd q { clientFd, POLLIN, 0 };
        if (::poll(&q, 1, 1000) == 1)
            (void)::recv(clientFd, sink, sizeof sink, 0);
        ::close(clientFd);
        return;
    }
    if (!m_tls && !sendAll(clientFd, packet(driverGreeting(up.greeting, false), up.greetingSequence), timeoutMs)) {
        ::close(clientFd);
        return;
    }
    ++m_relayed;
    {
        std::lock_guard lock(m_refusalMutex);
        m_lastRefusal.reset();
    }
    m_upstreamLost = false;
    Session session(clientFd, &up, m_socket.stopFd(), m_tls);
    if (session.run([this](const TlsProbeResult &why) { refuse(why); }, login)) {
        m_upstreamLost = true;
        qCInfo(lcDb) << "relay: the server closed the connection:" << currentNode();
    }
    ::close(clientFd);
}
