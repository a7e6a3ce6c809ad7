#include "AppSettings.h"
#include "schema/DemoDatabase.h"
#include "DiagramScene.h"
#include "DiagramView.h"
#include "RelationItem.h"
#include "RelationsPage.h"
#include "ScriptedPrompter.h"
#include "TableItem.h"
#include "TestDatabase.h"
#include "WorkerGate.h"

#include "connection/DbWorker.h"

#include <QAction>
#include <QLocale>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

// The relation diagram: boxes and lines from the real schema, orphan counts that lead to the rows,
// a layout that is remembered, and exports that hold every table and line.
class TestRelationsPage final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup();
    void drawsTablesAndRelations();
    void clickingAnOrphanCountAsksForThoseRows();
    void savedLayoutIsRestored();
    void exportsHoldEveryTableAndLine();
    void diagramShowsBeforeItsOrphanCounts();
    void aNewerReadWinsOverAnOlderCount();
    void aCountFromTheConnectionBeforeIsIgnored();

private:
    std::unique_ptr<RelationsPage> makePage();
    // Makes trongate_tokens (40 rows) a big table whose rows and orphans follow the diagram.
    void makeTokensBig();
    qint64 scalar(const QString &sql);
    // What a relation's label must say, from a COUNT written here rather than the page's own SQL.
    QString expectedLabel(const SchemaGraph::Relation &r);
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AppSettings> m_app;
    ScriptedPrompter m_prompter;
};

void TestRelationsPage::init()
{
    QFETCH_GLOBAL(QString, backend);
    DemoDatabase::Options o;
    o.users = 20;
    o.tokens = 40;
    QString problem;
    m_db = TestDatabase::createSeeded(backend, o, &problem);
    TG_REQUIRE(m_db, problem);
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    m_app = std::make_unique<AppSettings>(*m_settings);
}

void TestRelationsPage::cleanup()
{
    m_app.reset();
    m_settings.reset();
    m_dir.reset();
    m_db.reset();
}

std::unique_ptr<RelationsPage> TestRelationsPage::makePage()
{
    auto page = std::make_unique<RelationsPage>(m_prompter, *m_app);
    page->resize(1100, 700);
    page->setDatabase(m_db->db(), QStringLiteral("Test connection"));
    page->show(); // the graph is read when the page is shown
    return page;
}

void TestRelationsPage::drawsTablesAndRelations()
{
    auto page = makePage();
    DiagramScene *scene = page->scene();
    QCOMPARE(scene->graph().tables.size(), 5);
    for (const QString &t : { QStringLiteral("trongate_user_levels"), QStringLiteral("trongate_users"),
             QStringLiteral("trongate_tokens"), QStringLiteral("members"), QStringLiteral("trongate_administrators") })
        QVERIFY2(scene->tableItem(t), qPrintable(t));
    QCOMPARE(scene->relationItems().size(), 4);
    for (RelationItem *r : scene->relationItems())
        QVERIFY(!r->relation().declared); // Trongate declares none: all drawn dashed
    // Parents left of children: levels, then users, then tokens.
    QVERIFY(scene->tableItem(QStringLiteral("trongate_user_levels"))->x()
        < scene->tableItem(QStringLiteral("trongate_users"))->x());
    QVERIFY(scene->tableItem(QStringLiteral("trongate_users"))->x()
        < scene->tableItem(QStringLiteral("trongate_tokens"))->x());
    // No two boxes overlap after the automatic layout.
    const QList<TableItem *> items = { scene->tableItem(QStringLiteral("trongate_user_levels")),
        scene->tableItem(QStringLiteral("trongate_users")), scene->tableItem(QStringLiteral("trongate_tokens")),
        scene->tableItem(QStringLiteral("members")), scene->tableItem(QStringLiteral("trongate_administrators")) };
    for (TableItem *a : items)
        for (TableItem *b : items)
            if (a != b)
                QVERIFY(!a->sceneBoundingRect().intersects(b->sceneBoundingRect()));
    QVERIFY(page->statusText().contains(QLatin1String("4 inferred")));
    QVERIFY(page->statusText().contains(QLatin1String("4 orphan rows")));
}

