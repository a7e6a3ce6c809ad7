#include "BenchCases.h"
#include "BenchSupport.h"

#include "ExpiryModel.h"
#include "ExpiryPoller.h"
#include "schema/SchemaDoctor.h"
#include "schema/SchemaGraph.h"
#include "sql/SqlDialect.h"
#include "tokens/TokenService.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QThread>
#include <QSqlError>
#include <QSqlQuery>

// The live view's poll (issue 12) as the server pays for it: the poll the page's worker thread
// sends once a second, on its own connection, at 1k and 1M tokens, without and then with the schema
// doctor's indexes on expiry_date and user_id (dropped again afterwards). Two situations:
// - quiet: nothing changes (the change signal only);
// - busy: a real 15 s during which another connection issues a token every second while the poll
//   runs every second as the page's timer does; the poll's seconds summed over the wall seconds.
// Each twice: `budget` (the page's own: counts that grow with the table at most at their share of
// wall time, ExpiryReadBudget) and `count_every_poll` (every changed poll counts everything, what
// the page did before the budget).
// Then once (live_poll_other_table): another table written before each poll (a PHP app's
// sessions), a minute after the last token was written: on MariaDB the table's own stamp reads
// nothing then; SQLite's data_version is the whole file's.
namespace {
constexpr int VisibleRows = 40;
constexpr int QuietPolls = 10;
constexpr int OtherTablePolls = 10;
constexpr int BusySeconds = 15;
constexpr int TimelineEvery = 10; // the page refreshes the timeline every 10 ticks
const QString OtherTable = QStringLiteral("tgadmin_bench_sessions");

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

const char *kindName(ExpiryChangeSignal::Kind k)
{
    switch (k) {
    case ExpiryChangeSignal::Kind::Table:
        return "table_update_time";
    case ExpiryChangeSignal::Kind::ServerCounter:
        return "server_counter";
    case ExpiryChangeSignal::Kind::EveryPoll:
        return "every_poll";
    case ExpiryChangeSignal::Kind::Unknown:
        break;
    }
    return "unknown";
}

struct Figures {
    QString signal;
    double quietMedian = 0;
    double quietQueries = 0;
    double busyWall = 0;
    double busyPollSeconds = 0; // summed
    QList<double> busyPolls;
    int busyWrites = 0;
    int exactCountPolls = 0;
    int exactPlacePolls = 0;
    double maxCountAge = 0;
    double busyRowReads = -1;
    double toExactAfterWrites = -1;
    bool countRight = false;
};

void exec(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        Bench::die(q.lastError().text() + QStringLiteral(" in ") + sql);
}

Figures measure(const QSqlDatabase &db, QSqlDatabase other, bool countEveryPoll)
{
    ExpiryModel model(db, now);
    model.reload();
    // Where the page opens: the first token still valid at the top, the expired backlog above.
    const int top = model.rowOfNow();
    model.setVisibleRows(top, top + VisibleRows - 1);
    model.index(top, 0).data();
    model.index(top + VisibleRows - 1, 0).data();
    TokenOwners owners(db);
    ExpiryChangeSignal signal;
    // Counting everything at every changed poll is a budget without limit.
    ExpiryReadBudget::Options limits;
    if (countEveryPoll)
        limits.share = 1e9;
    ExpiryReadBudget budget(limits);
    int polls = 0;
    auto pollOnce = [&](double *seconds, int *queries) {
        ExpiryPollRequest r = model.pollRequest(false);
        r.timeline = true;
        r.timelineDue = polls++ % TimelineEvery == 0;
        r.span = ExpiryTimeline::Span::Day;
        r.now = now();
        QElapsedTimer t;
        t.start();
        const ExpiryPollSnapshot s = readExpirySnapshot(db, r, &signal, &budget, owners);
        *seconds = Bench::seconds(t);
        *queries = s.queries;
        if (!s.ok)
            Bench::die(QStringLiteral("poll: ") + s.error);
        model.apply(s);
        return s;
    };
    double seconds = 0;
    int queries = 0;
    pollOnce(&seconds, &queries); // learns the signal
    Figures f;
    f.signal = QString::fromLatin1(kindName(signal.kind()));
    QList<double> quiet;
    int quietQueries = 0;
    for (int i = 0; i < QuietPolls; ++i) {
        pollOnce(&seconds, &queries);
        quiet << seconds;
        quietQueries += queries;
    }
    f.quietMedian = Bench::median(quiet);
    f.quietQueries = double(quietQueries) / QuietPolls;

    // Busy: a token committed half-way between two polls, every second, for BusySeconds.
    TokenService service(other);
    QList<qint64> issued;
    const qint64 reads = Bench::serverRowReads(db);
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < BusySeconds; ++i) {
        while (wall.elapsed() < i * 1000 + 500)
            QThread::msleep(5);
        ServiceError e;
        const auto out = service.issue({ 1 }, service.now() + 600 + i * 7, QStringLiteral("0"), 1, &e);
        if (!out)
            Bench::die(e.message);
        issued << out->first().id;
        ++f.busyWrites;
        while (wall.elapsed() < (i + 1) * 1000)
            QThread::msleep(5);
        const ExpiryPollSnapshot s = pollOnce(&seconds, &queries);
        f.busyPolls << seconds;
        f.busyPollSeconds += seconds;
        if (!s.countOwed)
            ++f.exactCountPolls;
        if (s.aboveKnown)
            ++f.exactPlacePolls;
        else if (s.countAgeMs)
            f.maxCountAge = std::max(f.maxCountAge, *s.countAgeMs / 1000.0);
    }
    f.busyWall = Bench::seconds(wall);
    if (reads >= 0)
        f.busyRowReads = double(Bench::serverRowReads(db) - reads) / BusySeconds;
    // The writes stop: how long until the page's count is exact again, at one poll a second.
    QElapsedTimer settle;
    settle.start();
    for (int i = 0; i < 120 && !model.countExact(); ++i) {
        QThread::msleep(1000);
        pollOnce(&seconds, &queries);
    }
    f.toExactAfterWrites = model.countExact() ? Bench::seconds(settle) : -1;
    QSqlQuery q(db);
    f.countRight = q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL"))
        && q.next() && q.value(0).toLongLong() == model.count();
    ServiceError e;
    service.revokeIds(issued, &e);
    return f;
}

