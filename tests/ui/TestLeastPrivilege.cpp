#include "AppSettings.h"
#include "ConnectionController.h"
#include "connection/DatabaseSession.h"
#include "GridPage.h"
#include "GridWait.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "connection/ProfileStore.h"
#include "ScriptedPrompter.h"
#include "TestDatabase.h"

#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// A support account that may read the three tables and delete tokens, nothing else: the window
// offers read-only grids and revoking, and no action the server would refuse.
class TestLeastPrivilege final : public QObject {
    Q_OBJECT

private slots:
    void supportAccountSeesReadOnlyGridsAndRevoke();
};

void TestLeastPrivilege::supportAccountSeesReadOnlyGridsAndRevoke()
{
    DemoDatabase::Options o;
    o.users = 10;
    o.tokens = 20;
    QString problem;
    auto t = TestDatabase::createSeeded(QStringLiteral("mariadb"), o, &problem);
    TG_REQUIRE(t, problem);
    const QString account = QStringLiteral("support_%1").arg(QDateTime::currentMSecsSinceEpoch() % 100000000);
    const QString password = QStringLiteral("support-pw-1");
    const QString db = t->profile().database;
    TG_EXEC(t->db(), QStringLiteral("CREATE USER '%1'@'127.0.0.1' IDENTIFIED BY '%2'").arg(account, password));
    for (const QString &table :
        { QStringLiteral("trongate_user_levels"), QStringLiteral("trongate_users"), QStringLiteral("trongate_tokens") })
        TG_EXEC(t->db(), QStringLiteral("GRANT SELECT ON `%1`.`%2` TO '%3'@'127.0.0.1'").arg(db, table, account));
    TG_EXEC(t->db(), QStringLiteral("GRANT DELETE ON `%1`.`trongate_tokens` TO '%2'@'127.0.0.1'").arg(db, account));

    ConnectionProfile support = t->profile();
    support.name = QStringLiteral("Support desk");
    support.user = account;
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    AppSettings app(settings);
    ProfileStore profiles(settings);
    MemorySecretStore secrets;
    ScriptedPrompter prompter;
    DatabaseSession session;
    ConnectionController controller(session, profiles, secrets, prompter, app);
    MainWindow window(controller, app);
    QVERIFY(controller.openProfile(&window, support, password));
    window.show();

    for (const QString &page : { QStringLiteral("levels"), QStringLiteral("users"), QStringLiteral("tokens") }) {
        GridPage *g = window.gridPage(page);
        QVERIFY2(g->isReadOnly(), qPrintable(page));
        QVERIFY(!(g->model()->flags(g->model()->index(0, 1)) & Qt::ItemIsEditable));
        QVERIFY(!g->findChild<QAction *>(QStringLiteral("addAction"))->isEnabled());
        QVERIFY(g->message().contains(QLatin1String("Read-only")));
    }
    GridPage *tokens = window.gridPage(QStringLiteral("tokens"));
    QVERIFY(window.showPage(QStringLiteral("tokens")));
    QVERIFY(gridLoaded(tokens));
    QVERIFY(tokens->findChild<QAction *>(QStringLiteral("revokeNowAction"))->isEnabled());
    QVERIFY(!tokens->findChild<QAction *>(QStringLiteral("extendAction"))->isEnabled());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("issueTokensAction"))->isEnabled());
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("connectionLabel"))->text().contains(account));

    // Revoking through the window works for this account.
    const qint64 before = [&] {
        QSqlQuery q(t->db());
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")) && q.next() ? q.value(0).toLongLong()
                                                                                          : -1;
    }();
    tokens->view()->selectRow(0);
    prompter.confirmAnswers.enqueue(true);
    tokens->findChild<QAction *>(QStringLiteral("revokeNowAction"))->trigger();
    QSqlQuery q(t->db());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")) && q.next());
    QCOMPARE(q.value(0).toLongLong(), before - 1);
    QVERIFY2(prompter.warnings.isEmpty(), qPrintable(prompter.warnings.join('\n')));
    q.finish();
    TG_EXEC(t->db(), QStringLiteral("DROP USER '%1'@'127.0.0.1'").arg(account));
}

QTEST_MAIN(TestLeastPrivilege)
#include "TestLeastPrivilege.moc"
