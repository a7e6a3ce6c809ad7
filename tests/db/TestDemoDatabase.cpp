#include "schema/DemoDatabase.h"
#include "schema/SchemaInspector.h"
#include "TestDatabase.h"
#include "tokens/TokenGenerator.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

class TestDemoDatabase final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void seedsARealisticTrongateDatabase();
    void seedingTwiceChangesNothing();
    void refusingToSeedCreatesNoTable();
    void reopenedDemoKeepsItsSpreadAroundNow();
    void reopenedDemoLeavesThePersonsTokensAlone();

private:
    static qint64 scalar(const QSqlDatabase &db, const QString &sql);
};

qint64 TestDemoDatabase::scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        qWarning() << sql << q.lastError().text();
        return -1;
    }
    return q.value(0).toLongLong();
}

void TestDemoDatabase::seedsARealisticTrongateDatabase()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    const qint64 now = 1'900'000'000;
    DemoDatabase::Options o;
    o.now = now;
    o.seed = 42;
    DemoDatabase::Summary summary;
    QString error;
    QVERIFY2(DemoDatabase::ensureSeeded(t->db(), o, &summary, &error), qPrintable(error));
    QVERIFY(summary.seeded);
    const QSqlDatabase db = t->db();

    // Trongate's tables, exactly as Trongate defines them.
    QVERIFY(SchemaInspector(db).verify().isClean());
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels")), 4);
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT level_title FROM trongate_user_levels ORDER BY id")));
    QStringList titles;
    while (q.next())
        titles << q.value(0).toString();
    QCOMPARE(titles,
        QStringList(
            { QStringLiteral("admin"), QStringLiteral("member"), QStringLiteral("support"), QStringLiteral("guest") }));

    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM trongate_users")), o.users);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(DISTINCT code) FROM trongate_users")), o.users);
    QVERIFY(q.exec(QStringLiteral("SELECT code FROM trongate_users")));
    while (q.next())
        QVERIFY2(TokenGenerator::isTrongateString(q.value(0).toString()), qPrintable(q.value(0).toString()));

    // Application tables linked by trongate_user_id, with names and e-mail addresses.
    QCOMPARE(SchemaInspector(db).linkedApplicationTables(),
        QStringList({ QStringLiteral("members"), QStringLiteral("trongate_administrators") }));
    QVERIFY(scalar(db, QStringLiteral("SELECT COUNT(*) FROM members")) > 200);
    QCOMPARE(
        scalar(db,
            QStringLiteral("SELECT COUNT(*) FROM members m LEFT JOIN trongate_users u ON u.id = m.trongate_user_id "
                           "WHERE u.id IS NULL")),
        0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM members WHERE email NOT LIKE '%@%'")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM trongate_administrators WHERE username = 'admin'")), 1);

    // Tokens spread from the past into the coming days, some in the next minutes.
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), o.tokens);
    const auto count = [&](const QString &where) {
        return scalar(db, QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE ") + where);
    };
    const qint64 expired = count(QStringLiteral("expiry_date < %1").arg(now));
    const qint64 nextTenMinutes
        = count(QStringLiteral("expiry_date > %1 AND expiry_date <= %2").arg(now).arg(now + 600));
    const qint64 laterToday
        = count(QStringLiteral("expiry_date > %1 AND expiry_date <= %2").arg(now + 3600).arg(now + 86400));
    const qint64 days = count(QStringLiteral("expiry_date > %1").arg(now + 86400));
    QVERIFY2(expired >= 50, qPrintable(QString::number(expired)));
    QVERIFY2(nextTenMinutes >= 3, qPrintable(QString::number(nextTenMinutes)));
    QVERIFY2(laterToday >= 100, qPrintable(QString::number(laterToday)));
    QVERIFY2(days >= 50, qPrintable(QString::number(days)));
    QCOMPARE(count(QStringLiteral("expiry_date < %1").arg(now - 3 * 86400 - 1)), 0);
    QCOMPARE(count(QStringLiteral("expiry_date IS NULL")), 1);
    QCOMPARE(count(QStringLiteral("LENGTH(token) <> 32")), 0);
    // Orphans, as real Trongate databases have them.
    QCOMPARE(count(QStringLiteral("user_id NOT IN (SELECT id FROM trongate_users)")), 3);
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE user_level_id NOT IN "
                                "(SELECT id FROM trongate_user_levels)")),
        1);
}

void TestDemoDatabase::seedingTwiceChangesNothing()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    DemoDatabase::Options o;
    o.users = 40;
    o.tokens = 60;
    DemoDatabase::Summary first;
    DemoDatabase::Summary second;
    QString error;
    QVERIFY2(DemoDatabase::ensureSeeded(t->db(), o, &first, &error), qPrintable(error));
    QVERIFY(first.seeded);
    QSqlQuery q(t->db());
    QVERIFY(q.exec(QStringLiteral("SELECT code FROM trongate_users WHERE id = 1")) && q.next());
    const QString code = q.value(0).toString();
    QVERIFY2(DemoDatabase::ensureSeeded(t->db(), o, &second, &error), qPrintable(error));
    QVERIFY(!second.seeded);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_users")), 40);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 60);
    QVERIFY(q.exec(QStringLiteral("SELECT code FROM trongate_users WHERE id = 1")) && q.next());
    QCOMPARE(q.value(0).toString(), code);
}

