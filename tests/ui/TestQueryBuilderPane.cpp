#include "AppSettings.h"
#include "schema/DemoDatabase.h"
#include "DiagramScene.h"
#include "DiagramView.h"
#include "ExportBar.h"
#include "QueryBuilderPane.h"
#include "QueryResultModel.h"
#include "RelationItem.h"
#include "RelationsPage.h"
#include "ScriptedPrompter.h"
#include "sql/SqlDialect.h"
#include "TableItem.h"
#include "TestDatabase.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

// The query builder on the relation diagram as a person uses it: ticks in the boxes, the join
// drawn on the line and switched there, the SQL preview, a run off the window's thread with token
// strings masked, a choice when two relations lead to a table, and a saved query.
class TestQueryBuilderPane final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(true); }
    void init();
    void cleanup();
    void tickingColumnsJoinsAlongTheRelation();
    void twoRelationsAskWhichToFollow();
    void criterionTypedInTheGridIsBound();
    void untickingUndoesAPathThroughAnotherTable();
    void readyMadeQuerySavedAndLoaded();
    void exportWritesEveryRowOffTheWindowThread();

private:
    std::unique_ptr<RelationsPage> makePage();
    void tick(RelationsPage &page, const QString &table, const QString &column);
    QString preview(RelationsPage &page);
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AppSettings> m_app;
    ScriptedPrompter m_prompter;
};

void TestQueryBuilderPane::init()
{
    QFETCH_GLOBAL(QString, backend);
    DemoDatabase::Options o;
    o.users = 20;
    // More rows than the builder's first page for the export, 40 elsewhere.
    o.tokens = QByteArray(QTest::currentTestFunction()) == "exportWritesEveryRowOffTheWindowThread" ? 450 : 40;
    QString problem;
    m_db = TestDatabase::createSeeded(backend, o, &problem);
    TG_REQUIRE(m_db, problem);
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    m_app = std::make_unique<AppSettings>(*m_settings);
    m_prompter.choices.clear();
    m_prompter.asked.clear();
}

void TestQueryBuilderPane::cleanup()
{
    m_app.reset();
    m_settings.reset();
    m_dir.reset();
    m_db.reset();
}

std::unique_ptr<RelationsPage> TestQueryBuilderPane::makePage()
{
    auto page = std::make_unique<RelationsPage>(m_prompter, *m_app);
    page->resize(1300, 900);
    page->setDatabase(m_db->db(), QStringLiteral("Test connection"));
    page->show();
    [[maybe_unused]] const bool drawn
        = QTest::qWaitFor([&page] { return page->scene()->tableItem(QStringLiteral("trongate_tokens")) != nullptr; });
    return page;
}

void TestQueryBuilderPane::tick(RelationsPage &page, const QString &table, const QString &column)
{
    TableItem *item = page.scene()->tableItem(table);
    QVERIFY(item);
    page.view()->centerOn(item);
    const QPoint where = page.view()->mapFromScene(item->mapToScene(item->checkRect(column).center()));
    QVERIFY(page.view()->viewport()->rect().contains(where));
    QTest::mouseClick(page.view()->viewport(), Qt::LeftButton, {}, where);
}

QString TestQueryBuilderPane::preview(RelationsPage &page)
{
    return page.findChild<QPlainTextEdit *>(QStringLiteral("sqlPreview"))->toPlainText();
}

