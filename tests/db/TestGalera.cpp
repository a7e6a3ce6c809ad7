#include "tokens/ChangeWriter.h"
#include "connection/Connector.h"
#include "schema/DemoDatabase.h"
#include "ExpiryModel.h"
#include "sql/SqlTransaction.h"
#include "TestDatabase.h"
#include "tokens/TokenService.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

// A three-node MariaDB Galera cluster (scripts/servers.sh tg_start_galera): what the console does
// when the PHP application and other admins write through other nodes. Node 1 is where the
// console reads; nodes 2 and 3 are the others.
class TestGalera final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tokensWrittenOnNodeTwoShowOnNodeOne();
    void issueAndPurgeOnDifferentNodesLoseNothing();
    void lostCertificationIsAConflict();
    void gridSaveThatLosesCertificationKeepsTheEdits();
    void profileListingNodesUsesTheFirstThatAnswers();

private:
    QString open(int node); // a new connection to node 1..3
    ConnectionProfile nodeProfile(int node) const;
    static constexpr qint64 Now = 1'900'000'000;
    QList<int> m_ports;
    QString m_password;
    QString m_database;
    QString m_admin;
    QStringList m_connections;
};

ConnectionProfile TestGalera::nodeProfile(int node) const
{
    ConnectionProfile p;
    p.name = QStringLiteral("galera node %1").arg(node);
    p.driver = DriverKind::MySql;
    p.host = qEnvironmentVariable("TGADMIN_TEST_GALERA_HOST", QStringLiteral("127.0.0.1"));
    p.port = m_ports.value(node - 1);
    p.user = qEnvironmentVariable("TGADMIN_TEST_GALERA_USER");
    p.database = m_database.isEmpty() ? QStringLiteral("mysql") : m_database;
    return p;
}

QString TestGalera::open(int node)
{
    const QString name = Connector::uniqueName(QStringLiteral("galera%1").arg(node));
    const ConnectResult r = Connector::open(nodeProfile(node), m_password, name);
    if (!r.ok())
        return {};
    m_connections << name;
    // Reads do not wait for the cluster (the server default): what a console on that node sees.
    QSqlQuery(QSqlDatabase::database(name, false)).exec(QStringLiteral("SET SESSION wsrep_sync_wait = 0"));
    return name;
}

