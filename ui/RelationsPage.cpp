#include "RelationsPage.h"

#include "connection/DbWorker.h"

#include "AppSettings.h"
#include "DiagramScene.h"
#include "DiagramView.h"
#include "Prompter.h"
#include "QueryBuilderPane.h"
#include "schema/SchemaDoctor.h"
#include "SchemaDoctorDialog.h"
#include "schema/RowEstimate.h"
#include "sql/SqlDialect.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFileDialog>
#include <QLabel>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QSplitter>
#include <QStandardPaths>
#include <QToolBar>
#include <QVBoxLayout>
#include <climits>

RelationsPage::RelationsPage(Prompter &prompter, AppSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_prompter(prompter)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("RelationsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(bar);
    m_scene = new DiagramScene(this);
    m_view = new DiagramView(this);
    m_view->setScene(m_scene);
    auto action = [this, bar](const QString &text, const QKeySequence &key, const char *name) {
        auto *a = bar->addAction(text);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        return a;
    };
    QAction *fit = action(tr("&Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), "fitAction");
    QAction *zoomIn = action(tr("Zoom &in"), QKeySequence::ZoomIn, "zoomInAction");
    QAction *zoomOut = action(tr("Zoom &out"), QKeySequence::ZoomOut, "zoomOutAction");
    bar->addSeparator();
    QAction *arrange = action(tr("&Arrange"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), "arrangeAction");
    arrange->setToolTip(tr("Lay the boxes out again automatically (Ctrl+Shift+A)"));
    QAction *refresh = action(tr("Re&load"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), "reloadAction");
    refresh->setToolTip(tr("Read the tables and their links again (Ctrl+Shift+R)"));
    m_all = new QCheckBox(tr("All tables"), bar);
    m_all->setObjectName(QStringLiteral("allTablesCheck"));
    m_all->setToolTip(tr("Show every table of the database, not only Trongate's and those linked to trongate_users"));
    m_all->setChecked(m_settings.diagramAllTables());
    bar->addWidget(m_all);
    bar->addSeparator();
    QAction *doctor = action(tr("Schema &doctor…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), "doctorAction");
    doctor->setToolTip(
        tr("Indexes, foreign keys and clean-ups that make the Trongate tables faster and safer (Ctrl+Shift+D)"));
    QAction *exportAction = action(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), "exportAction");
    QAction *print = action(tr("&Print…"), QKeySequence::Print, "printAction");
    // The diagram above, the query built on it below.
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->setObjectName(QStringLiteral("queryBuilderSplitter"));
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_view);
    m_query = new QueryBuilderPane(*m_scene, m_prompter, m_settings, m_split);
    m_split->addWidget(m_query);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    layout->addWidget(m_split, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setContentsMargins(6, 2, 6, 4);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(fit, &QAction::triggered, m_view, &DiagramView::fitAll);
    connect(zoomIn, &QAction::triggered, m_view, [this] { m_view->zoomBy(1.2); });
    connect(zoomOut, &QAction::triggered, m_view, [this] { m_view->zoomBy(1 / 1.2); });
    connect(arrange, &QAction::triggered, m_scene, &DiagramScene::autoLayout);
    connect(refresh, &QAction::triggered, this, &RelationsPage::reload);
    connect(m_all, &QCheckBox::toggled, this, [this](bool all) {
        m_settings.setDiagramAllTables(all);
        reload();
    });
    connect(doctor, &QAction::triggered, this, &RelationsPage::runDoctor);
    connect(exportAction, &QAction::triggered, this, &RelationsPage::exportDialog);
    connect(print, &QAction::triggered, this, &RelationsPage::printDiagram);
    connect(m_scene, &DiagramScene::tableOpened, this, &RelationsPage::tableOpenRequested);
    connect(m_scene, &DiagramScene::orphansClicked, this, &RelationsPage::orphansRequested);
    connect(m_scene, &DiagramScene::layoutChanged, this, [this] {
        if (!m_connection.isEmpty())
            m_settings.setDiagramPositions(m_connection, m_scene->positions());
    });
    m_scene->setInk(palette().color(QPalette::Text));
}

void RelationsPage::setDatabase(const QSqlDatabase &db, const QString &connectionName, DbWorker *worker,
    const QString &settingsKey, DbWorker *countWorker)
{
    m_query->setDatabase(db.connectionName(), Sql::kindOf(db), settingsKey.isEmpty() ? connectionName : settingsKey);
    m_db = db;
    m_worker = worker;
    m_countWorker = countWorker ? countWorker : worker;
    m_connection = connectionName;
    m_stale = true;
    if (isVisible())
        reload();
}

void RelationsPage::clearDatabase(const QString &reason)
{
    m_db = QSqlDatabase();
    m_worker = nullptr;
    m_countWorker = nullptr;
    m_loading = false;
    m_counting = false;
    m_diagramShown = false;
    *m_latest = ++m_generation;
    m_connection.clear();
    m_stale = false;
    m_query->clearDatabase();
    m_scene->build(SchemaGraph());
    m_status->setText(reason);
}

void RelationsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void RelationsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_scene->setInk(palette().color(QPalette::Text));
    QWidget::changeEvent(event);
}

void RelationsPage::invalidate()
{
    if (!m_db.isValid())
        return;
    if (isVisible())
        reload();
    else
        m_stale = true;
}

void RelationsPage::reload()
{
    if (!m_db.isValid())
        return;
    m_stale = false;
    const quint64 generation = ++m_generation;
    *m_latest = generation;
    m_counting = false;
    m_diagramShown = false;
    const bool all = m_all->isChecked();
    if (m_worker) {
        m_loading = true;
        m_status->setText(tr("Reading the schema…"));
        struct Read {
            SchemaGraph graph;
            QString error;
        };
        // The boxes and lines first (the catalog, the engine's estimates, the small tables'
        // counts); the orphans and big tables' rows follow on the count worker.
        const qint64 exactBelow = RowEstimate::exactCountBelow();
        m_worker->run<Read>(
            this,
            [all, exactBelow](QSqlDatabase &db) {
                Read r;
                if (!db.isOpen())
                    r.error = tr("the database could not be reached");
                else
                    r.graph = SchemaGraph::read(db, all, &r.error, SchemaGraph::Counts::Later, exactBelow);
                return r;
            },
            [this, generation](Read r) {
                if (generation != m_generation)
                    return;
                m_loading = false;
                showGraph(r.graph, r.error);
                if (r.graph.countsPending())
                    countRemaining(r.graph, generation);
                else
                    emit countsShown();
            });
        return;
    }
    QString error;
    const SchemaGraph graph = SchemaGraph::read(m_db, all, &error);
    showGraph(graph, error);
    emit countsShown();
}

void RelationsPage::countRemaining(const SchemaGraph &graph, quint64 generation)
{
    DbWorker *worker = m_countWorker ? m_countWorker.data() : m_worker.data();
    if (!worker)
        return;
    m_counting = true;
    showStatus();
    struct Counted {
        SchemaGraph graph;
        QString error;
        bool skipped = false;
    };
    worker->run<Counted>(
        this,
        [graph, generation, latest = m_latest](QSqlDatabase &db) {
            Counted c;
            // A newer read (a reload, another connection) started while this one waited: its own
            // count follows, this one would only hold it up.
            if (*latest != generation) {
                c.skipped = true;
                return c;
            }
            c.graph = graph;
            if (db.isOpen()) {
                c.graph.countRemaining(db, &c.error);
                return c;
            }
            // Said as unknown rather than "checking" for ever; an estimate stays one.
            c.error = tr("the database could not be reached");
            for (SchemaGraph::Table &t : c.graph.tables)
                if (t.count == SchemaGraph::Count::Counting) {
                    t.rows = -1;
                    t.count = SchemaGraph::Count::Exact;
                }
            for (SchemaGraph::Relation &r : c.graph.relations)
                if (r.orphanCount == SchemaGraph::Count::Counting) {
                    r.orphans = -1;
                    r.orphanCount = SchemaGraph::Count::Exact;
                }
            return c;
        },
        [this, generation](Counted c) {
            if (generation != m_generation || c.skipped)
                return;
            m_counting = false;
            m_scene->updateCounts(c.graph);
            if (!c.error.isEmpty())
                m_readError = m_readError.isEmpty() ? c.error : m_readError + QStringLiteral("; ") + c.error;
            showStatus();
            emit countsShown();
        });
}

void RelationsPage::showGraph(const SchemaGraph &graph, const QString &error)
{
    m_scene->build(graph, m_settings.diagramPositions(m_connection));
    m_query->setGraph(graph);
    m_readError = error;
    showStatus();
    m_view->fitAll();
    m_diagramShown = true;
    emit diagramShown();
}

void RelationsPage::showStatus()
{
    const SchemaGraph &graph = m_scene->graph();
    qint64 orphans = 0;
    int declared = 0;
    for (const SchemaGraph::Relation &r : graph.relations) {
        orphans += std::max<qint64>(0, r.orphans);
        declared += r.declared;
    }
    QString text = m_counting
        ? tr("%1 tables, %2 relations (%3 declared as foreign keys, %4 inferred from Trongate's conventions, drawn "
             "dashed); checking for orphan rows… Double-click a table to open it.")
              .arg(graph.tables.size())
              .arg(graph.relations.size())
              .arg(declared)
              .arg(graph.relations.size() - declared)
        : tr("%1 tables, %2 relations (%3 declared as foreign keys, %4 inferred from Trongate's conventions, drawn "
             "dashed), %Ln orphan row(s). Click an orphan count to see those rows; double-click a table to open it.",
              nullptr, int(std::min<qint64>(orphans, INT_MAX)))
              .arg(graph.tables.size())
              .arg(graph.relations.size())
              .arg(declared)
              .arg(graph.relations.size() - declared);
    if (!m_readError.isEmpty())
        text += QLatin1Char(' ') + tr("Some details could not be read: %1").arg(m_readError);
    m_status->setText(text);
}

QString RelationsPage::statusText() const
{
    return m_status->text();
}

bool RelationsPage::exportTo(const QString &path, QString *error)
{
    return m_scene->exportTo(path, error);
}

void RelationsPage::exportDialog()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString selected;
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export the diagram"), dir + QStringLiteral("/trongate-schema.svg"),
            tr("SVG drawing (*.svg);;PNG image (*.png);;PDF document (*.pdf)"), &selected);
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        m_prompter.warn(this, tr("Export the diagram"), error);
    else
        m_status->setText(tr("Exported the diagram to %1.").arg(path));
}

void RelationsPage::printDiagram()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPainter p(&printer);
    m_scene->render(&p, QRectF(), m_scene->contentRect());
}

