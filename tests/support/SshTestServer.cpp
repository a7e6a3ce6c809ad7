#include "SshTestServer.h"

#include <QFileInfo>
#include <QProcess>

QString SshTestServer::ensure()
{
    static QString why = [] {
        if (qEnvironmentVariableIsSet("TGADMIN_TEST_SSH_PORT"))
            return QString();
        if (!QFileInfo(QStringLiteral("/usr/sbin/sshd")).isExecutable())
            return QStringLiteral("openssh-server is not installed (/usr/sbin/sshd)");
        // Never deleted: when this process ends, the helper's stdin closes, its "read" returns and
        // its exit trap stops sshd and MariaDB and removes the directory.
        auto *helper = new QProcess;
        helper->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        helper->start(QStringLiteral("bash"),
            { QStringLiteral("-c"),
                QStringLiteral("source \"$1\" && tg_servers_init && tg_start_sshd >&2 || exit 1; "
                               "env | grep '^TGADMIN_TEST_SSH_'; echo READY; read -r _"),
                QStringLiteral("bash"), QStringLiteral(TGADMIN_SERVERS_SH) });
        QByteArray out;
        while (!out.contains("READY\n")) {
            if (!helper->waitForReadyRead(60000))
                return QStringLiteral("tg_start_sshd did not start an SSH test server");
            out += helper->readAllStandardOutput();
        }
        for (const QByteArray &line : out.split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (line.startsWith("TGADMIN_TEST_SSH_") && eq > 0)
                qputenv(line.left(eq).constData(), line.mid(eq + 1));
        }
        return QString();
    }();
    return why;
}
