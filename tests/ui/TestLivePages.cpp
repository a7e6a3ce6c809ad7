#include "ActivityPage.h"
#include "AppSettings.h"
#include "audit/AuditLog.h"
#include "connection/DatabaseSession.h"
#include "schema/DemoDatabase.h"
#include "ExpiryPage.h"
#include "InspectorDialog.h"
#include "IssueTokenDialog.h"
#include "ScriptedPrompter.h"
#include "TestDatabase.h"
#include "TimelineWidget.h"
#include "TokenActions.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include "sql/SqlDialect.h"
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QListWidget>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QFontMetrics>
#include <QHeaderView>
#include <QScopeGuard>

#include "WorkerGate.h"
#include "connection/DbWorker.h"
#include <QTranslator>
#include <QAbstractButton>
#include <QTest>

#include <atomic>
#include <memory>

// The live expiry page, the token dialogs and the activity log as support staff use them, with a
// fake clock, on SQLite and a real MariaDB server.
class TestLivePages final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup();
    void externalInsertShowsWithinOneTick();
    void everyWritePatternShowsWithinTwoPolls_data();
    void everyWritePatternShowsWithinTwoPolls();
    void ownRevokeAndIssueShowTheNewCount();
    void deferredRecountIsSaidOnThePage();
    void pauseFreezesTheList();
    void autoPurgeKeepsTokensExpiringNow();
    void missingIndexIsSaidAndPointsToTheDoctor();
    void clickingATimelineSliceFiltersTheList();
    void timelineRefreshesOffTheMainThread();
    void userFilterShowsOneUsersTokens();
    void aSecondFilterReplacesTheFirstWhileItLoads();
    void selectingAllReachesRowsNeverShown();
    void aFilterThatCannotBeReadSaysSo();
    void issueDialogIssuesInOneGoAndShowsTokensOnce();
    void issueDialogRefusesThePast();
    void issueDialogShowsTheExpiryOfTheChosenLifetime();
    void inspectorSaysWhatTrongateWouldDecide();
    void activityLogHoldsFingerprintsOnly();
    void questionsNameThePerson();
    void activityIsShownInTheReadersLanguage();
    void germanTimeLeftFitsItsColumn();
    void aBigTablesFirstScreenComesBeforeItsCounts();

private:
    void insert(qint64 user, qint64 expiry, const QString &token, const QString &connection = {});
    qint64 scalar(const QString &sql);
    std::unique_ptr<ExpiryPage> makeExpiryPage(bool hasIndex = false, const ExpiryReadBudget::Options &budget = {});
    QString disagreement(ExpiryPage *page);

    static constexpr qint64 Start = 1'900'000'000;
    qint64 m_now = Start;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AppSettings> m_app;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<DatabaseSession> m_session;
    std::unique_ptr<TokenActions> m_actions;
    ScriptedPrompter m_prompter;
};

void TestLivePages::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_now = Start;
    DemoDatabase::Options o;
    o.users = 30;
    o.tokens = 120;
    o.now = Start;
    o.seed = 11;
    QString problem;
    m_db = TestDatabase::createSeeded(backend, o, &problem);
    TG_REQUIRE(m_db, problem);
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    m_app = std::make_unique<AppSettings>(*m_settings);
    m_audit = std::make_unique<AuditLog>(m_dir->filePath(QStringLiteral("activity.jsonl")));
    m_session = std::make_unique<DatabaseSession>();
    const ConnectResult r = m_session->open(m_db->profile(), m_db->password());
    QVERIFY2(r.ok(), qPrintable(r.message));
    m_prompter = ScriptedPrompter();
    m_actions = std::make_unique<TokenActions>(*m_session, m_prompter, *m_audit, [this] { return m_now; });
}

void TestLivePages::cleanup()
{
    m_actions.reset();
    m_session.reset();
    m_audit.reset();
    m_app.reset();
    m_settings.reset();
    m_dir.reset();
    m_db.reset();
}

