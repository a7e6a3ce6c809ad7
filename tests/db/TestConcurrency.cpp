#include "connection/Connector.h"
#include "TestDatabase.h"
#include "tokens/TokenService.h"

#include <QDateTime>
#include <QMutex>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

// Two consoles and the PHP application on the same tables at once, for a fixed number of rounds:
// console A issues and revokes, console B issues and purges, the "PHP app" inserts valid and
// expired tokens with plain SQL. Afterwards every row is accounted for: no token lost, no token
// deleted that should not have been.
class TestConcurrency final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void consolesAndTheAppTogether();
};

namespace {
// Real time: purging goes by the database server's clock, whatever clock the service is given.
const qint64 Now = QDateTime::currentSecsSinceEpoch();
constexpr int Rounds = 40;

struct Ledger {
    QMutex mutex;
    QSet<QString> mustExist; // issued or inserted valid, never revoked
    QSet<QString> mustBeGone; // revoked by a console
    QSet<QString> expired; // inserted expired: gone after the last purge
    std::atomic<int> failures { 0 };
    QStringList errors;
};

template<typename Work> QThread *worker(const ConnectionProfile &profile, const QString &password, Work work)
{
    return QThread::create([profile, password, work] {
        const QString name = Connector::uniqueName(QStringLiteral("concurrent"));
        if (Connector::open(profile, password, name).ok())
            work(QSqlDatabase::database(name, false));
        Connector::close(name);
    });
}
} // namespace

void TestConcurrency::consolesAndTheAppTogether()
{
    QFETCH_GLOBAL(QString, backend);
    DemoDatabase::Options o;
    o.users = 20;
    o.tokens = 0;
    o.now = Now;
    QString problem;
    auto t = TestDatabase::createSeeded(backend, o, &problem);
    TG_REQUIRE(t, problem);
    Ledger ledger;
    const auto clock = [] { return Now; };

    QThread *consoleA = worker(t->profile(), t->password(), [&ledger, clock](QSqlDatabase db) {
        TokenService s(db, clock);
        for (int i = 0; i < Rounds; ++i) {
            ServiceError e;
            const auto issued
                = s.issue({ qint64(1 + i % 20), qint64(1 + (i + 7) % 20) }, Now + 3600, QStringLiteral("0"), 2, &e);
            if (!issued) {
                ++ledger.failures; // refused or rolled back: nothing of it may exist (checked by the count)
                continue;
            }
            QList<qint64> revoke; // every second token issued is revoked again at once
            for (int k = 1; k < issued->size(); k += 2)
                revoke << issued->at(k).id;
            const auto n = s.revokeIds(revoke, &e);
            QMutexLocker lock(&ledger.mutex);
            for (int k = 0; k < issued->size(); ++k) {
                const bool gone = (k % 2) && n;
                (gone ? ledger.mustBeGone : ledger.mustExist).insert(issued->at(k).token);
            }
            if (!n)
                ++ledger.failures;
        }
    });
    QThread *consoleB = worker(t->profile(), t->password(), [&ledger, clock](QSqlDatabase db) {
        TokenService s(db, clock);
        for (int i = 0; i < Rounds; ++i) {
            ServiceError e;
            const auto issued = s.issue({ qint64(1 + (i * 3) % 20) }, Now + 7200, QStringLiteral("b"), 1, &e);
            if (issued) {
                QMutexLocker lock(&ledger.mutex);
                for (const IssuedToken &tok : *issued)
                    ledger.mustExist.insert(tok.token);
            } else {
                ++ledger.failures;
            }
            if (!s.purge(&e))
                ++ledger.failures;
        }
    });
    QThread *app = worker(t->profile(), t->password(), [&ledger](QSqlDatabase db) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) VALUES (?, ?, ?, '0')"));
        for (int i = 0; i < Rounds * 2; ++i) {
            const bool expired = i % 2;
            const QString token
                = QStringLiteral("php-app-%1-%2").arg(expired ? QStringLiteral("old") : QStringLiteral("new")).arg(i);
            q.bindValue(0, token);
            q.bindValue(1, 1 + i % 20);
            q.bindValue(2, expired ? Now - 10 : Now + 600);
            if (!q.exec()) {
                ++ledger.failures;
                continue;
            }
            QMutexLocker lock(&ledger.mutex);
            (expired ? ledger.expired : ledger.mustExist).insert(token);
        }
    });
    for (QThread *th : { consoleA, consoleB, app })
        th->start();
    for (QThread *th : { consoleA, consoleB, app }) {
        QVERIFY(th->wait(120000));
        delete th;
    }
    // One last purge, as Trongate's next request would do.
    TokenService(t->db(), clock).purge();

    QSet<QString> present;
    QSqlQuery q(t->db());
    QVERIFY(q.exec(QStringLiteral("SELECT token, expiry_date FROM trongate_tokens")));
    int rows = 0;
    while (q.next()) {
        present.insert(q.value(0).toString());
        ++rows;
        QVERIFY2(q.value(1).toLongLong() >= Now, "an expired token survived the purge");
    }
    QCOMPARE(rows, present.size()); // no duplicated token strings
    for (const QString &token : std::as_const(ledger.mustExist))
        QVERIFY2(present.contains(token), qPrintable(QStringLiteral("lost: ") + token.left(6)));
    for (const QString &token : std::as_const(ledger.mustBeGone))
        QVERIFY2(!present.contains(token), "a revoked token is still there");
    for (const QString &token : std::as_const(ledger.expired))
        QVERIFY(!present.contains(token));
    // Nothing else: a failed (rolled back) issue left no row behind.
    QCOMPARE(present.size(), ledger.mustExist.size());
    QVERIFY2(ledger.failures < Rounds, qPrintable(QStringLiteral("%1 operations failed").arg(ledger.failures.load())));
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "TestConcurrency.moc"
