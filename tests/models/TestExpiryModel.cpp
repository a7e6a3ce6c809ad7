#include "schema/DemoDatabase.h"
#include "ExpiryModel.h"
#include "ExpiryTimeline.h"
#include "TestDatabase.h"
#include "ExpiryPoller.h"
#include "ExpiryReader.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

// The live expiry view's model with a fake clock: bands, countdowns, tokens crossing their expiry
// while shown, and another connection inserting and deleting underneath, on SQLite and MariaDB.
class TestExpiryModel final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(true); }
    void init();
    void cleanup() { m_db.reset(); }
    void bandBoundaries_data();
    void bandBoundaries();
    void countdownTexts();
    void orderedByTimeLeftWithoutNullExpiry();
    void tickRepaintsOnlyVisibleRowsWithoutQueries();
    void tokenCrossesExpiryWhileShown();
    void externalInsertAppearsInPlaceKeepingSelection();
    void externalDeleteVanishes();
    void quietPollIsOneQuery();
    void outOfOrderAndLargeInsertsAllArrive();
    void farAwayDeletesAndPurgeKeepTheCountRight();
    void timelineCountsMatchTheTable();
    void writesToAnotherTableReadNothing();
    void commitsInTheStampsSecondAreSeen();
    void deferredRecountIsSaidAndCatchesUp();
    void rowsScrolledToAreAskedOfTheReaderNotRead();
    void pagesFollowOnFromTheRowsHeld();
    void firstVisitCountsInOneStatementAndIsRight();
    void identitiesFollowTheFirstRows();
    void aFirstVisitWithoutTheSignalIsCaughtUpByTheNextPoll();

private:
    void insertToken(const QString &connection, qint64 userId, qint64 expiry, const QString &token);
    qint64 scalar(const QString &sql);
    qint64 tableCount();
    void waitPastTheStamp(int seconds);
    static constexpr qint64 Start = 1'900'000'000;
    qint64 m_now = Start;
    std::unique_ptr<TestDatabase> m_db;
};

void TestExpiryModel::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_now = Start;
    DemoDatabase::Options o;
    o.users = 30;
    o.tokens = 250;
    o.now = Start;
    o.seed = 3;
    QString problem;
    m_db = TestDatabase::createSeeded(backend, o, &problem);
    TG_REQUIRE(m_db, problem);
}

