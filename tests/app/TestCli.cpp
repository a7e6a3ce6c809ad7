#include "AppSettings.h"
#include "connection/ConnectionProfile.h"
#include "sql/QueryBuilder.h"
#include "TestDatabase.h"

#include <QSettings>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QImage>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QSqlError>
#include <QTest>
#include <QUuid>

// trongate-admin run as scripts and cron run it: exit codes, stdout, stderr.
class TestCli final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void printsVersion();
    void installTwiceThenVerifyOnSqlite();
    void verifyReportsDifferencesWithExitCode1();
    void cannotConnectExitsWith2_data();
    void cannotConnectExitsWith2();
    void refusesPasswordArgument();
    void mariaDbWithPasswordFromEnvironment();
    void screenshotRendersThePage();
    void schemaDiagramWithoutADisplay();
    void controlCharactersNeverReachTheTerminal();
    void privilegeDenialsExitWith1();
    void queryListAndRunSavedAndReadyMade();

private:
    struct Run {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &args, const QProcessEnvironment &extra = {});
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
}

TestCli::Run TestCli::run(const QStringList &args, const QProcessEnvironment &extra)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral(".local/share")));
    env.remove(QStringLiteral("TRONGATE_DB_PASSWORD"));
    for (const QString &k : extra.keys())
        env.insert(k, extra.value(k));
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(TGADMIN_BINARY), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

void TestCli::printsVersion()
{
    const Run r = run({QStringLiteral("--version")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QLatin1String("trongate-admin 0.")), qPrintable(r.out));
}

void TestCli::installTwiceThenVerifyOnSqlite()
{
    const QString db = QStringLiteral("sqlite:") + m_home->filePath(QStringLiteral("app.sqlite"));
    Run r = run({QStringLiteral("--db"), db, QStringLiteral("schema"), QStringLiteral("verify")});
    QCOMPARE(r.code, 2); // the file does not exist yet: cannot connect
    QVERIFY(r.err.contains(QLatin1String("does not exist")));

    r = run({QStringLiteral("--db"), db, QStringLiteral("schema"), QStringLiteral("install"), QStringLiteral("--dry-run")});
    QCOMPARE(r.code, 2); // a dry run creates nothing, not even the file

    r = run({QStringLiteral("--db"), db, QStringLiteral("schema"), QStringLiteral("install")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("Tables created: 3")));
    r = run({QStringLiteral("--db"), db, QStringLiteral("schema"), QStringLiteral("install")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("Nothing to install")));
    r = run({QStringLiteral("--db"), db, QStringLiteral("schema"), QStringLiteral("verify")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("matches")));
}