void otherTable(const CaseArgs &a, const QSqlDatabase &db, QSqlDatabase other)
{
    ExpiryModel model(db, now);
    model.reload();
    const int top = model.rowOfNow();
    model.setVisibleRows(top, top + VisibleRows - 1);
    model.index(top, 0).data();
    TokenOwners owners(db);
    ExpiryChangeSignal signal;
    ExpiryReadBudget budget;
    QList<double> seconds;
    int queries = 0;
    auto pollOnce = [&] {
        QElapsedTimer t;
        t.start();
        const ExpiryPollSnapshot s = readExpirySnapshot(db, model.pollRequest(false), &signal, &budget, owners);
        if (!s.ok)
            Bench::die(QStringLiteral("poll: ") + s.error);
        model.apply(s);
        seconds << Bench::seconds(t);
        queries += s.queries;
    };
    pollOnce();
    if (Sql::kindOf(db) == DriverKind::MySql) {
        // Past the minute after the table's stamp in which any commit on the server counts.
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT GREATEST(0, UNIX_TIMESTAMP(UPDATE_TIME) + %1 + 1 - UNIX_TIMESTAMP(NOW())) "
                                   "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = "
                                   "'trongate_tokens'")
                           .arg(ExpiryChangeSignal::Options {}.longestTransactionSeconds))
            || !q.next())
            Bench::die(q.lastError().text());
        QThread::msleep(q.value(0).toULongLong() * 1000);
    }
    pollOnce();
    seconds.clear();
    queries = 0;
    for (int i = 0; i < OtherTablePolls; ++i) {
        exec(other, QStringLiteral("INSERT INTO %1 (touched) VALUES (%2)").arg(OtherTable).arg(now()));
        pollOnce();
    }
    QJsonObject o { { "bench", "live_poll_other_table" }, { "backend", Bench::backendOf(db) }, { "tokens", a.tokens },
        { "users", a.users }, { "signal", kindName(signal.kind()) } };
    o.insert("poll_seconds_median", Bench::median(seconds));
    o.insert("queries_per_poll", double(queries) / OtherTablePolls);
    Bench::report(o);
}

