#include "CaseRunner.h"

#include "BenchSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {
constexpr int ChildTimeoutMs = 600'000; // far above any case; only a hung server gets there
} // namespace

CaseRunner::CaseRunner(QString program)
    : m_program(std::move(program))
{
}

bool CaseRunner::valgrindAvailable()
{
    return !QStandardPaths::findExecutable(QStringLiteral("valgrind")).isEmpty();
}

bool CaseRunner::execute(const QString &program, const QStringList &arguments, const QProcessEnvironment &env,
    QByteArray *output, QString *why)
{
    QProcess child;
    child.setProcessEnvironment(env);
    // The child's complaints go straight to our stderr; its stdout is read and checked here.
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(program, arguments);
    if (!child.waitForFinished(ChildTimeoutMs)) {
        *why = child.error() == QProcess::Timedout ? QStringLiteral("no result after %1 s").arg(ChildTimeoutMs / 1000)
                                                   : child.errorString();
        child.kill();
        child.waitForFinished();
        return false;
    }
    *output = child.readAllStandardOutput();
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        *why = QStringLiteral("exit code %1").arg(child.exitCode());
        return false;
    }
    return true;
}

void CaseRunner::fail(const CaseArgs &args, const QString &why)
{
    ++m_failures;
    Bench::report(
        { { "bench", "case_failed" }, { "case", args.name }, { "tokens", args.tokens }, { "users", args.users },
            { "backend", args.url.startsWith(QLatin1String("sqlite:")) ? "sqlite" : "mariadb" }, { "error", why } });
}

bool CaseRunner::run(const CaseArgs &args, const QProcessEnvironment &env)
{
    QByteArray output;
    QString why;
    if (!execute(m_program, args.toArguments(), env, &output, &why)) {
        fail(args, why);
        return false;
    }
    for (const QByteArray &line : output.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject()) {
            fail(args, QStringLiteral("not a JSON line: ") + QString::fromUtf8(line.left(200)));
            return false;
        }
        Bench::report(doc.object());
    }
    return true;
}

std::optional<qint64> CaseRunner::instructions(const CaseArgs &args, const QProcessEnvironment &env, QString *why)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("callgrind.out"));
    const QStringList arguments = QStringList { QStringLiteral("--quiet"), QStringLiteral("--tool=callgrind"),
        QStringLiteral("--instr-atstart=no"), QStringLiteral("--callgrind-out-file=") + file, m_program }
        + args.toArguments();
    QByteArray output;
    if (!execute(QStringLiteral("valgrind"), arguments, env, &output, why))
        return std::nullopt;
    const QJsonObject result = QJsonDocument::fromJson(output.trimmed().split('\n').last()).object();
    if (!result.value(QStringLiteral("callgrind_requests")).toBool()) {
        *why = QStringLiteral("built without valgrind/callgrind.h: it would count the whole process");
        return std::nullopt;
    }
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *why = f.errorString();
        return std::nullopt;
    }
    // The profile ends with "totals: <Ir>"; its "summary:" line near the top stays 0 when
    // instrumentation starts late, so only totals counts.
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("totals:"))
            return line.mid(7).trimmed().split(' ').first().toLongLong();
    }
    *why = QStringLiteral("no totals in the callgrind profile");
    return std::nullopt;
}
