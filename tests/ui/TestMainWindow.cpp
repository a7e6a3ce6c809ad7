#include "AppSettings.h"
#include "ConnectionController.h"
#include "connection/DatabaseSession.h"
#include "schema/DemoDatabase.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "OverviewPage.h"
#include "TokenActions.h"
#include "TableItem.h"
#include "UsersModel.h"
#include "connection/ProfileStore.h"
#include "schema/SchemaInspector.h"
#include "ScriptedPrompter.h"
#include "TestDatabase.h"
#include "ExpiryPage.h"
#include "DiagramScene.h"
#include "DiagramView.h"
#include "RelationItem.h"
#include "RelationsPage.h"
#include "TokensModel.h"
#include "TokensPage.h"
#include "GridPage.h"
#include "GridWait.h"
#include "Theme.h"
#include "schema/TrongateSchema.h"
#include "connection/DbWorker.h"
#include "WorkerGate.h"

#include <QLocale>
#include <QAbstractButton>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSpinBox>
#include <QToolBar>
#include <QToolButton>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QSqlDatabase>
#include <QTableView>
#include <QScopeGuard>

#include <optional>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QScopeGuard>

#include <optional>
#include <QTest>

// The window as a new user meets it: first start on the demo, switching databases, installing
// and verifying the schema, window state kept between runs.
class TestMainWindow final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstStartOpensTheSeededDemo();
    void resetDemoRecreatesIt();
    void switchingConnectionsNeedsNoRestart();
    void foreignDatabaseIsNamedAndInstallShowsSqlFirst();
    void verifyReportsDamage();
    void refusedStoredPasswordIsAskedAgain();
    void windowStateIsRemembered();
    void followsADarkPalette();
    void autoPurgeIsPerConnectionAndShown();
    void closingClearsACopiedToken();
    void everyControlHasANameAndIsReachableByKeyboard();
    void fitsAnSvgaScreenAndShowsTheTokenActions();
    void paletteIsChosenInViewAndRemembered();
    void darkPaletteShowsDisabledAndCheckBoxes();
    void sidebarIconsMeanTheirPages();
    void tabGoesFromFilterToGridNotToTheSidebar();
    void orphanJumpReplacesTheFilters();
    void countsAreNewEverywhereAfterARevoke();
    void overviewShowsEstimatesFirstThenExactFigures();
    void overviewSaysWhenTheStatisticsCannotBeRead_data();
    void overviewSaysWhenTheStatisticsCannotBeRead();

private:
    struct Fixture {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<AppSettings> app;
        std::unique_ptr<ProfileStore> profiles;
        MemorySecretStore secrets;
        ScriptedPrompter prompter;
        DatabaseSession session;
        std::unique_ptr<ConnectionController> controller;
        std::unique_ptr<MainWindow> window;
    };
    std::unique_ptr<Fixture> makeFixture();
    QString connectionText(MainWindow &w) { return w.findChild<QLabel *>(QStringLiteral("connectionLabel"))->text(); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QFile::remove(DemoDatabase::defaultPath());
}

void TestMainWindow::cleanup()
{
    QFile::remove(DemoDatabase::defaultPath());
}

std::unique_ptr<TestMainWindow::Fixture> TestMainWindow::makeFixture()
{
    auto f = std::make_unique<Fixture>();
    f->settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    f->app = std::make_unique<AppSettings>(*f->settings);
    f->profiles = std::make_unique<ProfileStore>(*f->settings);
    f->controller = std::make_unique<ConnectionController>(f->session, *f->profiles, f->secrets, f->prompter, *f->app);
    f->window = std::make_unique<MainWindow>(*f->controller, *f->app);
    return f;
}

