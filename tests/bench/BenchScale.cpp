#include "BenchScale.h"

#include "BenchCases.h"
#include "BenchSupport.h"
#include "CaseRunner.h"

#include "schema/DemoDatabase.h"
#include "LatencyProxy.h"
#include "TestDatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

namespace {
struct Dataset {
    QString backend;
    int tokens = 0;
    int users = 0;
    std::unique_ptr<TestDatabase> database; // dropped (MariaDB) or deleted (SQLite) at the end
    QProcessEnvironment env;

    CaseArgs args(const QString &name) const
    {
        CaseArgs a;
        a.name = name;
        a.url = database->profile().toUrl();
        a.tokens = tokens;
        a.users = users;
        return a;
    }
};

// Seeded once and shared by every case: the seed itself is not what is measured here.
Dataset seed(const QString &backend, int tokens, int users)
{
    Dataset d { backend, tokens, users, nullptr, QProcessEnvironment::systemEnvironment() };
    QString problem;
    d.database = TestDatabase::create(backend, &problem);
    if (!d.database)
        Bench::die(problem);
    d.env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), d.database->password());
    DemoDatabase::Options o;
    o.tokens = tokens;
    o.users = users;
    o.now = QDateTime::currentSecsSinceEpoch();
    o.seed = 3; // the same names and spread of expiries in every run
    DemoDatabase::Summary summary;
    QElapsedTimer t;
    t.start();
    if (!DemoDatabase::ensureSeeded(d.database->db(), o, &summary, &problem) || summary.tokens != tokens)
        Bench::die(QStringLiteral("seeding %1 failed: %2").arg(backend, problem));
    Bench::report({ { "bench", "dataset_seed" }, { "backend", backend }, { "tokens", tokens }, { "users", users },
        { "seconds", Bench::seconds(t) } });
    return d;
}
} // namespace

