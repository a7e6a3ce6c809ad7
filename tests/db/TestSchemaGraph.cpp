#include "schema/DemoDatabase.h"
#include "schema/SchemaDoctor.h"
#include "schema/SchemaGraph.h"
#include "TestDatabase.h"

#include <QTest>

// Reading keys, indexes and relations on SQLite, MariaDB and PostgreSQL, and the schema doctor's
// SQL on a schema with and without orphans.
class TestSchemaGraph final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(true); }
    void init();
    void cleanup() { m_db.reset(); }
    void inferredRelationsWithOrphanCounts();
    void declaredForeignKeysAndIndexesAreRead();
    void bigTablesCountedAfterTheStructure();
    void doctorCleansOrphansFirstThenIndexesAndKeys();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void TestSchemaGraph::init()
{
    QFETCH_GLOBAL(QString, backend);
    DemoDatabase::Options o;
    o.users = 25;
    o.tokens = 50;
    QString problem;
    m_db = TestDatabase::createSeeded(backend, o, &problem);
    TG_REQUIRE(m_db, problem);
}

void TestSchemaGraph::inferredRelationsWithOrphanCounts()
{
    QString error;
    const SchemaGraph g = SchemaGraph::read(m_db->db(), false, &error);
    QStringList names;
    for (const SchemaGraph::Table &t : g.tables)
        names << t.name;
    QCOMPARE(names,
        QStringList({ QStringLiteral("trongate_user_levels"), QStringLiteral("trongate_users"),
            QStringLiteral("trongate_tokens"), QStringLiteral("members"), QStringLiteral("trongate_administrators") }));
    QCOMPARE(g.table(QStringLiteral("trongate_tokens"))->rows, 50);
    QVERIFY(g.table(QStringLiteral("trongate_tokens"))->column(QStringLiteral("id"))->primaryKey);
    QCOMPARE(g.relations.size(), 4);
    const SchemaGraph::Relation *tokens = g.relation(QStringLiteral("trongate_tokens"), QStringLiteral("user_id"));
    QVERIFY(tokens);
    QVERIFY(!tokens->declared);
    QCOMPARE(tokens->parentTable, QStringLiteral("trongate_users"));
    QCOMPARE(tokens->orphans, 3);
    QCOMPARE(g.relation(QStringLiteral("trongate_users"), QStringLiteral("user_level_id"))->orphans, 1);
    QCOMPARE(g.relation(QStringLiteral("members"), QStringLiteral("trongate_user_id"))->orphans, 0);
    QVERIFY(g.table(QStringLiteral("trongate_tokens"))->column(QStringLiteral("user_id"))->foreignKey);
    QVERIFY(!g.hasIndexOn(QStringLiteral("trongate_tokens"), QStringLiteral("token")));

    // With every table: one that has nothing to do with Trongate appears too, without relations.
    TG_EXEC(m_db->db(), QStringLiteral("CREATE TABLE blog_posts (id int PRIMARY KEY, title varchar(20))"));
    const SchemaGraph all = SchemaGraph::read(m_db->db(), true, &error);
    QVERIFY(all.table(QStringLiteral("blog_posts")));
    QVERIFY(!SchemaGraph::read(m_db->db(), false, &error).table(QStringLiteral("blog_posts")));
    QCOMPARE(all.relations.size(), 4);
}

void TestSchemaGraph::bigTablesCountedAfterTheStructure()
{
    // Tables estimated at 30 rows or more count as big here: trongate_tokens (50 rows) is.
    QSqlDatabase db = m_db->db();
    if (m_db->backend() == QLatin1String("sqlite"))
        TG_EXEC(db, QStringLiteral("ANALYZE"));
    else if (m_db->backend() == QLatin1String("mariadb"))
        TG_EXEC(db, QStringLiteral("ANALYZE TABLE trongate_tokens, trongate_users, trongate_user_levels"));
    else
        TG_EXEC(db, QStringLiteral("ANALYZE"));
    QString error;
    SchemaGraph g = SchemaGraph::read(db, false, &error, SchemaGraph::Counts::Later, 30);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(g.tables.size(), 5);
    QCOMPARE(g.relations.size(), 4);
    const SchemaGraph::Table *tokens = g.table(QStringLiteral("trongate_tokens"));
    QVERIFY(tokens->count != SchemaGraph::Count::Exact);
    if (tokens->count == SchemaGraph::Count::About)
        QVERIFY(tokens->rows > 0);
    // A small table is exact at once, and so are the orphans of a small child table.
    QCOMPARE(g.table(QStringLiteral("trongate_user_levels"))->count, SchemaGraph::Count::Exact);
    QCOMPARE(g.table(QStringLiteral("members"))->count, SchemaGraph::Count::Exact);
    QCOMPARE(g.relation(QStringLiteral("members"), QStringLiteral("trongate_user_id"))->orphanCount,
        SchemaGraph::Count::Exact);
    QCOMPARE(g.relation(QStringLiteral("members"), QStringLiteral("trongate_user_id"))->orphans, 0);
    // The big child table's orphans are left for later.
    const SchemaGraph::Relation *orphans = g.relation(QStringLiteral("trongate_tokens"), QStringLiteral("user_id"));
    QCOMPARE(orphans->orphanCount, SchemaGraph::Count::Counting);
    QCOMPARE(orphans->orphans, -1);
    QVERIFY(g.countsPending());

    QVERIFY2(g.countRemaining(db, &error), qPrintable(error));
    QVERIFY(!g.countsPending());
    const SchemaGraph now = SchemaGraph::read(db, false, &error);
    for (const SchemaGraph::Table &t : now.tables) {
        QCOMPARE(g.table(t.name)->rows, t.rows);
        QCOMPARE(g.table(t.name)->count, SchemaGraph::Count::Exact);
    }
    for (const SchemaGraph::Relation &r : now.relations)
        QCOMPARE(g.relation(r.childTable, r.childColumn)->orphans, r.orphans);
    QCOMPARE(g.table(QStringLiteral("trongate_tokens"))->rows, 50);
    QCOMPARE(g.relation(QStringLiteral("trongate_tokens"), QStringLiteral("user_id"))->orphans, 3);
}