// A real Trongate database (levels present, no demo application tables): seeding refuses, and the
// refusal must not leave the demo's trongate_administrators and members tables behind.
void TestDemoDatabase::refusingToSeedCreatesNoTable()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QString error;
    QVERIFY2(SchemaInspector(t->db()).install(nullptr, &error), qPrintable(error));
    TG_EXEC(t->db(), QStringLiteral("INSERT INTO trongate_user_levels (id, level_title) VALUES (1, 'admin')"));
    auto tableNames = [&] {
        QStringList names = t->db().tables();
        for (QString &n : names)
            n = n.toLower();
        names.sort();
        return names;
    };
    const QStringList before = tableNames();
    QVERIFY(!before.contains(QStringLiteral("members")));
    DemoDatabase::Summary summary;
    summary.seeded = true;
    QVERIFY2(DemoDatabase::ensureSeeded(t->db(), {}, &summary, &error), qPrintable(error));
    QVERIFY(!summary.seeded);
    QCOMPARE(tableNames(), before);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels")), 1);
    QCOMPARE(scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_users")), 0);
}

void TestDemoDatabase::reopenedDemoKeepsItsSpreadAroundNow()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("sqlite"))
        QSKIP("the demo is an SQLite file");
    TG_OPEN_DATABASE(t, backend);
    const qint64 made = 1'900'000'000;
    DemoDatabase::Options o;
    o.users = 20;
    o.tokens = 40;
    o.now = made;
    QString error;
    QVERIFY(DemoDatabase::ensureSeeded(t->db(), o, nullptr, &error));
    QVERIFY2(DemoDatabase::keepAlive(t->db(), made, &error), qPrintable(error));
    const auto count = [&](const QString &where) { return scalar(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE ") + where); };
    QCOMPARE(count(QStringLiteral("expiry_date = %1").arg(made + 120)), 1); // nothing moved at once
    // Opened again a day later: the token that expired 2 minutes after seeding now does so 2 minutes from "now".
    const qint64 later = made + 86400;
    QVERIFY2(DemoDatabase::keepAlive(t->db(), later, &error), qPrintable(error));
    QCOMPARE(count(QStringLiteral("expiry_date = %1").arg(later + 120)), 1);
    QCOMPARE(count(QStringLiteral("expiry_date IS NULL")), 1);
    QCOMPARE(count(QStringLiteral("expiry_date > %1 AND expiry_date <= %2").arg(later).arg(later + 600)) > 0, true);
}

void TestDemoDatabase::reopenedDemoLeavesThePersonsTokensAlone()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("sqlite"))
        QSKIP("the demo is an SQLite file");
    TG_OPEN_DATABASE(t, backend);
    const qint64 made = 1'900'000'000;
    DemoDatabase::Options o;
    o.users = 20;
    o.tokens = 40;
    o.now = made;
    QString error;
    QVERIFY(DemoDatabase::ensureSeeded(t->db(), o, nullptr, &error));
    QVERIFY2(DemoDatabase::keepAlive(t->db(), made, &error), qPrintable(error));
    const auto expiryOf = [&](const QString &where) {
        return scalar(t->db(), QStringLiteral("SELECT expiry_date FROM trongate_tokens WHERE ") + where);
    };
    const qint64 seededId = scalar(t->db(), QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date = %1").arg(made + 120));
    const qint64 editedId = scalar(t->db(), QStringLiteral("SELECT MAX(id) FROM trongate_tokens"));
    QVERIFY(seededId > 0 && editedId > 0 && seededId != editedId);
    // The person issues a token of their own and extends one of the demo's by hand.
    TG_EXEC(t->db(), QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) "
                                    "VALUES ('mineMINEmine2345678923456789abcd', 1, %1, '0')").arg(made + 3600));
    TG_EXEC(t->db(), QStringLiteral("UPDATE trongate_tokens SET expiry_date = %1 WHERE id = %2").arg(made + 7200).arg(editedId));

    // Restarted a day later: the demo's untouched row moves, the person's rows keep their dates.
    const qint64 later = made + 86400;
    QVERIFY2(DemoDatabase::keepAlive(t->db(), later, &error), qPrintable(error));
    QCOMPARE(expiryOf(QStringLiteral("id = %1").arg(seededId)), later + 120);
    QCOMPARE(expiryOf(QStringLiteral("token = 'mineMINEmine2345678923456789abcd'")), made + 3600);
    QCOMPARE(expiryOf(QStringLiteral("id = %1").arg(editedId)), made + 7200);
    // And on the restart after that, too.
    const qint64 again = later + 86400;
    QVERIFY2(DemoDatabase::keepAlive(t->db(), again, &error), qPrintable(error));
    QCOMPARE(expiryOf(QStringLiteral("id = %1").arg(seededId)), again + 120);
    QCOMPARE(expiryOf(QStringLiteral("token = 'mineMINEmine2345678923456789abcd'")), made + 3600);
    QCOMPARE(expiryOf(QStringLiteral("id = %1").arg(editedId)), made + 7200);
}

QTEST_GUILESS_MAIN(TestDemoDatabase)
#include "TestDemoDatabase.moc"
