#include "audit/AuditLog.h"
#include "schema/SchemaInspector.h"
#include "TestDatabase.h"
#include "tokens/TokenGenerator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The token commands of trongate-admin, run as a script runs them (stdin not a terminal), on
// SQLite and on a real MariaDB server: exit codes, what is printed, and what the database holds after.
class TestCliTokens final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void issueListInspectRevokePurge();
    void revokeFromStdinAuditsOnlyRealTokens();
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();
    void destructiveCommandsNeedYesWithoutATerminal_data();
    void destructiveCommandsNeedYesWithoutATerminal();
    void destructiveCommandsAskOnATerminal_data();
    void destructiveCommandsAskOnATerminal();
    void levelsAndUsers();
    void extendAndRegenerate();
    void demoSeedFillsOnlyAnEmptyDatabase();
    void helpAtEveryLevel_data();
    void helpAtEveryLevel();
    void randomNeedsNoDatabase();

private:
    struct Run {
        int code = -1;
        QString out;
        QString err;
    };
    // The database of the current backend with Trongate's tables, level 1 "admin" with user 1,
    // level 2 "member" with user 2, and level 3 "guest" with nobody.
    std::unique_ptr<TestDatabase> prepared(QString *problem);
    Run run(const QStringList &args, const QByteArray &stdinData = {});
    Run runProgram(const QString &program, const QStringList &args, const QByteArray &stdinData);
    QStringList withDb(const QStringList &args) const { return QStringList { QStringLiteral("--db"), m_url } + args; }
    qint64 scalar(const QString &sql) const;
    QString activityLog() const;

    QString text(const QString &sql) const;
    void useDatabase(TestDatabase *t);

    std::unique_ptr<QTemporaryDir> m_home;
    QString m_url;
    QString m_password;
    TestDatabase *m_database = nullptr; // owned by the test function
};

void TestCliTokens::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_url.clear();
    m_password.clear();
    m_database = nullptr;
}

void TestCliTokens::useDatabase(TestDatabase *t)
{
    const ConnectionProfile &p = t->profile();
    m_url = t->backend() == QLatin1String("sqlite")
        ? QStringLiteral("sqlite:") + p.sqlitePath
        : QStringLiteral("mysql://%1@%2:%3/%4").arg(p.user, p.host).arg(p.port).arg(p.database);
    m_password = t->password();
    m_database = t;
}

std::unique_ptr<TestDatabase> TestCliTokens::prepared(QString *problem)
{
    QFETCH_GLOBAL(QString, backend);
    auto t = TestDatabase::create(backend, problem);
    if (!t)
        return nullptr;
    useDatabase(t.get());
    QSqlQuery q(t->db());
    if (!SchemaInspector(t->db()).install(nullptr, problem)
        || !q.exec(QStringLiteral("INSERT INTO trongate_user_levels (id, level_title) VALUES (1, 'admin'), "
                                  "(2, 'member'), (3, 'guest')"))
        || !q.exec(QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id) VALUES (1, 'c1', 1), "
                                  "(2, 'c2', 2)"))) {
        *problem = QStringLiteral("preparing the database failed");
        return nullptr;
    }
    return t;
}

TestCliTokens::Run TestCliTokens::run(const QStringList &args, const QByteArray &stdinData)
{
    return runProgram(QStringLiteral(TGADMIN_BINARY), args, stdinData);
}

TestCliTokens::Run TestCliTokens::runProgram(
    const QString &program, const QStringList &args, const QByteArray &stdinData)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral(".local/share")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain lookups: the password is in the environment
    if (m_password.isEmpty())
        env.remove(QStringLiteral("TRONGATE_DB_PASSWORD"));
    else
        env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), m_password);
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(stdinData);
    p.closeWriteChannel(); // stdin is a pipe, never a terminal
    if (!p.waitForFinished(120000))
        return {};
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}

qint64 TestCliTokens::scalar(const QString &sql) const
{
    const QString v = text(sql);
    return v.isNull() ? -1 : v.toLongLong();
}

// Reads one value and lets go of the statement at once: an open SQLite read would block the command's write.
QString TestCliTokens::text(const QString &sql) const
{
    QSqlQuery q(m_database->db());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0).toString();
}

