#pragma once

#include <QString>

// The question asked when an SSH host's key is not in known_hosts yet, on the SSH session's own
// thread while the connecting thread waits: the GUI's implementation hands it to the window's
// thread and waits for the answer (so a connect that may ask must not run on the window's thread;
// none does: DatabaseSession::openAsync, the dialog's test thread). The command line's refuses
// and says how to trust the key; tests answer from a script. A changed key is never asked about,
// and neither is anything on a reconnect (SshTunnel): those are refused.
struct HostKeyQuestion {
    QString host; // as the person named it (an alias from ~/.ssh/config stays an alias)
    int port = 22;
    QString keyType; // "ssh-ed25519", "ecdsa-sha2-nistp256", ...
    QString fingerprint; // "SHA256:..." as OpenSSH prints it
    QString knownHostsFile; // where a trusted key is saved
};

class HostKeyPrompter {
public:
    virtual ~HostKeyPrompter() = default;
    // True to trust the key and save it in known_hosts, false to refuse the connection.
    virtual bool trustNewHost(const HostKeyQuestion &question) = 0;
};
