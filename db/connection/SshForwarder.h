#pragma once

#include "connection/PrivateSocket.h"
#include "connection/SshTunnel.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

// A PostgreSQL connection through SSH: libpq connects to a Unix socket ".s.PGSQL.<port>" in a
// private (0700) directory (QPSQL's host is that directory), which accepts only this process
// (SO_PEERCRED) and hands each connection to an SSH channel to the database as seen from the
// SSH host. libpq does its own login over it.
class SshForwarder final {
    Q_DECLARE_TR_FUNCTIONS(SshForwarder)

public:
    static std::shared_ptr<SshForwarder> start(
        std::shared_ptr<SshTunnel> tunnel, const QString &host, int port, const QString &remoteSocket, QString *error);
    ~SshForwarder();
    SshForwarder(const SshForwarder &) = delete;
    SshForwarder &operator=(const SshForwarder &) = delete;

    // The directory libpq is given as its host; the socket in it is named after port().
    QString directory() const { return m_socket.directory(); }
    int port() const { return m_port; }
    const std::shared_ptr<SshTunnel> &tunnel() const { return m_tunnel; }
    // Why the latest connection got no channel (ok() when it got one).
    SshStatus lastStatus() const;

private:
    SshForwarder() = default;
    void acceptLoop();

    std::shared_ptr<SshTunnel> m_tunnel;
    QString m_host, m_remoteSocket;
    int m_port = 0;
    PrivateSocket m_socket;
    std::thread m_acceptor;
    mutable std::mutex m_statusMutex;
    SshStatus m_lastStatus;
};
