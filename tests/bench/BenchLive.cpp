#include "BenchCases.h"
#include "BenchSupport.h"
#include "RepaintProbe.h"

#include "ExpiryModel.h"
#include "ExpiryTimeline.h"
#include "tokens/TokenService.h"

#include <QDateTime>
#include <QJsonObject>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define TGADMIN_CALLGRIND 1
#endif

// The live expiry view (issue 5) at 1,000 and 1,000,000 tokens: what its one-second timer costs
// the main thread when nothing happens, and how soon another client's new token shows up.
namespace {
constexpr int VisibleRows = 40;
constexpr int QuietPolls = 10;
constexpr double TimerSeconds = 1.0; // ExpiryPage's tick interval

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

QJsonObject header(const char *bench, const CaseArgs &a, const QSqlDatabase &db)
{
    return { { "bench", bench }, { "backend", Bench::backendOf(db) }, { "tokens", a.tokens }, { "users", a.users } };
}

// The page's state once it is shown: counted, first screen painted, visible range known.
double showFirstScreen(ExpiryModel &model, double *reloadSeconds)
{
    QElapsedTimer t;
    t.start();
    model.reload();
    *reloadSeconds = Bench::seconds(t);
    model.setVisibleRows(0, VisibleRows - 1);
    RepaintProbe::paint(&model, 0, VisibleRows - 1);
    if (!model.lastError().isEmpty() || model.cachedRowCount() < VisibleRows)
        Bench::die(QStringLiteral("live view: ") + model.lastError());
    return Bench::seconds(t);
}

double ticks(ExpiryModel &model, int n)
{
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i)
        model.tick();
    return Bench::seconds(t);
}
} // namespace

void BenchCases::live(const CaseArgs &a)
{
    QSqlDatabase db = Bench::open(a.url, QStringLiteral("bench"));
    ExpiryModel model(db, now);
    double reload = 0;
    const double firstScreen = showFirstScreen(model, &reload);

    // Ticks: alone (nobody listens), then with the repaint a view does for the changed cells.
    int queries = model.queriesSent();
    const double bare = ticks(model, a.ticks);
    const RepaintProbe probe(&model);
    const double painted = ticks(model, a.ticks);
    QJsonObject o = header("live_tick", a, db);
    o.insert("visible_rows", VisibleRows);
    o.insert("ticks", a.ticks);
    o.insert("us_per_tick", painted / a.ticks * 1e6);
    o.insert("us_per_tick_without_view", bare / a.ticks * 1e6);
    o.insert("cells_repainted_per_tick", double(probe.cellsPainted()) / a.ticks);
    o.insert("queries", model.queriesSent() - queries);
    o.insert("reload_seconds", reload);
    o.insert("first_screen_seconds", firstScreen);
    o.insert("cached_rows", model.cachedRowCount());
    Bench::report(o);

    // Quiet polls: nothing changes, so each should be the one query its comment promises.
    queries = model.queriesSent();
    const qint64 reads = Bench::serverRowReads(db);
    QList<double> times;
    int changed = 0;
    for (int i = 0; i < QuietPolls; ++i) {
        QElapsedTimer t;
        t.start();
        const ExpiryModel::PollResult r = model.poll();
        times << Bench::seconds(t);
        if (!r.ok)
            Bench::die(QStringLiteral("poll: ") + model.lastError());
        changed += r.changed() ? 1 : 0;
    }
    const int pollQueries = model.queriesSent() - queries;
    o = header("live_poll_quiet", a, db);
    o.insert("polls", QuietPolls);
    o.insert("queries_per_poll", double(pollQueries) / QuietPolls);
    o.insert("queries_per_second", double(pollQueries) / QuietPolls / TimerSeconds);
    o.insert("median_seconds", Bench::median(times));
    o.insert("max_seconds", *std::max_element(times.begin(), times.end()));
    o.insert("polls_reporting_changes", changed);
    if (reads >= 0)
        o.insert("server_row_reads_per_poll", double(Bench::serverRowReads(db) - reads) / QuietPolls);
    // The page also reconciles the count every 30 ticks and redraws its timeline every 10.
    QElapsedTimer t;
    t.start();
    model.reconcile();
    o.insert("reconcile_seconds", Bench::seconds(t));
    t.restart();
    ExpiryTimeline::Slices slices;
    QString error;
    if (!ExpiryTimeline::compute(db, ExpiryTimeline::Span::Day, now(), &slices, &error))
        Bench::die(error);
    o.insert("timeline_day_seconds", Bench::seconds(t));
    Bench::report(o);

    // A token issued by another client (Trongate's generate_token on its own connection).
    QSqlDatabase other = Bench::open(a.url, QStringLiteral("bench-second"));
    TokenService service(other);
    ServiceError serviceError;
    const qint64 before = model.count();
    const auto issued
        = service.issue({ std::max(1, a.users / 2) }, service.now() + 600, QStringLiteral("0"), 1, &serviceError);
    if (!issued || issued->size() != 1)
        Bench::die(serviceError.message);
    const qint64 id = issued->first().id;
    queries = model.queriesSent();
    t.restart();
    const ExpiryModel::PollResult r = model.poll();
    const double pollSeconds = Bench::seconds(t);
    const int row = model.rowOfId(id);
    const bool appeared = r.ok && r.inserted == 1 && row >= 0 && model.count() == before + 1 && model.idAt(row) == id;
    o = header("live_insert_visible", a, db);
    o.insert("appeared_within_one_poll", appeared);
    o.insert("poll_seconds", pollSeconds);
    o.insert("worst_case_latency_seconds", TimerSeconds + pollSeconds);
    o.insert("under_two_seconds", appeared && TimerSeconds + pollSeconds < 2.0);
    o.insert("queries", model.queriesSent() - queries);
    o.insert("row", row);
    Bench::report(o);
    // The shared dataset stays as seeded for the measurements that follow.
    if (!service.revokeIds({ id }, &serviceError))
        Bench::die(serviceError.message);
}

void BenchCases::liveTicksOnly(const CaseArgs &a)
{
    QSqlDatabase db = Bench::open(a.url, QStringLiteral("bench"));
    ExpiryModel model(db, now);
    double reload = 0;
    showFirstScreen(model, &reload);
    const RepaintProbe probe(&model);
    const int queries = model.queriesSent();
    // Under valgrind --instr-atstart=no only the ticks are counted: loading the first screen
    // (which on SQLite sorts the whole table in this process) runs uninstrumented.
#ifdef TGADMIN_CALLGRIND
    CALLGRIND_ZERO_STATS;
    CALLGRIND_START_INSTRUMENTATION;
#endif
    const double s = ticks(model, a.ticks);
#ifdef TGADMIN_CALLGRIND
    CALLGRIND_STOP_INSTRUMENTATION;
    const bool requests = true;
#else
    const bool requests = false;
#endif
    QJsonObject o = header("live_ticks_only", a, db);
    o.insert("ticks", a.ticks);
    o.insert("seconds", s);
    o.insert("queries", model.queriesSent() - queries);
    o.insert("callgrind_requests", requests);
    Bench::report(o);
}
