#include "audit/AuditLog.h"
#include "schema/SchemaInspector.h"
#include "TestDatabase.h"
#include "tokens/TokenGenerator.h"
#include "tokens/TokenService.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <limits>

// Trongate's token rules, run against SQLite and a real MariaDB server with a fake clock.
// Where it matters the result is checked against Trongate's own validation SQL (from
// Trongate_tokens_model.php), so the service cannot drift from what Trongate does.
class TestTokenService final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void validityAndPurgeAtTheExpiryBoundary_data();
    void validityAndPurgeAtTheExpiryBoundary();
    void orphans_data();
    void orphans();
    void issueWritesRowsTrongateAccepts();
    void issueAcceptsTheLast32BitSecond();
    void issueRefusesBadInputAndWritesNothing_data();
    void issueRefusesBadInputAndWritesNothing();
    void failingInsertInTheMiddleOfABatchLeavesNothing_data();
    void failingInsertInTheMiddleOfABatchLeavesNothing();
    void inspectNormalizesThePaste_data();
    void inspectNormalizesThePaste();
    void aTokenOf125CharactersIsFoundAndLongerIsExplained();
    void emptyPasteIsRefused_data();
    void emptyPasteIsRefused();
    void letterCaseFollowsTheDatabase();
    void revokeByTokenIdsUserAndLevel();
    void purgeRemovesOnlyWhatTrongateRemoves();
    void purgeGoesByTheDatabaseServersClock();
    void regenerateAndExtendRefuseRowsGoneMeanwhile();
    void revokeFingerprintsOnlyTokensInTheTable();
    void uniqueTokensKeepsOrderAndCountsRepeats();
    void extremeAndOddExpiriesAreJudgedAsTheDatabaseDoes_data();
    void extremeAndOddExpiriesAreJudgedAsTheDatabaseDoes();
    void regenerateKeepsIdAndCode();
    void extendChangesOnlyTheExpiry();
    void listFiltersByStatusUserAndLevel();

private:
    static constexpr qint64 Now = 1'800'000'000; // 2027-01-15, well inside 32 bits
    static bool prepare(const QSqlDatabase &db);
    static qint64 addToken(const QSqlDatabase &db, const QString &token, qint64 userId, const QVariant &expiry,
        const QString &code = QStringLiteral("0"));
    static qint64 scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
    static bool trongateAcceptsAnyLevel(const QSqlDatabase &db, const QString &token, qint64 now);
    static bool trongateAcceptsLevel(const QSqlDatabase &db, const QString &token, qint64 level, qint64 now);
    static QString swapCase(const QString &s);
    static QVariant nullInt() { return QVariant(QMetaType::fromType<int>()); }
    static TokenService::Clock clock()
    {
        return [] { return Now; };
    }
};

// Levels 1 "admin" and 2 "member"; users 1 (admin), 2 (member) and 3 whose level 9 has no row.
bool TestTokenService::prepare(const QSqlDatabase &db)
{
    QString error;
    if (!SchemaInspector(db).install(nullptr, &error)) {
        qWarning() << error;
        return false;
    }
    QSqlQuery q(db);
    for (const QString &sql :
        { QStringLiteral("INSERT INTO trongate_user_levels (id, level_title) VALUES (1, 'admin'), (2, 'member')"),
            QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id) VALUES (1, 'c1', 1), (2, 'c2', 2), "
                           "(3, 'c3', 9)") }) {
        if (!q.exec(sql)) {
            qWarning() << q.lastError().text();
            return false;
        }
    }
    return true;
}

qint64 TestTokenService::addToken(
    const QSqlDatabase &db, const QString &token, qint64 userId, const QVariant &expiry, const QString &code)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) VALUES (?, ?, ?, ?)"));
    q.addBindValue(token);
    q.addBindValue(userId);
    q.addBindValue(expiry);
    q.addBindValue(code);
    if (!q.exec()) {
        qWarning() << q.lastError().text();
        return -1;
    }
    return q.lastInsertId().toLongLong();
}

qint64 TestTokenService::scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        qWarning() << sql << q.lastError().text();
        return -1;
    }
    return q.value(0).toLongLong();
}

// validate_token_any_level, verbatim but for the placeholders.
bool TestTokenService::trongateAcceptsAnyLevel(const QSqlDatabase &db, const QString &token, qint64 now)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT trongate_tokens.token FROM trongate_tokens WHERE trongate_tokens.token = ? AND expiry_date > ?"));
    q.addBindValue(token);
    q.addBindValue(now);
    return q.exec() && q.next();
}

// validate_token_single_level, verbatim but for the placeholders.
bool TestTokenService::trongateAcceptsLevel(const QSqlDatabase &db, const QString &token, qint64 level, qint64 now)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT trongate_tokens.token FROM trongate_tokens INNER JOIN trongate_users ON "
                             "trongate_tokens.user_id = trongate_users.id WHERE trongate_tokens.token = ? AND "
                             "trongate_users.user_level_id = ? AND expiry_date > ?"));
    q.addBindValue(token);
    q.addBindValue(level);
    q.addBindValue(now);
    return q.exec() && q.next();
}