void TestRelationsPage::clickingAnOrphanCountAsksForThoseRows()
{
    auto page = makePage();
    QSignalSpy requested(page.get(), &RelationsPage::orphansRequested);
    RelationItem *tokens = nullptr;
    for (RelationItem *r : page->scene()->relationItems())
        if (r->relation().childTable == QLatin1String("trongate_tokens"))
            tokens = r;
    QVERIFY(tokens);
    QCOMPARE(tokens->labelText(), QStringLiteral("3 orphans"));
    // One is "1 orphan", not "1 orphan(s)" or "1 orphans".
    QStringList labels;
    for (RelationItem *r : page->scene()->relationItems())
        labels << r->labelText();
    QVERIFY2(labels.contains(QStringLiteral("1 orphan")), qPrintable(labels.join(QStringLiteral(", "))));
    const QPoint where = page->view()->mapFromScene(tokens->labelRect().center());
    QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, {}, where);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<SchemaGraph::Relation>().childColumn, QStringLiteral("user_id"));
}

void TestRelationsPage::savedLayoutIsRestored()
{
    QPointF moved;
    {
        auto page = makePage();
        TableItem *users = page->scene()->tableItem(QStringLiteral("trongate_users"));
        moved = users->pos() + QPointF(33, 250);
        users->setPos(moved);
    }
    auto again = makePage();
    QCOMPARE(again->scene()->tableItem(QStringLiteral("trongate_users"))->pos(), moved);
    // Another connection keeps its own layout.
    auto other = std::make_unique<RelationsPage>(m_prompter, *m_app);
    other->setDatabase(m_db->db(), QStringLiteral("Another connection"));
    other->show();
    QVERIFY(other->scene()->tableItem(QStringLiteral("trongate_users"))->pos() != moved);
}

