#include "DialogHostKeyPrompter.h"

#include "Prompter.h"

#include <QDir>
#include <QThread>

DialogHostKeyPrompter::DialogHostKeyPrompter(Prompter &prompter, QWidget *parent)
    : m_prompter(prompter)
    , m_parent(parent)
{
}

bool DialogHostKeyPrompter::trustNewHost(const HostKeyQuestion &question)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    if (QThread::currentThread() == app->thread())
        return ask(question);
    bool answer = false;
    QMetaObject::invokeMethod(
        app, [&] { answer = ask(question); }, Qt::BlockingQueuedConnection);
    return answer;
}

bool DialogHostKeyPrompter::ask(const HostKeyQuestion &q)
{
    return m_prompter.confirm(m_parent, tr("Unknown SSH host"),
        tr("The SSH host %1 (port %2) is not known yet. Its %3 key has the fingerprint\n\n%4\n\nCompare it with "
           "the fingerprint the server's administrator gives you (on the server: ssh-keygen -lf "
           "/etc/ssh/ssh_host_*_key.pub). Trust this key and save it in %5? If it ever changes, the connection "
           "will be refused.")
            .arg(q.host)
            .arg(q.port)
            .arg(q.keyType, q.fingerprint, QDir::toNativeSeparators(q.knownHostsFile)),
        tr("Trust and save"));
}
