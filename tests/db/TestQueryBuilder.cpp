#include "connection/DbWorker.h"
#include "schema/DemoDatabase.h"
#include "sql/QueryBuilder.h"
#include "sql/QueryCursor.h"
#include "schema/SchemaGraph.h"
#include "sql/SqlDialect.h"
#include "TestDatabase.h"
#include "schema/TrongateSchema.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using QB = QueryBuilder;

// The query builder's SQL for a set of picks, run on SQLite, MariaDB and PostgreSQL against rows
// whose answers are known; its PHP snippet; and that nothing but one SELECT can come out of it.
class TestQueryBuilder final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(true); }
    void init();
    void cleanup() { m_db.reset(); }
    void twoTableJoinThroughInferredRelation();
    void fourTableJoinFindsAPersonsValidTokens();
    void leftJoinKeepsOrphans();
    void criteriaWithHostileValuesStayValues_data();
    void criteriaWithHostileValuesStayValues();
    void tokensPerLevelAggregate();
    void hostileNamesAreQuotedAndRun();
    void phpSnippetIsTheSameSqlWithNamedParameters();
    void writeStatementsNeverPass_data();
    void writeStatementsNeverPass();
    void moreThanOnePathIsOffered();
    void savedQueryKeepsNoSecretValue();
    void cursorPagesAndCancels();
    void runningStatementIsInterrupted();

private:
    QList<QVariantList> run(const QB::Query &q, QStringList *headers = nullptr);
    SchemaGraph graph();
    QB::Query readyMade(const QString &startsWith);
    DriverKind kind() const { return Sql::kindOf(m_db->db()); }

    std::unique_ptr<TestDatabase> m_db;
    const qint64 m_now = 1'900'000'000;
};

namespace {
const QString Tokens = QStringLiteral("trongate_tokens");
const QString Users = QStringLiteral("trongate_users");
const QString Levels = QStringLiteral("trongate_user_levels");
const QString Admins = QStringLiteral("trongate_administrators");
const QString Id = QStringLiteral("id");

QStringList column(const QList<QVariantList> &rows, int i)
{
    QStringList out;
    for (const QVariantList &r : rows)
        out << (r.at(i).isNull() ? QStringLiteral("NULL") : r.at(i).toString());
    return out;
}
} // namespace

void TestQueryBuilder::init()
{
    QFETCH_GLOBAL(QString, backend);
    QString problem;
    m_db = TestDatabase::create(backend, &problem);
    TG_REQUIRE(m_db, problem);
    QSqlDatabase db = m_db->db();
    QStringList ddl = TrongateSchema::installStatements(kind(), {});
    ddl << DemoDatabase::applicationTableStatements(kind());
    for (const QString &s : ddl)
        TG_EXEC(db, s);
    // Known rows: level 3 has no users, user 4's level is gone, user 5 holds no token,
    // token t5's user is gone, t2 has expired.
    auto insert = [&db](const QString &sql, const QVariantList &v) {
        QSqlQuery q(db);
        QString error;
        return Sql::exec(q, sql, v, &error) ? QString() : error;
    };
    const QList<QVariantList> levels
        = { { 1, QStringLiteral("admin") }, { 2, QStringLiteral("member") }, { 3, QStringLiteral("moderator") } };
    for (const QVariantList &l : levels)
        QCOMPARE(
            insert(QStringLiteral("INSERT INTO trongate_user_levels (id, level_title) VALUES (?, ?)"), l), QString());
    const QList<QVariantList> users = { { 1, QStringLiteral("u1"), 1 }, { 2, QStringLiteral("u2"), 2 },
        { 3, QStringLiteral("u3"), 2 }, { 4, QStringLiteral("u4"), 9 }, { 5, QStringLiteral("u5"), 2 } };
    for (const QVariantList &u : users)
        QCOMPARE(insert(QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id) VALUES (?, ?, ?)"), u),
            QString());
    const QList<QVariantList> admins = { { 1, QStringLiteral("alice"), QStringLiteral("alice@example.com"), 1 },
        { 2, QStringLiteral("bob"), QStringLiteral("bob@example.com"), 2 },
        { 3, QStringLiteral("o'brien\"; DROP TABLE trongate_tokens; --"), QStringLiteral("ob@example.com"), 3 } };
    for (const QVariantList &a : admins)
        QCOMPARE(insert(QStringLiteral("INSERT INTO trongate_administrators (id, username, email, password, "
                                       "trongate_user_id, active) VALUES (?, ?, ?, 'x', ?, 1)"),
                     a),
            QString());
    const QList<QVariantList> tokens
        = { { 1, QStringLiteral("t1"), 1, m_now + 1000 }, { 2, QStringLiteral("t2"), 1, m_now - 10 },
              { 3, QStringLiteral("t3"), 2, m_now + 500 }, { 4, QStringLiteral("t4"), 3, m_now + 100 },
              { 5, QStringLiteral("t5"), 99, m_now + 100 }, { 6, QStringLiteral("t6"), 4, m_now + 100 } };
    for (const QVariantList &t : tokens)
        QCOMPARE(
            insert(QStringLiteral(
                       "INSERT INTO trongate_tokens (id, token, user_id, expiry_date, code) VALUES (?, ?, ?, ?, '0')"),
                t),
            QString());
}

