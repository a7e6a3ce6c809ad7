#include "connection/DbWorker.h"
#include "schema/DemoDatabase.h"
#include "LevelsModel.h"
#include "TestDatabase.h"
#include "TokensModel.h"
#include "UsersModel.h"
#include "WorkerGate.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QScopeGuard>

#include <chrono>
#include <thread>
#include <utility>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <functional>

// The three grids' models on SQLite and a real MariaDB server: paging, sorting and filtering in
// the database, edits kept until Save, one transaction, conflicts with a second connection.
class TestGridModels final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_db.reset(); }
    void levelsEditSaveRevert();
    void levelInUseIsRefusedUnlessUsersMove();
    void failedSaveLeavesDatabaseAndEditsAsTheyWere();
    void usersShowLevelIdentityAndTokenCounts();
    void usersFirstScreenShowsBeforeItsTokenCounts();
    void tokensFirstScreenShowsBeforeWhoTheirUsersAre();
    void lookUpsLostWithTheirWorkerAreAskedAgain();
    void userCodeMustBeTrongatesAndUnique();
    void deletingUsersDeletesTheirTokensByDefault();
    void tokensAreMaskedAndOrphansShown();
    void tokensSortAndFilterInTheDatabase();
    void expiryPast2038IsRefused();
    void concurrentChangeIsAConflictNotAnOverwrite();
    void concurrentDeleteIsAConflict();
    void pagesAreFetchedOnDemandAndBounded();
    void pagesReadFromTheEndKeepTheOrder_data();
    void pagesReadFromTheEndKeepTheOrder();
    void nextPageFollowsOnFromTheRowsShown_data();
    void nextPageFollowsOnFromTheRowsShown();
    void aJumpShowsTheRowsAtItsPlace();
    void bigTableShowsItsFirstPageBeforeItsCount();
    void filteredBigTableCountsAfterTheFirstPage();
    void fewMatchesNeedNoCount();
    void smallTableIsCountedInTheSameRead();

private:
    static constexpr qint64 Now = 1'900'000'000;
    qint64 scalar(const QString &sql);
    // n more tokens named prefix0, prefix1, ... in one transaction.
    // n tokens prefix0, prefix1, … for users 1 to 40, expiring Now + i unless expiryOf says otherwise
    // (a null QVariant: no expiry).
    void addTokens(int n, const QString &prefix, const std::function<QVariant(int)> &expiryOf = {});
    // Updates the engine's own row estimates (SQLite's sqlite_stat1, MariaDB's TABLE_ROWS).
    void analyze();
    std::unique_ptr<TestDatabase> m_db;
};

qint64 TestGridModels::scalar(const QString &sql)
{
    QSqlQuery q(m_db->db());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// Prefixes end in '-', which is not in Trongate's alphabet: a filter on the prefix cannot also
// match a random demo token (LIKE ignores case, so "bulk" alone matches a token holding "BuLk").
void TestGridModels::addTokens(int n, const QString &prefix, const std::function<QVariant(int)> &expiryOf)
{
    QSqlDatabase db = m_db->db();
    QVERIFY(db.transaction());
    QSqlQuery ins(db);
    QVERIFY(ins.prepare(
        QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) VALUES (?, ?, ?, '0')")));
    for (int i = 0; i < n; ++i) {
        ins.addBindValue(prefix + QString::number(i));
        ins.addBindValue(1 + i % 40);
        ins.addBindValue(expiryOf ? expiryOf(i) : QVariant(Now + i));
        QVERIFY2(ins.exec(), qPrintable(ins.lastError().text()));
    }
    QVERIFY(db.commit());
}

void TestGridModels::analyze()
{
    if (m_db->backend() == QLatin1String("sqlite")) {
        TG_EXEC(m_db->db(), QStringLiteral("ANALYZE"));
    } else {
        // And kept as they are now: InnoDB would otherwise refresh them by itself after the test's
        // later inserts, whenever its background thread gets to it.
        TG_EXEC(m_db->db(), QStringLiteral("ALTER TABLE trongate_tokens STATS_AUTO_RECALC = 0"));
        TG_EXEC(m_db->db(), QStringLiteral("ANALYZE TABLE trongate_tokens"));
    }
}

void TestGridModels::init()
{
    QFETCH_GLOBAL(QString, backend);
    DemoDatabase::Options o;
    o.users = 40;
    o.tokens = 120;
    o.now = Now;
    o.seed = 7;
    QString problem;
    m_db = TestDatabase::createSeeded(backend, o, &problem);
    TG_REQUIRE(m_db, problem);
}

void TestGridModels::levelsEditSaveRevert()
{
    LevelsModel model(m_db->db(), [] { return Now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, LevelsModel::TitleColumn).data().toString(), QStringLiteral("admin"));
    QCOMPARE(model.index(0, LevelsModel::UsersColumn).data(Qt::EditRole).toLongLong(), 4);

    QSignalSpy refused(&model, &GridModel::validationFailed);
    QVERIFY(!model.setData(model.index(1, LevelsModel::TitleColumn), QStringLiteral("   ")));
    QCOMPARE(refused.size(), 1);
    QVERIFY(refused.first().first().toString().contains(QLatin1String("needs a title")));
    QVERIFY(!model.setData(model.index(1, LevelsModel::TitleColumn), QString(126, QLatin1Char('x'))));
    QVERIFY(refused.last().first().toString().contains(QLatin1String("126")));
    QVERIFY(!model.hasPendingChanges());

    QVERIFY(model.setData(model.index(1, LevelsModel::TitleColumn), QStringLiteral("subscriber")));
    QVERIFY(model.hasPendingChanges());
    QCOMPARE(model.rowState(1), GridModel::RowState::Edited);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels WHERE level_title = 'subscriber'")), 0);
    model.revertAll();
    QVERIFY(!model.hasPendingChanges());
    QCOMPARE(model.index(1, LevelsModel::TitleColumn).data().toString(), QStringLiteral("member"));

    QVERIFY(model.setData(model.index(1, LevelsModel::TitleColumn), QStringLiteral("subscriber")));
    const int newRow = model.addLevel(QStringLiteral("editor"));
    QCOMPARE(model.rowState(newRow), GridModel::RowState::New);
    QCOMPARE(model.rowCount(), 5);
    const GridModel::SaveResult saved = model.submitAll();
    QVERIFY2(saved.ok, qPrintable(saved.error));
    QVERIFY(!model.hasPendingChanges());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels WHERE level_title = 'subscriber'")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels")), 5);
    QCOMPARE(model.totalCount(), 5);

    // A new row left without a title is refused at Save, before the database sees it.
    model.addLevel();
    const GridModel::SaveResult empty = model.submitAll();
    QVERIFY(!empty.ok);
    QVERIFY(empty.error.contains(QLatin1String("needs a title")));
    QVERIFY(model.hasPendingChanges());
}

