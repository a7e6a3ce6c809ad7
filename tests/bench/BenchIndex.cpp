#include "BenchCases.h"
#include "BenchSupport.h"

#include "schema/SchemaDoctor.h"
#include "schema/SchemaGraph.h"
#include "sql/SqlDialect.h"
#include "tokens/TokenService.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

// The schema doctor's index on trongate_tokens.token (issue 6): Trongate looks a token up on
// every request it authenticates, so the lookup's time before and after the doctor's statement.
namespace {
constexpr int Lookups = 50;
const QString SuggestionId = QStringLiteral("index:trongate_tokens.token");
// What validate_token_any_level asks for each request (token exists and is not expired).
const QString TrongateLookup
    = QStringLiteral("SELECT id, user_id, expiry_date FROM trongate_tokens WHERE token = ? AND expiry_date > ?");

QStringList randomTokens(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT MIN(id), MAX(id) FROM trongate_tokens")) || !q.next())
        Bench::die(q.lastError().text());
    const qint64 low = q.value(0).toLongLong();
    const qint64 high = q.value(1).toLongLong();
    QRandomGenerator rng(6); // the same tokens in every run, wherever they sit in the table
    QStringList tokens;
    while (tokens.size() < Lookups) {
        QSqlQuery one(db);
        one.setForwardOnly(true);
        if (!Sql::exec(one, QStringLiteral("SELECT token FROM trongate_tokens WHERE id = ?"),
                { qint64(rng.bounded(quint64(high - low + 1))) + low })
            || !one.next())
            continue; // a gap left by a deleted row
        tokens << one.value(0).toString();
    }
    return tokens;
}

struct Timings {
    double inspectMedian = 0;
    double rawMedian = 0;
    int found = 0;
};

Timings lookUp(const QSqlDatabase &db, const QStringList &tokens)
{
    const TokenService service(db);
    Timings out;
    QList<double> inspect;
    QList<double> raw;
    for (const QString &token : tokens) {
        QElapsedTimer t;
        t.start();
        ServiceError error;
        const auto r = service.inspect(token, &error);
        inspect << Bench::seconds(t);
        if (!r)
            Bench::die(error.message);
        out.found += r->found ? 1 : 0;

        t.restart();
        QSqlQuery q(db);
        q.setForwardOnly(true);
        QString why;
        if (!Sql::exec(q, TrongateLookup, { token, service.now() }, &why))
            Bench::die(why);
        while (q.next()) { }
        raw << Bench::seconds(t);
    }
    out.inspectMedian = Bench::median(inspect);
    out.rawMedian = Bench::median(raw);
    return out;
}
} // namespace

void BenchCases::tokenIndex(const CaseArgs &a)
{
    QSqlDatabase db = Bench::open(a.url, QStringLiteral("bench"));
    QJsonObject o { { "bench", "token_index" }, { "backend", Bench::backendOf(db) }, { "tokens", a.tokens },
        { "users", a.users }, { "lookups", Lookups }, { "raw_sql", TrongateLookup } };
    if (SchemaGraph::columnHasIndex(db, QStringLiteral("trongate_tokens"), QStringLiteral("token")))
        Bench::die(QStringLiteral("trongate_tokens.token is indexed already: the dataset is not as seeded"));
    const QStringList tokens = randomTokens(db);

    const Timings before = lookUp(db, tokens);

    // The doctor's own suggestion, applied the way its dialog applies it.
    QString error;
    QElapsedTimer t;
    t.start();
    const SchemaGraph graph = SchemaGraph::read(db, false, &error);
    const QList<SchemaDoctor::Suggestion> suggestions = SchemaDoctor::suggest(db, graph);
    o.insert("doctor_read_seconds", Bench::seconds(t));
    const auto it = std::find_if(
        suggestions.begin(), suggestions.end(), [](const SchemaDoctor::Suggestion &s) { return s.id == SuggestionId; });
    if (it == suggestions.end())
        Bench::die(QStringLiteral("the schema doctor did not suggest %1").arg(SuggestionId));
    t.restart();
    if (!SchemaDoctor::apply(db, *it, &error))
        Bench::die(error);
    const double create = Bench::seconds(t);

    const Timings after = lookUp(db, tokens);

    o.insert("statement", it->statements.join(QStringLiteral("; ")));
    o.insert("inspect_median_seconds_before", before.inspectMedian);
    o.insert("inspect_median_seconds_after", after.inspectMedian);
    o.insert("raw_median_seconds_before", before.rawMedian);
    o.insert("raw_median_seconds_after", after.rawMedian);
    o.insert("speedup_inspect", after.inspectMedian > 0 ? before.inspectMedian / after.inspectMedian : 0);
    o.insert("create_index_seconds", create);
    o.insert("found_before", before.found);
    o.insert("found_after", after.found);
    Bench::report(o);

    // Leave the dataset as seeded: the index is the user's choice, not the benchmark's.
    QSqlQuery drop(db);
    const QString name
        = Sql::quoteIdentifier(db, SchemaDoctor::indexName(QStringLiteral("trongate_tokens"), QStringLiteral("token")));
    const QString sql = Sql::kindOf(db) == DriverKind::MySql
        ? QStringLiteral("DROP INDEX %1 ON %2").arg(name, Sql::quoteIdentifier(db, QStringLiteral("trongate_tokens")))
        : QStringLiteral("DROP INDEX %1").arg(name);
    if (!drop.exec(sql))
        Bench::die(drop.lastError().text());
}
