#include "AppSettings.h"
#include "ConnectionController.h"
#include "connection/DatabaseSession.h"
#include "schema/DemoDatabase.h"
#include "ExpiryPage.h"
#include "GridPage.h"
#include "GridWait.h"
#include "LevelsModel.h"
#include "LocalMariaDb.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "connection/ProfileStore.h"
#include "ScriptedPrompter.h"
#include "TestDatabase.h"

#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The database server stops in the middle of a session and comes back: the window says so, keeps
// every unsaved edit, reconnects by itself, and the edit can then be saved.
class TestReconnect final : public QObject {
    Q_OBJECT

private slots:
    void serverStopsAndComesBack();
};

void TestReconnect::serverStopsAndComesBack()
{
    LocalMariaDb server;
    QString reason;
    if (!server.start(&reason)) {
        if (TestDatabase::serversRequired())
            QFAIL(qPrintable(reason));
        QSKIP(qPrintable(reason));
    }
    ConnectionProfile p;
    p.name = QStringLiteral("Flaky server");
    p.driver = DriverKind::MySql;
    p.host = QStringLiteral("localhost");
    p.unixSocket = server.socket();
    p.user = QStringLiteral("root");
    p.database = QStringLiteral("mysql");
    {
        const QString admin = Connector::uniqueName(QStringLiteral("admin"));
        QVERIFY2(Connector::open(p, {}, admin).ok(), "root on the socket");
        QSqlQuery q(QSqlDatabase::database(admin, false));
        QVERIFY(q.exec(QStringLiteral("CREATE DATABASE shop")));
        q.finish();
        Connector::close(admin);
    }
    p.database = QStringLiteral("shop");

    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    AppSettings app(settings);
    ProfileStore profiles(settings);
    MemorySecretStore secrets;
    ScriptedPrompter prompter;
    DatabaseSession session;
    ConnectionController controller(session, profiles, secrets, prompter, app);
    QVERIFY(controller.openProfile(nullptr, p, QString()));
    DemoDatabase::Options o;
    o.users = 10;
    o.tokens = 20;
    QString error;
    QVERIFY2(DemoDatabase::ensureSeeded(session.database(), o, nullptr, &error), qPrintable(error));
    session.refreshFacts(); // the tables were made behind the console's back, after it connected
    MainWindow window(controller, app);
    window.show();
    // The live page has read its list on the session's live worker before the server goes.
    QVERIFY(window.showPage(QStringLiteral("expiry")));
    ExpiryPage *live = window.expiryPage();
    QTRY_VERIFY_WITH_TIMEOUT(!live->isLoading(), 15000);
    const qint64 liveBefore = live->model()->count();
    QVERIFY(liveBefore > 0);
    QVERIFY(window.showPage(QStringLiteral("levels")));
    GridPage *levels = window.gridPage(QStringLiteral("levels"));
    QVERIFY(gridLoaded(levels));
    QVERIFY(
        levels->model()->setData(levels->model()->index(1, LevelsModel::TitleColumn), QStringLiteral("subscriber")));

    server.stop();
    window.checkConnection();
    QVERIFY2(window.connectionText().contains(QLatin1String("Connection lost")), qPrintable(window.connectionText()));
    QVERIFY(session.isLost());
    // Saving while the server is down fails in words and keeps the edit.
    QVERIFY(!levels->save());
    QVERIFY2(levels->message().contains(QLatin1String("connection")), qPrintable(levels->message()));
    QVERIFY(levels->hasPendingChanges());
    window.checkConnection(); // still down: nothing changes
    QVERIFY(session.isLost());

    QVERIFY2(server.start(&reason), qPrintable(reason));
    window.checkConnection();
    QVERIFY(!session.isLost());
    QVERIFY(window.connectionText().startsWith(QLatin1String("Connected to")));
    QVERIFY(levels->hasPendingChanges());
    QVERIFY2(levels->save(), qPrintable(levels->message()));
    QSqlQuery q(session.database());
    QVERIFY(q.exec(QStringLiteral("SELECT level_title FROM trongate_user_levels WHERE id = 2")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("subscriber"));
    q.finish();

    // The live page goes on, on the new connection: a token the app issues now shows up.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) "
                                  "VALUES ('after-the-reconnect', 1, UNIX_TIMESTAMP() + 3600, '0')")));
    q.finish();
    QVERIFY(window.showPage(QStringLiteral("expiry")));
    QTRY_VERIFY_WITH_TIMEOUT(!live->isLoading(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(live->model()->count(), liveBefore + 1, 15000);
}

QTEST_MAIN(TestReconnect)
#include "TestReconnect.moc"