SchemaGraph TestQueryBuilder::graph()
{
    QString error;
    return SchemaGraph::read(m_db->db(), false, &error);
}

QB::Query TestQueryBuilder::readyMade(const QString &startsWith)
{
    for (const QB::Named &n : QB::readyMade(graph()))
        if (n.name.startsWith(startsWith))
            return n.query;
    return {};
}

QList<QVariantList> TestQueryBuilder::run(const QB::Query &q, QStringList *headers)
{
    const QB::Statement st = QB::build(q, kind());
    if (!st.isValid()) {
        qWarning() << "not built:" << st.error;
        return { { QStringLiteral("not built: ") + st.error } };
    }
    QueryCursor cursor(m_db->db());
    QueryCursor::Page page = cursor.open(st, m_now, 1000);
    if (!page.error.isEmpty()) {
        qWarning() << page.error << st.sql;
        return { { QStringLiteral("error: ") + page.error } };
    }
    if (headers)
        *headers = page.headers;
    return page.rows;
}

void TestQueryBuilder::twoTableJoinThroughInferredRelation()
{
    const SchemaGraph g = graph();
    const auto paths = QB::paths(g, { Tokens }, Users);
    QCOMPARE(paths.size(), 1);
    QCOMPARE(paths.first().size(), 1);
    QVERIFY(!paths.first().first().declared); // Trongate declares no foreign key
    QB::Query q;
    q.baseTable = Tokens;
    q.joins = { { paths.first().first(), QB::JoinType::Inner } };
    q.columns = { { Tokens, QStringLiteral("token") }, { Users, QStringLiteral("code") } };
    q.order = { { Tokens, Id, QB::Aggregate::None, false } };
    QStringList headers;
    const auto rows = run(q, &headers);
    QCOMPARE(headers, QStringList({ QStringLiteral("token"), QStringLiteral("code") }));
    QCOMPARE(column(rows, 0), QStringList({ "t1", "t2", "t3", "t4", "t6" })); // t5's user is gone
    QCOMPARE(column(rows, 1), QStringList({ "u1", "u1", "u2", "u3", "u4" }));
}

