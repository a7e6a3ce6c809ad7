#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/PrivateSocket.h"
#include "connection/TlsProbe.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

// The connection that carries a MySQL/MariaDB password verifies whom it talks to, itself.
//
// Qt 6.4's QMYSQL driver cannot be told to check the server's host name, to insist on TLS, or to
// refuse the clear-text authentication plugin. So the driver never talks to the network: it logs
// in through this relay, on a Unix socket in a private (0700) directory that only this process
// may use (the peer's pid is checked). For every connection the driver opens, including
// reconnects and the clones that exports and the timeline use, the relay
//  - opens the TCP connection to the server itself and reads its greeting;
//  - with TLS wanted (Require TLS, a CA file or a client certificate), upgrades it and verifies
//    the chain against the CA file (or the system store) and the host name, presenting the client
//    certificate if there is one (TlsProbe::establish); a server that offers no TLS, an untrusted
//    chain or a wrong name end the attempt before the driver has sent anything;
//  - hands the driver the greeting without the TLS flag, so that it logs in "in plaintext" over
//    the private socket while every byte goes on over the verified session (the login packets'
//    sequence numbers shift by one for the SSL request the relay sent);
//  - refuses authentication methods that would expose the password: mysql_clear_password and
//    PAM's dialog always, and, without TLS, anything but challenge-response methods
//    (caching_sha2_password's full authentication sends the password in clear on a "local" link);
//  - afterwards copies bytes both ways until either side hangs up.
// See docs/SECURITY.md.
class MySqlRelay final {
    Q_DECLARE_TR_FUNCTIONS(MySqlRelay)

public:
    // Starts listening; nullptr and *error on failure. timeoutSeconds bounds each upstream set-up.
    // nodes: a cluster's nodes (profile among them): when the node in use does not answer, the
    // next connection goes to the next node that does, with the same checks.
    // upstream, when set, opens the server's end instead of a TCP connection (an SSH channel);
    // the relay keeps it (and whatever it holds) as long as it lives.
    static std::shared_ptr<MySqlRelay> start(const ConnectionProfile &profile, int timeoutSeconds, QString *error,
        const QList<ConnectionProfile> &nodes = {}, TlsProbe::UpstreamOpener upstream = {});
    ~MySqlRelay();
    MySqlRelay(const MySqlRelay &) = delete;
    MySqlRelay &operator=(const MySqlRelay &) = delete;

    // What the driver connects to: host "localhost" with this UNIX_SOCKET.
    QString socketPath() const { return m_socket.path(); }
    bool usesTls() const { return m_tls; }
    // Why the latest connection was refused before or during the login, if it was.
    std::optional<TlsProbeResult> lastRefusal() const;
    // How many connections were relayed (each driver connect or reconnect is one).
    int connectionsRelayed() const { return m_relayed.load(); }
    // True once the server's end of a relayed connection closed or failed while the driver's end
    // was still open (a server restart, a dropped link): the connection is lost. Noticed by the
    // relay's own thread, so checking it costs the window no round trip. A new login clears it.
    bool upstreamLost() const { return m_upstreamLost.load(); }
    // "host:port" of the server the latest connection went to (a cluster's node in use).
    QString currentNode() const;
    // The version the server's latest greeting named ("10.11.6-MariaDB"), without the "5.5.5-"
    // MariaDB puts before it for old clients: what VERSION() says, known without asking.
    QString serverVersion() const;

    // Whether a profile's connections go through a relay: MySQL/MariaDB over TCP or SSH.
    static bool applies(const ConnectionProfile &profile);
    // Whether the profile asks for TLS (Require TLS, a CA file or a client certificate).
    static bool wantsTls(const ConnectionProfile &profile);

private:
    MySqlRelay(const ConnectionProfile &profile, int timeoutSeconds);
    void acceptLoop();
    void serve(int clientFd);
    void refuse(const TlsProbeResult &why);

    ConnectionProfile m_profile; // the node in use (guarded by m_refusalMutex once started)
    QString m_serverVersion; // guarded by m_refusalMutex
    QList<ConnectionProfile> m_nodes;
    TlsProbe::UpstreamOpener m_upstream;
    int m_timeoutSeconds = 8;
    bool m_tls = false;
    PrivateSocket m_socket; // its stopFd() is readable once the relay stops; every thread polls it
    std::thread m_acceptor;
    std::mutex m_mutex;
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::vector<Worker> m_workers; // one per relayed connection; finished ones are joined as new ones come
    std::optional<TlsProbeResult> m_lastRefusal;
    std::atomic<int> m_relayed { 0 };
    std::atomic<bool> m_upstreamLost { false };
    mutable std::mutex m_refusalMutex;
};
