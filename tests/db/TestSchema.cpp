#include "schema/SchemaInspector.h"
#include "sql/SqlDialect.h"
#include "TestDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// Installing and verifying Trongate's tables on SQLite, a real MariaDB server and a real
// PostgreSQL server.
class TestSchema final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(true); }
    void installCreatesExactlyTrongatesTablesAndVerifiesClean();
    void installTwiceChangesNothingAndKeepsExistingTables();
    void verifyReportsEachDifference();
    void verifyReportsMissingTables();
    void mysqlDdlIsTrongatesOwn();
};

void TestSchema::installCreatesExactlyTrongatesTablesAndVerifiesClean()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    const SchemaInspector inspector(t->db());
    QCOMPARE(inspector.presentTrongateTables(), QStringList());
    QStringList executed;
    QString error;
    QVERIFY2(inspector.install(&executed, &error), qPrintable(error));
    QCOMPARE(executed.size(), 3);
    QCOMPARE(inspector.presentTrongateTables(), TrongateSchema::tableNames());
    const SchemaReport report = inspector.verify();
    QVERIFY2(report.isClean(),
        qPrintable(report.differences.isEmpty() ? report.error : report.differences.first().description()));
    QCOMPARE(report.differences.size(), 0);

    // The installed tables behave like Trongate's: defaults applied, ids generated.
    TG_EXEC(
        t->db(), QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date) VALUES ('abc', 7, 100)"));
    QSqlQuery q(t->db());
    QVERIFY(q.exec(QStringLiteral("SELECT id, code FROM trongate_tokens")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(q.value(1).toString(), QStringLiteral("0"));
    TG_EXEC(t->db(), QStringLiteral("INSERT INTO trongate_user_levels (level_title) VALUES ('admin')"));
    TG_EXEC(t->db(), QStringLiteral("INSERT INTO trongate_users (code) VALUES ('x')"));
    QVERIFY(q.exec(QStringLiteral("SELECT user_level_id FROM trongate_users")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestSchema::installTwiceChangesNothingAndKeepsExistingTables()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    // A database that already has a users table with data and an extra column.
    TG_EXEC(t->db(),
        QStringLiteral("CREATE TABLE trongate_users (id INTEGER PRIMARY KEY, code VARCHAR(32), "
                       "user_level_id INT, nickname VARCHAR(20))"));
    TG_EXEC(t->db(),
        QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id, nickname) VALUES (5, 'keep', 1, 'me')"));
    const SchemaInspector inspector(t->db());
    QStringList executed;
    QString error;
    QVERIFY2(inspector.install(&executed, &error), qPrintable(error));
    QCOMPARE(executed.size(), 2);
    QVERIFY(!executed.join(' ').contains(QLatin1String("trongate_users")));
    QSqlQuery q(t->db());
    QVERIFY(q.exec(QStringLiteral("SELECT code, nickname FROM trongate_users WHERE id = 5")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("keep"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("me"));

    executed.clear();
    QVERIFY2(inspector.install(&executed, &error), qPrintable(error));
    QCOMPARE(executed.size(), 0);
}

void TestSchema::verifyReportsEachDifference()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    const DriverKind kind = Sql::kindOf(t->db());
    const QString id = kind == DriverKind::MySql ? QStringLiteral("id int NOT NULL AUTO_INCREMENT PRIMARY KEY")
        : kind == DriverKind::Sqlite             ? QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT")
                                                 : QStringLiteral("id serial PRIMARY KEY");
    // Levels: title is text instead of varchar(125), and has no default.
    TG_EXEC(t->db(), QStringLiteral("CREATE TABLE trongate_user_levels (%1, level_title text)").arg(id));
    // Users: code is varchar(40), user_level_id defaults to 1, and id is a plain int without a key.
    TG_EXEC(t->db(),
        QStringLiteral("CREATE TABLE trongate_users (id int, code varchar(40) DEFAULT NULL, "
                       "user_level_id int DEFAULT 1)"));
    // Tokens: no code column, expiry_date NOT NULL, token varchar(125) but defaulting to ''.
    TG_EXEC(t->db(),
        QStringLiteral("CREATE TABLE trongate_tokens (%1, token varchar(125) DEFAULT '', user_id int DEFAULT 0, "
                       "expiry_date int NOT NULL, notes varchar(10))")
            .arg(id));
    const SchemaReport report = SchemaInspector(t->db()).verify();
    QVERIFY(!report.readFailed);
    QVERIFY(!report.isClean());

    QStringList found;
    for (const SchemaDifference &d : report.differences)
        found << QStringLiteral("%1.%2:%3").arg(d.table, d.column, d.kindText());
    const QStringList expected = {
        QStringLiteral("trongate_user_levels.level_title:wrong type"),
        QStringLiteral("trongate_user_levels.level_title:wrong default"), // text without DEFAULT ''
        QStringLiteral("trongate_users.id:not an auto-increment primary key"),
        QStringLiteral("trongate_users.code:wrong length"),
        QStringLiteral("trongate_users.user_level_id:wrong default"),
        QStringLiteral("trongate_tokens.token:wrong default"),
        QStringLiteral("trongate_tokens.expiry_date:wrong nullability"),
        QStringLiteral("trongate_tokens.code:missing column"),
        QStringLiteral("trongate_tokens.notes:extra column (fine for Trongate)"),
    };
    for (const QString &e : expected)
        QVERIFY2(found.contains(e), qPrintable(QStringLiteral("missing %1 in:\n%2").arg(e, found.join('\n'))));
    QVERIFY2(found.size() == expected.size(), qPrintable(found.join('\n')));
    QCOMPARE(report.problemCount(), expected.size() - 1); // the extra column is only a note

    // The report names what Trongate expects and what is there.
    for (const SchemaDifference &d : report.differences) {
        if (d.column == QLatin1String("code") && d.table == QLatin1String("trongate_users")) {
            QCOMPARE(d.expected, QStringLiteral("32"));
            QCOMPARE(d.actual, QStringLiteral("40"));
        }
        if (d.column == QLatin1String("user_level_id")) {
            QCOMPARE(d.expected, QStringLiteral("0"));
            QCOMPARE(d.actual, QStringLiteral("'1'"));
        }
    }
    // Verifying changed nothing: the damaged tables are still damaged.
    QCOMPARE(SchemaInspector(t->db()).verify().differences.size(), report.differences.size());
}

void TestSchema::verifyReportsMissingTables()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    TG_EXEC(t->db(), QStringLiteral("CREATE TABLE products (id int, name varchar(20))"));
    const SchemaReport report = SchemaInspector(t->db()).verify();
    QCOMPARE(report.missingTables, TrongateSchema::tableNames());
    QCOMPARE(report.problemCount(), 3);
    QVERIFY(!report.hasAnyTrongateTable());
}

void TestSchema::mysqlDdlIsTrongatesOwn()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("sqlite"))
        QSKIP("the DDL text does not depend on the backend under test");
    const QString tokens
        = TrongateSchema::createTableSql(*TrongateSchema::table(TrongateSchema::Tokens), DriverKind::MySql);
    QCOMPARE(tokens,
        QStringLiteral("CREATE TABLE IF NOT EXISTS `trongate_tokens` (\n"
                       "  `id` int(11) NOT NULL AUTO_INCREMENT,\n"
                       "  `token` varchar(125) DEFAULT NULL,\n"
                       "  `user_id` int(11) DEFAULT 0,\n"
                       "  `expiry_date` int(11) DEFAULT NULL,\n"
                       "  `code` varchar(3) DEFAULT '0',\n"
                       "  PRIMARY KEY (`id`)\n"
                       ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci"));
}

QTEST_GUILESS_MAIN(TestSchema)
#include "TestSchema.moc"