void RelationsPage::runDoctor()
{
    if (!m_db.isValid() || m_examining)
        return;
    struct Examined {
        QList<SchemaDoctor::Suggestion> suggestions;
        QString error;
    };
    auto examine = [](QSqlDatabase &db) {
        Examined e;
        const SchemaGraph graph = SchemaGraph::read(db, false, &e.error);
        e.suggestions = SchemaDoctor::suggest(db, graph);
        return e;
    };
    const QString before = m_status->text();
    const QString examining = tr("The schema doctor is examining the tables…");
    auto open = [this, before, examining](const Examined &e) {
        m_examining = false;
        if (m_status->text() == examining)
            m_status->setText(before);
        if (e.suggestions.isEmpty() && !e.error.isEmpty()) {
            m_prompter.warn(this, tr("Schema doctor"), tr("The schema could not be read: %1").arg(e.error));
            return;
        }
        SchemaDoctorDialog dialog(m_db, m_worker, e.suggestions, m_prompter, this);
        connect(&dialog, &SchemaDoctorDialog::applied, this, &RelationsPage::schemaChanged);
        dialog.exec();
        if (dialog.changedSomething())
            reload();
    };
    if (!m_worker) {
        QSqlDatabase db = m_db;
        open(examine(db));
        return;
    }
    // Reading the schema and counting orphans is many queries: on the worker, the page says so.
    m_examining = true;
    m_status->setText(examining);
    m_worker->run<Examined>(this, examine, open);
}