void TestGridModels::levelInUseIsRefusedUnlessUsersMove()
{
    LevelsModel model(m_db->db(), [] { return Now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    const qint64 members = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE user_level_id = 2"));
    QVERIFY(members > 0);
    QCOMPARE(model.usersOfLevel(2), members);
    model.markDeleted({ 1 });
    QCOMPARE(model.rowState(1), GridModel::RowState::Deleted);
    GridModel::SaveResult r = model.submitAll();
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("still used by users")), qPrintable(r.error));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels WHERE id = 2")), 1);
    QCOMPARE(model.rowState(1), GridModel::RowState::Deleted); // the pending delete stays

    model.setMoveTarget(2, 4);
    r = model.submitAll();
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels WHERE id = 2")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE user_level_id = 2")), 0);
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE user_level_id = 4")) >= members);
}

void TestGridModels::failedSaveLeavesDatabaseAndEditsAsTheyWere()
{
    // The database itself refuses row 7 of 10 (a unique index the test adds).
    TG_EXEC(m_db->db(), QStringLiteral("CREATE UNIQUE INDEX uq_title ON trongate_user_levels (level_title)"));
    LevelsModel model(m_db->db(), [] { return Now; });
    model.refresh();
    QVERIFY(model.setData(model.index(0, LevelsModel::TitleColumn), QStringLiteral("administrator")));
    for (int i = 1; i <= 10; ++i)
        model.addLevel(i == 7 ? QStringLiteral("guest") : QStringLiteral("level %1").arg(i));
    const GridModel::SaveResult r = model.submitAll();
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("duplicate")), qPrintable(r.error));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels")), 4);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels WHERE level_title = 'administrator'")), 0);
    QCOMPARE(model.pendingCount(), 11);
    QCOMPARE(model.rowCount(), 14);

    // Fixing the one bad row lets the same edits through.
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, LevelsModel::TitleColumn).data().toString() == QLatin1String("guest")
            && model.idAt(row) < 0)
            QVERIFY(model.setData(model.index(row, LevelsModel::TitleColumn), QStringLiteral("visitor")));
    const GridModel::SaveResult again = model.submitAll();
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels")), 14);
}