void TestMainWindow::firstStartOpensTheSeededDemo()
{
    auto f = makeFixture();
    QVERIFY(!QFile::exists(DemoDatabase::defaultPath()));
    QVERIFY(f->controller->openStartup(f->window.get()));
    f->window->show();
    // The demo lives in the user's data directory.
    QVERIFY(DemoDatabase::defaultPath().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY(QFile::exists(DemoDatabase::defaultPath()));
    QVERIFY2(f->window->windowTitle().contains(QLatin1String("Demo (SQLite)")), qPrintable(f->window->windowTitle()));
    QVERIFY(connectionText(*f->window).contains(QLatin1String("demo.sqlite")));
    auto *overview = f->window->findChild<OverviewPage *>();
    QVERIFY(overview);
    QTRY_VERIFY(overview->schemaStatusText().contains(QLatin1String("three tables are present")));
    // The token statistics follow the tables, in the statement right behind them.
    QTRY_VERIFY(!overview->isReadingStatistics());
    QVERIFY(
        overview->statText(QStringLiteral("valid")).remove(QRegularExpression(QStringLiteral("\\D"))).toInt() > 100);
    QVERIFY(overview->statText(QStringLiteral("hour")).toInt() > 0);
    QCOMPARE(overview->statText(QStringLiteral("orphans")), QStringLiteral("3"));
    QVERIFY(f->prompter.warnings.isEmpty());
    QCOMPARE(f->window->pageNames().first(), QStringLiteral("overview"));
}

void TestMainWindow::resetDemoRecreatesIt()
{
    auto f = makeFixture();
    QVERIFY(f->controller->openDemo(f->window.get()));
    auto firstCode = [&] {
        QSqlQuery q(f->session.database());
        return q.exec(QStringLiteral("SELECT code FROM trongate_users WHERE id = 1")) && q.next()
            ? q.value(0).toString()
            : QString();
    };
    const QString before = firstCode();
    QVERIFY(!before.isEmpty());
    TG_EXEC(f->session.database(), QStringLiteral("DELETE FROM trongate_tokens"));

    // Declining changes nothing.
    QVERIFY(!f->window->resetDemo());
    QCOMPARE(firstCode(), before);

    f->prompter.confirmAnswers.enqueue(true);
    QVERIFY(f->window->resetDemo());
    QVERIFY(f->prompter.asked.last().contains(QLatin1String("Delete the demo database")));
    const QString after = firstCode();
    QVERIFY(!after.isEmpty());
    QVERIFY(after != before);
    QSqlQuery q(f->session.database());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")) && q.next());
    QVERIFY(q.value(0).toInt() > 0);
}

void TestMainWindow::switchingConnectionsNeedsNoRestart()
{
    auto f = makeFixture();
    QVERIFY(f->controller->openDemo(f->window.get()));
    ConnectionProfile other;
    other.name = QStringLiteral("Shop copy");
    other.driver = DriverKind::Sqlite;
    other.sqlitePath = m_dir->filePath(QStringLiteral("shop.sqlite"));
    QFile(other.sqlitePath).open(QIODevice::WriteOnly);
    QVERIFY(f->profiles->save(other).isEmpty());
    QVERIFY(f->controller->openProfile(f->window.get(), other));
    QCOMPARE(f->window->windowTitle().remove(QStringLiteral("[*]")), QStringLiteral("Shop copy — Trongate Admin"));
    QVERIFY(connectionText(*f->window).contains(QLatin1String("shop.sqlite")));
    QCOMPARE(f->app->lastConnection(), QStringLiteral("Shop copy"));

    // The next start opens it again.
    auto g = makeFixture();
    QVERIFY(g->controller->openStartup(g->window.get()));
    QCOMPARE(g->session.profile().name, QStringLiteral("Shop copy"));

    // A failed switch keeps the database that was open.
    ConnectionProfile broken = other;
    broken.name = QStringLiteral("Gone");
    broken.sqlitePath = m_dir->filePath(QStringLiteral("gone.sqlite"));
    QVERIFY(!f->controller->openProfile(f->window.get(), broken));
    QCOMPARE(f->session.profile().name, QStringLiteral("Shop copy"));
    QVERIFY(f->prompter.warnings.last().contains(QLatin1String("does not exist")));
}

void TestMainWindow::foreignDatabaseIsNamedAndInstallShowsSqlFirst()
{
    auto f = makeFixture();
    ConnectionProfile p;
    p.name = QStringLiteral("Blog");
    p.driver = DriverKind::Sqlite;
    p.sqlitePath = m_dir->filePath(QStringLiteral("blog.sqlite"));
    QFile(p.sqlitePath).open(QIODevice::WriteOnly);
    f->window->show(); // the overview reads its statistics when it is on screen
    QVERIFY(f->controller->openProfile(f->window.get(), p));
    TG_EXEC(f->session.database(), QStringLiteral("CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT)"));
    f->window->findChild<OverviewPage *>()->refresh();
    QTRY_VERIFY(f->window->findChild<OverviewPage *>()->schemaStatusText().contains(
        QLatin1String("none of Trongate's tables")));

    // Declined at the preview: nothing is created.
    QVERIFY(!f->window->installSchema());
    QCOMPARE(f->prompter.previewedSql.size(), 3);
    QVERIFY(f->prompter.previewedSql.first().startsWith(
        QLatin1String("CREATE TABLE IF NOT EXISTS \"trongate_user_levels\"")));
    QCOMPARE(SchemaInspector(f->session.database()).presentTrongateTables().size(), 0);

    f->prompter.acceptSql = true;
    QVERIFY(f->window->installSchema());
    QCOMPARE(SchemaInspector(f->session.database()).presentTrongateTables(), TrongateSchema::tableNames());
    QVERIFY(f->window->verifySchema(false).isClean());
    QTRY_VERIFY(
        f->window->findChild<OverviewPage *>()->schemaStatusText().contains(QLatin1String("three tables are present")));
}

void TestMainWindow::verifyReportsDamage()
{
    auto f = makeFixture();
    QVERIFY(f->controller->openDemo(f->window.get()));
    TG_EXEC(f->session.database(), QStringLiteral("ALTER TABLE trongate_tokens DROP COLUMN code"));
    const SchemaReport report = f->window->verifySchema(true);
    QCOMPARE(report.problemCount(), 1);
    QVERIFY(f->window->statusBar()->currentMessage().contains(QLatin1String("differences found: 1")));
}

void TestMainWindow::refusedStoredPasswordIsAskedAgain()
{
    QString password;
    const auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    if (!server) {
        if (TestDatabase::serversRequired())
            QFAIL("no MariaDB test server");
        QSKIP("no MariaDB test server: run through scripts/test.sh");
    }
    auto f = makeFixture();
    ConnectionProfile p = *server;
    p.name = QStringLiteral("Server");
    QVERIFY(f->profiles->save(p).isEmpty());
    f->secrets.entries.insert(SecretStore::keyForProfile(p.name), QStringLiteral("outdated"));
    f->prompter.passwordAnswers.enqueue(Prompter::PasswordAnswer { password, true });
    QVERIFY(f->controller->openProfile(f->window.get(), p));
    QVERIFY(f->prompter.asked.last().contains(QLatin1String("refused")));
    QCOMPARE(f->secrets.entries.value(SecretStore::keyForProfile(p.name)), password);
    QVERIFY(connectionText(*f->window).contains(QLatin1String("not encrypted")));
}

void TestMainWindow::windowStateIsRemembered()
{
    {
        auto f = makeFixture();
        f->window->show();
        f->window->resize(1000, 640);
        QVERIFY(f->window->close());
    }
    auto g = makeFixture();
    g->window->restoreWindowState();
    g->window->show();
    QCOMPARE(g->window->size(), QSize(1000, 640));
    QCOMPARE(g->window->currentPage(), QStringLiteral("overview"));
}

void TestMainWindow::followsADarkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    const QPalette original = QApplication::palette();
    QApplication::setPalette(dark);
    auto f = makeFixture();
    QVERIFY(f->controller->openDemo(f->window.get()));
    f->window->resize(1000, 700);
    f->window->show();
    const QImage shot = f->window->grab().toImage();
    QApplication::setPalette(original);
    qint64 sum = 0;
    int n = 0;
    for (int y = 0; y < shot.height(); y += 7)
        for (int x = 0; x < shot.width(); x += 7, ++n)
            sum += qGray(shot.pixel(x, y));
    // No hard-coded light backgrounds: the window is as dark as its palette.
    QVERIFY2(sum / n < 80, qPrintable(QStringLiteral("average grey %1").arg(sum / n)));
}

