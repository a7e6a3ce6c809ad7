#include "AppSettings.h"
#include "ConnectionController.h"
#include "connection/DatabaseSession.h"
#include "schema/DemoDatabase.h"
#include "ExpiryModel.h"
#include "ExpiryPage.h"
#include "ExportBar.h"
#include "GridPage.h"
#include "GridWait.h"
#include "LevelsModel.h"
#include "RelationsPage.h"
#include "SchemaDoctorDialog.h"
#include "UserPickerDialog.h"
#include "UsersModel.h"
#include "TokenActions.h"
#include "TokensModel.h"
#include "LatencyProxy.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "connection/ProfileStore.h"
#include "ScriptedPrompter.h"
#include "TestDatabase.h"
#include "TimelineWidget.h"
#include "sql/SqlDialect.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QDateTime>
#include <QPushButton>
#include <QApplication>
#include <QDir>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QScrollBar>
#include <QTableView>
#include <QTcpServer>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// Fails when the README's test command should have started the server, skips otherwise.
#define TG_NEED_SERVER(server)                                                                                   \
    do {                                                                                                         \
        if (!(server)) {                                                                                         \
            if (TestDatabase::serversRequired())                                                                 \
                QFAIL("no test server");                                                                         \
            QSKIP("no test server: run through scripts/test.sh");                                                \
        }                                                                                                        \
    } while (false)

// A 5 ms timer on the window's thread while it runs: how often the event loop got round to it (a
// frozen loop lets it fire once or twice) and the longest gap between two firings (how long the
// window stood still).
class LoopProbe final {
public:
    LoopProbe()
    {
        m_pulse.setInterval(5);
        QObject::connect(&m_pulse, &QTimer::timeout, [this] {
            ++m_firings;
            m_longest = std::max(m_longest, m_since.restart());
        });
    }
    void start()
    {
        m_since.start();
        m_pulse.start();
    }
    void stop() { m_pulse.stop(); }
    int firings() const { return m_firings; }
    qint64 longest() const { return m_longest; }

private:
    QTimer m_pulse;
    QElapsedTimer m_since;
    int m_firings = 0;
    qint64 m_longest = 0;
};

// The database is far away, or not answering at all: the window must come first and keep
// turning. A 5 ms timer on the window's thread counts how often the event loop got round to it
// while a connection was being made (a frozen window would let it fire once or twice).
class TestSlowServer final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void windowStaysUsableWhileTheServerNeverAnswers();
    void connectingThroughASlowLinkKeepsTheWindowTurning();
    void aLostServerIsRetriedWithoutFreezing();
    void aClusterMovesToTheNextNodeWhenOneDies();
    void theTokensGridReadsOverASlowLinkWithoutFreezing();
    void editsSaveAndTheDoctorRunsOverASlowLinkWithoutFreezing();
    void anExportOverASlowLinkKeepsTheWindowTurning();
    void theLivePagesFiltersOverASlowLinkNeverFreeze();
    void theLivePageOpenedOnFindsItsConnectionLoggedIn();

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
    // The test server's account, reached through a proxy at port, on database.
    static ConnectionProfile throughProxy(
        const ConnectionProfile &server, quint16 port, const QString &name, const QString &database)
    {
        ConnectionProfile p = server;
        p.name = name;
        p.port = port;
        p.database = database;
        return p;
    }
    // A database of its own on the test server, made and seeded directly (not through a proxy).
    static bool seedDatabase(const ConnectionProfile &server, const QString &password, const QString &database,
        int users, int tokens, QString *error);
    static QString connectionText(MainWindow &w)
    {
        return w.findChild<QLabel *>(QStringLiteral("connectionLabel"))->text();
    }

    QTemporaryDir m_dir;
};

void TestSlowServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QFile::remove(DemoDatabase::defaultPath());
}

std::unique_ptr<TestSlowServer::Fixture> TestSlowServer::makeFixture()
{
    auto f = std::make_unique<Fixture>();
    f->settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    f->app = std::make_unique<AppSettings>(*f->settings);
    f->profiles = std::make_unique<ProfileStore>(*f->settings);
    f->controller = std::make_unique<ConnectionController>(f->session, *f->profiles, f->secrets, f->prompter, *f->app);
    f->window = std::make_unique<MainWindow>(*f->controller, *f->app);
    return f;
}