void report(const CaseArgs &a, const QSqlDatabase &db, const char *indexes, const char *mode, const Figures &f)
{
    QJsonObject o { { "bench", "live_poll_server" }, { "backend", Bench::backendOf(db) }, { "tokens", a.tokens },
        { "users", a.users }, { "indexes", indexes }, { "mode", mode }, { "signal", f.signal } };
    o.insert("quiet_poll_seconds", f.quietMedian);
    o.insert("quiet_queries_per_poll", f.quietQueries);
    // One poll a second: the seconds of server work per second of polling.
    o.insert("server_seconds_per_second_quiet", f.quietMedian);
    o.insert("busy_wall_seconds", f.busyWall);
    o.insert("busy_writes", f.busyWrites);
    o.insert("server_seconds_per_second_busy", f.busyPollSeconds / f.busyWall);
    o.insert("busy_poll_seconds_median", Bench::median(f.busyPolls));
    o.insert("busy_poll_seconds_max", *std::max_element(f.busyPolls.cbegin(), f.busyPolls.cend()));
    o.insert("busy_polls_with_exact_count", f.exactCountPolls);
    o.insert("busy_polls_with_exact_place", f.exactPlacePolls);
    o.insert("busy_max_count_age_seconds", f.maxCountAge);
    if (f.busyRowReads >= 0)
        o.insert("server_row_reads_per_busy_poll", f.busyRowReads);
    o.insert("seconds_to_exact_count_after_writes_stop", f.toExactAfterWrites);
    o.insert("count_right", f.countRight);
    Bench::report(o);
}

bool addIndex(const QSqlDatabase &db, const QString &column)
{
    if (SchemaGraph::columnHasIndex(db, QStringLiteral("trongate_tokens"), column))
        return false;
    QString error;
    const SchemaGraph graph = SchemaGraph::read(db, false, &error);
    const QString id = QStringLiteral("index:trongate_tokens.") + column;
    for (const SchemaDoctor::Suggestion &s : SchemaDoctor::suggest(db, graph))
        if (s.id == id) {
            if (!SchemaDoctor::apply(db, s, &error))
                Bench::die(error);
            return true;
        }
    Bench::die(QStringLiteral("the schema doctor did not suggest %1").arg(id));
    return false;
}

void dropIndex(const QSqlDatabase &db, const QString &column)
{
    const QString name
        = Sql::quoteIdentifier(db, SchemaDoctor::indexName(QStringLiteral("trongate_tokens"), column));
    QSqlQuery q(db);
    q.exec(Sql::kindOf(db) == DriverKind::MySql
            ? QStringLiteral("DROP INDEX %1 ON %2").arg(name, Sql::quoteIdentifier(db, QStringLiteral("trongate_tokens")))
            : QStringLiteral("DROP INDEX %1").arg(name));
}
} // namespace

void BenchCases::livePoll(const CaseArgs &a)
{
    QSqlDatabase db = Bench::open(a.url, QStringLiteral("bench"));
    QSqlDatabase other = Bench::open(a.url, QStringLiteral("bench-second"));
    // The other table a PHP app writes all the time (its sessions); dropped again at the end.
    exec(other, QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (touched INTEGER)").arg(OtherTable));
    // TGADMIN_BENCH_LIVE_MODES: "budget" or "count_every_poll" to run one of them only.
    const QStringList modes
        = qEnvironmentVariable("TGADMIN_BENCH_LIVE_MODES", QStringLiteral("budget,count_every_poll")).split(QLatin1Char(','));
    auto both = [&](const char *indexes) {
        for (const char *mode : { "budget", "count_every_poll" })
            if (modes.contains(QLatin1String(mode)))
                report(a, db, indexes, mode, measure(db, other, qstrcmp(mode, "count_every_poll") == 0));
    };
    both("none");
    const bool expiry = addIndex(db, QStringLiteral("expiry_date"));
    const bool user = addIndex(db, QStringLiteral("user_id"));
    both("expiry_date,user_id");
    if (expiry)
        dropIndex(db, QStringLiteral("expiry_date"));
    if (user)
        dropIndex(db, QStringLiteral("user_id"));
    otherTable(a, db, other);
    exec(other, QStringLiteral("DROP TABLE %1").arg(OtherTable));
}