QString TestTokenService::swapCase(const QString &s)
{
    QString out = s;
    for (QChar &c : out)
        c = c.isUpper() ? c.toLower() : c.toUpper();
    return out;
}

void TestTokenService::validityAndPurgeAtTheExpiryBoundary_data()
{
    QTest::addColumn<QVariant>("expiry");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("purged");
    QTest::addRow("expired one second ago") << QVariant(Now - 1) << false << true;
    QTest::addRow("expires exactly now") << QVariant(Now) << false << false;
    QTest::addRow("expires in one second") << QVariant(Now + 1) << true << false;
    QTest::addRow("no expiry (NULL)") << nullInt() << false << false;
}

void TestTokenService::validityAndPurgeAtTheExpiryBoundary()
{
    QFETCH_GLOBAL(QString, backend);
    QFETCH(QVariant, expiry);
    QFETCH(bool, valid);
    QFETCH(bool, purged);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const QString token = *TokenGenerator().generate();
    QVERIFY(addToken(t->db(), token, 1, expiry) > 0);

    TokenService service(t->db(), clock());
    ServiceError error;
    const auto r = service.inspect(token, &error);
    QVERIFY2(r, qPrintable(error.message));
    QVERIFY(r->found);
    QCOMPARE(r->validAny, valid);
    QCOMPARE(r->validAny, trongateAcceptsAnyLevel(t->db(), token, Now));
    QCOMPARE(r->validForLevels, valid ? QList<qint64> { 1 } : QList<qint64> {});
    QCOMPARE(trongateAcceptsLevel(t->db(), token, 1, Now), valid);
    QCOMPARE(r->noExpiry, expiry.isNull());
    QCOMPARE(r->expired, !expiry.isNull() && !valid);
    QCOMPARE(r->purgeable, purged);

    // Purging goes by the database server's clock: the same boundary there. The server's second may
    // turn between reading it and purging, so the expectation follows the time purge() used.
    const auto serverNow = service.serverNow(&error);
    QVERIFY2(serverNow, qPrintable(error.message));
    const std::optional<qint64> stored
        = expiry.isNull() ? std::nullopt : std::optional<qint64>(*serverNow + (expiry.toLongLong() - Now));
    {
        QSqlQuery u(t->db());
        QVERIFY(u.prepare(QStringLiteral("UPDATE trongate_tokens SET expiry_date = ?")));
        u.addBindValue(stored ? QVariant(*stored) : nullInt());
        QVERIFY2(u.exec(), qPrintable(u.lastError().text()));
    }
    qint64 at = 0;
    const auto deleted = service.purge(&error, &at);
    QVERIFY2(deleted, qPrintable(error.message));
    QVERIFY2(at >= *serverNow && at - *serverNow <= 2, qPrintable(QString::number(at - *serverNow)));
    const bool gone = stored && *stored < at;
    if (at == *serverNow)
        QCOMPARE(gone, purged);
    QCOMPARE(*deleted, gone ? 1 : 0);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), gone ? 0 : 1);
}

void TestTokenService::orphans_data()
{
    QTest::addColumn<qint64>("userId");
    QTest::addColumn<QVariant>("userLevelId");
    QTest::addColumn<QList<qint64>>("levels");
    QTest::addColumn<bool>("userMissing");
    QTest::addColumn<bool>("levelMissing");
    QTest::addRow("user and level present") << qint64(2) << QVariant(2) << QList<qint64> { 2 } << false << false;
    QTest::addRow("user row deleted: any-level accepts, single-level does not")
        << qint64(42) << QVariant() << QList<qint64> {} << true << false;
    // Trongate's single-level query joins trongate_users only, not the levels table.
    QTest::addRow("level row deleted: Trongate still matches the level id")
        << qint64(3) << QVariant(9) << QList<qint64> { 9 } << false << true;
}

void TestTokenService::orphans()
{
    QFETCH_GLOBAL(QString, backend);
    QFETCH(qint64, userId);
    QFETCH(QVariant, userLevelId);
    QFETCH(QList<qint64>, levels);
    QFETCH(bool, userMissing);
    QFETCH(bool, levelMissing);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const QString token = *TokenGenerator().generate();
    QVERIFY(addToken(t->db(), token, userId, Now + 600) > 0);

    const TokenService service(t->db(), clock());
    const auto r = service.inspect(token);
    QVERIFY(r && r->found);
    QVERIFY(r->validAny);
    QVERIFY(trongateAcceptsAnyLevel(t->db(), token, Now));
    QCOMPARE(r->validForLevels, levels);
    for (qint64 level : { 1, 2, 9 })
        QCOMPARE(trongateAcceptsLevel(t->db(), token, level, Now), levels.contains(level));
    QCOMPARE(r->userId, userId);
    QCOMPARE(r->userLevelId.has_value(), userLevelId.isValid());
    if (userLevelId.isValid())
        QCOMPARE(*r->userLevelId, userLevelId.toLongLong());
    QCOMPARE(r->userMissing, userMissing);
    QCOMPARE(r->levelMissing, levelMissing);
    QCOMPARE(r->orphan, userMissing || levelMissing);
    QCOMPARE(r->levelTitle.has_value(), !userMissing && !levelMissing);
}

