#include "connection/TlsProbe.h"

#include "audit/Log.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
// Capability flags of the MySQL client/server protocol (include/mysql_com.h).
constexpr quint32 ClientLongPassword = 0x00000001; // MariaDB reads it as CLIENT_MYSQL
constexpr quint32 ClientProtocol41 = 0x00000200;
constexpr quint32 ClientSsl = 0x00000800;
constexpr quint32 ClientSecureConnection = 0x00008000;
constexpr quint8 ProtocolVersion10 = 10;
constexpr quint8 Utf8mb4GeneralCi = 45;
constexpr int MaxGreetingLength = 64 * 1024; // a real greeting is about 100 bytes

using Outcome = TlsProbeResult::Outcome;

TlsProbeResult result(Outcome o, const QString &message, const QString &detail = {})
{
    TlsProbeResult r;
    r.outcome = o;
    r.message = message;
    r.detail = detail;
    return r;
}

QString openSslErrors()
{
    QStringList parts;
    while (const unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        parts << QString::fromLatin1(buf);
    }
    return parts.join(QStringLiteral("; "));
}

int remainingMs(const QDeadlineTimer &deadline)
{
    const qint64 ms = deadline.remainingTime();
    return ms < 0 ? 0 : int(std::min<qint64>(ms, 60000));
}

// A non-blocking TCP socket whose every wait is bounded by one deadline. Writes use MSG_NOSIGNAL:
// a server that hangs up must not kill the process with SIGPIPE.
class Socket final {
public:
    explicit Socket(QDeadlineTimer deadline)
        : m_deadline(deadline)
    {
    }
    ~Socket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;

    // A connection opened elsewhere (an SSH channel's local end).
    void adopt(int fd, const QString &peer)
    {
        m_fd = fd;
        m_peer = peer;
    }

