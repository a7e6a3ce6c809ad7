#include "connection/Connector.h"
#include "connection/MySqlRelay.h"
#include "sql/SqlDialect.h"
#include "TestDatabase.h"

#include <QFile>
#include <QSqlError>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// Connection failures must come back as words a person can act on.
class TestConnector final : public QObject {
    Q_OBJECT

private slots:
    void wrongPasswordIsSaidPlainly_data();
    void wrongPasswordIsSaidPlainly();
    void unknownDatabaseIsNamed_data();
    void unknownDatabaseIsNamed();
    void unreachableServerIsSaidPlainly();
    void requiredTlsRefusesPlaintextServer();
    void sqliteMissingFileAndNonDatabase();
    void mysql8AuthPluginIsExplained();
    void invalidProfileIsRefusedBeforeConnecting();
    void postgresWithCaFileNeverFallsBackToPlaintext();
    void postgresRequiredTlsVerifiesHostAndChain();
    void preparedStatementsThroughTheRelaySkipTheResetRoundTrip();
    void theDriversSetupCommandsAreAnsweredAheadAndStillReachTheServer();
    void theDriversPrepareProbeIsAnsweredAndValuesStayBoundOnTheServer();
};

void TestConnector::wrongPasswordIsSaidPlainly_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("mariadb") << QStringLiteral("mariadb");
    QTest::newRow("postgres") << QStringLiteral("postgres");
}

void TestConnector::wrongPasswordIsSaidPlainly()
{
    QFETCH(QString, backend);
    QString password;
    const auto server = TestDatabase::serverProfile(backend, &password);
    if (!server) {
        if (TestDatabase::serversRequired())
            QFAIL("no test server");
        QSKIP("no test server: run through scripts/test.sh");
    }
    const ConnectResult good = Connector::test(*server, password, {});
    QVERIFY2(good.ok(), qPrintable(good.detail));
    const ConnectResult bad = Connector::test(*server, password + QStringLiteral("-wrong"), {});
    QCOMPARE(bad.error, ConnectResult::Error::WrongPassword);
    QVERIFY2(
        bad.message.contains(server->user) && bad.message.contains(QLatin1String("password")), qPrintable(bad.message));
    QVERIFY(!bad.message.contains(password)); // never echo what was typed
}

void TestConnector::unknownDatabaseIsNamed_data()
{
    wrongPasswordIsSaidPlainly_data();
}

void TestConnector::unknownDatabaseIsNamed()
{
    QFETCH(QString, backend);
    QString password;
    auto server = TestDatabase::serverProfile(backend, &password);
    if (!server) {
        if (TestDatabase::serversRequired())
            QFAIL("no test server");
        QSKIP("no test server: run through scripts/test.sh");
    }
    server->database = QStringLiteral("no_such_db_here");
    const ConnectResult r = Connector::test(*server, password, {});
    QCOMPARE(r.error, ConnectResult::Error::UnknownDatabase);
    QVERIFY2(r.message.contains(QLatin1String("no_such_db_here")), qPrintable(r.message));
}

void TestConnector::unreachableServerIsSaidPlainly()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    for (DriverKind kind : { DriverKind::MySql, DriverKind::Postgres }) {
        ConnectionProfile p;
        p.name = QStringLiteral("nowhere");
        p.driver = kind;
        p.host = QStringLiteral("127.0.0.1");
        p.port = port;
        p.database = QStringLiteral("x");
        p.user = QStringLiteral("u");
        Connector::Options o;
        o.timeoutSeconds = 3;
        const ConnectResult r = Connector::test(p, QStringLiteral("pw"), o);
        QCOMPARE(r.error, ConnectResult::Error::Unreachable);
        QVERIFY2(r.message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(r.message));
    }
}

void TestConnector::requiredTlsRefusesPlaintextServer()
{
    QString password;
    auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    if (!server) {
        if (TestDatabase::serversRequired())
            QFAIL("no test server");
        QSKIP("no test server: run through scripts/test.sh");
    }
    server->tls.require = true; // the test server has no TLS
    const ConnectResult r = Connector::test(*server, password, {});
    QVERIFY(!r.ok());
    QVERIFY2(r.message.contains(QLatin1String("TLS")), qPrintable(r.message));
}