void TestCli::verifyReportsDifferencesWithExitCode1()
{
    TG_OPEN_DATABASE(t, QStringLiteral("sqlite"));
    TG_EXEC(t->db(), QStringLiteral("CREATE TABLE trongate_tokens (id INTEGER PRIMARY KEY AUTOINCREMENT, token varchar(64), "
                                    "user_id int DEFAULT 0, expiry_date int DEFAULT NULL, code varchar(3) DEFAULT '0')"));
    const QString db = QStringLiteral("sqlite:") + t->profile().sqlitePath;
    Run r = run({QStringLiteral("--db"), db, QStringLiteral("schema"), QStringLiteral("verify")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(QLatin1String("Table trongate_users is missing.")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("trongate_tokens.token: wrong length: expected 125, found 64.")));

    r = run({QStringLiteral("--db"), db, QStringLiteral("schema"), QStringLiteral("verify"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("clean")).toBool(true), false);
    QCOMPARE(o.value(QStringLiteral("problems")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("missing_tables")).toArray().size(), 2);
    QCOMPARE(o.value(QStringLiteral("differences")).toArray().at(2).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("length"));
}

void TestCli::cannotConnectExitsWith2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    QTest::addRow("no database given") << QStringList{QStringLiteral("schema"), QStringLiteral("verify")} << "--db URL";
    QTest::addRow("bad port") << QStringList{QStringLiteral("--db"), QStringLiteral("mysql://u@h:70000/d"),
                                             QStringLiteral("schema"), QStringLiteral("verify")}
                              << "65535";
    QTest::addRow("unknown saved connection") << QStringList{QStringLiteral("--connection"), QStringLiteral("Nope"),
                                                             QStringLiteral("schema"), QStringLiteral("verify")}
                                              << "no saved connection";
    QTest::addRow("server needs a password, none given")
        << QStringList{QStringLiteral("--db"), QStringLiteral("mysql://u@127.0.0.1:1/d"), QStringLiteral("schema"),
                       QStringLiteral("verify")}
        << "TRONGATE_DB_PASSWORD";
}

void TestCli::cannotConnectExitsWith2()
{
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(reason), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::refusesPasswordArgument()
{
    const Run r = run({QStringLiteral("--password"), QStringLiteral("x"), QStringLiteral("schema"), QStringLiteral("verify")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String("never taken as arguments")));
}

void TestCli::mariaDbWithPasswordFromEnvironment()
{
    TG_OPEN_DATABASE(t, QStringLiteral("mariadb"));
    const ConnectionProfile &p = t->profile();
    const QString url = QStringLiteral("mysql://%1@%2:%3/%4").arg(p.user, p.host).arg(p.port).arg(p.database);
    QProcessEnvironment env;
    env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), t->password());
    Run r = run({QStringLiteral("--db"), url, QStringLiteral("schema"), QStringLiteral("verify")}, env);
    QCOMPARE(r.code, 1);
    r = run({QStringLiteral("--db"), url, QStringLiteral("schema"), QStringLiteral("install")}, env);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = run({QStringLiteral("--db"), url, QStringLiteral("schema"), QStringLiteral("verify")}, env);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(!r.out.contains(t->password()) && !r.err.contains(t->password()));

    env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), QStringLiteral("wrong"));
    r = run({QStringLiteral("--db"), url, QStringLiteral("schema"), QStringLiteral("verify")}, env);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("refused user")), qPrintable(r.err));
}

void TestCli::screenshotRendersThePage()
{
    const QString png = m_home->filePath(QStringLiteral("overview.png"));
    Run r = run({QStringLiteral("--screenshot"), png, QStringLiteral("--page"), QStringLiteral("overview")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QImage img(png);
    QCOMPARE(img.size(), QSize(1200, 760));
    // The first start created the demo in the (private) data directory.
    QVERIFY(QFile::exists(m_home->filePath(QStringLiteral(".local/share/Trongate/trongate-admin/demo.sqlite"))));

    r = run({QStringLiteral("--screenshot"), png, QStringLiteral("--page"), QStringLiteral("nonsense")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String("Pages: overview")));
}

void TestCli::schemaDiagramWithoutADisplay()
{
    const QString db = QStringLiteral("sqlite:") + m_home->filePath(QStringLiteral("d.sqlite"));
    Run r = run({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--users"),
                 QStringLiteral("20"), QStringLiteral("--tokens"), QStringLiteral("40")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString svg = m_home->filePath(QStringLiteral("schema.svg"));
    r = run({QStringLiteral("--db"), db, QStringLiteral("schema"), QStringLiteral("diagram"), QStringLiteral("--output"), svg});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("5 tables, 4 relations")));
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    for (const QString &t : {QStringLiteral("trongate_user_levels"), QStringLiteral("trongate_users"), QStringLiteral("trongate_tokens"),
                             QStringLiteral("members"), QStringLiteral("trongate_administrators")})
        QVERIFY2(text.contains(QStringLiteral(">") + t + QStringLiteral("<")), qPrintable(t));
    const QString png = m_home->filePath(QStringLiteral("schema.png"));
    r = run({QStringLiteral("--db"), db, QStringLiteral("schema"), QStringLiteral("diagram"), QStringLiteral("--output"), png,
             QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("relations")).toInt(), 4);
    QVERIFY(QImage(png).width() > 800);
    r = run({QStringLiteral("--db"), db, QStringLiteral("schema"), QStringLiteral("diagram"), QStringLiteral("--output"),
             m_home->filePath(QStringLiteral("schema.gif"))});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String(".svg")));
}