void TestLivePages::insert(qint64 user, qint64 expiry, const QString &token, const QString &connection)
{
    QSqlQuery q(connection.isEmpty() ? m_db->db() : QSqlDatabase::database(connection, false));
    QVERIFY(q.prepare(
        QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) VALUES (?, ?, ?, '0')")));
    q.addBindValue(token);
    q.addBindValue(user);
    q.addBindValue(expiry);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
}

qint64 TestLivePages::scalar(const QString &sql)
{
    QSqlQuery q(m_db->db());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

std::unique_ptr<ExpiryPage> TestLivePages::makeExpiryPage(bool hasIndex, const ExpiryReadBudget::Options &budget)
{
    auto page = std::make_unique<ExpiryPage>(m_prompter, *m_app);
    page->setReadBudget(budget);
    page->resize(1100, 700);
    page->show();
    page->setDatabase(
        m_session->database(), m_actions.get(), [this] { return m_now; }, hasIndex);
    // The first screen comes from the poller's thread.
    QTest::qWaitFor([&page] { return !page->isLoading(); }, 15000);
    QCoreApplication::processEvents();
    return page;
}

// What the page shows against what the table holds: the count, every visible row in its place, no
// blank row, the timeline's total. Empty when they agree.
QString TestLivePages::disagreement(ExpiryPage *page)
{
    const qint64 count = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL"));
    ExpiryModel *model = page->model();
    if (model->count() != count || model->rowCount() != count)
        return QStringLiteral("the page shows %1 tokens, the table holds %2").arg(model->count()).arg(count);
    if (page->timeline()->slices().total() != count)
        return QStringLiteral("the timeline adds up to %1, the table holds %2")
            .arg(page->timeline()->slices().total())
            .arg(count);
    QTableView *view = page->view();
    const int first = std::max(0, view->rowAt(0));
    int last = view->rowAt(view->viewport()->height() - 1);
    if (last < 0)
        last = model->rowCount() - 1;
    QSqlQuery q(m_db->db());
    if (!q.exec(QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date IS NOT NULL ORDER BY expiry_date, id "
                               "LIMIT %1 OFFSET %2")
                    .arg(last - first + 1)
                    .arg(first)))
        return q.lastError().text();
    for (int r = first; r <= last; ++r) {
        const QVariant shown = model->index(r, ExpiryModel::IdColumn).data();
        if (shown.isNull())
            return QStringLiteral("row %1 is blank").arg(r);
        if (!q.next() || q.value(0).toLongLong() != shown.toLongLong())
            return QStringLiteral("row %1 shows token id %2, the table has another there").arg(r).arg(shown.toLongLong());
    }
    return {};
}

void TestLivePages::everyWritePatternShowsWithinTwoPolls_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addRow("two requests commit out of id order") << QStringLiteral("out-of-order");
    QTest::addRow("1,500 tokens issued in one transaction") << QStringLiteral("bulk");
    QTest::addRow("1,100 tokens deleted far below the screen") << QStringLiteral("delete-below");
    QTest::addRow("Trongate's purge (expiry_date < now)") << QStringLiteral("purge");
    QTest::addRow("another admin extends a visible token") << QStringLiteral("extend");
    QTest::addRow("another admin regenerates a visible token") << QStringLiteral("regenerate");
    QTest::addRow("a token off screen moves above it") << QStringLiteral("update-off-screen");
}

void TestLivePages::everyWritePatternShowsWithinTwoPolls()
{
    QFETCH_GLOBAL(QString, backend);
    QFETCH(QString, pattern);
    const QString other = m_db->openSecondConnection();
    const QString third = m_db->openSecondConnection();
    QSqlDatabase second = QSqlDatabase::database(other, false);
    auto bulk = [&](int n, qint64 expiryFrom, const QString &prefix) {
        QVERIFY(second.transaction());
        for (int i = 0; i < n; ++i)
            insert(1 + i % 20, expiryFrom + i, prefix + QString::number(i), other);
        QVERIFY(second.commit());
    };
    if (pattern == QLatin1String("delete-below"))
        bulk(1500, Start + 30 * 86400, QStringLiteral("far-"));
    auto page = makeExpiryPage(true);
    QTRY_VERIFY_WITH_TIMEOUT(page->pollsApplied() > 0, 5000);
    QVERIFY2(disagreement(page.get()).isEmpty(), qPrintable(disagreement(page.get())));
    // The person reads the list from "now" on (the expired backlog above) and has selected a row.
    QTableView *view = page->view();
    view->verticalScrollBar()->setValue(page->model()->rowOfNow());
    const int top = std::max(0, view->rowAt(0));
    QVERIFY(top > 0);
    QVERIFY(page->model()->index(top, 0).data(ExpiryModel::ExpiryRole).toLongLong() >= Start);
    const int selectedRow = top + 2;
    view->selectionModel()->setCurrentIndex(
        page->model()->index(selectedRow, 0), QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);
    const qint64 selectedId = page->model()->idAt(selectedRow);
    const qint64 topId = page->model()->idAt(top);
    const qint64 victim = page->model()->idAt(top + 4); // a visible row that is not the selected one
    QSqlQuery q(second);
    const qint64 polls = page->pollsApplied();

    if (pattern == QLatin1String("out-of-order")) {
        if (backend == QLatin1String("sqlite")) {
            // One writer at a time in SQLite: a row committed below the newest id looks the same.
            const qint64 low = scalar(QStringLiteral("SELECT MIN(id) FROM trongate_tokens WHERE expiry_date < %1").arg(Start));
            TG_EXEC(second, QStringLiteral("DELETE FROM trongate_tokens WHERE id = %1").arg(low));
            QTRY_VERIFY_WITH_TIMEOUT(page->pollsApplied() > polls + 1, 5000);
            TG_EXEC(second, QStringLiteral("INSERT INTO trongate_tokens (id, token, user_id, expiry_date, code) VALUES "
                                           "(%1, 'late-lower-id', 3, %2, '0')")
                                .arg(low)
                                .arg(Start + 600));
        } else {
            // Request A takes the lower id and commits second, after the page has seen B's.
            QVERIFY(second.transaction());
            insert(3, Start + 600, QStringLiteral("request-a-lower-id"), other);
            insert(4, Start + 700, QStringLiteral("request-b-higher-id"), third);
            QTRY_VERIFY_WITH_TIMEOUT(disagreement(page.get()).isEmpty(), 2500);
            QVERIFY(second.commit());
        }
    } else if (pattern == QLatin1String("bulk")) {
        bulk(1500, Start + 400, QStringLiteral("bulk-"));
    } else if (pattern == QLatin1String("delete-below")) {
        TG_EXEC(second, QStringLiteral("DELETE FROM trongate_tokens WHERE token LIKE 'far-%' AND expiry_date >= %1")
                            .arg(Start + 30 * 86400 + 400));
    } else if (pattern == QLatin1String("purge")) {
        TG_EXEC(second, QStringLiteral("DELETE FROM trongate_tokens WHERE expiry_date < %1").arg(Start));
    } else if (pattern == QLatin1String("extend")) {
        TG_EXEC(second, QStringLiteral("UPDATE trongate_tokens SET expiry_date = %1 WHERE id = %2").arg(Start + 9 * 86400).arg(victim));
    } else if (pattern == QLatin1String("regenerate")) {
        TG_EXEC(second, QStringLiteral("UPDATE trongate_tokens SET token = 'Regenerated4u', expiry_date = %1 WHERE id = %2")
                            .arg(page->model()->index(top + 4, 0).data(ExpiryModel::ExpiryRole).toLongLong())
                            .arg(victim));
    } else if (pattern == QLatin1String("update-off-screen")) {
        const qint64 lastId = page->model()->idAt(page->model()->rowCount() - 1);
        TG_EXEC(second, QStringLiteral("UPDATE trongate_tokens SET expiry_date = %1 WHERE id = %2").arg(Start - 50).arg(lastId));
    }
    // Two poll periods of the page's one-second timer, and a little for a loaded machine; at least
    // one poll applied since the write (rows read on demand alone could agree with the table).
    const int pollsAfterWrite = page->pollsApplied();
    QTRY_VERIFY2_WITH_TIMEOUT(page->pollsApplied() > pollsAfterWrite && disagreement(page.get()).isEmpty(),
        qPrintable(disagreement(page.get())), 2500);
    if (pattern == QLatin1String("regenerate"))
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->tokenAt(page->model()->rowOfId(victim)) == QLatin1String("Regenerated4u"), 2500);
    // The person's place: the selection on the same token, the same token at the top of the screen.
    QCOMPARE(page->model()->idAt(view->selectionModel()->currentIndex().row()), selectedId);
    QCOMPARE(page->model()->idAt(std::max(0, view->rowAt(0))), topId);
}