void TestRelationsPage::exportsHoldEveryTableAndLine()
{
    auto page = makePage();
    QTemporaryDir dir;
    QString error;
    const QString svg = dir.filePath(QStringLiteral("schema.svg"));
    const QString png = dir.filePath(QStringLiteral("schema.png"));
    const QString pdf = dir.filePath(QStringLiteral("schema.pdf"));
    QVERIFY2(page->exportTo(svg, &error), qPrintable(error));
    QVERIFY2(page->exportTo(png, &error), qPrintable(error));
    QVERIFY2(page->exportTo(pdf, &error), qPrintable(error));
    QVERIFY(!page->exportTo(dir.filePath(QStringLiteral("schema.bmp")), &error));
    QVERIFY(error.contains(QLatin1String(".svg")));

    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    for (const SchemaGraph::Table &t : page->scene()->graph().tables)
        QVERIFY2(text.contains(QStringLiteral(">") + t.name + QStringLiteral("<")), qPrintable(t.name));
    QCOMPARE(text.count(QRegularExpression(QStringLiteral("\\b\\d+ orphans?\\b"))), 4);
    QVERIFY(text.contains(QLatin1String("stroke-dasharray"))); // the inferred relations' dashes
    const QSizeF content = page->scene()->contentRect().size();
    // The drawing is as large as the diagram, not scaled by the screen's resolution.
    const QRegularExpressionMatch box
        = QRegularExpression(QStringLiteral("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"")).match(text);
    QVERIFY2(box.hasMatch(), qPrintable(text.left(600)));
    QVERIFY(qAbs(box.captured(1).toDouble() - content.width()) < 1);
    QVERIFY(qAbs(box.captured(2).toDouble() - content.height()) < 1);
    const QImage image(png);
    QCOMPARE(image.size(), (content * 2).toSize());
    QFile p(pdf);
    QVERIFY(p.open(QIODevice::ReadOnly));
    QVERIFY(p.read(5) == "%PDF-");
}

void TestRelationsPage::makeTokensBig()
{
    if (m_db->backend() == QLatin1String("sqlite")) {
        TG_EXEC(m_db->db(), QStringLiteral("ANALYZE"));
    } else {
        TG_EXEC(m_db->db(), QStringLiteral("ANALYZE TABLE trongate_tokens, trongate_users, trongate_user_levels"));
    }
    qputenv("TGADMIN_EXACT_COUNT_BELOW", "30");
}

qint64 TestRelationsPage::scalar(const QString &sql)
{
    QSqlQuery q(m_db->db());
    if (!q.exec(sql) || !q.next())
        qWarning() << sql << q.lastError().text();
    return q.value(0).toLongLong();
}

QString TestRelationsPage::expectedLabel(const SchemaGraph::Relation &r)
{
    const qint64 n = scalar(QStringLiteral("SELECT COUNT(*) FROM %1 c LEFT JOIN %2 p ON p.%3 = c.%4 "
                                           "WHERE c.%4 IS NOT NULL AND p.%3 IS NULL")
            .arg(r.childTable, r.parentTable, r.parentColumn, r.childColumn));
    return n == 1 ? QStringLiteral("1 orphan") : QStringLiteral("%1 orphans").arg(n);
}

void TestRelationsPage::diagramShowsBeforeItsOrphanCounts()
{
    makeTokensBig();
    auto unset = qScopeGuard([] { qunsetenv("TGADMIN_EXACT_COUNT_BELOW"); });
    DbWorker worker(m_db->connectionName());
    DbWorker counter(m_db->connectionName());
    std::optional<WorkerGate> counting(std::in_place, counter); // the orphans of a million tokens take their time
    auto page = std::make_unique<RelationsPage>(m_prompter, *m_app);
    page->resize(1100, 700);
    QSignalSpy shown(page.get(), &RelationsPage::diagramShown);
    QSignalSpy counted(page.get(), &RelationsPage::countsShown);
    page->setDatabase(m_db->db(), QStringLiteral("Test connection"), &worker, {}, &counter);
    page->show();
    QTRY_VERIFY_WITH_TIMEOUT(page->isDiagramShown(), 15000);
    QCOMPARE(shown.size(), 1);

    // The boxes and lines are there while the orphans are being counted; the page is still busy
    // (a screenshot waits), and says what it is doing.
    DiagramScene *scene = page->scene();
    QCOMPARE(scene->tableItems().size(), 5);
    QCOMPARE(scene->relationItems().size(), 4);
    QVERIFY(page->isLoading());
    QVERIFY(page->isCounting());
    QCOMPARE(counted.size(), 0);
    QVERIFY2(page->statusText().contains(QLatin1String("checking for orphan rows")), qPrintable(page->statusText()));
    RelationItem *tokens = nullptr;
    for (RelationItem *r : scene->relationItems())
        if (r->relation().childTable == QLatin1String("trongate_tokens"))
            tokens = r;
    QVERIFY(tokens);
    QCOMPARE(tokens->labelText(), QStringLiteral("checking orphans…"));
    // A small child table's orphans come with the diagram.
    for (RelationItem *r : scene->relationItems())
        if (r != tokens)
            QCOMPARE(r->labelText(), expectedLabel(r->relation()));
    // The big table's rows: the database's estimate, said as one; a small table's exact.
    const QString about = scene->tableItem(QStringLiteral("trongate_tokens"))->rowsText();
    QVERIFY2(about.startsWith(QLatin1String("about ")), qPrintable(about));
    QVERIFY(scene->tableItem(QStringLiteral("trongate_tokens"))->toolTip().contains(QLatin1String("estimate")));
    QCOMPARE(scene->tableItem(QStringLiteral("trongate_users"))->rowsText(),
        QStringLiteral("%1 rows").arg(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_users"))));
    // The label is drawn in the diagram the person sees, not only held by the item.
    QVERIFY(!page->view()->grab().isNull());

    // A box moved meanwhile stays where it was put when the counts arrive.
    TableItem *users = scene->tableItem(QStringLiteral("trongate_users"));
    const QPointF moved = users->pos() + QPointF(20, 300);
    users->setPos(moved);

    counting.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 15000);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(shown.size(), 1); // filled in, not drawn again
    QCOMPARE(scene->tableItem(QStringLiteral("trongate_users"))->pos(), moved);
    for (RelationItem *r : scene->relationItems())
        QCOMPARE(r->labelText(), expectedLabel(r->relation()));
    QCOMPARE(tokens->labelText(), QStringLiteral("3 orphans"));
    QCOMPARE(scene->tableItem(QStringLiteral("trongate_tokens"))->rowsText(),
        QStringLiteral("%1 rows").arg(scalar(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens"))));
    QVERIFY(!scene->tableItem(QStringLiteral("trongate_tokens"))->toolTip().contains(QLatin1String("estimate")));
    QVERIFY2(page->statusText().contains(QLatin1String("4 orphan rows")), qPrintable(page->statusText()));
    // The count's label leads to the rows as before.
    QSignalSpy requested(page.get(), &RelationsPage::orphansRequested);
    QTest::mouseClick(
        page->view()->viewport(), Qt::LeftButton, {}, page->view()->mapFromScene(tokens->labelRect().center()));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<SchemaGraph::Relation>().orphans, 3);
}

void TestRelationsPage::aNewerReadWinsOverAnOlderCount()
{
    makeTokensBig();
    auto unset = qScopeGuard([] { qunsetenv("TGADMIN_EXACT_COUNT_BELOW"); });
    DbWorker worker(m_db->connectionName());
    DbWorker counter(m_db->connectionName());
    std::optional<WorkerGate> counting(std::in_place, counter);
    auto page = std::make_unique<RelationsPage>(m_prompter, *m_app);
    page->resize(1100, 700);
    QSignalSpy counted(page.get(), &RelationsPage::countsShown);
    page->setDatabase(m_db->db(), QStringLiteral("Test connection"), &worker, {}, &counter);
    page->show();
    QTRY_VERIFY_WITH_TIMEOUT(page->isDiagramShown(), 15000);
    QVERIFY(page->isCounting());

    // While the first read's orphans wait, a user with tokens goes and the person reloads.
    const qint64 user = scalar(QStringLiteral(
        "SELECT MIN(user_id) FROM trongate_tokens WHERE user_id IN (SELECT id FROM trongate_users)"));
    QVERIFY(user > 0);
    TG_EXEC(m_db->db(), QStringLiteral("DELETE FROM trongate_users WHERE id = %1").arg(user));
    auto *reload = page->findChild<QAction *>(QStringLiteral("reloadAction"));
    QVERIFY(reload);
    reload->trigger();
    QVERIFY(page->isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(page->isDiagramShown(), 15000);
    RelationItem *tokens = nullptr;
    for (RelationItem *r : page->scene()->relationItems())
        if (r->relation().childTable == QLatin1String("trongate_tokens"))
            tokens = r;
    QVERIFY(tokens);
    QCOMPARE(tokens->labelText(), QStringLiteral("checking orphans…"));

    counting.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 15000);
    QTRY_COMPARE(counter.pending(), 0);
    QCoreApplication::processEvents();
    // Only the newer read's counts were shown: the orphans the deleted user left are there.
    QCOMPARE(counted.size(), 1);
    const QString now = expectedLabel(tokens->relation());
    QVERIFY(now != QStringLiteral("3 orphans"));
    QCOMPARE(tokens->labelText(), now);
}

void TestRelationsPage::aCountFromTheConnectionBeforeIsIgnored()
{
    makeTokensBig();
    auto unset = qScopeGuard([] { qunsetenv("TGADMIN_EXACT_COUNT_BELOW"); });
    DbWorker worker(m_db->connectionName());
    DbWorker before(m_db->connectionName());
    DbWorker after(m_db->connectionName());
    std::optional<WorkerGate> counting(std::in_place, before);
    auto page = std::make_unique<RelationsPage>(m_prompter, *m_app);
    page->resize(1100, 700);
    page->setDatabase(m_db->db(), QStringLiteral("Test connection"), &worker, {}, &before);
    page->show();
    QTRY_VERIFY_WITH_TIMEOUT(page->isDiagramShown(), 15000);
    QVERIFY(page->isCounting());

    // The connection is opened again (its workers replaced): the new read is complete first.
    page->setDatabase(m_db->db(), QStringLiteral("Test connection"), &worker, {}, &after);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 15000);
    RelationItem *tokens = nullptr;
    for (RelationItem *r : page->scene()->relationItems())
        if (r->relation().childTable == QLatin1String("trongate_tokens"))
            tokens = r;
    QVERIFY(tokens);
    QCOMPARE(tokens->labelText(), QStringLiteral("3 orphans"));

    // Then the data changes and the old worker gets to its count: what it would say is not shown.
    const qint64 user = scalar(QStringLiteral(
        "SELECT MIN(user_id) FROM trongate_tokens WHERE user_id IN (SELECT id FROM trongate_users)"));
    TG_EXEC(m_db->db(), QStringLiteral("DELETE FROM trongate_users WHERE id = %1").arg(user));
    QVERIFY(expectedLabel(tokens->relation()) != QStringLiteral("3 orphans"));
    counting.reset();
    QTRY_COMPARE(before.pending(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(tokens->labelText(), QStringLiteral("3 orphans"));
    QVERIFY(!page->isLoading());
}

QTEST_MAIN(TestRelationsPage)
#include "TestRelationsPage.moc"