void TestTokenService::issueWritesRowsTrongateAccepts()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    // Existing rows and a gap left by a deleted one: the new ids must still be read back right.
    for (int i = 0; i < 3; ++i)
        QVERIFY(addToken(t->db(), *TokenGenerator().generate(), 1, Now + 60) > 0);
    TG_EXEC(t->db(), QStringLiteral("DELETE FROM trongate_tokens WHERE id = 3"));

    TokenService service(t->db(), clock());
    ServiceError error;
    const auto issued = service.issue({ 1, 2, 1 }, Now + 3600, QStringLiteral("ab"), 3, &error);
    QVERIFY2(issued, qPrintable(error.message));
    QCOMPARE(issued->size(), 6); // the repeated user 1 counts once
    QSet<qint64> ids;
    QSet<QString> strings;
    for (int i = 0; i < issued->size(); ++i) {
        const IssuedToken &tok = issued->at(i);
        QCOMPARE(tok.userId, i < 3 ? 1 : 2);
        QVERIFY2(TokenGenerator::isTrongateString(tok.token), qPrintable(tok.token));
        QVERIFY(tok.id > 2);
        ids.insert(tok.id);
        strings.insert(tok.token);
        QSqlQuery q(t->db());
        q.prepare(QStringLiteral("SELECT token, user_id, expiry_date, code FROM trongate_tokens WHERE id = ?"));
        q.addBindValue(tok.id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), tok.token);
        QCOMPARE(q.value(1).toLongLong(), tok.userId);
        QCOMPARE(q.value(2).toLongLong(), Now + 3600);
        QCOMPARE(q.value(3).toString(), QStringLiteral("ab"));
        QVERIFY(trongateAcceptsAnyLevel(t->db(), tok.token, Now));
        QVERIFY(trongateAcceptsLevel(t->db(), tok.token, tok.userId, Now));
    }
    QCOMPARE(ids.size(), 6);
    QCOMPARE(strings.size(), 6);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 8);

    // Trongate's default code is '0'.
    const auto plain = service.issue({ 2 }, Now + 60);
    QVERIFY(plain);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE id = ? AND code = '0'"),
                 { plain->first().id }),
        1);
}

void TestTokenService::issueAcceptsTheLast32BitSecond()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    TokenService service(t->db(), clock());
    ServiceError error;
    const auto issued = service.issue({ 1 }, 2147483647, QStringLiteral("0"), 1, &error);
    QVERIFY2(issued, qPrintable(error.message));
    QCOMPARE(
        scalar(t->db(), QStringLiteral("SELECT expiry_date FROM trongate_tokens WHERE id = ?"), { issued->first().id }),
        2147483647);
}

void TestTokenService::issueRefusesBadInputAndWritesNothing_data()
{
    QTest::addColumn<QList<qint64>>("users");
    QTest::addColumn<qint64>("expiry");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("reason");
    const QList<qint64> one { 1 };
    QTest::addRow("expiry one second ago") << one << Now - 1 << "0" << 1 << "a time in the past";
    QTest::addRow("expiry exactly now") << one << Now << "0" << 1 << "a time in the past";
    QTest::addRow("expiry one second past 2038-01-19 03:14:07 UTC")
        << one << qint64(2147483648LL) << "0" << 1 << "2038-01-19 03:14:07 UTC";
    QTest::addRow("expiry in the year 2100") << one << qint64(4102444800LL) << "0" << 1 << "2038-01-19 03:14:07 UTC";
    QTest::addRow("code of four characters") << one << Now + 60 << "abcd" << 1 << "at most 3";
    QTest::addRow("count zero") << one << Now + 60 << "0" << 0 << "from 1 to 100000";
    QTest::addRow("count 100001") << one << Now + 60 << "0" << 100001 << "from 1 to 100000";
    QTest::addRow("a user without a trongate_users row")
        << QList<qint64> { 1, 77 } << Now + 60 << "0" << 1 << "no row in trongate_users: 77";
    QTest::addRow("no user at all") << QList<qint64> {} << Now + 60 << "0" << 1 << "at least one user";
}