QString TestCliTokens::activityLog() const
{
    QFile f(m_home->filePath(QStringLiteral(".local/share/Trongate/trongate-admin/activity.jsonl")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

#define TG_PREPARED(var)                                                                                               \
    QString var##_problem;                                                                                             \
    auto var = prepared(&var##_problem);                                                                               \
    if (!var) {                                                                                                        \
        if (TestDatabase::serversRequired())                                                                           \
            QFAIL(qPrintable(var##_problem));                                                                          \
        QSKIP(qPrintable(var##_problem));                                                                              \
    }

void TestCliTokens::issueListInspectRevokePurge()
{
    TG_PREPARED(t);
    // issue: the one place the whole token is printed.
    Run r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("issue"), QStringLiteral("--user"),
        QStringLiteral("2"), QStringLiteral("--ttl"), QStringLiteral("1h"), QStringLiteral("--json") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonArray issued
        = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("tokens")).toArray();
    QCOMPARE(issued.size(), 1);
    const QString token = issued.at(0).toObject().value(QStringLiteral("token")).toString();
    const qint64 id = issued.at(0).toObject().value(QStringLiteral("id")).toInteger();
    QVERIFY2(TokenGenerator::isTrongateString(token), qPrintable(token));
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE token = '%1' AND user_id = 2").arg(token)),
        1);
    const qint64 expiry = scalar(QStringLiteral("SELECT expiry_date FROM trongate_tokens WHERE id = %1").arg(id));
    QVERIFY(qAbs(expiry - (QDateTime::currentSecsSinceEpoch() + 3600)) < 120);

    // The activity log has the change, and no whole token.
    const QString log = activityLog();
    QVERIFY2(log.contains(QLatin1String("\"action\":\"issue\"")), qPrintable(log));
    QVERIFY(!log.contains(token));
    QVERIFY(log.contains(token.left(4) + QLatin1Char(':')));

    // list: masked unless --reveal.
    r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("list") }));
    QCOMPARE(r.code, 0);
    QVERIFY(!r.out.contains(token));
    QVERIFY2(r.out.contains(token.left(6) + QChar(0x2026)), qPrintable(r.out));
    r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("list"), QStringLiteral("--json") }));
    QVERIFY(!r.out.contains(token));
    r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("list"), QStringLiteral("--reveal") }));
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(token));

    // inspect: the token on stdin, in other letter case and with a line break, as pasted.
    r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("inspect"), QStringLiteral("--json") }),
        token.toLower().toUtf8() + "\n");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("found")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("token_id")).toInteger(), id);
    QCOMPARE(o.value(QStringLiteral("user_id")).toInteger(), 2);
    QCOMPARE(o.value(QStringLiteral("user_level_id")).toInteger(), 2);
    QCOMPARE(o.value(QStringLiteral("expiry_date")).toInteger(), expiry);
    QCOMPARE(o.value(QStringLiteral("valid_any")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("valid_for_levels")).toArray(), QJsonArray { 2 });
    QCOMPARE(o.value(QStringLiteral("orphan")).toBool(), false);
    QVERIFY(!r.out.contains(token) && !r.out.contains(token.toLower()));

    r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("inspect") }), "\n");
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("empty")), qPrintable(r.err));

    // revoke from stdin: refused without --yes, done with it.
    r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("revoke") }), token.toUtf8());
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String("--yes")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 1);
    r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("revoke"), QStringLiteral("--yes") }),
        QByteArray("  ") + token.toUtf8() + "\n");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 0);
    r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("revoke"), QStringLiteral("--yes") }), token.toUtf8());
    QCOMPARE(r.code, 1); // nothing matched any more
    QVERIFY(r.err.contains(QLatin1String("No token matched")));
    r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("inspect"), QStringLiteral("--json") }), token.toUtf8());
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("found")).toBool(true), false);

    // purge: expired rows go, the one expiring in the future and the one without expiry stay.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    TG_EXEC(t->db(),
        QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date) VALUES ('a', 1, %1), "
                       "('b', 1, %2), ('c', 1, %3), ('d', 1, NULL)")
            .arg(now - 86400)
            .arg(now - 3600)
            .arg(now + 86400));
    r = run(withDb(
        { QStringLiteral("tokens"), QStringLiteral("purge"), QStringLiteral("--yes"), QStringLiteral("--json") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("purged")).toInt(), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 2);
    QVERIFY(activityLog().contains(QLatin1String("\"action\":\"purge\"")));
    QVERIFY(!activityLog().contains(token));
}