void TestLivePages::ownRevokeAndIssueShowTheNewCount()
{
    auto page = makeExpiryPage(true);
    QTRY_VERIFY_WITH_TIMEOUT(page->pollsApplied() > 0, 5000);
    QTableView *view = page->view();
    const int top = std::max(0, view->rowAt(0));
    view->selectionModel()->select(QItemSelection(page->model()->index(top + 1, 0), page->model()->index(top + 2, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_prompter.confirmAnswers.enqueue(true);
    page->findChild<QAction *>(QStringLiteral("revokeAction"))->trigger();
    // At once: no timer, no wait.
    const qint64 count = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL"));
    QCOMPARE(page->model()->count(), count);
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("countLabel"))->text(), QStringLiteral("%1 tokens").arg(count));
    // The timeline follows from the poller's forced read.
    QTRY_VERIFY2_WITH_TIMEOUT(disagreement(page.get()).isEmpty(), qPrintable(disagreement(page.get())), 1000);
    QVERIFY(m_actions->issue(nullptr, { 1, 2 }, Start + 300, QStringLiteral("0"), 3));
    // Issued from any page of the console: the live page asks its poller at once, without
    // waiting for its timer.
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->count(), count + 6, 1000);
    QTRY_VERIFY2_WITH_TIMEOUT(disagreement(page.get()).isEmpty(), qPrintable(disagreement(page.get())), 1000);
}

void TestLivePages::deferredRecountIsSaidOnThePage()
{
    // Every count "costs" 5 s, as at a few million rows: while tokens change, the page recounts at
    // most every 167 s of the poller's (fake) clock.
    auto clockMs = std::make_shared<std::atomic<qint64>>(0);
    ExpiryReadBudget::Options budget;
    budget.minimumCost = 5;
    budget.clockMs = [clockMs] { return clockMs->load(); };
    auto page = makeExpiryPage(true, budget);
    QTRY_VERIFY_WITH_TIMEOUT(page->pollsApplied() > 0, 5000);
    auto *label = page->findChild<QLabel *>(QStringLiteral("countLabel"));
    const qint64 count = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL"));
    QCOMPARE(label->text(), QStringLiteral("%1 tokens").arg(count));
    QVERIFY(page->timeline()->note().isEmpty());
    // The PHP app issues a token that expires in 20 days, far below the rows on screen.
    const QString other = m_db->openSecondConnection();
    insert(5, Start + 20 * 86400, QStringLiteral("far-below"), other);
    *clockMs += 3000;
    int polls = page->pollsApplied();
    page->tickNow();
    QTRY_VERIFY_WITH_TIMEOUT(page->pollsApplied() > polls, 5000);
    // Not a stale number shown as if counted: the page says it is not exact, and since when.
    QCOMPARE(label->text(), QStringLiteral("about %1 tokens (full count 3 s ago)").arg(count));
    QVERIFY(!page->model()->countExact());
    QCOMPARE(page->timeline()->note(), QStringLiteral("counted 3 s ago"));
    // Then the recount's turn comes, with nothing new written: exact again, everywhere.
    *clockMs += 200 * 1000;
    polls = page->pollsApplied();
    page->tickNow();
    QTRY_VERIFY_WITH_TIMEOUT(page->pollsApplied() > polls, 5000);
    QCOMPARE(label->text(), QStringLiteral("%1 tokens").arg(count + 1));
    QVERIFY(page->timeline()->note().isEmpty());
    QVERIFY2(disagreement(page.get()).isEmpty(), qPrintable(disagreement(page.get())));
}

