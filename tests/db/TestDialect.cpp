#include "TestDatabase.h"
#include "sql/Dialect.h"
#include "sql/SqlDialect.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTest>

// What each backend's Dialect promises, checked on the real SQLite, MariaDB and PostgreSQL: the
// right dialect for the connection, names that survive any character, searches and comparisons
// that behave alike, read-only statements that refuse writes, and a change made elsewhere that
// shows up in the change counter.
class TestDialect final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(true); }
    void init();
    void cleanup() { m_db.reset(); }
    void eachConnectionGetsItsOwnDialect();
    void hostileNamesRoundTrip_data();
    void hostileNamesRoundTrip();
    void searchAndComparisonBehaveAlike();
    void keysetPagingWalksEveryRowOnce_data();
    void keysetPagingWalksEveryRowOnce();
    void readOnlyStatementsRefuseWrites();
    void changesElsewhereMoveTheCounter();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void TestDialect::init()
{
    QFETCH_GLOBAL(QString, backend);
    QString problem;
    m_db = TestDatabase::create(backend, &problem);
    TG_REQUIRE(m_db, problem);
}

void TestDialect::eachConnectionGetsItsOwnDialect()
{
    QFETCH_GLOBAL(QString, backend);
    QSqlDatabase db = m_db->db();
    const Dialect &dialect = Dialect::of(db);
    QCOMPARE(&dialect, &Dialect::of(dialect.kind()));
    QCOMPARE(dialect.kind(), Sql::kindOf(db));

    // The server itself says which one it is.
    QSqlQuery q(db);
    if (backend == QLatin1String("sqlite")) {
        QCOMPARE(dialect.kind(), DriverKind::Sqlite);
        QVERIFY2(q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next(), qPrintable(q.lastError().text()));
        QVERIFY(dialect.stopsStatementsInProcess());
        QVERIFY(dialect.sessionIdSql().isEmpty());
    } else {
        QCOMPARE(dialect.kind(), backend == QLatin1String("postgres") ? DriverKind::Postgres : DriverKind::MySql);
        QVERIFY2(q.exec(QStringLiteral("SELECT version()")) && q.next(), qPrintable(q.lastError().text()));
        QVERIFY2(q.value(0).toString().contains(
                     backend == QLatin1String("postgres") ? QLatin1String("PostgreSQL") : QLatin1String("MariaDB")),
            qPrintable(q.value(0).toString()));
        QVERIFY(!dialect.stopsStatementsInProcess());
        // The id a cancel needs: this connection's own session on the server.
        QSqlQuery id(db);
        QVERIFY2(id.exec(dialect.sessionIdSql()) && id.next(), qPrintable(id.lastError().text()));
        QVERIFY(id.value(0).toLongLong() > 0);
        // MariaDB: the same id known without a round trip, from the client library the driver
        // loaded (a far server's first statement on a worker that can be stopped starts at once).
        // PostgreSQL asks the server.
        QCOMPARE(dialect.sessionIdOfHandle(db),
            backend == QLatin1String("postgres") ? std::nullopt : std::optional<qint64>(id.value(0).toLongLong()));
    }

    // The server's clock is read in seconds since the epoch (the servers run on this machine).
    QSqlQuery clock(db);
    QVERIFY2(clock.exec(dialect.serverClockSql()) && clock.next(), qPrintable(clock.lastError().text()));
    QVERIFY(qAbs(clock.value(0).toLongLong() - QDateTime::currentSecsSinceEpoch()) < 600);
}

void TestDialect::hostileNamesRoundTrip_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addRow("backtick that would end a MySQL name")
        << QStringLiteral("trongate_tokens` #") << QStringLiteral("co`l");
    QTest::addRow("double quote that would end a standard name")
        << QStringLiteral("t\"; DROP TABLE x; --") << QStringLiteral("c\"ol");
    QTest::addRow("dots stay part of the name") << QStringLiteral("other.table") << QStringLiteral("a.b");
    QTest::addRow("brackets, backslash and quotes") << QStringLiteral("t[]\\'x") << QStringLiteral("c'\\");
    QTest::addRow("letters beyond ASCII") << QStringLiteral("tâble ünïcode") << QStringLiteral("colonne é");
    QTest::addRow("upper and lower case kept") << QStringLiteral("MixedCase") << QStringLiteral("SomeColumn");
}