void TestExpiryModel::insertToken(const QString &connection, qint64 userId, qint64 expiry, const QString &token)
{
    QSqlQuery q(QSqlDatabase::database(connection, false));
    QVERIFY(q.prepare(QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) VALUES (?, ?, ?, '0')")));
    q.addBindValue(token);
    q.addBindValue(userId);
    q.addBindValue(expiry);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
}

qint64 TestExpiryModel::scalar(const QString &sql)
{
    QSqlQuery q(m_db->db());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 TestExpiryModel::tableCount()
{
    return scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL"));
}

// MariaDB: InnoDB stamps trongate_tokens with the second in which its last writing transaction
// began. Waits on the server's clock until that many seconds after it are over.
void TestExpiryModel::waitPastTheStamp(int seconds)
{
    QTRY_VERIFY_WITH_TIMEOUT(scalar(QStringLiteral("SELECT UNIX_TIMESTAMP(NOW()) > COALESCE(UNIX_TIMESTAMP(UPDATE_TIME), 0) + %1 "
                                                   "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                                                   "AND TABLE_NAME = 'trongate_tokens'")
                                        .arg(seconds))
            == 1,
        (seconds + 2) * 1000);
}

void TestExpiryModel::bandBoundaries_data()
{
    QTest::addColumn<qint64>("left");
    QTest::addColumn<int>("band");
    QTest::addRow("expired an hour ago") << qint64(-3600) << int(ExpiryModel::Band::Expired);
    QTest::addRow("expiry equals now: not valid") << qint64(0) << int(ExpiryModel::Band::Expired);
    QTest::addRow("one second left") << qint64(1) << int(ExpiryModel::Band::UnderFiveMinutes);
    QTest::addRow("4 min 59 s") << qint64(299) << int(ExpiryModel::Band::UnderFiveMinutes);
    QTest::addRow("exactly 5 min") << qint64(300) << int(ExpiryModel::Band::UnderAnHour);
    QTest::addRow("59 min 59 s") << qint64(3599) << int(ExpiryModel::Band::UnderAnHour);
    QTest::addRow("exactly an hour") << qint64(3600) << int(ExpiryModel::Band::Later);
}

void TestExpiryModel::bandBoundaries()
{
    QFETCH(qint64, left);
    QFETCH(int, band);
    QCOMPARE(int(ExpiryModel::band(left)), band);
}

void TestExpiryModel::countdownTexts()
{
    QCOMPARE(ExpiryModel::countdown(247), QStringLiteral("4 min 07 s"));
    QCOMPARE(ExpiryModel::countdown(7800), QStringLiteral("2 h 10 min"));
    QCOMPARE(ExpiryModel::countdown(-35), QStringLiteral("expired 35 s ago"));
    QCOMPARE(ExpiryModel::countdown(0), QStringLiteral("expired 0 s ago"));
    QCOMPARE(ExpiryModel::countdown(86400 * 3 + 7200), QStringLiteral("3 d 2 h"));
}

void TestExpiryModel::orderedByTimeLeftWithoutNullExpiry()
{
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.count(), 249); // the demo's token without expiry is not on a timeline
    qint64 previous = std::numeric_limits<qint64>::min();
    for (int r = 0; r < model.rowCount(); ++r) {
        const qint64 e = model.index(r, 0).data(ExpiryModel::ExpiryRole).toLongLong();
        QVERIFY(e >= previous);
        previous = e;
    }
    QVERIFY(model.index(0, ExpiryModel::TimeLeftColumn).data().toString().startsWith(QLatin1String("expired")));
    QVERIFY(model.cachedRowCount() <= 20 * 100);
}

// Scrolling reads a page from the row held beside it (keyset), not by its OFFSET: a jump to the
// end is one OFFSET read, each page above it follows from the row below; scrolling down,
// a page starts right after the last row shown even when the app deleted rows above meanwhile.
void TestExpiryModel::pagesFollowOnFromTheRowsHeld()
{
    QSqlDatabase db = m_db->db();
    QVERIFY(db.transaction());
    for (int i = 0; i < 400; ++i) // many equal expiries: the id orders them
        insertToken(m_db->connectionName(), 1 + i % 30, Start + (i % 5) * 60, QStringLiteral("tie-%1").arg(i));
    QVERIFY(db.commit());
    const auto ordered = [&] {
        QList<qint64> ids;
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date IS NOT NULL ORDER BY expiry_date, id")))
            while (q.next())
                ids << q.value(0).toLongLong();
        return ids;
    };
    QList<qint64> expected = ordered();
    QCOMPARE(expected.size(), 649);

    ExpiryModel model(db, [this] { return m_now; });
    model.reload();
    QCOMPARE(model.rowCount(), 649);
    for (int r = model.rowCount() - 1; r >= 0; --r)
        QCOMPARE(model.idAt(r), expected.at(r));
    QCOMPARE(model.offsetReads(), 1); // the jump to the end
    QCOMPARE(model.keysetReads(), 6); // the six pages above it

    model.reload();
    for (int r = 0; r < 200; ++r)
        QCOMPARE(model.idAt(r), expected.at(r));
    QList<qint64> gone = expected.mid(20, 5); // shown on the first page
    for (qint64 id : gone)
        TG_EXEC(db, QStringLiteral("DELETE FROM trongate_tokens WHERE id = %1").arg(id));
    const QList<qint64> now = ordered();
    const int lastShown = int(now.indexOf(expected.at(199)));
    for (int r = 200; r < 300; ++r)
        QCOMPARE(model.idAt(r), now.at(lastShown + 1 + (r - 200)));

    // Up from the end again while rows at the very top go: fewer rows are left above the second
    // page than the first holds. Those read are the ones just above the second page, and the rest
    // of the first page is read by place: no row stays blank.
    expected = now;
    model.reload();
    for (int r = model.rowCount() - 1; r >= 100; --r)
        QCOMPARE(model.idAt(r), expected.at(r));
    for (int i = 5; i < 8; ++i)
        TG_EXEC(db, QStringLiteral("DELETE FROM trongate_tokens WHERE id = %1").arg(expected.at(i)));
    const QList<qint64> fewer = ordered();
    QCOMPARE(model.idAt(99), fewer.at(fewer.indexOf(expected.at(100)) - 1));
    for (int r = 98; r >= 0; --r)
        QVERIFY2(model.idAt(r) > 0, qPrintable(QString::number(r)));
}

void TestExpiryModel::tickRepaintsOnlyVisibleRowsWithoutQueries()
{
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    model.reload();
    model.setVisibleRows(40, 59);
    model.index(40, 0).data();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const int before = model.queriesSent();
    for (int i = 0; i < 10; ++i) {
        ++m_now;
        model.tick();
    }
    QCOMPARE(model.queriesSent(), before);
    QCOMPARE(changed.size(), 10);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 40);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 59);
    QCOMPARE(changed.first().at(1).toModelIndex().column(), int(ExpiryModel::BandColumn));
}

