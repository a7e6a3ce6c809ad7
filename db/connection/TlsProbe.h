#pragma once

#include "connection/ConnectionProfile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

// What a TLS probe found out about the server at a profile's host and port.
struct TlsProbeResult {
    enum class Outcome {
        Verified, // TLS offered, chain trusted, certificate names this host: safe to send the password
        NotApplicable, // a Unix socket: TLS is not used on a local socket
        Unreachable, // nothing answered in time, or the name does not resolve
        NotMySql, // something answered, but not with a MySQL/MariaDB greeting
        ServerRefused, // the server sent an error instead of its greeting (e.g. host not allowed)
        TlsNotOffered, // the greeting does not offer TLS (CLIENT_SSL)
        Untrusted, // the chain does not lead to the CA file (or the system store), or has expired
        WrongHost, // trusted chain, but the certificate names other hosts
        HandshakeFailed, // the TLS handshake itself failed
        BadCaFile, // the profile's CA file (or client certificate) holds nothing usable
        Plaintext, // establish() without TLS: a MySQL greeting arrived, no TLS asked for
        AuthRefused, // the server asked for an authentication method that would expose the password
    };
    Outcome outcome = Outcome::HandshakeFailed;
    QString message; // a sentence a person can act on (through tr())
    QString detail; // OpenSSL's or the socket's own words, for "show details"
    QString serverVersion; // from the greeting, when one arrived
    QStringList certificateNames; // DNS and IP names of the server certificate (its CN when it has none)
    int serverErrorCode = 0; // ServerRefused: the server's error number (1129, 1130, ...)
    // The numeric address that answered. The driver connects to exactly this address afterwards:
    // no second name lookup can lead it elsewhere, and "localhost" stays TCP (the MySQL client
    // library would otherwise take it to mean the local Unix socket, where TLS is not used).
    QString peerAddress;
    bool ok() const { return outcome == Outcome::Verified; }
};

struct ssl_st;
struct ssl_ctx_st;
struct bio_st;

// The server end of a connection that establish() opened: the socket, the server's greeting and,
// for TLS, the verified session with its memory BIOs (bytes from the socket go into `in`, bytes
// for the socket come out of `out`). Owned; closes and frees on destruction.
struct MySqlUpstream {
    int fd = -1;
    ssl_ctx_st *ctx = nullptr;
    ssl_st *ssl = nullptr;
    bio_st *in = nullptr;
    bio_st *out = nullptr;
    QByteArray greeting; // the greeting's payload, without its 4-byte header
    quint8 greetingSequence = 0;
    quint32 serverCapabilities = 0;
    MySqlUpstream() = default;
    MySqlUpstream(const MySqlUpstream &) = delete;
    MySqlUpstream &operator=(const MySqlUpstream &) = delete;
    ~MySqlUpstream();
};

// Checks who answers before a password goes to a MySQL/MariaDB server. Qt 6.4's QMYSQL verifies
// a certificate chain when given a CA, but never the host name, and falls back to plaintext
// without an SSL option; so this opens its own TCP connection, reads the server greeting
// (protocol 10), checks that it offers CLIENT_SSL, sends the 32-byte SSL request, runs a TLS
// handshake with OpenSSL against the profile's CA file (or the system store) and checks the
// certificate's names against the profile's host (X509_check_host / X509_check_ip_asc). No
// credentials are ever sent on this connection: it is closed right after the handshake.
class TlsProbe final {
    Q_DECLARE_TR_FUNCTIONS(TlsProbe)

public:
    // timeoutSeconds bounds the whole probe (name lookup aside: it is the system resolver's).
    static TlsProbeResult probe(const ConnectionProfile &profile, int timeoutSeconds);

    // The same checks, but the connection stays open for the login that follows (MySqlRelay):
    // with useTls the TLS session is verified (chain, host name, client certificate presented)
    // and handed over in *session; without, the plain socket and greeting are.
    // sslRequest, when set, is asked (with the greeting's payload and sequence) for the driver's
    // login packet, whose first 32 bytes become the SSL request; it is called only once the
    // server has offered TLS.
    // opener, when set, supplies the connected socket instead of a TCP connection to the
    // profile's host (an SSH channel's local end); it returns -1 and a sentence on failure.
    using SslRequestSource = std::function<QByteArray(const QByteArray &greeting, quint8 sequence)>;
    using UpstreamOpener = std::function<int(QString *error)>;
    static TlsProbeResult establish(const ConnectionProfile &profile, int timeoutSeconds, bool useTls,
        MySqlUpstream *session, const SslRequestSource &sslRequest, const UpstreamOpener &opener = {});

    // The system's default CA bundle (OpenSSL's X509_get_default_cert_file), or empty when absent.
    static QString systemCaFile();
};