void TestDialect::hostileNamesRoundTrip()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    QSqlDatabase db = m_db->db();
    const Dialect &d = Dialect::of(db);
    const QString t = d.quoteIdentifier(table);
    const QString c = d.quoteIdentifier(column);
    // Sql::quoteIdentifier, which most callers use, answers the same.
    QCOMPARE(Sql::quoteIdentifier(db, table), t);

    TG_EXEC(db, QStringLiteral("CREATE TABLE %1 (%2 varchar(20))").arg(t, c));
    QSqlQuery q(db);
    QString error;
    QVERIFY2(
        Sql::exec(q, QStringLiteral("INSERT INTO %1 (%2) VALUES (?)").arg(t, c), { QStringLiteral("kept") }, &error),
        qPrintable(error));
    QVERIFY2(Sql::exec(q, QStringLiteral("SELECT %2 FROM %1").arg(t, c), {}, &error), qPrintable(error));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("kept"));
    QVERIFY(!q.next());

    // The catalog names both back exactly as written.
    QSqlQuery linked(db);
    QVERIFY2(Sql::exec(linked, d.tablesWithColumnSql(), { column }, &error), qPrintable(error));
    QStringList tables;
    while (linked.next())
        tables << linked.value(0).toString();
    QCOMPARE(tables, QStringList { table });
    const QList<Dialect::Column> columns = d.columns(db, table, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(columns.size(), 1);
    QCOMPARE(columns.first().name, column);
    QCOMPARE(columns.first().length, 20);

    q.finish();
    TG_EXEC(db, QStringLiteral("DROP TABLE %1").arg(t));
}

void TestDialect::searchAndComparisonBehaveAlike()
{
    QSqlDatabase db = m_db->db();
    const Dialect &d = Dialect::of(db);
    TG_EXEC(db, QStringLiteral("CREATE TABLE notes (id int, body varchar(40))"));
    TG_EXEC(db,
        QStringLiteral("INSERT INTO notes (id, body) VALUES (1, 'Token ABC expired'), (2, '100% sure'), "
                       "(3, NULL), (4, '100 percent')"));
    auto ids = [&](const QString &where, const QVariantList &values) {
        QSqlQuery q(db);
        QString error;
        QList<int> out;
        if (!Sql::exec(q, QStringLiteral("SELECT id FROM notes WHERE ") + where + QStringLiteral(" ORDER BY id"),
                values, &error)) {
            qWarning("%s", qPrintable(error));
            return QList<int> { -1 };
        }
        while (q.next())
            out << q.value(0).toInt();
        return out;
    };
    const QString body = d.quoteIdentifier(QStringLiteral("body"));
    // Case does not matter to a search, and % is a character like any other.
    QCOMPARE(ids(body + d.likeOperator(), { Sql::likeContains(QStringLiteral("abc")) }), QList<int> { 1 });
    QCOMPARE(ids(body + d.likeOperator(), { Sql::likeContains(QStringLiteral("100%")) }), QList<int> { 2 });
    QCOMPARE(
        ids(d.containsTest(body) + QStringLiteral("? ESCAPE '!'"), { Sql::likeContains(QStringLiteral("EXPIRED")) }),
        QList<int> { 1 });
    // A number column searched as text.
    QCOMPARE(ids(d.containsTest(d.quoteIdentifier(QStringLiteral("id"))) + QStringLiteral("? ESCAPE '!'"),
                 { Sql::likeContains(QStringLiteral("4")) }),
        QList<int> { 4 });
    // NULL equals NULL, and only NULL.
    QCOMPARE(ids(d.nullSafeEquals(body), { QVariant(QMetaType::fromType<QString>()) }), QList<int> { 3 });
    QCOMPARE(ids(d.nullSafeEquals(body), { QStringLiteral("100 percent") }), QList<int> { 4 });
}

void TestDialect::keysetPagingWalksEveryRowOnce_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("ascending");
    for (const char *column : { "id", "n", "body" }) {
        QTest::addRow("%s ascending", column) << QString::fromLatin1(column) << true;
        QTest::addRow("%s descending", column) << QString::fromLatin1(column) << false;
    }
}