void TestMainWindow::autoPurgeIsPerConnectionAndShown()
{
    // Connection B: another database with an expired token, which must survive.
    const QString otherPath = m_dir->filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("prepare-b"));
        d.setDatabaseName(otherPath);
        QVERIFY(d.open());
        QSqlQuery q(d);
        for (const QString &sql : TrongateSchema::installStatements(DriverKind::Sqlite, {}))
            QVERIFY2(q.exec(sql), qPrintable(sql));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date) VALUES ('old', 1, 1)")));
        d.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("prepare-b"));
    ConnectionProfile b;
    b.name = QStringLiteral("Shop");
    b.driver = DriverKind::Sqlite;
    b.sqlitePath = otherPath;

    auto f = makeFixture();
    QVERIFY(f->controller->openDemo(f->window.get()));
    f->window->show();
    auto *indicator = f->window->findChild<QLabel *>(QStringLiteral("autoPurgeIndicator"));
    QVERIFY(indicator);
    QVERIFY(indicator->isHidden());
    auto *check = f->window->expiryPage()->findChild<QCheckBox *>(QStringLiteral("autoPurgeCheck"));
    QVERIFY(check);
    QVERIFY(!check->isChecked()); // off by default
    // Turned on for connection A (the demo): said in the status bar, on every page.
    check->setChecked(true);
    QVERIFY(f->window->expiryPage()->autoPurgeActive());
    QVERIFY(!indicator->isHidden());
    QVERIFY2(indicator->text().contains(QLatin1String("Auto-purge every 10 min is on for this connection")),
        qPrintable(indicator->text()));
    QVERIFY(f->window->showPage(QStringLiteral("overview")));
    QVERIFY(indicator->isVisible());

    // Connection B opened in the same window: off there, indicator gone, its tokens untouched.
    QVERIFY(f->controller->openProfile(f->window.get(), b));
    QVERIFY(!f->window->expiryPage()->autoPurgeActive());
    QVERIFY(!check->isChecked());
    QVERIFY(indicator->isHidden());

    // A plain start against B (another run of the console, the same settings): nothing runs either.
    f.reset(); // quit: the settings are written
    auto g = makeFixture(); // the same settings file
    QVERIFY(g->controller->openProfile(g->window.get(), b));
    QVERIFY(!g->window->expiryPage()->autoPurgeActive());
    QVERIFY(g->window->findChild<QLabel *>(QStringLiteral("autoPurgeIndicator"))->isHidden());
    QTest::qWait(50);
    QSqlQuery q(g->session.database());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE token = 'old'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);

    // Back on A it is on again, and says so.
    QVERIFY(g->controller->openDemo(g->window.get()));
    QVERIFY(g->window->expiryPage()->autoPurgeActive());
    QVERIFY(!g->window->findChild<QLabel *>(QStringLiteral("autoPurgeIndicator"))->isHidden());
}

