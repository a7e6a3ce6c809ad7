#include "connection/SshTunnel.h"

#include "audit/Log.h"

#include <QDir>
#include <QFile>

#include <libssh/libssh.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <future>
#include <map>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {
constexpr qsizetype HighWater = 1 << 20;
constexpr int KeepaliveSeconds = 15;

std::mutex registryMutex;
std::map<QString, std::weak_ptr<SshTunnel>> &registry()
{
    static std::map<QString, std::weak_ptr<SshTunnel>> map;
    return map;
}

// ~/.ssh of $HOME (libssh itself would take the passwd entry's home, which a test's or a
// sandbox's HOME does not change): config, known_hosts and the default keys live there.
QString sshDir()
{
    return QDir::homePath() + QStringLiteral("/.ssh");
}

QString lastError(ssh_session s)
{
    return QString::fromLocal8Bit(ssh_get_error(s)).left(300);
}

SshStatus failed(SshStatus::Error e, const QString &message, const QString &detail = {})
{
    SshStatus s;
    s.error = e;
    s.message = message;
    s.detail = detail;
    return s;
}

QString optionString(ssh_session s, ssh_options_e option)
{
    char *value = nullptr;
    if (ssh_options_get(s, option, &value) != SSH_OK || !value)
        return {};
    const QString v = QString::fromLocal8Bit(value);
    ssh_string_free_char(value);
    return v;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        std::memset(bytes.data(), 0, size_t(bytes.size()));
    bytes.clear();
}
} // namespace

struct SshTunnel::State {
    struct Channel {
        ssh_channel channel = nullptr;
        int fd = -1; // our end of the socketpair (or the forwarder's accepted connection)
        QByteArray toLocal;
        bool closing = false;
    };
    ssh_session session = nullptr;
    std::vector<Channel> channels;
    std::chrono::steady_clock::time_point lastKeepalive;
    bool pending = false; // a channel has data buffered in libssh: poll without waiting
    QString acceptedFingerprint; // the host key of the last session that logged in
};

SshTunnel::SshTunnel(const SshSettings &settings, int timeoutSeconds)
    : m_settings(settings)
    , m_timeoutSeconds(std::max(1, timeoutSeconds))
    , m_state(std::make_unique<State>())
{
}

std::shared_ptr<SshTunnel> SshTunnel::create(const SshSettings &settings, int timeoutSeconds)
{
    std::shared_ptr<SshTunnel> t(new SshTunnel(settings, timeoutSeconds));
    t->m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    t->m_thread = std::thread([raw = t.get()] { raw->run(); });
    return t;
}

std::shared_ptr<SshTunnel> SshTunnel::shared(const QString &profileKey, const SshSettings &settings, int timeoutSeconds)
{
    const QString key
        = QStringList { profileKey, settings.target(), SshSettings::authName(settings.auth), settings.keyFile }.join(
            QLatin1Char('\n'));
    std::lock_guard lock(registryMutex);
    for (auto it = registry().begin(); it != registry().end();)
        it = it->second.expired() ? registry().erase(it) : std::next(it);
    if (auto existing = registry()[key].lock())
        return existing;
    auto t = create(settings, timeoutSeconds);
    registry()[key] = t;
    return t;
}

SshTunnel::~SshTunnel()
{
    m_stop = true;
    if (m_wakeFd >= 0) {
        const quint64 one = 1;
        (void)::write(m_wakeFd, &one, sizeof one);
    }
    if (m_thread.joinable()) {
        if (m_thread.get_id() == std::this_thread::get_id())
            m_thread.detach();
        else
            m_thread.join();
    }
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    std::lock_guard lock(m_mutex);
    m_credentials = {};
}

void SshTunnel::setCredentials(const Credentials &credentials)
{
    std::lock_guard lock(m_mutex);
    m_credentials = credentials;
}

void SshTunnel::setPrompter(std::shared_ptr<HostKeyPrompter> prompter)
{
    std::lock_guard lock(m_mutex);
    m_prompter = std::move(prompter);
}

void SshTunnel::post(std::function<void()> work)
{
    if (std::this_thread::get_id() == m_thread.get_id()) {
        work();
        return;
    }
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> finished = done->get_future();
    {
        std::lock_guard lock(m_mutex);
        m_requests.push_back([work = std::move(work), done] {
            work();
            done->set_value();
        });
    }
    const quint64 one = 1;
    (void)::write(m_wakeFd, &one, sizeof one);
    finished.wait();
}