void TestQueryBuilderPane::tickingColumnsJoinsAlongTheRelation()
{
    auto page = makePage();
    QueryBuilderPane *pane = page->queryPane();
    tick(*page, QStringLiteral("trongate_tokens"), QStringLiteral("token"));
    tick(*page, QStringLiteral("trongate_users"), QStringLiteral("code"));
    QCOMPARE(pane->query().tables(), QStringList({ "trongate_tokens", "trongate_users" }));
    QVERIFY(page->scene()->tableItem(QStringLiteral("trongate_users"))->picked().contains(QStringLiteral("code")));
    QVERIFY2(preview(*page).contains(QStringLiteral("INNER JOIN")), qPrintable(preview(*page)));

    // The join is drawn on the (dashed, inferred) line; its label switches it to a left join.
    RelationItem *line = nullptr;
    for (RelationItem *r : page->scene()->relationItems())
        if (r->relation().key() == QLatin1String("trongate_tokens.user_id"))
            line = r;
    QVERIFY(line && line->inQuery());
    QVERIFY(!line->relation().declared);
    page->view()->centerOn(line->joinLabelRect().center());
    QTest::mouseClick(
        page->view()->viewport(), Qt::LeftButton, {}, page->view()->mapFromScene(line->joinLabelRect().center()));
    QVERIFY(line->isLeftJoin());
    QVERIFY2(preview(*page).contains(QStringLiteral("LEFT JOIN")), qPrintable(preview(*page)));
    QVERIFY(preview(*page).contains(QStringLiteral("query_bind($sql, $params, 'object')")));

    // Run: off the window's thread, all 40 tokens (orphans kept by the left join), tokens masked.
    QueryResultModel *rows = pane->results();
    auto *runButton = page->findChild<QPushButton *>(QStringLiteral("runQueryButton"));
    QVERIFY(runButton && runButton->isEnabled());
    QTest::mouseClick(runButton, Qt::LeftButton);
    // The click returned before any row: the query runs on the builder's own thread.
    QVERIFY(pane->isRunning());
    QCOMPARE(rows->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isRunning(), 20000);
    QTRY_COMPARE(rows->rowCount(), 40);
    int orphans = 0;
    for (int r = 0; r < rows->rowCount(); ++r) {
        const QString token = rows->data(rows->index(r, 0)).toString();
        QVERIFY2(token.size() == 7 && token.endsWith(QChar(0x2026)), qPrintable(token));
        orphans += rows->data(rows->index(r, 1)).toString() == QLatin1String("NULL");
    }
    QCOMPARE(orphans, 3); // the demo's three orphan tokens

    // An export draws the schema, not the window's query: no join labels, and the query stays.
    QString error;
    const QString svg = m_dir->filePath(QStringLiteral("d.svg"));
    QVERIFY2(page->exportTo(svg, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString drawn = QString::fromUtf8(file.readAll());
    QVERIFY(drawn.contains(QStringLiteral("trongate_users")));
    QVERIFY(!drawn.contains(QStringLiteral("LEFT JOIN")));
    QVERIFY(line->inQuery() && line->isLeftJoin());
    QVERIFY(page->scene()->tableItem(QStringLiteral("trongate_users"))->picked().contains(QStringLiteral("code")));

    // Unticking the joined table's only column takes it out again, join and line highlight too.
    tick(*page, QStringLiteral("trongate_users"), QStringLiteral("code"));
    QVERIFY(!page->scene()->tableItem(QStringLiteral("trongate_users"))->picked().contains(QStringLiteral("code")));
    QCOMPARE(pane->query().tables(), QStringList({ "trongate_tokens" }));
    QVERIFY(!line->inQuery());
    QVERIFY(!preview(*page).contains(QStringLiteral("JOIN")));
}

void TestQueryBuilderPane::twoRelationsAskWhichToFollow()
{
    TG_EXEC(m_db->db(),
        QStringLiteral("CREATE TABLE notes (id int PRIMARY KEY, trongate_user_id int, author_id int, "
                       "FOREIGN KEY (author_id) REFERENCES trongate_users (id))"));
    auto page = makePage();
    QueryBuilderPane *pane = page->queryPane();
    tick(*page, QStringLiteral("trongate_users"), QStringLiteral("code"));
    m_prompter.choices.enqueue(-1); // cancelled: nothing joined
    tick(*page, QStringLiteral("notes"), QStringLiteral("id"));
    QCOMPARE(m_prompter.asked.size(), 1);
    QVERIFY2(
        m_prompter.asked.first().contains(QStringLiteral("notes.author_id")), qPrintable(m_prompter.asked.first()));
    QCOMPARE(pane->query().tables(), QStringList({ "trongate_users" }));
    const QString asked = m_prompter.asked.first();
    const int author
        = asked.indexOf(QStringLiteral("notes.author_id")) < asked.indexOf(QStringLiteral("notes.trongate_user_id"))
        ? 0
        : 1;
    m_prompter.choices.enqueue(author);
    tick(*page, QStringLiteral("notes"), QStringLiteral("id"));
    QCOMPARE(pane->query().joins.size(), 1);
    QCOMPARE(pane->query().joins.first().relation.childColumn, QStringLiteral("author_id"));
    QVERIFY(preview(*page).contains(QStringLiteral("ON %1.%2 = ")
                                        .arg(Sql::quoteIdentifier(m_db->db(), QStringLiteral("notes")),
                                            Sql::quoteIdentifier(m_db->db(), QStringLiteral("author_id")))));
}

void TestQueryBuilderPane::readyMadeQuerySavedAndLoaded()
{
    auto page = makePage();
    QueryBuilderPane *pane = page->queryPane();
    QVERIFY(pane->load(QStringLiteral("Tokens per level")));
    QVERIFY(preview(*page).contains(QStringLiteral("GROUP BY")));
    pane->run();
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isRunning(), 20000);
    QueryResultModel *rows = pane->results();
    QTRY_VERIFY(rows->rowCount() > 0);
    int total = 0;
    for (int r = 0; r < rows->rowCount(); ++r)
        total += rows->data(rows->index(r, 2)).toInt();
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_tokens t JOIN trongate_users u ON u.id = t.user_id "
                                  "JOIN trongate_user_levels l ON l.id = u.user_level_id"))
        && q.next());
    QCOMPARE(total, q.value(0).toInt()); // every token whose user and level exist, counted once

    // Saved under a name for this connection, with a secret criterion whose value stays out.
    QueryBuilder::Query saved = pane->query();
    saved.criteria << QueryBuilder::Criterion { QStringLiteral("trongate_tokens"), QStringLiteral("token"),
        QueryBuilder::Operator::Equal, QStringLiteral("s3cr3tvalue"), false, true };
    m_app->setSavedQuery(QStringLiteral("Test connection"), QStringLiteral("mine"), saved.toJson());
    m_settings->sync();
    QFile file(m_dir->filePath(QStringLiteral("s.ini")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("s3cr3tvalue"));
    page->setDatabase(m_db->db(), QStringLiteral("Test connection"));
    page->reload();
    QTRY_VERIFY(pane->load(QStringLiteral("mine")));
    QCOMPARE(pane->query().criteria.size(), 1);
    QVERIFY(pane->query().criteria.first().secret);
}