// A password pasted next to a token must leave no trace in the activity log, not even a fingerprint.
void TestCliTokens::revokeFromStdinAuditsOnlyRealTokens()
{
    TG_PREPARED(t);
    const QString token = *TokenGenerator().generate();
    TG_EXEC(t->db(),
        QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date) VALUES ('%1', 1, 2000000000)")
            .arg(token));
    const QString secret = QStringLiteral("hunter2-secret");
    const Run r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("revoke"), QStringLiteral("--yes") }),
        (secret + QLatin1Char('\n') + token + QLatin1Char('\n')).toUtf8());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 0);
    const QStringList lines = activityLog().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    const QJsonObject record = QJsonDocument::fromJson(lines.first().toUtf8()).object();
    QCOMPARE(record.value(QStringLiteral("action")).toString(), QStringLiteral("revoke"));
    QCOMPARE(record.value(QStringLiteral("count")).toInt(), 1);
    QCOMPARE(record.value(QStringLiteral("tokens")).toArray(), QJsonArray { AuditLog::fingerprint(token) });
    QCOMPARE(record.value(QStringLiteral("not_a_token")).toInt(), 1);
    const QString whole = lines.first();
    QVERIFY(!whole.contains(secret.left(4)));
    QVERIFY(!whole.contains(AuditLog::fingerprint(secret).mid(5)));
    QVERIFY(!whole.contains(token));
}

void TestCliTokens::refusalsChangeNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    const QString tokens = QStringLiteral("tokens");
    const QString issue = QStringLiteral("issue");
    QTest::addRow("expiry past 2038-01-19 03:14:07 UTC") << QStringList { tokens, issue, "--user", "1", "--expires",
        "2038-01-19T03:14:08Z" } << "2038-01-19 03:14:07 UTC";
    QTest::addRow("expiry in the past") << QStringList { tokens, issue, "--user", "1", "--expires",
        "2001-01-01T00:00:00Z" } << "in the past";
    QTest::addRow("garbage duration") << QStringList { tokens, issue, "--user", "1", "--ttl", "soon" }
                                      << "not a duration";
    QTest::addRow("negative duration") << QStringList { tokens, issue, "--user", "1", "--ttl", "-5m" } << "negative";
    QTest::addRow("both --ttl and --expires") << QStringList { tokens, issue, "--user", "1", "--ttl", "1h", "--expires",
        "2030-01-01T00:00:00Z" } << "not both";
    QTest::addRow("user without a row") << QStringList { tokens, issue, "--user", "1,999" } << "999";
    QTest::addRow("no user given") << QStringList { tokens, issue } << "--user";
    QTest::addRow("code of four characters")
        << QStringList { tokens, issue, "--user", "1", "--code", "abcd" } << "at most 3";
    QTest::addRow("count zero") << QStringList { tokens, issue, "--user", "1", "--count", "0" } << "1 to 100000";
    QTest::addRow("unknown option") << QStringList { tokens, issue, "--user", "1", "--bogus" } << "bogus";
    QTest::addRow("unknown subcommand") << QStringList { tokens, "mint" } << "Unknown subcommand";
    QTest::addRow("level still in use, naming the count")
        << QStringList { "levels", "remove", "2", "--yes" } << "level of 1 users";
    QTest::addRow("level that does not exist")
        << QStringList { "levels", "rename", "77", "x" } << "no user level with id 77";
    QTest::addRow("user code of the wrong length")
        << QStringList { "users", "add", "--level", "1", "--code", "short" } << "exactly 32 characters";
    QTest::addRow("user at a missing level")
        << QStringList { "users", "add", "--level", "77" } << "no user level with id 77";
    QTest::addRow("extend without a lifespan") << QStringList { tokens, "extend", "--id", "1" } << "--ttl";
    QTest::addRow("revoke with two selections")
        << QStringList { tokens, "revoke", "--user", "1", "--level", "1", "--yes" } << "one of";
    QTest::addRow("status that does not exist")
        << QStringList { tokens, "list", "--status", "fresh" } << "valid, expired or all";
}

