#include "LocalMariaDb.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

#include <unistd.h>

LocalMariaDb::LocalMariaDb() = default;

LocalMariaDb::~LocalMariaDb()
{
    stop();
}

bool LocalMariaDb::start(QString *reason)
{
    const QString install = QStandardPaths::findExecutable(QStringLiteral("mariadb-install-db"));
    const QString server = QStandardPaths::findExecutable(
        QStringLiteral("mariadbd"), { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin") });
    if (install.isEmpty() || server.isEmpty()) {
        *reason
            = QStringLiteral("mariadb-install-db or mariadbd is not installed (scripts/deps.sh test installs them)");
        return false;
    }
    const QString user
        = geteuid() == 0 ? QStringLiteral("root") : qEnvironmentVariable("USER", QStringLiteral("nobody"));
    if (!m_installed) {
        QProcess p;
        p.start(install,
            { QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + m_dir.filePath(QStringLiteral("data")),
                QStringLiteral("--skip-test-db"), QStringLiteral("--auth-root-authentication-method=normal"),
                QStringLiteral("--user=") + user });
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            *reason = QStringLiteral("mariadb-install-db failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
            return false;
        }
        m_installed = true;
        QTcpServer probe; // a port that was free a moment ago, kept for restarts
        probe.listen(QHostAddress::LocalHost);
        m_port = probe.serverPort();
    }
    m_server = std::make_unique<QProcess>();
    m_server->start(server,
        { QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + m_dir.filePath(QStringLiteral("data")),
            QStringLiteral("--socket=") + socket(), QStringLiteral("--port=%1").arg(m_port),
            QStringLiteral("--bind-address=127.0.0.1"), QStringLiteral("--skip-name-resolve"),
            QStringLiteral("--pid-file=") + m_dir.filePath(QStringLiteral("pid")),
            QStringLiteral("--log-error=") + m_dir.filePath(QStringLiteral("err.log")),
            QStringLiteral("--user=") + user });
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (QFile::exists(socket()) && QFile::exists(m_dir.filePath(QStringLiteral("pid"))))
            return true;
        if (m_server->state() == QProcess::NotRunning)
            break;
        QThread::msleep(50);
    }
    QFile log(m_dir.filePath(QStringLiteral("err.log")));
    log.open(QIODevice::ReadOnly);
    *reason = QStringLiteral("mariadbd did not start: ") + QString::fromLocal8Bit(log.readAll().right(2000));
    return false;
}

void LocalMariaDb::stop()
{
    if (!m_server)
        return;
    m_server->terminate(); // SIGTERM: a clean shutdown, as an administrator would do
    if (!m_server->waitForFinished(30000))
        m_server->kill();
    m_server->waitForFinished(5000);
    m_server.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("pid")));
}