void TestExpiryModel::tokenCrossesExpiryWhileShown()
{
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    model.reload();
    // The demo always has a token expiring at now + 120 s.
    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, 0).data(ExpiryModel::ExpiryRole).toLongLong() == Start + 120)
            row = r;
    QVERIFY(row >= 0);
    const QModelIndex band = model.index(row, ExpiryModel::BandColumn);
    QCOMPARE(band.data().toString(), QStringLiteral("under 5 min"));
    QCOMPARE(model.index(row, 0).data().toString(), QStringLiteral("2 min 00 s"));
    m_now = Start + 119;
    QCOMPARE(model.index(row, 0).data().toString(), QStringLiteral("1 s"));
    m_now = Start + 120;
    QCOMPARE(band.data().toString(), QStringLiteral("expired"));
    m_now = Start + 155;
    QCOMPARE(model.index(row, 0).data().toString(), QStringLiteral("expired 35 s ago"));
    QCOMPARE(model.index(row, 0).data(Qt::AccessibleTextRole).toString(), QStringLiteral("expired 35 s ago, expired"));
}

void TestExpiryModel::externalInsertAppearsInPlaceKeepingSelection()
{
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    model.setVisibleRows(0, 30);
    QItemSelectionModel selection(&model);
    const qint64 selectedId = model.idAt(20);
    selection.setCurrentIndex(model.index(20, 0), QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);
    const qint64 count = model.count();

    // The PHP application issues a token that expires first of all (so it lands above the selection).
    const QString other = m_db->openSecondConnection();
    insertToken(other, 3, Start - 10 * 86400, QStringLiteral("external-first"));
    insertToken(other, 4, 2147483647, QStringLiteral("external-last"));
    const ExpiryModel::PollResult r = model.poll();
    QVERIFY(r.ok);
    QCOMPARE(r.inserted, 2);
    QCOMPARE(model.count(), count + 2);
    QCOMPARE(model.tokenAt(0), QStringLiteral("external-first"));
    QCOMPARE(model.tokenAt(int(model.count()) - 1), QStringLiteral("external-last"));
    // The person's selection stayed on the same token.
    QCOMPARE(selection.currentIndex().row(), 21);
    QCOMPARE(model.idAt(selection.currentIndex().row()), selectedId);
}

void TestExpiryModel::externalDeleteVanishes()
{
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    model.setVisibleRows(0, 24);
    const qint64 victim = model.idAt(5);
    const qint64 next = model.idAt(6);
    const QString other = m_db->openSecondConnection();
    QSqlQuery q(QSqlDatabase::database(other, false));
    QVERIFY(q.exec(QStringLiteral("DELETE FROM trongate_tokens WHERE id = %1").arg(victim)));
    const ExpiryModel::PollResult r = model.poll();
    QCOMPARE(r.removed, 1);
    QCOMPARE(model.idAt(5), next);
    QCOMPARE(model.rowOfId(victim), -1);

    // Extended by another admin: the row moves to its new place.
    const qint64 moved = model.idAt(0);
    QVERIFY(q.exec(QStringLiteral("UPDATE trongate_tokens SET expiry_date = %1 WHERE id = %2").arg(Start + 5000000).arg(moved)));
    const qint64 count = model.count();
    const ExpiryModel::PollResult r2 = model.poll();
    QVERIFY(r2.changed());
    QCOMPARE(model.count(), count);
    QCOMPARE(model.idAt(int(model.count()) - 1), moved);
    QVERIFY(model.rowOfId(moved) != 0);
}

void TestExpiryModel::quietPollIsOneQuery()
{
    QFETCH_GLOBAL(QString, backend);
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    model.reload();
    model.setVisibleRows(0, 29);
    model.index(0, 0).data();
    model.index(29, 0).data();
    model.poll(); // the first look learns the engine's change counter
    for (int i = 0; i < 5; ++i) {
        const int before = model.queriesSent();
        const ExpiryModel::PollResult r = model.poll();
        QVERIFY(!r.changed());
        // SQLite's data_version belongs to this database alone: nothing changed, one query.
        // PostgreSQL's WAL position is the server's, and so is InnoDB's log sequence number, which
        // MariaDB's signal heeds for a minute after the table's stamp (writesToAnotherTableReadNothing
        // shows it without): the other tests' databases on the shared server move them, and then
        // the poll reads (the rows on screen, their owners, the counts) and finds no change.
        if (backend == QLatin1String("sqlite"))
            QCOMPARE(model.queriesSent() - before, 1);
        else
            QVERIFY(model.queriesSent() - before <= 6);
    }
}