void TestConnector::sqliteMissingFileAndNonDatabase()
{
    QTemporaryDir dir;
    ConnectionProfile p;
    p.name = QStringLiteral("f");
    p.driver = DriverKind::Sqlite;
    p.sqlitePath = dir.filePath(QStringLiteral("missing.sqlite"));
    ConnectResult r = Connector::test(p, {}, {});
    QCOMPARE(r.error, ConnectResult::Error::FileMissing);
    QVERIFY(!QFile::exists(p.sqlitePath)); // looking did not create it

    Connector::Options create;
    create.createSqliteFile = true;
    r = Connector::test(p, {}, create);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(r.serverVersion.startsWith(QLatin1String("SQLite 3.")));

    QFile junk(dir.filePath(QStringLiteral("junk.sqlite")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    p.sqlitePath = junk.fileName();
    r = Connector::test(p, {}, {});
    QCOMPARE(r.error, ConnectResult::Error::InvalidProfile);
    QVERIFY2(r.message.contains(QLatin1String("not an SQLite database")), qPrintable(r.message));
}

void TestConnector::mysql8AuthPluginIsExplained()
{
    // No MySQL 8 server runs here; the driver's own error for it is fed to the classifier.
    ConnectionProfile p;
    p.name = QStringLiteral("m8");
    p.driver = DriverKind::MySql;
    p.user = QStringLiteral("shop");
    const QSqlError e(QStringLiteral("Authentication plugin 'caching_sha2_password' cannot be loaded"),
        QStringLiteral("QMYSQL: Unable to connect"), QSqlError::ConnectionError, QStringLiteral("2059"));
    const ConnectResult r = Connector::classify(p, e);
    QCOMPARE(r.error, ConnectResult::Error::AuthPluginUnsupported);
    QVERIFY(r.message.contains(QLatin1String("caching_sha2_password")));
    QVERIFY(r.message.contains(QLatin1String("mysql_native_password")));

    const QSqlError tls(QStringLiteral("SSL connection error: certificate verify failed"), QString(),
        QSqlError::ConnectionError, QStringLiteral("2026"));
    QCOMPARE(Connector::classify(p, tls).error, ConnectResult::Error::TlsFailure);
}

void TestConnector::invalidProfileIsRefusedBeforeConnecting()
{
    ConnectionProfile p;
    p.name = QStringLiteral("bad");
    p.driver = DriverKind::MySql;
    p.host = QString();
    p.port = 70000;
    p.database = QStringLiteral("d");
    p.user = QStringLiteral("u");
    const ConnectResult r = Connector::test(p, {}, {});
    QCOMPARE(r.error, ConnectResult::Error::InvalidProfile);
    QVERIFY(r.message.contains(QLatin1String("65535")));
    QVERIFY(r.message.contains(QLatin1String("host name")));
}

void TestConnector::postgresWithCaFileNeverFallsBackToPlaintext()
{
    // The test server speaks no TLS. A profile that names a CA file wants a verified server: it
    // must refuse, where libpq's default ("prefer") would log in in plaintext.
    QString password;
    const auto server = TestDatabase::serverProfile(QStringLiteral("postgres"), &password);
    if (!server) {
        if (TestDatabase::serversRequired())
            QFAIL("no test server");
        QSKIP("no test server: run through scripts/test.sh");
    }
    QTemporaryDir dir;
    QFile ca(dir.filePath(QStringLiteral("ca.pem")));
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write("-----BEGIN CERTIFICATE-----\nnot used: the server never gets that far\n-----END CERTIFICATE-----\n");
    ca.close();
    ConnectionProfile p = *server;
    p.tls.caFile = ca.fileName();
    p.tls.require = false;
    const ConnectResult r = Connector::test(p, password, {});
    QVERIFY2(!r.ok(), "logged in without TLS although a CA file was chosen");
    QCOMPARE(r.error, ConnectResult::Error::TlsFailure);
}

void TestConnector::postgresRequiredTlsVerifiesHostAndChain()
{
    ConnectionProfile p;
    p.driver = DriverKind::Postgres;
    p.host = QStringLiteral("db.example.com");
    p.tls.require = true;
    const QString options = Connector::connectOptions(p, {}, {});
    QVERIFY2(options.contains(QLatin1String("sslmode=verify-full")), qPrintable(options));
    QVERIFY2(!options.contains(QLatin1String("sslmode=require")), qPrintable(options));
}

QTEST_GUILESS_MAIN(TestConnector)
// Qt's driver resets a prepared statement before every execution and waits for the answer; the
// relay answers that itself (a round trip less per query to a far server). The server must then
// see no reset at all, every result must be right, and a transaction must still be one.
void TestConnector::preparedStatementsThroughTheRelaySkipTheResetRoundTrip()
{
    QString password;
    auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    if (!server) {
        if (TestDatabase::serversRequired())
            QFAIL("no test server");
        QSKIP("no test server: run through scripts/test.sh");
    }
    const QString name = Connector::uniqueName(QStringLiteral("reset"));
    QVERIFY(Connector::open(*server, password, name).ok());
    QVERIFY(Connector::relayOf(name));
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TEMPORARY TABLE resets (id INT PRIMARY KEY, v VARCHAR(20))")));
        QSqlQuery insert(db);
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO resets (id, v) VALUES (?, ?)")));
        for (int i = 1; i <= 5; ++i) {
            insert.bindValue(0, i);
            insert.bindValue(1, QStringLiteral("row %1").arg(i));
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
        QSqlQuery read(db);
        QVERIFY(read.prepare(QStringLiteral("SELECT v FROM resets WHERE id = ?")));
        for (int i = 5; i >= 1; --i) {
            read.bindValue(0, i);
            QVERIFY(read.exec() && read.next());
            QCOMPARE(read.value(0).toString(), QStringLiteral("row %1").arg(i));
        }
        // A transaction rolled back through prepared statements leaves nothing behind.
        QVERIFY(db.transaction());
        QVERIFY(Sql::exec(q, QStringLiteral("INSERT INTO resets (id, v) VALUES (?, ?)"), { 6, QStringLiteral("gone") }));
        QVERIFY(db.rollback());
        QVERIFY(Sql::exec(q, QStringLiteral("SELECT COUNT(*) FROM resets WHERE id > ?"), { 0 }) && q.next());
        QCOMPARE(q.value(0).toInt(), 5);
        QVERIFY(q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Com_stmt_reset'")) && q.next());
        QCOMPARE(q.value(1).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Com_stmt_execute'")) && q.next());
        QVERIFY2(q.value(1).toInt() >= 12, qPrintable(q.value(1).toString()));
    }
    Connector::close(name);
}


void TestConnector::theDriversSetupCommandsAreAnsweredAheadAndStillReachTheServer()
{
    // Qt's driver sends SET NAMES utf8mb4 and selects the login's database again after every
    // login, waiting a round trip for each. The relay answers both at once and still sends them:
    // the server must end up in exactly the state the driver was told about.
    QString password;
    auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    if (!server) {
        if (TestDatabase::serversRequired())
            QFAIL("no test server");
        QSKIP("no test server: run through scripts/test.sh");
    }
    const QString name = Connector::uniqueName(QStringLiteral("ahead"));
    QVERIFY(Connector::open(*server, password, name).ok());
    QVERIFY(Connector::relayOf(name));
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT @@character_set_client, @@character_set_results, @@character_set_connection, "
                                      "DATABASE()")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("utf8mb4"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("utf8mb4"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("utf8mb4"));
        QCOMPARE(q.value(3).toString(), server->database);
        // The database was selected again on the server itself (not only answered by the relay).
        QVERIFY(q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Com_change_db'")));
        QVERIFY(q.next());
        QVERIFY2(q.value(1).toInt() >= 1, qPrintable(q.value(1).toString()));
        // Four-byte characters go both ways: the connection really is utf8mb4.
        const QString text = QStringLiteral("K\u00f6ln \U0001F511");
        QVERIFY(q.exec(QStringLiteral("CREATE TEMPORARY TABLE ahead (v VARCHAR(20)) CHARACTER SET utf8mb4")));
        QSqlQuery insert(db);
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO ahead (v) VALUES (?)")));
        insert.addBindValue(text);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("SELECT v, CHAR_LENGTH(v) FROM ahead")) && q.next());
        QCOMPARE(q.value(0).toString(), text);
        QCOMPARE(q.value(1).toInt(), 6);
        // And the answers that follow are each the one asked for, in order.
        for (int i = 0; i < 5; ++i) {
            QVERIFY(q.exec(QStringLiteral("SELECT %1").arg(i)) && q.next());
            QCOMPARE(q.value(0).toInt(), i);
        }
    }
    Connector::close(name);
}

void TestConnector::theDriversPrepareProbeIsAnsweredAndValuesStayBoundOnTheServer()
{
    // Qt's driver prepares "SELECT ? + ?" after every login and falls back to pasting values into
    // the SQL text when the answer does not name two parameters. The relay answers the probe
    // itself (a round trip saved): the driver must still bind every value on the server.
    QString password;
    auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    if (!server) {
        if (TestDatabase::serversRequired())
            QFAIL("no test server");
        QSKIP("no test server: run through scripts/test.sh");
    }
    const QString name = Connector::uniqueName(QStringLiteral("probe"));
    QVERIFY(Connector::open(*server, password, name).ok());
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        QVERIFY(db.driver()->hasFeature(QSqlDriver::PreparedQueries));
        auto prepares = [&db] {
            QSqlQuery s(db);
            s.setForwardOnly(true);
            return s.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Com_stmt_prepare'")) && s.next() ? s.value(1).toInt()
                                                                                                    : -1;
        };
        QCOMPARE(prepares(), 0); // the probe never reached the server
        // A value that would break the statement if pasted in unescaped is stored and found as it went.
        const QString hostile = QStringLiteral("x' OR '1'='1");
        QSqlQuery q(db);
        q.setForwardOnly(true);
        QVERIFY(q.exec(QStringLiteral("CREATE TEMPORARY TABLE probe (v VARCHAR(40))")));
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO probe (v) VALUES (?)")));
        q.addBindValue(hostile);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(q.prepare(QStringLiteral("SELECT v, CHAR_LENGTH(v) FROM probe WHERE v = ?")));
        q.addBindValue(hostile);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY2(q.next(), qPrintable(q.lastError().text()));
        QCOMPARE(q.value(0).toString(), hostile);
        QCOMPARE(q.value(1).toInt(), int(hostile.size()));
        QVERIFY(!q.next());
        q.finish();
        QCOMPARE(prepares(), 2); // prepared by the server: the values travelled bound
    }
    Connector::close(name);
}

#include "TestConnector.moc"
