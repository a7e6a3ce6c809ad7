#include "audit/AuditLog.h"
#include "TestDatabase.h"
#include "tokens/TokenOperations.h"
#include "tokens/TokenService.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The token operations the window (TokenActions) and the command line (TokenCommands) both go
// through: each change leaves one activity record, the same whoever asked, with ids and
// fingerprints and never a whole token; a change that changed nothing leaves none.
class TestTokenOperations final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void everyChangeLeavesOneRecordAndNoToken();

private:
    static constexpr qint64 Now = 1'800'000'000;
};

void TestTokenOperations::everyChangeLeavesOneRecordAndNoToken()
{
    QFETCH_GLOBAL(QString, backend);
    DemoDatabase::Options o;
    o.users = 6;
    o.tokens = 0;
    o.now = Now;
    QString problem;
    auto t = TestDatabase::createSeeded(backend, o, &problem);
    TG_REQUIRE(t, problem);
    QTemporaryDir dir;
    const AuditLog log(dir.filePath(QStringLiteral("activity.jsonl")));
    TokenService service(t->db(), [] { return Now; });
    TokenOperations ops(service, log, QStringLiteral("shop (test)"));
    auto last = [&log] { return log.last(1).value(0); };
    auto lines = [&log] { return log.last(1000).size(); };

    ServiceError error;
    const qint64 expiry = Now + 3600;
    const auto issued = ops.issue({ 1, 2 }, expiry, QStringLiteral("ab"), 2, &error);
    QVERIFY2(issued && issued->size() == 4, qPrintable(error.message));
    QVERIFY(ops.auditError().isEmpty());
    AuditEntry e = last();
    QCOMPARE(e.action, QStringLiteral("issue"));
    QCOMPARE(e.table, QStringLiteral("trongate_tokens"));
    QCOMPARE(e.connection, QStringLiteral("shop (test)"));
    QCOMPARE(e.count, 4);
    QCOMPARE(e.ids.size(), 4);
    QCOMPARE(e.tokens.size(), 4);
    QCOMPARE(e.tokens.first(), AuditLog::fingerprint(issued->first().token));
    QCOMPARE(e.detail, QStringLiteral("users 1,2; expires %1; code ab").arg(TokenService::utcText(expiry)));

    const auto extended = ops.extend({ issued->at(0).id }, expiry + 60, &error);
    QVERIFY(extended && *extended == 1);
    e = last();
    QCOMPARE(e.action, QStringLiteral("extend"));
    QCOMPARE(e.ids, QList<qint64> { issued->at(0).id });
    QCOMPARE(e.detail, QStringLiteral("expires %1").arg(TokenService::utcText(expiry + 60)));

    const QList<IssuedToken> fresh = ops.regenerate({ issued->at(1).id }, expiry, &error);
    QCOMPARE(fresh.size(), 1);
    e = last();
    QCOMPARE(e.action, QStringLiteral("regenerate"));
    QCOMPARE(e.tokens, QStringList { AuditLog::fingerprint(fresh.first().token) });

    // A pasted token and a line that is none: the record fingerprints only the token it deleted.
    const auto byToken = ops.revokeTokens({ fresh.first().token, QStringLiteral("my password 123") }, &error);
    QVERIFY(byToken && *byToken == 1);
    e = last();
    QCOMPARE(e.action, QStringLiteral("revoke"));
    QCOMPARE(e.tokens, QStringList { AuditLog::fingerprint(fresh.first().token) });
    QCOMPARE(e.notTokens, 1);

    const auto byId = ops.revokeIds({ issued->at(0).id }, &error);
    QVERIFY(byId && *byId == 1);
    QCOMPARE(last().ids, QList<qint64> { issued->at(0).id });

    const auto byUser = ops.revokeUser(1, &error);
    QVERIFY(byUser && *byUser == 0); // user 1's two tokens are gone already: nothing changed
    const int before = lines();
    QCOMPARE(ops.revokeIds({ 999999 }, &error).value_or(-1), 0);
    QCOMPARE(lines(), before); // nothing changed, nothing recorded

    const auto byUser2 = ops.revokeUser(2, &error);
    QVERIFY(byUser2 && *byUser2 == 2);
    QCOMPARE(last().detail, QStringLiteral("all tokens of user 2"));

    // The purge goes by the server's clock: an expiry long gone is purged whatever that is.
    {
        QSqlQuery q(t->db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) "
                                      "VALUES ('oldtokenoldtokenoldtokenoldtoken', 3, 1000, '0')")));
    }
    qint64 before2 = 0;
    const auto purged = ops.purge(&error, true, &before2);
    QVERIFY2(purged && *purged >= 1, qPrintable(error.message));
    e = last();
    QCOMPARE(e.action, QStringLiteral("purge"));
    QCOMPARE(e.detail, QStringLiteral("automatic: expiry_date < %1").arg(before2));

    // Not one whole token in the file.
    QFile f(log.path());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray all = f.readAll();
    for (const IssuedToken &i : *issued)
        QVERIFY2(!all.contains(i.token.toUtf8()), "a whole token reached the activity log");
    QVERIFY(!all.contains(fresh.first().token.toUtf8()));
    QVERIFY(!all.contains("my password"));
}

QTEST_GUILESS_MAIN(TestTokenOperations)
#include "TestTokenOperations.moc"