void TestTokenService::issueRefusesBadInputAndWritesNothing()
{
    QFETCH_GLOBAL(QString, backend);
    QFETCH(QList<qint64>, users);
    QFETCH(qint64, expiry);
    QFETCH(QString, code);
    QFETCH(int, count);
    QFETCH(QString, reason);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    TokenService service(t->db(), clock());
    ServiceError error;
    QVERIFY(!service.issue(users, expiry, code, count, &error));
    QCOMPARE(error.kind, ServiceError::Kind::Refused);
    QVERIFY2(error.message.contains(reason), qPrintable(error.message));
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 0);
}

void TestTokenService::failingInsertInTheMiddleOfABatchLeavesNothing_data()
{
    QTest::addColumn<int>("countPerUser");
    // Users 1, 2, 3 in that order; the trigger rejects user 3's first row.
    QTest::addRow("third row rejected, in the first statement") << 1;
    QTest::addRow("row 601 rejected, after a whole statement of 500 went in") << 300;
}

void TestTokenService::failingInsertInTheMiddleOfABatchLeavesNothing()
{
    QFETCH_GLOBAL(QString, backend);
    QFETCH(int, countPerUser);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const QString existing = *TokenGenerator().generate();
    QVERIFY(addToken(t->db(), existing, 1, Now + 60) > 0);
    if (backend == QLatin1String("sqlite"))
        TG_EXEC(t->db(),
            QStringLiteral("CREATE TRIGGER reject_user_3 BEFORE INSERT ON trongate_tokens "
                           "WHEN NEW.user_id = 3 BEGIN SELECT RAISE(ABORT, 'rejected by the test'); END"));
    else
        TG_EXEC(t->db(),
            QStringLiteral("CREATE TRIGGER reject_user_3 BEFORE INSERT ON trongate_tokens FOR EACH ROW "
                           "BEGIN IF NEW.user_id = 3 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = "
                           "'rejected by the test'; END IF; END"));

    TokenService service(t->db(), clock());
    ServiceError error;
    QVERIFY(!service.issue({ 1, 2, 3 }, Now + 3600, QStringLiteral("0"), countPerUser, &error));
    QCOMPARE(error.kind, ServiceError::Kind::Database);
    QVERIFY2(error.message.contains(QLatin1String("none was saved")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QLatin1String("rejected by the test")), qPrintable(error.message));
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 1);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE token = ?"), { existing }), 1);

    // The same request goes through once the table accepts it: the trigger was the only obstacle.
    TG_EXEC(t->db(), QStringLiteral("DROP TRIGGER reject_user_3"));
    const auto issued = service.issue({ 1, 2, 3 }, Now + 3600, QStringLiteral("0"), countPerUser, &error);
    QVERIFY2(issued, qPrintable(error.message));
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 1 + 3 * countPerUser);
}

void TestTokenService::inspectNormalizesThePaste_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("found");
    QTest::addColumn<bool>("caseDiffers");
    QTest::addRow("exactly as issued") << "exact" << true << false;
    QTest::addRow("spaces around a pasted token") << "spaces" << true << false;
    QTest::addRow("tab and line break from a copied line") << "line" << true << false;
    // MariaDB's utf8mb4_general_ci and the installed SQLite schema's COLLATE NOCASE both ignore case.
    QTest::addRow("other letter case") << "case" << true << true;
    QTest::addRow("a token not in the table") << "other" << false << false;
    QTest::addRow("a space inside the token") << "inner" << false << false;
}

void TestTokenService::inspectNormalizesThePaste()
{
    QFETCH_GLOBAL(QString, backend);
    QFETCH(QString, kind);
    QFETCH(bool, found);
    QFETCH(bool, caseDiffers);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const QString token = *TokenGenerator().generate();
    const qint64 id = addToken(t->db(), token, 2, Now + 60, QStringLiteral("x"));
    QVERIFY(id > 0);
    const QString paste = kind == QLatin1String("exact") ? token
        : kind == QLatin1String("spaces")                ? QStringLiteral("  ") + token + QStringLiteral(" ")
        : kind == QLatin1String("line")                  ? QStringLiteral("\t") + token + QStringLiteral("\r\n")
        : kind == QLatin1String("case")                  ? swapCase(token)
        : kind == QLatin1String("inner")                 ? token.left(10) + QLatin1Char(' ') + token.mid(10)
                                                         : *TokenGenerator().generate();
    const TokenService service(t->db(), clock());
    ServiceError error;
    const auto r = service.inspect(paste, &error);
    QVERIFY2(r, qPrintable(error.message));
    QCOMPARE(r->input, paste.trimmed());
    QCOMPARE(r->found, found);
    QCOMPARE(r->caseDiffers, caseDiffers);
    QCOMPARE(r->validAny, found);
    QCOMPARE(r->validAny, trongateAcceptsAnyLevel(t->db(), r->input, Now));
    if (found) {
        QCOMPARE(r->tokenId, id);
        QCOMPARE(r->userId, 2);
        QCOMPARE(r->code, QStringLiteral("x"));
        QCOMPARE(r->validForLevels, QList<qint64> { 2 });
        QCOMPARE(r->levelTitle.value_or(QString()), QStringLiteral("member"));
    } else {
        QVERIFY2(r->note.contains(QLatin1String("No row in trongate_tokens")), qPrintable(r->note));
    }
}