void TestExpiryModel::outOfOrderAndLargeInsertsAllArrive()
{
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    model.setVisibleRows(100, 129);
    model.index(100, 0).data();
    model.index(129, 0).data();
    model.poll();
    const qint64 topId = model.idAt(100);
    const QString other = m_db->openSecondConnection();
    QSqlQuery q(QSqlDatabase::database(other, false));
    // A row committed with an id below the newest one (what two requests committing out of id
    // order look like afterwards), and 1,500 tokens in one transaction.
    QVERIFY(q.exec(QStringLiteral("SELECT MIN(id) FROM trongate_tokens")) && q.next());
    const qint64 low = q.value(0).toLongLong();
    QVERIFY(q.exec(QStringLiteral("DELETE FROM trongate_tokens WHERE id = %1").arg(low)));
    model.poll();
    QVERIFY(q.exec(QStringLiteral("INSERT INTO trongate_tokens (id, token, user_id, expiry_date, code) "
                                  "VALUES (%1, 'late-commit', 2, %2, '0')")
                       .arg(low)
                       .arg(Start + 4000)));
    QVERIFY(QSqlDatabase::database(other, false).transaction());
    for (int i = 0; i < 1500; ++i)
        insertToken(other, 1 + i % 20, Start + 100000 + i, QStringLiteral("bulk-%1").arg(i));
    QVERIFY(QSqlDatabase::database(other, false).commit());
    QVERIFY(model.poll().ok);
    QSqlQuery t(m_db->db());
    QVERIFY(t.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL")) && t.next());
    QCOMPARE(model.count(), t.value(0).toLongLong());
    // The top row moved down by exactly the rows that now sort before it (the page scrolls with it).
    QVERIFY(t.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL AND "
                                  "(expiry_date < (SELECT expiry_date FROM trongate_tokens WHERE id = %1) OR "
                                  "(expiry_date = (SELECT expiry_date FROM trongate_tokens WHERE id = %1) AND id < %1))")
                       .arg(topId))
        && t.next());
    QCOMPARE(model.idAt(int(t.value(0).toLongLong())), topId);
    // Every row, read the way the view reads it, is the table's row at that place: none missing, none blank.
    QVERIFY(t.exec(QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date IS NOT NULL ORDER BY expiry_date, id")));
    int r = 0;
    while (t.next())
        QCOMPARE(model.idAt(r++), t.value(0).toLongLong());
    QCOMPARE(r, int(model.count()));
}

void TestExpiryModel::farAwayDeletesAndPurgeKeepTheCountRight()
{
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    model.setVisibleRows(150, 179);
    model.index(150, 0).data();
    model.index(179, 0).data();
    model.poll();
    const qint64 topId = model.idAt(150);
    QItemSelectionModel selection(&model);
    const qint64 selectedId = model.idAt(160);
    selection.setCurrentIndex(model.index(160, 0), QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);
    const QString other = m_db->openSecondConnection();
    QSqlQuery q(QSqlDatabase::database(other, false));
    const qint64 topExpiry = model.index(150, 0).data(ExpiryModel::ExpiryRole).toLongLong();
    // Below the screen: the last 40 rows go. Above it: Trongate's purge.
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date IS NOT NULL ORDER BY expiry_date DESC, id DESC LIMIT 40")));
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    QVERIFY(q.exec(QStringLiteral("DELETE FROM trongate_tokens WHERE id IN (%1)").arg(ids.join(QLatin1Char(',')))));
    QVERIFY(q.exec(QStringLiteral("DELETE FROM trongate_tokens WHERE expiry_date < %1").arg(std::min(Start, topExpiry))));
    const ExpiryModel::PollResult r = model.poll();
    QVERIFY(r.ok);
    QSqlQuery t(m_db->db());
    QVERIFY(t.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL")) && t.next());
    QCOMPARE(model.count(), t.value(0).toLongLong());
    QCOMPARE(model.rowCount(), int(t.value(0).toLongLong()));
    QCOMPARE(model.idAt(model.rowOfId(topId)), topId);
    QCOMPARE(model.idAt(selection.currentIndex().row()), selectedId);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY2(!model.index(row, ExpiryModel::IdColumn).data().isNull(), "a blank row");
}

void TestExpiryModel::timelineCountsMatchTheTable()
{
    for (ExpiryTimeline::Span span : {ExpiryTimeline::Span::Hour, ExpiryTimeline::Span::Day, ExpiryTimeline::Span::Week}) {
        ExpiryTimeline::Slices s;
        QString error;
        QVERIFY2(ExpiryTimeline::compute(m_db->db(), span, Start, &s, &error), qPrintable(error));
        QCOMPARE(s.counts.size(), ExpiryTimeline::sliceCount(span));
        QCOMPARE(s.total(), 249);
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date < %1").arg(Start)) && q.next());
        QCOMPARE(s.expired, q.value(0).toLongLong());
        for (int i = 0; i < s.counts.size(); ++i) {
            const qint64 from = Start + i * s.sliceSeconds;
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date >= %1 AND expiry_date < %2")
                               .arg(from)
                               .arg(from + s.sliceSeconds))
                    && q.next());
            QCOMPARE(s.counts.at(i), q.value(0).toLongLong());
        }
    }
}