// A grid reads its next page as "the rows after the last one shown" (Dialect::rowsAfter) instead
// of with an OFFSET. Walked that way, page by page, from any row, the rows are exactly the
// server's own ORDER BY: none twice, none skipped, with NULLs, ties and text that differs only
// in case, wherever this server sorts NULLs.
void TestDialect::keysetPagingWalksEveryRowOnce()
{
    QFETCH(QString, column);
    QFETCH(bool, ascending);
    QSqlDatabase db = m_db->db();
    const Dialect &d = Dialect::of(db);
    TG_EXEC(db, QStringLiteral("CREATE TABLE walk (id int PRIMARY KEY, n int NULL, body varchar(20) NULL)"));
    QSqlQuery ins(db);
    QVERIFY(ins.prepare(QStringLiteral("INSERT INTO walk (id, n, body) VALUES (?, ?, ?)")));
    const QStringList bodies { QStringLiteral("alpha"), QStringLiteral("Alpha"), QStringLiteral("beta"), QString(),
        QStringLiteral("gamma"), QStringLiteral("ALPHA"), QString() };
    for (int id = 1; id <= 40; ++id) {
        // Ids inserted out of order; every value repeated; one row in five without any.
        const int key = (id * 17) % 41;
        ins.addBindValue(key);
        ins.addBindValue(key % 5 == 0 ? QVariant(QMetaType::fromType<int>()) : QVariant(key % 4));
        const QString body = bodies.at(key % bodies.size());
        ins.addBindValue(body.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(body));
        QVERIFY2(ins.exec(), qPrintable(ins.lastError().text()));
    }
    const QString dir = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    const QString col = d.quoteIdentifier(column);
    const QString order = QStringLiteral(" ORDER BY %1%2, id%2").arg(col, dir);
    struct Key {
        qint64 id;
        QVariant value;
    };
    auto read = [&](const QString &where, const QVariantList &values, int limit) {
        QList<Key> out;
        QSqlQuery q(db);
        QString error;
        const QString sql = QStringLiteral("SELECT id, %1 FROM walk%2%3%4")
                                .arg(col, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where, order,
                                    limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString());
        if (!Sql::exec(q, sql, values, &error)) {
            qWarning("%s", qPrintable(error));
            return out;
        }
        while (q.next())
            out << Key { q.value(0).toLongLong(), q.value(1) };
        return out;
    };
    auto ids = [](const QList<Key> &keys) {
        QList<qint64> out;
        for (const Key &k : keys)
            out << k.id;
        return out;
    };
    const QList<Key> all = read(QString(), {}, 0);
    QCOMPARE(all.size(), 40);
    const QString keyColumn = column == QLatin1String("id") ? QString() : col;

    // Page by page, 6 rows at a time, each page from the last row of the one before.
    QList<Key> walked = read(QString(), {}, 6);
    while (!walked.isEmpty() && walked.size() < 60) {
        QVariantList values;
        const Key &last = walked.last();
        const QList<Key> next = read(d.rowsAfter(keyColumn, ascending, last.value, last.id, &values), values, 6);
        if (next.isEmpty())
            break;
        walked += next;
    }
    QCOMPARE(ids(walked), ids(all));

    // From any one row: the rest, in order.
    for (int i = 0; i < all.size(); ++i) {
        QVariantList values;
        const QString after = d.rowsAfter(keyColumn, ascending, all.at(i).value, all.at(i).id, &values);
        QCOMPARE(ids(read(after, values, 0)), ids(all.mid(i + 1)));
    }

    // A jump to any place (Dialect::rowsAtPlace: the ids at those places, then their rows): the
    // same rows as the server's own OFFSET, filtered too.
    auto readAt = [&](const QString &where, const QVariantList &values) {
        QList<Key> out;
        QSqlQuery q(db);
        QString error;
        if (!Sql::exec(q, QStringLiteral("SELECT id, %1 FROM %2%3").arg(col, d.rowsAtPlace(QStringLiteral("walk"), where, order), order),
                values, &error)) {
            qWarning("%s", qPrintable(error));
            return out;
        }
        while (q.next())
            out << Key { q.value(0).toLongLong(), q.value(1) };
        return out;
    };
    for (int place = 0; place < all.size(); place += 3)
        QCOMPARE(ids(readAt(QString(), { 5, place })), ids(all.mid(place, 5)));
    QList<Key> even;
    for (const Key &k : all)
        if (k.id % 2 == 0)
            even << k;
    QCOMPARE(ids(readAt(QStringLiteral(" WHERE id % 2 = ?"), { 0, 4, 7 })), ids(even.mid(7, 4)));
    TG_EXEC(db, QStringLiteral("DROP TABLE walk"));
}

void TestDialect::readOnlyStatementsRefuseWrites()
{
    QSqlDatabase db = m_db->db();
    const Dialect &d = Dialect::of(db);
    TG_EXEC(db, QStringLiteral("CREATE TABLE notes (id int)"));
    TG_EXEC(db, d.beginReadOnlySql());
    {
        QSqlQuery write(db);
        QVERIFY(!write.exec(QStringLiteral("INSERT INTO notes (id) VALUES (1)")));
    }
    TG_EXEC(db, d.endReadOnlySql());
    TG_EXEC(db, QStringLiteral("INSERT INTO notes (id) VALUES (2)"));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM notes")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestDialect::changesElsewhereMoveTheCounter()
{
    QSqlDatabase db = m_db->db();
    const Dialect &d = Dialect::of(db);
    TG_EXEC(db, QStringLiteral("CREATE TABLE notes (id int)"));
    const QString other = m_db->openSecondConnection();
    QVERIFY(!other.isEmpty());
    auto counter = [&] {
        QSqlQuery q(db);
        const Dialect::ChangeCounter c = d.changeCounterQuery();
        return q.exec(c.sql) && q.next() ? q.value(c.column).toString() : QString();
    };
    const QString before = counter();
    QVERIFY(!before.isEmpty());
    TG_EXEC(QSqlDatabase::database(other, false), QStringLiteral("INSERT INTO notes (id) VALUES (1)"));
    QVERIFY(counter() != before);
}

QTEST_GUILESS_MAIN(TestDialect)
#include "TestDialect.moc"