SshStatus SshTunnel::connect()
{
    SshStatus status;
    post([&] { status = connectOnThread(); });
    return status;
}

int SshTunnel::openChannel(const QString &host, int port, const QString &socketPath, SshStatus *status)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, pair) != 0) {
        *status = failed(SshStatus::Error::Other,
            tr("A local socket for the SSH tunnel could not be created: %1")
                .arg(QString::fromLocal8Bit(std::strerror(errno))));
        return -1;
    }
    if (!attach(pair[0], host, port, socketPath, status)) {
        ::close(pair[1]);
        return -1;
    }
    return pair[1];
}

bool SshTunnel::attach(int fd, const QString &host, int port, const QString &socketPath, SshStatus *status)
{
    bool ok = false;
    post([&] {
        const QString where = socketPath.isEmpty() ? QStringLiteral("%1:%2").arg(host).arg(port) : socketPath;
        // Twice at most: a session that died while idle is only found out by using it.
        for (int attempt = 0; attempt < 2 && !ok; ++attempt) {
            *status = connectOnThread();
            if (!status->ok())
                break;
            ssh_channel channel = ssh_channel_new(m_state->session);
            const int rc = !channel ? SSH_ERROR
                : socketPath.isEmpty()
                ? ssh_channel_open_forward(channel, host.toUtf8().constData(), port, "127.0.0.1", 0)
                : ssh_channel_open_forward_unix(channel, QFile::encodeName(socketPath).constData(), "127.0.0.1", 0);
            if (rc == SSH_OK) {
                m_state->channels.push_back({ channel, fd, {}, false });
                m_channelCount = int(m_state->channels.size());
                ok = true;
                break;
            }
            const QString detail = lastError(m_state->session);
            if (channel)
                ssh_channel_free(channel);
            if (ssh_is_connected(m_state->session) && ssh_get_status(m_state->session) == 0) {
                *status = failed(SshStatus::Error::ChannelRefused,
                    tr("Logged in to the SSH host %1, but it did not connect on to the database at %2 (%3). Check the "
                       "database's host and port (or socket) as seen from the SSH host, that the database is running "
                       "there, and that the SSH server allows forwarding (AllowTcpForwarding, "
                       "AllowStreamLocalForwarding).")
                        .arg(m_settings.host, where, detail),
                    detail);
                break;
            }
            qCInfo(lcDb) << "ssh: the session to" << m_settings.host << "is gone; connecting again:" << detail;
            disconnectOnThread("channel open failed");
            *status = failed(SshStatus::Error::Unreachable,
                tr("The SSH connection to %1 was lost and could not be established again (%2).")
                    .arg(m_settings.host, detail),
                detail);
        }
    });
    if (!ok)
        ::close(fd);
    return ok;
}