bool TestSlowServer::seedDatabase(const ConnectionProfile &server, const QString &password, const QString &database,
    int users, int tokens, QString *error)
{
    const QString admin = Connector::uniqueName(QStringLiteral("seed"));
    auto close = qScopeGuard([admin] { Connector::close(admin); });
    ConnectResult opened = Connector::open(server, password, admin);
    if (!opened.ok()) {
        *error = opened.message;
        return false;
    }
    {
        QSqlQuery q(QSqlDatabase::database(admin, false));
        q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(database));
        if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(database))) {
            *error = q.lastError().text();
            return false;
        }
    }
    Connector::close(admin);
    ConnectionProfile seeded = server;
    seeded.database = database;
    opened = Connector::open(seeded, password, admin);
    if (!opened.ok()) {
        *error = opened.message;
        return false;
    }
    DemoDatabase::Options demo;
    demo.users = users;
    demo.tokens = tokens;
    return DemoDatabase::ensureSeeded(QSqlDatabase::database(admin, false), demo, nullptr, error);
}

void TestSlowServer::windowStaysUsableWhileTheServerNeverAnswers()
{
    // Accepts TCP connections (the kernel does, from its backlog) and never says a word.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    auto f = makeFixture();
    f->window->show();
    ConnectionProfile p;
    p.name = QStringLiteral("far away");
    p.driver = DriverKind::MySql;
    p.host = QStringLiteral("127.0.0.1");
    p.port = silent.serverPort();
    p.database = QStringLiteral("shop");
    p.user = QStringLiteral("admin");

    std::optional<bool> outcome;
    f->controller->openProfileAsync(f->window.get(), p, QStringLiteral("secret"), false, [&](bool ok) { outcome = ok; });
    // At once, before the server could have answered: the window says what it is doing.
    QVERIFY2(connectionText(*f->window).contains(QLatin1String("Connecting to")), qPrintable(connectionText(*f->window)));
    QVERIFY(f->session.isConnecting());

    LoopProbe loop;
    loop.start();
    QTest::qWait(1000);
    loop.stop();
    QVERIFY(!outcome.has_value()); // still connecting: the server never answers
    QVERIFY2(loop.firings() > 50, qPrintable(QString::number(loop.firings()))); // a frozen loop fires once or twice

    // The person changes their mind: the demo opens meanwhile, and the silent attempt is dropped.
    bool demo = false;
    f->controller->openDemoAsync(f->window.get(), false, [&](bool ok) { demo = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(demo, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 15000);
    QVERIFY(!*outcome);
    QVERIFY(f->session.isOpen());
    QCOMPARE(f->session.profile().driver, DriverKind::Sqlite);
    QVERIFY2(connectionText(*f->window).contains(QLatin1String("Connected to")), qPrintable(connectionText(*f->window)));
    QVERIFY2(f->prompter.warnings.isEmpty(), qPrintable(f->prompter.warnings.join(QLatin1Char('\n'))));
    QFile::remove(DemoDatabase::defaultPath());
}

void TestSlowServer::connectingThroughASlowLinkKeepsTheWindowTurning()
{
    QString password;
    const auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    TG_NEED_SERVER(server);
    QString error;
    QVERIFY2(seedDatabase(*server, password, QStringLiteral("tg_slow"), 20, 50, &error), qPrintable(error));
    // 200 ms each way: a 400 ms round trip, worse than any VPN our users have.
    LatencyProxy proxy(server->port, 200);
    const ConnectionProfile p = throughProxy(*server, proxy.port(), QStringLiteral("slow"), QStringLiteral("tg_slow"));
    auto f = makeFixture();
    f->window->show();

    LoopProbe loop;
    loop.start();
    std::optional<bool> outcome;
    f->controller->openProfileAsync(f->window.get(), p, password, false, [&](bool ok) { outcome = ok; });
    QVERIFY(connectionText(*f->window).contains(QLatin1String("Connecting to")));
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 60000);
    loop.stop();
    QVERIFY2(*outcome, qPrintable(f->prompter.warnings.join(QLatin1Char('\n'))));
    // A connect and its first facts take several round trips (each 400 ms): the loop kept turning.
    QVERIFY2(loop.firings() > 100, qPrintable(QString::number(loop.firings())));
    // And what arrives is right: the four seeded levels, on the levels page.
    QVERIFY(f->window->showPage(QStringLiteral("levels")));
    GridPage *levels = f->window->gridPage(QStringLiteral("levels"));
    QVERIFY(levels->model());
    QTRY_COMPARE_WITH_TIMEOUT(levels->model()->rowCount(), 4, 20000);
    QVERIFY(connectionText(*f->window).contains(QLatin1String("Connected to")));
}

void TestSlowServer::aLostServerIsRetriedWithoutFreezing()
{
    QString password;
    const auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    TG_NEED_SERVER(server);
    auto proxy = std::make_unique<LatencyProxy>(server->port, 40);
    const quint16 port = proxy->port();
    ConnectionProfile p = *server;
    p.name = QStringLiteral("vpn");
    p.port = port;
    auto f = makeFixture();
    f->window->show();
    QVERIFY(f->controller->openProfile(f->window.get(), p, password));

    // The link goes down (the proxy and every connection through it are gone).
    proxy.reset();
    QTRY_VERIFY_WITH_TIMEOUT((f->window->checkConnection(), f->session.isLost()), 15000);
    QVERIFY2(connectionText(*f->window).contains(QLatin1String("Connection lost")), qPrintable(connectionText(*f->window)));

    // Something takes the address and never answers (a half-open VPN): a retry that waited on
    // the window's thread would freeze it for the whole connect time-out, every 5 s.
    QTRY_VERIFY_WITH_TIMEOUT((proxy = std::make_unique<LatencyProxy>(server->port, 40, port), proxy->port() == port), 10000);
    proxy->setSilent(true);
    // The watchdog keeps retrying while nothing answers; the window keeps turning all the while.
    LoopProbe loop;
    loop.start();
    for (int i = 0; i < 10; ++i) {
        f->window->checkConnection();
        QTest::qWait(100);
    }
    loop.stop();
    QVERIFY(f->session.isLost());
    QVERIFY(proxy->connections() >= 1); // a retry did go out
    QVERIFY2(loop.firings() > 50, qPrintable(QString::number(loop.firings()))); // one frozen retry would leave a handful

    // The link comes back on the same address: the session's own connection is restored.
    proxy.reset();
    QTRY_VERIFY_WITH_TIMEOUT((proxy = std::make_unique<LatencyProxy>(server->port, 40, port), proxy->port() == port), 10000);
    QTRY_VERIFY_WITH_TIMEOUT((f->window->checkConnection(), !f->session.isLost()), 20000);
    QVERIFY2(connectionText(*f->window).startsWith(QLatin1String("Connected to")), qPrintable(connectionText(*f->window)));
    QSqlQuery q(f->session.database());
    QVERIFY(q.exec(QStringLiteral("SELECT 1")) && q.next());
}

void TestSlowServer::aClusterMovesToTheNextNodeWhenOneDies()
{
    QString password;
    const auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    TG_NEED_SERVER(server);
    // Two "nodes": two addresses in front of the same server (the Galera tests use a real cluster).
    auto node1 = std::make_unique<LatencyProxy>(server->port, 5);
    LatencyProxy node2(server->port, 5);
    ConnectionProfile p = *server;
    p.name = QStringLiteral("cluster");
    p.host = QStringLiteral("127.0.0.1:%1,127.0.0.1:%2").arg(node1->port()).arg(node2.port());
    auto f = makeFixture();
    f->window->show();
    QVERIFY(f->controller->openProfile(f->window.get(), p, password));
    const QString first = QStringLiteral("127.0.0.1:%1").arg(node1->port());
    const QString second = QStringLiteral("127.0.0.1:%1").arg(node2.port());
    QCOMPARE(f->session.info().node, first);
    QVERIFY2(connectionText(*f->window).contains(first), qPrintable(connectionText(*f->window)));

    // Node 1 dies: the watchdog notices, and the session comes back on node 2, saying so.
    node1.reset();
    QTRY_VERIFY_WITH_TIMEOUT((f->window->checkConnection(), f->session.isLost()), 15000);
    QTRY_VERIFY_WITH_TIMEOUT((f->window->checkConnection(), !f->session.isLost()), 30000);
    QCOMPARE(f->session.info().node, second);
    QVERIFY2(connectionText(*f->window).contains(second), qPrintable(connectionText(*f->window)));
    QSqlQuery q(f->session.database());
    QVERIFY(q.exec(QStringLiteral("SELECT 1")) && q.next());
}


void TestSlowServer::theTokensGridReadsOverASlowLinkWithoutFreezing()
{
    QString password;
    const auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    TG_NEED_SERVER(server);
    QString error;
    // 1,000 tokens: eight pages of the grid
    QVERIFY2(seedDatabase(*server, password, QStringLiteral("tg_slow_grid"), 30, 1000, &error), qPrintable(error));
    const QString admin = Connector::uniqueName(QStringLiteral("direct"));
    ConnectionProfile direct = *server;
    direct.database = QStringLiteral("tg_slow_grid");
    QVERIFY(Connector::open(direct, password, admin).ok());
    QSqlQuery ends(QSqlDatabase::database(admin, false));
    QVERIFY(ends.exec(QStringLiteral("SELECT MIN(id), MAX(id), COUNT(*) FROM trongate_tokens")) && ends.next());
    const qint64 firstId = ends.value(0).toLongLong();
    const qint64 lastId = ends.value(1).toLongLong();
    const qint64 rows = ends.value(2).toLongLong();
    ends.finish();
    Connector::close(admin);

    // 150 ms each way. Any read made on the window's thread would stop it for a whole round trip
    // (300 ms) at least; the longest gap between two firings of a 5 ms timer says whether one was.
    LatencyProxy proxy(server->port, 150);
    const ConnectionProfile p
        = throughProxy(*server, proxy.port(), QStringLiteral("far away"), QStringLiteral("tg_slow_grid"));
    auto f = makeFixture();
    f->window->resize(1000, 700);
    f->window->show();
    QElapsedTimer phase;
    phase.start();
    QVERIFY(f->controller->openProfile(f->window.get(), p, password));
    qInfo() << "connected after" << phase.restart() << "ms";

    LoopProbe loop;
    loop.start();

    QVERIFY(f->window->showPage(QStringLiteral("tokens")));
    GridPage *tokens = f->window->gridPage(QStringLiteral("tokens"));
    QVERIFY(tokens->isLoading() || tokens->model()->hasCounts());
    QVERIFY(gridLoaded(tokens, 60000));
    qInfo() << "first screen after" << phase.restart() << "ms";
    // What arrives is right: every row counted, the first in id order at the top.
    QCOMPARE(tokens->model()->rowCount(), int(rows));
    QCOMPARE(tokens->model()->idAt(0), firstId);
    QVERIFY2(tokens->countText().contains(QLocale().toString(rows)), qPrintable(tokens->countText()));

    // To the end (Ctrl+End): placeholders first, then the last page, read from the end.
    tokens->view()->setFocus();
    QTest::keyClick(tokens->view(), Qt::Key_End, Qt::ControlModifier);
    const int last = tokens->model()->rowCount() - 1;
    QTRY_COMPARE_WITH_TIMEOUT(tokens->model()->index(last, TokensModel::IdColumn).data().toLongLong(), lastId, 30000);
    qInfo() << "last page after" << phase.restart() << "ms";

    // A filter that matches nothing: the grid says so once the worker has counted.
    auto *edit = tokens->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    edit->setText(QStringLiteral("zzzz-no-such-token"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(tokens->model()->filteredCount(), 0, 30000);
    QVERIFY(gridLoaded(tokens, 30000));
    qInfo() << "filtered after" << phase.restart() << "ms";
    // Revoking runs its transaction on the worker; the window turns while it waits for the answer.
    f->prompter.confirmAnswers.enqueue(true);
    QVERIFY(f->window->tokenActions()->revoke(f->window.get(), { firstId }));
    qInfo() << "revoked after" << phase.restart() << "ms";
    // The live page: its first screen comes from its poller's thread, and it opens at "now".
    QVERIFY(f->window->showPage(QStringLiteral("expiry")));
    auto *live = f->window->findChild<ExpiryPage *>();
    QVERIFY(live);
    QTRY_VERIFY_WITH_TIMEOUT(!live->isLoading() && live->model()->count() > 0, 30000);
    QTest::qWait(1000); // a tick or two of the live page
    qInfo() << "live page after" << phase.restart() << "ms";
    loop.stop();
    {
        QVERIFY(Connector::open(direct, password, admin).ok());
        QSqlQuery gone(QSqlDatabase::database(admin, false));
        QVERIFY(gone.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE id = %1").arg(firstId)) && gone.next());
        QCOMPARE(gone.value(0).toInt(), 0);
        gone.finish();
        Connector::close(admin);
    }
    QVERIFY2(loop.longest() < 300, qPrintable(QStringLiteral("the window's thread stood still for %1 ms").arg(loop.longest())));
}

void TestSlowServer::anExportOverASlowLinkKeepsTheWindowTurning()
{
    QString password;
    const auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    TG_NEED_SERVER(server);
    QString error;
    // 3,000 tokens: two batches of the export's look-ups, so a cancel or a lost link comes halfway
    QVERIFY2(seedDatabase(*server, password, QStringLiteral("tg_slow_export"), 30, 3000, &error), qPrintable(error));
    QStringList ids;
    QStringList someTokens;
    int orphans = 0;
    {
        const QString direct = Connector::uniqueName(QStringLiteral("direct"));
        ConnectionProfile p = *server;
        p.database = QStringLiteral("tg_slow_export");
        QVERIFY(Connector::open(p, password, direct).ok());
        {
            QSqlQuery q(QSqlDatabase::database(direct, false));
            QVERIFY(q.exec(QStringLiteral("SELECT id, token FROM trongate_tokens ORDER BY id")));
            while (q.next()) {
                ids << q.value(0).toString();
                if (ids.size() % 500 == 1)
                    someTokens << q.value(1).toString();
            }
        }
        {
            QSqlQuery q(QSqlDatabase::database(direct, false));
            QVERIFY(q.exec(QStringLiteral(
                        "SELECT COUNT(*) FROM trongate_tokens t LEFT JOIN trongate_users u ON u.id = t.user_id "
                        "LEFT JOIN trongate_user_levels l ON l.id = u.user_level_id WHERE l.id IS NULL"))
                && q.next());
            orphans = q.value(0).toInt();
        }
        Connector::close(direct);
    }
    QCOMPARE(ids.size(), 3000);

    // 150 ms each way: one read on the window's thread would stop it for 300 ms at least.
    auto proxy = std::make_unique<LatencyProxy>(server->port, 150);
    const ConnectionProfile p
        = throughProxy(*server, proxy->port(), QStringLiteral("far away"), QStringLiteral("tg_slow_export"));
    auto f = makeFixture();
    f->window->resize(1000, 700);
    f->window->show();
    QVERIFY(f->controller->openProfile(f->window.get(), p, password));
    QVERIFY(f->window->showPage(QStringLiteral("tokens")));
    GridPage *tokens = f->window->gridPage(QStringLiteral("tokens"));
    QVERIFY(gridLoaded(tokens, 60000));
    QCOMPARE(tokens->model()->filteredCount(), 3000);

    LoopProbe loop;
    loop.start();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tokens.csv"));
    QElapsedTimer took;
    took.start();
    QVERIFY(exportAndWait(tokens, path, false, 180000));
    const qint64 exportMs = took.elapsed();
    loop.stop();
    qInfo() << "exported" << ids.size() << "rows over a 300 ms round trip in" << exportMs << "ms; longest stall"
            << loop.longest() << "ms";
    QVERIFY2(loop.longest() < 300, qPrintable(QStringLiteral("the window's thread stood still for %1 ms").arg(loop.longest())));
    QCOMPARE(tokens->message(), ExportBar::tr("Exported %Ln row(s) to %1.", nullptr, 3000).arg(path));
    // The whole file, right: every row in the grid's order, the tokens masked, owner-only.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3001);
    for (int i = 0; i < ids.size(); ++i)
        QVERIFY2(lines.at(i + 1).startsWith(ids.at(i) + QLatin1Char(',')), qPrintable(lines.at(i + 1)));
    for (const QString &token : std::as_const(someTokens)) {
        QVERIFY(!text.contains(token));
        QVERIFY(text.contains(TokensModel::mask(token)));
    }
    QCOMPARE(int(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
    // The owners' look-ups were made on the export's connection: only the real orphans show as such.
    QCOMPARE(int(lines.filter(QStringLiteral("missing")).size()), orphans);
    QCOMPARE(int(lines.filter(QStringLiteral("· orphan")).size()), orphans);

    // Esc halfway: the export stops, and its file goes.
    const QString cancelled = dir.filePath(QStringLiteral("cancelled.csv"));
    QSignalSpy done(tokens, &GridPage::exportFinished);
    QVERIFY(tokens->exportCsv(cancelled, true));
    auto *progress = tokens->findChild<QLabel *>(QStringLiteral("exportProgressLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(!progress->text().contains(QLatin1String(": 0 of")), 60000);
    tokens->view()->setFocus();
    took.restart();
    QTest::keyClick(tokens->view(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
    qInfo() << "a cancel took" << took.elapsed() << "ms to finish";
    QVERIFY(!done.first().first().toBool());
    QVERIFY(!QFile::exists(cancelled));
    QVERIFY2(tokens->message().startsWith(QLatin1String("Export cancelled after")), qPrintable(tokens->message()));
    QVERIFY2(tokens->message().contains(QLatin1String("The unfinished file was deleted")), qPrintable(tokens->message()));

    // The link goes down halfway: an error in words, and no half a file.
    const QString lost = dir.filePath(QStringLiteral("lost.csv"));
    done.clear();
    QVERIFY(tokens->exportCsv(lost, false));
    QTRY_VERIFY_WITH_TIMEOUT(!progress->text().contains(QLatin1String(": 0 of")), 60000);
    proxy.reset();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 120000);
    QVERIFY(!done.first().first().toBool());
    QVERIFY(!QFile::exists(lost));
    QVERIFY2(tokens->message().contains(QLatin1String("The export failed after")), qPrintable(tokens->message()));
    QVERIFY2(tokens->message().contains(QLatin1String("The unfinished file was deleted")), qPrintable(tokens->message()));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("tokens.csv") });
}

void TestSlowServer::editsSaveAndTheDoctorRunsOverASlowLinkWithoutFreezing()
{
    QString password;
    const auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    TG_NEED_SERVER(server);
    QString error;
    QVERIFY2(seedDatabase(*server, password, QStringLiteral("tg_slow_save"), 20, 200, &error), qPrintable(error));
    const QString admin = Connector::uniqueName(QStringLiteral("seed"));
    ConnectionProfile direct = *server;
    direct.database = QStringLiteral("tg_slow_save");
    auto scalar = [&](const QString &sql) {
        Connector::open(direct, password, admin);
        QVariant v;
        {
            QSqlQuery q(QSqlDatabase::database(admin, false));
            if (q.exec(sql) && q.next())
                v = q.value(0);
        }
        Connector::close(admin);
        return v;
    };
    const qint64 indexesBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE "
                                                       "TABLE_SCHEMA = 'tg_slow_save' AND INDEX_NAME LIKE 'idx_%'"))
                                     .toLongLong();

    // 150 ms each way: any query on the window's thread stops it for 300 ms at least.
    LatencyProxy proxy(server->port, 150);
    const ConnectionProfile p
        = throughProxy(*server, proxy.port(), QStringLiteral("far away"), QStringLiteral("tg_slow_save"));
    auto f = makeFixture();
    f->window->resize(1000, 700);
    f->window->show();
    QElapsedTimer took;
    took.start();
    QVERIFY(f->controller->openProfile(f->window.get(), p, password));
    qInfo() << "connected in" << took.elapsed() << "ms";

    LoopProbe loop;
    loop.start();

    // A level renamed, and a user moved to another level (the new level is looked up on the worker).
    QVERIFY(f->window->showPage(QStringLiteral("levels")));
    GridPage *levels = f->window->gridPage(QStringLiteral("levels"));
    QVERIFY(gridLoaded(levels, 60000));
    const qint64 levelId = levels->model()->idAt(1);
    qInfo() << "levels shown in" << took.elapsed() << "ms";
    QVERIFY(levels->model()->setData(levels->model()->index(1, LevelsModel::TitleColumn), QStringLiteral("far desk")));
    took.restart();
    QVERIFY(levels->save());
    qInfo() << "levels saved in" << took.elapsed() << "ms";
    QVERIFY(!levels->hasPendingChanges());

    QVERIFY(f->window->showPage(QStringLiteral("users")));
    GridPage *users = f->window->gridPage(QStringLiteral("users"));
    QVERIFY(gridLoaded(users, 60000));
    const qint64 userId = users->model()->idAt(0);
    QVERIFY(users->model()->setData(users->model()->index(0, UsersModel::LevelColumn), levelId));
    // A level that does not exist is refused, with words that say what to do, and nothing changes.
    QSignalSpy refused(users->model(), &GridModel::validationFailed);
    QVERIFY(!users->model()->setData(users->model()->index(0, UsersModel::LevelColumn), 987654));
    QCOMPARE(refused.size(), 1);
    QVERIFY(refused.first().first().toString().contains(QLatin1String("987654")));
    took.restart();
    QVERIFY(users->save());
    qInfo() << "users saved in" << took.elapsed() << "ms";

    // The user picker searches on the worker as the person types: the dialog answers at once.
    {
        UserPickerDialog picker(users->model()->database(), users->model()->worker(), f->window.get());
        picker.search(QString::number(userId));
        QVERIFY(picker.isSearching());
        QTRY_VERIFY_WITH_TIMEOUT(!picker.isSearching(), 30000);
        QVERIFY(picker.resultCount() >= 1);
        QCOMPARE(picker.selectedUserId(), userId);
    }

    // The schema doctor reads the schema on the worker, then adds the checked indexes there.
    f->prompter.acceptSql = true;
    bool applied = false;
    int suggestions = -1;
    QTimer driver;
    driver.setInterval(20);
    connect(&driver, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<SchemaDoctorDialog *>(QApplication::activeModalWidget());
        if (!dialog || applied)
            return;
        applied = true;
        suggestions = dialog->suggestionCount();
        dialog->applyChecked();
        dialog->accept();
    });
    driver.start();
    QVERIFY(f->window->showPage(QStringLiteral("relations")));
    took.restart();
    f->window->relationsPage()->runDoctor();
    QTRY_VERIFY_WITH_TIMEOUT(applied, 60000);
    qInfo() << "the doctor examined and applied in" << took.elapsed() << "ms";
    driver.stop();
    loop.stop();

    QCOMPARE(scalar(QStringLiteral("SELECT level_title FROM trongate_user_levels WHERE id = %1").arg(levelId)).toString(),
        QStringLiteral("far desk"));
    QCOMPARE(scalar(QStringLiteral("SELECT user_level_id FROM trongate_users WHERE id = %1").arg(userId)).toLongLong(),
        levelId);
    QVERIFY(suggestions > 0);
    const qint64 indexesAfter = scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE "
                                                      "TABLE_SCHEMA = 'tg_slow_save' AND INDEX_NAME LIKE 'idx_%'"))
                                    .toLongLong();
    QVERIFY2(indexesAfter > indexesBefore, qPrintable(QStringLiteral("%1 -> %2").arg(indexesBefore).arg(indexesAfter)));
    QVERIFY2(loop.longest() < 300,
        qPrintable(QStringLiteral("the window's thread stood still for %1 ms").arg(loop.longest())));
}

void TestSlowServer::theLivePagesFiltersOverASlowLinkNeverFreeze()
{
    QString password;
    const auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    TG_NEED_SERVER(server);
    QString error;
    QVERIFY2(seedDatabase(*server, password, QStringLiteral("tg_slow_live"), 30, 1000, &error), qPrintable(error));
    const QString admin = Connector::uniqueName(QStringLiteral("direct"));
    ConnectionProfile direct = *server;
    direct.database = QStringLiteral("tg_slow_live");
    QVERIFY(Connector::open(direct, password, admin).ok());
    auto closeDirect = qScopeGuard([admin] { Connector::close(admin); });
    auto scalar = [&](const QString &sql, const QVariantList &values = {}) {
        QSqlQuery q(QSqlDatabase::database(admin, false));
        return Sql::exec(q, sql, values) && q.next() ? q.value(0).toLongLong() : -1;
    };
    // A user with several tokens, and the start of one of their tokens.
    qint64 userId = 0;
    QString prefix;
    {
        QSqlQuery q(QSqlDatabase::database(admin, false));
        QVERIFY(q.exec(QStringLiteral("SELECT user_id, MIN(token) FROM trongate_tokens WHERE expiry_date IS NOT NULL "
                                      "GROUP BY user_id ORDER BY COUNT(*) DESC LIMIT 1"))
            && q.next());
        userId = q.value(0).toLongLong();
        prefix = q.value(1).toString().left(10);
    }
    const qint64 all = scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL"));
    const qint64 usersTokens = scalar(
        QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL AND user_id = ?"), { userId });
    const qint64 prefixed = scalar(
        QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL AND token LIKE ?"),
        { prefix + QLatin1Char('%') });
    QVERIFY(usersTokens > 1 && usersTokens < all);
    QVERIFY(prefixed >= 1);

    // 150 ms each way: any read on the window's thread stops it for 300 ms at least.
    LatencyProxy proxy(server->port, 150);
    const ConnectionProfile p
        = throughProxy(*server, proxy.port(), QStringLiteral("far away"), QStringLiteral("tg_slow_live"));
    auto f = makeFixture();
    f->window->resize(1000, 700);
    f->window->show();
    QVERIFY(f->controller->openProfile(f->window.get(), p, password));
    QVERIFY(f->window->showPage(QStringLiteral("expiry")));
    ExpiryPage *live = f->window->expiryPage();
    QTRY_VERIFY_WITH_TIMEOUT(!live->isLoading() && live->model()->count() > 0, 30000);
    QCOMPARE(live->model()->count(), all);

    LoopProbe loop;
    loop.start();
    QElapsedTimer took;
    took.start();
    // One user's tokens (what the "Any user…" picker sets).
    live->setUserFilter(userId);
    QVERIFY(live->isLoading()); // said at once; the rows come from the poller's thread
    QTRY_VERIFY_WITH_TIMEOUT(!live->isLoading(), 30000);
    qInfo() << "user filter shown after" << took.restart() << "ms";
    QCOMPARE(live->model()->count(), usersTokens);
    QCOMPARE(live->model()->rowCount(), int(usersTokens));
    QTRY_COMPARE_WITH_TIMEOUT(live->timeline()->slices().total(), usersTokens, 30000);

    // Everyone again, then the start of a token typed into the text filter.
    live->setUserFilter(0);
    auto *text = live->findChild<QLineEdit *>(QStringLiteral("textFilter"));
    QTest::keyClicks(text, prefix);
    QTRY_VERIFY_WITH_TIMEOUT(live->model()->filter().text == prefix && !live->isLoading(), 30000);
    qInfo() << "text filter shown after" << took.restart() << "ms";
    QCOMPARE(live->model()->count(), prefixed);

    // Cleared, and the timeline over a day instead of an hour.
    text->clear();
    QTRY_VERIFY_WITH_TIMEOUT(live->model()->filter().text.isEmpty() && !live->isLoading(), 30000);
    QCOMPARE(live->model()->count(), all);
    took.restart();
    auto *span = live->findChild<QComboBox *>(QStringLiteral("spanCombo"));
    span->setCurrentIndex(span->findData(int(ExpiryTimeline::Span::Day)));
    QTRY_COMPARE_WITH_TIMEOUT(live->timeline()->slices().sliceSeconds, qint64(3600), 30000);
    qInfo() << "day timeline shown after" << took.restart() << "ms";
    QCOMPARE(live->timeline()->slices().counts.size(), ExpiryTimeline::sliceCount(ExpiryTimeline::Span::Day));
    QCOMPARE(live->timeline()->slices().total(), all);

    // "Go to now": where that is is counted on the poller's thread.
    QTest::mouseClick(live->findChild<QPushButton *>(QStringLiteral("nowButton")), Qt::LeftButton);
    QVERIFY(live->isLocatingNow());
    QTRY_VERIFY_WITH_TIMEOUT(!live->isLocatingNow(), 30000);
    qInfo() << "scrolled to now after" << took.restart() << "ms";
    QTest::qWait(1000); // a tick of the live page
    loop.stop();
    qInfo() << "longest stall of the window's thread:" << loop.longest() << "ms";

    // The list starts at "now": the rows above it have expired, the one at the top has not.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const int top = live->view()->rowAt(0);
    const qint64 expired = scalar(
        QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL AND expiry_date <= ?"), { now });
    const QScrollBar *bar = live->view()->verticalScrollBar();
    // (Within a token or two: some may expire during the last tick. Near the end the list cannot
    // scroll further.)
    QVERIFY2(std::abs(top - expired) <= 2 || (top < expired && bar->value() == bar->maximum()),
        qPrintable(QStringLiteral("top row %1, %2 tokens expired").arg(top).arg(expired)));
    QVERIFY2(loop.longest() < 300,
        qPrintable(QStringLiteral("the window's thread stood still for %1 ms").arg(loop.longest())));
}

QTEST_MAIN(TestSlowServer)
#include "TestSlowServer.moc"

// A connection opened while the live page is on screen (trongate-admin --page expiry): the page's
// poll connection logs in beside the session's, so once the session is open the first screen
// needs no login of its own (over a far link, several round trips). What arrives is the table's.
void TestSlowServer::theLivePageOpenedOnFindsItsConnectionLoggedIn()
{
    QString password;
    const auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    TG_NEED_SERVER(server);
    QString error;
    QVERIFY2(seedDatabase(*server, password, QStringLiteral("tg_slow_live_first"), 20, 300, &error), qPrintable(error));
    const QString admin = Connector::uniqueName(QStringLiteral("direct"));
    ConnectionProfile direct = *server;
    direct.database = QStringLiteral("tg_slow_live_first");
    QVERIFY(Connector::open(direct, password, admin).ok());
    QSqlQuery q(QSqlDatabase::database(admin, false));
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens WHERE expiry_date IS NOT NULL")) && q.next());
    const qint64 rows = q.value(0).toLongLong();
    q.finish();
    Connector::close(admin);

    LatencyProxy proxy(server->port, 40);
    const ConnectionProfile p
        = throughProxy(*server, proxy.port(), QStringLiteral("live first"), QStringLiteral("tg_slow_live_first"));
    auto f = makeFixture();
    f->window->resize(1000, 700);
    QVERIFY(f->window->showPage(QStringLiteral("expiry")));
    f->window->show();
    QVERIFY(f->controller->openProfile(f->window.get(), p, password));
    ExpiryPage *live = f->window->expiryPage();
    QVERIFY(live->isLoading()); // its first visit is on its way
    const int connectionsAtOpen = proxy.connections();
    QTRY_VERIFY_WITH_TIMEOUT(!live->isLoading(), 30000);
    QVERIFY2(live->model()->lastError().isEmpty(), qPrintable(live->model()->lastError()));
    QCOMPARE(live->model()->count(), rows);
    QVERIFY(live->model()->countExact());
    // The rows are on screen before who their users are: that column says "…" for the next
    // statement's round trips, then names the people.
    const int top = std::max(0, live->view()->rowAt(0));
    const QModelIndex who = live->model()->index(top, ExpiryModel::IdentityColumn);
    QVERIFY(live->isLookingUp());
    QCOMPARE(who.data().toString(), QStringLiteral("…"));
    QTRY_VERIFY_WITH_TIMEOUT(!live->isLookingUp(), 30000);
    int named = 0;
    for (int r = top; r < top + 10 && r < live->model()->rowCount(); ++r) {
        const QString shown = live->model()->index(r, ExpiryModel::IdentityColumn).data().toString();
        QVERIFY2(shown != QStringLiteral("…"), qPrintable(QString::number(r)));
        named += shown.contains(QLatin1Char('@')) ? 1 : 0;
    }
    QVERIFY(named > 0);
    // Every connection the first screen used was there when the session opened.
    QCOMPARE(proxy.connections(), connectionsAtOpen);
}
