#pragma once

#include <QString>

// The question asked when an SSH host's key is not in known_hosts yet. Asked on the thread that
// connects (never the window's): the GUI's implementation hands it to the window's thread and
// waits; the command line's refuses and says how to trust the key; tests answer from a script.
// A changed key is never asked about: it is refused.
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
