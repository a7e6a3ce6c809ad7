#include "connection/SshForwarder.h"

#include "audit/Log.h"


#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

std::shared_ptr<SshForwarder> SshForwarder::start(
    std::shared_ptr<SshTunnel> tunnel, const QString &host, int port, const QString &remoteSocket, QString *error)
{
    std::shared_ptr<SshForwarder> f(new SshForwarder);
    f->m_tunnel = std::move(tunnel);
    f->m_host = host;
    f->m_port = port;
    f->m_remoteSocket = remoteSocket;
    if (!f->m_socket.open(QStringLiteral("tgadmin-ssh-XXXXXX"), QStringLiteral(".s.PGSQL.%1").arg(port),
            tr("A private folder for the SSH tunnel could not be created in %1."),
            tr("A local socket for the SSH tunnel could not be opened: %1"), error))
        return nullptr;
    f->m_acceptor = std::thread([raw = f.get()] { raw->acceptLoop(); });
    return f;
}

SshForwarder::~SshForwarder()
{
    m_socket.stop();
    if (m_acceptor.joinable())
        m_acceptor.join();
}

SshStatus SshForwarder::lastStatus() const
{
    std::lock_guard lock(m_statusMutex);
    return m_lastStatus;
}

void SshForwarder::acceptLoop()
{
    for (;;) {
        const int c = m_socket.accept("ssh forwarder:");
        if (c < 0)
            return;
        // The channel opens on the tunnel's thread (connecting again first if the session
        // dropped); meanwhile libpq waits on its socket. A refusal closes it: libpq reports
        // a lost server, Connector adds the tunnel's reason.
        // A second handle keeps libpq's connection open until the reason is recorded: Connector
        // reads it as soon as libpq sees the end.
        const int keep = ::fcntl(c, F_DUPFD_CLOEXEC, 0);
        SshStatus status;
        if (!m_tunnel->attach(c, m_host, m_port, m_remoteSocket, &status))
            qCInfo(lcDb) << "ssh forwarder: no channel:" << status.detail;
        {
            std::lock_guard lock(m_statusMutex);
            m_lastStatus = status;
        }
        if (keep >= 0)
            ::close(keep);
    }
}