SshStatus SshTunnel::connectOnThread()
{
    using E = SshStatus::Error;
    if (m_state->session && ssh_is_connected(m_state->session) && m_connected)
        return {};
    disconnectOnThread(nullptr);

    const QString dir = sshDir();
    QDir().mkpath(dir);
    ::chmod(QFile::encodeName(dir).constData(), 0700);

    ssh_session s = ssh_new();
    if (!s)
        return failed(E::Other, tr("The SSH library could not start a session."));
    m_state->session = s;
    const QByteArray dirBytes = QFile::encodeName(dir);
    const QByteArray hostBytes = m_settings.host.toUtf8();
    long timeout = m_timeoutSeconds;
    ssh_options_set(s, SSH_OPTIONS_SSH_DIR, dirBytes.constData());
    ssh_options_set(s, SSH_OPTIONS_HOST, hostBytes.constData());
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);
    // Queries are small writes waiting for their answers: no Nagle delay on them.
    int nodelay = 1;
    ssh_options_set(s, SSH_OPTIONS_NODELAY, &nodelay);
    // ~/.ssh/config (aliases, HostName, Port, User, IdentityFile, ProxyJump, UserKnownHostsFile),
    // then the system's; what the profile names explicitly wins, as on ssh's command line.
    ssh_options_parse_config(s, nullptr);
    if (m_settings.port > 0) {
        const unsigned int port = unsigned(m_settings.port);
        ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    }
    if (!m_settings.user.isEmpty())
        ssh_options_set(s, SSH_OPTIONS_USER, m_settings.user.toUtf8().constData());
    // Only this session's own checks decide: never the "accept new keys" of a config file.
    int strict = 1;
    ssh_options_set(s, SSH_OPTIONS_STRICTHOSTKEYCHECK, &strict);

    unsigned int port = 22;
    ssh_options_get_port(s, &port);
    const QString user = optionString(s, SSH_OPTIONS_USER);
    const QString where = QStringLiteral("%1:%2").arg(m_settings.host).arg(port);

    if (ssh_connect(s) != SSH_OK) {
        const QString detail = lastError(s);
        disconnectOnThread(nullptr);
        return failed(E::Unreachable,
            tr("No SSH server answered at %1. Check the SSH host name and port, that the server is running, and that "
               "no firewall blocks the connection.")
                .arg(where),
            detail);
    }

    // A link that dies without a word (a laptop's Wi-Fi, a firewall's idle timeout) is found out
    // by the kernel within about a minute: the session then fails and the connections notice.
    // (Through a ProxyCommand the fd is a pipe and these simply do not apply.)
    if (const socket_t fd = ssh_get_fd(s); fd != SSH_INVALID_SOCKET) {
        const int on = 1, idle = 30, interval = 10, count = 3;
        const unsigned int userTimeoutMs = 60000;
        ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
        ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
        ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval);
        ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
        ::setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &userTimeoutMs, sizeof userTimeoutMs);
    }

    // The host key, before anything that identifies us is sent.
    ssh_key serverKey = nullptr;
    QString fingerprint, keyType;
    if (ssh_get_server_publickey(s, &serverKey) == SSH_OK) {
        unsigned char *hash = nullptr;
        size_t length = 0;
        if (ssh_get_publickey_hash(serverKey, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) == 0) {
            char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
            if (text) {
                fingerprint = QString::fromLatin1(text);
                ssh_string_free_char(text);
            }
            ssh_clean_pubkey_hash(&hash);
        }
        keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(serverKey)));
        ssh_key_free(serverKey);
    }
    const QString knownHosts = optionString(s, SSH_OPTIONS_KNOWNHOSTS);
    const ssh_known_hosts_e known = ssh_session_is_known_server(s);
    switch (known) {
    case SSH_KNOWN_HOSTS_OK:
        break;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER: {
        SshStatus st = failed(E::HostKeyChanged,
            tr("WARNING: the SSH host %1 presented a different key (%2 %3) from the one saved for it in %4. Someone "
               "may be intercepting the connection (a man-in-the-middle attack), or the server was reinstalled or "
               "its key replaced. The connection was refused and nothing was sent. Ask the server's administrator "
               "for its key's fingerprint; only if it matches, remove the old entry (ssh-keygen -R %5) and connect "
               "again.")
                .arg(where, keyType, fingerprint, QDir::toNativeSeparators(knownHosts),
                    port == 22 ? m_settings.host : QStringLiteral("'[%1]:%2'").arg(m_settings.host).arg(port)));
        st.fingerprint = fingerprint;
        qCWarning(lcDb) << "ssh: host key of" << where << "changed; refused" << fingerprint;
        disconnectOnThread(nullptr);
        return st;
    }
    case SSH_KNOWN_HOSTS_NOT_FOUND:
    case SSH_KNOWN_HOSTS_UNKNOWN: {
        // Connecting again after a drop: the key must be the one this tunnel accepted before
        // (known_hosts may have lost it meanwhile), and no one is asked again: the database
        // connection that needs the tunnel may be holding the window's thread.
        if (!m_state->acceptedFingerprint.isEmpty()) {
            if (fingerprint == m_state->acceptedFingerprint)
                break;
            SshStatus st = failed(E::HostKeyChanged,
                tr("WARNING: the SSH host %1 answered with a different key (%2 %3) from the one this connection "
                   "used before it dropped. Someone may be intercepting the connection (a man-in-the-middle "
                   "attack), or the server's key was replaced. The connection was refused and nothing was sent.")
                    .arg(where, keyType, fingerprint));
            st.fingerprint = fingerprint;
            qCWarning(lcDb) << "ssh: host key of" << where << "differs from the one used before; refused"
                            << fingerprint;
            disconnectOnThread(nullptr);
            return st;
        }
        std::shared_ptr<HostKeyPrompter> prompter;
        {
            std::lock_guard lock(m_mutex);
            prompter = m_prompter;
        }
        HostKeyQuestion q { m_settings.host, int(port), keyType, fingerprint, knownHosts };
        if (!prompter || !prompter->trustNewHost(q)) {
            SshStatus st = failed(E::HostKeyUnknown,
                tr("The SSH host %1 is not known yet: its %2 key has the fingerprint %3. It was not trusted, so "
                   "nothing was sent. Compare the fingerprint with the one the server's administrator gives you "
                   "(ssh-keygen -lf /etc/ssh/ssh_host_%4_key.pub on the server) before you trust it.")
                    .arg(where, keyType, fingerprint,
                        keyType.contains(QLatin1String("ed25519"))     ? QStringLiteral("ed25519")
                            : keyType.contains(QLatin1String("ecdsa")) ? QStringLiteral("ecdsa")
                                                                       : QStringLiteral("rsa")));
            st.fingerprint = fingerprint;
            disconnectOnThread(nullptr);
            return st;
        }
        if (ssh_session_update_known_hosts(s) != SSH_OK) {
            const QString detail = lastError(s);
            disconnectOnThread(nullptr);
            return failed(E::Other,
                tr("The SSH host's key could not be saved in %1 (%2). Check that the folder can be written to.")
                    .arg(QDir::toNativeSeparators(knownHosts), detail),
                detail);
        }
        qCInfo(lcDb) << "ssh: trusted and saved the host key of" << where << fingerprint;
        break;
    }
    case SSH_KNOWN_HOSTS_ERROR: {
        const QString detail = lastError(s);
        disconnectOnThread(nullptr);
        return failed(E::Other,
            tr("The known hosts file %1 could not be read (%2).").arg(QDir::toNativeSeparators(knownHosts), detail),
            detail);
    }
    }

    // Log in, the way the profile says.
    QByteArray password, passphrase;
    {
        std::lock_guard lock(m_mutex);
        password = m_credentials.password.toUtf8();
        passphrase = m_credentials.passphrase.toUtf8();
    }
    int rc = ssh_userauth_none(s, nullptr);
    QString hint;
    if (rc != SSH_AUTH_SUCCESS) {
        switch (m_settings.auth) {
        case SshSettings::Auth::Auto:
            rc = ssh_userauth_publickey_auto(s, nullptr, passphrase.isEmpty() ? nullptr : passphrase.constData());
            hint = tr("Add your key to the SSH agent (ssh-add), name it with IdentityFile in ~/.ssh/config, or choose "
                      "a key file or a password for this connection.");
            break;
        case SshSettings::Auth::KeyFile: {
            ssh_key key = nullptr;
            if (ssh_pki_import_privkey_file(QFile::encodeName(m_settings.keyFile).constData(),
                    passphrase.isEmpty() ? nullptr : passphrase.constData(), nullptr, nullptr, &key)
                != SSH_OK) {
                wipe(password);
                wipe(passphrase);
                disconnectOnThread(nullptr);
                return failed(E::AuthFailed,
                    tr("The SSH key %1 could not be opened: the passphrase is wrong or missing, or the file is not a "
                       "private key. Enter the key's passphrase, or choose another key.")
                        .arg(QDir::toNativeSeparators(m_settings.keyFile)));
            }
            rc = ssh_userauth_publickey(s, nullptr, key);
            ssh_key_free(key);
            hint = tr("Check that the key's public half is in ~/.ssh/authorized_keys of user \"%1\" on the SSH host.")
                       .arg(user);
            break;
        }
        case SshSettings::Auth::Password:
            rc = ssh_userauth_password(s, nullptr, password.constData());
            hint = tr("Check the SSH password, and that the server allows password logins.");
            break;
        }
    }
    wipe(password);
    wipe(passphrase);
    if (rc != SSH_AUTH_SUCCESS) {
        const QString detail = lastError(s);
        disconnectOnThread(nullptr);
        if (rc == SSH_AUTH_ERROR && !ssh_is_connected(s))
            return failed(
                E::Unreachable, tr("The SSH host %1 closed the connection during the login.").arg(where), detail);
        return failed(
            E::AuthFailed, tr("The SSH host %1 refused the login of user \"%2\". %3").arg(where, user, hint), detail);
    }
    m_state->lastKeepalive = std::chrono::steady_clock::now();
    m_state->acceptedFingerprint = fingerprint;
    m_connected = true;
    ++m_sessions;
    qCDebug(lcDb) << "ssh: connected to" << where << "as" << user;
    return {};
}