    // Tries every address the name resolves to, in order; error receives the last reason.
    bool connectTo(const QString &host, int port, QString *error, bool *resolveFailed)
    {
        addrinfo hints {};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_ADDRCONFIG;
        addrinfo *list = nullptr;
        const QByteArray node = QUrl::toAce(host).isEmpty() ? host.toUtf8() : QUrl::toAce(host);
        const QByteArray service = QByteArray::number(port);
        const int rc = ::getaddrinfo(node.constData(), service.constData(), &hints, &list);
        if (rc != 0) {
            *resolveFailed = true;
            *error = QString::fromLocal8Bit(::gai_strerror(rc));
            return false;
        }
        std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> guard(list, &::freeaddrinfo);
        *error = QStringLiteral("no address");
        for (addrinfo *a = list; a; a = a->ai_next) {
            const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
            if (fd < 0) {
                *error = QString::fromLocal8Bit(std::strerror(errno));
                continue;
            }
            if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0 || (errno == EINPROGRESS && waitConnected(fd, error))) {
                m_fd = fd;
                // A relayed query is a small write waiting for its answer: without this, Nagle's
                // algorithm and the server's delayed ACK hold many of them back ~40 ms each.
                const int one = 1;
                ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                char buf[INET6_ADDRSTRLEN] = {};
                const void *addr = a->ai_family == AF_INET6
                    ? static_cast<const void *>(&reinterpret_cast<const sockaddr_in6 *>(a->ai_addr)->sin6_addr)
                    : static_cast<const void *>(&reinterpret_cast<const sockaddr_in *>(a->ai_addr)->sin_addr);
                if (::inet_ntop(a->ai_family, addr, buf, sizeof buf))
                    m_peer = QString::fromLatin1(buf);
                return true;
            }
            if (errno != EINPROGRESS)
                *error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            if (m_deadline.hasExpired())
                break;
        }
        return false;
    }

    bool readExact(char *out, qsizetype n, QString *error)
    {
        qsizetype got = 0;
        while (got < n) {
            if (!waitFor(POLLIN, error))
                return false;
            const ssize_t r = ::recv(m_fd, out + got, size_t(n - got), 0);
            if (r == 0) {
                *error = QStringLiteral("the server closed the connection");
                return false;
            }
            if (r < 0) {
                if (errno == EAGAIN || errno == EINTR)
                    continue;
                *error = QString::fromLocal8Bit(std::strerror(errno));
                return false;
            }
            got += r;
        }
        return true;
    }

    // Whatever is there (at least one byte), up to max.
    qsizetype readSome(char *out, qsizetype max, QString *error)
    {
        for (;;) {
            if (!waitFor(POLLIN, error))
                return -1;
            const ssize_t r = ::recv(m_fd, out, size_t(max), 0);
            if (r == 0) {
                *error = QStringLiteral("the server closed the connection");
                return -1;
            }
            if (r > 0)
                return r;
            if (errno != EAGAIN && errno != EINTR) {
                *error = QString::fromLocal8Bit(std::strerror(errno));
                return -1;
            }
        }
    }

    bool writeAll(const char *data, qsizetype n, QString *error)
    {
        qsizetype sent = 0;
        while (sent < n) {
            if (!waitFor(POLLOUT, error))
                return false;
            const ssize_t r = ::send(m_fd, data + sent, size_t(n - sent), MSG_NOSIGNAL);
            if (r < 0) {
                if (errno == EAGAIN || errno == EINTR)
                    continue;
                *error = QString::fromLocal8Bit(std::strerror(errno));
                return false;
            }
            sent += r;
        }
        return true;
    }

    bool timedOut() const { return m_timedOut; }
    QString peer() const { return m_peer; }
    // Hands the connected descriptor over (to a relay); the Socket no longer closes it.
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    bool waitConnected(int fd, QString *error)
    {
        const int saved = m_fd;
        m_fd = fd;
        const bool ready = waitFor(POLLOUT, error);
        m_fd = saved;
        if (!ready)
            return false;
        int soError = 0;
        socklen_t len = sizeof soError;
        if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len) != 0 || soError != 0) {
            *error = QString::fromLocal8Bit(std::strerror(soError ? soError : errno));
            return false;
        }
        return true;
    }

    bool waitFor(short events, QString *error)
    {
        for (;;) {
            pollfd p { m_fd, events, 0 };
            const int r = ::poll(&p, 1, remainingMs(m_deadline));
            if (r > 0)
                return true; // errors and hang-ups show up in the recv/send that follows
            if (r == 0) {
                m_timedOut = true;
                *error = QStringLiteral("timed out");
                return false;
            }
            if (errno != EINTR) {
                *error = QString::fromLocal8Bit(std::strerror(errno));
                return false;
            }
        }
    }

    QDeadlineTimer m_deadline;
    int m_fd = -1;
    bool m_timedOut = false;
    QString m_peer;
};

struct Greeting {
    bool isError = false;
    int errorCode = 0;
    QString errorText;
    QString serverVersion;
    quint32 capabilities = 0;
    quint8 sequence = 0;
};



quint32 le16(const uchar *p)
{
    return quint32(p[0]) | quint32(p[1]) << 8;
}

// Parses the first packet a MySQL/MariaDB server sends: the protocol 10 greeting, or an error packet.
bool parseGreeting(const QByteArray &payload, quint8 sequence, Greeting *g)
{
    const auto *p = reinterpret_cast<const uchar *>(payload.constData());
    const qsizetype n = payload.size();
    g->sequence = sequence;
    if (n >= 3 && p[0] == 0xFF) {
        g->isError = true;
        g->errorCode = int(le16(p + 1));
        qsizetype text = 3;
        if (n > 9 && p[3] == '#')
            text = 9; // a SQL state follows the marker
        g->errorText = QString::fromUtf8(payload.mid(text)).left(500);
        return true;
    }
    if (n < 1 || p[0] != ProtocolVersion10)
        return false;
    const qsizetype nul = payload.indexOf('\0', 1);
    if (nul < 0)
        return false;
    g->serverVersion = QString::fromUtf8(payload.mid(1, nul - 1)).left(100);
    // connection id (4), auth data part 1 (8), filler (1), then the lower capability flags (2).
    const qsizetype caps = nul + 1 + 4 + 8 + 1;
    if (n < caps + 2)
        return false;
    g->capabilities = le16(p + caps);
    if (n >= caps + 2 + 1 + 2 + 2)
        g->capabilities |= le16(p + caps + 5) << 16;
    return true;
}

