#include "AppSettings.h"
#include "ConnectionController.h"
#include "GridPage.h"
#include "GridWait.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "RelationItem.h"
#include "RelationsPage.h"
#include "DiagramScene.h"
#include "TableItem.h"
#include "WorkerGate.h"
#include "ScriptedPrompter.h"
#include "TestDatabase.h"
#include "TokensModel.h"
#include "connection/DatabaseSession.h"
#include "connection/DbWorker.h"
#include "connection/ProfileStore.h"
#include "schema/IdentityLookup.h"

#include <QScopeGuard>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

// What a page's first screen needs from a database far away, and that it is right: the session
// reads its facts (Trongate's tables, the account's grants, the tables that name users) in one
// statement, and the tokens page shows each token's user, level and person from its own
// statement, orphans marked.
class TestFirstScreen final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(true); }
    void sessionReadsItsFactsInOneStatement();
    void tokensShowTheirOwnersFromThePagesStatement();
    void relationDiagramShowsBeforeItsOrphanCounts();
};

namespace {
struct Window {
    QTemporaryDir dir;
    QSettings settings { dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat };
    AppSettings app { settings };
    ProfileStore profiles { settings };
    MemorySecretStore secrets;
    ScriptedPrompter prompter;
    DatabaseSession session;
    ConnectionController controller { session, profiles, secrets, prompter, app };
    MainWindow window { controller, app };
};

std::unique_ptr<TestDatabase> seeded(QString *problem)
{
    QFETCH_GLOBAL(QString, backend);
    DemoDatabase::Options o;
    o.users = 30;
    o.tokens = 60;
    return TestDatabase::createSeeded(backend, o, problem);
}
} // namespace

void TestFirstScreen::sessionReadsItsFactsInOneStatement()
{
    QString problem;
    auto t = seeded(&problem);
    TG_REQUIRE(t, problem);
    Window w;
    QVERIFY(w.controller.openProfile(&w.window, t->profile(), t->password()));
    const SessionFacts &facts = w.session.facts();
    QCOMPARE(facts.trongateTables.size(), 3);
    QVERIFY(facts.privileges.has_value());
    QVERIFY(facts.privileges->canEdit(QStringLiteral("trongate_tokens")));
    // The demo's members and administrators name their users: known from the facts, for every
    // page made on the session's connection.
    QStringList linked;
    for (const IdentityLookup::LinkedTable &l : IdentityLookup(w.session.database()).tables())
        linked << l.table;
    QVERIFY2(linked.contains(QStringLiteral("members")), qPrintable(linked.join(',')));
    QVERIFY2(linked.contains(QStringLiteral("trongate_administrators")), qPrintable(linked.join(',')));
    if (t->backend() == QLatin1String("mariadb")) {
        // Everything above came from one SELECT on the session's connection.
        QSqlQuery q(w.session.database());
        QVERIFY(q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Com_select'")) && q.next());
        QCOMPARE(q.value(1).toInt(), 1);
    }
}

void TestFirstScreen::tokensShowTheirOwnersFromThePagesStatement()
{
    QString problem;
    auto t = seeded(&problem);
    TG_REQUIRE(t, problem);
    // A token whose user row is gone, and one whose user's level is gone.
    const qint64 lostLevelUser = 900001;
    TG_EXEC(t->db(), QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id) VALUES (%1, 'lostlevel', 99)")
                         .arg(lostLevelUser));
    TG_EXEC(t->db(), QStringLiteral("UPDATE trongate_tokens SET user_id = 987654 WHERE id = 1"));
    TG_EXEC(t->db(), QStringLiteral("UPDATE trongate_tokens SET user_id = %1 WHERE id = 2").arg(lostLevelUser));

    Window w;
    QVERIFY(w.controller.openProfile(&w.window, t->profile(), t->password()));
    QVERIFY(w.window.showPage(QStringLiteral("tokens")));
    GridPage *page = w.window.gridPage(QStringLiteral("tokens"));
    QVERIFY(gridLoaded(page));
    QAbstractItemModel *m = page->model();

    // What the database says of each token's user, read here on its own.
    QSqlQuery q(t->db());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT t.id, u.code, l.level_title, (SELECT MIN(username) FROM members WHERE trongate_user_id = u.id), "
        "(SELECT MIN(email) FROM members WHERE trongate_user_id = u.id), "
        "(SELECT MIN(username) FROM trongate_administrators WHERE trongate_user_id = u.id) "
        "FROM trongate_tokens t LEFT JOIN trongate_users u ON u.id = t.user_id "
        "LEFT JOIN trongate_user_levels l ON l.id = u.user_level_id ORDER BY t.id LIMIT 20")));
    int row = 0;
    int withPerson = 0;
    while (q.next()) {
        QCOMPARE(m->index(row, TokensModel::IdColumn).data().toLongLong(), q.value(0).toLongLong());
        const QString user = m->index(row, TokensModel::UserColumn).data().toString();
        const QString person = m->index(row, TokensModel::IdentityColumn).data().toString();
        if (q.value(0).toLongLong() == 1) {
            QVERIFY2(user.contains(QLatin1String("missing")), qPrintable(user));
        } else if (q.value(0).toLongLong() == 2) {
            QVERIFY2(m->index(row, TokensModel::StatusColumn).data().toString().contains(QLatin1String("orphan")),
                qPrintable(m->index(row, TokensModel::StatusColumn).data().toString()));
        } else {
            // The code is shown shortened; the level by its title.
            QVERIFY2(user.contains(q.value(1).toString().left(6)), qPrintable(user));
            QVERIFY2(user.contains(q.value(2).toString()), qPrintable(user));
            const QString expected = !q.value(3).isNull()
                ? QStringLiteral("%1 · %2").arg(q.value(3).toString(), q.value(4).toString())
                : q.value(5).toString();
            if (!expected.isEmpty()) {
                QVERIFY2(person.startsWith(expected.left(20)), qPrintable(person + QStringLiteral(" / ") + expected));
                ++withPerson;
            }
        }
        ++row;
    }
    QCOMPARE(row, 20);
    QVERIFY(withPerson > 0); // the demo names most of its users
}