void TestTokenService::aTokenOf125CharactersIsFoundAndLongerIsExplained()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const QString longest = *TokenGenerator().generate(125);
    QVERIFY(addToken(t->db(), longest, 1, Now + 60) > 0);
    const TokenService service(t->db(), clock());
    auto r = service.inspect(longest);
    QVERIFY(r);
    QVERIFY(r->found);
    QVERIFY(r->validAny);

    r = service.inspect(longest + QLatin1Char('x'));
    QVERIFY(r);
    QVERIFY(!r->found);
    QVERIFY(!r->validAny);
    QVERIFY2(r->note.contains(QLatin1String("126 characters")) && r->note.contains(QLatin1String("at most 125")),
        qPrintable(r->note));
}

void TestTokenService::emptyPasteIsRefused_data()
{
    QTest::addColumn<QString>("paste");
    QTest::addRow("nothing") << "";
    QTest::addRow("only whitespace and a line break") << " \t\r\n ";
}

void TestTokenService::emptyPasteIsRefused()
{
    QFETCH_GLOBAL(QString, backend);
    QFETCH(QString, paste);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    QVERIFY(addToken(t->db(), QString(), 1, Now + 60) > 0); // an empty token row must not be "found"
    TokenService service(t->db(), clock());
    ServiceError error;
    QVERIFY(!service.inspect(paste, &error));
    QCOMPARE(error.kind, ServiceError::Kind::Refused);
    QVERIFY2(error.message.contains(QLatin1String("empty")), qPrintable(error.message));
    QVERIFY(!service.revokeTokens({ paste }, &error));
    QCOMPARE(error.kind, ServiceError::Kind::Refused);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 1);
}

void TestTokenService::letterCaseFollowsTheDatabase()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    // A case-sensitive token column: the database, not the console, decides what matches.
    if (backend == QLatin1String("sqlite")) {
        TG_EXEC(t->db(), QStringLiteral("DROP TABLE trongate_tokens"));
        TG_EXEC(t->db(),
            QStringLiteral("CREATE TABLE trongate_tokens (id INTEGER PRIMARY KEY AUTOINCREMENT, token "
                           "VARCHAR(125) DEFAULT NULL, user_id INT DEFAULT 0, expiry_date INT DEFAULT "
                           "NULL, code VARCHAR(3) DEFAULT '0')"));
    } else {
        TG_EXEC(t->db(),
            QStringLiteral("ALTER TABLE trongate_tokens MODIFY token varchar(125) COLLATE utf8mb4_bin "
                           "DEFAULT NULL"));
    }
    const QString token = *TokenGenerator().generate();
    QVERIFY(addToken(t->db(), token, 1, Now + 60) > 0);
    TokenService service(t->db(), clock());
    QVERIFY(service.inspect(token)->found);
    QVERIFY(!service.inspect(swapCase(token))->found);
    QCOMPARE(service.inspect(swapCase(token))->validAny, trongateAcceptsAnyLevel(t->db(), swapCase(token), Now));
    QCOMPARE(service.revokeTokens({ swapCase(token) }), 0);
    QCOMPARE(service.revokeTokens({ token }), 1);
}

void TestTokenService::revokeByTokenIdsUserAndLevel()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const TokenGenerator g;
    const QString a = *g.generate();
    QVERIFY(addToken(t->db(), a, 1, Now + 60) > 0);
    const qint64 b = addToken(t->db(), *g.generate(), 1, Now + 60);
    QVERIFY(addToken(t->db(), *g.generate(), 2, Now + 60) > 0); // level 2
    const qint64 d = addToken(t->db(), *g.generate(), 3, Now - 60); // level 9, no level row
    QVERIFY(addToken(t->db(), *g.generate(), 42, Now + 60) > 0); // user row missing
    QVERIFY(addToken(t->db(), *g.generate(), 42, nullInt()) > 0);

    TokenService service(t->db(), clock());
    ServiceError error;
    QCOMPARE(service.revokeTokens({ QStringLiteral("  ") + swapCase(a) + QStringLiteral("\n") }, &error), 1);
    QCOMPARE(service.revokeTokens({ a }, &error), 0); // gone already
    QCOMPARE(service.revokeIds({ b, 99999 }, &error), 1);
    QCOMPARE(service.revokeLevel(2, &error), 1);
    QCOMPARE(service.revokeUser(42, &error), 2); // an orphan user's tokens, expired or not
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 1);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT id FROM trongate_tokens")), d);
    QVERIFY(!service.revokeIds({}, &error));
    QCOMPARE(error.kind, ServiceError::Kind::Refused);
    QCOMPARE(service.revokeLevel(9, &error), 1); // users of a level whose row is gone
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 0);
}