void TestQueryBuilderPane::criterionTypedInTheGridIsBound()
{
    auto page = makePage();
    QueryBuilderPane *pane = page->queryPane();
    tick(*page, QStringLiteral("trongate_tokens"), QStringLiteral("id"));
    pane->showTab(1);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("addCriterionButton")), Qt::LeftButton);
    auto *grid = page->findChild<QTableWidget *>(QStringLiteral("criteriaGrid"));
    QCOMPARE(grid->rowCount(), 1);
    auto *column = qobject_cast<QComboBox *>(grid->cellWidget(0, 0));
    column->setCurrentIndex(column->findText(QStringLiteral("trongate_tokens.code")));
    auto *value = page->findChild<QLineEdit *>(QStringLiteral("criterionValue0"));
    QVERIFY(value);
    const QString hostile = QStringLiteral("0' OR '1'='1");
    QTest::keyClicks(value, hostile);
    QCOMPARE(pane->query().criteria.first().column, QStringLiteral("code"));
    QVERIFY(!pane->statement().sql.contains(hostile));
    QVERIFY(preview(*page).contains(QStringLiteral(":code = 0' OR '1'='1"))); // listed as a parameter, not in the SQL
    pane->run();
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isRunning(), 20000);
    QCOMPARE(pane->results()->rowCount(), 0);

    value->clear();
    QTest::keyClicks(value, QStringLiteral("0"));
    pane->run();
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isRunning(), 20000);
    QTRY_COMPARE(pane->results()->rowCount(), 40); // the demo's code is '0' everywhere
}