void TestLivePages::externalInsertShowsWithinOneTick()
{
    auto page = makeExpiryPage();
    const qint64 before = page->model()->count();
    // The PHP application issues a token that expires in 90 s: it must show near the top.
    const QString other = m_db->openSecondConnection();
    insert(5, Start + 90, QStringLiteral("from-the-php-app"), other);
    page->tickNow(); // what the one-second timer does; the answer comes back from the poller
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->count(), before + 1, 2000);
    // Rows off the screen are read when looked at, on the poller's thread: each look asks for them.
    int row = -1;
    const auto find = [&page, &row] {
        for (int r = 0; r < page->model()->rowCount(); ++r)
            if (page->model()->tokenAt(r) == QLatin1String("from-the-php-app"))
                row = r;
        return row >= 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(find(), 5000);
    QCOMPARE(page->model()->index(row, ExpiryModel::TimeLeftColumn).data().toString(), QStringLiteral("1 min 30 s"));
    m_now += 1;
    page->tickNow();
    QCOMPARE(page->model()->index(row, ExpiryModel::TimeLeftColumn).data().toString(), QStringLiteral("1 min 29 s"));
}

void TestLivePages::pauseFreezesTheList()
{
    auto page = makeExpiryPage();
    const qint64 before = page->model()->count();
    page->setPaused(true);
    insert(5, Start + 500, QStringLiteral("while-paused"));
    page->tickNow();
    QCOMPARE(page->model()->count(), before);
    QTest::qWait(1200); // a whole timer period while paused: still nothing
    QCOMPARE(page->model()->count(), before);
    page->setPaused(false);
    page->tickNow();
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->count(), before + 1, 2000);
}

void TestLivePages::autoPurgeKeepsTokensExpiringNow()
{
    auto page = makeExpiryPage();
    // Purging goes by the database server's clock (Trongate's stand-in for the web server's), not
    // the page's fake one: the rows are placed around the server's time.
    const auto server = TokenService(m_db->db()).serverNow();
    QVERIFY(server);
    insert(5, *server + 5, QStringLiteral("expires-in-a-moment"));
    insert(5, *server - 1, QStringLiteral("expired-a-second-ago"));
    const qint64 expired
        = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date < %1").arg(*server));
    QVERIFY(expired >= 1);
    page->runAutoPurge();
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date < %1").arg(*server)), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE token = 'expires-in-a-moment'")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NULL")), 1);
    QVERIFY2(page->purgeStatus().contains(QString::number(expired)), qPrintable(page->purgeStatus()));
    const QList<AuditEntry> log = m_audit->last(5);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().action, QStringLiteral("purge"));
    QCOMPARE(log.first().count, expired);
    QVERIFY(m_prompter.asked.isEmpty()); // automatic: nobody is asked
}

void TestLivePages::missingIndexIsSaidAndPointsToTheDoctor()
{
    auto page = makeExpiryPage(false);
    QVERIFY(page->bannerText().contains(QLatin1String("no index on expiry_date")));
    QVERIFY(page->bannerText().contains(QLatin1String("schema doctor")));
    auto indexed = makeExpiryPage(true);
    QVERIFY(indexed->bannerText().isEmpty());
}

void TestLivePages::clickingATimelineSliceFiltersTheList()
{
    auto page = makeExpiryPage();
    TimelineWidget *t = page->timeline();
    int slice = -1;
    for (int i = 0; i < t->slices().counts.size(); ++i)
        if (t->slices().counts.at(i) > 0) {
            slice = i;
            break;
        }
    QVERIFY(slice >= 0);
    const qint64 expected = t->slices().counts.at(slice);
    QTest::mouseClick(t, Qt::LeftButton, {}, t->barRect(slice).center().toPoint());
    QVERIFY(page->isLoading()); // the slice's rows come from the poller's thread
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 10000);
    QCOMPARE(page->model()->count(), expected);
    const qint64 from = t->slices().start + slice * t->slices().sliceSeconds;
    for (int r = 0; r < page->model()->rowCount(); ++r) {
        const qint64 e = page->model()->index(r, 0).data(ExpiryModel::ExpiryRole).toLongLong();
        QVERIFY(e >= from && e < from + t->slices().sliceSeconds);
    }
}

void TestLivePages::userFilterShowsOneUsersTokens()
{
    auto page = makeExpiryPage();
    page->setUserFilter(7);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 10000);
    const qint64 expected
        = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 7 AND expiry_date IS NOT NULL"));
    QCOMPARE(page->model()->count(), expected);
    QCOMPARE(page->timeline()->slices().total(), expected);
    page->setUserFilter(0);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 10000);
    QVERIFY(page->model()->count() > expected);
}