void TestQueryBuilder::fourTableJoinFindsAPersonsValidTokens()
{
    QB::Query q = readyMade(QStringLiteral("A person"));
    QCOMPARE(q.tables(), QStringList({ Tokens, Users, Levels, Admins }));
    QCOMPARE(QB::build(q, kind()).sql.count(QStringLiteral("INNER JOIN")), 3);
    for (QB::Criterion &c : q.criteria)
        if (c.column == QLatin1String("username"))
            c.value = QStringLiteral("alice");
    QStringList headers;
    auto rows = run(q, &headers);
    QCOMPARE(headers, QStringList({ "token", "expiry_date", "level_title", "username", "email" }));
    QCOMPARE(rows.size(), 1); // t2 has expired
    QCOMPARE(rows.first().at(0).toString(), QStringLiteral("t1"));
    QCOMPARE(rows.first().at(1).toLongLong(), m_now + 1000);
    QCOMPARE(rows.first().at(2).toString(), QStringLiteral("admin"));
    QCOMPARE(rows.first().at(4).toString(), QStringLiteral("alice@example.com"));

    // The same picks made by hand, path by path, as the diagram does it.
    const SchemaGraph g = graph();
    QB::Query byHand;
    byHand.baseTable = Tokens;
    for (const QString &t : { Users, Levels, Admins }) {
        const auto p = QB::paths(g, byHand.tables(), t);
        QCOMPARE(p.size(), 1);
        for (const auto &r : p.first())
            byHand.joins << QB::Join { r, QB::JoinType::Inner };
    }
    byHand.columns = { { Admins, QStringLiteral("username") }, { Levels, QStringLiteral("level_title") } };
    byHand.criteria = { { Tokens, QStringLiteral("expiry_date"), QB::Operator::Greater, {}, true, false } };
    byHand.order = { { Tokens, Id, QB::Aggregate::None, false } };
    rows = run(byHand);
    QCOMPARE(column(rows, 0), QStringList({ "alice", "bob", "o'brien\"; DROP TABLE trongate_tokens; --" }));
    QCOMPARE(column(rows, 1), QStringList({ "admin", "member", "member" }));
}

void TestQueryBuilder::leftJoinKeepsOrphans()
{
    QB::Query q;
    q.baseTable = Tokens;
    q.joins = { { *graph().relation(Tokens, QStringLiteral("user_id")), QB::JoinType::Left } };
    q.columns = { { Tokens, QStringLiteral("token") }, { Users, QStringLiteral("code") } };
    q.order = { { Tokens, Id, QB::Aggregate::None, false } };
    auto rows = run(q);
    QCOMPARE(column(rows, 0), QStringList({ "t1", "t2", "t3", "t4", "t5", "t6" }));
    QCOMPARE(column(rows, 1), QStringList({ "u1", "u1", "u2", "u3", "NULL", "u4" }));
    // Switching the line back to inner drops the orphan again.
    q.joins.first().type = QB::JoinType::Inner;
    QCOMPARE(run(q).size(), 5);

    rows = run(readyMade(QStringLiteral("Orphans of trongate_tokens.user_id")));
    QCOMPARE(column(rows, 0), QStringList({ "5" }));
    rows = run(readyMade(QStringLiteral("Orphans of trongate_users.user_level_id")));
    QCOMPARE(column(rows, 0), QStringList({ "4" }));
    rows = run(readyMade(QStringLiteral("Users without")));
    QCOMPARE(column(rows, 0), QStringList({ "5" }));
}

void TestQueryBuilder::criteriaWithHostileValuesStayValues_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("usernames");
    const int eq = int(QB::Operator::Equal);
    const int contains = int(QB::Operator::Contains);
    QTest::addRow("quote that would close the string") << eq << QStringLiteral("alice' OR '1'='1") << QStringList();
    QTest::addRow("second statement") << eq << QStringLiteral("x'; DELETE FROM trongate_tokens; --") << QStringList();
    QTest::addRow("double quote and comment") << eq << QStringLiteral("\" OR \"\"=\" -- ") << QStringList();
    QTest::addRow("backslash before the quote") << eq << QStringLiteral("\\' OR 1=1 #") << QStringList();
    QTest::addRow("a name that looks like an attack is found exactly")
        << eq << QStringLiteral("o'brien\"; DROP TABLE trongate_tokens; --")
        << QStringList { QStringLiteral("o'brien\"; DROP TABLE trongate_tokens; --") };
    // As wildcards these would match alice.
    QTest::addRow("percent is literal in contains") << contains << QStringLiteral("a%e") << QStringList();
    QTest::addRow("underscore is literal in contains") << contains << QStringLiteral("al_ce") << QStringList();
    QTest::addRow("underscore found as itself")
        << contains << QStringLiteral("trongate_t")
        << QStringList { QStringLiteral("o'brien\"; DROP TABLE trongate_tokens; --") };
    QTest::addRow("contains ignores case")
        << contains << QStringLiteral("LIC") << QStringList { QStringLiteral("alice") };
    QTest::addRow("contains a quote") << contains << QStringLiteral("'b")
                                      << QStringList { QStringLiteral("o'brien\"; DROP TABLE trongate_tokens; --") };
}

