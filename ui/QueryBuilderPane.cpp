#include "QueryBuilderPane.h"

#include "AppSettings.h"
#include "connection/DbWorker.h"
#include "DiagramScene.h"
#include "ExportBar.h"
#include "Prompter.h"
#include "sql/QueryCursor.h"
#include "QueryResultModel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

using QB = QueryBuilder;

namespace {
constexpr int PageSize = 200;

QString columnLabel(const QString &table, const QString &column)
{
    return table + QLatin1Char('.') + column;
}
} // namespace

QueryBuilderPane::QueryBuilderPane(DiagramScene &scene, Prompter &prompter, AppSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_scene(scene)
    , m_prompter(prompter)
    , m_settings(settings)
    , m_cursor(std::make_shared<std::unique_ptr<QueryCursor>>())
    , m_target(std::make_shared<QueryCursor::Target>())
{
    setObjectName(QStringLiteral("QueryBuilderPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(3);

    // Buttons for what is used most; the rest in a menu, so that the row fits 800 px.
    auto *bar = new QHBoxLayout;
    bar->setSpacing(4);
    auto *title = new QLabel(tr("<b>Query</b>"), this);
    bar->addWidget(title);
    m_saved = new QComboBox(this);
    m_saved->setObjectName(QStringLiteral("savedQueries"));
    m_saved->setToolTip(tr("Ready-made and saved queries of this connection"));
    m_saved->setAccessibleName(tr("Ready-made and saved queries"));
    m_saved->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_saved->setMinimumContentsLength(8);
    bar->addWidget(m_saved, 1);
    auto button = [this, bar](const QString &text, const char *name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        b->setToolTip(tip);
        bar->addWidget(b);
        return b;
    };
    QPushButton *runButton = button(tr("&Run"), "runQueryButton", tr("Run the query (Ctrl+Return)"));
    QPushButton *stopButton = button(tr("Cancel"), "cancelQueryButton", tr("Stop reading rows"));
    QPushButton *copyPhpButton = button(
        tr("Copy as Trongate code"), "copyPhpButton", tr("Copy a model method that runs the query with query_bind"));
    QPushButton *more
        = button(tr("&More"), "moreQueryButton", tr("Copy the SQL, export the rows, save or delete a query"));
    auto *menu = new QMenu(more);
    more->setMenu(menu);
    layout->addLayout(bar);

    m_run = new QAction(tr("&Run"), this);
    m_run->setObjectName(QStringLiteral("runQueryAction"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_run->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_run);
    m_stop = new QAction(tr("Cancel"), this);
    m_stop->setObjectName(QStringLiteral("cancelQueryAction"));
    m_stop->setEnabled(false);
    connect(runButton, &QPushButton::clicked, m_run, &QAction::trigger);
    connect(stopButton, &QPushButton::clicked, m_stop, &QAction::trigger);
    connect(m_run, &QAction::enabledChanged, runButton, &QPushButton::setEnabled);
    connect(m_stop, &QAction::enabledChanged, stopButton, &QPushButton::setEnabled);
    stopButton->setEnabled(false);
    QAction *copyPhp = new QAction(tr("Copy as Trongate code"), this);
    connect(copyPhpButton, &QPushButton::clicked, copyPhp, &QAction::trigger);
    QAction *copySql = menu->addAction(tr("Copy &SQL"));
    copySql->setObjectName(QStringLiteral("copySqlAction"));
    m_export = menu->addAction(tr("Export the rows as &CSV…"));
    m_export->setObjectName(QStringLiteral("exportCsvAction"));
    menu->addSeparator();
    QAction *save = menu->addAction(tr("Sa&ve the query…"));
    save->setObjectName(QStringLiteral("saveQueryAction"));
    QAction *remove = menu->addAction(tr("&Delete the saved query"));
    remove->setObjectName(QStringLiteral("deleteQueryAction"));
    QAction *clear = menu->addAction(tr("C&lear the query"));
    clear->setObjectName(QStringLiteral("clearQueryAction"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("queryTabs"));
    m_tabs->setDocumentMode(true);

    auto *columnsPage = new QWidget(this);
    auto *columnsLayout = new QVBoxLayout(columnsPage);
    columnsLayout->setContentsMargins(0, 2, 0, 0);
    m_columns = new QTableWidget(0, 3, columnsPage);
    m_columns->setObjectName(QStringLiteral("columnsGrid"));
    m_columns->setHorizontalHeaderLabels({ tr("Column"), tr("Show"), tr("Sort") });
    m_columns->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_columns->verticalHeader()->hide();
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    const int rowHeight = QComboBox().sizeHint().height() + 2;
    m_columns->verticalHeader()->setDefaultSectionSize(rowHeight);
    columnsLayout->addWidget(m_columns, 1);
    auto *options = new QHBoxLayout;
    m_countRows = new QCheckBox(tr("Count rows"), columnsPage);
    m_countRows->setObjectName(QStringLiteral("countRowsCheck"));
    m_countRows->setToolTip(tr("Add COUNT(*): with other columns shown, one count per group of them"));
    options->addWidget(m_countRows);
    options->addStretch(1);
    auto *limitLabel = new QLabel(tr("Row &limit:"), columnsPage);
    options->addWidget(limitLabel);
    m_limit = new QSpinBox(columnsPage);
    limitLabel->setBuddy(m_limit);
    m_limit->setAccessibleName(tr("Row limit"));
    m_limit->setObjectName(QStringLiteral("limitSpin"));
    m_limit->setRange(0, 1000000);
    m_limit->setSpecialValueText(tr("none"));
    options->addWidget(m_limit);
    columnsLayout->addLayout(options);
    m_tabs->addTab(columnsPage, tr("Columns and sort"));

    auto *criteriaPage = new QWidget(this);
    auto *criteriaLayout = new QVBoxLayout(criteriaPage);
    criteriaLayout->setContentsMargins(0, 2, 0, 0);
    m_criteria = new QTableWidget(0, 5, criteriaPage);
    m_criteria->setObjectName(QStringLiteral("criteriaGrid"));
    m_criteria->setHorizontalHeaderLabels({ tr("Column"), tr("Operator"), tr("Value"), tr("Now"), tr("Secret") });
    m_criteria->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_criteria->verticalHeader()->hide();
    m_criteria->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_criteria->verticalHeader()->setDefaultSectionSize(rowHeight);
    criteriaLayout->addWidget(m_criteria, 1);
    auto *criteriaButtons = new QHBoxLayout;
    auto *addCriterion = new QPushButton(tr("Add criterion"), criteriaPage);
    addCriterion->setObjectName(QStringLiteral("addCriterionButton"));
    auto *removeCriterion = new QPushButton(tr("Remove criterion"), criteriaPage);
    removeCriterion->setObjectName(QStringLiteral("removeCriterionButton"));
    criteriaButtons->addWidget(addCriterion);
    criteriaButtons->addWidget(removeCriterion);
    criteriaButtons->addStretch(1);
    auto *hint = new QLabel(tr("Values are sent as bound parameters, never written into the SQL."), criteriaPage);
    hint->setWordWrap(true);
    criteriaButtons->addWidget(hint, 2);
    criteriaLayout->addLayout(criteriaButtons);
    m_tabs->addTab(criteriaPage, tr("Criteria"));

    m_sql = new QPlainTextEdit(this);
    m_sql->setObjectName(QStringLiteral("sqlPreview"));
    m_sql->setReadOnly(true);
    m_sql->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_sql, tr("SQL"));

    auto *resultsPage = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(resultsPage);
    resultsLayout->setContentsMargins(0, 2, 0, 0);
    m_results = new QueryResultModel(this);
    m_grid = new QTableView(resultsPage);
    m_grid->setObjectName(QStringLiteral("resultsGrid"));
    m_grid->setModel(m_results);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setAlternatingRowColors(true);
    m_grid->verticalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() + 6);
    resultsLayout->addWidget(m_grid, 1);
    m_tabs->addTab(resultsPage, tr("Results"));
    layout->addWidget(m_tabs, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("queryStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_exportBar = new ExportBar(this);
    layout->addWidget(m_exportBar);
    connect(m_exportBar, &ExportBar::finished, this, [this](const CsvExporter::Result &result, const QString &text) {
        m_export->setEnabled(true);
        m_status->setText(text);
        if (!result.ok && !result.cancelled)
            m_prompter.warn(this, tr("Export the result"), text);
        emit exportFinished(result.ok);
    });

    connect(&m_scene, &DiagramScene::columnToggled, this, &QueryBuilderPane::toggleColumn);
    connect(&m_scene, &DiagramScene::joinTypeClicked, this, &QueryBuilderPane::toggleJoinType);
    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            load(m_saved->itemText(index));
    });
    connect(save, &QAction::triggered, this, &QueryBuilderPane::saveCurrent);
    connect(remove, &QAction::triggered, this, &QueryBuilderPane::removeSaved);
    connect(clear, &QAction::triggered, this, &QueryBuilderPane::clear);
    connect(m_run, &QAction::triggered, this, &QueryBuilderPane::run);
    connect(m_stop, &QAction::triggered, this, &QueryBuilderPane::cancel);
    connect(copySql, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(sqlText()); });
    connect(copyPhp, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(phpText()); });
    connect(m_export, &QAction::triggered, this, &QueryBuilderPane::onExport);
    connect(m_countRows, &QCheckBox::toggled, this, [this] { refresh(false); });
    connect(m_limit, &QSpinBox::valueChanged, this, [this](int v) {
        m_query.limit = v;
        refresh(false);
    });
    connect(addCriterion, &QPushButton::clicked, this, [this] {
        const QStringList tables = m_query.tables();
        if (tables.isEmpty())
            return;
        const SchemaGraph::Table *t = m_graph.table(tables.first());
        m_query.criteria << QB::Criterion { tables.first(),
            t && !t->columns.isEmpty() ? t->columns.first().name : QString(), QB::Operator::Equal, QString(), false,
            false };
        rebuildCriteriaGrid();
        refresh(false);
    });
    connect(removeCriterion, &QPushButton::clicked, this, [this] {
        const int row = m_criteria->currentRow() >= 0 ? m_criteria->currentRow() : int(m_query.criteria.size()) - 1;
        if (row < 0 || row >= m_query.criteria.size())
            return;
        m_query.criteria.removeAt(row);
        rebuildCriteriaGrid();
        refresh(false);
    });
    connect(m_results, &QueryResultModel::moreWanted, this, &QueryBuilderPane::fetchMore);
    refresh(true);
}

QueryBuilderPane::~QueryBuilderPane()
{
    closeCursor();
}

void QueryBuilderPane::setDatabase(const QString &connectionName, DriverKind dialect, const QString &settingsKey)
{
    clearDatabase();
    m_connection = connectionName;
    m_dialect = dialect;
    m_settingsKey = settingsKey;
    fillSavedList();
}

void QueryBuilderPane::clearDatabase()
{
    closeCursor();
    ++m_generation;
    setRunning(false);
    // Deleting a worker waits for its thread, and a statement the server is still executing would
    // hold the window that long. Each goes once its last job is done, off this thread.
    for (DbWorker **worker : { &m_worker, &m_canceller }) {
        if (DbWorker *retired = *worker) {
            *worker = nullptr;
            retired->run<bool>(
                retired, [](QSqlDatabase &) { return true; }, [retired](bool) { retired->deleteLater(); });
        }
    }
    m_connection.clear();
    m_settingsKey.clear();
    m_graph = SchemaGraph();
    m_query = QB::Query();
    m_results->clear();
    fillSavedList();
    refresh(true);
}

void QueryBuilderPane::setGraph(const SchemaGraph &graph)
{
    m_graph = graph;
    // Picks whose tables are gone (a reload after a change) are dropped with the query.
    for (const QString &t : m_query.tables())
        if (!m_graph.table(t)) {
            m_query = QB::Query();
            break;
        }
    fillSavedList();
    refresh(true);
}

void QueryBuilderPane::fillSavedList()
{
    const QSignalBlocker block(m_saved);
    m_saved->clear();
    m_saved->addItem(tr("Ready-made and saved queries…"));
    for (const QB::Named &n : QB::readyMade(m_graph)) {
        m_saved->addItem(n.name);
        m_saved->setItemData(m_saved->count() - 1, n.description, Qt::ToolTipRole);
    }
    if (!m_settingsKey.isEmpty()) {
        const auto saved = m_settings.savedQueries(m_settingsKey);
        if (!saved.isEmpty())
            m_saved->insertSeparator(m_saved->count());
        for (auto it = saved.cbegin(); it != saved.cend(); ++it)
            m_saved->addItem(it.key());
    }
}

bool QueryBuilderPane::load(const QString &name)
{
    std::optional<QB::Query> found;
    QString shown = name;
    for (const QB::Named &n : QB::readyMade(m_graph))
        if (n.name == name || n.id == name) {
            found = n.query;
            shown = n.name;
        }
    if (!found && !m_settingsKey.isEmpty()) {
        const auto saved = m_settings.savedQueries(m_settingsKey);
        if (saved.contains(name))
            found = QB::Query::fromJson(saved.value(name));
    }
    if (!found)
        return false;
    m_query = *found;
    // COUNT(*) is the checkbox, not a row of the grid.
    const QSignalBlocker block(m_countRows);
    m_countRows->setChecked(false);
    for (qsizetype i = m_query.columns.size() - 1; i >= 0; --i)
        if (m_query.columns.at(i).column.isEmpty()) {
            m_query.columns.removeAt(i);
            m_countRows->setChecked(true);
        }
    const QSignalBlocker blockLimit(m_limit);
    m_limit->setValue(m_query.limit);
    m_status->setText(tr("Loaded \"%1\".").arg(shown));
    if (const int index = m_saved->findText(shown); index > 0) {
        const QSignalBlocker blockSaved(m_saved);
        m_saved->setCurrentIndex(index);
    }
    refresh(true);
    return true;
}

void QueryBuilderPane::toggleColumn(const QString &table, const QString &column)
{
    if (m_query.isEmpty())
        m_query.baseTable = table;
    const QStringList tables = m_query.tables();
    if (!tables.contains(table)) {
        const auto paths = QB::paths(m_graph, tables, table);
        if (paths.isEmpty()) {
            m_status->setText(
                tr("%1 has no relation to the tables of the query: clear the query to start from it.").arg(table));
            return;
        }
        int chosen = 0;
        if (paths.size() > 1) {
            QStringList options;
            for (const auto &path : paths) {
                QStringList steps;
                for (const SchemaGraph::Relation &r : path)
                    steps << QStringLiteral("%1.%2 → %3.%4")
                                 .arg(r.childTable, r.childColumn, r.parentTable, r.parentColumn);
                options << steps.join(QStringLiteral(", "));
            }
            chosen = m_prompter.choose(this, tr("Join %1").arg(table),
                tr("%1 can be joined to the query in more than one way. Which relation should the join follow?")
                    .arg(table),
                options, 0);
            if (chosen < 0)
                return;
        }
        for (const SchemaGraph::Relation &r : paths.at(chosen))
            m_query.joins << QB::Join { r, QB::JoinType::Inner };
    }
    bool removed = false;
    for (qsizetype i = 0; i < m_query.columns.size(); ++i) {
        const QB::ColumnPick &c = m_query.columns.at(i);
        if (c.table == table && c.column == column) {
            m_query.columns.removeAt(i);
            removed = true;
            break;
        }
    }
    if (!removed)
        m_query.columns << QB::ColumnPick { table, column };
    else
        dropUnusedJoin(table);
    // Without any column left, the query starts over from the next tick.
    if (m_query.columns.isEmpty() && !m_countRows->isChecked() && m_query.criteria.isEmpty())
        m_query = QB::Query();
    refresh(true);
}

void QueryBuilderPane::dropUnusedJoin(const QString &table)
{
    // A joined table with nothing ticked, filtered or sorted on it, that no later join goes
    // through, leaves the query with its join: unticking undoes the tick that brought it in.
    const QStringList tables = m_query.tables();
    const qsizetype at = tables.indexOf(table);
    if (at <= 0)
        return;
    const qsizetype join = at - 1; // the join that brought it in
    for (const QB::ColumnPick &c : std::as_const(m_query.columns))
        if (c.table == table)
            return;
    for (const QB::Criterion &c : std::as_const(m_query.criteria))
        if (c.table == table)
            return;
    for (const QB::SortKey &s : std::as_const(m_query.order))
        if (s.table == table)
            return;
    for (qsizetype j = join + 1; j < m_query.joins.size(); ++j) {
        const SchemaGraph::Relation &r = m_query.joins.at(j).relation;
        if (r.childTable == table || r.parentTable == table)
            return;
    }
    const SchemaGraph::Relation removed = m_query.joins.takeAt(join).relation;
    // A table that was only the way to this one goes with it.
    dropUnusedJoin(removed.childTable == table ? removed.parentTable : removed.childTable);
}

void QueryBuilderPane::toggleJoinType(const QString &relationKey)
{
    for (QB::Join &j : m_query.joins)
        if (j.relation.key() == relationKey)
            j.type = j.type == QB::JoinType::Inner ? QB::JoinType::Left : QB::JoinType::Inner;
    refresh(false);
}

void QueryBuilderPane::clear()
{
    closeCursor();
    ++m_generation;
    setRunning(false);
    m_query = QB::Query();
    const QSignalBlocker block(m_countRows);
    m_countRows->setChecked(false);
    const QSignalBlocker blockLimit(m_limit);
    m_limit->setValue(0);
    m_results->clear();
    m_status->clear();
    refresh(true);
}

QB::Statement QueryBuilderPane::statement() const
{
    QB::Query q = m_query;
    if (m_countRows->isChecked() && !q.isEmpty())
        q.columns << QB::ColumnPick { q.baseTable, QString(), QB::Aggregate::Count };
    return QB::build(q, m_dialect);
}

QString QueryBuilderPane::sqlText() const
{
    const QB::Statement st = statement();
    if (!st.isValid())
        return {};
    QString out = st.sql + QStringLiteral(";\n");
    for (int i = 0; i < st.parameters.size(); ++i) {
        const QB::Parameter &p = st.parameters.at(i);
        const QString value = p.now ? tr("the current Unix time")
            : p.secret              ? tr("(secret, not shown)")
                                    : p.value.toString();
        out += QStringLiteral("-- ?%1 :%2 = %3\n").arg(i + 1).arg(p.name, value);
    }
    return out;
}

QString QueryBuilderPane::phpText() const
{
    const QB::Statement st = statement();
    return st.isValid() ? QB::phpSnippet(st) : QString();
}

void QueryBuilderPane::showTab(int index)
{
    m_tabs->setCurrentIndex(index);
}

void QueryBuilderPane::refresh(bool structure)
{
    if (structure) {
        rebuildColumnsGrid();
        rebuildCriteriaGrid();
    }
    QHash<QString, QStringList> picked;
    for (const QB::ColumnPick &c : m_query.columns)
        picked[c.table] << c.column;
    QHash<QString, bool> joins;
    for (const QB::Join &j : m_query.joins)
        joins.insert(j.relation.key(), j.type == QB::JoinType::Left);
    m_scene.setQueryState(picked, m_query.tables(), joins);

    if (m_query.isEmpty()) {
        m_sql->setPlainText(tr("Tick columns in the table boxes above to build a query, or pick a ready-made one. "
                               "A table ticked next is joined along its relation; click the join's label on the "
                               "line to switch between inner and left join."));
        m_run->setEnabled(false);
        return;
    }
    const QB::Statement st = statement();
    if (!st.isValid()) {
        m_sql->setPlainText(st.error);
        m_run->setEnabled(false);
        return;
    }
    m_sql->setPlainText(
        sqlText() + QStringLiteral("\n") + tr("-- As Trongate code:") + QStringLiteral("\n") + QB::phpSnippet(st));
    m_run->setEnabled(!m_connection.isEmpty() && !m_running);
}

void QueryBuilderPane::rebuildColumnsGrid()
{
    m_columns->setRowCount(int(m_query.columns.size()));
    for (int row = 0; row < m_query.columns.size(); ++row) {
        const QB::ColumnPick c = m_query.columns.at(row);
        m_columns->setItem(row, 0, new QTableWidgetItem(columnLabel(c.table, c.column)));
        auto *show = new QComboBox(m_columns);
        for (QB::Aggregate a : { QB::Aggregate::None, QB::Aggregate::Count, QB::Aggregate::Min, QB::Aggregate::Max })
            show->addItem(QB::aggregateText(a), int(a));
        show->setCurrentIndex(show->findData(int(c.aggregate)));
        show->setAccessibleName(tr("Show %1 as").arg(columnLabel(c.table, c.column)));
        m_columns->setCellWidget(row, 1, show);
        auto *sort = new QComboBox(m_columns);
        sort->addItems({ tr("—"), tr("ascending"), tr("descending") });
        sort->setAccessibleName(tr("Sort by %1").arg(columnLabel(c.table, c.column)));
        for (const QB::SortKey &s : m_query.order)
            if (s.table == c.table && s.column == c.column && s.aggregate == c.aggregate)
                sort->setCurrentIndex(s.descending ? 2 : 1);
        m_columns->setCellWidget(row, 2, sort);
        connect(show, &QComboBox::currentIndexChanged, this, [this, row, show] {
            if (row >= m_query.columns.size())
                return;
            QB::ColumnPick &pick = m_query.columns[row];
            const auto old = pick.aggregate;
            pick.aggregate = QB::Aggregate(show->currentData().toInt());
            for (QB::SortKey &s : m_query.order)
                if (s.table == pick.table && s.column == pick.column && s.aggregate == old)
                    s.aggregate = pick.aggregate;
            refresh(false);
        });
        connect(sort, &QComboBox::currentIndexChanged, this, [this, row](int index) {
            if (row >= m_query.columns.size())
                return;
            const QB::ColumnPick &pick = m_query.columns.at(row);
            m_query.order.removeIf(
                [&pick](const QB::SortKey &s) { return s.table == pick.table && s.column == pick.column; });
            if (index > 0)
                m_query.order << QB::SortKey { pick.table, pick.column, pick.aggregate, index == 2 };
            refresh(false);
        });
    }
    m_columns->resizeColumnToContents(1);
    m_columns->resizeColumnToContents(2);
}

void QueryBuilderPane::rebuildCriteriaGrid()
{
    // Table and column travel as item data: a name may itself hold a dot.
    QList<QStringList> choices;
    for (const QString &t : m_query.tables())
        if (const SchemaGraph::Table *table = m_graph.table(t))
            for (const SchemaGraph::Column &c : table->columns)
                choices << QStringList { t, c.name };
    m_criteria->setRowCount(int(m_query.criteria.size()));
    for (int row = 0; row < m_query.criteria.size(); ++row) {
        const QB::Criterion c = m_query.criteria.at(row);
        auto *column = new QComboBox(m_criteria);
        QList<QStringList> items = choices;
        const QStringList current { c.table, c.column };
        if (!items.contains(current))
            items.prepend(current);
        for (const QStringList &item : std::as_const(items))
            column->addItem(columnLabel(item.at(0), item.at(1)), item);
        column->setCurrentIndex(int(items.indexOf(current)));
        column->setAccessibleName(tr("Column of criterion %1").arg(row + 1));
        m_criteria->setCellWidget(row, 0, column);
        auto *op = new QComboBox(m_criteria);
        for (int o = int(QB::Operator::Equal); o <= int(QB::Operator::IsNotNull); ++o)
            op->addItem(QB::operatorText(QB::Operator(o)), o);
        op->setCurrentIndex(op->findData(int(c.op)));
        op->setAccessibleName(tr("Operator of criterion %1").arg(row + 1));
        m_criteria->setCellWidget(row, 1, op);
        auto *value = new QLineEdit(c.value.toString(), m_criteria);
        value->setObjectName(QStringLiteral("criterionValue%1").arg(row));
        value->setEnabled(QB::takesValue(c.op) && !c.now);
        value->setAccessibleName(tr("Value of criterion %1").arg(row + 1));
        value->setEchoMode(c.secret ? QLineEdit::Password : QLineEdit::Normal);
        value->setPlaceholderText(c.now ? tr("the current time")
                : QB::takesValue(c.op)  ? tr("type a value")
                                        : QString());
        m_criteria->setCellWidget(row, 2, value);
        auto *now = new QCheckBox(m_criteria);
        now->setToolTip(tr("Compare with the current Unix time when the query runs (time() in PHP)"));
        now->setChecked(c.now);
        now->setAccessibleName(tr("Criterion %1 compares with the current time").arg(row + 1));
        m_criteria->setCellWidget(row, 3, now);
        auto *secret = new QCheckBox(m_criteria);
        secret->setToolTip(tr("A secret value (a token, say): masked here, never saved with the query"));
        secret->setChecked(c.secret);
        secret->setAccessibleName(tr("Criterion %1 is secret").arg(row + 1));
        m_criteria->setCellWidget(row, 4, secret);
        auto changed = [this, row, column, op, value, now, secret] {
            if (row >= m_query.criteria.size())
                return;
            QB::Criterion &crit = m_query.criteria[row];
            const QStringList picked = column->currentData().toStringList();
            crit.table = picked.value(0);
            crit.column = picked.value(1);
            crit.op = QB::Operator(op->currentData().toInt());
            crit.now = now->isChecked();
            crit.secret = secret->isChecked();
            crit.value = value->text();
            value->setEnabled(QB::takesValue(crit.op) && !crit.now);
            value->setEchoMode(crit.secret ? QLineEdit::Password : QLineEdit::Normal);
            value->setPlaceholderText(crit.now ? tr("the current time")
                    : QB::takesValue(crit.op)  ? tr("type a value")
                                               : QString());
            refresh(false);
        };
        connect(column, &QComboBox::currentIndexChanged, this, changed);
        connect(op, &QComboBox::currentIndexChanged, this, changed);
        connect(value, &QLineEdit::textChanged, this, changed);
        connect(now, &QCheckBox::toggled, this, changed);
        connect(secret, &QCheckBox::toggled, this, changed);
    }
    m_criteria->resizeColumnToContents(0);
    m_criteria->resizeColumnToContents(1);
    m_criteria->resizeColumnToContents(3);
    m_criteria->resizeColumnToContents(4);
}

void QueryBuilderPane::setRunning(bool running)
{
    m_running = running;
    m_stop->setEnabled(running);
    m_run->setEnabled(!running && !m_connection.isEmpty() && statement().isValid());
}

void QueryBuilderPane::closeCursor()
{
    if (m_cancel)
        m_cancel->store(true);
    if (!m_worker)
        return;
    // The cursor belongs to the worker's thread: it is closed there.
    auto cursor = m_cursor;
    m_worker->run<bool>(this,
        [cursor](QSqlDatabase &) {
            cursor->reset();
            return true;
        },
        {});
}

void QueryBuilderPane::run()
{
    const QB::Statement st = statement();
    if (!st.isValid() || m_connection.isEmpty())
        return;
    closeCursor();
    if (!m_worker)
        m_worker = new DbWorker(m_connection, this);
    const quint64 generation = ++m_generation;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    QB::Query shown = m_query;
    if (m_countRows->isChecked())
        shown.columns << QB::ColumnPick { shown.baseTable, QString(), QB::Aggregate::Count };
    m_results->reset(st.headers, QueryResultModel::tokenColumns(shown));
    m_tabs->setCurrentIndex(3);
    m_status->setText(tr("Running…"));
    setRunning(true);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto cursor = m_cursor;
    auto cancel = m_cancel;
    auto target = m_target;
    m_ranStatement = st;
    m_ranNow = now;
    m_worker->run<QueryCursor::Page>(
        this,
        [cursor, cancel, target, st, now](QSqlDatabase &db) {
            *cursor = std::make_unique<QueryCursor>(db, target);
            return (*cursor)->open(st, now, PageSize, cancel.get());
        },
        [this, generation](QueryCursor::Page page) {
            if (generation != m_generation)
                return;
            setRunning(false);
            showPage(page);
        });
}

void QueryBuilderPane::fetchMore()
{
    if (!m_worker || m_results->atEnd())
        return;
    const quint64 generation = m_generation;
    auto cursor = m_cursor;
    auto cancel = m_cancel;
    m_status->setText(tr("Reading more rows…"));
    m_worker->run<QueryCursor::Page>(
        this,
        [cursor, cancel](QSqlDatabase &) {
            if (!*cursor)
                return QueryCursor::Page {};
            return (*cursor)->next(PageSize, cancel.get());
        },
        [this, generation](QueryCursor::Page page) {
            if (generation == m_generation)
                showPage(page);
        });
}

void QueryBuilderPane::showPage(const QueryCursor::Page &page)
{
    m_results->append(page.rows, page.atEnd);
    if (!page.error.isEmpty())
        m_status->setText(tr("The query failed: %1").arg(page.error));
    else if (page.cancelled)
        m_status->setText(tr("Cancelled after %n row(s).", nullptr, m_results->rowCount()));
    else if (page.atEnd)
        m_status->setText(tr("%n row(s).", nullptr, m_results->rowCount()));
    else
        m_status->setText(tr("The first %n row(s); scroll down for more.", nullptr, m_results->rowCount()));
    m_stop->setEnabled(!page.atEnd);
    emit finished();
}

void QueryBuilderPane::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    // Stop the statement itself, not only the reading of its rows.
    if (m_target->dialect().stopsStatementsInProcess()) {
        QueryCursor::interrupt(*m_target, {});
    } else if (m_target->serverId.load() >= 0 && !m_connection.isEmpty()) {
        if (!m_canceller)
            m_canceller = new DbWorker(m_connection, this);
        auto target = m_target;
        m_canceller->run<bool>(this, [target](QSqlDatabase &db) { return QueryCursor::interrupt(*target, db); }, {});
    }
    m_stop->setEnabled(false);
    m_status->setText(tr("Cancelled after %n row(s).", nullptr, m_results->rowCount()));
    closeCursor();
    ++m_generation;
    setRunning(false);
}