void TestLivePages::aSecondFilterReplacesTheFirstWhileItLoads()
{
    auto page = makeExpiryPage(true);
    ExpiryModel *model = page->model();
    const auto idsOf = [this](const QString &where, const QVariantList &values) {
        QSet<qint64> ids;
        QSqlQuery q(m_db->db());
        if (Sql::exec(q, QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date IS NOT NULL AND ") + where, values))
            while (q.next())
                ids.insert(q.value(0).toLongLong());
        return ids;
    };
    const auto shownIds = [model] {
        QSet<qint64> ids;
        for (int r = 0; r < model->rowCount(); ++r)
            ids.insert(model->index(r, ExpiryModel::IdColumn).data().toLongLong());
        return ids;
    };
    // Everything the page counts from the second change on, loading or not.
    QList<qint64> counted;
    connect(model, &ExpiryModel::countChanged, this, [&counted](qint64 n) { counted << n; });

    // One user picked, then at once another: the first user's read is on its way when the second comes.
    page->setUserFilter(7);
    QVERIFY(page->isLoading());
    counted.clear();
    page->setUserFilter(12);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 10000);
    const QSet<qint64> twelve = idsOf(QStringLiteral("user_id = ?"), { 12 });
    QVERIFY(!twelve.isEmpty());
    QCOMPARE(model->count(), qint64(twelve.size()));
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(), twelve, 5000); // rows off the screen are read when looked at
    for (qint64 n : std::as_const(counted))
        QCOMPARE(n, qint64(twelve.size())); // never user 7's count, not even for a moment
    QCOMPARE(page->timeline()->slices().total(), qint64(twelve.size()));

    // The start of a token typed, then at once its owner picked: the text's users are resolved on
    // the poller's thread for the first read, which the second makes stale.
    page->setUserFilter(0);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 10000);
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT token, user_id FROM trongate_tokens WHERE expiry_date IS NOT NULL AND "
                                  "user_id <> 12 ORDER BY id LIMIT 1"))
        && q.next());
    const QString prefix = q.value(0).toString().left(8);
    const qint64 owner = q.value(1).toLongLong();
    auto *text = page->findChild<QLineEdit *>(QStringLiteral("textFilter"));
    page->setUserFilter(12);
    QTest::keyClicks(text, prefix);
    page->setUserFilter(owner); // before the typing's pause has passed: the text is part of it already
    counted.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && model->filter().text == prefix && model->filter().userId == owner, 10000);
    QTest::qWait(400); // the typing's pause: the same filter once more
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 10000);
    const QSet<qint64> expected
        = idsOf(QStringLiteral("user_id = ? AND token LIKE ?"), { owner, prefix + QLatin1Char('%') });
    QVERIFY(!expected.isEmpty());
    QCOMPARE(model->count(), qint64(expected.size()));
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(), expected, 5000);
    for (qint64 n : std::as_const(counted))
        QCOMPARE(n, qint64(expected.size()));
}

void TestLivePages::selectingAllReachesRowsNeverShown()
{
    auto page = makeExpiryPage(true);
    ExpiryModel *model = page->model();
    QVERIFY(model->cachedRowCount() < model->count()); // the expired backlog above was never shown
    QSet<qint64> all;
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date IS NOT NULL")));
    while (q.next())
        all.insert(q.value(0).toLongLong());
    page->view()->selectAll(); // Ctrl+A, then Revoke or Extend: every selected token, not the loaded ones
    const QList<qint64> ids = page->selectedIds();
    QCOMPARE(ids.size(), all.size());
    QCOMPARE(QSet<qint64>(ids.begin(), ids.end()), all);
}

void TestLivePages::aFilterThatCannotBeReadSaysSo()
{
    auto page = makeExpiryPage(true);
    auto *label = page->findChild<QLabel *>(QStringLiteral("countLabel"));
    // The users table goes away under the page (another admin's migration, say): a text filter
    // looks into it, so its read fails.
    TG_EXEC(m_db->db(), QStringLiteral("ALTER TABLE trongate_users RENAME TO trongate_users_away"));
    auto restore = qScopeGuard([this] {
        QSqlQuery q(m_db->db());
        q.exec(QStringLiteral("ALTER TABLE trongate_users_away RENAME TO trongate_users"));
    });
    page->findChild<QLineEdit *>(QStringLiteral("textFilter"))->setText(QStringLiteral("abc"));
    QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(QLatin1String("The tokens could not be read: ")), 10000);
    QVERIFY2(label->text().contains(QLatin1String("trongate_users")), qPrintable(label->text()));
    QCOMPARE(page->model()->rowCount(), 0);
    // Back again: the page's next look finds the rows without being asked.
    restore.dismiss();
    TG_EXEC(m_db->db(), QStringLiteral("ALTER TABLE trongate_users_away RENAME TO trongate_users"));
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 10000);
    QCOMPARE(label->text(), ExpiryPage::tr("%Ln token(s)", nullptr, int(page->model()->count())));
    QCOMPARE(page->model()->filter().text, QStringLiteral("abc"));
}

void TestLivePages::timelineRefreshesOffTheMainThread()
{
    auto page = makeExpiryPage();
    const qint64 before = page->timeline()->slices().total();
    insert(6, Start + 60, QStringLiteral("timeline-1"));
    insert(6, Start + 61, QStringLiteral("timeline-2"));
    page->refreshTimelineInBackground();
    QTRY_COMPARE_WITH_TIMEOUT(page->timeline()->slices().total(), before + 2, 10000);
}