void TestTokenService::purgeRemovesOnlyWhatTrongateRemoves()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const TokenGenerator g;
    TokenService service(t->db(), clock());
    // The server's clock, not the (fake) one given: Trongate compares with its own server's time.
    const auto server = service.serverNow();
    QVERIFY(server);
    const qint64 s = *server + 5; // a few seconds ahead, so the boundary rows are still ahead when purging
    for (const QVariant &expiry :
        { QVariant(*server - 86400), QVariant(*server - 1), QVariant(s), QVariant(s + 1), nullInt() })
        QVERIFY(addToken(t->db(), *g.generate(), 1, expiry) > 0);
    qint64 at = 0;
    QCOMPARE(service.purge(nullptr, &at), 2);
    QVERIFY(at <= s);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date = ?"), { s }), 1);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NULL")), 1);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 3);
    QCOMPARE(service.purge(), 0);
}

// The desk clock two hours ahead: a purge by it would delete tokens the web server still accepts.
void TestTokenService::purgeGoesByTheDatabaseServersClock()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const qint64 realNow = QDateTime::currentSecsSinceEpoch();
    TokenService service(t->db(), [realNow] { return realNow + 7200; });
    ServiceError error;
    const auto server = service.serverNow(&error);
    QVERIFY2(server, qPrintable(error.message));
    QVERIFY2(qAbs(*server - realNow) < 60, "the test's database server runs on this machine's clock");
    const auto skew = service.serverClockSkew(&error);
    QVERIFY2(skew, qPrintable(error.message));
    QVERIFY2(qAbs(*skew + 7200) <= 5, qPrintable(QString::number(*skew)));

    const TokenGenerator g;
    const QString expired = *g.generate();
    const QString inAnHour = *g.generate();
    const QString tomorrow = *g.generate();
    QVERIFY(addToken(t->db(), expired, 1, *server - 600) > 0);
    QVERIFY(addToken(t->db(), inAnHour, 1, *server + 3600) > 0); // expired by the desk clock only
    QVERIFY(addToken(t->db(), tomorrow, 1, *server + 86400) > 0);
    qint64 at = 0;
    const auto deleted = service.purge(&error, &at);
    QVERIFY2(deleted, qPrintable(error.message));
    QCOMPARE(*deleted, 1);
    QVERIFY2(qAbs(at - *server) <= 2, qPrintable(QString::number(at - *server)));
    QVERIFY(!trongateAcceptsAnyLevel(t->db(), expired, *server) && scalar(t->db(),
        QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE token = ?"), { expired }) == 0);
    QVERIFY(trongateAcceptsAnyLevel(t->db(), inAnHour, *server));
    QVERIFY(trongateAcceptsAnyLevel(t->db(), tomorrow, *server));
}

// A row deleted by someone else between reading it and writing it: the change is refused, not
// reported as done.
void TestTokenService::regenerateAndExtendRefuseRowsGoneMeanwhile()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const QString old = *TokenGenerator().generate();
    const qint64 id = addToken(t->db(), old, 2, Now + 10);
    QVERIFY(id > 0);
    // The random source runs after the row was read: the row is deleted there, as another console would.
    const QSqlDatabase db = t->db();
    TokenGenerator deleting([db, id](unsigned char *buffer, int size) {
        QSqlQuery d(db);
        d.prepare(QStringLiteral("DELETE FROM trongate_tokens WHERE id = ?"));
        d.addBindValue(id);
        if (!d.exec())
            return false;
        for (int i = 0; i < size; ++i)
            buffer[i] = static_cast<unsigned char>(i * 7);
        return true;
    });
    ServiceError error;
    TokenService service(t->db(), clock(), deleting);
    QVERIFY(!service.regenerate(id, Now + 7200, &error));
    QCOMPARE(error.kind, ServiceError::Kind::Refused);
    QVERIFY2(error.message.contains(QLatin1String("revoked or changed meanwhile")), qPrintable(error.message));
    // The delete ran inside the refused change and was rolled back with it: the row is as it was.
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE token = ? AND id = ?"),
                 { old, id }),
        1);

    if (backend != QLatin1String("sqlite"))
        return;
    // On SQLite a trigger makes the UPDATE match no row, as an UPDATE after a concurrent delete does on
    // MariaDB under REPEATABLE READ: reading finds the rows, writing changes none of them.
    const qint64 x = addToken(t->db(), *TokenGenerator().generate(), 1, Now + 10);
    const qint64 y = addToken(t->db(), *TokenGenerator().generate(), 1, Now + 10);
    QVERIFY(x > 0 && y > 0);
    TG_EXEC(t->db(),
        QStringLiteral("CREATE TRIGGER gone_meanwhile BEFORE UPDATE ON trongate_tokens WHEN OLD.id = %1 "
                       "BEGIN SELECT RAISE(IGNORE); END")
            .arg(y));
    TokenService plain(t->db(), clock());
    QVERIFY(!plain.extend({ x, y }, Now + 7200, &error));
    QVERIFY2(error.message.contains(QLatin1String("revoked or changed meanwhile")), qPrintable(error.message));
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date = ?"),
                 { Now + 7200 }),
        0); // x is not half-changed
    QVERIFY(!plain.regenerate(y, Now + 7200, &error));
    QVERIFY2(error.message.contains(QLatin1String("revoked or changed meanwhile")), qPrintable(error.message));
}