void TestCliTokens::refusalsChangeNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    TG_PREPARED(t);
    TG_EXEC(t->db(),
        QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date) VALUES ('keep', 1, 2000000000)"));
    const Run r = run(withDb(args));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(reason), qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels")), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels WHERE level_title = 'member'")), 1);
    QVERIFY(activityLog().isEmpty());
}

void TestCliTokens::destructiveCommandsNeedYesWithoutATerminal_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addRow("tokens purge") << QStringList { "tokens", "purge" } << QByteArray();
    QTest::addRow("tokens revoke, token on stdin") << QStringList { "tokens", "revoke" } << QByteArray("old");
    QTest::addRow("tokens revoke --user") << QStringList { "tokens", "revoke", "--user", "1" } << QByteArray();
    QTest::addRow("tokens revoke --level") << QStringList { "tokens", "revoke", "--level", "1" } << QByteArray();
    QTest::addRow("tokens revoke --id") << QStringList { "tokens", "revoke", "--id", "1" } << QByteArray();
    QTest::addRow("tokens regenerate") << QStringList { "tokens", "regenerate", "--id", "1" } << QByteArray();
    QTest::addRow("users remove") << QStringList { "users", "remove", "1" } << QByteArray();
    QTest::addRow("levels remove") << QStringList { "levels", "remove", "3" } << QByteArray();
}

void TestCliTokens::destructiveCommandsNeedYesWithoutATerminal()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    TG_PREPARED(t);
    TG_EXEC(t->db(),
        QStringLiteral("INSERT INTO trongate_tokens (id, token, user_id, expiry_date) VALUES (1, 'old', 1, 1000)"));
    const Run r = run(withDb(args), input);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("--yes")) && r.err.contains(QLatin1String("nothing was changed")),
        qPrintable(r.err));
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE token = 'old' AND expiry_date = 1000")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels")), 3);
}

void TestCliTokens::destructiveCommandsAskOnATerminal_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("remaining");
    QTest::addRow("answered y") << QByteArray("y\n") << 0 << 1;
    QTest::addRow("answered yes") << QByteArray("yes\n") << 0 << 1;
    QTest::addRow("answered n") << QByteArray("n\n") << 1 << 2;
    QTest::addRow("just Enter means no") << QByteArray("\n") << 1 << 2;
}

// util-linux's script gives the command a terminal; the answer is typed into it.
void TestCliTokens::destructiveCommandsAskOnATerminal()
{
    QFETCH(QByteArray, answer);
    QFETCH(int, code);
    QFETCH(int, remaining);
    TG_PREPARED(t);
    TG_EXEC(t->db(),
        QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date) VALUES ('old', 1, 1000), "
                       "('new', 1, 2000000000)"));
    QStringList quoted;
    for (const QString &a :
        QStringList { QStringLiteral(TGADMIN_BINARY) } + withDb({ QStringLiteral("tokens"), QStringLiteral("purge") }))
        quoted << QLatin1Char('\'') + QString(a).replace(QLatin1Char('\''), QLatin1String("'\\''")) + QLatin1Char('\'');
    const Run r = runProgram(QStringLiteral("script"),
        { QStringLiteral("-qec"), quoted.join(QLatin1Char(' ')), QStringLiteral("/dev/null") }, answer);
    QCOMPARE(r.code, code);
    QVERIFY2(r.out.contains(QLatin1String("[y/N]")), qPrintable(r.out));
    QVERIFY2(r.out.contains(code == 0 ? QLatin1String("Purged 1") : QLatin1String("Nothing was changed")),
        qPrintable(r.out));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), remaining);
}

