#include "connection/ConnectionProfile.h"
#include "connection/ProfileStore.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestConnectionProfile final : public QObject {
    Q_OBJECT

private slots:
    void parsesUrls_data();
    void parsesUrls();
    void refusesBadUrls_data();
    void refusesBadUrls();
    void validatesFields_data();
    void validatesFields();
    void validatesSqliteFiles();
    void storeRoundTripsWithoutPassword();
    void sshUrlsAsTheIssueWritesThem();
    void storeRefusesInvalidProfileAndWritesNothing();
    void storeRenamesAndRefusesDuplicates();
};

void TestConnectionProfile::parsesUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("driver");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("requireTls");

    QTest::addRow("mysql with port") << "mysql://app@db.example.com:3307/shop" << int(DriverKind::MySql)
                                     << "db.example.com" << 3307 << "shop"
                                     << "app" << false;
    QTest::addRow("mysql default port") << "mysql://app@10.0.0.5/shop" << int(DriverKind::MySql) << "10.0.0.5" << 3306
                                        << "shop"
                                        << "app" << false;
    QTest::addRow("mariadb scheme and tls") << "mariadb://root@localhost:3306/t?tls=require&ca=/etc/ca.pem"
                                            << int(DriverKind::MySql) << "localhost" << 3306 << "t"
                                            << "root" << true;
    QTest::addRow("postgres") << "postgres://pg@127.0.0.1:5433/app" << int(DriverKind::Postgres) << "127.0.0.1" << 5433
                              << "app"
                              << "pg" << false;
    QTest::addRow("postgresql scheme, default port")
        << "postgresql://pg@h/app" << int(DriverKind::Postgres) << "h" << 5432 << "app"
        << "pg" << false;
}

void TestConnectionProfile::parsesUrls()
{
    QFETCH(QString, url);
    QFETCH(int, driver);
    QString error;
    const auto p = ConnectionProfile::fromUrl(url, &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(int(p->driver), driver);
    QTEST(p->host, "host");
    QTEST(p->effectivePort(), "port");
    QTEST(p->database, "database");
    QTEST(p->user, "user");
    QTEST(p->tls.require, "requireTls");
    // The URL a profile prints parses back to the same place.
    const auto again = ConnectionProfile::fromUrl(p->toUrl(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->displayName(), p->displayName());
}

void TestConnectionProfile::refusesBadUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mustMention");
    QTest::addRow("empty") << ""
                           << "empty";
    QTest::addRow("password in url") << "mysql://root:secret@host/db"
                                     << "password";
    QTest::addRow("password as option") << "mysql://root@host/db?password=x"
                                        << "password";
    QTest::addRow("port 0") << "mysql://root@host:0/db"
                            << "65535";
    QTest::addRow("port 70000") << "mysql://root@host:70000/db"
                                << "65535";
    QTest::addRow("port not a number") << "mysql://root@host:abc/db"
                                       << "65535";
    QTest::addRow("unknown scheme") << "oracle://x@y/z"
                                    << "sqlite:";
    QTest::addRow("no database") << "mysql://root@host:3306/"
                                 << "database";
    QTest::addRow("no user") << "mysql://host:3306/db"
                             << "user";
    QTest::addRow("unknown option") << "mysql://root@host/db?colour=red"
                                    << "colour";
    QTest::addRow("sqlite without path") << "sqlite:"
                                         << "sqlite:/path";
    QTest::addRow("ssh with a password") << "mysql://app@127.0.0.1/shop?ssh=admin:secret@db.example.com"
                                         << "password may not";
    QTest::addRow("ssh port 70000") << "mysql://app@127.0.0.1/shop?ssh=admin@db.example.com:70000"
                                    << "ssh=user@host:22";
    QTest::addRow("unknown ssh_auth") << "mysql://app@127.0.0.1/shop?ssh=db.example.com&ssh_auth=telnet"
                                      << "agent, key or password";
    QTest::addRow("cluster through ssh") << "mysql://app@db1:3306,db2:3306/shop?ssh=jump"
                                         << "cluster cannot be reached through SSH";
}

void TestConnectionProfile::refusesBadUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, mustMention);
    QString error;
    QVERIFY(!ConnectionProfile::fromUrl(url, &error));
    QVERIFY2(error.contains(mustMention, Qt::CaseInsensitive), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("secret")), "the refusal repeats a password");
}

void TestConnectionProfile::validatesFields_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("mustMention");
    QTest::addRow("empty host") << "" << 3306 << "db"
                                << "u"
                                << "host name";
    QTest::addRow("port 70000") << "h" << 70000 << "db"
                                << "u"
                                << "65535";
    QTest::addRow("negative port") << "h" << -1 << "db"
                                   << "u"
                                   << "65535";
    QTest::addRow("no database") << "h" << 3306 << ""
                                 << "u"
                                 << "database";
    QTest::addRow("no user") << "h" << 3306 << "db"
                             << ""
                             << "user name";
    QTest::addRow("host with spaces") << "my host" << 3306 << "db"
                                      << "u"
                                      << "host name";
}

void TestConnectionProfile::validatesFields()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QString, user);
    QFETCH(QString, mustMention);
    ConnectionProfile p;
    p.name = QStringLiteral("x");
    p.driver = DriverKind::MySql;
    p.host = host;
    p.port = port;
    p.database = database;
    p.user = user;
    const QStringList errors = p.validate();
    QVERIFY2(errors.join(QLatin1Char(' ')).contains(mustMention, Qt::CaseInsensitive), qPrintable(errors.join('\n')));
    QString portError;
    QVERIFY(!ConnectionProfile::parsePort(QStringLiteral("0"), &portError));
    QVERIFY(portError.contains(QLatin1String("65535")));
}

