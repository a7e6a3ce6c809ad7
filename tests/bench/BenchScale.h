#pragma once

// The measurements at 1,000 and 1,000,000 tokens (issues 3, 5 and 6) on SQLite and MariaDB: seeds
// each dataset once in this process, then runs every case on it in a child process of its own.
namespace BenchScale {
// Returns the number of cases that failed (each reported as a "case_failed" line).
int run();
// Issue 11: the whole process to each page's first screen with its data, on SQLite and MariaDB at
// 1k and 1M tokens, MariaDB at 0 and 80 ms round trip (LatencyProxy), with the requests the page
// sent and the longest stall of the window's thread; and a scripted session's stalls.
int runStartup();
} // namespace BenchScale