void TestQueryBuilder::criteriaWithHostileValuesStayValues()
{
    QFETCH(int, op);
    QFETCH(QString, value);
    QFETCH(QStringList, usernames);
    QB::Query q;
    q.baseTable = Admins;
    q.columns = { { Admins, QStringLiteral("username") } };
    q.criteria = { { Admins, QStringLiteral("username"), QB::Operator(op), value, false, false } };
    const QB::Statement st = QB::build(q, kind());
    if (value.size() > 2)
        QVERIFY(!st.sql.contains(value)); // bound, never pasted
    QCOMPARE(st.parameters.size(), 1);
    QCOMPARE(column(run(q), 0), usernames);
    QSqlQuery count(m_db->db());
    QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")) && count.next());
    QCOMPARE(count.value(0).toInt(), 6);
}

void TestQueryBuilder::tokensPerLevelAggregate()
{
    QB::Query q = readyMade(QStringLiteral("Tokens per level"));
    QStringList headers;
    auto rows = run(q, &headers);
    QCOMPARE(headers, QStringList({ "id", "level_title", "count_id" }));
    QCOMPARE(column(rows, 1), QStringList({ "admin", "member", "moderator" }));
    QCOMPARE(column(rows, 2), QStringList({ "2", "2", "0" }));
    QVERIFY(QB::build(q, kind()).sql.contains(QStringLiteral("GROUP BY")));

    // The latest expiry per level, most tokens first, levels without users dropped by the inner joins.
    for (QB::Join &j : q.joins)
        j.type = QB::JoinType::Inner;
    q.columns << QB::ColumnPick { Tokens, QStringLiteral("expiry_date"), QB::Aggregate::Max };
    q.order = { { Levels, Id, QB::Aggregate::None, true } };
    rows = run(q);
    QCOMPARE(column(rows, 1), QStringList({ "member", "admin" }));
    QCOMPARE(column(rows, 3), QStringList({ QString::number(m_now + 500), QString::number(m_now + 1000) }));

    // Sorting a grouped query by a column it neither shows nor groups is refused before any server sees it.
    q.order = { { Tokens, QStringLiteral("token"), QB::Aggregate::None, false } };
    QVERIFY(!QB::build(q, kind()).isValid());
}

void TestQueryBuilder::hostileNamesAreQuotedAndRun()
{
    const QString table = QStringLiteral("we\"ird`tab; DROP TABLE trongate_tokens; --");
    const QString col = QStringLiteral("c'o\"l`umn");
    TG_EXEC(m_db->db(),
        QStringLiteral("CREATE TABLE %1 (%2 int, %3 int)")
            .arg(Sql::quoteIdentifier(kind(), table), Sql::quoteIdentifier(kind(), col),
                Sql::quoteIdentifier(kind(), QStringLiteral("trongate_user_id"))));
    TG_EXEC(m_db->db(), QStringLiteral("INSERT INTO %1 VALUES (7, 2)").arg(Sql::quoteIdentifier(kind(), table)));
    QB::Query q;
    q.baseTable = table;
    q.joins = { { SchemaGraph::Relation { table, QStringLiteral("trongate_user_id"), Users, Id, false, {}, -1 },
        QB::JoinType::Left } };
    q.columns = { { table, col }, { Users, QStringLiteral("code") }, { table, col, QB::Aggregate::Count } };
    q.criteria = { { table, col, QB::Operator::GreaterOrEqual, 7, false, false } };
    const QB::Statement st = QB::build(q, kind());
    QVERIFY2(st.isValid(), qPrintable(st.error));
    QVERIFY(QB::isSingleSelect(st.sql));
    const auto rows = run(q);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().at(0).toInt(), 7);
    QCOMPARE(rows.first().at(1).toString(), QStringLiteral("u2"));
    QCOMPARE(rows.first().at(2).toInt(), 1);
    QVERIFY(m_db->db().tables().contains(Tokens));
}