void QueryBuilderPane::onExport()
{
    if (m_results->columnCount() == 0 || isExporting())
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the result"), dir + QStringLiteral("/query.csv"), tr("CSV file (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

bool QueryBuilderPane::exportCsv(const QString &path)
{
    if (m_results->columnCount() == 0 || isExporting())
        return false;
    QueryResultModel::ExportSource source = m_results->exportSource();
    if (!source.complete) {
        if (m_connection.isEmpty())
            return false;
        source.connection = m_connection;
        source.statement = m_ranStatement;
        source.now = m_ranNow;
    }
    auto work = [source, path](const CsvExporter::Progress &progress) {
        return CsvExporter::write(
            path, source.headers,
            [&source](const CsvExporter::Sink &sink, QString *error) {
                return QueryResultModel::exportRows(source, sink, error);
            },
            progress);
    };
    if (!m_exportBar->start(work, path, source.complete ? qint64(source.rows.size()) : -1))
        return false;
    m_export->setEnabled(false);
    return true;
}

bool QueryBuilderPane::isExporting() const
{
    return m_exportBar->isRunning();
}

void QueryBuilderPane::saveCurrent()
{
    if (m_query.isEmpty() || m_settingsKey.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save the query"),
        tr("Name (values of criteria marked secret are not saved):"), QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    QB::Query q = m_query;
    if (m_countRows->isChecked())
        q.columns << QB::ColumnPick { q.baseTable, QString(), QB::Aggregate::Count };
    m_settings.setSavedQuery(m_settingsKey, name, q.toJson());
    fillSavedList();
    m_saved->setCurrentText(name);
    m_status->setText(tr("Saved \"%1\". The command line runs it with: trongate-admin query run \"%1\"").arg(name));
}

void QueryBuilderPane::removeSaved()
{
    const QString name = m_saved->currentText();
    if (m_settingsKey.isEmpty() || !m_settings.savedQueries(m_settingsKey).contains(name))
        return;
    if (!m_prompter.confirm(
            this, tr("Delete the saved query"), tr("Delete the saved query \"%1\"?").arg(name), tr("Delete")))
        return;
    m_settings.removeSavedQuery(m_settingsKey, name);
    fillSavedList();
}
