#include "schema/DemoDatabase.h"
#include "SchemaReportModel.h"
#include "TableSummaryModel.h"
#include "TestDatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

// The models behind "verify schema" and the overview, under Qt's model checker, on SQLite and MariaDB.
class TestSchemaReportModel final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void reportListsProblemsBeforeNotes();
    void summaryCountsTablesAndLinkedApplicationTables();
};

void TestSchemaReportModel::reportListsProblemsBeforeNotes()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QString error;
    QVERIFY2(SchemaInspector(t->db()).install(nullptr, &error), qPrintable(error));
    TG_EXEC(t->db(), QStringLiteral("ALTER TABLE trongate_tokens ADD COLUMN device varchar(40)"));
    TG_EXEC(t->db(), QStringLiteral("DROP TABLE trongate_user_levels"));

    SchemaReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setReport(SchemaInspector(t->db()).verify());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(SchemaReportModel::ColumnCount));
    QCOMPARE(model.index(0, SchemaReportModel::TableColumn).data().toString(), QStringLiteral("trongate_user_levels"));
    QCOMPARE(model.index(0, SchemaReportModel::ProblemColumn).data().toString(), QStringLiteral("missing table"));
    QCOMPARE(model.index(1, SchemaReportModel::ColumnColumn).data().toString(), QStringLiteral("device"));
    QVERIFY(model.index(1, SchemaReportModel::ProblemColumn)
                .data()
                .toString()
                .contains(QLatin1String("fine for Trongate")));
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QLatin1String("missing")));
    QCOMPARE(model.headerData(SchemaReportModel::ExpectedColumn, Qt::Horizontal).toString(),
        QStringLiteral("Trongate expects"));
}

void TestSchemaReportModel::summaryCountsTablesAndLinkedApplicationTables()
{
    QFETCH_GLOBAL(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    TableSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.refresh(t->db()));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.missingTrongateTables(), 3);
    QCOMPARE(model.index(2, TableSummaryModel::RowsColumn).data().toString(), QStringLiteral("missing"));

    DemoDatabase::Options o;
    o.users = 30;
    o.tokens = 45;
    QString error;
    QVERIFY2(DemoDatabase::ensureSeeded(t->db(), o, nullptr, &error), qPrintable(error));
    QVERIFY(model.refresh(t->db(), &error));
    QCOMPARE(model.missingTrongateTables(), 0);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.rows().at(1).rows, 30);
    QCOMPARE(model.rows().at(2).rows, 45);
    QCOMPARE(model.rows().at(3).table, QStringLiteral("members"));
    QCOMPARE(
        model.index(4, TableSummaryModel::NameColumn).data().toString(), QStringLiteral("trongate_administrators"));
    QVERIFY(
        model.index(4, TableSummaryModel::RoleColumn).data().toString().contains(QLatin1String("trongate_user_id")));
}

QTEST_MAIN(TestSchemaReportModel)
#include "TestSchemaReportModel.moc"