void SshTunnel::disconnectOnThread(const char *why)
{
    if (why && m_connected)
        qCDebug(lcDb) << "ssh: session to" << m_settings.host << "closed:" << why;
    m_connected = false;
    for (State::Channel &c : m_state->channels) {
        ssh_channel_free(c.channel);
        ::close(c.fd); // the database connection behind it sees the end
    }
    m_state->channels.clear();
    m_channelCount = 0;
    if (m_state->session) {
        ssh_disconnect(m_state->session);
        ssh_free(m_state->session);
        m_state->session = nullptr;
    }
}

void SshTunnel::run()
{
    while (!m_stop) {
        std::deque<std::function<void()>> work;
        {
            std::lock_guard lock(m_mutex);
            work.swap(m_requests);
        }
        for (auto &w : work)
            w();
        // Opening a channel may have read its first data with the confirmation: look before waiting.
        if (!work.empty())
            m_state->pending = true;
        pump();
    }
    // Requests that came in while stopping still get an answer (a failure).
    std::deque<std::function<void()>> work;
    {
        std::lock_guard lock(m_mutex);
        work.swap(m_requests);
    }
    for (auto &w : work)
        w();
    disconnectOnThread("closing");
}

void SshTunnel::pump()
{
    auto &channels = m_state->channels;
    std::vector<pollfd> fds;
    fds.push_back({ m_wakeFd, POLLIN, 0 });
    const bool live = m_state->session && m_connected && !channels.empty();
    if (live)
        fds.push_back({ ssh_get_fd(m_state->session), POLLIN, 0 });
    const size_t first = fds.size();
    for (const State::Channel &c : channels) {
        short events = 0;
        if (live)
            events |= POLLIN;
        if (!c.toLocal.isEmpty())
            events |= POLLOUT;
        fds.push_back({ c.fd, events, 0 });
    }
    // Bytes libssh read already (for a channel other than the one being read) announce
    // themselves on no fd: then no waiting at all. Otherwise a second at most, for the keepalive.
    if (::poll(fds.data(), nfds_t(fds.size()), m_state->pending ? 0 : 1000) < 0 && errno != EINTR)
        return;
    m_state->pending = false;
    if (fds[0].revents) {
        quint64 n;
        (void)::read(m_wakeFd, &n, sizeof n);
    }
    if (!live)
        return;
    char buf[32768];
    bool broken = false;
    for (size_t i = 0; i < channels.size() && !broken; ++i) {
        State::Channel &c = channels[i];
        const short revents = fds[first + i].revents;
        // Local -> SSH.
        if (revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
            if (n > 0) {
                if (ssh_channel_write(c.channel, buf, uint32_t(n)) != int(n)) {
                    c.closing = true;
                    broken = !ssh_is_connected(m_state->session);
                }
            } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                ssh_channel_send_eof(c.channel);
                c.closing = true;
            }
        }
        // SSH -> local, as much as is there.
        while (c.toLocal.size() < HighWater) {
            const int n = ssh_channel_read_nonblocking(c.channel, buf, sizeof buf, 0);
            if (n > 0) {
                c.toLocal.append(buf, n);
                continue;
            }
            if (n < 0 || ssh_channel_is_eof(c.channel) || ssh_channel_is_closed(c.channel)) {
                c.closing = true;
                if (!ssh_is_connected(m_state->session))
                    broken = true;
            }
            break;
        }
        while (!c.toLocal.isEmpty()) {
            const ssize_t n
                = ::send(c.fd, c.toLocal.constData(), size_t(c.toLocal.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                c.toLocal.remove(0, n);
                continue;
            }
            if (n < 0 && errno != EAGAIN && errno != EINTR) {
                c.toLocal.clear();
                c.closing = true;
            }
            break;
        }
    }
    if (broken || !ssh_is_connected(m_state->session)) {
        qCInfo(lcDb) << "ssh: the SSH server closed the connection:" << m_settings.host;
        disconnectOnThread("the SSH server closed the connection");
        return;
    }
    for (auto it = channels.begin(); it != channels.end();) {
        if (it->closing && it->toLocal.isEmpty()) {
            ssh_channel_close(it->channel);
            ssh_channel_free(it->channel);
            ::close(it->fd);
            it = channels.erase(it);
        } else {
            ++it;
        }
    }
    m_channelCount = int(channels.size());
    for (const State::Channel &c : channels)
        if (c.toLocal.size() < HighWater && ssh_channel_poll(c.channel, 0) > 0)
            m_state->pending = true;
    const auto now = std::chrono::steady_clock::now();
    if (now - m_state->lastKeepalive > std::chrono::seconds(KeepaliveSeconds)) {
        m_state->lastKeepalive = now;
        // One-way (no reply awaited): a link that died silently fails on the write.
        if (ssh_send_ignore(m_state->session, "") != SSH_OK)
            disconnectOnThread("keepalive failed");
    }
}