void TestCliTokens::levelsAndUsers()
{
    TG_PREPARED(t);
    Run r = run(withDb(
        { QStringLiteral("levels"), QStringLiteral("add"), QStringLiteral("site editor"), QStringLiteral("--json") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const qint64 level = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("id")).toInteger();
    QVERIFY(level > 3);
    r = run(withDb({ QStringLiteral("levels"), QStringLiteral("add"), QStringLiteral("SITE EDITOR") }));
    QCOMPARE(r.code, 1); // the title compares like the database compares it, and on SQLite this is NOCASE
    QVERIFY2(r.err.contains(QLatin1String("exists already")), qPrintable(r.err));
    r = run(withDb(
        { QStringLiteral("levels"), QStringLiteral("rename"), QString::number(level), QStringLiteral("editor") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));

    // A user with a generated code, one with a given code, and a code that is taken.
    r = run(withDb({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("--level"), QString::number(level),
        QStringLiteral("--json") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject added = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const qint64 user = added.value(QStringLiteral("id")).toInteger();
    QVERIFY(TokenGenerator::isTrongateString(added.value(QStringLiteral("code")).toString()));
    const QString code = *TokenGenerator().generate();
    r = run(withDb({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("--level"), QStringLiteral("3"),
        QStringLiteral("--code"), code }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = run(withDb({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("--level"), QStringLiteral("3"),
        QStringLiteral("--code"), code }));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("unique")), qPrintable(r.err));

    r = run(withDb({ QStringLiteral("levels"), QStringLiteral("list"), QStringLiteral("--json") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonArray levels
        = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("levels")).toArray();
    QCOMPARE(levels.size(), 4);
    QCOMPARE(levels.at(3).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("editor"));
    QCOMPARE(levels.at(3).toObject().value(QStringLiteral("users")).toInt(), 1);

    // The level is in use: refused with the count; after moving the user it goes.
    r = run(withDb(
        { QStringLiteral("levels"), QStringLiteral("remove"), QString::number(level), QStringLiteral("--yes") }));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("level of 1 users")), qPrintable(r.err));
    r = run(
        withDb({ QStringLiteral("users"), QStringLiteral("set-level"), QString::number(user), QStringLiteral("2") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = run(withDb(
        { QStringLiteral("levels"), QStringLiteral("remove"), QString::number(level), QStringLiteral("--yes") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels")), 3);

    r = run(withDb({ QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--level"), QStringLiteral("2"),
        QStringLiteral("--json") }));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("users")).toArray().size(), 2);
    r = run(withDb({ QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1"),
        QStringLiteral("--json") }));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("users")).toArray().size(), 1);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("truncated")).toBool(), true);
    QVERIFY2(r.err.contains(QLatin1String("--limit 0")), qPrintable(r.err));
    r = run(
        withDb({ QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("4") }));
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1 + 4); // the header and every user: nothing left out
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));

    // Removing a user takes the user's tokens along, unless --keep-tokens.
    TG_EXEC(t->db(),
        QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date) VALUES ('u1a', 1, 2000000000), "
                       "('u1b', 1, 2000000000), ('u2', 2, 2000000000)"));
    r = run(
        withDb({ QStringLiteral("users"), QStringLiteral("remove"), QStringLiteral("1"), QStringLiteral("--yes") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 1")), 0);
    r = run(withDb({ QStringLiteral("users"), QStringLiteral("remove"), QStringLiteral("2"),
        QStringLiteral("--keep-tokens"), QStringLiteral("--yes") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 2")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE id IN (1, 2)")), 0);
    r = run(
        withDb({ QStringLiteral("users"), QStringLiteral("remove"), QStringLiteral("2"), QStringLiteral("--yes") }));
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String("no user with id 2")));
    QVERIFY(activityLog().count(QLatin1String("\"action\":\"edit\"")) >= 7);
}

void TestCliTokens::extendAndRegenerate()
{
    TG_PREPARED(t);
    TG_EXEC(t->db(),
        QStringLiteral("INSERT INTO trongate_tokens (id, token, user_id, expiry_date, code) VALUES "
                       "(5, 'oldtoken', 1, 1000, 'xy')"));
    Run r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("extend"), QStringLiteral("--id"),
        QStringLiteral("5"), QStringLiteral("--ttl"), QStringLiteral("7d") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const qint64 week = QDateTime::currentSecsSinceEpoch() + 7 * 86400;
    QVERIFY(
        qAbs(scalar(QStringLiteral("SELECT expiry_date FROM trongate_tokens WHERE token = 'oldtoken'")) - week) < 120);

    r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("regenerate"), QStringLiteral("--id"),
        QStringLiteral("5"), QStringLiteral("--yes"), QStringLiteral("--json") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject masked
        = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("tokens")).toArray().at(0).toObject();
    QCOMPARE(masked.value(QStringLiteral("id")).toInt(), 5);
    QCOMPARE(masked.value(QStringLiteral("code")).toString(), QStringLiteral("xy"));
    QVERIFY(masked.value(QStringLiteral("token")).toString().endsWith(QChar(0x2026)));
    const QString fresh = text(QStringLiteral("SELECT token FROM trongate_tokens WHERE id = 5"));
    QVERIFY(TokenGenerator::isTrongateString(fresh));
    QCOMPARE(text(QStringLiteral("SELECT code FROM trongate_tokens WHERE id = 5")), QStringLiteral("xy"));
    QVERIFY(!r.out.contains(fresh));
    QVERIFY(!activityLog().contains(fresh));

    r = run(withDb({ QStringLiteral("tokens"), QStringLiteral("regenerate"), QStringLiteral("--id"),
        QStringLiteral("5"), QStringLiteral("--yes"), QStringLiteral("--reveal") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString revealed = text(QStringLiteral("SELECT token FROM trongate_tokens WHERE id = 5"));
    QVERIFY(revealed != fresh);
    QVERIFY(r.out.contains(revealed));
}

void TestCliTokens::demoSeedFillsOnlyAnEmptyDatabase()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    useDatabase(t.get());
    Run r = run(withDb({ QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--users"),
        QStringLiteral("1200"), QStringLiteral("--tokens"), QStringLiteral("1700"), QStringLiteral("--json") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("tokens")).toInt(), 1700);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users")), 1200);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(DISTINCT token) FROM trongate_tokens")), 1700);
    r = run(withDb({ QStringLiteral("demo"), QStringLiteral("seed") }));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("only fills an empty database")), qPrintable(r.err));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 1700);
    r = run(withDb({ QStringLiteral("schema"), QStringLiteral("verify") }));
    QCOMPARE(r.code, 0);
}

