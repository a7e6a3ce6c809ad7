#include "ConflictDialog.h"
#include "CsvExporter.h"
#include "schema/DemoDatabase.h"
#include "ExportBar.h"
#include "GridWait.h"
#include "LevelsModel.h"
#include "LevelsPage.h"
#include "ScriptedPrompter.h"
#include "TestDatabase.h"
#include "TokensModel.h"
#include "TokensPage.h"
#include "UsersModel.h"
#include "SecretClipboard.h"
#include "UsersPage.h"
#include "connection/DbWorker.h"
#include "GridWait.h"
#include "schema/RowEstimate.h"
#include "WorkerGate.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QDateTimeEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QToolButton>
#include <QDir>
#include <QMimeData>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableWidget>
#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

#include <sys/stat.h>

// The grids as a person uses them: typing into cells, Ctrl+S, revert, refusals, a second
// connection changing rows underneath, exports — on SQLite and a real MariaDB server.
class TestGridPages final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_db.reset(); }
    void typingAndCtrlSSavesInOneGo();
    void validationErrorIsShownAndNothingChanges();
    void revertBringsTheSavedStateBack();
    void concurrentChangeShowsBothVersions();
    void leavingWithUnsavedEditsAsks();
    void deletingAUserAsksAboutTokens();
    void deletingALevelInUseOffersAMove();
    void tokensNewRowNeedsAPickedUser();
    void exportMasksTokensUnlessAsked();
    void copyClearsTheClipboardLater();
    void csvExportIsReadableByItsOwnerOnly();
    void exportWaitingForTheDatabaseLeavesTheWindowTurning();
    void cancelledExportLeavesNoFile();
    void exportOfUsersAndLevelsShowsTheirLookups();
    void conflictDialogMasksTokensUntilRevealed();
    void editorsRefuseControlCharacters();
    void contextMenuOffersThePageActions();
    void tokenActionsHaveShortcutsNamedInTooltips();
    void tabRunsFromFilterToGrid();
    void savedMessageGoesWhenNewEditsCome();
    void refusedTitleStaysInTheEditor();
    void duplicateLevelTitleAsks();
    void pastExpiryInTheGridAsks();
    void duplicateCodeNamesItsUser();
    void newUserGetsTheLevelWithFewestRights();
    void editedLevelShowsItsTitle();
    void identityIsElidedNotCutAfterTheUsername();
    void filterMatchesWhatTheColumnShows_data();
    void filterMatchesWhatTheColumnShows();
    void everyFilterIsShownAndEscClearsIt();
    void countSaysAboutUntilTheExactCountArrives();

private:
    template<typename Page> std::unique_ptr<Page> makePage()
    {
        auto page = std::make_unique<Page>(m_prompter);
        page->resize(1000, 600);
        page->show();
        QApplication::setActiveWindow(page.get());
        page->setDatabase(m_db->db(), [] { return Now; });
        return page;
    }
    static void editCell(QTableView *view, const QModelIndex &index, const QString &text)
    {
        view->setCurrentIndex(index);
        view->edit(index);
        // The open editor is the line edit the delegate put on the viewport.
        QLineEdit *line = nullptr;
        for (QLineEdit *e : view->viewport()->findChildren<QLineEdit *>())
            if (e->isVisible())
                line = e; // closed editors are hidden until they are deleted
        QVERIFY(line);
        line->selectAll();
        QTest::keyClicks(line, text);
        QTest::keyClick(line, Qt::Key_Return);
        // The delegate commits on Return through a queued call.
        QCoreApplication::processEvents();
    }
    static void trigger(QWidget &page, const char *action)
    {
        auto *a = page.findChild<QAction *>(QString::fromLatin1(action));
        QVERIFY(a);
        a->trigger();
    }
    // Holds the tokens table from a second connection, so that an export's read waits for it:
    // a database that is busy, deterministically. Released by the returned function. The page
    // has read what it shows first (these test pages read in the call, without a worker).
    std::function<void()> lockTokens(GridPage &page)
    {
        if (!QTest::qWaitForWindowExposed(&page))
            return {};
        QCoreApplication::processEvents();
        for (int row = 0; row < page.model()->rowCount(); ++row)
            page.model()->rowAt(row);
        const QString name = m_db->openSecondConnection();
        if (name.isEmpty())
            return {};
        QSqlQuery q(QSqlDatabase::database(name, false));
        const bool sqlite = m_db->backend() == QLatin1String("sqlite");
        if (!q.exec(sqlite ? QStringLiteral("BEGIN EXCLUSIVE") : QStringLiteral("LOCK TABLES trongate_tokens WRITE")))
            return {};
        return [name, sqlite] {
            QSqlQuery(QSqlDatabase::database(name, false))
                .exec(sqlite ? QStringLiteral("ROLLBACK") : QStringLiteral("UNLOCK TABLES"));
        };
    }
    static QString readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(m_db->db());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    static constexpr qint64 Now = 1'900'000'000;
    std::unique_ptr<TestDatabase> m_db;
    ScriptedPrompter m_prompter;
};

void TestGridPages::init()
{
    QFETCH_GLOBAL(QString, backend);
    DemoDatabase::Options o;
    o.users = 30;
    o.tokens = 60;
    o.now = Now;
    QString problem;
    m_db = TestDatabase::createSeeded(backend, o, &problem);
    TG_REQUIRE(m_db, problem);
    m_prompter = ScriptedPrompter();
}

void TestGridPages::typingAndCtrlSSavesInOneGo()
{
    auto page = makePage<LevelsPage>();
    QTableView *view = page->view();
    editCell(view, page->model()->index(1, LevelsModel::TitleColumn), QStringLiteral("subscriber"));
    editCell(view, page->model()->index(3, LevelsModel::TitleColumn), QStringLiteral("visitor"));
    QVERIFY(page->hasPendingChanges());
    QVERIFY2(page->countText().contains(QLatin1String("2 unsaved")),
        qPrintable(page->countText() + QStringLiteral(" / ") + page->model()->index(1, 1).data().toString()
            + QStringLiteral(" / ") + page->model()->index(3, 1).data().toString()));
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM trongate_user_levels WHERE level_title IN ('subscriber', 'visitor')")),
        0);
    view->setFocus();
    QTest::keySequence(view, QKeySequence::Save);
    QVERIFY(!page->hasPendingChanges());
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM trongate_user_levels WHERE level_title IN ('subscriber', 'visitor')")),
        2);
    QVERIFY(page->message().contains(QLatin1String("2 rows written")));
}