void TestExpiryModel::writesToAnotherTableReadNothing()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("mariadb"))
        QSKIP("SQLite's data_version and PostgreSQL's WAL position are the whole database's: any table's write moves them");
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    model.reload();
    model.setVisibleRows(0, 29);
    model.index(0, 0).data();
    model.index(29, 0).data();
    // What the page's poller does each second, here on the test's thread. For a minute after the
    // table's stamp any commit on the server is a change (see ExpiryChangeSignal): two seconds
    // here, so that the test need not wait a minute on a server other tests write to.
    TokenOwners owners(m_db->db());
    ExpiryChangeSignal::Options options;
    options.longestTransactionSeconds = 2;
    ExpiryChangeSignal signal(options);
    ExpiryReadBudget budget;
    int queries = 0;
    auto poll = [&] {
        const ExpiryPollSnapshot s = readExpirySnapshot(m_db->db(), model.pollRequest(false), &signal, &budget, owners);
        queries = s.queries;
        return model.apply(s);
    };
    poll();
    QCOMPARE(int(signal.kind()), int(ExpiryChangeSignal::Kind::Table));
    waitPastTheStamp(2);
    poll();
    // The PHP app writes its sessions all the time, and sometimes starts a token it rolls back.
    const QString other = m_db->openSecondConnection();
    QSqlDatabase second = QSqlDatabase::database(other, false);
    TG_EXEC(second, QStringLiteral("CREATE TABLE php_sessions (id INT AUTO_INCREMENT PRIMARY KEY, data VARCHAR(40)) ENGINE=InnoDB"));
    for (int i = 0; i < 3; ++i) {
        TG_EXEC(second, QStringLiteral("INSERT INTO php_sessions (data) VALUES ('cart=%1')").arg(i));
        TG_EXEC(second, QStringLiteral("UPDATE php_sessions SET data = 'cart' WHERE id = 1"));
        QVERIFY(!poll().changed());
        QCOMPARE(queries, 1); // the table's stamp, nothing read
    }
    QVERIFY(second.transaction());
    insertToken(other, 3, Start - 400 * 86400, QStringLiteral("rolled-back"));
    QVERIFY(second.rollback());
    QVERIFY(!poll().changed());
    QCOMPARE(queries, 1);
    // A token committed is read at the next look, at the top where it sorts.
    const qint64 count = model.count();
    insertToken(other, 3, Start - 400 * 86400, QStringLiteral("committed"));
    QCOMPARE(poll().inserted, 1);
    QVERIFY(queries > 1);
    QCOMPARE(model.count(), count + 1);
    QCOMPARE(model.tokenAt(0), QStringLiteral("committed"));
}

void TestExpiryModel::commitsInTheStampsSecondAreSeen()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("mariadb"))
        QSKIP("InnoDB's table stamp is read on MariaDB only");
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    model.reload();
    model.setVisibleRows(0, 29);
    model.index(0, 0).data();
    model.index(29, 0).data();
    model.poll();
    const QString a = m_db->openSecondConnection();
    const QString b = m_db->openSecondConnection();
    QSqlDatabase longRequest = QSqlDatabase::database(b, false);
    QSqlQuery q(longRequest);
    QVERIFY(q.exec(QStringLiteral("SELECT CONNECTION_ID()")) && q.next());
    const qint64 longThread = q.value(0).toLongLong();
    const QString stampSql = QStringLiteral("SELECT UNIX_TIMESTAMP(UPDATE_TIME) FROM information_schema.TABLES WHERE "
                                            "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'trongate_tokens'");
    // Three requests whose transactions all begin in one second S: a long one (it writes first and
    // commits seconds later), and two short ones with the page's look between them. Each stamps the
    // table with S. Tried again in the rare case the second ends in between.
    qint64 second = 0;
    for (int attempt = 0;; ++attempt) {
        QVERIFY2(attempt < 5, "the requests never fell in one second");
        waitPastTheStamp(0);
        QTRY_VERIFY_WITH_TIMEOUT(scalar(QStringLiteral("SELECT MICROSECOND(NOW(6)) < 300000")) == 1, 2000);
        QVERIFY(longRequest.transaction());
        insertToken(b, 4, Start - 300 * 86400, QStringLiteral("long-request"));
        insertToken(a, 3, Start - 302 * 86400, QStringLiteral("first-request"));
        QVERIFY(model.poll().ok);
        QCOMPARE(model.tokenAt(0), QStringLiteral("first-request"));
        insertToken(a, 5, Start - 301 * 86400, QStringLiteral("second-request"));
        second = scalar(stampSql);
        const qint64 longStarted = scalar(
            QStringLiteral("SELECT UNIX_TIMESTAMP(trx_started) FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = %1")
                .arg(longThread));
        if (scalar(QStringLiteral("SELECT UNIX_TIMESTAMP(NOW())")) == second && longStarted == second)
            break;
        QVERIFY(longRequest.rollback());
        TG_EXEC(m_db->db(), QStringLiteral("DELETE FROM trongate_tokens WHERE token LIKE '%-request'"));
        QVERIFY(model.poll().ok);
    }
    // The second short request committed after the look, in the stamp's second: the stamp did not move.
    QVERIFY(model.poll().ok);
    QCOMPARE(model.tokenAt(1), QStringLiteral("second-request"));
    QCOMPARE(model.count(), tableCount());
    // The long request commits seconds later, with the stamp of the second it began in: the stamp
    // does not move either.
    waitPastTheStamp(1);
    QVERIFY(model.poll().ok);
    const qint64 count = model.count();
    QVERIFY(longRequest.commit());
    QCOMPARE(scalar(stampSql), second);
    QCOMPARE(model.poll().inserted, 1);
    QCOMPARE(model.count(), count + 1);
    QCOMPARE(model.tokenAt(2), QStringLiteral("long-request"));
}