void TestQueryBuilder::phpSnippetIsTheSameSqlWithNamedParameters()
{
    QB::Query q = readyMade(QStringLiteral("A person"));
    q.criteria.first().value = QStringLiteral("it's a \\ test");
    q.criteria << QB::Criterion { Tokens, QStringLiteral("token"), QB::Operator::Equal, QStringLiteral("secret-token"),
        false, true };
    q.criteria << QB::Criterion { Tokens, QStringLiteral("user_id"), QB::Operator::NotEqual, 3, false, false };
    const QB::Statement st = QB::build(q, kind());
    QVERIFY2(st.isValid(), qPrintable(st.error));
    QStringList names;
    for (const QB::Parameter &p : st.parameters)
        names << p.name;
    QCOMPARE(names, QStringList({ "username", "now", "token", "user_id" }));
    // Each :name where the positional form has its ?, in the same order, and nothing else differs.
    QString replaced = st.namedSql;
    for (const QString &n : names) {
        const qsizetype at = replaced.indexOf(QLatin1Char(':') + n);
        QVERIFY(at >= 0);
        replaced.replace(at, n.size() + 1, QStringLiteral("?"));
    }
    QCOMPARE(replaced, st.sql);
    QCOMPARE(st.sql.count(QLatin1Char('?')), 4);

    const QString php = QB::phpSnippet(st, QStringLiteral("valid_tokens"));
    QVERIFY2(php.contains(QStringLiteral("public function valid_tokens($token): array {")), qPrintable(php));
    QVERIFY(php.contains(QStringLiteral("$this->db->query_bind($sql, $params, 'object');")));
    QVERIFY(php.contains(QStringLiteral("'username' => 'it\\'s a \\\\ test',")));
    QVERIFY(php.contains(QStringLiteral("'now' => time(),")));
    QVERIFY(php.contains(QStringLiteral("'token' => $token,")));
    QVERIFY(php.contains(QStringLiteral("'user_id' => 3,")));
    QVERIFY(!php.contains(QStringLiteral("secret-token")));
    // The SQL inside the PHP string is the named SQL, indented: undo PHP's escaping and the indent.
    const qsizetype start = php.indexOf(QStringLiteral("$sql = '")) + 8;
    const qsizetype end = php.indexOf(QStringLiteral("';\n"), start);
    QString inPhp = php.mid(start, end - start);
    inPhp.replace(QStringLiteral("\n            "), QStringLiteral("\n"));
    inPhp.replace(QStringLiteral("\\'"), QStringLiteral("'"));
    inPhp.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
    QCOMPARE(inPhp, st.namedSql);
}

void TestQueryBuilder::writeStatementsNeverPass_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addRow("delete") << QStringLiteral("DELETE FROM trongate_tokens");
    QTest::addRow("second statement") << QStringLiteral("SELECT 1; DROP TABLE trongate_tokens");
    QTest::addRow("trailing semicolon") << QStringLiteral("SELECT 1;");
    QTest::addRow("select into outfile") << QStringLiteral("SELECT * FROM t INTO OUTFILE '/tmp/x'");
    QTest::addRow("select into table") << QStringLiteral("SELECT * INTO copy FROM t");
    QTest::addRow("row lock") << QStringLiteral("SELECT * FROM t FOR UPDATE");
    QTest::addRow("data-modifying CTE") << QStringLiteral("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d");
    QTest::addRow("line comment") << QStringLiteral("SELECT 1 -- x");
    QTest::addRow("block comment") << QStringLiteral("SELECT /* */ 1");
    QTest::addRow("hash comment") << QStringLiteral("SELECT 1 # x");
    QTest::addRow("unclosed quote") << QStringLiteral("SELECT \"a");
    QTest::addRow("backslash escape in a string") << QStringLiteral("SELECT 'a\\' ; DELETE FROM t; '");
    QTest::addRow("dollar quoting") << QStringLiteral("SELECT $$a$$");
    QTest::addRow("set") << QStringLiteral("SET GLOBAL x = 1");
    QTest::addRow("leading space then update") << QStringLiteral("  UPDATE t SET a = 1");
}