void TestMainWindow::closingClearsACopiedToken()
{
    auto f = makeFixture();
    QVERIFY(f->controller->openDemo(f->window.get()));
    f->window->show();
    QVERIFY(f->window->showPage(QStringLiteral("tokens")));
    auto *tokens = qobject_cast<TokensPage *>(f->window->gridPage(QStringLiteral("tokens")));
    QVERIFY(tokens);
    QVERIFY(gridLoaded(tokens));
    tokens->view()->setCurrentIndex(tokens->model()->index(0, 0));
    tokens->copyToken(false);
    const QString token = tokens->tokens()->tokenAt(0);
    QVERIFY(!token.isEmpty());
    QCOMPARE(QApplication::clipboard()->text(), token);
    QVERIFY(f->window->close());
    QVERIFY2(QApplication::clipboard()->text().isEmpty(), "the token outlived the window on the clipboard");
}

void TestMainWindow::everyControlHasANameAndIsReachableByKeyboard()
{
    auto f = makeFixture();
    QVERIFY(f->controller->openDemo(f->window.get()));
    f->window->show();
    QStringList problems;
    const auto reachable = [](QAction *a, const QList<QAction *> &inContextMenu) {
        if (!a->shortcut().isEmpty() || inContextMenu.contains(a))
            return true;
        for (QObject *o : a->associatedObjects())
            if (qobject_cast<QMenu *>(o))
                return true;
        return false;
    };
    // At the size a window opens with and on a small screen, where tool bars overflow.
    for (const QSize size : { QSize(1100, 720), QSize(800, 600) }) {
        f->window->resize(size);
        for (const QString &page : f->window->pageNames()) {
            QVERIFY(f->window->showPage(page));
            QCoreApplication::processEvents();
            // What a grid's context menu offers counts as reachable by keyboard (Shift+F10, Menu key).
            QList<QAction *> inContextMenu;
            if (GridPage *grid = f->window->gridPage(page)) {
                std::unique_ptr<QMenu> menu(grid->contextMenu());
                inContextMenu = menu->actions();
            }
            // Every tool bar action, also those in the overflow, can be reached without a mouse.
            for (QToolBar *bar : f->window->findChildren<QToolBar *>()) {
                if (!bar->isVisible())
                    continue;
                for (QAction *a : bar->actions())
                    if (!a->isSeparator() && !bar->widgetForAction(a)->inherits("QCheckBox")
                        && !reachable(a, inContextMenu))
                        problems << QStringLiteral("%1: tool bar action \"%2\" cannot be reached by keyboard")
                                        .arg(page, a->text());
            }
            for (QWidget *w : f->window->findChildren<QWidget *>()) {
                if (!w->isVisible())
                    continue;
                const bool actionable = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w)
                    || qobject_cast<QLineEdit *>(w);
                if (!actionable)
                    continue;
                // The line edit inside a combo or spin box is part of that control.
                if (qobject_cast<QLineEdit *>(w)
                    && (qobject_cast<QComboBox *>(w->parentWidget())
                        || qobject_cast<QAbstractSpinBox *>(w->parentWidget())))
                    continue;
                const QString where = QStringLiteral("%1 at %2×%3: %4 \"%5\"")
                                          .arg(page)
                                          .arg(size.width())
                                          .arg(size.height())
                                          .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
                QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
                if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
                    problems << where + QStringLiteral(" has no accessible name");
                if (w->focusPolicy() != Qt::NoFocus)
                    continue;
                // A grid's corner button selects all rows, which Ctrl+A does from the keyboard; a tool
                // bar's overflow button shows actions checked above.
                if (w->inherits("QTableCornerButton") || w->objectName() == QLatin1String("qt_toolbar_ext_button"))
                    continue;
                // Tool bar buttons never take focus; their actions must be reachable otherwise.
                auto *button = qobject_cast<QToolButton *>(w);
                if (!button || !button->defaultAction() || !reachable(button->defaultAction(), inContextMenu))
                    problems << where + QStringLiteral(" cannot be reached by keyboard");
            }
        }
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestMainWindow::fitsAnSvgaScreenAndShowsTheTokenActions()
{
    auto f = makeFixture();
    QVERIFY(f->controller->openDemo(f->window.get()));
    f->window->show();
    for (const QString &page : f->window->pageNames()) {
        QVERIFY(f->window->showPage(page));
        QCoreApplication::processEvents();
        const QSize least = f->window->minimumSizeHint().expandedTo(f->window->minimumSize());
        QVERIFY2(least.width() <= 800 && least.height() <= 600,
            qPrintable(QStringLiteral("%1 needs at least %2×%3").arg(page).arg(least.width()).arg(least.height())));
    }
    f->window->resize(800, 600);
    QCoreApplication::processEvents();
    QCOMPARE(f->window->size(), QSize(800, 600));

    // At the size a new window opens with, the token actions are on the tool bar, not in its overflow.
    f->window->resize(1100, 720);
    QVERIFY(f->window->showPage(QStringLiteral("tokens")));
    QCoreApplication::processEvents();
    GridPage *tokens = f->window->gridPage(QStringLiteral("tokens"));
    auto *bar = tokens->findChild<QToolBar *>();
    for (const char *name : { "revokeNowAction", "extendAction", "regenerateAction" }) {
        QAction *a = tokens->findChild<QAction *>(QString::fromLatin1(name));
        QVERIFY(a);
        QWidget *button = bar->widgetForAction(a);
        QVERIFY2(button && button->isVisible(), name);
    }
}

void TestMainWindow::paletteIsChosenInViewAndRemembered()
{
    const QPalette original = QApplication::palette();
    auto f = makeFixture();
    f->window->show();
    auto *dark = f->window->findChild<QAction *>(QStringLiteral("palette_dark"));
    auto *system = f->window->findChild<QAction *>(QStringLiteral("palette_system"));
    QVERIFY(dark && system && f->window->findChild<QAction *>(QStringLiteral("palette_light")));
    QVERIFY(system->isChecked());
    dark->trigger();
    QCoreApplication::processEvents(); // the open window follows at once, no restart
    QCOMPARE(f->app->theme(), QStringLiteral("dark"));
    QVERIFY2(f->window->palette().color(QPalette::Window).lightness() < 80,
        qPrintable(QStringLiteral("app %1 window %2").arg(QApplication::palette().color(QPalette::Window).name(), f->window->palette().color(QPalette::Window).name())));
    {
        auto g = makeFixture(); // the next start
        QVERIFY(g->window->findChild<QAction *>(QStringLiteral("palette_dark"))->isChecked());
    }
    system->trigger();
    QCOMPARE(f->app->theme(), QStringLiteral("system"));
    QCOMPARE(QApplication::palette().color(QPalette::Window), original.color(QPalette::Window));
}

static int lightnessSpread(const QImage &image, const QRect &area)
{
    int lo = 255;
    int hi = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const int l = QColor(image.pixel(x, y)).lightness();
            lo = std::min(lo, l);
            hi = std::max(hi, l);
        }
    return hi - lo;
}

