#include "TestDatabase.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

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

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