void TestConnectionProfile::validatesSqliteFiles()
{
    QTemporaryDir dir;
    ConnectionProfile p;
    p.name = QStringLiteral("file");
    p.driver = DriverKind::Sqlite;

    p.sqlitePath = dir.filePath(QStringLiteral("no-such-folder/x.sqlite"));
    QVERIFY(p.validate().join(' ').contains(QLatin1String("does not exist")));

    p.sqlitePath = dir.path();
    QVERIFY(p.validate().join(' ').contains(QLatin1String("is a folder")));

    QFile text(dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("hello, this is not a database at all\n");
    text.close();
    p.sqlitePath = text.fileName();
    QVERIFY(p.validate().join(' ').contains(QLatin1String("not an SQLite database")));

    p.sqlitePath = dir.filePath(QStringLiteral("new.sqlite")); // missing file in an existing folder is fine
    QVERIFY(p.validate().isEmpty());

    if (geteuid() != 0) {
        QFile locked(dir.filePath(QStringLiteral("locked.sqlite")));
        QVERIFY(locked.open(QIODevice::WriteOnly));
        locked.close();
        QVERIFY(locked.setPermissions(QFileDevice::WriteOwner));
        p.sqlitePath = locked.fileName();
        QVERIFY(p.validate().join(' ').contains(QLatin1String("cannot be read")));
    }
}

void TestConnectionProfile::storeRoundTripsWithoutPassword()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        QSettings settings(file, QSettings::IniFormat);
        ProfileStore store(settings);
        ConnectionProfile p;
        p.name = QStringLiteral("Production");
        p.driver = DriverKind::MySql;
        p.host = QStringLiteral("db.example.com");
        p.port = 3307;
        p.database = QStringLiteral("shop");
        p.user = QStringLiteral("admin");
        p.tls.require = true;
        QCOMPARE(store.save(p), QStringList());
        const auto loaded = store.load(QStringLiteral("Production"));
        QVERIFY(loaded);
        QCOMPARE(*loaded, p);
    }
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray content = f.readAll();
    QVERIFY(content.contains("db.example.com"));
    QVERIFY(!content.toLower().contains("password"));
}

void TestConnectionProfile::storeRefusesInvalidProfileAndWritesNothing()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ProfileStore store(settings);
    ConnectionProfile p;
    p.name = QStringLiteral("Broken");
    p.driver = DriverKind::MySql;
    p.host = QString();
    p.port = 70000;
    p.database = QStringLiteral("db");
    p.user = QStringLiteral("u");
    const QStringList errors = store.save(p);
    QCOMPARE(errors.size(), 2);
    QVERIFY(store.names().isEmpty());
    QVERIFY(settings.allKeys().isEmpty());
}

void TestConnectionProfile::storeRenamesAndRefusesDuplicates()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ProfileStore store(settings);
    ConnectionProfile a;
    a.name = QStringLiteral("A");
    a.driver = DriverKind::Sqlite;
    a.sqlitePath = dir.filePath(QStringLiteral("a.sqlite"));
    ConnectionProfile b = a;
    b.name = QStringLiteral("B");
    QVERIFY(store.save(a).isEmpty());
    QVERIFY(store.save(b).isEmpty());
    ConnectionProfile renamed = a;
    renamed.name = QStringLiteral("B");
    QVERIFY(store.save(renamed, QStringLiteral("A")).join(' ').contains(QLatin1String("already exists")));
    QCOMPARE(store.names(), QStringList({ QStringLiteral("A"), QStringLiteral("B") }));
    renamed.name = QStringLiteral("C");
    QVERIFY(store.save(renamed, QStringLiteral("A")).isEmpty());
    QCOMPARE(store.names(), QStringList({ QStringLiteral("B"), QStringLiteral("C") }));
    ConnectionProfile slash = a;
    slash.name = QStringLiteral("a/b");
    QVERIFY(!store.save(slash).isEmpty());
}

void TestConnectionProfile::sshUrlsAsTheIssueWritesThem()
{
    QString error;
    auto p = ConnectionProfile::fromUrl(
        QStringLiteral("mysql://app@127.0.0.1:3306/shop?ssh=admin@db.example.com:22"), &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->host, QStringLiteral("127.0.0.1")); // as seen from the SSH host
    QCOMPARE(p->ssh.host, QStringLiteral("db.example.com"));
    QCOMPARE(p->ssh.user, QStringLiteral("admin"));
    QCOMPARE(p->ssh.port, 22);
    QCOMPARE(p->ssh.auth, SshSettings::Auth::Auto);
    // Round trip, with a key and a server-side socket, and an alias without user or port.
    p = ConnectionProfile::fromUrl(QStringLiteral("mysql://app@localhost/shop?socket=/run/mysqld/mysqld.sock"
                                                  "&ssh=prod-db&ssh_key=/home/me/.ssh/id_ed25519"),
        &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->ssh.host, QStringLiteral("prod-db"));
    QCOMPARE(p->ssh.port, 0);
    QVERIFY(p->ssh.user.isEmpty());
    QCOMPARE(p->ssh.auth, SshSettings::Auth::KeyFile);
    const auto again = ConnectionProfile::fromUrl(p->toUrl(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->ssh, p->ssh);
    QCOMPARE(again->unixSocket, p->unixSocket);
    p = ConnectionProfile::fromUrl(
        QStringLiteral("postgres://pg@127.0.0.1:5432/app?ssh=ops@bastion&ssh_auth=password"), &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->ssh.auth, SshSettings::Auth::Password);
    QVERIFY(p->toUrl().contains(QLatin1String("ssh_auth=password")));
}

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "TestConnectionProfile.moc"