void TestMainWindow::darkPaletteShowsDisabledAndCheckBoxes()
{
    Theme::apply(Theme::Kind::Dark);
    const auto restore = qScopeGuard([] { Theme::apply(Theme::Kind::System); });
    const QPalette p = QApplication::palette();
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::ButtonText, QPalette::Text })
        QVERIFY(p.color(QPalette::Active, role).lightness() - p.color(QPalette::Disabled, role).lightness() > 80);

    // A disabled tool bar action (Save with nothing to save) is drawn dimmer than an enabled one.
    QToolBar bar;
    bar.setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *save = bar.addAction(QStringLiteral("Save"));
    QAction *exportAction = bar.addAction(QStringLiteral("Export"));
    save->setEnabled(false);
    bar.show();
    const auto brightest = [](QWidget *w) {
        const QImage img = w->grab().toImage();
        int hi = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                hi = std::max(hi, QColor(img.pixel(x, y)).lightness());
        return hi;
    };
    const int enabled = brightest(bar.widgetForAction(exportAction));
    const int disabled = brightest(bar.widgetForAction(save));
    QVERIFY2(enabled - disabled > 60, qPrintable(QStringLiteral("enabled %1, disabled %2").arg(enabled).arg(disabled)));

    // The schema doctor's list of suggestions: unchecked boxes must show on the dark base.
    QListWidget list;
    list.resize(300, 80);
    auto *item = new QListWidgetItem(QStringLiteral("Add an index on trongate_tokens.expiry_date"), &list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
    list.show();
    const QImage shot = list.viewport()->grab().toImage();
    const QRect row = list.visualItemRect(item);
    QVERIFY2(lightnessSpread(shot, QRect(row.left(), row.top(), row.height(), row.height())) > 80,
        "the unchecked box is not visible on the dark palette");
    QCheckBox box(QStringLiteral("Unchecked"));
    box.show();
    const QImage boxShot = box.grab().toImage();
    QVERIFY2(lightnessSpread(boxShot, QRect(0, 0, boxShot.height(), boxShot.height())) > 80,
        "an unchecked check box is not visible on the dark palette");
}

