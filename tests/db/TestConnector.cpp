#include "Connector.h"
#include "TestDatabase.h"

#include <QFile>
#include <QSqlError>
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
#include "TestConnector.moc"