void TestSchemaGraph::declaredForeignKeysAndIndexesAreRead()
{
    TG_EXEC(m_db->db(),
        QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY, trongate_user_id int, "
                       "FOREIGN KEY (trongate_user_id) REFERENCES trongate_users (id))"));
    TG_EXEC(m_db->db(), QStringLiteral("CREATE UNIQUE INDEX ux_token ON trongate_tokens (token)"));
    QString error;
    const SchemaGraph g = SchemaGraph::read(m_db->db(), false, &error);
    const SchemaGraph::Relation *orders = g.relation(QStringLiteral("orders"), QStringLiteral("trongate_user_id"));
    QVERIFY(orders);
    QVERIFY(orders->declared);
    QCOMPARE(orders->parentTable, QStringLiteral("trongate_users"));
    QCOMPARE(orders->parentColumn, QStringLiteral("id"));
    QCOMPARE(orders->orphans, 0);
    QVERIFY(g.hasIndexOn(QStringLiteral("trongate_tokens"), QStringLiteral("token")));
    bool found = false;
    for (const SchemaGraph::Index &i : g.table(QStringLiteral("trongate_tokens"))->indexes)
        if (i.name == QLatin1String("ux_token")) {
            found = true;
            QVERIFY(i.unique);
            QCOMPARE(i.columns, QStringList { QStringLiteral("token") });
        }
    QVERIFY(found);
}

void TestSchemaGraph::doctorCleansOrphansFirstThenIndexesAndKeys()
{
    QFETCH_GLOBAL(QString, backend);
    QString error;
    SchemaGraph g = SchemaGraph::read(m_db->db(), false, &error);
    QList<SchemaDoctor::Suggestion> s = SchemaDoctor::suggest(m_db->db(), g);
    QCOMPARE(s.first().kind, SchemaDoctor::Suggestion::Kind::CleanOrphans);
    QCOMPARE(s.at(0).affectedRows + s.at(1).affectedRows, 4);
    QStringList ids;
    for (const auto &x : s)
        ids << x.id;
    QVERIFY(ids.contains(QStringLiteral("index:trongate_tokens.token")));
    QVERIFY(ids.contains(QStringLiteral("index:trongate_users.user_level_id")));
    const auto fk = std::find_if(
        s.begin(), s.end(), [](const auto &x) { return x.id == QLatin1String("fk:trongate_tokens.user_id"); });
    QVERIFY(fk != s.end());
    QVERIFY(!fk->available); // orphans first (or SQLite)

    // The index on the token column, exactly as previewed.
    const auto index = std::find_if(
        s.begin(), s.end(), [](const auto &x) { return x.id == QLatin1String("index:trongate_tokens.token"); });
    QVERIFY(index->statements.first().startsWith(QLatin1String("CREATE INDEX ")));
    QVERIFY(index->statements.first().contains(QLatin1String("idx_trongate_tokens_token")));
    QVERIFY2(SchemaDoctor::apply(m_db->db(), *index, &error), qPrintable(error));

    for (const auto &x : s)
        if (x.kind == SchemaDoctor::Suggestion::Kind::CleanOrphans)
            QVERIFY2(SchemaDoctor::apply(m_db->db(), x, &error), qPrintable(error));
    g = SchemaGraph::read(m_db->db(), false, &error);
    QVERIFY(g.hasIndexOn(QStringLiteral("trongate_tokens"), QStringLiteral("token")));
    QCOMPARE(g.relation(QStringLiteral("trongate_tokens"), QStringLiteral("user_id"))->orphans, 0);
    s = SchemaDoctor::suggest(m_db->db(), g);
    QCOMPARE(s.first().kind, SchemaDoctor::Suggestion::Kind::AddIndex); // nothing left to clean
    const auto fk2 = std::find_if(
        s.begin(), s.end(), [](const auto &x) { return x.id == QLatin1String("fk:trongate_tokens.user_id"); });
    QVERIFY(fk2 != s.end());
    if (backend == QLatin1String("sqlite")) {
        QVERIFY(!fk2->available);
        QVERIFY(fk2->unavailableReason.contains(QLatin1String("SQLite")));
        return;
    }
    QVERIFY(fk2->available);
    QVERIFY2(SchemaDoctor::apply(m_db->db(), *fk2, &error), qPrintable(error));
    g = SchemaGraph::read(m_db->db(), false, &error);
    QVERIFY(g.relation(QStringLiteral("trongate_tokens"), QStringLiteral("user_id"))->declared);
}

QTEST_GUILESS_MAIN(TestSchemaGraph)
#include "TestSchemaGraph.moc"