void TestTokenService::revokeFingerprintsOnlyTokensInTheTable()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const QString token = *TokenGenerator().generate();
    QVERIFY(addToken(t->db(), token, 1, Now + 10) > 0);
    TokenService service(t->db(), clock());
    RevokeReport report;
    ServiceError error;
    const QString secret = QStringLiteral("hunter2-secret");
    QCOMPARE(service.revokeTokens({ secret, token, token, QString() }, &error, &report), 1);
    QCOMPARE(report.deleted, 1);
    QCOMPARE(report.fingerprints, QStringList { AuditLog::fingerprint(token) });
    QCOMPARE(report.notTokens, 1);
    QCOMPARE(report.duplicates, 1);
    for (const QString &f : std::as_const(report.fingerprints))
        QVERIFY(!f.startsWith(secret.left(4)));
}

void TestTokenService::uniqueTokensKeepsOrderAndCountsRepeats()
{
    qsizetype duplicates = -1;
    const QString tooLong(TokenService::MaxTokenLength + 1, QLatin1Char('x'));
    QCOMPARE(TokenService::uniqueTokens({ QStringLiteral(" c\n"), QStringLiteral("a"), QStringLiteral("c"),
                                            QString(), tooLong, QStringLiteral("b"), QStringLiteral("a ") },
                 &duplicates),
        QStringList({ QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b") }));
    QCOMPARE(duplicates, 2);
    // 80,000 pasted lines, half of them repeats: linear, so this returns at once.
    QStringList many;
    for (int i = 0; i < 80000; ++i)
        many << QString::number(i % 40000);
    QCOMPARE(TokenService::uniqueTokens(many, &duplicates).size(), 40000);
    QCOMPARE(duplicates, 40000);
}

void TestTokenService::extremeAndOddExpiriesAreJudgedAsTheDatabaseDoes_data()
{
    QTest::addColumn<QVariant>("expiry");
    QTest::addRow("INT64_MIN") << QVariant(std::numeric_limits<qint64>::min());
    QTest::addRow("INT64_MAX") << QVariant(std::numeric_limits<qint64>::max());
    QTest::addRow("1e300") << QVariant(1e300);
    QTest::addRow("-1e300") << QVariant(-1e300);
    QTest::addRow("text '12abc'") << QVariant(QStringLiteral("12abc"));
    QTest::addRow("real 1.5") << QVariant(1.5);
    QTest::addRow("real just after now") << QVariant(double(Now) + 0.5);
    QTest::addRow("real just before now") << QVariant(double(Now) - 0.5);
}

// SQLite stores what it is given; the listing, inspect and purge must say what Trongate's own
// "expiry_date > ?" says about it, and nothing may overflow on the way (the sanitizer build checks).
void TestTokenService::extremeAndOddExpiriesAreJudgedAsTheDatabaseDoes()
{
    QFETCH_GLOBAL(QString, backend);
    QFETCH(QVariant, expiry);
    if (backend != QLatin1String("sqlite"))
        QSKIP("only SQLite keeps such values in an int column");
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const QString token = *TokenGenerator().generate();
    QVERIFY(addToken(t->db(), token, 1, expiry) > 0);
    QVERIFY(scalar(t->db(), QStringLiteral("SELECT typeof(expiry_date) = ? FROM trongate_tokens"),
        { expiry.typeId() == QMetaType::QString ? QStringLiteral("text")
            : expiry.typeId() == QMetaType::Double ? QStringLiteral("real") : QStringLiteral("integer") }) == 1);
    const bool databaseSaysValid = trongateAcceptsAnyLevel(t->db(), token, Now);
    const bool databaseSaysPurged = scalar(t->db(),
        QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date < ?"), { Now }) == 1;

    TokenService service(t->db(), clock());
    ServiceError error;
    const auto listed = service.list({}, &error);
    QVERIFY2(listed, qPrintable(error.message));
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().valid, databaseSaysValid);
    QCOMPARE(listed->first().purgeable, databaseSaysPurged);
    if (listed->first().expiry)
        (void)TokenService::secondsLeft(*listed->first().expiry, Now); // must not overflow

    TokenFilter onlyValid;
    onlyValid.status = TokenFilter::Status::Valid;
    QCOMPARE(service.list(onlyValid)->size(), databaseSaysValid ? 1 : 0);

    const auto r = service.inspect(token, &error);
    QVERIFY2(r, qPrintable(error.message));
    QCOMPARE(r->validAny, databaseSaysValid);
    QCOMPARE(r->expired, !databaseSaysValid);
    QCOMPARE(r->purgeable, databaseSaysPurged);
}

void TestTokenService::regenerateKeepsIdAndCode()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const QString old = *TokenGenerator().generate();
    const qint64 id = addToken(t->db(), old, 2, Now + 10, QStringLiteral("ab"));
    QVERIFY(id > 0);
    TokenService service(t->db(), clock());
    ServiceError error;
    const auto fresh = service.regenerate(id, Now + 7200, &error);
    QVERIFY2(fresh, qPrintable(error.message));
    QCOMPARE(fresh->id, id);
    QCOMPARE(fresh->code, QStringLiteral("ab"));
    QCOMPARE(fresh->userId, 2);
    QVERIFY(TokenGenerator::isTrongateString(fresh->token));
    QVERIFY(fresh->token != old);
    QSqlQuery q(t->db());
    QVERIFY(q.exec(QStringLiteral("SELECT id, token, expiry_date, code, user_id FROM trongate_tokens")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), id);
    QCOMPARE(q.value(1).toString(), fresh->token);
    QCOMPARE(q.value(2).toLongLong(), Now + 7200);
    QCOMPARE(q.value(3).toString(), QStringLiteral("ab"));
    QCOMPARE(q.value(4).toLongLong(), 2);
    QVERIFY(!q.next());
    QVERIFY(!service.inspect(old)->found);
    QVERIFY(trongateAcceptsLevel(t->db(), fresh->token, 2, Now));

    QVERIFY(!service.regenerate(id, Now - 5, &error));
    QCOMPARE(error.kind, ServiceError::Kind::Refused);
    QVERIFY(!service.regenerate(id + 100, Now + 60, &error));
    QCOMPARE(error.kind, ServiceError::Kind::Refused);
    QVERIFY2(error.message.contains(QString::number(id + 100)), qPrintable(error.message));
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE token = ? AND expiry_date = ?"),
                 { fresh->token, Now + 7200 }),
        1);
}

