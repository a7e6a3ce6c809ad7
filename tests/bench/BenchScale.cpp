#include "BenchScale.h"

#include "BenchCases.h"
#include "BenchSupport.h"
#include "CaseRunner.h"

#include "DemoDatabase.h"
#include "TestDatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

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
    std::vector<Dataset> datasets;
    for (const QString &backend : { QStringLiteral("sqlite"), QStringLiteral("mariadb") }) {
        datasets.push_back(seed(backend, 1'000, 100));
        datasets.push_back(seed(backend, 1'000'000, 100'000));
    }

    CaseRunner runner(QCoreApplication::applicationFilePath());
    for (const Dataset &d : datasets)
        for (const char *name : { "grid-first-screen", "grid-sort-expiry", "grid-filter-user-code",
                 "grid-filter-any-column", "grid-last-page" })
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