void TestLivePages::issueDialogIssuesInOneGoAndShowsTokensOnce()
{
    IssueTokenDialog dialog(*m_actions, { 1, 2 }, 30);
    dialog.setLifetimePreset(3600);
    dialog.setCount(2);
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens"));
    QVERIFY2(dialog.issue(), qPrintable(dialog.message()));
    QCOMPARE(dialog.issued().size(), 4);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), before + 4);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date = %1 AND code = '0'")
                        .arg(Start + 3600)),
        4);
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("resultTable"));
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->item(0, 2)->text(), dialog.issued().first().token); // in full, once
    QCOMPARE(table->item(0, 2)->text().size(), 32);
    QVERIFY(IssueTokenDialog::curlExample(QStringLiteral("abc")).contains(QLatin1String("trongateToken: abc")));
}

void TestLivePages::issueDialogShowsTheExpiryOfTheChosenLifetime()
{
    IssueTokenDialog dialog(*m_actions, { 1 }, 30);
    auto *lifetime = dialog.findChild<QComboBox *>(QStringLiteral("lifetimeCombo"));
    auto *exact = dialog.findChild<QDateTimeEdit *>(QStringLiteral("exactExpiry"));
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY(lifetime && exact && message);
    // Opens on Trongate's 24 h: "Expires at" says now + 24 h.
    QCOMPARE(exact->dateTime(), QDateTime::fromSecsSinceEpoch(Start + 86400));
    lifetime->setCurrentIndex(lifetime->findData(7 * 86400));
    QCOMPARE(exact->dateTime(), QDateTime::fromSecsSinceEpoch(Start + 7 * 86400));
    lifetime->setCurrentIndex(lifetime->findData(900));
    QCOMPARE(exact->dateTime(), QDateTime::fromSecsSinceEpoch(Start + 900));

    // A time in the past is refused at once; choosing a lifetime instead takes the refusal away.
    lifetime->setCurrentIndex(lifetime->findData(0));
    QVERIFY(exact->isEnabled());
    exact->setDateTime(QDateTime::fromSecsSinceEpoch(Start - 60));
    QVERIFY2(message->text().contains(QLatin1String("in the past")), qPrintable(message->text()));
    QVERIFY(!dialog.issue());
    QVERIFY(message->text().contains(QLatin1String("in the past")));
    lifetime->setCurrentIndex(lifetime->findData(7 * 86400));
    QVERIFY2(message->text().isEmpty(), qPrintable(message->text()));
    QCOMPARE(exact->dateTime(), QDateTime::fromSecsSinceEpoch(Start + 7 * 86400));
    // And a future exact time clears it too.
    lifetime->setCurrentIndex(lifetime->findData(0));
    exact->setDateTime(QDateTime::fromSecsSinceEpoch(Start - 60));
    QVERIFY(!message->text().isEmpty());
    exact->setDateTime(QDateTime::fromSecsSinceEpoch(Start + 3600));
    QVERIFY2(message->text().isEmpty(), qPrintable(message->text()));
    QVERIFY2(dialog.issue(), qPrintable(dialog.message()));
    QCOMPARE(dialog.issued().first().expiry, Start + 3600);
}

void TestLivePages::issueDialogRefusesThePast()
{
    IssueTokenDialog dialog(*m_actions, { 1 }, 30);
    dialog.setExactExpiry(QDateTime::fromSecsSinceEpoch(Start - 60));
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens"));
    QVERIFY(!dialog.issue());
    QVERIFY2(dialog.message().contains(QLatin1String("in the past")), qPrintable(dialog.message()));
    IssueTokenDialog noUser(*m_actions, {}, 30);
    QVERIFY(!noUser.issue());
    IssueTokenDialog missingUser(*m_actions, { 999999 }, 30);
    QVERIFY(!missingUser.issue());
    QVERIFY(!missingUser.message().isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), before);
}

void TestLivePages::inspectorSaysWhatTrongateWouldDecide()
{
    QFETCH_GLOBAL(QString, backend);
    InspectorDialog dialog(*m_actions);
    dialog.inspect(QStringLiteral("  no-such-token-at-all  "));
    QVERIFY(dialog.resultText().contains(QLatin1String("Not found")));

    // An orphan (the demo's rows 4-6 have no user): any-level accepts it while it is valid.
    QSqlQuery q(m_db->db());
    QVERIFY(
        q.exec(QStringLiteral("SELECT token FROM trongate_tokens t WHERE NOT EXISTS (SELECT 1 FROM trongate_users u "
                              "WHERE u.id = t.user_id) AND expiry_date > %1")
                   .arg(Start)));
    if (q.next()) {
        const QString orphan = q.value(0).toString();
        q.finish(); // an open SQLite read would block the revoke below
        dialog.inspect(orphan);
        QVERIFY2(dialog.resultText().contains(QLatin1String("orphan")), qPrintable(dialog.resultText()));
        QVERIFY(dialog.result()->validAny);
        QVERIFY(dialog.result()->validForLevels.isEmpty());
    }

    // A valid token of a real user, pasted in other letter case: this database compares without case.
    insert(2, Start + 7200, QStringLiteral("MixedCaseTokenForInspector"));
    dialog.inspect(QStringLiteral("mixedcasetokenforinspector\n"));
    QVERIFY2(dialog.result() && dialog.result()->found, qPrintable(dialog.resultText()));
    QCOMPARE(dialog.result()->validForLevels, QList<qint64> { 1 });
    QVERIFY(dialog.resultText().contains(QLatin1String("letter case")));

    // One click revokes it (after confirming).
    m_prompter.confirmAnswers.enqueue(true);
    QVERIFY(dialog.revoke());
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE token = 'MixedCaseTokenForInspector'")), 0);
    QVERIFY(dialog.resultText().contains(QLatin1String("Not found")));
}

