#pragma once

#include "ConnectionProfile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

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
        BadCaFile, // the profile's CA file holds no readable certificate
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

    // The system's default CA bundle (OpenSSL's X509_get_default_cert_file), or empty when absent.
    static QString systemCaFile();
};