void TestCli::controlCharactersNeverReachTheTerminal()
{
    const QString db = QStringLiteral("sqlite:") + m_home->filePath(QStringLiteral("app.sqlite"));
    Run r = run({QStringLiteral("--db"), db, QStringLiteral("schema"), QStringLiteral("install")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // Written by someone else (the PHP app, a hostile admin): a title that retitles and clears a terminal.
    const QString evil = QStringLiteral("evil\x1b]2;pwned\x07\x1b[2J\u009b31m\x7f");
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("evil"));
        d.setDatabaseName(m_home->filePath(QStringLiteral("app.sqlite")));
        QVERIFY(d.open());
        QSqlQuery q(d);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO trongate_user_levels (id, level_title) VALUES (7, ?)")));
        q.addBindValue(evil);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id) VALUES (3, 'c', 7)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) "
                                      "VALUES ('tok\x1b[2Jxyz', 3, 2000000000, '\x1b[H')")));
        d.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("evil"));

    auto noRawControls = [](const QString &text) {
        for (const QChar c : text)
            if ((c.unicode() < 0x20 && c != QLatin1Char('\n')) || c.unicode() == 0x7f
                || (c.unicode() >= 0x80 && c.unicode() <= 0x9f))
                return false;
        return true;
    };
    for (const QStringList &command : { QStringList { QStringLiteral("levels"), QStringLiteral("list") },
             QStringList { QStringLiteral("users"), QStringLiteral("list") },
             QStringList { QStringLiteral("tokens"), QStringLiteral("list"), QStringLiteral("--reveal") } }) {
        r = run(QStringList { QStringLiteral("--db"), db } + command);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(noRawControls(r.out) && noRawControls(r.err), qPrintable(command.join(QLatin1Char(' '))));
    }
    r = run({ QStringLiteral("--db"), db, QStringLiteral("levels"), QStringLiteral("list") });
    QVERIFY2(r.out.contains(QLatin1String("evil\\x1b]2;pwned\\x07\\x1b[2J\\x9b31m\\x7f")), qPrintable(r.out));
    r = run({ QStringLiteral("--db"), db, QStringLiteral("tokens"), QStringLiteral("list"), QStringLiteral("--reveal") });
    QVERIFY2(r.out.contains(QLatin1String("tok\\x1b[2Jxyz")) && r.out.contains(QLatin1String("\\x1b[H")),
        qPrintable(r.out));

    // Typed in: refused with a reason, nothing added.
    r = run({ QStringLiteral("--db"), db, QStringLiteral("levels"), QStringLiteral("add"), evil });
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("control character")), qPrintable(r.err));
    QVERIFY(noRawControls(r.err));
    r = run({ QStringLiteral("--db"), db, QStringLiteral("levels"), QStringLiteral("rename"), QStringLiteral("7"),
        QStringLiteral("ok\x1b[2J") });
    QCOMPARE(r.code, 1);
    r = run({ QStringLiteral("--db"), db, QStringLiteral("tokens"), QStringLiteral("issue"), QStringLiteral("--user"),
        QStringLiteral("3"), QStringLiteral("--code"), QStringLiteral("\x1b[H") });
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("control character")), qPrintable(r.err));
    r = run({ QStringLiteral("--db"), db, QStringLiteral("levels"), QStringLiteral("list"), QStringLiteral("--json") });
    const QJsonArray levels
        = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("levels")).toArray();
    QCOMPARE(levels.size(), 1); // only the one written behind our back
    r = run({ QStringLiteral("--db"), db, QStringLiteral("tokens"), QStringLiteral("list"), QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("tokens")).toArray().size(), 1);
}

