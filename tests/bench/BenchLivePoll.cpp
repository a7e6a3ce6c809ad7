#include "BenchCases.h"
#include "BenchSupport.h"

#include "ExpiryModel.h"
#include "ExpiryPoller.h"
#include "SchemaDoctor.h"
#include "SchemaGraph.h"
#include "SqlDialect.h"
#include "TokenService.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

// The live view's poll (issue 12) as the server pays for it: one poll a second on the poller's own
// connection, when nothing changed (the engine's counter only) and when another client wrote just
// before (counter, one count over the filtered rows, the visible rows by key, their owners, the
// timeline), at 1k and 1M tokens, without and then with the schema doctor's indexes on
// expiry_date and user_id (dropped again afterwards).
namespace {
constexpr int VisibleRows = 40;
constexpr int QuietPolls = 10;
constexpr int ChangedPolls = 5;
constexpr double TimerSeconds = 1.0;

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

struct Figures {
    double quietMedian = 0;
    double changedMedian = 0;
    double quietQueries = 0;
    double changedQueries = 0;
    double changedRowReads = -1;
    bool countRight = false;
};

Figures measure(const QSqlDatabase &db, QSqlDatabase other)
{
    ExpiryModel model(db, now);
    model.reload();
    model.setVisibleRows(VisibleRows * 10, VisibleRows * 11 - 1);
    model.index(VisibleRows * 10, 0).data();
    model.index(VisibleRows * 11 - 1, 0).data();
    TokenOwners owners(db);
    ExpiryChangeSignal signal;
    auto pollOnce = [&](double *seconds, int *queries) {
        ExpiryPollRequest r = model.pollRequest(false);
        r.timeline = true;
        r.span = ExpiryTimeline::Span::Day;
        r.now = now();
        QElapsedTimer t;
        t.start();
        const ExpiryPollSnapshot s = readExpirySnapshot(db, r, &signal, owners);
        *seconds = Bench::seconds(t);
        *queries = s.queries;
        if (!s.ok)
            Bench::die(QStringLiteral("poll: ") + s.error);
        model.apply(s);
    };
    double seconds = 0;
    int queries = 0;
    pollOnce(&seconds, &queries); // learns the counter
    Figures f;
    QList<double> quiet;
    int quietQueries = 0;
    for (int i = 0; i < QuietPolls; ++i) {
        pollOnce(&seconds, &queries);
        quiet << seconds;
        quietQueries += queries;
    }
    TokenService service(other);
    QList<double> changed;
    int changedQueries = 0;
    const qint64 reads = Bench::serverRowReads(db);
    QList<qint64> issued;
    for (int i = 0; i < ChangedPolls; ++i) {
        ServiceError e;
        const auto out = service.issue({ 1 }, service.now() + 600 + i, QStringLiteral("0"), 1, &e);
        if (!out)
            Bench::die(e.message);
        issued << out->first().id;
        pollOnce(&seconds, &queries);
        changed << seconds;
        changedQueries += queries;
    }
    if (reads >= 0)
        f.changedRowReads = double(Bench::serverRowReads(db) - reads) / ChangedPolls;
    QSqlQuery q(db);
    f.countRight = q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL"))
        && q.next() && q.value(0).toLongLong() == model.count();
    ServiceError e;
    service.revokeIds(issued, &e);
    f.quietMedian = Bench::median(quiet);
    f.changedMedian = Bench::median(changed);
    f.quietQueries = double(quietQueries) / QuietPolls;
    f.changedQueries = double(changedQueries) / ChangedPolls;
    return f;
}

void report(const CaseArgs &a, const QSqlDatabase &db, const char *indexes, const Figures &f)
{
    QJsonObject o { { "bench", "live_poll_server" }, { "backend", Bench::backendOf(db) }, { "tokens", a.tokens },
        { "users", a.users }, { "indexes", indexes } };
    o.insert("quiet_poll_seconds", f.quietMedian);
    o.insert("quiet_queries_per_poll", f.quietQueries);
    o.insert("changed_poll_seconds", f.changedMedian);
    o.insert("changed_queries_per_poll", f.changedQueries);
    // One poll a second: the seconds of server work per second of polling, nothing changing and
    // another client writing every second.
    o.insert("server_seconds_per_second_quiet", f.quietMedian / TimerSeconds);
    o.insert("server_seconds_per_second_busy", f.changedMedian / TimerSeconds);
    o.insert("worst_case_detection_latency_seconds", TimerSeconds + f.changedMedian);
    if (f.changedRowReads >= 0)
        o.insert("server_row_reads_per_changed_poll", f.changedRowReads);
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
    report(a, db, "none", measure(db, other));
    const bool expiry = addIndex(db, QStringLiteral("expiry_date"));
    const bool user = addIndex(db, QStringLiteral("user_id"));
    report(a, db, "expiry_date,user_id", measure(db, other));
    if (expiry)
        dropIndex(db, QStringLiteral("expiry_date"));
    if (user)
        dropIndex(db, QStringLiteral("user_id"));
}
