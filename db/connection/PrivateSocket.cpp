#include "connection/PrivateSocket.h"

#include "audit/Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

PrivateSocket::~PrivateSocket()
{
    if (m_listenFd >= 0)
        ::close(m_listenFd);
    if (m_stopFd >= 0)
        ::close(m_stopFd);
    if (!m_path.isEmpty())
        QFile::remove(m_path);
    if (!m_dir.isEmpty())
        QDir().rmdir(m_dir);
}

bool PrivateSocket::open(const QString &dirTemplate, const QString &socketName, const QString &folderError,
    const QString &socketError, QString *error)
{
    QString base = QString::fromLocal8Bit(qgetenv("XDG_RUNTIME_DIR"));
    if (base.isEmpty() || !QFileInfo(base).isDir())
        base = QDir::tempPath();
    QTemporaryDir dir(base + QLatin1Char('/') + dirTemplate);
    if (!dir.isValid() || ::chmod(QFile::encodeName(dir.path()).constData(), 0700) != 0) {
        *error = folderError.arg(QDir::toNativeSeparators(base));
        return false;
    }
    dir.setAutoRemove(false);
    m_dir = dir.path();
    m_path = m_dir + QLatin1Char('/') + socketName;
    const QByteArray path = QFile::encodeName(m_path);
    sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    if (size_t(path.size()) >= sizeof addr.sun_path) {
        *error = tr("The folder %1 has too long a path for a local socket; set TMPDIR to a shorter one.")
                     .arg(QDir::toNativeSeparators(base));
        return false;
    }
    std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
    m_listenFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    m_stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_listenFd < 0 || m_stopFd < 0 || ::bind(m_listenFd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
        || ::chmod(path.constData(), 0600) != 0 || ::listen(m_listenFd, 16) != 0) {
        *error = socketError.arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

int PrivateSocket::accept(const char *who)
{
    for (;;) {
        pollfd fds[2] = { { m_listenFd, POLLIN, 0 }, { m_stopFd, POLLIN, 0 } };
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (fds[1].revents)
            return -1;
        const int c = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (c < 0)
            continue;
        // Only this process: the directory keeps other users out, this keeps out other programs of ours.
        ucred cred {};
        socklen_t len = sizeof cred;
        if (::getsockopt(c, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || cred.pid != ::getpid()) {
            qCWarning(lcDb) << who << "refused a local connection from pid" << cred.pid;
            ::close(c);
            continue;
        }
        return c;
    }
}

void PrivateSocket::stop()
{
    if (m_stopFd >= 0) {
        const quint64 one = 1;
        (void)::write(m_stopFd, &one, sizeof one);
    }
}