void TestGridPages::validationErrorIsShownAndNothingChanges()
{
    auto page = makePage<UsersPage>();
    editCell(page->view(), page->model()->index(0, UsersModel::CodeColumn), QStringLiteral("short"));
    QVERIFY2(page->message().contains(QLatin1String("exactly 32 characters")), qPrintable(page->message()));
    QVERIFY(!page->hasPendingChanges());
    const QString before = page->model()->index(0, UsersModel::CodeColumn).data().toString();
    QCOMPARE(before.size(), 32);
}

void TestGridPages::revertBringsTheSavedStateBack()
{
    auto page = makePage<LevelsPage>();
    editCell(page->view(), page->model()->index(0, LevelsModel::TitleColumn), QStringLiteral("boss"));
    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_N, Qt::ControlModifier); // a new row
    QCOMPARE(page->model()->rowCount(), 6 - 1);
    trigger(*page, "revertAction");
    QCOMPARE(page->model()->rowCount(), 4);
    QCOMPARE(page->model()->index(0, LevelsModel::TitleColumn).data().toString(), QStringLiteral("admin"));
    QVERIFY(!page->hasPendingChanges());
}

void TestGridPages::concurrentChangeShowsBothVersions()
{
    auto page = makePage<TokensPage>();
    const qint64 id = page->model()->idAt(7);
    editCell(page->view(), page->model()->index(7, TokensModel::CodeColumn), QStringLiteral("abc"));
    const QString other = m_db->openSecondConnection();
    {
        QSqlQuery q(QSqlDatabase::database(other, false));
        QVERIFY(q.exec(QStringLiteral("UPDATE trongate_tokens SET code = 'php' WHERE id = %1").arg(id)));
    }
    m_prompter.conflictAnswers.enqueue(Prompter::ConflictAnswer::KeepEditing);
    QVERIFY(!page->save());
    QCOMPARE(m_prompter.conflictsShown.size(), 1);
    const Prompter::ConflictRow shown = m_prompter.conflictsShown.first().first();
    QCOMPARE(shown.column, QStringLiteral("code"));
    QCOMPARE(shown.loaded, QStringLiteral("0"));
    QCOMPARE(shown.mine, QStringLiteral("abc"));
    QCOMPARE(shown.current, QStringLiteral("php"));
    QVERIFY(page->hasPendingChanges());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE code = 'abc'")), 0);

    // Overwriting is a decision, not a default.
    m_prompter.conflictAnswers.enqueue(Prompter::ConflictAnswer::Overwrite);
    QVERIFY(page->save());
    QCOMPARE(scalar(QStringLiteral("SELECT code = 'abc' FROM trongate_tokens WHERE id = %1").arg(id)), 1);
}

void TestGridPages::leavingWithUnsavedEditsAsks()
{
    auto page = makePage<LevelsPage>();
    editCell(page->view(), page->model()->index(2, LevelsModel::TitleColumn), QStringLiteral("helpdesk"));
    m_prompter.unsavedAnswers.enqueue(Prompter::UnsavedAnswer::Cancel);
    QVERIFY(!page->confirmLeave());
    QVERIFY(page->hasPendingChanges());
    m_prompter.unsavedAnswers.enqueue(Prompter::UnsavedAnswer::Save);
    QVERIFY(page->confirmLeave());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels WHERE level_title = 'helpdesk'")), 1);
    editCell(page->view(), page->model()->index(2, LevelsModel::TitleColumn), QStringLiteral("gone"));
    m_prompter.unsavedAnswers.enqueue(Prompter::UnsavedAnswer::Discard);
    QVERIFY(page->confirmLeave());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels WHERE level_title = 'gone'")), 0);
}

void TestGridPages::deletingAUserAsksAboutTokens()
{
    auto page = makePage<UsersPage>();
    const qint64 tokens = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 3"));
    page->view()->selectRow(2);
    m_prompter.choices.enqueue(1); // keep their tokens
    trigger(*page, "deleteAction");
    QVERIFY(m_prompter.asked.last().contains(QLatin1String("Delete their tokens too")));
    QVERIFY(page->save());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE id = 3")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE user_id = 3")), tokens);

    page->view()->selectRow(0);
    trigger(*page, "deleteAction"); // the scripted answer is Cancel: nothing marked
    QVERIFY(!page->hasPendingChanges());
}

void TestGridPages::deletingALevelInUseOffersAMove()
{
    auto page = makePage<LevelsPage>();
    page->view()->selectRow(2); // support: 12 users
    trigger(*page, "deleteAction"); // cancelled: the level stays
    QVERIFY(!page->hasPendingChanges());
    QVERIFY(page->message().contains(QLatin1String("12 users")));
    m_prompter.choices.enqueue(0); // move them to the first other level (admin)
    trigger(*page, "deleteAction");
    QVERIFY(m_prompter.asked.last().contains(QLatin1String("is used by 12 users")));
    QVERIFY(page->save());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE user_level_id = 3")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE user_level_id = 1")), 16);
}

void TestGridPages::tokensNewRowNeedsAPickedUser()
{
    auto page = makePage<TokensPage>();
    page->setUserPicker([] { return qint64(0); }); // the person closes the picker
    trigger(*page, "addAction");
    QVERIFY(!page->hasPendingChanges());
    page->setUserPicker([] { return qint64(5); });
    trigger(*page, "addAction");
    QVERIFY(page->hasPendingChanges());
    const QString token = page->tokens()->tokenAt(0);
    QCOMPARE(token.size(), 32);
    QCOMPARE(page->model()->index(0, TokensModel::TokenColumn).data().toString(), token); // a new token is shown whole
    QVERIFY(page->save());
    QSqlQuery q(m_db->db());
    QVERIFY(q.prepare(QStringLiteral("SELECT user_id, expiry_date, code FROM trongate_tokens WHERE token = ?")));
    q.addBindValue(token);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toLongLong(), 5);
    QCOMPARE(q.value(1).toLongLong(), Now + 86400);
    QCOMPARE(q.value(2).toString(), QStringLiteral("0"));
}