void TestQueryBuilder::writeStatementsNeverPass()
{
    QFETCH(QString, sql);
    QString why;
    QVERIFY(!QB::isSingleSelect(sql, &why));
    QVERIFY(!why.isEmpty());
    QB::Statement st;
    st.sql = sql;
    QueryCursor cursor(m_db->db());
    QVERIFY(!cursor.open(st, m_now, 10).error.isEmpty());
    QSqlQuery count(m_db->db());
    QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")) && count.next());
    QCOMPARE(count.value(0).toInt(), 6);
}

void TestQueryBuilder::moreThanOnePathIsOffered()
{
    // A table with two links to trongate_users: a declared foreign key and the inferred trongate_user_id.
    TG_EXEC(m_db->db(),
        QStringLiteral("CREATE TABLE notes (id int PRIMARY KEY, trongate_user_id int, author_id int, "
                       "FOREIGN KEY (author_id) REFERENCES trongate_users (id))"));
    QString error;
    const SchemaGraph g = SchemaGraph::read(m_db->db(), false, &error);
    const auto paths = QB::paths(g, { Users }, QStringLiteral("notes"));
    QCOMPARE(paths.size(), 2);
    QStringList columns;
    for (const auto &p : paths)
        columns << p.first().childColumn;
    columns.sort();
    QCOMPARE(columns, QStringList({ "author_id", "trongate_user_id" }));
    // From the tokens: one step further, through users, either way.
    QCOMPARE(QB::paths(g, { Tokens }, QStringLiteral("notes")).size(), 2);
    QCOMPARE(QB::paths(g, { Tokens }, QStringLiteral("notes")).first().size(), 2);
}

void TestQueryBuilder::savedQueryKeepsNoSecretValue()
{
    QB::Query q = readyMade(QStringLiteral("A person"));
    q.criteria.first().value = QStringLiteral("alice");
    q.criteria << QB::Criterion { Tokens, QStringLiteral("token"), QB::Operator::Equal, QStringLiteral("s3cr3t"), false,
        true };
    q.limit = 25;
    const QJsonObject json = q.toJson();
    QVERIFY(!QString::fromUtf8(QJsonDocument(json).toJson()).contains(QStringLiteral("s3cr3t")));
    const QB::Query back = QB::Query::fromJson(json);
    QCOMPARE(back.tables(), q.tables());
    QCOMPARE(back.limit, 25);
    QCOMPARE(back.criteria.size(), 3);
    QCOMPARE(back.criteria.first().value.toString(), QStringLiteral("alice"));
    QVERIFY(back.criteria.at(1).now);
    QVERIFY(back.criteria.at(2).secret);
    QVERIFY(!back.criteria.at(2).value.isValid());
    q.criteria.removeLast();
    QB::Query backNoSecret = back;
    backNoSecret.criteria.removeLast();
    QCOMPARE(QB::build(backNoSecret, kind()).sql, QB::build(q, kind()).sql);
}

