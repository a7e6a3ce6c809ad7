#pragma once

#include "sql/QueryBuilder.h"
#include "sql/QueryCursor.h"
#include "schema/SchemaGraph.h"

#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class AppSettings;
class DbWorker;
class DiagramScene;
class ExportBar;
class Prompter;
class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTableWidget;
class QueryResultModel;

// The visual query builder under the relation diagram: the columns ticked in the boxes, joins
// along the relations (their type switched on the line), criteria, sort and limit in small grids,
// the SQL as it will run, and the rows it returns, read off the window's thread on a connection of
// its own, page by page.
class QueryBuilderPane final : public QWidget {
    Q_OBJECT

public:
    QueryBuilderPane(DiagramScene &scene, Prompter &prompter, AppSettings &settings, QWidget *parent = nullptr);
    ~QueryBuilderPane() override;

    // connectionName: the session's connection, cloned for the builder's own worker thread.
    // settingsKey: AppSettings::connectionKey of the profile, under which queries are saved.
    void setDatabase(const QString &connectionName, DriverKind dialect, const QString &settingsKey);
    void clearDatabase();
    void setGraph(const SchemaGraph &graph);

    const QueryBuilder::Query &query() const { return m_query; }
    QueryBuilder::Statement statement() const;
    QString sqlText() const;
    QString phpText() const;
    QueryResultModel *results() const { return m_results; }
    bool isRunning() const { return m_running; }
    // Loads a saved or ready-made query by its name; false if there is none of that name.
    bool load(const QString &name);
    void toggleColumn(const QString &table, const QString &column);
    void toggleJoinType(const QString &relationKey);
    void run();
    void cancel();
    void clear();
    void showTab(int index);
    // Starts writing the result's rows to a CSV file, on a thread of its own: the rows shown when
    // they are all there, else the query run again on a connection of the export's own. The pane
    // shows the progress with a Cancel button (Esc); exportFinished follows. False when there is
    // nothing to export or an export is running already.
    bool exportCsv(const QString &path);
    bool isExporting() const;

signals:
    void finished(); // a run ended: all rows, a page, an error or a cancel
    void exportFinished(bool ok);

private:
    void refresh(bool structure);
    void rebuildColumnsGrid();
    void dropUnusedJoin(const QString &table);
    void rebuildCriteriaGrid();
    void fillSavedList();
    void saveCurrent();
    void removeSaved();
    void fetchMore();
    // A page of rows (or the error, the cancel) from the cursor: into the grid, said in the status.
    void showPage(const QueryCursor::Page &page);
    void onExport();
    void closeCursor();
    void setRunning(bool running);

    DiagramScene &m_scene;
    Prompter &m_prompter;
    AppSettings &m_settings;
    SchemaGraph m_graph;
    QueryBuilder::Query m_query;
    DriverKind m_dialect = DriverKind::Sqlite;
    QString m_connection;
    QString m_settingsKey;
    DbWorker *m_worker = nullptr;
    std::shared_ptr<std::unique_ptr<QueryCursor>> m_cursor;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<QueryCursor::Target> m_target;
    DbWorker *m_canceller = nullptr; // a second connection, for KILL QUERY / pg_cancel_backend
    quint64 m_generation = 0;
    bool m_running = false;
    // What the rows shown came from: an export of an unfinished result runs it again.
    QueryBuilder::Statement m_ranStatement;
    qint64 m_ranNow = 0;

    QComboBox *m_saved = nullptr;
    QAction *m_run = nullptr;
    QAction *m_stop = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_columns = nullptr;
    QTableWidget *m_criteria = nullptr;
    QCheckBox *m_countRows = nullptr;
    QSpinBox *m_limit = nullptr;
    QPlainTextEdit *m_sql = nullptr;
    QTableView *m_grid = nullptr;
    QueryResultModel *m_results = nullptr;
    QLabel *m_status = nullptr;
    ExportBar *m_exportBar = nullptr;
    QAction *m_export = nullptr;
};
