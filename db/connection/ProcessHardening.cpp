#include "connection/ProcessHardening.h"

#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

bool ProcessHardening::disableCoreDumps()
{
    const rlimit none { 0, 0 };
    bool ok = setrlimit(RLIMIT_CORE, &none) == 0;
#ifdef __linux__
    // Also stops a core_pattern pipe (systemd-coredump) and same-user ptrace attaching.
    ok = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

bool ProcessHardening::coreDumpsDisabled()
{
    rlimit current {};
    if (getrlimit(RLIMIT_CORE, &current) != 0 || current.rlim_cur != 0 || current.rlim_max != 0)
        return false;
#ifdef __linux__
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
#else
    return true;
#endif
}