QStringList certificateNames(X509 *cert)
{
    QStringList names;
    auto *sans = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
    if (sans) {
        for (int i = 0; i < sk_GENERAL_NAME_num(sans); ++i) {
            const GENERAL_NAME *gn = sk_GENERAL_NAME_value(sans, i);
            if (gn->type == GEN_DNS) {
                const ASN1_STRING *s = gn->d.dNSName;
                names << QString::fromLatin1(
                    reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
            } else if (gn->type == GEN_IPADD) {
                const ASN1_STRING *s = gn->d.iPAddress;
                const int len = ASN1_STRING_length(s);
                char buf[INET6_ADDRSTRLEN] = {};
                if ((len == 4 || len == 16)
                    && ::inet_ntop(len == 4 ? AF_INET : AF_INET6, ASN1_STRING_get0_data(s), buf, sizeof buf))
                    names << QString::fromLatin1(buf);
            }
        }
        GENERAL_NAMES_free(sans);
    }
    if (names.isEmpty()) {
        X509_NAME *subject = X509_get_subject_name(cert);
        const int idx = subject ? X509_NAME_get_index_by_NID(subject, NID_commonName, -1) : -1;
        if (idx >= 0) {
            const ASN1_STRING *s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, idx));
            unsigned char *utf8 = nullptr;
            const int len = ASN1_STRING_to_UTF8(&utf8, s);
            if (len >= 0)
                names << QString::fromUtf8(reinterpret_cast<const char *>(utf8), len);
            OPENSSL_free(utf8);
        }
    }
    return names;
}

bool isIpAddress(const QString &host)
{
    const QByteArray h = host.toLatin1();
    unsigned char buf[16];
    return ::inet_pton(AF_INET, h.constData(), buf) == 1 || ::inet_pton(AF_INET6, h.constData(), buf) == 1;
}

bool certificateNamesHost(X509 *cert, const QString &host)
{
    if (isIpAddress(host))
        return X509_check_ip_asc(cert, host.toLatin1().constData(), 0) == 1;
    const QByteArray ace = QUrl::toAce(host);
    const QByteArray name = ace.isEmpty() ? host.toUtf8() : ace;
    return X509_check_host(cert, name.constData(), size_t(name.size()), X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr)
        == 1;
}

struct SslCtxDeleter {
    void operator()(SSL_CTX *c) const { SSL_CTX_free(c); }
};
struct SslDeleter {
    void operator()(SSL *s) const { SSL_free(s); }
};
} // namespace

QString TlsProbe::systemCaFile()
{
    const QString file = QString::fromLocal8Bit(X509_get_default_cert_file());
    return QFileInfo(file).isReadable() ? file : QString();
}

TlsProbeResult TlsProbe::probe(const ConnectionProfile &p, int timeoutSeconds)
{
    MySqlUpstream session;
    TlsProbeResult r = establish(p, timeoutSeconds, true, &session, {});
    if (r.ok() && session.ssl) {
        // A polite close_notify; the connection ends here, before any credentials.
        SSL_shutdown(session.ssl);
        char buf[4096];
        for (int n; (n = BIO_read(session.out, buf, sizeof buf)) > 0;)
            (void)::send(session.fd, buf, size_t(n), MSG_NOSIGNAL);
    }
    return r;
}

MySqlUpstream::~MySqlUpstream()
{
    if (ssl)
        SSL_free(ssl); // frees both memory BIOs with it
    if (ctx)
        SSL_CTX_free(ctx);
    if (fd >= 0)
        ::close(fd);
}