void TestFirstScreen::relationDiagramShowsBeforeItsOrphanCounts()
{
    QString problem;
    auto t = seeded(&problem);
    TG_REQUIRE(t, problem);
    // trongate_tokens (60 rows) counts as big: the engine's estimate first, its orphans after.
    if (t->backend() == QLatin1String("mariadb")) {
        TG_EXEC(t->db(), QStringLiteral("ANALYZE TABLE trongate_tokens, trongate_users, trongate_user_levels"));
    } else {
        TG_EXEC(t->db(), QStringLiteral("ANALYZE"));
    }
    qputenv("TGADMIN_EXACT_COUNT_BELOW", "50");
    auto unset = qScopeGuard([] { qunsetenv("TGADMIN_EXACT_COUNT_BELOW"); });
    Window w;
    QVERIFY(w.controller.openProfile(&w.window, t->profile(), t->password()));
    // The session's count worker is busy (the overview's exact counts of a big table, say).
    std::optional<WorkerGate> busy(std::in_place, *w.session.countWorker());
    w.window.show();
    QVERIFY(w.window.showPage(QStringLiteral("relations")));
    RelationsPage *page = w.window.relationsPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->isDiagramShown(), 15000);
    QCOMPARE(page->scene()->tableItems().size(), 5);
    QCOMPARE(page->scene()->relationItems().size(), 4);
    RelationItem *tokens = nullptr;
    for (RelationItem *r : page->scene()->relationItems())
        if (r->relation().childTable == QLatin1String("trongate_tokens"))
            tokens = r;
    QVERIFY(tokens);
    QCOMPARE(tokens->labelText(), QStringLiteral("checking orphans…"));
    QVERIFY(w.window.isBusy()); // a screenshot waits for the orphans

    busy.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!w.window.isBusy(), 15000);
    QSqlQuery q(t->db());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens t LEFT JOIN trongate_users u ON u.id = t.user_id "
                                  "WHERE t.user_id IS NOT NULL AND u.id IS NULL"))
        && q.next());
    QCOMPARE(tokens->labelText(), QStringLiteral("%1 orphans").arg(q.value(0).toLongLong()));
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")) && q.next());
    QCOMPARE(page->scene()->tableItem(QStringLiteral("trongate_tokens"))->rowsText(),
        QStringLiteral("%1 rows").arg(q.value(0).toLongLong()));
}

QTEST_MAIN(TestFirstScreen)
#include "TestFirstScreen.moc"