void TestCliTokens::helpAtEveryLevel_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("top level") << QStringList { "--help" } << "tokens issue";
    QTest::addRow("tokens") << QStringList { "tokens", "--help" } << "regenerate";
    QTest::addRow("tokens issue") << QStringList { "tokens", "issue", "--help" } << "--ttl DURATION";
    QTest::addRow("tokens issue, help first") << QStringList { "--help", "tokens", "issue" } << "--count N";
    QTest::addRow("tokens revoke") << QStringList { "tokens", "revoke", "-h" } << "--yes";
    QTest::addRow("tokens inspect") << QStringList { "tokens", "inspect", "--help" } << "stdin";
    QTest::addRow("levels") << QStringList { "levels", "--help" } << "rename";
    QTest::addRow("users remove") << QStringList { "users", "remove", "--help" } << "--keep-tokens";
    QTest::addRow("schema verify") << QStringList { "schema", "verify", "--help" } << "--json";
    QTest::addRow("demo seed") << QStringList { "demo", "seed", "--help" } << "--tokens N";
    QTest::addRow("random") << QStringList { "random", "--help" } << "--length L";
}

void TestCliTokens::helpAtEveryLevel()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Run r = run(args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QLatin1String("Usage: trongate-admin")), qPrintable(r.out));
    QVERIFY2(r.out.contains(mentions), qPrintable(r.out));
    QVERIFY(r.err.isEmpty());
}

void TestCliTokens::randomNeedsNoDatabase()
{
    Run r = run({ QStringLiteral("random"), QStringLiteral("--count"), QStringLiteral("5"), QStringLiteral("--length"),
        QStringLiteral("40") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    for (const QString &s : lines)
        QVERIFY2(TokenGenerator::isTrongateString(s, 40), qPrintable(s));
    QCOMPARE(QSet<QString>(lines.begin(), lines.end()).size(), 5);
    r = run({ QStringLiteral("random"), QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    QVERIFY(TokenGenerator::isTrongateString(
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("strings")).toArray().at(0).toString()));
    r = run({ QStringLiteral("random"), QStringLiteral("--length"), QStringLiteral("8") });
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String("16 to 125")));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliTokens)
#include "TestCliTokens.moc"
