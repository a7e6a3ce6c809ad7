#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// What every measurement shares: the JSON output, the clock, the figures of this process.
namespace Bench {
// One JSON object on one line of stdout: scripts/bench.sh promises nothing else there.
void report(const QJsonObject &o);
[[noreturn]] void die(const QString &why);
double seconds(const QElapsedTimer &t);
double median(QList<double> values);

struct Memory {
    qint64 rssKib = -1; // VmRSS: resident now
    qint64 peakKib = -1; // VmHWM: the most this process has ever held resident
};
// Read from /proc/self/status: the kernel's own accounting, not an estimate.
Memory memory();

// Opens a named connection from a URL (sqlite:PATH or mysql://user@host:port/db) the way the
// console's --db does: the password comes from TRONGATE_DB_PASSWORD, never from the command line.
QSqlDatabase open(const QString &url, const QString &connectionName);
QString backendOf(const QSqlDatabase &db); // "sqlite" or "mariadb", as in the JSON lines

// MariaDB only (-1 elsewhere): the session's Handler_read_* counters summed, i.e. how many rows
// the server touched for this connection. Their growth with the table explains a growing time.
qint64 serverRowReads(const QSqlDatabase &db);
} // namespace Bench
