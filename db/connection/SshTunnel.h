#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/HostKeyPrompter.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

// Why an SSH session could not be used, in words a person can act on.
struct SshStatus {
    enum class Error {
        None,
        Unreachable, // no SSH server answered (name, route, port, firewall)
        HostKeyUnknown, // not in known_hosts and not trusted (refused, or no one could be asked)
        HostKeyChanged, // known_hosts has another key for this host: refused
        AuthFailed, // the server refused every way we offered to log in
        ChannelRefused, // logged in, but the SSH host would not connect on to the database
        Other,
    };
    Error error = Error::None;
    QString message;
    QString detail; // libssh's own words
    QString fingerprint; // the host key's SHA256 fingerprint, when the host key is the reason
    bool ok() const { return error == Error::None; }
};

// One libssh session to an SSH host and the channels through it (direct-tcpip to host:port, or
// direct-streamlocal to a Unix socket on that host). libssh sessions are not thread-safe, so one
// thread owns the session and every channel; callers post requests and wait for their answer.
// Each channel is pumped to one end of a local socketpair whose other end the caller gets: no
// listener anyone else on this machine could connect to.
//
// The session is shared by all connections of a profile (shared()). When it drops (the SSH
// server restarted, the link went away), every channel's local end is closed, so the database
// connections notice; the next channel opened connects the session again, with the same
// host-key checks and credentials (and no question: a key not in known_hosts must then be the
// one the session had before).
class SshTunnel final {
    Q_DECLARE_TR_FUNCTIONS(SshTunnel)

public:
    struct Credentials {
        QString password; // SshSettings::Auth::Password
        QString passphrase; // the key file's (or, with Auto, the default keys')
    };

    // A tunnel of its own (a "Test connection" that must not reuse a session logged in before).
    static std::shared_ptr<SshTunnel> create(const SshSettings &settings, int timeoutSeconds);
    // The tunnel of a profile, shared by its connections while any of them holds it.
    static std::shared_ptr<SshTunnel> shared(
        const QString &profileKey, const SshSettings &settings, int timeoutSeconds);
    ~SshTunnel();
    SshTunnel(const SshTunnel &) = delete;
    SshTunnel &operator=(const SshTunnel &) = delete;

    // Kept in memory for the reconnects; cleared when the tunnel goes.
    void setCredentials(const Credentials &credentials);
    void setPrompter(std::shared_ptr<HostKeyPrompter> prompter);

    // Connects and logs in unless the session is up. Blocks the calling thread (never call it on
    // the window's), bounded by the time-out plus however long a host-key question is pending.
    SshStatus connect();
    // A new channel to host:port as seen from the SSH host, or (socketPath set) to that Unix
    // socket on it. Returns the local end (the caller owns it) or -1 and *status.
    int openChannel(const QString &host, int port, const QString &socketPath, SshStatus *status);
    // As openChannel, but pumps to an fd the caller already has (and gives up): the PostgreSQL
    // forwarder's accepted connection.
    bool attach(int fd, const QString &host, int port, const QString &socketPath, SshStatus *status);

    bool isConnected() const { return m_connected.load(); }
    // How many times the session was established (1 after the first connect; tests read it).
    int sessionsStarted() const { return m_sessions.load(); }
    int openChannels() const { return m_channelCount.load(); }
    const SshSettings &settings() const { return m_settings; }

private:
    SshTunnel(const SshSettings &settings, int timeoutSeconds);
    void post(std::function<void()> work); // runs work on the session thread and waits for it
    void run();
    SshStatus connectOnThread();
    void disconnectOnThread(const char *why);
    void pump();

    SshSettings m_settings;
    int m_timeoutSeconds = 8;
    std::mutex m_mutex;
    std::deque<std::function<void()>> m_requests;
    Credentials m_credentials; // guarded by m_mutex
    std::shared_ptr<HostKeyPrompter> m_prompter; // guarded by m_mutex
    int m_wakeFd = -1;
    std::atomic<bool> m_stop { false };
    std::atomic<bool> m_connected { false };
    std::atomic<int> m_sessions { 0 };
    std::atomic<int> m_channelCount { 0 };
    struct State; // the libssh session and channels: touched by the session thread only
    std::unique_ptr<State> m_state;
    std::thread m_thread;
};
