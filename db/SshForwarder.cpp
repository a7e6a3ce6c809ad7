#include "SshForwarder.h"

#include "Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

std::shared_ptr<SshForwarder> SshForwarder::start(
    std::shared_ptr<SshTunnel> tunnel, const QString &host, int port, const QString &remoteSocket, QString *error)
{
    std::shared_ptr<SshForwarder> f(new SshForwarder);
    f->m_tunnel = std::move(tunnel);
    f->m_host = host;
    f->m_port = port;
    f->m_remoteSocket = remoteSocket;
    QString base = QString::fromLocal8Bit(qgetenv("XDG_RUNTIME_DIR"));
    if (base.isEmpty() || !QFileInfo(base).isDir())
        base = QDir::tempPath();
    QTemporaryDir dir(base + QStringLiteral("/tgadmin-ssh-XXXXXX"));
    if (!dir.isValid() || ::chmod(QFile::encodeName(dir.path()).constData(), 0700) != 0) {
        *error
            = tr("A private folder for the SSH tunnel could not be created in %1.").arg(QDir::toNativeSeparators(base));
        return nullptr;
    }
    dir.setAutoRemove(false);
    f->m_dir = dir.path();
    f->m_socketPath = f->m_dir + QStringLiteral("/.s.PGSQL.%1").arg(port);
    const QByteArray path = QFile::encodeName(f->m_socketPath);
    sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    if (size_t(path.size()) >= sizeof addr.sun_path) {
        *error = tr("The folder %1 has too long a path for a local socket; set TMPDIR to a shorter one.")
                     .arg(QDir::toNativeSeparators(base));
        return nullptr;
    }
    std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
    f->m_listenFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    f->m_stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (f->m_listenFd < 0 || f->m_stopFd < 0
        || ::bind(f->m_listenFd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
        || ::chmod(path.constData(), 0600) != 0 || ::listen(f->m_listenFd, 16) != 0) {
        *error = tr("A local socket for the SSH tunnel could not be opened: %1")
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return nullptr;
    }
    f->m_acceptor = std::thread([raw = f.get()] { raw->acceptLoop(); });
    return f;
}

SshForwarder::~SshForwarder()
{
    if (m_stopFd >= 0) {
        const quint64 one = 1;
        (void)::write(m_stopFd, &one, sizeof one);
    }
    if (m_acceptor.joinable())
        m_acceptor.join();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
    if (m_stopFd >= 0)
        ::close(m_stopFd);
    if (!m_socketPath.isEmpty())
        QFile::remove(m_socketPath);
    if (!m_dir.isEmpty())
        QDir().rmdir(m_dir);
}

SshStatus SshForwarder::lastStatus() const
{
    std::lock_guard lock(m_statusMutex);
    return m_lastStatus;
}

void SshForwarder::acceptLoop()
{
    for (;;) {
        pollfd fds[2] = { { m_listenFd, POLLIN, 0 }, { m_stopFd, POLLIN, 0 } };
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (fds[1].revents)
            return;
        const int c = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (c < 0)
            continue;
        ucred cred {};
        socklen_t len = sizeof cred;
        if (::getsockopt(c, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || cred.pid != ::getpid()) {
            qCWarning(lcDb) << "ssh forwarder: refused a local connection from pid" << cred.pid;
            ::close(c);
            continue;
        }
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
