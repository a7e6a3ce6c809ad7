#include "AppSettings.h"
#include "ConnectionController.h"
#include "DatabaseSession.h"
#include "DemoDatabase.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "OverviewPage.h"
#include "ProfileStore.h"
#include "SchemaInspector.h"
#include "ScriptedPrompter.h"
#include "TestDatabase.h"
#include "ExpiryPage.h"
#include "DiagramScene.h"
#include "DiagramView.h"
#include "RelationItem.h"
#include "RelationsPage.h"
#include "TokensModel.h"
#include "TokensPage.h"
#include "TrongateSchema.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QSqlDatabase>
#include <QTableView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
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
    void orphanJumpReplacesTheFilters();

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
    QVERIFY(overview->schemaStatusText().contains(QLatin1String("three tables are present")));
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
    QVERIFY(f->controller->openProfile(f->window.get(), p));
    TG_EXEC(f->session.database(), QStringLiteral("CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT)"));
    f->window->findChild<OverviewPage *>()->refresh();
    QVERIFY(f->window->findChild<OverviewPage *>()->schemaStatusText().contains(
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
    QVERIFY(
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
    tokens->view()->setCurrentIndex(tokens->model()->index(0, 0));
    tokens->copyToken(false);
    const QString token = tokens->tokens()->tokenAt(0);
    QVERIFY(!token.isEmpty());
    QCOMPARE(QApplication::clipboard()->text(), token);
    QVERIFY(f->window->close());
    QVERIFY2(QApplication::clipboard()->text().isEmpty(), "the token outlived the window on the clipboard");
}

QTEST_MAIN(TestMainWindow)

void TestMainWindow::orphanJumpReplacesTheFilters()
{
    auto f = makeFixture();
    QVERIFY(f->controller->openStartup(f->window.get()));
    f->window->resize(1200, 760);
    f->window->show();
    QApplication::setActiveWindow(f->window.get());
    // A filter left on the Tokens page that matches nothing.
    QVERIFY(f->window->showPage(QStringLiteral("tokens")));
    auto *tokens = f->window->findChild<TokensPage *>();
    auto *edit = tokens->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("zzzz"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(tokens->model()->filteredCount(), 0);

    // "3 orphans" in the diagram.
    QVERIFY(f->window->showPage(QStringLiteral("relations")));
    auto *relations = f->window->findChild<RelationsPage *>();
    RelationItem *orphans = nullptr;
    for (RelationItem *r : relations->scene()->relationItems())
        if (r->relation().childTable == QLatin1String("trongate_tokens"))
            orphans = r;
    QVERIFY(orphans);
    const QPoint where = relations->view()->mapFromScene(orphans->labelRect().center());
    QTest::mouseClick(relations->view()->viewport(), Qt::LeftButton, {}, where);

    // Tokens shows the three orphans, not "0 of 700 rows", and says it is filtered.
    QCOMPARE(f->window->currentPage(), QStringLiteral("tokens"));
    QCOMPARE(tokens->model()->filteredCount(), 3);
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
    QCOMPARE(tokens->model()->filteredCount(), tokens->model()->totalCount());
}

#include "TestMainWindow.moc"