void TestGridPages::exportMasksTokensUnlessAsked()
{
    auto page = makePage<TokensPage>();
    QTemporaryDir dir;
    const QString masked = dir.filePath(QStringLiteral("masked.csv"));
    const QString full = dir.filePath(QStringLiteral("full.csv"));
    QVERIFY(exportAndWait(page.get(), masked, false));
    QVERIFY(exportAndWait(page.get(), full, true));
    const QString someToken = page->tokens()->tokenAt(10);
    QFile a(masked);
    QVERIFY(a.open(QIODevice::ReadOnly));
    const QString maskedText = QString::fromUtf8(a.readAll());
    QFile b(full);
    QVERIFY(b.open(QIODevice::ReadOnly));
    const QString fullText = QString::fromUtf8(b.readAll());
    QVERIFY(!maskedText.contains(someToken));
    QVERIFY(maskedText.contains(someToken.left(6) + QStringLiteral("…")));
    QVERIFY(fullText.contains(someToken));
    QCOMPARE(maskedText.count(QStringLiteral("\r\n")), 61); // header + 60 rows
    QVERIFY(maskedText.startsWith(QLatin1String("ID,Token,User,Identity,Expires")));

    // The filtered view is what is exported.
    page->setFilter(QStringLiteral("no such token anywhere"));
    QVERIFY(exportAndWait(page.get(), masked, false));
    QVERIFY(a.seek(0));
    a.close();
    QVERIFY(a.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(a.readAll()).count(QStringLiteral("\r\n")), 1);
    QCOMPARE(CsvExporter::escape(QStringLiteral("=cmd|' /C calc'!A0")), QStringLiteral("'=cmd|' /C calc'!A0"));
    QCOMPARE(CsvExporter::escape(QStringLiteral("a,\"b\"")), QStringLiteral("\"a,\"\"b\"\"\""));
}

void TestGridPages::copyClearsTheClipboardLater()
{
    auto page = makePage<TokensPage>();
    page->view()->setCurrentIndex(page->model()->index(3, 0));
    page->copyToken(true);
    const QString token = page->tokens()->tokenAt(3);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("trongateToken: ") + token);
    QVERIFY(page->message().contains(QLatin1String("30 s")));
    // Marked as a secret, so clipboard-history tools (Klipper and others) do not keep it.
    const QMimeData *data = QApplication::clipboard()->mimeData();
    QVERIFY(data);
    QCOMPARE(data->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
    // Quitting clears what we put there; someone else's text later is left alone.
    QVERIFY(SecretClipboard::clearIfOurs());
    QVERIFY(QApplication::clipboard()->text().isEmpty());
    QApplication::clipboard()->setText(QStringLiteral("a shopping list"));
    QVERIFY(!SecretClipboard::clearIfOurs());
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("a shopping list"));
}

void TestGridPages::csvExportIsReadableByItsOwnerOnly()
{
    auto page = makePage<TokensPage>();
    QTemporaryDir dir;
    const mode_t oldMask = ::umask(022); // the usual umask, which alone would give 0644
    auto restore = qScopeGuard([oldMask] { ::umask(oldMask); });
    auto modeOf = [](const QString &path) {
        struct stat st {};
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
    };
    const QString fresh = dir.filePath(QStringLiteral("full.csv"));
    QVERIFY(exportAndWait(page.get(), fresh, true));
    QCOMPARE(modeOf(fresh), 0600);

    // An existing world-readable file is tightened, not kept 0644.
    const QString shared = dir.filePath(QStringLiteral("shared.csv"));
    QFile(shared).open(QIODevice::WriteOnly);
    QVERIFY(::chmod(QFile::encodeName(shared).constData(), 0644) == 0);
    QVERIFY(exportAndWait(page.get(), shared, true));
    QCOMPARE(modeOf(shared), 0600);

    // A stricter existing file stays as strict.
    const QString strict = dir.filePath(QStringLiteral("strict.csv"));
    QFile(strict).open(QIODevice::WriteOnly);
    QVERIFY(::chmod(QFile::encodeName(strict).constData(), 0400) == 0);
    if (exportAndWait(page.get(), strict, true)) // root may write a 0400 file; others may not
        QCOMPARE(modeOf(strict), 0400);

    // No leftovers besides the three exports (no half-written or temporary files).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);
}

void TestGridPages::exportWaitingForTheDatabaseLeavesTheWindowTurning()
{
    auto page = makePage<TokensPage>();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tokens.csv"));
    const std::function<void()> release = lockTokens(*page);
    QVERIFY(release);
    auto unlock = qScopeGuard(release);
    QSignalSpy done(page.get(), &GridPage::exportFinished);
    QVERIFY(page->exportCsv(path, false));
    QVERIFY(page->isExporting());
    QVERIFY(!page->findChild<QAction *>(QStringLiteral("exportAction"))->isEnabled()); // one at a time
    QVERIFY(!page->exportCsv(path, false));
    // The export waits for the database on its own thread; this one keeps turning meanwhile.
    int ticks = 0;
    QTimer pulse;
    pulse.setInterval(5);
    connect(&pulse, &QTimer::timeout, this, [&] { ++ticks; });
    pulse.start();
    QTest::qWait(400);
    pulse.stop();
    QVERIFY2(ticks > 30, qPrintable(QString::number(ticks)));
    QVERIFY(done.isEmpty());
    auto *progress = page->findChild<QLabel *>(QStringLiteral("exportProgressLabel"));
    QVERIFY(progress && progress->isVisible());
    // (Through the translation: the English plural forms come with the next translation update.)
    QCOMPARE(progress->text(), ExportBar::tr("Exporting to %1: %2 of %Ln row(s)…", nullptr, 60).arg(QStringLiteral("tokens.csv"), QStringLiteral("0")));

    unlock.dismiss();
    release();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
    QVERIFY(done.first().first().toBool());
    QVERIFY(!progress->isVisible());
    QVERIFY(page->findChild<QAction *>(QStringLiteral("exportAction"))->isEnabled());
    QCOMPARE(page->message(), ExportBar::tr("Exported %Ln row(s) to %1.", nullptr, 60).arg(path));
    // Every row, in the grid's order, as the grid shows it.
    const QStringList lines = readAll(path).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 61);
    QCOMPARE(lines.first(), QStringLiteral("ID,Token,User,Identity,Expires,Time left,Status,Code"));
    for (int row : { 0, 29, 59 }) {
        const QString id = page->model()->index(row, TokensModel::IdColumn).data().toString();
        const QString user = page->model()->index(row, TokensModel::UserColumn).data().toString();
        QVERIFY2(lines.at(row + 1).startsWith(id + QLatin1Char(',') + TokensModel::mask(page->tokens()->tokenAt(row))
                     + QLatin1Char(',') + user + QLatin1Char(',')),
            qPrintable(lines.at(row + 1)));
    }
}

