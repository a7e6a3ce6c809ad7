#pragma once

#include "GridModel.h"

#include <QWidget>

class DbWorker;
class ExportBar;
class GuardedDelegate;
class Prompter;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QToolBar;

// A page holding one grid: toolbar (save, revert, add, duplicate, delete, export), a filter box
// with a column choice, the count of shown and total rows, and a message line for refusals.
class GridPage : public QWidget {
    Q_OBJECT

public:
    GridPage(const QString &pageName, Prompter &prompter, QWidget *parent = nullptr);
    ~GridPage() override;

    QString pageName() const { return m_pageName; }
    // worker: where the grid reads (off the window's thread); nullptr reads in the call.
    // countWorker: where the exact counts of big tables run (GridModel::setWorker); estimate: the
    // table's rows as the session's facts know them (GridModel::setEstimate).
    void setDatabase(const QSqlDatabase &db, GridModel::Clock clock, DbWorker *worker = nullptr,
        DbWorker *countWorker = nullptr, const RowEstimate &estimate = {});
    // The grid's rows or counts are on their way.
    bool isLoading() const { return m_model && m_model->isLoading(); }
    // No model: the database is closed or lacks the table. reason says what to do.
    void clearDatabase(const QString &reason = {});
    GridModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    bool hasPendingChanges() const;
    // Writes the pending edits; false (edits kept) when refused or when a conflict is left open.
    bool save();
    void revert();
    // Asks Save / Discard / Cancel when there are unsaved edits. True: fine to leave.
    bool confirmLeave();
    // Starts exporting the filtered rows, on a thread of its own; includeSecrets for whole tokens.
    // The page shows the progress with a Cancel button (Esc) and says how it ended; exportFinished
    // follows. False when there is nothing to export or an export is running already.
    bool exportCsv(const QString &path, bool includeSecrets);
    bool isExporting() const;
    QString message() const;
    QString countText() const;
    void setFilter(const QString &text, int column = -1);
    // Shows only the rows matching a condition the program built (e.g. orphans), with a label
    // and a way back to all rows.
    void setCondition(const QString &label, const QString &sql);
    // A jump from elsewhere (diagram orphans, another page): these rows and no earlier filter.
    // An empty sql shows every row.
    void showOnly(const QString &label, const QString &sql);
    // Every filter off (what the bar's ✕ and Esc do).
    void clearFilters();
    bool isFiltered() const;
    // "Filtered: …" as the bar shows it; empty when nothing is filtered.
    QString filterSummary() const;
    QList<int> selectedRows() const;
    // The page's actions, as the grid's context menu offers them (right click, Shift+F10, Menu key).
    QMenu *contextMenu();
    // For an account that may not change this table: the grid shows, nothing edits.
    void setReadOnly(bool readOnly, const QString &reason = {});
    bool isReadOnly() const { return m_readOnly; }

signals:
    void pendingChanged(bool pending);
    void saved(const QString &table, int rowsWritten);
    void exportFinished(bool ok);

protected:
    void showEvent(QShowEvent *event) override;
    virtual GridModel *createModel(const QSqlDatabase &db, GridModel::Clock clock) = 0;
    virtual void configureView() { }
    virtual void addRow() = 0;
    virtual void deleteSelected();
    // Extra actions a page adds after the standard ones.
    QToolBar *toolBar() const { return m_toolBar; }
    QAction *addPageAction(const QString &text, const QKeySequence &shortcut, const QString &objectName);
    Prompter &prompter() { return m_prompter; }
    // The plain cells' editor; pages may give it a check (asked before an edit is written).
    GuardedDelegate *cellDelegate() const { return m_delegate; }
    void showMessage(const QString &text, bool error);
    virtual bool exportHasSecrets() const { return false; }

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onExport();
    void showContextMenu(const QPoint &globalPos);
    void updateCounts();
    // The counts as the label says them: exact, "about" an estimate, or still counting.
    QString countsText() const;
    void applyFilter();
    void updateFilterBar();
    void updateFilterChoices();

    QString m_pageName;
    Prompter &m_prompter;
    GridModel *m_model = nullptr;
    QToolBar *m_toolBar = nullptr;
    QTableView *m_view = nullptr;
    GuardedDelegate *m_delegate = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_filterColumn = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_message = nullptr;
    ExportBar *m_exportBar = nullptr;
    QAction *m_export = nullptr;
    QWidget *m_filterBar = nullptr;
    QLabel *m_filterSummary = nullptr;
    QString m_conditionLabel;
    QAction *m_save = nullptr;
    QAction *m_revert = nullptr;
    QList<QAction *> m_editActions;
    bool m_readOnly = false;
    bool m_needsRefresh = false; // set while the page waits to be shown before it loads
    bool m_savedShown = false;
};