void TestQueryBuilder::cursorPagesAndCancels()
{
    QB::Query q;
    q.baseTable = Tokens;
    q.columns = { { Tokens, QStringLiteral("token") } };
    q.order = { { Tokens, Id, QB::Aggregate::None, false } };
    const QB::Statement st = QB::build(q, kind());
    QueryCursor cursor(m_db->db());
    QueryCursor::Page page = cursor.open(st, m_now, 4);
    QCOMPARE(column(page.rows, 0), QStringList({ "t1", "t2", "t3", "t4" }));
    QVERIFY(!page.atEnd);
    page = cursor.next(4);
    QCOMPARE(column(page.rows, 0), QStringList({ "t5", "t6" }));
    QVERIFY(page.atEnd);
    QVERIFY(!cursor.isOpen());

    std::atomic_bool cancel { false };
    page = cursor.open(st, m_now, 2, &cancel);
    QCOMPARE(page.rows.size(), 2);
    cancel = true;
    page = cursor.next(2, &cancel);
    QVERIFY(page.cancelled);
    QVERIFY(page.rows.isEmpty());
    QVERIFY(!cursor.isOpen());

    // The connection is writable again once the cursor is closed.
    QSqlQuery w(m_db->db());
    QString error;
    QVERIFY2(Sql::exec(w, QStringLiteral("UPDATE trongate_tokens SET code = '1' WHERE id = 1"), {}, &error),
        qPrintable(error));
}

void TestQueryBuilder::runningStatementIsInterrupted()
{
    // A statement that runs for a long time on each database: the servers sleep, SQLite counts
    // a cross join of 10^10 rows.
    QB::Statement st;
    st.headers = { QStringLiteral("x") };
    switch (kind()) {
    case DriverKind::MySql:
        st.sql = QStringLiteral("SELECT SLEEP(30)");
        break;
    case DriverKind::Postgres:
        st.sql = QStringLiteral("SELECT pg_sleep(30)");
        break;
    case DriverKind::Sqlite: {
        TG_EXEC(m_db->db(), QStringLiteral("CREATE TABLE n (x int)"));
        QVERIFY(m_db->db().transaction());
        QSqlQuery ins(m_db->db());
        QVERIFY(ins.prepare(QStringLiteral("INSERT INTO n VALUES (?)")));
        for (int i = 0; i < 2200; ++i) {
            ins.addBindValue(i);
            QVERIFY(ins.exec());
        }
        QVERIFY(m_db->db().commit());
        st.sql = QStringLiteral("SELECT COUNT(*) FROM n a, n b, n c");
        break;
    }
    }
    QVERIFY(QB::isSingleSelect(st.sql));
    // On a connection of its own, as the window runs it.
    DbWorker worker(m_db->connectionName());
    auto target = std::make_shared<QueryCursor::Target>();
    auto cancel = std::make_shared<std::atomic_bool>(false);
    std::optional<QueryCursor::Page> result;
    QElapsedTimer timer;
    timer.start();
    const qint64 now = m_now;
    worker.run<QueryCursor::Page>(
        this,
        [target, cancel, st, now](QSqlDatabase &db) {
            QueryCursor cursor(db, target);
            return cursor.open(st, now, 10, cancel.get());
        },
        [&result](QueryCursor::Page page) { result = page; });
    QTRY_VERIFY_WITH_TIMEOUT(target->serverId.load() >= 0 || target->sqlite.load(), 10000);
    QTest::qWait(300); // into the statement
    QVERIFY(!result);
    cancel->store(true);
    QString error;
    QVERIFY2(QueryCursor::interrupt(*target, m_db->db(), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    QVERIFY2(timer.elapsed() < 15000, "the statement ran on after the interrupt");
    QVERIFY(result->cancelled);
    QVERIFY2(result->error.isEmpty(), qPrintable(result->error));
    // The connection is usable afterwards.
    std::optional<int> after;
    worker.run<int>(
        this,
        [](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(QStringLiteral("SELECT 1")) && q.next() ? q.value(0).toInt() : -1;
        },
        [&after](int v) { after = v; });
    QTRY_COMPARE_WITH_TIMEOUT(after.value_or(0), 1, 10000);
}

QTEST_GUILESS_MAIN(TestQueryBuilder)
#include "TestQueryBuilder.moc"
