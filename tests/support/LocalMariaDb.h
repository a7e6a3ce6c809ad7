#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A MariaDB server of the test's own, on loopback and a Unix socket in a temporary directory,
// that the test can stop and start again (the shared one of scripts/test.sh must stay up).
class LocalMariaDb final {
public:
    LocalMariaDb();
    ~LocalMariaDb();

    // Creates the data directory on the first call; false with reason when the server won't start.
    bool start(QString *reason);
    void stop();
    QString socket() const { return m_dir.filePath(QStringLiteral("sock")); }
    int port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    int m_port = 0;
    bool m_installed = false;
};
