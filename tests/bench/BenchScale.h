#pragma once

// The measurements at 1,000 and 1,000,000 tokens (issues 3, 5 and 6) on SQLite and MariaDB: seeds
// each dataset once in this process, then runs every case on it in a child process of its own.
namespace BenchScale {
// Returns the number of cases that failed (each reported as a "case_failed" line).
int run();
} // namespace BenchScale