void TestGridModels::usersShowLevelIdentityAndTokenCounts()
{
    UsersModel model(m_db->db(), [] { return Now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QCOMPARE(model.rowCount(), 40);
    QCOMPARE(model.index(0, UsersModel::LevelColumn).data().toString(), QStringLiteral("admin (1)"));
    QVERIFY2(model.index(0, UsersModel::IdentityColumn).data().toString().startsWith(QStringLiteral("admin · ")),
        qPrintable(model.index(0, UsersModel::IdentityColumn).data().toString()));
    // User 40 is on a level that was deleted: shown, not hidden.
    QCOMPARE(model.index(39, UsersModel::LevelColumn).data().toString(), QStringLiteral("missing level 9"));
    const qint64 tokensOf1 = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 1"));
    const qint64 validOf1 = scalar(
        QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 1 AND expiry_date > %1").arg(Now));
    QCOMPARE(model.index(0, UsersModel::TokensColumn).data().toString(), QString::number(tokensOf1));
    QCOMPARE(model.index(0, UsersModel::ValidTokensColumn).data().toString(), QString::number(validOf1));

    // Filtering by the application table's e-mail finds the member behind the user.
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT trongate_user_id, email FROM members ORDER BY id")) && q.next());
    const qint64 memberUser = q.value(0).toLongLong();
    const QString email = q.value(1).toString();
    model.setFilter(email, UsersModel::IdentityColumn);
    QCOMPARE(model.filteredCount(), 1);
    QCOMPARE(model.idAt(0), memberUser);
    QCOMPARE(model.totalCount(), 40);
    model.setFilter(QStringLiteral("support"), UsersModel::LevelColumn);
    QCOMPARE(model.filteredCount(), 12);
}

// With a worker (the window's case) the users' token counts, a scan of trongate_tokens without an
// index on user_id, are not part of the first screen's read: the rows show with "…" in the two
// count columns, and the counts follow from a read of their own.
void TestGridModels::usersFirstScreenShowsBeforeItsTokenCounts()
{
    DbWorker worker(m_db->connectionName());
    UsersModel model(m_db->db(), [] { return Now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWorker(&worker);
    model.refresh();
    WorkerGate gate(worker); // queued behind the first screen: the counts' read waits for it
    QVERIFY(QTest::qWaitFor([&] { return model.hasCounts() && !model.isLoading(); }, 15000));
    QCOMPARE(model.rowCount(), 40);
    QCOMPARE(model.index(0, UsersModel::LevelColumn).data().toString(), QStringLiteral("admin (1)"));
    QVERIFY(model.isLookingUp());
    QCOMPARE(model.index(0, UsersModel::TokensColumn).data().toString(), QStringLiteral("…"));
    QCOMPARE(model.index(0, UsersModel::ValidTokensColumn).data().toString(), QStringLiteral("…"));
    QCOMPARE(model.index(0, UsersModel::IdentityColumn).data().toString(), QStringLiteral("…"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    gate.release();
    QVERIFY(QTest::qWaitFor([&] { return !model.isLookingUp(); }, 15000));
    QVERIFY(!changed.isEmpty());
    QVERIFY2(model.index(0, UsersModel::IdentityColumn).data().toString().startsWith(QStringLiteral("admin · ")),
        qPrintable(model.index(0, UsersModel::IdentityColumn).data().toString()));
    for (int row : { 0, 1, 39 }) {
        const qint64 id = model.idAt(row);
        const qint64 tokens = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = %1").arg(id));
        const qint64 valid = scalar(
            QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = %1 AND expiry_date > %2").arg(id).arg(Now));
        QCOMPARE(model.index(row, UsersModel::TokensColumn).data().toString(), QLocale().toString(tokens));
        QCOMPARE(model.index(row, UsersModel::ValidTokensColumn).data().toString(), QLocale().toString(valid));
    }
}

// The same for tokens: the page's statement reads each token's user and level along; who the user
// is (the application's tables) follows from a statement of its own, the column saying "…" until
// then. Without a worker (the command line, an export) it is all read at once.
void TestGridModels::tokensFirstScreenShowsBeforeWhoTheirUsersAre()
{
    TokensModel inlineModel(m_db->db(), [] { return Now; });
    inlineModel.refresh();
    QVERIFY(inlineModel.rowCount() > 0);
    DbWorker worker(m_db->connectionName());
    TokensModel model(m_db->db(), [] { return Now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWorker(&worker);
    model.refresh();
    model.index(0, 0).data(); // the view asks for the first page
    WorkerGate gate(worker);
    QVERIFY(QTest::qWaitFor([&] { return model.hasCounts() && !model.isLoading() && model.idAt(0) > 0; }, 15000));
    int owed = 0;
    for (int row = 0; row < std::min(20, model.rowCount()); ++row) {
        QCOMPARE(model.index(row, TokensModel::UserColumn).data(), inlineModel.index(row, TokensModel::UserColumn).data());
        const QString shown = model.index(row, TokensModel::IdentityColumn).data().toString();
        if (!inlineModel.index(row, TokensModel::UserColumn).data().toString().contains(QLatin1String("missing"))) {
            QCOMPARE(shown, QStringLiteral("…"));
            ++owed;
        }
    }
    QVERIFY(owed > 0);
    QVERIFY(model.isLookingUp());
    gate.release();
    QVERIFY(QTest::qWaitFor([&] { return !model.isLookingUp(); }, 15000));
    int named = 0;
    for (int row = 0; row < std::min(20, model.rowCount()); ++row) {
        const QVariant want = inlineModel.index(row, TokensModel::IdentityColumn).data();
        QCOMPARE(model.index(row, TokensModel::IdentityColumn).data().toString(), want.toString());
        named += want.toString().isEmpty() ? 0 : 1;
    }
    QVERIFY(named > 0);
}

// The worker goes while who the users are is still on its way (a lost connection): the next
// worker is asked for it, nothing stays at "…", and the page is not left loading for good.
void TestGridModels::lookUpsLostWithTheirWorkerAreAskedAgain()
{
    // A worker that drops what is queued when it goes, as the session's do.
    auto worker = std::make_unique<DbWorker>(m_db->connectionName(), nullptr, DbWorker::Stop::Interrupt);
    TokensModel model(m_db->db(), [] { return Now; });
    model.setWorker(worker.get());
    model.refresh();
    model.index(0, 0).data();
    WorkerGate gate(*worker); // the look-ups wait behind it
    QVERIFY(QTest::qWaitFor([&] { return model.hasCounts() && !model.isLoading() && model.idAt(0) > 0; }, 15000));
    QVERIFY(model.isLookingUp());
    // Gone while the gate still holds it (released from another thread once the worker is
    // stopping): the look-ups queued behind never run.
    std::thread releaser([&gate] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        gate.release();
    });
    worker.reset();
    releaser.join();
    QVERIFY(!model.isLookingUp()); // nothing is on its way: a screenshot does not wait for it
    DbWorker next(m_db->connectionName());
    model.setWorker(&next);
    QVERIFY(QTest::qWaitFor([&] { return !model.isLookingUp(); }, 15000));
    TokensModel inlineModel(m_db->db(), [] { return Now; });
    inlineModel.refresh();
    for (int row = 0; row < 10; ++row)
        QCOMPARE(model.index(row, TokensModel::IdentityColumn).data().toString(),
            inlineModel.index(row, TokensModel::IdentityColumn).data().toString());
}

void TestGridModels::userCodeMustBeTrongatesAndUnique()
{
    UsersModel model(m_db->db(), [] { return Now; });
    model.refresh();
    QSignalSpy refused(&model, &GridModel::validationFailed);
    QVERIFY(!model.setData(model.index(0, UsersModel::CodeColumn), QStringLiteral("too-short")));
    QVERIFY(!model.setData(
        model.index(0, UsersModel::CodeColumn), QString(32, QLatin1Char('l')))); // 'l' is not in the alphabet
    const QString other = model.index(1, UsersModel::CodeColumn).data().toString();
    QVERIFY(!model.setData(model.index(0, UsersModel::CodeColumn), other));
    QVERIFY(refused.last().first().toString().contains(QLatin1String("unique")));
    QCOMPARE(refused.size(), 3);
    const QString fresh = QString(32, QLatin1Char('a'));
    QVERIFY(model.setData(model.index(0, UsersModel::CodeColumn), fresh));
    // The same fresh code on a second row is refused although it is not saved yet.
    QVERIFY(!model.setData(model.index(2, UsersModel::CodeColumn), fresh));
    QVERIFY(!model.setData(model.index(0, UsersModel::LevelColumn), 77));
    QVERIFY(model.setData(model.index(0, UsersModel::LevelColumn), 3));
    QVERIFY(model.submitAll().ok);
    QCOMPARE(scalar(QStringLiteral("SELECT user_level_id FROM trongate_users WHERE id = 1")), 3);
}

void TestGridModels::deletingUsersDeletesTheirTokensByDefault()
{
    UsersModel model(m_db->db(), [] { return Now; });
    model.refresh();
    const qint64 tokens1 = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 1"));
    const qint64 tokens2 = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 2"));
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens"));
    model.setDeleteTokensWithUsers({ 2 }, false);
    model.markDeleted({ 0, 1 });
    QVERIFY(model.submitAll().ok);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE id IN (1, 2)")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 1")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 2")), tokens2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), before - tokens1);
}

void TestGridModels::tokensAreMaskedAndOrphansShown()
{
    TokensModel model(m_db->db(), [] { return Now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QCOMPARE(model.rowCount(), 120);
    const QString masked = model.index(0, TokensModel::TokenColumn).data().toString();
    QCOMPARE(masked.size(), 7);
    QVERIFY(masked.endsWith(QStringLiteral("…")));
    QCOMPARE(model.tokenAt(0).left(6), masked.left(6));
    model.setRevealed({ model.idAt(0) }, true);
    QCOMPARE(model.index(0, TokensModel::TokenColumn).data().toString(), model.tokenAt(0));

    // The demo's orphans (rows 4-6, users deleted) and its token without expiry are shown and marked.
    int orphans = 0;
    int noExpiry = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString status = model.index(row, TokensModel::StatusColumn).data().toString();
        orphans += status.contains(QLatin1String("orphan"))
            && model.index(row, TokensModel::StatusColumn)
                   .data(Qt::ToolTipRole)
                   .toString()
                   .contains(QLatin1String("user row missing"));
        noExpiry += status == QLatin1String("no expiry");
    }
    QCOMPARE(orphans, 3);
    QCOMPARE(noExpiry, 1);
    QCOMPARE(model.index(2, TokensModel::ExpiryColumn).data().toString(), QStringLiteral("never (NULL)"));
    QCOMPARE(model.index(0, TokensModel::ExpiresInColumn).data().toString(), QStringLiteral("in 2 min 00 s"));
}

void TestGridModels::tokensSortAndFilterInTheDatabase()
{
    TokensModel model(m_db->db(), [] { return Now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    model.sort(TokensModel::ExpiryColumn, Qt::DescendingOrder);
    const qint64 maxExpiry = scalar(QStringLiteral("SELECT MAX(expiry_date) FROM trongate_tokens"));
    QCOMPARE(model.value(0, QStringLiteral("expiry_date")).toLongLong(), maxExpiry);
    qint64 previous = maxExpiry;
    for (int row = 1; row < 100; ++row) {
        const QVariant e = model.value(row, QStringLiteral("expiry_date"));
        if (e.isNull())
            continue;
        QVERIFY(e.toLongLong() <= previous);
        previous = e.toLongLong();
    }

    // By the user's code, as support staff would paste it.
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral(
                "SELECT u.code, COUNT(*) FROM trongate_tokens t JOIN trongate_users u ON u.id = t.user_id "
                "GROUP BY u.code ORDER BY COUNT(*) DESC"))
        && q.next());
    const QString code = q.value(0).toString();
    const qint64 count = q.value(1).toLongLong();
    model.setFilter(code.left(12));
    QCOMPARE(model.filteredCount(), count);
    QCOMPARE(model.totalCount(), 120);
    model.setFilter(QStringLiteral("no-such-thing"));
    QCOMPARE(model.rowCount(), 0);
    model.setFilter(QString());
    QCOMPARE(model.rowCount(), 120);
}

void TestGridModels::expiryPast2038IsRefused()
{
    TokensModel model(m_db->db(), [] { return Now; });
    model.refresh();
    QSignalSpy refused(&model, &GridModel::validationFailed);
    const QDateTime after2038 = QDateTime(QDate(2038, 1, 19), QTime(3, 14, 8), Qt::UTC);
    QVERIFY(!model.setData(model.index(0, TokensModel::ExpiryColumn), after2038));
    QVERIFY(refused.last().first().toString().contains(QLatin1String("2038-01-19 03:14:07 UTC")));
    QVERIFY(model.setData(model.index(0, TokensModel::ExpiryColumn), after2038.addSecs(-1)));
    QVERIFY(!model.setData(model.index(0, TokensModel::CodeColumn), QStringLiteral("abcd")));
    QVERIFY(model.submitAll().ok);
    QCOMPARE(scalar(QStringLiteral("SELECT MAX(expiry_date) FROM trongate_tokens")), 2147483647);
}

void TestGridModels::concurrentChangeIsAConflictNotAnOverwrite()
{
    TokensModel model(m_db->db(), [] { return Now; });
    model.refresh();
    const qint64 id = model.idAt(10);
    QVERIFY(model.setData(model.index(10, TokensModel::CodeColumn), QStringLiteral("me")));
    QVERIFY(model.setData(model.index(11, TokensModel::CodeColumn), QStringLiteral("ok")));

    // Another admin (or the PHP app) changes the same row meanwhile.
    const QString other = m_db->openSecondConnection();
    QVERIFY(!other.isEmpty());
    {
        QSqlQuery q(QSqlDatabase::database(other, false));
        QVERIFY(q.prepare(QStringLiteral("UPDATE trongate_tokens SET expiry_date = ? WHERE id = ?")));
        q.addBindValue(Now + 777);
        q.addBindValue(id);
        QVERIFY(q.exec());
    }
    GridModel::SaveResult r = model.submitAll();
    QVERIFY(!r.ok);
    QCOMPARE(r.conflicts.size(), 1);
    QCOMPARE(r.conflicts.first().id, id);
    QVERIFY(!r.conflicts.first().deletedElsewhere);
    QCOMPARE(r.conflicts.first().current.value(2).toLongLong(), Now + 777); // theirs
    QCOMPARE(r.conflicts.first().mine.value(3).toString(), QStringLiteral("me")); // mine
    // Nothing was written, not even the row without a conflict; both edits are still there.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE code IN ('me', 'ok')")), 0);
    QCOMPARE(model.pendingCount(), 2);

    // Knowingly taking their version as the base, then saving, keeps their expiry and my code.
    model.rebaseOnCurrent(r.conflicts);
    r = model.submitAll();
    QVERIFY2(r.ok, qPrintable(r.error));
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT code, expiry_date FROM trongate_tokens WHERE id = %1").arg(id)) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("me"));
    QCOMPARE(q.value(1).toLongLong(), Now + 777);
}

void TestGridModels::concurrentDeleteIsAConflict()
{
    UsersModel model(m_db->db(), [] { return Now; });
    model.refresh();
    const qint64 id = model.idAt(5);
    QVERIFY(model.setData(model.index(5, UsersModel::LevelColumn), 4));
    const QString other = m_db->openSecondConnection();
    {
        QSqlQuery q(QSqlDatabase::database(other, false));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM trongate_users WHERE id = %1").arg(id)));
    }
    const GridModel::SaveResult r = model.submitAll();
    QVERIFY(!r.ok);
    QCOMPARE(r.conflicts.size(), 1);
    QVERIFY(r.conflicts.first().deletedElsewhere);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE id = %1").arg(id)), 0);
}

void TestGridModels::pagesAreFetchedOnDemandAndBounded()
{
    DemoDatabase::Options o;
    QString error;
    // 5,000 more tokens, so that the grid needs many pages.
    QSqlDatabase db = m_db->db();
    addTokens(5000, QStringLiteral("bulk-"));
    TokensModel model(db, [] { return Now; });
    model.refresh();
    QCOMPARE(model.rowCount(), 5120);
    QCOMPARE(model.cachedRowCount(), 0); // counting loads no rows
    QVERIFY(!model.index(0, TokensModel::TokenColumn).data().toString().isEmpty());
    QVERIFY(model.cachedRowCount() <= 128);
    QCOMPARE(model.value(5119, QStringLiteral("token")).toString(), QStringLiteral("bulk-4999"));
    for (int row = 0; row < model.rowCount(); row += 50)
        QVERIFY(model.idAt(row) > 0);
    QVERIFY2(model.cachedRowCount() <= 24 * 128, qPrintable(QString::number(model.cachedRowCount())));
}

void TestGridModels::pagesReadFromTheEndKeepTheOrder_data()
{
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("sql");
    QTest::addRow("by expiry, ascending") << int(Qt::AscendingOrder)
                                          << QStringLiteral("ORDER BY expiry_date ASC, id ASC");
    QTest::addRow("by expiry, descending") << int(Qt::DescendingOrder)
                                           << QStringLiteral("ORDER BY expiry_date DESC, id DESC");
}

// Pages in the second half are read from the end (reversed order, reversed back): every row must
// still be where one ordered query puts it, equal expiries included, the short last page too.
void TestGridModels::pagesReadFromTheEndKeepTheOrder()
{
    QFETCH(int, order);
    QFETCH(QString, sql);
    QSqlDatabase db = m_db->db();
    // Many equal expiries: the id must break the ties.
    addTokens(1000, QStringLiteral("order"), [](int i) { return QVariant(Now + (i % 7) * 60); });
    QList<qint64> expected;
    QSqlQuery all(db);
    QVERIFY(all.exec(QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date IS NOT NULL OR expiry_date IS NULL ") + sql));
    while (all.next())
        expected << all.value(0).toLongLong();
    TokensModel model(db, [] { return Now; });
    model.refresh();
    model.sort(TokensModel::ExpiryColumn, Qt::SortOrder(order));
    QCOMPARE(model.rowCount(), int(expected.size()));
    // From the end first (as a jump to the end does), then everything.
    for (int row = model.rowCount() - 1; row >= 0; --row)
        QCOMPARE(model.idAt(row), expected.at(row));
}

void TestGridModels::nextPageFollowsOnFromTheRowsShown_data()
{
    QTest::addColumn<int>("order");
    QTest::addRow("by expiry, ascending") << int(Qt::AscendingOrder);
    QTest::addRow("by expiry, descending") << int(Qt::DescendingOrder);
}

// Scrolling on reads each page from the last row of the one before (keyset paging), not by its
// OFFSET: the rows are those of one ordered query, NULL expiries and ties included, and when the
// PHP app deletes rows above meanwhile, the next page still starts right after the last row on
// screen; by OFFSET it would skip as many rows as were deleted. Scrolling back up from a jump to
// the end does the same in the other direction.
void TestGridModels::nextPageFollowsOnFromTheRowsShown()
{
    QFETCH(int, order);
    const Qt::SortOrder sortOrder = Qt::SortOrder(order);
    QSqlDatabase db = m_db->db();
    // Many equal expiries, and one token in nine with none (Trongate's column allows NULL).
    addTokens(600, QStringLiteral("walk-"), [](int i) {
        return i % 9 == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(Now + (i % 5) * 60);
    });
    const QString dir = sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    // The server's own order (NULLs where it puts them: PostgreSQL after the values, the others before).
    const auto ordered = [&] {
        QList<qint64> ids;
        QSqlQuery all(db);
        if (!all.exec(QStringLiteral("SELECT id FROM trongate_tokens ORDER BY expiry_date%1, id%1").arg(dir)))
            return ids;
        while (all.next())
            ids << all.value(0).toLongLong();
        return ids;
    };
    QList<qint64> expected = ordered();
    QVERIFY(expected.size() > 5 * 128);

    TokensModel model(db, [] { return Now; });
    model.refresh();
    model.sort(TokensModel::ExpiryColumn, sortOrder);
    QCOMPARE(model.rowCount(), int(expected.size()));
    // The first two pages, as a person scrolling down sees them.
    for (int row = 0; row < 2 * 128; ++row)
        QCOMPARE(model.idAt(row), expected.at(row));

    // The app deletes five tokens shown on the first page.
    QList<qint64> gone;
    for (int row = 10; row < 15; ++row)
        gone << expected.at(row);
    for (qint64 id : gone)
        TG_EXEC(db, QStringLiteral("DELETE FROM trongate_tokens WHERE id = %1").arg(id));
    // The third page starts right after the last row of the second: nothing skipped.
    const int keysetBefore = model.keysetReads();
    const QList<qint64> now = ordered();
    const int lastShown = int(now.indexOf(expected.at(2 * 128 - 1)));
    QVERIFY(lastShown > 0);
    for (int row = 2 * 128; row < 3 * 128; ++row)
        QCOMPARE(model.idAt(row), now.at(lastShown + 1 + (row - 2 * 128)));
    QCOMPARE(model.keysetReads(), keysetBefore + 1);

    // A jump to the end, then up: each page above from the first row of the one below.
    expected = now;
    model.refresh();
    QCOMPARE(model.rowCount(), int(expected.size()));
    const int offsetBefore = model.offsetReads();
    for (int row = model.rowCount() - 1; row >= 0; --row)
        QCOMPARE(model.idAt(row), expected.at(row));
    QCOMPARE(model.offsetReads(), offsetBefore + 1); // only the jump

    // Up again from the end, and the app deletes rows at the very top meanwhile: fewer rows are
    // left above the second page than the first page holds. That page is then read by its place,
    // with no row of it left blank.
    model.refresh();
    for (int row = model.rowCount() - 1; row >= 128; --row)
        QVERIFY(model.idAt(row) > 0);
    for (int row = 5; row < 8; ++row)
        TG_EXEC(db, QStringLiteral("DELETE FROM trongate_tokens WHERE id = %1").arg(expected.at(row)));
    const QList<qint64> fewer = ordered();
    for (int row = 127; row >= 0; --row)
        QCOMPARE(model.idAt(row), fewer.at(row));
}

// A jump of the scroll bar into the middle (no page beside it held) reads the page by its place:
// the page's ids first, then its rows (Dialect::rowsAtPlace). The rows are those of one ordered
// query, ties and NULL expiries included, filtered, from either end, and each row's user is read
// along as on any page.
void TestGridModels::aJumpShowsTheRowsAtItsPlace()
{
    QSqlDatabase db = m_db->db();
    addTokens(900, QStringLiteral("jump-"), [](int i) {
        return i % 7 == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(Now + (i % 4) * 60);
    });
    addTokens(50, QStringLiteral("other-"));
    for (const bool descending : { false, true }) {
        const QString dir = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
        QList<qint64> expected;
        QSqlQuery all(db);
        QVERIFY(all.exec(QStringLiteral("SELECT id FROM trongate_tokens WHERE token LIKE 'jump-%' ORDER BY expiry_date%1, id%1")
                             .arg(dir)));
        while (all.next())
            expected << all.value(0).toLongLong();
        QCOMPARE(expected.size(), 900);

        TokensModel inlineModel(db, [] { return Now; }); // every page read in order, from the top
        inlineModel.setFilter(QStringLiteral("jump-"), TokensModel::TokenColumn);
        inlineModel.sort(TokensModel::ExpiryColumn, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        TokensModel model(db, [] { return Now; });
        model.setFilter(QStringLiteral("jump-"), TokensModel::TokenColumn);
        model.sort(TokensModel::ExpiryColumn, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        QCOMPARE(model.rowCount(), 900);
        for (int row = 0; row < 900; ++row)
            inlineModel.idAt(row);
        // Page 2 (rows 256-383) is read from the start, page 5 (640-767) from the end, backwards.
        for (const int jump : { 300, 700 }) {
            const int offsetBefore = model.offsetReads();
            const int first = jump / 128 * 128;
            for (int row = first; row < first + 128; ++row) {
                QCOMPARE(model.idAt(row), expected.at(row));
                QCOMPARE(model.index(row, TokensModel::UserColumn).data(),
                    inlineModel.index(row, TokensModel::UserColumn).data());
                QCOMPARE(model.index(row, TokensModel::ExpiryColumn).data(),
                    inlineModel.index(row, TokensModel::ExpiryColumn).data());
            }
            QCOMPARE(model.offsetReads(), offsetBefore + 1);
        }
    }
}

// A big table (made "big" for the test with a low limit, the engine's estimate refreshed by
// ANALYZE) shows its first page while its count is still being made; the count then replaces the
// estimate, and the grid grows to the exact number of rows without losing the row a person is on.
void TestGridModels::bigTableShowsItsFirstPageBeforeItsCount()
{
    addTokens(1000, QStringLiteral("bulk-"));
    analyze();
    // An estimate that is off, as they are: SQLite's statistics do not know of rows added after
    // ANALYZE (the grid grows when the count comes); InnoDB's already counts rows another
    // connection has inserted but not committed (the grid shrinks).
    const bool sqlite = m_db->backend() == QLatin1String("sqlite");
    QString other;
    auto rollback = qScopeGuard([&other] {
        if (!other.isEmpty())
            QSqlDatabase::database(other, false).rollback();
    });
    if (sqlite) {
        addTokens(300, QStringLiteral("late"));
    } else {
        other = m_db->openSecondConnection();
        QSqlDatabase o = QSqlDatabase::database(other, false);
        QVERIFY(o.transaction());
        for (int i = 0; i < 300; ++i)
            TG_EXEC(o, QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) VALUES "
                                      "('uncommitted%1', 1, %2, '0')").arg(i).arg(Now));
    }
    const qint64 exact = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens"));
    const qint64 firstId = scalar(QStringLiteral("SELECT MIN(id) FROM trongate_tokens"));
    const qint64 lastId = scalar(QStringLiteral("SELECT MAX(id) FROM trongate_tokens"));
    DbWorker worker(m_db->connectionName());
    DbWorker counter(m_db->connectionName());
    TokensModel model(m_db->db(), [] { return Now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExactCountBelow(200);
    model.setWorker(&worker, &counter);
    WorkerGate gate(counter); // the count takes its time
    model.refresh();
    QVERIFY(QTest::qWaitFor([&] { return model.hasCounts(); }, 15000));
    QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));

    // The first page is there, the count is not: an estimate, said as one.
    QVERIFY(model.isCounting());
    QVERIFY(!model.isLoading());
    QCOMPARE(model.totalCertainty(), GridModel::Certainty::Estimated);
    QVERIFY2(sqlite ? model.totalCount() < exact : model.totalCount() > exact,
        qPrintable(QStringLiteral("estimate %1, exact %2").arg(model.totalCount()).arg(exact)));
    QCOMPARE(model.rowCount(), int(model.totalCount()));
    QCOMPARE(model.index(0, TokensModel::IdColumn).data().toLongLong(), firstId);
    const QPersistentModelIndex onRow(model.index(5, TokensModel::IdColumn));
    const qint64 idOnRow = onRow.data().toLongLong();
    // Rows further down wait for the count (it says from which end to read them).
    QCOMPARE(model.index(model.rowCount() - 1, TokensModel::IdColumn).data().toString(), QStringLiteral("…"));
    QVERIFY(model.isLoading());

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    gate.release();
    QVERIFY(QTest::qWaitFor([&] { return !model.isCounting() && !model.isLoading(); }, 15000));
    QCOMPARE(model.totalCertainty(), GridModel::Certainty::Exact);
    QCOMPARE(model.countCertainty(), GridModel::Certainty::Exact);
    QCOMPARE(model.totalCount(), exact);
    QCOMPARE(model.rowCount(), int(exact));
    // The grid grew or shrank at its end: no reset, the row a person is on stays where it was.
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), sqlite ? 1 : 0);
    QCOMPARE(removed.size(), sqlite ? 0 : 1);
    QVERIFY(onRow.isValid());
    QCOMPARE(onRow.row(), 5);
    QCOMPARE(onRow.data().toLongLong(), idOnRow);
    // The last row, read now that the count is known, is the last token.
    QVERIFY(QTest::qWaitFor(
        [&] { return model.index(model.rowCount() - 1, TokensModel::IdColumn).data().toLongLong() == lastId; },
        15000));
}

// With a filter there is no estimate of the matches: the first page shows, the grid is as long as
// it, and the exact count of matches (then of all rows) follows.
void TestGridModels::filteredBigTableCountsAfterTheFirstPage()
{
    addTokens(1000, QStringLiteral("bulk-"));
    analyze();
    const qint64 matching = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE token LIKE '%bulk-%'"));
    const qint64 all = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens"));
    DbWorker worker(m_db->connectionName());
    DbWorker counter(m_db->connectionName());
    TokensModel model(m_db->db(), [] { return Now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExactCountBelow(200);
    model.setWorker(&worker, &counter);
    WorkerGate gate(counter);
    model.setFilter(QStringLiteral("bulk-"), TokensModel::TokenColumn);
    QVERIFY(QTest::qWaitFor([&] { return model.hasCounts() && !model.isLoading(); }, 15000));
    QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
    QVERIFY(model.isFiltered());
    QCOMPARE(model.countCertainty(), GridModel::Certainty::Unknown);
    QCOMPARE(model.rowCount(), 128); // the first page
    QVERIFY(model.index(0, TokensModel::TokenColumn).data(GridModel::RawValueRole).toString().startsWith(
        QLatin1String("bulk-")));

    gate.release();
    QVERIFY(QTest::qWaitFor([&] { return !model.isCounting(); }, 15000));
    QCOMPARE(model.countCertainty(), GridModel::Certainty::Exact);
    QCOMPARE(model.totalCertainty(), GridModel::Certainty::Exact);
    QCOMPARE(model.filteredCount(), matching);
    QCOMPARE(model.totalCount(), all);
    QCOMPARE(model.rowCount(), int(matching));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return model.index(model.rowCount() - 1, TokensModel::TokenColumn)
                       .data(GridModel::RawValueRole)
                       .toString()
                       .startsWith(QLatin1String("bulk-"));
        },
        15000));
}

// A filter whose matches fit on the first page: that page is the count; only the total follows.
void TestGridModels::fewMatchesNeedNoCount()
{
    addTokens(1000, QStringLiteral("bulk-"));
    analyze();
    DbWorker worker(m_db->connectionName());
    DbWorker counter(m_db->connectionName());
    TokensModel model(m_db->db(), [] { return Now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExactCountBelow(200);
    model.setWorker(&worker, &counter);
    WorkerGate gate(counter);
    model.setFilter(QStringLiteral("bulk-99"), TokensModel::TokenColumn); // bulk-99, bulk-990 ... bulk-999
    QVERIFY(QTest::qWaitFor([&] { return model.hasCounts() && !model.isLoading(); }, 15000));
    QCOMPARE(model.countCertainty(), GridModel::Certainty::Exact);
    QCOMPARE(model.filteredCount(), 11);
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.totalCertainty(), GridModel::Certainty::Estimated);
    gate.release();
    QVERIFY(QTest::qWaitFor([&] { return !model.isCounting(); }, 15000));
    QCOMPARE(model.totalCertainty(), GridModel::Certainty::Exact);
    QCOMPARE(model.totalCount(), scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")));
    QCOMPARE(model.filteredCount(), 11);
}

// Under the limit the count and the first page come in one read, as before: no second trip.
void TestGridModels::smallTableIsCountedInTheSameRead()
{
    addTokens(1000, QStringLiteral("bulk-"));
    analyze();
    DbWorker worker(m_db->connectionName());
    DbWorker counter(m_db->connectionName());
    TokensModel model(m_db->db(), [] { return Now; });
    model.setExactCountBelow(50'000);
    model.setWorker(&worker, &counter);
    model.refresh();
    QVERIFY(QTest::qWaitFor([&] { return model.hasCounts() && !model.isLoading(); }, 15000));
    QCOMPARE(model.totalCertainty(), GridModel::Certainty::Exact);
    QCOMPARE(model.totalCount(), scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")));
    QVERIFY(!model.isCounting());
    QCOMPARE(counter.pending(), 0);
}

QTEST_MAIN(TestGridModels)
#include "TestGridModels.moc"