void TestExpiryModel::deferredRecountIsSaidAndCatchesUp()
{
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Every count "costs" 5 s, as at a few million rows: at its 3 % of wall time, one every 167 s.
    qint64 clockMs = 0;
    ExpiryReadBudget::Options o;
    o.minimumCost = 5;
    o.clockMs = [&clockMs] { return clockMs; };
    model.setReadBudget(o);
    model.reload();
    model.setVisibleRows(100, 129);
    model.index(100, 0).data();
    model.index(129, 0).data();
    QVERIFY(model.poll().ok); // nothing measured yet: the first look counts
    QVERIFY(model.countExact());
    const qint64 count = model.count();
    const qint64 topId = model.idAt(100);
    // Another connection adds a token far above the screen and one far below it.
    const QString other = m_db->openSecondConnection();
    insertToken(other, 3, Start - 50 * 86400, QStringLiteral("far-above"));
    insertToken(other, 4, Start + 90 * 86400, QStringLiteral("far-below"));
    clockMs += 1000;
    QVERIFY(model.poll().ok);
    // The recount waits, and the model says its count is not exact; the screen stays put.
    QVERIFY(!model.countExact());
    QCOMPARE(model.count(), count);
    QCOMPARE(model.idAt(100), topId);
    // A token that lands among the rows on screen shows at once all the same.
    const qint64 expiry = model.index(110, 0).data(ExpiryModel::ExpiryRole).toLongLong();
    insertToken(other, 5, expiry, QStringLiteral("on-screen"));
    const qint64 onScreen = scalar(QStringLiteral("SELECT id FROM trongate_tokens WHERE token = 'on-screen'"));
    clockMs += 1000;
    QCOMPARE(model.poll().inserted, 1);
    QVERIFY(model.rowOfId(onScreen) > 110 && model.rowOfId(onScreen) < 130);
    QCOMPARE(model.count(), count + 1);
    QVERIFY(!model.countExact());
    // Once its interval has passed the recount runs, with nothing new written: exact again, and
    // the row inserted above the screen moved the screen's rows down by one.
    clockMs += 200 * 1000;
    QVERIFY(model.poll().ok);
    QVERIFY(model.countExact());
    QCOMPARE(model.count(), tableCount());
    QCOMPARE(model.idAt(101), topId);
    QSqlQuery t(m_db->db());
    QVERIFY(t.exec(QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date IS NOT NULL ORDER BY expiry_date, id")));
    int r = 0;
    while (t.next())
        QCOMPARE(model.idAt(r++), t.value(0).toLongLong());
    QCOMPARE(r, int(model.count()));
}


// The page's way: a row that is not loaded is blank and its page is asked of the reader (the
// poller's thread), never read on the model's thread; an answer for an older state of the list
// (a row above it went meanwhile) is dropped and the page asked again.
void TestExpiryModel::rowsScrolledToAreAskedOfTheReaderNotRead()
{
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    struct Ask {
        quint64 generation;
        int page;
        QString sql;
        QVariantList values;
    };
    QList<Ask> asked;
    model.setPageReader([&asked](quint64 generation, int page, const QString &sql, const QVariantList &values) {
        asked << Ask { generation, page, sql, values };
    });
    ExpiryPoller poller(m_db->db().connectionName());
    connect(&poller, &ExpiryPoller::pageRead, &model, &ExpiryModel::pageRead);
    const auto idAtRow = [this](int row) {
        return scalar(QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date IS NOT NULL ORDER BY expiry_date, id "
                                     "LIMIT 1 OFFSET %1")
                          .arg(row));
    };

    const int queries = model.queriesSent();
    QVERIFY(model.index(150, ExpiryModel::IdColumn).data().isNull());
    QVERIFY(model.index(151, ExpiryModel::IdColumn).data().isNull());
    QCOMPARE(model.queriesSent(), queries); // nothing read here
    QCOMPARE(asked.size(), 1); // one page, asked once
    QCOMPARE(asked.first().page, 1);
    QSignalSpy shown(&model, &QAbstractItemModel::dataChanged);
    poller.readPage(asked.first().generation, asked.first().page, asked.first().sql, asked.first().values);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(model.index(150, ExpiryModel::IdColumn).data().toLongLong(), idAtRow(150));
    QCOMPARE(model.index(151, ExpiryModel::IdColumn).data().toLongLong(), idAtRow(151));

    // Row 220's page is on its way when the first token of the list is revoked.
    QVERIFY(model.index(220, ExpiryModel::IdColumn).data().isNull());
    QCOMPARE(asked.size(), 2);
    const Ask stale = asked.last();
    const qint64 first = idAtRow(0);
    TG_EXEC(m_db->db(), QStringLiteral("DELETE FROM trongate_tokens WHERE id = %1").arg(first));
    model.removeIds({ first }, 1);
    poller.readPage(stale.generation, stale.page, stale.sql, stale.values);
    QVERIFY(model.index(220, ExpiryModel::IdColumn).data().isNull()); // not the old row 220
    QCOMPARE(asked.size(), 3); // asked again, for the list as it is now
    poller.readPage(asked.last().generation, asked.last().page, asked.last().sql, asked.last().values);
    QCOMPARE(model.index(220, ExpiryModel::IdColumn).data().toLongLong(), idAtRow(220));
}

QTEST_MAIN(TestExpiryModel)
#include "TestExpiryModel.moc"

// The page's first visit (its first screen): the change signal, then the rows with their owners,
// the count, the backlog above "now" and the timeline in one statement, then who the owners are.
// What arrives is what each read alone would say, in three statements at most on MariaDB (it was
// seven: a round trip each to a far server) and four elsewhere (six before).
void TestExpiryModel::firstVisitCountsInOneStatementAndIsRight()
{
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    model.setFilterDeferred({});
    ExpiryPollRequest r = model.firstLoadRequest(m_now, 20);
    r.timeline = true;
    r.timelineDue = true;
    r.span = ExpiryTimeline::Span::Day;
    r.now = m_now;
    r.countsWithRows = true; // as the page asks for its first screen
    ExpiryReader reader(m_db->db().connectionName());
    const ExpiryPollSnapshot s = reader.poll(m_db->db(), r);
    QVERIFY2(s.ok, qPrintable(s.error));
    // The engine's estimate of the table's size (a big table's first screen does not count it):
    // on MariaDB a column of the change signal's statement, elsewhere a statement of its own
    // (SQLite's is local: its statistics or two index look-ups).
    QFETCH_GLOBAL(QString, backend);
    const int most = backend == QLatin1String("mariadb") ? 3 : 4;
    QVERIFY2(s.queries <= most, qPrintable(QString::number(s.queries)));
    QVERIFY(s.countKnown && s.aboveKnown && !s.countOwed);
    QCOMPARE(s.count, tableCount());
    QCOMPARE(s.above,
        scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL AND expiry_date <= %1").arg(m_now)));
    QVERIFY(s.slices);
    ExpiryTimeline::Slices alone;
    QString error;
    QVERIFY2(ExpiryTimeline::compute(m_db->db(), ExpiryTimeline::Span::Day, m_now, &alone, &error), qPrintable(error));
    QCOMPARE(s.slices->counts, alone.counts);
    QCOMPARE(s.slices->expired, alone.expired);
    QCOMPARE(s.slices->later, alone.later);
    // The window starts at the first token still valid, the backlog above it.
    QVERIFY(!s.window.isEmpty());
    QVERIFY(s.window.first().expiry > m_now);
    // In the list's order, whatever order the engine answered the statement's parts in.
    QSqlQuery order(m_db->db());
    QVERIFY(order.exec(QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date > %1 ORDER BY expiry_date, id LIMIT %2")
                           .arg(m_now)
                           .arg(s.window.size())));
    for (const ExpiryRow &row : s.window) {
        QVERIFY(order.next());
        QCOMPARE(row.id, order.value(0).toLongLong());
    }
    order.finish();

    QVERIFY(model.apply(s).ok);
    QCOMPARE(model.count(), tableCount());
    QVERIFY(model.countExact());
    QCOMPARE(model.idAt(int(s.above)), s.window.first().id);

    // A later visit with nothing changed reads the signal alone (one statement). On SQLite only:
    // MariaDB's signal heeds the server's log sequence number for a minute after the table's stamp
    // (see quietPollIsOneQuery), and the shared server's other databases move it.
    if (backend != QLatin1String("sqlite"))
        return;
    ExpiryPollRequest quiet = model.pollRequest(false);
    quiet.timeline = true;
    quiet.span = ExpiryTimeline::Span::Day;
    quiet.now = m_now;
    const ExpiryPollSnapshot again = reader.poll(m_db->db(), quiet);
    QVERIFY2(again.ok, qPrintable(again.error));
    QVERIFY(again.unchanged);
    QCOMPARE(again.queries, 1);
}

// The page's first screen leaves who the users are to the next statement (identitiesLater): the
// rows come a statement sooner and say "…" in that column; what follows fills in what an inline
// read would have said.
void TestExpiryModel::identitiesFollowTheFirstRows()
{
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    model.setFilterDeferred({});
    ExpiryPollRequest r = model.firstLoadRequest(m_now, 40);
    ExpiryReader inlineReader(m_db->db().connectionName());
    const ExpiryPollSnapshot inlineRead = inlineReader.poll(m_db->db(), r);
    QVERIFY2(inlineRead.ok, qPrintable(inlineRead.error));
    r.identitiesLater = true;
    ExpiryReader reader(m_db->db().connectionName());
    const ExpiryPollSnapshot s = reader.poll(m_db->db(), r);
    QVERIFY2(s.ok, qPrintable(s.error));
    QCOMPARE(s.queries, inlineRead.queries - 1);
    QCOMPARE(s.window.size(), inlineRead.window.size());
    QVERIFY(!s.identityUsers.isEmpty());
    QVERIFY(model.apply(s).ok);
    const int top = int(s.above);
    int named = 0;
    for (int i = 0; i < s.window.size(); ++i) {
        const ExpiryRow &want = inlineRead.window.at(i);
        QCOMPARE(model.idAt(top + i), want.id);
        if (want.owner.userExists)
            QCOMPARE(model.index(top + i, ExpiryModel::IdentityColumn).data().toString(), QStringLiteral("…"));
    }
    QSignalSpy repainted(&model, &QAbstractItemModel::dataChanged);
    // An answer about other users fills nothing.
    model.addIdentities({ 987654 }, {});
    QVERIFY(repainted.isEmpty());
    QCOMPARE(model.index(top, ExpiryModel::IdentityColumn).data().toString(),
        inlineRead.window.first().owner.userExists ? QStringLiteral("…") : QString());
    model.addIdentities(s.identityUsers, reader.identities(m_db->db(), s.identityUsers));
    QVERIFY(!repainted.isEmpty());
    for (int i = 0; i < s.window.size(); ++i) {
        const QString shown = model.index(top + i, ExpiryModel::IdentityColumn).data().toString();
        QCOMPARE(shown, inlineRead.window.at(i).owner.identity);
        named += shown.isEmpty() ? 0 : 1;
    }
    QVERIFY(named > 0); // the demo's users have people behind them
}

// The page's first visit reads no change signal (signalLater): the next poll, whatever the signal
// says, reads the rows again, so a token committed while the first screen was read is shown then.
void TestExpiryModel::aFirstVisitWithoutTheSignalIsCaughtUpByTheNextPoll()
{
    QFETCH_GLOBAL(QString, backend);
    ExpiryModel model(m_db->db(), [this] { return m_now; });
    model.setFilterDeferred({});
    ExpiryPollRequest first = model.firstLoadRequest(m_now, 20);
    first.signalLater = true;
    ExpiryReader reader(m_db->db().connectionName());
    const ExpiryPollSnapshot s = reader.poll(m_db->db(), first);
    QVERIFY2(s.ok, qPrintable(s.error));
    QVERIFY(model.apply(s).ok);
    const qint64 before = model.count();
    // The next poll looks whatever the signal says: a commit between this visit's read and a
    // signal read after it would otherwise never be seen.
    const ExpiryPollSnapshot look = reader.poll(m_db->db(), model.pollRequest(false));
    QVERIFY2(look.ok, qPrintable(look.error));
    QVERIFY(!look.unchanged);
    QVERIFY(!look.window.isEmpty());
    QVERIFY(model.apply(look).ok);
    QCOMPARE(model.count(), before);
    // Committed by the PHP app: just after "now", so on screen.
    const QString other = m_db->openSecondConnection();
    insertToken(other, 3, m_now + 1, QStringLiteral("during-first-visit"));
    const ExpiryPollSnapshot next = reader.poll(m_db->db(), model.pollRequest(false));
    QVERIFY2(next.ok, qPrintable(next.error));
    QVERIFY(!next.unchanged);
    QVERIFY(model.apply(next).ok);
    QCOMPARE(model.count(), before + 1);
    const qint64 id = scalar(QStringLiteral("SELECT id FROM trongate_tokens WHERE token = 'during-first-visit'"));
    QVERIFY(model.rowOfId(id) >= 0);
    // From then on the signal decides (SQLite's moves with this database's writes alone).
    if (backend == QLatin1String("sqlite"))
        QVERIFY(reader.poll(m_db->db(), model.pollRequest(false)).unchanged);
}