void TestGridPages::cancelledExportLeavesNoFile()
{
    auto page = makePage<TokensPage>();
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh.csv"));
    {
        const std::function<void()> release = lockTokens(*page);
        QVERIFY(release);
        auto unlock = qScopeGuard(release);
        QSignalSpy done(page.get(), &GridPage::exportFinished);
        QVERIFY(page->exportCsv(fresh, true));
        // Esc in the grid stops the export (and does not clear a filter).
        page->view()->setFocus();
        QTest::keyClick(page->view(), Qt::Key_Escape);
        auto *progress = page->findChild<QLabel *>(QStringLiteral("exportProgressLabel"));
        QVERIFY2(progress->text().startsWith(QLatin1String("Cancelling")), qPrintable(progress->text()));
        release();
        unlock.dismiss();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        QVERIFY(!done.first().first().toBool());
    }
    QVERIFY(!QFile::exists(fresh));
    QCOMPARE(page->message(),
        ExportBar::tr("Export cancelled after %Ln row(s).", nullptr, 0) + QLatin1Char(' ')
            + ExportBar::tr("The unfinished file was deleted: nothing was saved as %1.").arg(fresh));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty()); // no temporary file either

    // A file that was there stays as it was.
    const QString old = dir.filePath(QStringLiteral("old.csv"));
    {
        QFile f(old);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("yesterday's export\n");
    }
    {
        const std::function<void()> release = lockTokens(*page);
        QVERIFY(release);
        auto unlock = qScopeGuard(release);
        QSignalSpy done(page.get(), &GridPage::exportFinished);
        QVERIFY(page->exportCsv(old, true));
        page->findChild<QPushButton *>(QStringLiteral("cancelExportButton"))->click();
        release();
        unlock.dismiss();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
    }
    QCOMPARE(readAll(old), QStringLiteral("yesterday's export\n"));
    QVERIFY2(page->message().endsWith(QStringLiteral("%1 was left as it was.").arg(old)), qPrintable(page->message()));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("old.csv") });

    // A file that cannot be made: said at once, nothing left.
    const QString nowhere = dir.filePath(QStringLiteral("no such folder/tokens.csv"));
    QVERIFY(!exportAndWait(page.get(), nowhere, false));
    QVERIFY2(page->message().contains(QLatin1String("could not be written")), qPrintable(page->message()));
}

void TestGridPages::exportOfUsersAndLevelsShowsTheirLookups()
{
    // Looked up on the export's own connection: level titles, token counts, users per level.
    QTemporaryDir dir;
    auto users = makePage<UsersPage>();
    const QString usersCsv = dir.filePath(QStringLiteral("users.csv"));
    QVERIFY(exportAndWait(users.get(), usersCsv, false));
    const QStringList userLines = readAll(usersCsv).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(userLines.size(), 31);
    for (int row : { 0, 17 }) {
        QStringList shown;
        for (int c = 0; c < UsersModel::ColumnCount; ++c)
            shown << CsvExporter::escape(users->model()->index(row, c).data().toString());
        QCOMPARE(userLines.at(row + 1), shown.join(QLatin1Char(',')));
    }
    auto levels = makePage<LevelsPage>();
    const QString levelsCsv = dir.filePath(QStringLiteral("levels.csv"));
    QVERIFY(exportAndWait(levels.get(), levelsCsv, false));
    const QStringList levelLines = readAll(levelsCsv).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(levelLines.size(), levels->model()->rowCount() + 1);
    for (int row = 0; row < levels->model()->rowCount(); ++row) {
        QStringList shown;
        for (int c = 0; c < LevelsModel::ColumnCount; ++c)
            shown << CsvExporter::escape(levels->model()->index(row, c).data().toString());
        QCOMPARE(levelLines.at(row + 1), shown.join(QLatin1Char(',')));
    }
}

void TestGridPages::conflictDialogMasksTokensUntilRevealed()
{
    const QString loaded = QStringLiteral("Ab3dEfGhJkMnPqRsTuVwXyZ23456789a");
    const QString current = QStringLiteral("Zz9yXwVuTsRqPnMkJhGfEdCbA2345678");
    const QList<Prompter::ConflictRow> rows { { QStringLiteral("row 5"), QStringLiteral("token"), loaded, loaded,
                                                  current, true },
        { QStringLiteral("row 5"), QStringLiteral("code"), QStringLiteral("0"), QStringLiteral("A1"),
            QStringLiteral("B2"), false } };
    ConflictDialog dialog(rows);
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("conflictTable"));
    QVERIFY(table);
    auto shownText = [table] {
        QString all;
        for (int r = 0; r < table->rowCount(); ++r)
            for (int c = 0; c < table->columnCount(); ++c)
                all += table->item(r, c)->text() + QLatin1Char('|');
        return all;
    };
    QVERIFY(!shownText().contains(loaded));
    QVERIFY(!shownText().contains(current));
    QCOMPARE(table->item(0, 2)->text(), TokensModel::mask(loaded));
    QCOMPARE(table->item(0, 4)->text(), TokensModel::mask(current));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("A1")); // other columns as they are
    auto *reveal = dialog.findChild<QPushButton *>(QStringLiteral("revealButton"));
    QVERIFY(reveal);
    reveal->click();
    QCOMPARE(table->item(0, 2)->text(), loaded);
    QCOMPARE(table->item(0, 4)->text(), current);
    reveal->click();
    QVERIFY(!shownText().contains(loaded));

    // Without a token among the rows there is nothing to reveal.
    ConflictDialog plain({ rows.at(1) });
    QVERIFY(!plain.findChild<QPushButton *>(QStringLiteral("revealButton")));
}


