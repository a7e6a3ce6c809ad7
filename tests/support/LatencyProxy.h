#pragma once

#include <QtGlobal>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

// A TCP relay on 127.0.0.1 that holds every chunk for delayMs in each direction, keeping order:
// a database 2 × delayMs away, for tests and benchmarks (RECIPES.md "A slow network on
// loopback"). It runs on threads of its own, so a client that blocks its own thread cannot stall
// the proxy. Counts the client-to-server chunks it saw (about one per request: round trips).
class LatencyProxy final {
public:
    // listenPort 0: any free port.
    LatencyProxy(quint16 targetPort, int delayMs, quint16 listenPort = 0);
    ~LatencyProxy();
    LatencyProxy(const LatencyProxy &) = delete;
    LatencyProxy &operator=(const LatencyProxy &) = delete;

    quint16 port() const { return m_port; }
    int connections() const { return m_connections.load(); }
    // Chunks sent from the client to the server: one per request in a request-response protocol.
    int requests() const { return m_requests.load(); }
    void resetCounts() { m_requests = 0; }
    // Stops answering: accepted connections are held open and nothing is forwarded any more.
    void setSilent(bool silent) { m_silent = silent; }

private:
    void acceptLoop();
    void pump(int client);

    quint16 m_target;
    int m_delayMs;
    int m_listen = -1;
    int m_stopFd = -1;
    quint16 m_port = 0;
    std::atomic<int> m_connections { 0 };
    std::atomic<int> m_requests { 0 };
    std::atomic<bool> m_silent { false };
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::vector<std::thread> m_pumps;
};
