#pragma once

#include "schema/SchemaGraph.h"

#include <QSqlDatabase>
#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>

class AppSettings;
class DiagramScene;
class DiagramView;
class Prompter;
class QCheckBox;
class QLabel;

// The relation diagram of the open database, and the schema doctor behind it.
class RelationsPage final : public QWidget {
    Q_OBJECT

public:
    RelationsPage(Prompter &prompter, AppSettings &settings, QWidget *parent = nullptr);

    // The graph is read when the page is first shown (counting orphans of a million rows takes a moment).
    // worker: where the schema is read (a diagram of many tables costs many queries); without
    // one it is read on this thread.
    // settingsKey: AppSettings::connectionKey of the profile, for the query builder's saved queries
    // (the connection's name when empty).
    // countWorker: where the counts that follow the diagram run (the orphans, an anti-join over
    // every child row, and the exact rows of big tables), so that they never queue in front of
    // another page's read; worker when none.
    void setDatabase(const QSqlDatabase &db, const QString &connectionName, class DbWorker *worker = nullptr,
        const QString &settingsKey = {}, class DbWorker *countWorker = nullptr);
    // Until the diagram and its exact counts are all in (a screenshot waits for the orphans).
    bool isLoading() const { return m_loading || m_counting || m_examining; }
    // Whether the boxes and lines of the latest read are drawn (their counts may still follow).
    bool isDiagramShown() const { return m_diagramShown; }
    // Whether the orphans and exact row counts of the diagram on screen are being read.
    bool isCounting() const { return m_counting; }
    void clearDatabase(const QString &reason);
    void reload();
    // After a change made elsewhere in the console: read again now if on screen, else when shown.
    void invalidate();
    DiagramScene *scene() const { return m_scene; }
    DiagramView *view() const { return m_view; }
    class QueryBuilderPane *queryPane() const { return m_query; }
    QString statusText() const;
    bool exportTo(const QString &path, QString *error);
    // Reads the schema and the doctor's suggestions (on the worker), then opens the doctor.
    void runDoctor();

signals:
    void tableOpenRequested(const QString &table);
    void orphansRequested(const SchemaGraph::Relation &relation);
    void schemaChanged(const QString &action, const QStringList &statements);
    // The boxes and lines of a read are drawn; its exact counts may follow (countsShown).
    void diagramShown();
    // The orphans and exact row counts of the diagram on screen are in.
    void countsShown();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showGraph(const SchemaGraph &graph, const QString &error);
    void countRemaining(const SchemaGraph &graph, quint64 generation);
    void showStatus();

    void exportDialog();
    void printDiagram();

    Prompter &m_prompter;
    AppSettings &m_settings;
    QSqlDatabase m_db;
    QPointer<class DbWorker> m_worker;
    QPointer<class DbWorker> m_countWorker;
    bool m_loading = false;
    bool m_counting = false;
    bool m_diagramShown = false;
    QString m_readError; // what the latest read could not read, for the status line
    bool m_examining = false; // the schema doctor reads before its dialog opens
    quint64 m_generation = 0;
    // The latest read's generation, for the count jobs queued behind an older read: they skip.
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    QString m_connection;
    bool m_stale = false;
    DiagramScene *m_scene = nullptr;
    DiagramView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QCheckBox *m_all = nullptr;
    class QueryBuilderPane *m_query = nullptr;
    class QSplitter *m_split = nullptr;
};
