#pragma once

#include "schema/SchemaGraph.h"

#include <QSqlDatabase>
#include <QPointer>
#include <QWidget>

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
    void setDatabase(const QSqlDatabase &db, const QString &connectionName, class DbWorker *worker = nullptr,
        const QString &settingsKey = {});
    bool isLoading() const { return m_loading || m_examining; }
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

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showGraph(const SchemaGraph &graph, const QString &error);

    void exportDialog();
    void printDiagram();

    Prompter &m_prompter;
    AppSettings &m_settings;
    QSqlDatabase m_db;
    QPointer<class DbWorker> m_worker;
    bool m_loading = false;
    bool m_examining = false; // the schema doctor reads before its dialog opens
    quint64 m_generation = 0;
    QString m_connection;
    bool m_stale = false;
    DiagramScene *m_scene = nullptr;
    DiagramView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QCheckBox *m_all = nullptr;
    class QueryBuilderPane *m_query = nullptr;
    class QSplitter *m_split = nullptr;
};