void TestTokenService::extendChangesOnlyTheExpiry()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const QString x = *TokenGenerator().generate();
    const QString y = *TokenGenerator().generate();
    const qint64 xid = addToken(t->db(), x, 1, Now - 10);
    const qint64 yid = addToken(t->db(), y, 2, nullInt());
    TokenService service(t->db(), clock());
    ServiceError error;
    QCOMPARE(service.extend({ xid, yid }, Now + 7200, &error), 2);
    QCOMPARE(
        scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date = ?"), { Now + 7200 }),
        2);
    QVERIFY(service.inspect(x)->validAny);
    QVERIFY(service.inspect(y)->validAny);

    QVERIFY(!service.extend({ xid, 99999 }, Now + 99, &error));
    QCOMPARE(error.kind, ServiceError::Kind::Refused);
    QVERIFY2(error.message.contains(QLatin1String("99999")), qPrintable(error.message));
    QVERIFY(!service.extend({ xid }, Now, &error));
    QVERIFY(!service.extend({ xid }, 2147483648LL, &error));
    QCOMPARE(
        scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date = ?"), { Now + 7200 }),
        2);
}

void TestTokenService::listFiltersByStatusUserAndLevel()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QVERIFY(prepare(t->db()));
    const TokenGenerator g;
    QVERIFY(addToken(t->db(), *g.generate(), 1, Now + 60) > 0);
    QVERIFY(addToken(t->db(), *g.generate(), 1, Now) > 0);
    QVERIFY(addToken(t->db(), *g.generate(), 2, nullInt()) > 0);
    QVERIFY(addToken(t->db(), *g.generate(), 42, Now + 60) > 0);
    const TokenService service(t->db(), clock());
    auto count = [&](TokenFilter f) { return service.list(f).value_or(QList<TokenRow> {}).size(); };
    TokenFilter f;
    QCOMPARE(count(f), 4);
    f.status = TokenFilter::Status::Valid;
    QCOMPARE(count(f), 2);
    f.status = TokenFilter::Status::Expired; // not valid: now, and NULL
    QCOMPARE(count(f), 2);
    f = {};
    f.userId = 1;
    QCOMPARE(count(f), 2);
    f = {};
    f.levelId = 2;
    QCOMPARE(count(f), 1);
    f = {};
    f.limit = 3;
    QCOMPARE(count(f), 3);
    f = {};
    f.userId = 42;
    const auto rows = service.list(f);
    QVERIFY(rows && rows->size() == 1);
    QVERIFY(!rows->first().userExists);
    QVERIFY(!rows->first().userLevelId);
}

QTEST_GUILESS_MAIN(TestTokenService)
#include "TestTokenService.moc"
