#pragma once

#include "BenchCases.h"

#include <QProcessEnvironment>
#include <QString>

#include <optional>

// Runs one case of this benchmark (tgadmin_bench --case ...) in a fresh child process, so that
// its peak memory is its own and nothing of one case warms the next one's process.
class CaseRunner final {
public:
    explicit CaseRunner(QString program);

    // Forwards the child's JSON lines to stdout; on failure prints a "case_failed" line instead.
    bool run(const CaseArgs &args, const QProcessEnvironment &env);
    // The same child under valgrind's callgrind, instrumented only where the case asks for it:
    // the instructions executed there, or nullopt with the reason.
    std::optional<qint64> instructions(const CaseArgs &args, const QProcessEnvironment &env, QString *why);
    static bool valgrindAvailable();

    int failures() const { return m_failures; }

private:
    bool execute(const QString &program, const QStringList &arguments, const QProcessEnvironment &env,
        QByteArray *output, QString *why);
    void fail(const CaseArgs &args, const QString &why);

    QString m_program;
    int m_failures = 0;
};