void TestQueryBuilderPane::untickingUndoesAPathThroughAnotherTable()
{
    auto page = makePage();
    QueryBuilderPane *pane = page->queryPane();
    tick(*page, QStringLiteral("trongate_tokens"), QStringLiteral("token"));
    tick(*page, QStringLiteral("members"), QStringLiteral("username")); // through trongate_users
    QCOMPARE(pane->query().tables(), QStringList({ "trongate_tokens", "trongate_users", "members" }));
    QCOMPARE(pane->statement().sql.count(QStringLiteral("INNER JOIN")), 2);
    tick(*page, QStringLiteral("members"), QStringLiteral("username"));
    QCOMPARE(pane->query().tables(), QStringList({ "trongate_tokens" }));
    // A table ticked on its own stays when another one's tick goes.
    tick(*page, QStringLiteral("trongate_users"), QStringLiteral("code"));
    tick(*page, QStringLiteral("members"), QStringLiteral("username"));
    tick(*page, QStringLiteral("members"), QStringLiteral("username"));
    QCOMPARE(pane->query().tables(), QStringList({ "trongate_tokens", "trongate_users" }));
}

QTEST_MAIN(TestQueryBuilderPane)
void TestQueryBuilderPane::exportWritesEveryRowOffTheWindowThread()
{
    auto page = makePage();
    QueryBuilderPane *pane = page->queryPane();
    tick(*page, QStringLiteral("trongate_tokens"), QStringLiteral("id"));
    tick(*page, QStringLiteral("trongate_tokens"), QStringLiteral("token"));
    pane->run();
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isRunning(), 20000);
    QueryResultModel *rows = pane->results();
    QVERIFY(rows->rowCount() < 450 && !rows->atEnd()); // the first page of the result only

    // The export reads every row on a connection of its own, not on the window's thread.
    const QString path = m_dir->filePath(QStringLiteral("query.csv"));
    QSignalSpy done(pane, &QueryBuilderPane::exportFinished);
    QVERIFY(pane->exportCsv(path));
    QVERIFY(pane->isExporting());
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
    QVERIFY(done.first().first().toBool());
    auto *status = page->findChild<QLabel *>(QStringLiteral("queryStatus"));
    QCOMPARE(status->text(), ExportBar::tr("Exported %Ln row(s) to %1.", nullptr, 450).arg(path));
    QVERIFY(rows->rowCount() < 450); // the grid kept its page
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(int(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 451);
    QCOMPARE(lines.first(),
        rows->headerData(0, Qt::Horizontal).toString() + QLatin1Char(',') + rows->headerData(1, Qt::Horizontal).toString());
    for (int r = 1; r < lines.size(); ++r) {
        const QStringList cells = lines.at(r).split(QLatin1Char(','));
        QCOMPARE(cells.size(), 2);
        QVERIFY2(cells.at(1).size() == 7 && cells.at(1).endsWith(QChar(0x2026)), qPrintable(lines.at(r))); // masked
        if (r <= rows->rowCount())
            QCOMPARE(lines.at(r), rows->text(r - 1, 0) + QLatin1Char(',') + rows->text(r - 1, 1));
    }

    // A result that is all there is gets written as shown, not read again.
    auto *limit = page->findChild<QSpinBox *>(QStringLiteral("limitSpin"));
    QVERIFY(limit);
    limit->setValue(5);
    pane->run();
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isRunning(), 20000);
    QTRY_VERIFY(rows->atEnd() && rows->rowCount() == 5);
    TG_EXEC(m_db->db(), QStringLiteral("DELETE FROM trongate_tokens"));
    const QString shown = m_dir->filePath(QStringLiteral("shown.csv"));
    done.clear();
    QVERIFY(pane->exportCsv(shown));
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
    QVERIFY(done.first().first().toBool());
    QFile small(shown);
    QVERIFY(small.open(QIODevice::ReadOnly));
    const QStringList shownLines = QString::fromUtf8(small.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(shownLines.size(), 6);
    for (int r = 1; r < shownLines.size(); ++r)
        QCOMPARE(shownLines.at(r), rows->text(r - 1, 0) + QLatin1Char(',') + rows->text(r - 1, 1));
}

#include "TestQueryBuilderPane.moc"