int BenchScale::run()
{
    // TGADMIN_BENCH_SIZES: "1000" or "1000000" to run one size only (both by default).
    const QStringList sizes = qEnvironmentVariable("TGADMIN_BENCH_SIZES", QStringLiteral("1000,1000000")).split(QLatin1Char(','));
    std::vector<Dataset> datasets;
    for (const QString &backend : { QStringLiteral("sqlite"), QStringLiteral("mariadb") }) {
        if (sizes.contains(QLatin1String("1000")))
            datasets.push_back(seed(backend, 1'000, 100));
        if (sizes.contains(QLatin1String("1000000")))
            datasets.push_back(seed(backend, 1'000'000, 100'000));
    }

    CaseRunner runner(QCoreApplication::applicationFilePath());
    for (const Dataset &d : datasets)
        for (const char *name : { "grid-first-screen", "grid-sort-expiry", "grid-filter-user-code",
                 "grid-filter-any-column", "grid-last-page", "grid-scroll-middle" })
            runner.run(d.args(QString::fromLatin1(name)), d.env);
    for (const Dataset &d : datasets)
        runner.run(d.args(QStringLiteral("user-search")), d.env);
    for (const Dataset &d : datasets)
        runner.run(d.args(QStringLiteral("live")), d.env);

    // Instruction counts do not depend on the machine's load: the fairest "does it grow" check.
    for (const Dataset &d : datasets) {
        CaseArgs a = d.args(QStringLiteral("live-ticks-only"));
        QJsonObject o { { "bench", "live_tick_callgrind" }, { "backend", d.backend }, { "tokens", d.tokens },
            { "users", d.users }, { "ticks", a.ticks } };
        QString why;
        const auto instructions = CaseRunner::valgrindAvailable() ? runner.instructions(a, d.env, &why) : std::nullopt;
        if (instructions) {
            o.insert("instructions", *instructions);
            o.insert("instructions_per_tick", double(*instructions) / a.ticks);
        } else {
            o.insert("skipped", CaseRunner::valgrindAvailable() ? why : QStringLiteral("valgrind is not installed"));
        }
        Bench::report(o);
    }

    // Adds the doctor's indexes on expiry_date and user_id and drops them again.
    for (const Dataset &d : datasets)
        runner.run(d.args(QStringLiteral("live-poll")), d.env);

    // Last: it adds an index (and drops it again), which would change every figure above.
    for (const Dataset &d : datasets)
        if (d.tokens == 1'000'000)
            runner.run(d.args(QStringLiteral("token-index")), d.env);
    return runner.failures();
}

namespace {
struct Launch {
    bool ok = false;
    double seconds = 0;
    qint64 startedMs = 0; // since the epoch, as the child's StallProbe marks are
    QJsonObject stalls;
    QString error;
};

// The whole process, as a person starts it: trongate-admin renders a page once its data is there.
Launch launch(const QString &url, const QString &page, const QProcessEnvironment &base, bool session)
{
    QTemporaryDir dir;
    QProcessEnvironment env = base;
    env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("home/.config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("home/.local/share")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("TGADMIN_STALL_REPORT"), dir.filePath(QStringLiteral("stalls.json")));
    if (session)
        env.insert(QStringLiteral("TGADMIN_SCRIPT_SESSION"), QStringLiteral("1"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    // TGADMIN_BENCH_BINARY: a copy of the binary, so that rebuilding meanwhile changes nothing here.
    p.start(qEnvironmentVariable("TGADMIN_BENCH_BINARY", QStringLiteral(TGADMIN_BINARY)), { QStringLiteral("--db"), url, QStringLiteral("--page"), page,
                                                QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("p.png")) });
    Launch l;
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
        l.error = QStringLiteral("timed out");
        return l;
    }
    l.seconds = Bench::seconds(t);
    l.startedMs = started;
    l.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!l.ok)
        l.error = QString::fromUtf8(p.readAllStandardError()).right(300);
    QFile f(dir.filePath(QStringLiteral("stalls.json")));
    if (f.open(QIODevice::ReadOnly))
        l.stalls = QJsonDocument::fromJson(f.readAll()).object();
    return l;
}

// What the mariadb client needs over the same link for a connection and the first 100 tokens.
double mariadbClient(quint16 port, const Dataset &d)
{
    const QString client = QStandardPaths::findExecutable(QStringLiteral("mariadb"));
    if (client.isEmpty())
        return -1;
    const ConnectionProfile p = d.database->profile();
    QProcess c;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MYSQL_PWD"), d.database->password());
    c.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    c.start(client, { QStringLiteral("--no-defaults"), QStringLiteral("-h127.0.0.1"), QStringLiteral("-P%1").arg(port),
                        QStringLiteral("-u") + p.user, p.database, QStringLiteral("-e"),
                        QStringLiteral("SELECT id, token, user_id, expiry_date, code FROM trongate_tokens ORDER BY id LIMIT 100") });
    c.waitForFinished(60000);
    return c.exitCode() == 0 ? Bench::seconds(t) : -1;
}
} // namespace

int BenchScale::runStartup()
{
    // TGADMIN_BENCH_SIZES: "1000" or "1000000" to run one size only (both by default).
    const QStringList sizes = qEnvironmentVariable("TGADMIN_BENCH_SIZES", QStringLiteral("1000,1000000")).split(QLatin1Char(','));
    std::vector<Dataset> datasets;
    for (const QString &backend : { QStringLiteral("sqlite"), QStringLiteral("mariadb") }) {
        if (sizes.contains(QLatin1String("1000")))
            datasets.push_back(seed(backend, 1'000, 100));
        if (sizes.contains(QLatin1String("1000000")))
            datasets.push_back(seed(backend, 1'000'000, 100'000));
    }
    // TGADMIN_BENCH_PAGES: some of the pages only ("relations"), without the session line.
    const QStringList allPages { QStringLiteral("overview"), QStringLiteral("levels"), QStringLiteral("users"),
        QStringLiteral("tokens"), QStringLiteral("relations"), QStringLiteral("expiry"), QStringLiteral("activity") };
    const QStringList pages = qEnvironmentVariableIsSet("TGADMIN_BENCH_PAGES")
        ? qEnvironmentVariable("TGADMIN_BENCH_PAGES").split(QLatin1Char(','), Qt::SkipEmptyParts)
        : allPages;
    int failures = 0;
    for (const Dataset &d : datasets) {
        const bool server = d.backend != QLatin1String("sqlite");
        for (const int rtt : server ? QList<int> { 0, 80 } : QList<int> { 0 }) {
            // MariaDB always goes through the proxy (0 ms on loopback): it counts the requests.
            std::unique_ptr<LatencyProxy> proxy;
            QString url = d.database->profile().toUrl();
            double client = -1;
            if (server) {
                ConnectionProfile p = d.database->profile();
                proxy = std::make_unique<LatencyProxy>(quint16(p.port), rtt / 2);
                p.port = proxy->port();
                url = p.toUrl();
                client = mariadbClient(proxy->port(), d);
                Bench::report({ { "bench", "mariadb_client_first_page" }, { "backend", d.backend },
                    { "tokens", d.tokens }, { "rtt_ms", rtt }, { "seconds", client } });
            }
            for (const QString &page : pages) {
                if (proxy)
                    proxy->resetCounts();
                const Launch l = launch(url, page, d.env, false);
                QJsonObject o { { "bench", "startup_first_screen" }, { "backend", d.backend }, { "tokens", d.tokens },
                    { "rtt_ms", rtt }, { "page", page }, { "ok", l.ok }, { "seconds", l.seconds },
                    { "longest_stall_ms", l.stalls.value("longest_stall_ms") } };
                if (proxy) {
                    o.insert("requests", proxy->requests());
                    if (client > 0)
                        o.insert("times_mariadb_client", l.seconds / client);
                }
                // The relation diagram's boxes and lines, then its orphan counts, as seconds since the
                // process started.
                const QJsonObject marks = l.stalls.value("marks").toObject();
                if (marks.contains("relations_diagram"))
                    o.insert("diagram_seconds", (marks.value("relations_diagram").toDouble() - l.startedMs) / 1000.0);
                // Any page: when its rows were first on screen (a user's token counts, the live
                // page's exact count may follow; the screenshot waits for the counts).
                if (marks.contains("first_screen"))
                    o.insert("rows_seconds", (marks.value("first_screen").toDouble() - l.startedMs) / 1000.0);
                if (marks.contains("relations_counts"))
                    o.insert("counts_seconds", (marks.value("relations_counts").toDouble() - l.startedMs) / 1000.0);
                if (!l.ok) {
                    o.insert("error", l.error);
                    ++failures;
                }
                Bench::report(o);
            }
            if (qEnvironmentVariableIsSet("TGADMIN_BENCH_PAGES"))
                continue;
            if (proxy)
                proxy->resetCounts();
            const Launch s = launch(url, QStringLiteral("overview"), d.env, true);
            QJsonObject o { { "bench", "session_stalls" }, { "backend", d.backend }, { "tokens", d.tokens },
                { "rtt_ms", rtt }, { "ok", s.ok }, { "seconds", s.seconds } };
            for (auto it = s.stalls.begin(); it != s.stalls.end(); ++it)
                o.insert(it.key(), it.value());
            if (proxy)
                o.insert("requests", proxy->requests());
            if (!s.ok) {
                o.insert("error", s.error);
                ++failures;
            }
            Bench::report(o);
        }
    }
    return failures;
}