void TestGalera::initTestCase()
{
    if (!qEnvironmentVariableIsSet("TGADMIN_TEST_GALERA_PORTS")) {
        if (qEnvironmentVariableIsSet("TGADMIN_TEST_GALERA_MISSING"))
            QSKIP("galera-4 is not installed, so scripts/test.sh started no Galera cluster: install galera-4 and rsync "
                  "(scripts/deps.sh test does) to run these tests.");
        if (TestDatabase::serversRequired())
            QFAIL("No Galera cluster: TGADMIN_TEST_GALERA_PORTS is not set (scripts/test.sh starts one).");
        QSKIP("No Galera cluster for the tests: run them through scripts/test.sh, which starts one.");
    }
    for (const QString &p : qEnvironmentVariable("TGADMIN_TEST_GALERA_PORTS").split(QLatin1Char(',')))
        m_ports << p.toInt();
    QCOMPARE(m_ports.size(), 3);
    m_password = qEnvironmentVariable("TGADMIN_TEST_GALERA_PASSWORD");
    m_admin = open(1);
    QVERIFY2(!m_admin.isEmpty(), "node 1 refused the test account");
    m_database = QStringLiteral("tggalera_%1").arg(QRandomGenerator::global()->generate() % 1000000000);
    TG_EXEC(QSqlDatabase::database(m_admin, false),
        QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci").arg(m_database));
    const QString seed = open(1);
    QVERIFY(!seed.isEmpty());
    DemoDatabase::Options o;
    o.users = 20;
    o.tokens = 200;
    o.now = Now;
    QString error;
    QVERIFY2(DemoDatabase::ensureSeeded(QSqlDatabase::database(seed, false), o, nullptr, &error), qPrintable(error));
}

void TestGalera::cleanupTestCase()
{
    for (const QString &c : std::as_const(m_connections))
        if (c != m_admin)
            Connector::close(c);
    if (!m_admin.isEmpty() && !m_database.isEmpty())
        QSqlQuery(QSqlDatabase::database(m_admin, false)).exec(QStringLiteral("DROP DATABASE `%1`").arg(m_database));
    Connector::close(m_admin);
}

void TestGalera::tokensWrittenOnNodeTwoShowOnNodeOne()
{
    const QString one = open(1);
    const QString two = open(2);
    QVERIFY(!one.isEmpty() && !two.isEmpty());
    ExpiryModel model(QSqlDatabase::database(one, false), [] { return Now; });
    model.reload();
    model.setVisibleRows(0, 29);
    model.index(0, 0).data();
    model.poll();
    const qint64 before = model.count();
    TokenService onTwo(QSqlDatabase::database(two, false), [] { return Now; });
    ServiceError e;
    // An expiry the demo seed never gives (its soonest future one is 20 s away), so every row with
    // it is one of ours, and near the top of the view.
    const qint64 expiry = Now + 10;
    QVERIFY2(onTwo.issue({ 1, 2, 3 }, expiry, QStringLiteral("0"), 5, &e), qPrintable(e.message));
    // Node 1 applies node 2's write set, and its log sequence number moves with it.
    QTRY_VERIFY_WITH_TIMEOUT((model.poll(), model.count() == before + 15), 2000);
    int shown = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        shown += model.index(r, 0).data(ExpiryModel::ExpiryRole).toLongLong() == expiry ? 1 : 0;
    QCOMPARE(shown, 15);
}

void TestGalera::issueAndPurgeOnDifferentNodesLoseNothing()
{
    struct Ledger {
        QMutex mutex;
        QSet<QString> issued;
        QStringList errors;
    } ledger;
    const ConnectionProfile p1 = nodeProfile(1);
    const ConnectionProfile p3 = nodeProfile(3);
    const QString password = m_password;
    QThread *issuer = QThread::create([&ledger, p1, password] {
        const QString name = Connector::uniqueName(QStringLiteral("issuer"));
        if (Connector::open(p1, password, name).ok()) {
            TokenService s(QSqlDatabase::database(name, false), [] { return Now; });
            for (int i = 0; i < 30; ++i) {
                ServiceError e;
                const auto out = s.issue({ qint64(1 + i % 10) }, Now + 3600, QStringLiteral("0"), 4, &e);
                QMutexLocker lock(&ledger.mutex);
                if (!out)
                    ledger.errors << e.message;
                else
                    for (const IssuedToken &t : *out)
                        ledger.issued.insert(t.token);
            }
        }
        Connector::close(name);
    });
    QThread *purger = QThread::create([&ledger, p3, password] {
        const QString name = Connector::uniqueName(QStringLiteral("purger"));
        if (Connector::open(p3, password, name).ok()) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            TokenService s(db, [] { return Now; });
            for (int i = 0; i < 30; ++i) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) VALUES "
                                      "('old-%1', 2, %2, '0')")
                           .arg(i)
                           // Expired by the servers' own clock, which is what a purge goes by.
                           .arg(QDateTime::currentSecsSinceEpoch() - 100));
                ServiceError e;
                if (!s.purge(&e)) {
                    QMutexLocker lock(&ledger.mutex);
                    ledger.errors << e.message;
                }
            }
        }
        Connector::close(name);
    });
    issuer->start();
    purger->start();
    QVERIFY(issuer->wait(120000));
    QVERIFY(purger->wait(120000));
    delete issuer;
    delete purger;
    QVERIFY2(ledger.errors.isEmpty(), qPrintable(ledger.errors.join(QLatin1Char('\n'))));
    QCOMPARE(ledger.issued.size(), 120);
    const QString two = open(2);
    QSqlDatabase db = QSqlDatabase::database(two, false);
    TG_EXEC(db, QStringLiteral("SET SESSION wsrep_sync_wait = 1"));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT token FROM trongate_tokens WHERE expiry_date = %1").arg(Now + 3600)));
    QSet<QString> present;
    while (q.next())
        present.insert(q.value(0).toString());
    for (const QString &t : std::as_const(ledger.issued))
        QVERIFY2(present.contains(t), "an issued token was lost");
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE token LIKE 'old-%'")) && q.next());
    QVERIFY(q.value(0).toLongLong() <= 1); // the last purge ran after all but at most the last insert
}