void TestLivePages::activityLogHoldsFingerprintsOnly()
{
    IssueTokenDialog dialog(*m_actions, { 3 }, 30);
    QVERIFY(dialog.issue());
    const QString token = dialog.issued().first().token;
    m_prompter.confirmAnswers.enqueue(true);
    QVERIFY(m_actions->revoke(nullptr, { dialog.issued().first().id }));
    ActivityPage page(*m_audit);
    page.show();
    QCOMPARE(page.rowCount(), 2);
    QVERIFY(page.cellText(0, 1).startsWith(QLatin1String("revoke")));
    QVERIFY(page.cellText(1, 1).startsWith(QLatin1String("issue")));
    QCOMPARE(page.cellText(1, 4), AuditLog::fingerprint(token));
    page.setFilter(token); // pasting the whole token finds it by its fingerprint
    QCOMPARE(page.rowCount(), 1);
    QFile f(m_audit->path());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains(token.toUtf8()));
}

void TestLivePages::questionsNameThePerson()
{
    // User 1 is the demo's first administrator: a username and an e-mail in trongate_administrators.
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT username, email FROM trongate_administrators WHERE trongate_user_id = 1")));
    QVERIFY(q.next());
    const QString username = q.value(0).toString();
    const QString email = q.value(1).toString();
    insert(1, Start + 600, QStringLiteral("nameNAMEname2345678923456789abcd"));
    const qint64 tokens = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 1"));
    QVERIFY(tokens > 0);

    QVERIFY(!m_actions->revokeUser(nullptr, 1)); // declined
    const QString asked = m_prompter.asked.last();
    QVERIFY(tokens > 1);
    QVERIFY2(asked.contains(QStringLiteral("Revoke %1 tokens of %2 · %3 (user 1)?").arg(tokens).arg(username, email)),
        qPrintable(asked));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 1")), tokens);

    // Revoking some of one person's tokens names that person too.
    const qint64 mine = scalar(QStringLiteral("SELECT id FROM trongate_tokens WHERE token = 'nameNAMEname2345678923456789abcd'"));
    QVERIFY(!m_actions->revoke(nullptr, { mine }));
    QVERIFY2(m_prompter.asked.last().contains(QStringLiteral("Revoke (delete) 1 token of %1 · %2 (user 1)?").arg(username, email)),
        qPrintable(m_prompter.asked.last()));

    // A user row with nobody behind it is named by its id; one without tokens is not asked about.
    QVERIFY(!m_actions->revokeUser(nullptr, 999999));
    QVERIFY2(m_prompter.asked.last().contains(QLatin1String("user 999999 has no tokens")), qPrintable(m_prompter.asked.last()));

    // The issue dialog lists the chosen users by the people behind them.
    IssueTokenDialog dialog(*m_actions, { 1, 999999 }, 30);
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("userList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("%1 · %2 (user 1)").arg(username, email));
    QCOMPARE(list->item(1)->text(), QStringLiteral("user 999999"));
}

namespace {
// The console's German, as the program loads it (built next to the binary).
std::unique_ptr<QTranslator> installGerman()
{
    auto german = std::make_unique<QTranslator>();
    if (!german->load(QStringLiteral(TGADMIN_QM_DIR "/trongate-admin_de.qm")))
        return nullptr;
    QCoreApplication::installTranslator(german.get());
    return german;
}
} // namespace

void TestLivePages::activityIsShownInTheReadersLanguage()
{
    m_prompter.confirmAnswers.enqueue(true);
    QVERIFY(m_actions->revokeUser(nullptr, 3));
    m_actions->record(QStringLiteral("edit"), QStringLiteral("trongate_tokens"), { 7 }, 1);
    {
        const auto german = installGerman();
        QVERIFY(german);
        auto remove = qScopeGuard([&german] { QCoreApplication::removeTranslator(german.get()); });
        ActivityPage page(*m_audit);
        page.show();
        QCOMPARE(page.rowCount(), 2);
        QCOMPARE(page.cellText(0, 1), QStringLiteral("Bearbeitung"));
        QCOMPARE(page.cellText(1, 1), QStringLiteral("Widerruf (alle Tokens von Benutzer 3)"));
    }
    // The record itself stays in neutral words, whoever wrote it: English readers see English.
    ActivityPage page(*m_audit);
    page.show();
    QCOMPARE(page.cellText(0, 1), QStringLiteral("edit"));
    QCOMPARE(page.cellText(1, 1), QStringLiteral("revoke (all tokens of user 3)"));
    QFile f(m_audit->path());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray log = f.readAll();
    QVERIFY(log.contains("all tokens of user 3"));
    QVERIFY(!log.contains("Benutzer"));
}

void TestLivePages::germanTimeLeftFitsItsColumn()
{
    const auto german = installGerman();
    QVERIFY(german);
    auto remove = qScopeGuard([&german] { QCoreApplication::removeTranslator(german.get()); });
    auto page = makeExpiryPage(true);
    const QFontMetrics fm(page->view()->font());
    const int width = page->view()->columnWidth(ExpiryModel::TimeLeftColumn);
    for (qint64 left : { qint64(-59), qint64(-3599), qint64(-86399), qint64(-400) * 86400, qint64(3599),
             qint64(86399), qint64(400) * 86400 }) {
        const QString text = ExpiryModel::countdown(left);
        QVERIFY2(fm.horizontalAdvance(text) + 8 <= width,
            qPrintable(QStringLiteral("\"%1\" (%2 px) is cut off in %3 px").arg(text).arg(fm.horizontalAdvance(text)).arg(width)));
    }
    QVERIFY(ExpiryModel::countdown(-86399).startsWith(QLatin1String("abgelaufen")));
}

QTEST_MAIN(TestLivePages)
#include "TestLivePages.moc"

// A table the engine estimates as big (here: 120 tokens against a limit of 50; at the default
// limit, 50,000): the first screen shows the rows from "now" on without waiting for the counts,
// which pass over the whole table, and says its count is the database's estimate. The exact read
// follows at once on the same worker (held here behind a gate); then the count is the table's,
// the backlog sits above, and the same tokens are still in view.
void TestLivePages::aBigTablesFirstScreenComesBeforeItsCounts()
{
    QFETCH_GLOBAL(QString, backend);
    qputenv("TGADMIN_EXACT_COUNT_BELOW", "50");
    auto unset = qScopeGuard([] { qunsetenv("TGADMIN_EXACT_COUNT_BELOW"); });
    if (backend == QLatin1String("mariadb")) {
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("ANALYZE TABLE trongate_tokens"))); // InnoDB's estimate of a new table
        while (q.next()) { }
    }
    const qint64 firstValid = scalar(QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date > %1 "
                                                    "ORDER BY expiry_date, id LIMIT 1")
                                         .arg(m_now));
    const qint64 backlog
        = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL AND expiry_date <= %1").arg(m_now));
    QVERIFY(firstValid > 0 && backlog > 0);

    DbWorker live(m_session->connectionName(), nullptr, DbWorker::Stop::Interrupt);
    auto page = std::make_unique<ExpiryPage>(m_prompter, *m_app);
    page->resize(1100, 700);
    page->show();
    page->setDatabase(m_session->database(), m_actions.get(), [this] { return m_now; }, false, {}, &live);
    WorkerGate gate(live); // behind the first visit: the exact read it asks for waits here
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 15000);
    QCoreApplication::processEvents();
    auto *label = page->findChild<QLabel *>(QStringLiteral("countLabel"));
    QVERIFY(!page->model()->countExact());
    QVERIFY2(label->text().contains(QStringLiteral("about")) && label->text().contains(QStringLiteral("estimate")),
        qPrintable(label->text()));
    QVERIFY(page->model()->lastError().isEmpty());
    // The rows on screen are the table's, from the first token still valid on.
    const int top = std::max(0, page->view()->rowAt(0));
    QCOMPARE(page->model()->idAt(top), firstValid);
    QSqlQuery rows(m_db->db());
    QVERIFY(rows.exec(QStringLiteral("SELECT id FROM trongate_tokens WHERE expiry_date > %1 ORDER BY expiry_date, id LIMIT 10").arg(m_now)));
    for (int i = 0; rows.next(); ++i)
        QCOMPARE(page->model()->idAt(top + i), rows.value(0).toLongLong());
    rows.finish();
    // Select all and Revoke while the list stands on the estimate: the rows never shown cannot be
    // told apart by their place yet, so nothing is revoked and the page says why.
    const qint64 tokensBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens"));
    page->view()->selectAll();
    QVERIFY(page->selectedIds().isEmpty());
    QAbstractButton *revoke = nullptr;
    for (QAbstractButton *b : page->findChildren<QAbstractButton *>())
        if (b->text().remove(QLatin1Char('&')) == QLatin1String("Revoke"))
            revoke = b;
    QVERIFY(revoke && revoke->isEnabled());
    const qsizetype asked = m_prompter.asked.size();
    revoke->click();
    QCOMPARE(m_prompter.asked.size(), asked + 1);
    QVERIFY2(m_prompter.asked.last().contains(QLatin1String("still being counted")), qPrintable(m_prompter.asked.last()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), tokensBefore);

    gate.release();
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->countExact(), 15000);
    QCoreApplication::processEvents();
    QVERIFY2(!label->text().contains(QStringLiteral("about")), qPrintable(label->text()));
    QCOMPARE(page->model()->rowOfId(firstValid), int(backlog)); // the backlog above it
    QCOMPARE(page->model()->idAt(std::max(0, page->view()->rowAt(0))), firstValid); // still in view
    const QString wrong = disagreement(page.get());
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    // Once placed, the same selection names every token with an expiry.
    page->view()->selectAll();
    QCOMPARE(qint64(page->selectedIds().size()),
        scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL")));
    page.reset(); // before the worker it reads on
}