void TestCli::privilegeDenialsExitWith1()
{
    TG_OPEN_DATABASE(t, QStringLiteral("mariadb"));
    const ConnectionProfile &p = t->profile();
    QProcessEnvironment env;
    env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), t->password());
    const QString url = QStringLiteral("mysql://%1@%2:%3/%4").arg(p.user, p.host).arg(p.port).arg(p.database);
    Run r = run({ QStringLiteral("--db"), url, QStringLiteral("schema"), QStringLiteral("install") }, env);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    TG_EXEC(t->db(), QStringLiteral("INSERT INTO trongate_user_levels (id, level_title) VALUES (1, 'admin')"));
    TG_EXEC(t->db(), QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id) VALUES (1, 'c', 1)"));
    TG_EXEC(t->db(), QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date) VALUES ('old', 1, 1)"));

    // A support account that may only read, and an account with no rights on this database at all.
    const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString reader = QStringLiteral("tgread_") + suffix;
    const QString stranger = QStringLiteral("tgnone_") + suffix;
    const QString password = QStringLiteral("Pw-") + suffix;
    for (const QString &account : { reader, stranger })
        TG_EXEC(t->db(), QStringLiteral("CREATE USER '%1'@'127.0.0.1' IDENTIFIED BY '%2'").arg(account, password));
    auto drop = qScopeGuard([&] {
        for (const QString &account : { reader, stranger })
            QSqlQuery(t->db()).exec(QStringLiteral("DROP USER IF EXISTS '%1'@'127.0.0.1'").arg(account));
    });
    TG_EXEC(t->db(), QStringLiteral("GRANT SELECT ON `%1`.* TO '%2'@'127.0.0.1'").arg(p.database, reader));
    env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), password);
    auto urlOf = [&](const QString &account) {
        return QStringLiteral("mysql://%1@%2:%3/%4").arg(account, p.host).arg(p.port).arg(p.database);
    };

    r = run({ QStringLiteral("--db"), urlOf(reader), QStringLiteral("tokens"), QStringLiteral("purge"),
                QStringLiteral("--yes") },
        env);
    QVERIFY2(r.code == 1, qPrintable(QString::number(r.code) + QLatin1Char(' ') + r.err));
    QVERIFY2(r.err.contains(QLatin1String("denied")), qPrintable(r.err));
    r = run({ QStringLiteral("--db"), urlOf(reader), QStringLiteral("levels"), QStringLiteral("add"),
                QStringLiteral("editor") },
        env);
    QVERIFY2(r.code == 1, qPrintable(QString::number(r.code) + QLatin1Char(' ') + r.err));
    r = run({ QStringLiteral("--db"), urlOf(stranger), QStringLiteral("levels"), QStringLiteral("list") }, env);
    QVERIFY2(r.code == 1, qPrintable(QString::number(r.code) + QLatin1Char(' ') + r.err));
    QVERIFY2(r.err.contains(QLatin1String("may not use the database")), qPrintable(r.err));
    // Nothing changed, and reading still works for the reader.
    r = run({ QStringLiteral("--db"), urlOf(reader), QStringLiteral("tokens"), QStringLiteral("list"),
                QStringLiteral("--json") },
        env);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("tokens")).toArray().size(), 1);
    // A wrong password is still a connection failure.
    env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), QStringLiteral("wrong"));
    r = run({ QStringLiteral("--db"), urlOf(reader), QStringLiteral("levels"), QStringLiteral("list") }, env);
    QCOMPARE(r.code, 2);
}