void TestGalera::lostCertificationIsAConflict()
{
    const QString one = open(1);
    const QString two = open(2);
    QSqlDatabase db1 = QSqlDatabase::database(one, false);
    QSqlDatabase db2 = QSqlDatabase::database(two, false);
    QSqlQuery q(db1);
    QVERIFY(q.exec(QStringLiteral("SELECT MIN(id) FROM trongate_tokens")) && q.next());
    const qint64 id = q.value(0).toLongLong();
    SqlTransaction tx(db1);
    QVERIFY(tx.isActive());
    TG_EXEC(db1, QStringLiteral("UPDATE trongate_tokens SET expiry_date = %1 WHERE id = %2").arg(Now + 111).arg(id));
    // Another admin extends the same token through node 2 and commits first.
    TG_EXEC(db2, QStringLiteral("UPDATE trongate_tokens SET expiry_date = %1 WHERE id = %2").arg(Now + 222).arg(id));
    QString error;
    QVERIFY(!tx.commit(&error));
    QVERIFY(tx.conflicted());
    QCOMPARE(error, SqlTransaction::conflictMessage());
    QVERIFY(!error.contains(QLatin1String("Deadlock")));
    // Through the service, the same failure reads as the conflict, not the driver's words.
    ServiceError e;
    ServiceError::database(&e, QStringLiteral("Changing the expiry failed: Deadlock found when trying to get lock; "
                                              "try restarting transaction QMYSQL: Unable to commit"));
    QVERIFY(e.conflict);
    QCOMPARE(e.message, SqlTransaction::conflictMessage());
    QSqlQuery check(db2);
    QVERIFY(check.exec(QStringLiteral("SELECT expiry_date FROM trongate_tokens WHERE id = %1").arg(id)) && check.next());
    QCOMPARE(check.value(0).toLongLong(), Now + 222); // nothing of the loser was written
}

void TestGalera::gridSaveThatLosesCertificationKeepsTheEdits()
{
    const QString one = open(1);
    const QString two = open(2);
    QSqlQuery q(QSqlDatabase::database(one, false));
    QVERIFY(q.exec(QStringLiteral("SELECT id, level_title FROM trongate_user_levels ORDER BY id")) && q.next());
    const qint64 id = q.value(0).toLongLong();
    const QString original = q.value(1).toString();
    ChangeSet c;
    c.table = QStringLiteral("trongate_user_levels");
    c.columns = QStringList { QStringLiteral("level_title") };
    c.updates << ChangeSet::Update { id, { original }, { QStringLiteral("mine") } };
    // Held open inside the transaction so that node 2's commit lands in between.
    c.statements << ChangeSet::Statement { QStringLiteral("DO SLEEP(2)"), {} };
    ChangeWriter::Result result;
    const ConnectionProfile p1 = nodeProfile(1);
    const QString password = m_password;
    QThread *save = QThread::create([&result, c, p1, password] {
        // A connection of the saving thread's own, as the console's grid has on its thread.
        const QString name = Connector::uniqueName(QStringLiteral("grid"));
        if (Connector::open(p1, password, name).ok()) {
            // Causal reads: the rows reloaded after the lost certification include node 2's commit.
            QSqlQuery(QSqlDatabase::database(name, false)).exec(QStringLiteral("SET SESSION wsrep_sync_wait = 1"));
            result = ChangeWriter::apply(QSqlDatabase::database(name, false), c);
        }
        Connector::close(name);
    });
    save->start();
    QTest::qWait(500);
    TG_EXEC(QSqlDatabase::database(two, false),
        QStringLiteral("UPDATE trongate_user_levels SET level_title = 'theirs' WHERE id = %1").arg(id));
    QVERIFY(save->wait(30000));
    delete save;
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(SqlTransaction::conflictMessage()), qPrintable(result.error));
    QCOMPARE(result.conflicts.size(), 1);
    QCOMPARE(result.conflicts.first().current.value(0).toString(), QStringLiteral("theirs"));
    QCOMPARE(result.conflicts.first().mine.value(0).toString(), QStringLiteral("mine"));
}

void TestGalera::profileListingNodesUsesTheFirstThatAnswers()
{
    // A node that is down (nothing listens on its port), then node 2.
    ConnectionProfile p = nodeProfile(2);
    const int dead = m_ports.at(0) + 7; // not one of the cluster's ports
    p.host = QStringLiteral("127.0.0.1:%1,127.0.0.1:%2").arg(dead).arg(m_ports.at(1));
    p.port = 0;
    const QString name = Connector::uniqueName(QStringLiteral("cluster"));
    const ConnectResult r = Connector::open(p, m_password, name);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.node, QStringLiteral("127.0.0.1:%1").arg(m_ports.at(1)));
    QVERIFY2(r.serverVersion.contains(r.node), qPrintable(r.serverVersion));
    QSqlQuery q(QSqlDatabase::database(name, false));
    QVERIFY(q.exec(QStringLiteral("SELECT @@port")) && q.next());
    QCOMPARE(q.value(0).toInt(), m_ports.at(1));
    Connector::close(name);
    const auto parsed = ConnectionProfile::fromUrl(
        QStringLiteral("mysql://tgtest@127.0.0.1:%1,127.0.0.1:%2/db").arg(dead).arg(m_ports.at(1)), nullptr);
    QVERIFY(parsed);
    QCOMPARE(parsed->nodes().size(), 2);
    QCOMPARE(parsed->nodes().at(1).port, m_ports.at(1));
}

QTEST_GUILESS_MAIN(TestGalera)
#include "TestGalera.moc"