void TestMainWindow::sidebarIconsMeanTheirPages()
{
    auto f = makeFixture();
    auto *nav = f->window->findChild<QListWidget *>(QStringLiteral("pageList"));
    QVERIFY(nav);
    const auto image = [](const QIcon &icon) { return icon.pixmap(QSize(22, 22)).toImage(); };
    const QImage tick = image(f->window->style()->standardIcon(QStyle::SP_DialogApplyButton));
    const QImage details = image(f->window->style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    const QList<QPair<QString, QString>> expected = { { QStringLiteral("tokens"), QStringLiteral(":/icons/token-key.svg") },
        { QStringLiteral("relations"), QStringLiteral(":/icons/relations-diagram.svg") } };
    for (const auto &[page, fallback] : expected) {
        QVERIFY(QFile::exists(fallback));
        const QIcon icon = nav->item(int(f->window->pageNames().indexOf(page)))->icon();
        QVERIFY(!icon.isNull());
        QVERIFY2(image(icon) != tick && image(icon) != details, qPrintable(page));
        if (QIcon::themeName().isEmpty() || !QIcon::hasThemeIcon(icon.name()))
            QCOMPARE(image(icon), image(QIcon(fallback)));
    }
}

void TestMainWindow::tabGoesFromFilterToGridNotToTheSidebar()
{
    auto f = makeFixture();
    QVERIFY(f->controller->openDemo(f->window.get()));
    f->window->show();
    QApplication::setActiveWindow(f->window.get());
    QVERIFY(f->window->showPage(QStringLiteral("users")));
    GridPage *users = f->window->gridPage(QStringLiteral("users"));
    auto *filter = users->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    filter->setFocus();
    QStringList visited;
    for (int i = 0; i < 4 && QApplication::focusWidget() != users->view(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited << QApplication::focusWidget()->objectName();
    }
    QCOMPARE(visited, QStringList({ QStringLiteral("filterColumnCombo"), QStringLiteral("gridView") }));
}

void TestMainWindow::countsAreNewEverywhereAfterARevoke()
{
    auto f = makeFixture();
    QVERIFY(f->controller->openDemo(f->window.get()));
    f->window->resize(1200, 760);
    f->window->show();
    // Every page that shows a count has been looked at once (loaded), then the console revokes.
    QVERIFY(f->window->showPage(QStringLiteral("users")));
    GridPage *users = f->window->gridPage(QStringLiteral("users"));
    QVERIFY(gridLoaded(users));
    // The token counts follow the rows (a read of their own); until then the cells say "…".
    const auto tokensAt = [users](int r) {
        bool ok = false;
        const int n = QLocale().toInt(users->model()->index(r, UsersModel::TokensColumn).data().toString(), &ok);
        return ok ? n : -1;
    };
    int row = -1;
    QTRY_VERIFY(([&] {
        for (int r = 0; r < users->model()->rowCount() && row < 0; ++r)
            if (tokensAt(r) > 0)
                row = r;
        return row >= 0;
    })());
    const qint64 userId = users->model()->idAt(row);
    QVERIFY(f->window->showPage(QStringLiteral("relations")));
    auto *relations = f->window->findChild<RelationsPage *>();
    QTRY_VERIFY(!relations->isLoading());
    const QString before = relations->statusText();
    QVERIFY(f->window->showPage(QStringLiteral("users")));

    f->prompter.confirmAnswers.enqueue(true);
    QVERIFY(f->window->tokenActions()->revokeUser(f->window.get(), userId));
    // The users page says 0 without a reload by hand, once its worker has read the page again.
    const auto tokensNow = [&] {
        int now = -1;
        for (int r = 0; r < users->model()->rowCount() && r < 128; ++r)
            if (users->model()->idAt(r) == userId)
                now = tokensAt(r);
        return now;
    };
    QTRY_COMPARE(tokensNow(), 0);
    // The diagram's token count is the new one when it is shown next.
    QSqlQuery q(f->session.database());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")) && q.next());
    const qint64 tokens = q.value(0).toLongLong();
    q.finish();
    QVERIFY(f->window->showPage(QStringLiteral("relations")));
    QTRY_VERIFY(!relations->isLoading());
    bool found = false;
    for (TableItem *t : relations->scene()->tableItems())
        if (t->table().name == QLatin1String("trongate_tokens"))
            found = t->table().rows == tokens;
    QVERIFY2(found, qPrintable(before));
}

QTEST_MAIN(TestMainWindow)

void TestMainWindow::orphanJumpReplacesTheFilters()
{
    auto f = makeFixture();
    QVERIFY(f->controller->openStartup(f->window.get()));
    f->window->resize(1200, 760);
    f->window->show();
    QApplication::setActiveWindow(f->window.get());
    // A filter left on the Tokens page that matches nothing ('-' is not in a token's alphabet).
    QVERIFY(f->window->showPage(QStringLiteral("tokens")));
    auto *tokens = f->window->findChild<TokensPage *>();
    QVERIFY(gridLoaded(tokens));
    auto *edit = tokens->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("zzzz-none"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(tokens->model()->filteredCount(), 0);

    // "3 orphans" in the diagram.
    QVERIFY(f->window->showPage(QStringLiteral("relations")));
    auto *relations = f->window->findChild<RelationsPage *>();
    QTRY_VERIFY(!relations->isLoading()); // the schema is read on the session's worker thread
    RelationItem *orphans = nullptr;
    for (RelationItem *r : relations->scene()->relationItems())
        if (r->relation().childTable == QLatin1String("trongate_tokens"))
            orphans = r;
    QVERIFY(orphans);
    const QPoint where = relations->view()->mapFromScene(orphans->labelRect().center());
    QTest::mouseClick(relations->view()->viewport(), Qt::LeftButton, {}, where);

    // Tokens shows the three orphans, not "0 of 700 rows", and says it is filtered.
    QCOMPARE(f->window->currentPage(), QStringLiteral("tokens"));
    QTRY_COMPARE(tokens->model()->filteredCount(), 3);
    QVERIFY(edit->text().isEmpty());
    auto *bar = tokens->findChild<QWidget *>(QStringLiteral("filterBar"));
    QVERIFY(bar->isVisible());
    const QString summary = tokens->findChild<QLabel *>(QStringLiteral("filterSummaryLabel"))->text();
    QVERIFY2(summary.contains(QLatin1String("Orphans of trongate_tokens.user_id")), qPrintable(summary));
    QVERIFY2(!summary.contains(QLatin1String("zzzz")), qPrintable(summary));
    // Esc in the grid: every row again.
    tokens->view()->setFocus();
    QTest::keyClick(tokens->view(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QVERIFY(gridLoaded(tokens));
    QCOMPARE(tokens->model()->filteredCount(), tokens->model()->totalCount());
}

// The overview of a big database comes at the speed of the engine's estimates: the tables with
// "about" their rows, the token figures as "…"; the exact counts and figures follow from the count
// worker. ("Big" is 100 rows here, TGADMIN_EXACT_COUNT_BELOW; ANALYZE gives SQLite its estimates.)
void TestMainWindow::overviewShowsEstimatesFirstThenExactFigures()
{
    qputenv("TGADMIN_EXACT_COUNT_BELOW", "100");
    auto unset = qScopeGuard([] { qunsetenv("TGADMIN_EXACT_COUNT_BELOW"); });
    auto f = makeFixture();
    f->window->show();
    QVERIFY(f->controller->openDemo(f->window.get()));
    auto *overview = f->window->findChild<OverviewPage *>();
    QTRY_VERIFY(!overview->isLoading() && !overview->isCounting());
    TG_EXEC(f->session.database(), QStringLiteral("ANALYZE"));
    QSqlQuery q(f->session.database());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")) && q.next());
    const qint64 tokens = q.value(0).toLongLong();
    QVERIFY(tokens >= 100);
    auto tokensRow = [overview] {
        const TableSummaryModel *m = overview->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, TableSummaryModel::NameColumn).data().toString() == TrongateSchema::Tokens)
                return m->index(r, TableSummaryModel::RowsColumn).data().toString();
        return QString();
    };

    std::optional<WorkerGate> counting(std::in_place, *f->session.countWorker());
    overview->refresh();
    QTRY_VERIFY(!overview->isLoading());
    QVERIFY(overview->isCounting());
    QVERIFY2(tokensRow().startsWith(QLatin1String("about ")), qPrintable(tokensRow()));
    QCOMPARE(overview->statText(QStringLiteral("valid")), QStringLiteral("…"));
    QVERIFY(overview->schemaStatusText().contains(QLatin1String("three tables are present")));
    QVERIFY(!f->window->isBusy()); // a screenshot would be taken now

    counting.reset();
    QTRY_VERIFY(!overview->isCounting());
    QCOMPARE(tokensRow(), QLocale().toString(tokens));
    QVERIFY(overview->statText(QStringLiteral("valid")).remove(QRegularExpression(QStringLiteral("\\D"))).toInt() > 0);
    QCOMPARE(overview->statText(QStringLiteral("orphans")), QStringLiteral("3"));
}

// The token statistics read apart from the table counts (right behind them for a small table,
// with the exact count for a big one): when they cannot be read, the tiles say so with the reason,
// and the page is not left waiting at "…".
void TestMainWindow::overviewSaysWhenTheStatisticsCannotBeRead_data()
{
    QTest::addColumn<QByteArray>("exactBelow");
    QTest::newRow("small table") << QByteArray("1000000");
    QTest::newRow("big table") << QByteArray("100");
}

void TestMainWindow::overviewSaysWhenTheStatisticsCannotBeRead()
{
    QFETCH(QByteArray, exactBelow);
    qputenv("TGADMIN_EXACT_COUNT_BELOW", exactBelow);
    auto unset = qScopeGuard([] { qunsetenv("TGADMIN_EXACT_COUNT_BELOW"); });
    auto f = makeFixture();
    f->window->show();
    QVERIFY(f->controller->openDemo(f->window.get()));
    auto *overview = f->window->findChild<OverviewPage *>();
    QTRY_VERIFY(!overview->isLoading() && !overview->isCounting() && !overview->isReadingStatistics());
    // The table is still counted; its statistics, which read expiry_date, fail.
    TG_EXEC(f->session.database(), QStringLiteral("ALTER TABLE trongate_tokens RENAME COLUMN expiry_date TO expires_at"));
    TG_EXEC(f->session.database(), QStringLiteral("ANALYZE"));
    overview->refresh();
    QTRY_VERIFY(!overview->isLoading() && !overview->isCounting() && !overview->isReadingStatistics());
    QVERIFY(!f->window->isBusy());
    QCOMPARE(overview->statText(QStringLiteral("valid")), OverviewPage::tr("not read", "a token statistic whose read failed"));
    const QList<QLabel *> tile = overview->findChildren<QLabel *>();
    bool explained = false;
    for (QLabel *l : tile)
        explained = explained || l->toolTip().contains(QLatin1String("expiry_date"));
    QVERIFY(explained);
}

#include "TestMainWindow.moc"