void TestGridPages::editorsRefuseControlCharacters()
{
    // What a person types into the grids' editors, as the command line refuses it too.
    QVERIFY(LevelsModel::validateTitle(QStringLiteral("editor")).isEmpty());
    QVERIFY(LevelsModel::validateTitle(QStringLiteral("evil\x1b]2;pwned\x07")).contains(QLatin1String("control character")));
    QVERIFY(LevelsModel::validateTitle(QStringLiteral("tab\there")).contains(QLatin1String("control character")));
    QVERIFY(LevelsModel::validateTitle(QStringLiteral("c1\u009b")).contains(QLatin1String("control character")));
    QVERIFY(TokensModel::validateCode(QStringLiteral("0")).isEmpty());
    QVERIFY(TokensModel::validateCode(QStringLiteral("\x1b[H")).contains(QLatin1String("control character")));
    QVERIFY(!UsersModel::validateCode(QStringLiteral("23456789abcdefghjkmnpqrstuvwxy\x1b")).isEmpty());

    // And through the grid's model (a key press of ESC would only close the editor): refused, the
    // cell keeps its old title, nothing is pending.
    auto page = makePage<LevelsPage>();
    const QModelIndex title = page->model()->index(0, LevelsModel::TitleColumn);
    const QString before = title.data().toString();
    QVERIFY(!page->model()->setData(title, QStringLiteral("x\x1b[2J"), Qt::EditRole));
    QCOMPARE(page->model()->index(0, LevelsModel::TitleColumn).data().toString(), before);
    QVERIFY(!page->model()->hasPendingChanges());
    QVERIFY(page->model()->setData(title, QStringLiteral("plain"), Qt::EditRole)); // the same path accepts clean text
    QVERIFY(page->model()->hasPendingChanges());
}

static QStringList menuTexts(QMenu *menu)
{
    QStringList texts;
    for (QAction *a : menu->actions())
        if (!a->isSeparator())
            texts << a->text().remove(QLatin1Char('&'));
    return texts;
}

static QLineEdit *openLineEditor(QTableView *view)
{
    for (QLineEdit *e : view->viewport()->findChildren<QLineEdit *>())
        if (e->isVisible())
            return e;
    return nullptr;
}

void TestGridPages::contextMenuOffersThePageActions()
{
    auto page = makePage<TokensPage>();
    QTableView *view = page->view();
    view->setFocus();
    view->setCurrentIndex(page->model()->index(0, TokensModel::UserColumn));
    const QStringList wanted = { QStringLiteral("Revoke now"), QStringLiteral("Extend 24 h"),
        QStringLiteral("Regenerate"), QStringLiteral("Copy token"), QStringLiteral("Export CSV…"),
        QStringLiteral("Save") };
    const auto openMenu = [&](const std::function<void()> &how) -> QStringList {
        how();
        QCoreApplication::processEvents();
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return {};
        const QStringList texts = menuTexts(menu);
        menu->close();
        QCoreApplication::processEvents();
        return texts;
    };
    const QPoint cell = view->visualRect(view->currentIndex()).center();
    // Right click.
    QStringList texts = openMenu([&] {
        QContextMenuEvent e(QContextMenuEvent::Mouse, cell, view->viewport()->mapToGlobal(cell));
        QApplication::sendEvent(view->viewport(), &e);
    });
    for (const QString &w : wanted)
        QVERIFY2(texts.contains(w), qPrintable(w + QStringLiteral(" missing from ") + texts.join(QLatin1Char('|'))));
    // Shift+F10.
    texts = openMenu([&] { QTest::keyClick(view, Qt::Key_F10, Qt::ShiftModifier); });
    QVERIFY2(texts.contains(QStringLiteral("Revoke now")), qPrintable(texts.join(QLatin1Char('|'))));
    // The Menu key reaches a widget as a keyboard context-menu event.
    texts = openMenu([&] {
        QContextMenuEvent e(QContextMenuEvent::Keyboard, cell, view->viewport()->mapToGlobal(cell));
        QApplication::sendEvent(view->viewport(), &e);
    });
    QVERIFY2(texts.contains(QStringLiteral("Regenerate")), qPrintable(texts.join(QLatin1Char('|'))));

    auto users = makePage<UsersPage>();
    QStringList userTexts = menuTexts(users->contextMenu());
    QVERIFY(userTexts.contains(QStringLiteral("Issue tokens…")));
    QVERIFY(userTexts.contains(QStringLiteral("Revoke all tokens")));
    auto levels = makePage<LevelsPage>();
    QVERIFY(menuTexts(levels->contextMenu()).contains(QStringLiteral("Revoke all tokens of the level")));
}

