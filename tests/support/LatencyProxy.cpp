#include "LatencyProxy.h"

#include <QByteArray>
#include <QElapsedTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <deque>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
struct Chunk {
    qint64 due;
    QByteArray bytes;
};
} // namespace

LatencyProxy::LatencyProxy(quint16 targetPort, int delayMs, quint16 listenPort)
    : m_target(targetPort)
    , m_delayMs(delayMs)
{
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    m_stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(listenPort);
    const int reuse = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse);
    socklen_t len = sizeof a;
    if (::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 && ::listen(m_listen, 64) == 0
        && ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        m_port = ntohs(a.sin_port);
    m_acceptor = std::thread([this] { acceptLoop(); });
}

LatencyProxy::~LatencyProxy()
{
    const quint64 one = 1;
    (void)::write(m_stopFd, &one, sizeof one);
    if (m_acceptor.joinable())
        m_acceptor.join();
    std::lock_guard lock(m_mutex);
    for (std::thread &t : m_pumps)
        t.join();
    ::close(m_listen);
    ::close(m_stopFd);
}

void LatencyProxy::acceptLoop()
{
    for (;;) {
        pollfd fds[2] = { { m_listen, POLLIN, 0 }, { m_stopFd, POLLIN, 0 } };
        if (::poll(fds, 2, -1) < 0 && errno != EINTR)
            return;
        if (fds[1].revents)
            return;
        if (!(fds[0].revents & POLLIN))
            continue;
        const int c = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        if (c < 0)
            continue;
        ++m_connections;
        std::lock_guard lock(m_mutex);
        m_pumps.emplace_back([this, c] { pump(c); });
    }
}

void LatencyProxy::pump(int client)
{
    const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(m_target);
    const int one = 1;
    ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(server, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(server);
        ::close(client);
        return;
    }
    QElapsedTimer clock;
    clock.start();
    std::deque<Chunk> toServer, toClient;
    bool open = true;
    char buf[65536];
    while (open) {
        qint64 next = -1;
        for (const auto *q : { &toServer, &toClient })
            if (!q->empty())
                next = next < 0 ? q->front().due : std::min(next, q->front().due);
        const int wait = next < 0 ? 200 : int(std::max<qint64>(0, next - clock.elapsed()));
        pollfd fds[3] = { { client, POLLIN, 0 }, { server, POLLIN, 0 }, { m_stopFd, POLLIN, 0 } };
        if (::poll(fds, 3, wait) < 0 && errno != EINTR)
            break;
        if (fds[2].revents)
            break;
        for (int i = 0; i < 2; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t n = ::recv(fds[i].fd, buf, sizeof buf, 0);
            if (n <= 0) {
                open = false;
                break;
            }
            if (m_silent)
                continue;
            (i == 0 ? toServer : toClient).push_back({ clock.elapsed() + m_delayMs, QByteArray(buf, int(n)) });
            if (i == 0)
                ++m_requests;
        }
        const qint64 now = clock.elapsed();
        for (auto [q, fd] : { std::pair { &toServer, server }, std::pair { &toClient, client } }) {
            while (!q->empty() && q->front().due <= now) {
                const QByteArray &b = q->front().bytes;
                if (::send(fd, b.constData(), size_t(b.size()), MSG_NOSIGNAL) != b.size()) {
                    open = false;
                    break;
                }
                q->pop_front();
            }
        }
    }
    ::close(server);
    ::close(client);
}
