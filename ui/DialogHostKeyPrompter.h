#pragma once

#include "connection/HostKeyPrompter.h"

#include <QCoreApplication>
#include <QPointer>
#include <QWidget>

class Prompter;

// Asks the person, on the window's thread, whether to trust an SSH host key not seen before.
// Called on the connecting thread, which waits for the answer (the window does not wait for it).
class DialogHostKeyPrompter final : public HostKeyPrompter {
    Q_DECLARE_TR_FUNCTIONS(DialogHostKeyPrompter)

public:
    DialogHostKeyPrompter(Prompter &prompter, QWidget *parent);
    bool trustNewHost(const HostKeyQuestion &question) override;

private:
    bool ask(const HostKeyQuestion &question);

    Prompter &m_prompter;
    QPointer<QWidget> m_parent;
};