TlsProbeResult TlsProbe::establish(const ConnectionProfile &p, int timeoutSeconds, bool useTls, MySqlUpstream *session,
    const SslRequestSource &sslRequest, const UpstreamOpener &opener)
{
    const QString where = QStringLiteral("%1:%2").arg(p.host).arg(p.effectivePort());
    if (!p.unixSocket.isEmpty() && (!opener || useTls))
        return result(Outcome::NotApplicable,
            tr("TLS is not used on a Unix socket: the connection to %1 stays on this computer. Clear \"Require TLS\" "
               "for this connection, or connect by host and port to use TLS.")
                .arg(QDir::toNativeSeparators(p.unixSocket)));

    const QDeadlineTimer deadline(qint64(std::max(1, timeoutSeconds)) * 1000);
    Socket socket(deadline);
    QString why;
    bool resolveFailed = false;
    if (opener) {
        const int fd = opener(&why);
        if (fd < 0)
            return result(Outcome::Unreachable, why);
        socket.adopt(fd, p.unixSocket.isEmpty() ? p.host : p.unixSocket);
    } else if (!socket.connectTo(p.host, p.effectivePort(), &why, &resolveFailed)) {
        if (resolveFailed)
            return result(Outcome::Unreachable,
                tr("The host name \"%1\" could not be found. Check its spelling and the network connection.")
                    .arg(p.host.left(100)),
                why);
        return result(Outcome::Unreachable,
            tr("No database server answered at %1. Check the host and port, that the server is running, and that no "
               "firewall blocks the connection.")
                .arg(where),
            why);
    }

    // The greeting: a 4-byte header (3-byte length, sequence id), then the payload.
    const QString notMySql = tr("Something answered at %1, but not as a MySQL or MariaDB server does. Check the "
                                "port; the password was not sent.")
                                 .arg(where);
    char header[4];
    if (!socket.readExact(header, 4, &why)) {
        if (socket.timedOut())
            return result(Outcome::Unreachable,
                tr("The server at %1 accepted the connection but sent no greeting within the timeout (%2 s). Check "
                   "that a MySQL or MariaDB server listens on this port; the password was not sent.")
                    .arg(where)
                    .arg(timeoutSeconds),
                why);
        return result(Outcome::NotMySql, notMySql, why);
    }
    const int length = int(uchar(header[0])) | int(uchar(header[1])) << 8 | int(uchar(header[2])) << 16;
    if (length < 1 || length > MaxGreetingLength)
        return result(Outcome::NotMySql, notMySql, QStringLiteral("greeting of %1 bytes").arg(length));
    QByteArray payload(length, Qt::Uninitialized);
    if (!socket.readExact(payload.data(), length, &why))
        return result(Outcome::NotMySql, notMySql, why);
    Greeting g;
    if (!parseGreeting(payload, quint8(header[3]), &g))
        return result(Outcome::NotMySql, notMySql, QStringLiteral("not a protocol 10 greeting"));
    if (g.isError) {
        TlsProbeResult r = result(Outcome::ServerRefused, g.errorText, g.errorText);
        r.serverErrorCode = g.errorCode;
        return r;
    }
    if (session) {
        session->greeting = payload;
        session->greetingSequence = g.sequence;
        session->serverCapabilities = g.capabilities;
    }
    if (!useTls) {
        TlsProbeResult r;
        r.outcome = Outcome::Plaintext;
        r.serverVersion = g.serverVersion;
        r.peerAddress = socket.peer();
        if (session)
            session->fd = socket.release();
        return r;
    }
    if (!(g.capabilities & ClientSsl)) {
        TlsProbeResult r = result(Outcome::TlsNotOffered,
            tr("The server at %1 does not offer TLS, but this connection requires it: refused; the password was not "
               "sent. Enable TLS on the server (ssl_cert and ssl_key), or connect through a trusted network.")
                .arg(where),
            QStringLiteral("server capabilities 0x%1 lack CLIENT_SSL").arg(g.capabilities, 8, 16, QLatin1Char('0')));
        r.serverVersion = g.serverVersion;
        return r;
    }

    // SSL request: the first 32 bytes of a HandshakeResponse41, with no user name and no password.
    // A relay takes them from the driver's own login packet (its capabilities, MariaDB's extended
    // ones in the filler included), so that the server and the driver agree on the protocol.
    const quint32 caps
        = ((ClientLongPassword | ClientProtocol41 | ClientSecureConnection) & g.capabilities) | ClientSsl;
    QByteArray request(4 + 32, '\0');
    request[0] = 32;
    request[3] = char(quint8(g.sequence + 1));
    for (int i = 0; i < 4; ++i)
        request[4 + i] = char((caps >> (8 * i)) & 0xFF);
    request[8 + 3] = 0x01; // max packet size 16 MiB, little-endian
    request[12] = char(Utf8mb4GeneralCi);
    if (sslRequest) {
        const QByteArray login = sslRequest(payload, g.sequence);
        if (login.size() < 32)
            return result(Outcome::HandshakeFailed,
                tr("The database driver did not start its login through the verified connection; the password was "
                   "not sent."),
                QStringLiteral("login packet of %1 bytes").arg(login.size()));
        request.replace(4, 32, login.left(32));
        request[5] = char(uchar(request[5]) | uchar(ClientSsl >> 8));
    }
    if (!socket.writeAll(request.constData(), request.size(), &why))
        return result(Outcome::NotMySql, notMySql, why);

    // The TLS handshake, through memory BIOs so that every byte goes through the bounded socket.
    ERR_clear_error();
    std::unique_ptr<SSL_CTX, SslCtxDeleter> ctx(SSL_CTX_new(TLS_client_method()));
    if (!ctx)
        return result(Outcome::HandshakeFailed,
            tr("TLS could not be set up on this computer (OpenSSL failed); the password was not sent."),
            openSslErrors());
    SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr); // checked below, to say what is wrong
    const bool ownCa = !p.tls.caFile.isEmpty();
    if (ownCa) {
        const QByteArray caPath = QFile::encodeName(p.tls.caFile);
        if (SSL_CTX_load_verify_locations(ctx.get(), caPath.constData(), nullptr) != 1)
            return result(Outcome::BadCaFile,
                tr("The CA file %1 holds no certificate that can be read. Choose the PEM file of the certificate "
                   "authority that signed the server's certificate.")
                    .arg(QDir::toNativeSeparators(p.tls.caFile)),
                openSslErrors());
    } else if (SSL_CTX_set_default_verify_paths(ctx.get()) != 1) {
        return result(Outcome::HandshakeFailed,
            tr("This computer's certificate store could not be read; choose the CA file for this server. The "
               "password was not sent."),
            openSslErrors());
    }
    // A client certificate (REQUIRE X509 accounts) is presented by this same TLS session: it is
    // the one that carries the login.
    if (!p.tls.certFile.isEmpty() || !p.tls.keyFile.isEmpty()) {
        const QByteArray cert = QFile::encodeName(p.tls.certFile.isEmpty() ? p.tls.keyFile : p.tls.certFile);
        const QByteArray key = QFile::encodeName(p.tls.keyFile.isEmpty() ? p.tls.certFile : p.tls.keyFile);
        if (SSL_CTX_use_certificate_chain_file(ctx.get(), cert.constData()) != 1
            || SSL_CTX_use_PrivateKey_file(ctx.get(), key.constData(), SSL_FILETYPE_PEM) != 1
            || SSL_CTX_check_private_key(ctx.get()) != 1)
            return result(Outcome::BadCaFile,
                tr("The client certificate %1 or its key %2 cannot be used (unreadable, protected by a passphrase, "
                   "or not a matching pair). Choose the PEM files of this computer's certificate and its key.")
                    .arg(QDir::toNativeSeparators(p.tls.certFile), QDir::toNativeSeparators(p.tls.keyFile)),
                openSslErrors());
    }
    std::unique_ptr<SSL, SslDeleter> ssl(SSL_new(ctx.get()));
    BIO *in = BIO_new(BIO_s_mem());
    BIO *out = BIO_new(BIO_s_mem());
    if (!ssl || !in || !out) {
        BIO_free(in);
        BIO_free(out);
        return result(Outcome::HandshakeFailed,
            tr("TLS could not be set up on this computer (OpenSSL failed); the password was not sent."),
            openSslErrors());
    }
    SSL_set_bio(ssl.get(), in, out); // ssl owns both now
    SSL_set_connect_state(ssl.get());
    if (!isIpAddress(p.host)) {
        QByteArray name = QUrl::toAce(p.host);
        if (name.isEmpty())
            name = p.host.toUtf8();
        SSL_set_tlsext_host_name(ssl.get(), name.data());
    }

    auto flush = [&]() {
        char buf[16384];
        for (;;) {
            const int n = BIO_read(out, buf, sizeof buf);
            if (n <= 0)
                return true;
            if (!socket.writeAll(buf, n, &why))
                return false;
        }
    };
    const QString handshakeFailed
        = tr("The TLS handshake with the server at %1 failed: refused; the password was not sent. Check the "
             "server's TLS settings (ssl_cert, ssl_key) and its log.")
              .arg(where);
    for (;;) {
        const int rc = SSL_do_handshake(ssl.get());
        if (!flush())
            return result(Outcome::HandshakeFailed, handshakeFailed, why);
        if (rc == 1)
            break;
        const int err = SSL_get_error(ssl.get(), rc);
        if (err != SSL_ERROR_WANT_READ) {
            const QString detail = openSslErrors();
            return result(Outcome::HandshakeFailed, handshakeFailed, detail.isEmpty() ? why : detail);
        }
        char buf[16384];
        const qsizetype n = socket.readSome(buf, sizeof buf, &why);
        if (n < 0)
            return result(Outcome::HandshakeFailed, handshakeFailed, why);
        BIO_write(in, buf, int(n));
    }

    X509 *cert = SSL_get0_peer_certificate(ssl.get());
    TlsProbeResult r;
    r.serverVersion = g.serverVersion;
    r.peerAddress = socket.peer();
    if (!cert)
        return result(Outcome::Untrusted,
            tr("The server at %1 presented no certificate: refused; the password was not sent.").arg(where));
    r.certificateNames = certificateNames(cert);
    const long verify = SSL_get_verify_result(ssl.get());
    if (verify != X509_V_OK) {
        QString reason;
        switch (verify) {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            reason = tr("it has expired");
            break;
        case X509_V_ERR_CERT_NOT_YET_VALID:
            reason = tr("it is not valid yet");
            break;
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
            reason = ownCa ? tr("it is not signed by the certificate authority in %1")
                                 .arg(QDir::toNativeSeparators(p.tls.caFile))
                           : tr("it is not signed by any certificate authority this computer trusts; choose the "
                                "CA file that signed it");
            break;
        default:
            reason = tr("OpenSSL reports \"%1\"").arg(QString::fromLatin1(X509_verify_cert_error_string(verify)));
            break;
        }
        r.outcome = Outcome::Untrusted;
        r.message = tr("The certificate of the server at %1 is not trusted: %2. Refused; the password was not sent.")
                        .arg(where, reason);
        r.detail = QString::fromLatin1(X509_verify_cert_error_string(verify));
        return r;
    }
    if (!certificateNamesHost(cert, p.host)) {
        const QString names = r.certificateNames.isEmpty() ? tr("no host name") : r.certificateNames.join(QStringLiteral(", "));
        r.outcome = Outcome::WrongHost;
        r.message = tr("The certificate of the server at %1 is for %2, not %3: refused; the password was not sent. "
                       "Connect with a name the certificate lists, or have a certificate issued for %3.")
                        .arg(where, names, p.host);
        r.detail = QStringLiteral("certificate names: %1").arg(names);
        return r;
    }

    r.outcome = Outcome::Verified;
    if (session) {
        session->fd = socket.release();
        session->ctx = ctx.release();
        session->ssl = ssl.release();
        session->in = in;
        session->out = out;
    }
    qCDebug(lcDb) << "TLS probe verified" << where << "names" << r.certificateNames;
    return r;
}
