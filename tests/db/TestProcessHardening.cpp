#include "connection/ProcessHardening.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

// No core file with the password or revealed tokens in it: the process turns dumps off before it
// holds a secret, in the window as on the command line.
class TestProcessHardening final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void runningBinaryHasNoCoreLimit_data();
    void runningBinaryHasNoCoreLimit();
    void disablingTakesEffectInThisProcess();

private:
    static QString coreLimitLine(qint64 pid);
};

void TestProcessHardening::initTestCase()
{
    // The children inherit this; a shell's "ulimit -c 0" must not make the test pass by itself.
    rlimit limit {};
    QVERIFY(getrlimit(RLIMIT_CORE, &limit) == 0);
    if (limit.rlim_max == 0)
        QSKIP("The hard core-file limit is already 0 here, so a running binary cannot show it lowered it.");
    limit.rlim_cur = limit.rlim_max;
    QVERIFY(setrlimit(RLIMIT_CORE, &limit) == 0);
}

QString TestProcessHardening::coreLimitLine(qint64 pid)
{
    QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : limits.readAll().split('\n'))
        if (line.startsWith("Max core file size"))
            return QString::fromLatin1(line).simplified();
    return {};
}

void TestProcessHardening::runningBinaryHasNoCoreLimit_data()
{
    QTest::addColumn<QStringList>("args");
    // "tokens inspect" waits for the token on stdin: a command-line run that stays alive.
    QTest::addRow("command line")
        << QStringList { QStringLiteral("--db"), QStringLiteral("sqlite:/nonexistent/x.sqlite"),
               QStringLiteral("tokens"), QStringLiteral("inspect") };
    QTest::addRow("window") << QStringList {};
}

void TestProcessHardening::runningBinaryHasNoCoreLimit()
{
#ifndef __linux__
    QSKIP("Reads /proc.");
#endif
    QFETCH(QStringList, args);
    QTemporaryDir home;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TGADMIN_BINARY), args);
    QVERIFY(p.waitForStarted());
    const QString before = coreLimitLine(p.processId());
    // Inherited, non-zero, until main() runs; then 0 for as long as the process lives.
    const QRegularExpression zero(QStringLiteral("^Max core file size 0 0 bytes$"));
    QElapsedTimer timer;
    timer.start();
    QString line = before;
    while (!zero.match(line).hasMatch() && timer.elapsed() < 20000 && p.state() == QProcess::Running) {
        QTest::qWait(20);
        line = coreLimitLine(p.processId());
    }
    const bool stillRunning = p.state() == QProcess::Running;
    p.closeWriteChannel();
    if (!p.waitForFinished(5000)) {
        p.kill();
        p.waitForFinished(5000);
    }
    QVERIFY2(stillRunning, qPrintable(QStringLiteral("exited before it could be looked at: ") + p.readAllStandardError()));
    QVERIFY2(zero.match(line).hasMatch(), qPrintable(line));
}

void TestProcessHardening::disablingTakesEffectInThisProcess()
{
    // Last: this test process cannot be dumped afterwards either.
#ifdef __linux__
    QVERIFY(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 1);
#endif
    QVERIFY(!ProcessHardening::coreDumpsDisabled());
    QVERIFY(ProcessHardening::disableCoreDumps());
    QVERIFY(ProcessHardening::coreDumpsDisabled());
#ifdef __linux__
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
#endif
    rlimit limit {};
    QVERIFY(getrlimit(RLIMIT_CORE, &limit) == 0);
    QCOMPARE(limit.rlim_cur, rlim_t(0));
    QCOMPARE(limit.rlim_max, rlim_t(0));
}

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "TestProcessHardening.moc"
