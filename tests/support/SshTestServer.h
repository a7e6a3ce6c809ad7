#pragma once

#include <QString>

// The sshd of scripts/servers.sh (tg_start_sshd) with the socket-only MariaDB behind it: the one
// scripts/test.sh started (TGADMIN_TEST_SSH_* are set), or else one of this process's own,
// started once and stopped when the process ends (the helper shell waits on our pipe).
class SshTestServer final {
public:
    // Empty when the TGADMIN_TEST_SSH_* variables are set now; otherwise why there is no server
    // (openssh-server missing, or the start failed).
    static QString ensure();
};