void TestCli::queryListAndRunSavedAndReadyMade()
{
    const QString file = m_home->filePath(QStringLiteral("q.sqlite"));
    const QString url = QStringLiteral("sqlite:") + file;
    Run r = run({QStringLiteral("--db"), url, QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--users"),
                 QStringLiteral("20"), QStringLiteral("--tokens"), QStringLiteral("40")});
    QVERIFY2(r.code == 0, qPrintable(r.err));

    r = run({QStringLiteral("--db"), url, QStringLiteral("query"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QStringList names;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("queries")).toArray())
        names << v.toObject().value(QStringLiteral("name")).toString();
    QVERIFY2(names.contains(QStringLiteral("Tokens per level")), qPrintable(names.join(QLatin1Char('|'))));
    QVERIFY(names.contains(QStringLiteral("Orphans of trongate_tokens.user_id")));
    QStringList ids;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("queries")).toArray())
        ids << v.toObject().value(QStringLiteral("id")).toString();
    QVERIFY(ids.contains(QStringLiteral("tokens-per-level")));
    QVERIFY(ids.contains(QStringLiteral("orphans:trongate_tokens.user_id")));

    // The demo's three orphan tokens, their strings masked as in the window.
    r = run({QStringLiteral("--db"), url, QStringLiteral("query"), QStringLiteral("run"),
             QStringLiteral("Orphans of trongate_tokens.user_id"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 3);
    for (const QJsonValue &row : rows) {
        const QString token = row.toObject().value(QStringLiteral("token")).toString();
        QVERIFY2(token.size() == 7 && token.endsWith(QChar(0x2026)), qPrintable(token));
    }

    // Tokens per level as CSV: the counts add up to the tokens whose user and level exist.
    // By its id, the same whatever the language.
    r = run({QStringLiteral("--db"), url, QStringLiteral("query"), QStringLiteral("run"), QStringLiteral("tokens-per-level"),
             QStringLiteral("--csv")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), QStringLiteral("id,level_title,count_id"));
    int total = 0;
    for (const QString &l : lines.mid(1))
        total += l.section(QLatin1Char(','), -1).toInt();
    {
        QSqlDatabase direct = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("cli-query-check"));
        direct.setDatabaseName(file);
        QVERIFY(direct.open());
        QSqlQuery q(direct);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens t JOIN trongate_users u ON u.id = t.user_id "
                                      "JOIN trongate_user_levels l ON l.id = u.user_level_id")) && q.next());
        QCOMPARE(total, q.value(0).toInt());
        q.clear();
        direct.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("cli-query-check"));

    // A query saved in the window for this connection, with a secret criterion: its value comes from --set.
    QueryBuilder::Query saved;
    saved.baseTable = QStringLiteral("trongate_tokens");
    saved.columns = { { saved.baseTable, QStringLiteral("id") } };
    saved.criteria = { { saved.baseTable, QStringLiteral("id"), QueryBuilder::Operator::LessOrEqual, QStringLiteral("2"), false, true } };
    saved.order = { { saved.baseTable, QStringLiteral("id"), QueryBuilder::Aggregate::None, false } };
    {
        QSettings settings(m_home->filePath(QStringLiteral(".config/Trongate/trongate-admin.conf")), QSettings::NativeFormat);
        AppSettings app(settings);
        QString error;
        const auto profile = ConnectionProfile::fromUrl(url, &error);
        QVERIFY2(profile, qPrintable(error));
        app.setSavedQuery(AppSettings::connectionKey(*profile), QStringLiteral("first two; DROP TABLE x"), saved.toJson());
    }
    r = run({QStringLiteral("--db"), url, QStringLiteral("query"), QStringLiteral("run"), QStringLiteral("first two; DROP TABLE x")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("--set")), qPrintable(r.err));
    r = run({QStringLiteral("--db"), url, QStringLiteral("query"), QStringLiteral("run"), QStringLiteral("first two; DROP TABLE x"),
             QStringLiteral("--set"), QStringLiteral("id=2"), QStringLiteral("--csv")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("id\r\n1\r\n2\r\n"));
    r = run({QStringLiteral("--db"), url, QStringLiteral("query"), QStringLiteral("run"), QStringLiteral("no such query")});
    QCOMPARE(r.code, 1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
