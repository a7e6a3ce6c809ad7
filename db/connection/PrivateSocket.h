#pragma once

#include <QCoreApplication>
#include <QString>

// A listening Unix socket for this process alone, where a relay hands a database driver its local
// end (MySqlRelay, SshForwarder): in a fresh directory only this user may enter (0700, under
// $XDG_RUNTIME_DIR or else the temporary folder), the socket itself 0600, and every connection's
// peer checked to be this very process (SO_PEERCRED), which keeps out other programs of ours too.
// Closing removes the socket and its directory.
class PrivateSocket final {
    Q_DECLARE_TR_FUNCTIONS(PrivateSocket)

public:
    PrivateSocket() = default;
    ~PrivateSocket();
    PrivateSocket(const PrivateSocket &) = delete;
    PrivateSocket &operator=(const PrivateSocket &) = delete;

    // dirTemplate: the directory's name, ending in XXXXXX; socketName: the socket's in it.
    // folderError ("… could not be created in %1.") and socketError ("… could not be opened: %1")
    // say what the socket is for when it cannot be made; false with *error set then.
    bool open(const QString &dirTemplate, const QString &socketName, const QString &folderError,
        const QString &socketError, QString *error);
    QString directory() const { return m_dir; }
    QString path() const { return m_path; }
    // An eventfd that becomes readable once stop() is called: threads serving connections poll it too.
    int stopFd() const { return m_stopFd; }
    // Waits for the next connection from this process and returns its descriptor (non-blocking,
    // close-on-exec); -1 once stop() was called. Connections from other processes are refused and
    // logged as who's.
    int accept(const char *who);
    void stop();

private:
    QString m_dir;
    QString m_path;
    int m_listenFd = -1;
    int m_stopFd = -1;
};
