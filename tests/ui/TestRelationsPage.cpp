#include "AppSettings.h"
#include "schema/DemoDatabase.h"
#include "DiagramScene.h"
#include "DiagramView.h"
#include "RelationItem.h"
#include "RelationsPage.h"
#include "ScriptedPrompter.h"
#include "TableItem.h"
#include "TestDatabase.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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

private:
    std::unique_ptr<RelationsPage> makePage();
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

QTEST_MAIN(TestRelationsPage)
#include "TestRelationsPage.moc"