void TestGridPages::tokenActionsHaveShortcutsNamedInTooltips()
{
    auto page = makePage<TokensPage>();
    const QList<QPair<const char *, QKeySequence>> keys = { { "revokeNowAction", QKeySequence(Qt::SHIFT | Qt::Key_Delete) },
        { "extendAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E) },
        { "regenerateAction", QKeySequence(Qt::CTRL | Qt::Key_G) }, { "exportAction", QKeySequence(Qt::CTRL | Qt::Key_E) } };
    for (const auto &[name, key] : keys) {
        auto *a = page->findChild<QAction *>(QString::fromLatin1(name));
        QVERIFY(a);
        QCOMPARE(a->shortcut(), key);
        const QString shown = QStringLiteral("(%1)").arg(key.toString(QKeySequence::NativeText));
        QVERIFY2(a->toolTip().contains(shown), qPrintable(a->toolTip()));
    }
    QTableView *view = page->view();
    view->setFocus();
    view->selectRow(1);
    QSignalSpy revoke(page.get(), &TokensPage::revokeRequested);
    QSignalSpy extend(page.get(), &TokensPage::extendRequested);
    QSignalSpy regenerate(page.get(), &TokensPage::regenerateRequested);
    QTest::keyClick(view, Qt::Key_Delete, Qt::ShiftModifier);
    QTest::keyClick(view, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(view, Qt::Key_G, Qt::ControlModifier);
    QCOMPARE(revoke.size(), 1);
    QCOMPARE(extend.size(), 1);
    QCOMPARE(regenerate.size(), 1);
    QCOMPARE(revoke.first().first().value<QList<qint64>>(), QList<qint64>({ page->model()->idAt(1) }));

    auto users = makePage<UsersPage>();
    users->view()->setFocus();
    users->view()->selectRow(0);
    QSignalSpy revokeUser(users.get(), &UsersPage::revokeAllRequested);
    QTest::keyClick(users->view(), Qt::Key_Delete, Qt::ShiftModifier);
    QCOMPARE(revokeUser.size(), 1);
    QVERIFY(users->findChild<QAction *>(QStringLiteral("issueAction"))->toolTip().contains(QLatin1String("(Ctrl+T)")));
    auto levels = makePage<LevelsPage>();
    levels->view()->setFocus();
    levels->view()->selectRow(0);
    QSignalSpy revokeLevel(levels.get(), &LevelsPage::revokeAllRequested);
    QTest::keyClick(levels->view(), Qt::Key_Delete, Qt::ShiftModifier);
    QCOMPARE(revokeLevel.size(), 1);
}

void TestGridPages::tabRunsFromFilterToGrid()
{
    auto page = makePage<TokensPage>();
    auto *filter = page->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    filter->setFocus();
    QVERIFY(filter->hasFocus());
    QTest::keyClick(filter, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("filterColumnCombo"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), page->view());
    // Tab leaves the grid instead of walking its thousands of cells; arrows move between cells.
    page->view()->setCurrentIndex(page->model()->index(0, 0));
    QTest::keyClick(page->view(), Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != page->view());
}

void TestGridPages::savedMessageGoesWhenNewEditsCome()
{
    auto page = makePage<LevelsPage>();
    editCell(page->view(), page->model()->index(1, LevelsModel::TitleColumn), QStringLiteral("subscriber"));
    QVERIFY(page->save());
    QVERIFY2(page->message().contains(QLatin1String("Saved: 1 row written")), qPrintable(page->message()));
    editCell(page->view(), page->model()->index(2, LevelsModel::TitleColumn), QStringLiteral("helpdesk"));
    QVERIFY2(page->countText().contains(QLatin1String("1 unsaved")), qPrintable(page->countText()));
    QVERIFY2(!page->message().contains(QLatin1String("Saved")), qPrintable(page->message()));
}

void TestGridPages::refusedTitleStaysInTheEditor()
{
    auto page = makePage<LevelsPage>();
    const QString tooLong(300, QLatin1Char('x'));
    const QModelIndex cell = page->model()->index(1, LevelsModel::TitleColumn);
    editCell(page->view(), cell, tooLong);
    QVERIFY2(page->message().contains(QLatin1String("at most 125 characters")), qPrintable(page->message()));
    QCoreApplication::processEvents();
    QLineEdit *editor = openLineEditor(page->view());
    QVERIFY2(editor, "the editor was closed and the typed title thrown away");
    QCOMPARE(editor->text(), tooLong);
    QCOMPARE(page->view()->currentIndex(), cell);
    QVERIFY(!page->hasPendingChanges());
}

void TestGridPages::duplicateLevelTitleAsks()
{
    auto page = makePage<LevelsPage>();
    const QString first = page->model()->index(0, LevelsModel::TitleColumn).data().toString();
    editCell(page->view(), page->model()->index(3, LevelsModel::TitleColumn), first.toUpper());
    QVERIFY2(m_prompter.asked.last().contains(QStringLiteral("Level %1 is already called").arg(page->model()->idAt(0))),
        qPrintable(m_prompter.asked.join(QLatin1Char('\n'))));
    QVERIFY(!page->hasPendingChanges()); // declined: not taken, but still in the editor to change
    QCoreApplication::processEvents();
    QVERIFY(openLineEditor(page->view()));
    QCOMPARE(openLineEditor(page->view())->text(), first.toUpper());
    QTest::keyClick(openLineEditor(page->view()), Qt::Key_Escape);
    QCoreApplication::processEvents();

    m_prompter.confirmAnswers.enqueue(true);
    editCell(page->view(), page->model()->index(3, LevelsModel::TitleColumn), first);
    QVERIFY(page->hasPendingChanges());
    // A title nobody else has is not asked about.
    const int questions = int(m_prompter.asked.size());
    editCell(page->view(), page->model()->index(2, LevelsModel::TitleColumn), QStringLiteral("helpdesk"));
    QCOMPARE(m_prompter.asked.size(), questions);
}

void TestGridPages::pastExpiryInTheGridAsks()
{
    auto page = makePage<TokensPage>();
    QTableView *view = page->view();
    const QModelIndex cell = page->model()->index(0, TokensModel::ExpiryColumn);
    const auto setExpiry = [&](qint64 when) {
        view->setCurrentIndex(cell);
        view->edit(cell);
        QDateTimeEdit *editor = nullptr;
        for (QDateTimeEdit *e : view->viewport()->findChildren<QDateTimeEdit *>())
            if (e->isVisible())
                editor = e;
        QVERIFY(editor);
        editor->setDateTime(QDateTime::fromSecsSinceEpoch(when));
        QTest::keyClick(editor, Qt::Key_Return);
        QCoreApplication::processEvents();
    };
    setExpiry(Now - 3600);
    QVERIFY2(m_prompter.asked.size() == 1 && m_prompter.asked.last().startsWith(QLatin1String("Expiry in the past")),
        qPrintable(m_prompter.asked.join(QLatin1Char('\n'))));
    QVERIFY(!page->hasPendingChanges()); // declined
    m_prompter.confirmAnswers.enqueue(true);
    setExpiry(Now - 3600);
    QVERIFY(page->hasPendingChanges());
    // A future date is not asked about.
    setExpiry(Now + 7200);
    QCOMPARE(m_prompter.asked.size(), 2);
}

void TestGridPages::duplicateCodeNamesItsUser()
{
    auto page = makePage<UsersPage>();
    // Row 1 holds the demo's second administrator: a username and an e-mail to name.
    const qint64 holder = page->model()->idAt(1);
    const QString code = page->model()->index(1, UsersModel::CodeColumn).data().toString();
    const QString identity = page->model()->index(1, UsersModel::IdentityColumn).data().toString();
    QVERIFY(!identity.isEmpty());
    editCell(page->view(), page->model()->index(0, UsersModel::CodeColumn), code);
    QVERIFY2(page->message().contains(QStringLiteral("user %1 (%2)").arg(holder).arg(identity)), qPrintable(page->message()));
    QVERIFY(!page->hasPendingChanges());
}

void TestGridPages::newUserGetsTheLevelWithFewestRights()
{
    auto page = makePage<UsersPage>();
    page->view()->setCurrentIndex(page->model()->index(0, UsersModel::LevelColumn)); // an admin's row
    trigger(*page, "addAction");
    QVERIFY(page->hasPendingChanges());
    const QModelIndex level = page->view()->currentIndex();
    QCOMPARE(level.column(), int(UsersModel::LevelColumn));
    // The demo's levels: admin (1), member (2), support (3), guest (4).
    QCOMPARE(level.data(Qt::EditRole).toLongLong(), 4);
    QCOMPARE(level.data().toString(), QStringLiteral("guest (4)"));
}

void TestGridPages::editedLevelShowsItsTitle()
{
    auto page = makePage<UsersPage>();
    const QModelIndex level = page->model()->index(5, UsersModel::LevelColumn);
    QVERIFY(page->model()->setData(level, 3));
    QCOMPARE(level.data().toString(), QStringLiteral("support (3)"));
}

void TestGridPages::identityIsElidedNotCutAfterTheUsername()
{
    auto page = makePage<TokensPage>();
    QTableView *view = page->view();
    const QFontMetrics fm = view->fontMetrics();
    const int width = view->columnWidth(TokensModel::IdentityColumn);
    QModelIndex cell;
    for (int row = 0; row < page->model()->rowCount() && !cell.isValid(); ++row) {
        const QModelIndex i = page->model()->index(row, TokensModel::IdentityColumn);
        const QString text = i.data().toString();
        if (text.contains(QLatin1Char('@')) && fm.horizontalAdvance(text) > width)
            cell = i;
    }
    QVERIFY2(cell.isValid(), "no identity longer than its column in the demo");
    view->scrollTo(cell);
    QCoreApplication::processEvents();
    const QRect rect = view->visualRect(cell);
    const QImage shot = view->viewport()->grab().toImage();
    const int background = QColor(shot.pixel(rect.right() - 2, rect.center().y())).lightness();
    int inkRight = rect.left();
    for (int y = rect.top() + 1; y < rect.bottom(); ++y)
        for (int x = rect.left(); x < rect.right() - 1; ++x)
            if (std::abs(QColor(shot.pixel(x, y)).lightness() - background) > 80)
                inkRight = std::max(inkRight, x);
    // A little too long: "lenaf165 · lena.fischer165@exam…" fills the column, not "lenaf165 · …".
    QVERIFY2(inkRight - rect.left() >= width * 3 / 4,
        qPrintable(QStringLiteral("%1 of %2 pixels drawn for \"%3\"").arg(inkRight - rect.left()).arg(width).arg(cell.data().toString())));
}

QTEST_MAIN(TestGridPages)

void TestGridPages::filterMatchesWhatTheColumnShows_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("text");
    // Empty: the expected rows are those whose shown cell contains the text; otherwise an SQL condition.
    QTest::addColumn<QString>("expected");
    const QString now = QString::number(Now);
    QTest::addRow("Status \"expired\"") << "Status" << "expired" << QString();
    QTest::addRow("Status \"valid\"") << "Status" << "valid" << QString();
    QTest::addRow("Status \"orphan\"") << "Status" << "orphan" << QString();
    QTest::addRow("Status \"no expiry\"") << "Status" << "no expiry" << QString();
    QTest::addRow("Time left \"within 1 h\"")
        << "Time left" << "within 1 h" << QStringLiteral("expiry_date > %1 AND expiry_date <= %1 + 3600").arg(now);
    QTest::addRow("Time left \"expired\"") << "Time left" << "expired" << QStringLiteral("expiry_date < %1").arg(now);
    QTest::addRow("Expires on a day") << "Expires" << "day of a token" << QString();
    QTest::addRow("Expires never") << "Expires" << "never" << QStringLiteral("expiry_date IS NULL");
}

void TestGridPages::filterMatchesWhatTheColumnShows()
{
    QFETCH(QString, column);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    auto page = makePage<TokensPage>();
    GridModel *model = page->model();
    int col = -1;
    for (int c = 0; c < model->columnCount(); ++c)
        if (model->headerData(c, Qt::Horizontal).toString() == column)
            col = c;
    QVERIFY(col >= 0);
    // What the column shows for every row, before filtering.
    QHash<qint64, QString> shown;
    for (int r = 0; r < model->rowCount(); ++r)
        shown.insert(model->idAt(r), model->index(r, col).data().toString());
    QCOMPARE(shown.size(), 60);
    if (text == QLatin1String("day of a token")) {
        for (const QString &s : std::as_const(shown))
            if (s.size() >= 10 && s.at(0).isDigit())
                text = s.left(10); // e.g. "2030-03-17"
        QVERIFY(text.size() == 10);
    }
    QSet<qint64> want;
    if (expected.isEmpty()) {
        for (auto it = shown.cbegin(); it != shown.cend(); ++it)
            if (it.value().contains(text, Qt::CaseInsensitive))
                want << it.key();
    } else {
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM trongate_tokens WHERE ") + expected));
        while (q.next())
            want << q.value(0).toLongLong();
    }
    QVERIFY2(!want.isEmpty(), "the demo data should hold such rows");
    QVERIFY2(want.size() < 60, "and others");

    auto *combo = page->findChild<QComboBox *>(QStringLiteral("filterColumnCombo"));
    const int item = combo->findText(column);
    QVERIFY2(item > 0, qPrintable(column + QStringLiteral(" is not offered as a filter column")));
    combo->setCurrentIndex(item);
    auto *edit = page->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);

    QSet<qint64> got;
    for (int r = 0; r < model->rowCount(); ++r)
        got << model->idAt(r);
    QCOMPARE(model->filteredCount(), qint64(want.size()));
    QCOMPARE(got, want);
}

