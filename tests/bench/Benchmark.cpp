#include "sql/BatchInsert.h"
#include "BenchCases.h"
#include "BenchScale.h"
#include "BenchSupport.h"
#include "schema/SchemaInspector.h"
#include "TestDatabase.h"
#include "tokens/TokenGenerator.h"
#include "tokens/TokenService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

// Prints one JSON object per measurement. Needs the MariaDB server of scripts/bench.sh
// (TGADMIN_TEST_MYSQL_*); the SQLite measurements use a temporary directory. With --case it runs
// one measurement of the scale suite (BenchScale.cpp) in this fresh process and nothing else.
namespace {
using Bench::die;
using Bench::report;
using Bench::seconds;

std::unique_ptr<TestDatabase> database(const QString &backend)
{
    QString problem;
    auto t = TestDatabase::create(backend, &problem);
    if (!t)
        die(problem);
    QString error;
    if (!SchemaInspector(t->db()).install(nullptr, &error))
        die(error);
    return t;
}

void exec(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        die(q.lastError().text() + QStringLiteral(" in ") + sql);
}

void generate()
{
    const TokenGenerator generator;
    const int count = 1'000'000;
    QElapsedTimer t;
    t.start();
    qsizetype total = 0;
    for (int i = 0; i < count; ++i)
        total += generator.generate()->size();
    const double s = seconds(t);
    report({ { "bench", "generate_tokens" }, { "tokens", count }, { "seconds", s }, { "tokens_per_second", count / s },
        { "characters", qint64(total) } });
}

void issue(const QString &backend)
{
    auto t = database(backend);
    exec(t->db(), QStringLiteral("INSERT INTO trongate_user_levels (id, level_title) VALUES (1, 'admin')"));
    exec(t->db(), QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id) VALUES (1, 'bench', 1)"));
    TokenService service(t->db());
    const int count = 100'000;
    QElapsedTimer timer;
    timer.start();
    ServiceError error;
    const auto issued = service.issue({ 1 }, service.now() + 86400, QStringLiteral("0"), count, &error);
    const double s = seconds(timer);
    if (!issued || issued->size() != count)
        die(error.message);
    report({ { "bench", "issue_tokens" }, { "backend", backend }, { "tokens", count }, { "seconds", s },
        { "tokens_per_second", count / s } });
}

// 80,000 tokens pasted for revoking (as "tokens revoke" reads them from stdin), every tenth line a
// repeat: de-duplication and the batched DELETEs in one transaction.
void revokePasted(const QString &backend)
{
    auto t = database(backend);
    exec(t->db(), QStringLiteral("INSERT INTO trongate_user_levels (id, level_title) VALUES (1, 'admin')"));
    exec(t->db(), QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id) VALUES (1, 'bench', 1)"));
    TokenService service(t->db());
    const int count = 80'000;
    ServiceError error;
    const auto issued = service.issue({ 1 }, service.now() + 86400, QStringLiteral("0"), count, &error);
    if (!issued)
        die(error.message);
    QStringList pasted;
    pasted.reserve(count + count / 10);
    for (int i = 0; i < count; ++i) {
        pasted << issued->at(i).token;
        if (i % 10 == 0)
            pasted << issued->at(i).token;
    }
    QElapsedTimer timer;
    timer.start();
    const auto revoked = service.revokeTokens(pasted, &error);
    const double s = seconds(timer);
    if (!revoked || *revoked != count)
        die(error.message);
    report({ { "bench", "revoke_pasted_tokens" }, { "backend", backend }, { "lines", qint64(pasted.size()) },
        { "tokens", *revoked }, { "seconds", s } });
}

// 1,000,000 expired tokens in two identical tables (two databases on the same server): one purged by
// TokenService, the other by the same DELETE typed into the mariadb command-line client.
void purge()
{
    auto ours = database(QStringLiteral("mariadb"));
    auto theirs = database(QStringLiteral("mariadb"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const int count = 1'000'000;
    const TokenGenerator generator;
    QElapsedTimer timer;
    timer.start();
    {
        QSqlDatabase db = ours->db();
        db.transaction();
        BatchInsert insert(
            db, QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) VALUES"), 4);
        QString error;
        for (int i = 0; i < count; ++i)
            if (!insert.add({ *generator.generate(), 1 + i % 1000, now - 1 - i % 86400, QStringLiteral("0") }, &error))
                die(error);
        if (!insert.finish(&error) || !db.commit())
            die(error);
    }
    const double fill = seconds(timer);
    exec(ours->db(),
        QStringLiteral("INSERT INTO `%1`.trongate_tokens SELECT * FROM `%2`.trongate_tokens")
            .arg(theirs->profile().database, ours->profile().database));

    TokenService service(ours->db(), [now] { return now; });
    timer.restart();
    ServiceError error;
    const auto purged = service.purge(&error);
    const double s = seconds(timer);
    if (!purged || *purged != count)
        die(error.message);
    report({ { "bench", "purge_expired" }, { "backend", "mariadb" }, { "via", "TokenService::purge" },
        { "tokens", *purged }, { "seconds", s }, { "fill_seconds", fill } });

    // The client reads the password from an option file, never from its command line.
    QTemporaryDir dir;
    const ConnectionProfile &p = theirs->profile();
    const QString cnf = dir.filePath(QStringLiteral("client.cnf"));
    {
        QFile f(cnf);
        if (!f.open(QIODevice::WriteOnly))
            die(f.errorString());
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        f.write(QStringLiteral("[client]\nuser=%1\npassword=%2\nhost=%3\nport=%4\n")
                    .arg(p.user, theirs->password(), p.host)
                    .arg(p.port)
                    .toUtf8());
    }
    auto client = [&](const QString &sql, QString *output) {
        QProcess proc;
        QElapsedTimer t;
        t.start();
        proc.start(QStringLiteral("mariadb"),
            { QStringLiteral("--defaults-file=") + cnf, QStringLiteral("-N"), p.database, QStringLiteral("-e"), sql });
        if (!proc.waitForFinished(600000) || proc.exitCode() != 0)
            die(QStringLiteral("mariadb client failed: ") + QString::fromUtf8(proc.readAllStandardError()));
        if (output)
            *output = QString::fromUtf8(proc.readAllStandardOutput()).trimmed();
        return seconds(t);
    };
    const double startup = client(QStringLiteral("SELECT 1"), nullptr);
    const QString sql
        = QStringLiteral("DELETE FROM trongate_tokens WHERE expiry_date < %1; SELECT ROW_COUNT();").arg(now);
    QString rows;
    const double cli = client(sql, &rows);
    report({ { "bench", "purge_expired" }, { "backend", "mariadb" }, { "via", "mariadb command-line client" },
        { "tokens", rows.toLongLong() }, { "seconds", cli }, { "client_startup_seconds", startup } });
}

void seed(const QString &backend, int users)
{
    QTemporaryDir home;
    std::unique_ptr<TestDatabase> server;
    QString url;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    if (backend == QLatin1String("sqlite")) {
        url = QStringLiteral("sqlite:") + home.filePath(QStringLiteral("demo.sqlite"));
    } else {
        QString problem;
        server = TestDatabase::create(backend, &problem);
        if (!server)
            die(problem);
        const ConnectionProfile &p = server->profile();
        url = QStringLiteral("mysql://%1@%2:%3/%4").arg(p.user, p.host).arg(p.port).arg(p.database);
        env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), server->password());
    }
    QProcess proc;
    proc.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    QStringList args { QStringLiteral("--db"), url, QStringLiteral("demo"), QStringLiteral("seed") };
    if (users > 0)
        args << QStringLiteral("--users") << QString::number(users);
    args << QStringLiteral("--tokens") << QStringLiteral("1000000") << QStringLiteral("--json");
    proc.start(QStringLiteral(TGADMIN_BINARY), args);
    if (!proc.waitForFinished(1800000) || proc.exitCode() != 0)
        die(QStringLiteral("demo seed failed: ") + QString::fromUtf8(proc.readAllStandardError()));
    const double wall = seconds(timer);
    const QJsonObject result = QJsonDocument::fromJson(proc.readAllStandardOutput()).object();
    report({ { "bench", "demo_seed" }, { "backend", backend },
        { "command", QStringLiteral("trongate-admin ") + args.mid(2, args.size() - 3).join(QLatin1Char(' ')) },
        { "tokens", result.value(QStringLiteral("tokens")) }, { "users", result.value(QStringLiteral("users")) },
        { "seconds", wall }, { "seconds_inside", result.value(QStringLiteral("seconds")) } });
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Trongate Admin benchmarks: one JSON object per line."));
    parser.addHelpOption();
    const QCommandLineOption suite(QStringLiteral("suite"),
        QStringLiteral("What to run: all (default), core (token generation, issue, revoke, purge, demo seed) or scale "
                       "(grids, user search, live view and token index at 1k and 1M tokens); startup (every page's first screen and the "
                       "window's stalls, at 0 and 80 ms round trip) runs only when named."),
        QStringLiteral("name"), QStringLiteral("all"));
    const QCommandLineOption caseName(QStringLiteral("case"),
        QStringLiteral("Runs one measurement of the scale suite in this process: %1.")
            .arg(BenchCases::names().join(QStringLiteral(", "))),
        QStringLiteral("name"));
    const QCommandLineOption db(QStringLiteral("db"),
        QStringLiteral("The seeded database of --case (password in TRONGATE_DB_PASSWORD)."), QStringLiteral("url"));
    const QCommandLineOption tokens(
        QStringLiteral("tokens"), QStringLiteral("Its number of tokens, for the report."), QStringLiteral("n"));
    const QCommandLineOption users(
        QStringLiteral("users"), QStringLiteral("Its number of users, for the report."), QStringLiteral("n"));
    const QCommandLineOption ticks(QStringLiteral("ticks"), QStringLiteral("Ticks of the live cases."),
        QStringLiteral("n"), QStringLiteral("1000"));
    parser.addOptions({ suite, caseName, db, tokens, users, ticks });
    parser.process(app);

    if (parser.isSet(caseName)) {
        CaseArgs a;
        a.name = parser.value(caseName);
        a.url = parser.value(db);
        a.tokens = parser.value(tokens).toInt();
        a.users = parser.value(users).toInt();
        a.ticks = std::max(1, parser.value(ticks).toInt());
        if (a.url.isEmpty())
            die(QStringLiteral("--case needs --db"));
        if (!BenchCases::run(a))
            die(QStringLiteral("no case named %1; there are %2")
                    .arg(a.name, BenchCases::names().join(QStringLiteral(", "))));
        return 0;
    }

    if (!qEnvironmentVariableIsSet("TGADMIN_TEST_MYSQL_PORT"))
        die(QStringLiteral("no MariaDB server: run scripts/bench.sh, which starts one."));
    const QString which = parser.value(suite);
    if (which == QLatin1String("startup"))
        return BenchScale::runStartup() > 0 ? 1 : 0;
    if (which != QLatin1String("all") && which != QLatin1String("core") && which != QLatin1String("scale"))
        die(QStringLiteral("--suite is all, core, scale or startup"));
    if (which != QLatin1String("scale")) {
        generate();
        issue(QStringLiteral("mariadb"));
        issue(QStringLiteral("sqlite"));
        revokePasted(QStringLiteral("mariadb"));
        revokePasted(QStringLiteral("sqlite"));
        purge();
        seed(QStringLiteral("sqlite"), 0);
        seed(QStringLiteral("mariadb"), 0);
        seed(QStringLiteral("sqlite"), 100'000);
        seed(QStringLiteral("mariadb"), 100'000);
    }
    if (which != QLatin1String("core") && BenchScale::run() > 0)
        return 1;
    return 0;
}
