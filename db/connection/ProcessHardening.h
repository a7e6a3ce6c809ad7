#pragma once

// What the process does to itself before it holds a secret: the database password and revealed
// tokens live in its memory, and a core dump (or another process of the same user attaching with
// ptrace, or reading /proc/PID/mem) would copy them out.
class ProcessHardening final {
public:
    // RLIMIT_CORE 0 (soft and hard) and, on Linux, PR_SET_DUMPABLE 0. True when both took effect.
    static bool disableCoreDumps();
    // What the kernel says now: no core file can be written and the process is not dumpable.
    static bool coreDumpsDisabled();
};