void TestGridPages::everyFilterIsShownAndEscClearsIt()
{
    auto page = makePage<TokensPage>();
    auto *bar = page->findChild<QWidget *>(QStringLiteral("filterBar"));
    auto *summary = page->findChild<QLabel *>(QStringLiteral("filterSummaryLabel"));
    auto *edit = page->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    auto *clear = page->findChild<QToolButton *>(QStringLiteral("clearFiltersButton"));
    QVERIFY(bar && summary && edit && clear);
    QVERIFY(!bar->isVisible());
    QCOMPARE(page->countText(), QStringLiteral("60 of 60 rows"));

    // A typed filter shows in the bar; Esc in the filter box drops it.
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("no such token anywhere"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(page->countText(), QStringLiteral("0 of 60 rows"));
    QVERIFY(bar->isVisible());
    QVERIFY2(summary->text().contains(QLatin1String("no such token anywhere")), qPrintable(summary->text()));
    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QVERIFY(edit->text().isEmpty());
    QCOMPARE(page->countText(), QStringLiteral("60 of 60 rows"));

    // A condition the program set (the orphans) shows too; Esc in the grid drops it.
    page->setCondition(QStringLiteral("Orphans of trongate_tokens.user_id"),
        QStringLiteral("user_id NOT IN (SELECT id FROM trongate_users)"));
    QVERIFY(bar->isVisible());
    QVERIFY2(summary->text().contains(QLatin1String("Orphans of trongate_tokens.user_id")), qPrintable(summary->text()));
    QVERIFY(page->model()->filteredCount() < 60);
    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QCOMPARE(page->countText(), QStringLiteral("60 of 60 rows"));

    // The way back can be reached with Tab from the filter box.
    page->setCondition(QStringLiteral("Orphans"), QStringLiteral("user_id NOT IN (SELECT id FROM trongate_users)"));
    edit->setFocus();
    bool reached = false;
    for (int i = 0; i < 8 && !reached; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reached = QApplication::focusWidget() == clear;
    }
    QVERIFY2(reached, "the ✕ of the filter bar is not reachable by Tab");
    QTest::keyClick(clear, Qt::Key_Space);
    QVERIFY(!bar->isVisible());
    QCOMPARE(page->countText(), QStringLiteral("60 of 60 rows"));
}

// As the window reads a big table: the first page and the database's estimate at once, "about"
// said; the exact count when it comes. With a filter: the rows at once, "counting…", then the
// number of matches. On SQLite and MariaDB, their estimates refreshed by ANALYZE and "big" meaning
// 200 rows here (TGADMIN_EXACT_COUNT_BELOW) instead of 50,000.
void TestGridPages::countSaysAboutUntilTheExactCountArrives()
{
    QSqlDatabase db = m_db->db();
    QVERIFY(db.transaction());
    QSqlQuery ins(db);
    QVERIFY(ins.prepare(
        QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) VALUES (?, ?, ?, '0')")));
    for (int i = 0; i < 1000; ++i) {
        ins.addBindValue(QStringLiteral("bulk-%1").arg(i));
        ins.addBindValue(1 + i % 30);
        ins.addBindValue(Now + i);
        QVERIFY(ins.exec());
    }
    QVERIFY(db.commit());
    if (m_db->backend() == QLatin1String("sqlite")) {
        TG_EXEC(db, QStringLiteral("ANALYZE"));
    } else {
        TG_EXEC(db, QStringLiteral("ANALYZE TABLE trongate_tokens"));
    }
    const qint64 all = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens"));
    const qint64 firstId = scalar(QStringLiteral("SELECT MIN(id) FROM trongate_tokens"));
    qputenv("TGADMIN_EXACT_COUNT_BELOW", "200");
    auto unset = qScopeGuard([] { qunsetenv("TGADMIN_EXACT_COUNT_BELOW"); });
    DbWorker worker(m_db->connectionName());
    DbWorker counter(m_db->connectionName());
    const QLocale l;

    std::optional<WorkerGate> counting(std::in_place, counter); // the count takes its time
    auto page = std::make_unique<TokensPage>(m_prompter);
    page->resize(1000, 600);
    page->show();
    page->setDatabase(db, [] { return Now; }, &worker, &counter);
    QVERIFY(gridLoaded(page.get()));
    GridModel *model = page->model();
    // The rows are there; the count says it is the database's estimate.
    QCOMPARE(model->index(0, TokensModel::IdColumn).data().toLongLong(), firstId);
    const QString about = page->countText();
    QVERIFY2(about.startsWith(QLatin1String("about ")) && about.contains(l.toString(RowEstimate::rounded(model->totalCount()))),
        qPrintable(about));
    auto *label = page->findChild<QLabel *>(QStringLiteral("countLabel"));
    QVERIFY(label && !label->toolTip().isEmpty());
    counting.reset();
    QTRY_COMPARE_WITH_TIMEOUT(page->countText(), QStringLiteral("%1 of %2 rows").arg(l.toString(all), l.toString(all)), 15000);
    QVERIFY(label->toolTip().isEmpty());

    // A filter: no estimate of its matches. The rows first, then their number.
    counting.emplace(counter);
    page->setFilter(QStringLiteral("bulk-"), TokensModel::TokenColumn);
    QVERIFY(QTest::qWaitFor([&] { return model->isFiltered() && !page->isLoading(); }, 15000));
    QVERIFY(model->index(0, TokensModel::TokenColumn).data(GridModel::RawValueRole).toString().startsWith(
        QLatin1String("bulk-")));
    QVERIFY2(page->countText().startsWith(QStringLiteral("counting…")), qPrintable(page->countText()));
    counting.reset();
    QTRY_COMPARE_WITH_TIMEOUT(page->countText(), QStringLiteral("%1 of %2 rows").arg(l.toString(1000), l.toString(all)), 15000);
    QCOMPARE(model->rowCount(), 1000);
}

#include "TestGridPages.moc"
