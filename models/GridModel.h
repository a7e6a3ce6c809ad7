#pragma once

#include "tokens/ChangeWriter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QList>
#include <QSet>
#include <QSqlDatabase>

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>

#include "connection/DbWorker.h"
#include "schema/RowEstimate.h"

#include "RowCache.h"

// A grid over one table that never holds the whole table: it counts the (filtered) rows in the
// database and fetches the pages the view asks for, sorted by the database, from a held row beside
// them (keyset) or else by place, keeping a bounded number of rows near the screen (RowCache, the
// page cache the live list uses too). With a worker (the window's case) every read runs
// on the worker's thread and connection: a refresh shows its rows when the count and the first
// page arrive together, a page the view scrolls to shows placeholders until it arrives; the
// window's thread never waits. A big table (by the engine's own estimate, RowEstimate) is not
// counted before its first page shows: the grid has as many rows as the estimate says (or, with a
// filter, as the first page holds) and the exact count follows from the count worker, adding or
// removing rows at the end. Without a worker (the command line, tests) reads happen in the call
// and counts are always exact. Edits are kept per row id until Save writes them in one
// transaction (ChangeWriter); they survive sorting, filtering and a failed save.
class GridModel : public QAbstractTableModel {
    Q_OBJECT

public:
    using Clock = std::function<qint64()>;
    // Makes a model of the same kind on a connection of another thread (see ExportSource).
    using TwinMaker = std::function<std::unique_ptr<GridModel>(const QSqlDatabase &db)>;

    struct Row {
        qint64 id = 0; // negative for rows not saved yet
        QVariantList values; // the base columns (without id) as loaded
        QVariantHash extra; // related data the subclass looked up for display
    };
    enum class RowState { Clean, Edited, New, Deleted };
    enum Role { IdRole = Qt::UserRole + 1, RawValueRole, RowStateRole };

    struct SaveResult {
        bool ok = false;
        QString error;
        QList<ChangeWriter::Conflict> conflicts;
        int rowsWritten = 0;
    };

    explicit GridModel(QSqlDatabase db, Clock clock, QObject *parent = nullptr);
    ~GridModel() override;

    // Reads from now on run on this worker; set before the first refresh. Once set, the model
    // never reads in the call again: while the worker is gone (a reconnect replaces it) rows wait
    // as placeholders, and a refresh asked meanwhile runs when the next worker is set.
    // countWorker (optional, else worker) runs the exact counts of big tables, on a connection of
    // its own so that a long COUNT(*) never queues in front of a page.
    void setWorker(DbWorker *worker, DbWorker *countWorker = nullptr);
    DbWorker *worker() const { return m_worker; }
    bool readsOffThread() const { return m_async; }
    // A refresh or a page is on its way from the worker (not an exact count: the rows are there).
    bool isLoading() const { return m_loadingCount || m_cache.anyAsked() || !m_deferred.isEmpty(); }
    // Whether the counts are known yet (false between the first refresh and its answer).
    bool hasCounts() const { return m_counted; }
    // Look-ups left out of the pages' reads (enrichLater) are on their way: some cells say "…".
    bool isLookingUp() const { return m_laterPending > 0; }
    // How far totalCount() and filteredCount() can be trusted. Estimated: the engine's estimate
    // (or the total of the last count), said as "about". Unknown: still counting; the grid's rows
    // are then a provisional number (an upper bound, or the rows of the first page).
    enum class Certainty { Exact, Estimated, Unknown };
    Certainty totalCertainty() const { return m_totalCertainty; }
    Certainty countCertainty() const { return m_countCertainty; }
    // An exact count is on its way (after the first page was shown).
    bool isCounting() const { return m_countPending; }
    // Whether the rows shown are filtered (by the last count's filter and condition).
    bool isFiltered() const { return !m_where.isEmpty(); }
    // Tables estimated at this many rows or more show their first page before they are counted
    // (RowEstimate::exactCountBelow() by default; 0 counts every table first).
    void setExactCountBelow(qint64 rows) { m_exactCountBelow = rows; }
    // The table's size as the engine estimated it a moment ago (the session's facts): the first
    // refresh then asks for no estimate of its own.
    void setEstimate(const RowEstimate &estimate) { m_estimate = estimate; }

    // Filtering: text searched in one column (column >= 0) or in all searchable ones (-1).
    void setFilter(const QString &text, int column = -1);
    QString filterText() const { return m_filterText; }
    int filterColumn() const { return m_filterColumn; }
    // Whether the filter can search this column as it is displayed (a column it cannot search is
    // not offered: a filter on it would match nothing).
    bool isFilterable(int column) const;
    // The words a filter on this column understands, when it is not free text (e.g. a status).
    virtual QStringList filterChoices(int column) const;
    // A fixed SQL condition ANDed to the filter (e.g. "orphans only"), built by the program, never typed.
    void setCondition(const QString &sql);
    // An account that may only read: no cell is editable (the database would refuse anyway).
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }
    QString condition() const { return m_condition; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    // Counts again and drops cached pages; pending edits are kept.
    void refresh();

    // Pages next to a held page are read from it (keyset, the default); off: every page by its
    // OFFSET (benchmarks compare the two).
    void setKeysetPaging(bool on) { m_keysetPaging = on; }
    // Pages read from a neighbour, and by their OFFSET, since the model was made.
    int keysetReads() const { return m_keysetReads; }
    int offsetReads() const { return m_offsetReads; }

    qint64 totalCount() const { return m_total; }
    qint64 filteredCount() const { return m_count; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Editing, kept until submitAll().
    bool hasPendingChanges() const;
    int pendingCount() const;
    int addRow(const QVariantList &values); // returns the view row (new rows come first)
    void duplicateRows(const QList<int> &rows);
    void markDeleted(const QList<int> &rows);
    void revertAll();
    SaveResult submitAll();
    // After a conflict: take the database's version of those rows as the new base for the edits
    // (the next Save then overwrites them knowingly), or drop my edits of them.
    void rebaseOnCurrent(const QList<ChangeWriter::Conflict> &conflicts);
    void discardEdits(const QList<qint64> &ids);

    qint64 idAt(int row) const;
    RowState rowState(int row) const;
    QVariant value(int row, const QString &baseColumn) const; // current (edited) value
    const Row *rowAt(int row) const;
    // The row if it is loaded already; never reads (nor asks the worker to).
    const Row *loadedRowAt(int row) const;

    QSqlDatabase database() const { return m_db; }
    QStringList columnNames() const { return baseColumns(); } // the table's columns, without id
    // How many loaded rows the model holds now: bounded, whatever the table's size.
    int cachedRowCount() const;
    qint64 now() const { return m_clock(); }
    QString lastError() const { return m_lastError; }

    // The text of a cell for export; secrets (whole tokens) only when asked for. Called on the
    // export's thread, on a twin of this model (see ExportSource).
    virtual QString exportText(const Row &row, int column, bool includeSecrets) const;

    // What an export of the filtered, sorted rows (not the pending edits) needs, copied on the
    // model's thread: nothing in it refers to this model, so an export thread can use it while the
    // grid changes, reloads or goes.
    struct ExportSource {
        QString connection; // this model's connection, cloned by name on the export's thread
        QStringList headers;
        QString sql; // id first, then the base columns; the filter of the last count, its order
        QVariantList values;
        int baseColumns = 0;
        qint64 rows = 0; // the filtered count the grid shows
        // Makes, on the export's thread and its connection, a fresh model of the same kind: its
        // enrich() and exportText() render the rows there, sharing no state with the window's.
        TwinMaker twin;
    };
    ExportSource exportSource() const;
    // Streams source's rows, as cells, to sink without holding them: on two connections of the
    // calling thread's own (one streams, one answers the look-ups). The sink returns false to stop;
    // false with error set when the rows could not be read.
    static bool exportRows(const ExportSource &source, bool includeSecrets,
        const std::function<bool(const QStringList &cells)> &sink, QString *error);

signals:
    void loadingChanged(bool loading);
    void validationFailed(const QString &message);
    void pendingChanged();
    void countsChanged();

protected:
    struct ColumnSpec {
        QString header;
        QString baseColumn; // a column of the table, or empty for a computed one
        QString sortColumn; // what ORDER BY uses; empty = not sortable
        bool editable = false;
        // Custom: matched only by extraFilterClauses (e.g. against the text a computed column shows).
        enum class Search { None, Text, Number, Custom } search = Search::None;
    };

    virtual QString tableName() const = 0;
    virtual QStringList baseColumns() const = 0; // without id
    virtual QList<ColumnSpec> columnSpecs() const = 0;
    // Display, tooltip, alignment ... of a cell; values already include pending edits.
    virtual QVariant cellData(const Row &row, const QVariantList &values, int column, int role) const = 0;
    // Turns what an editor produced into the stored value; returns an error text to refuse it.
    virtual QString convertEdit(int column, const QVariant &input, qint64 id, QVariant *stored) const;
    // Extra WHERE conditions for the text filter (e.g. matching related tables). Bound values
    // appended. Runs on the worker's thread with its connection db: read no member that changes.
    virtual QStringList extraFilterClauses(
        const QSqlDatabase &db, const QString &text, int column, QVariantList *values) const;
    // For exportSource(): how to make this model's twin on another thread's connection (given
    // what it needs besides the database, such as the clock). Called on the model's thread; what
    // it returns runs on the export's.
    virtual TwinMaker twinMaker() const = 0;
    // Looks up related data for a page of rows (one query per relation, never one per row).
    // Runs on the worker's thread with its connection db, like extraFilterClauses.
    virtual void enrich(const QSqlDatabase &db, QList<Row> &rows) const;
    // What a page's own statement can read along with each row (subqueries on the row's columns,
    // e.g. its user's code): a page then needs no look-up statement after it, a round trip or two
    // less over a far link. A model that names columns here gets their values, in order, in
    // takeAlong() before enrich(), which then reads only what is still missing (an export's
    // batches come without: there enrich() reads everything).
    virtual QStringList alongColumns(const QSqlDatabase &) const { return {}; }
    virtual void takeAlong(Row &, const QVariantList &) const { }
    // Look-ups that grow with another big table (a count of each user's tokens): with a worker
    // they are left out of the page's read, so that the page shows at once, and run as a read of
    // their own after it; cellData() sees the rows without them meanwhile. Without a worker (the
    // command line, tests, an export) they run right after enrich(). Same thread rules as enrich().
    virtual bool hasLaterLookups() const { return false; }
    virtual void enrichLater(const QSqlDatabase &db, QList<Row> &rows) const;
    // On the model's own thread, when rows read by enrich() arrive (to remember what they carry).
    virtual void rowsArrived(const QList<Row> &) { }
    // Concrete models call this first in their destructor: a read running on the worker for this
    // model finishes before the model's parts go, and none starts after.
    void detachFromWorker();
    // Adds the cascade statements and guards for the pending deletes.
    virtual void prepareSave(ChangeSet &changes) const;
    // The values a duplicate of a row starts with (unique columns get fresh values).
    virtual QVariantList duplicateValues(const QVariantList &values) const { return values; }
    // Checks a whole row before it is saved (e.g. a new row left empty). Empty = fine.
    virtual QString validateRow(const QVariantList &values) const;

    // Whether a new or edited row other than exceptId holds this value in that column.
    bool pendingValueExists(const QString &baseColumn, const QVariant &value, qint64 exceptId) const;
    int baseIndex(const QString &column) const { return int(baseColumns().indexOf(column)); }
    const QList<ColumnSpec> &specs() const;
    void invalidateCache();
    static QString placeholders(int n);
    QString quote(const QString &identifier) const;
    // Runs a read or write on the session's worker (its thread, its connection) and returns the
    // answer: the window keeps painting meanwhile (awaitOnWorker). Without a worker (the command
    // line, tests of the model alone) it runs here on m_db. Empty when the connection was lost
    // before the answer came. job gets the connection to use; it must read no member that changes.
    template<class F>
    auto onDb(F job) const
    {
        using T = std::invoke_result_t<F, QSqlDatabase &>;
        return awaitOnWorker<T>(m_worker, m_db, std::function<T(QSqlDatabase &)>(std::move(job)));
    }
    // Whether a Save is being written now (the grid takes no edit meanwhile).
    bool isSaving() const { return m_saving; }

    QSqlDatabase m_db;
    Clock m_clock;

private:
    // What a read needs, copied on the model's thread so a worker never reads a changing member.
    struct Query {
        QString filterText;
        int filterColumn = -1;
        QString condition;
        int sortColumn = 0;
        Qt::SortOrder sortOrder = Qt::AscendingOrder;
        QString where; // computed by the count, reused by every page of it
        QVariantList whereValues;
        qint64 count = 0;
        bool laterApart = false; // enrichLater() is left for a read of its own
    };
    struct Counted {
        bool ok = false;
        QString error;
        qint64 total = 0;
        qint64 count = 0;
        Certainty totalCertainty = Certainty::Exact;
        Certainty countCertainty = Certainty::Exact;
        QString where;
        QVariantList whereValues;
        QList<Row> firstPage;
    };
    struct PageRead {
        bool ok = false;
        QString error;
        QList<Row> rows;
        // Read along with the rows when asked (readPage's withCounts) and a row came back: the
        // table's rows, and those matching the query's filter. -1 otherwise.
        qint64 total = -1;
        qint64 count = -1;
    };
    struct Recount {
        bool ok = false;
        QString error;
        qint64 rows = 0;
    };
    struct Guard {
        QMutex mutex;
        const GridModel *model = nullptr;
        std::atomic<quint64> countGeneration { 0 }; // a count queued under an older one is not run
    };

    Query query() const;
    QString whereClause(const QSqlDatabase &db, const Query &q, QVariantList *values) const;
    // The filtered, sorted rows, without paging; reversed: the same order read from its end.
    // from: what follows FROM, when not the table itself (Dialect::rowsAtPlace).
    QString selectSql(const Query &q, bool reversed = false, const QStringList &extraColumns = {},
        const QString &from = {}) const;
    QString orderSql(const Query &q, bool reversed) const;
    Counted readCounts(const QSqlDatabase &db, Query q, bool withFirstPage) const;
    // The first page, counted first only when the table is small (by the size known, or else the
    // engine's estimate); exactBelow as setExactCountBelow().
    Counted readFirstScreen(const QSqlDatabase &db, Query q, RowEstimate known, qint64 exactBelow) const;
    // Asks the count worker for the next count that is not exact yet (the filtered one first).
    void countNext();
    void applyExactCount(bool filtered, qint64 rows);
    // Makes the grid this many database rows long: rows added or removed at the end, so that the
    // rows above, the selection and the scroll position stay.
    void resizeTo(qint64 count);
    void requestDeferred();
    void workerGone(bool reads, bool counts);
    // Where a page's read starts when a page beside it is held: after the last row of the page
    // before it, or (fromNext) before the first row of the page after it. Keyset paging: the read
    // costs the same anywhere in the table and follows on from the rows already shown, even when
    // rows above were added or deleted meanwhile. Without one (a jump), an OFFSET from the nearer end.
    struct Seek {
        bool valid = false;
        bool fromNext = false;
        QVariant value; // the sort column's
        qint64 id = 0;
    };
    Seek seekFor(int page) const;
    PageRead readPage(
        const QSqlDatabase &db, const Query &q, int page, bool withCounts = false, const Seek *seek = nullptr) const;
    void storePage(int page, const QList<Row> &rows) const;
    bool fetchPage(int page) const;
    void requestPage(int page) const;
    // Runs enrichLater() for a stored page on the worker and merges what it adds into the page.
    void requestLater(int page) const;
    void recount();
    void applyCounts(const Counted &c);
    QVariantList effectiveValues(const Row &row) const;
    int newRowCount() const { return int(m_newRows.size()); }

    static constexpr int PageSize = 128;
    static constexpr int MaxCachedPages = 24;

    mutable QList<ColumnSpec> m_specs;
    QString m_filterText;
    QString m_condition;
    bool m_readOnly = false;
    int m_filterColumn = -1;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    qint64 m_total = 0;
    qint64 m_count = 0;
    Certainty m_totalCertainty = Certainty::Exact;
    Certainty m_countCertainty = Certainty::Exact;
    qint64 m_exactCountBelow = RowEstimate::exactCountBelow();
    RowEstimate m_estimate; // until the first count

    QString m_where; // of the last count, with its bound values
    QVariantList m_whereValues;
    QPointer<DbWorker> m_worker;
    QPointer<DbWorker> m_countWorker;
    bool m_saving = false;
    bool m_async = false;
    bool m_refreshWhenWorker = false;
    std::shared_ptr<Guard> m_guard = std::make_shared<Guard>();
    quint64 m_generation = 0; // a read started under another generation is dropped
    quint64 m_countGeneration = 0; // the same for counts: a sort changes the pages, not the counts
    int m_loadingCount = 0;
    bool m_counted = false;
    bool m_countPending = false; // an exact count of this count generation is on its way
    mutable int m_laterPending = 0; // enrichLater() reads on their way
    mutable QSet<int> m_laterOwed; // the stored pages they are for: asked again of a new worker
    // Pages asked for while the count is on its way: read once it is there, from whichever end is
    // nearer (the count worker answers before the page worker could have anyway).
    mutable QSet<int> m_deferred;
    mutable QSet<int> m_failed; // pages whose read failed in this generation (not asked again)

    bool m_keysetPaging = true;
    mutable std::atomic<int> m_keysetReads { 0 };
    mutable std::atomic<int> m_offsetReads { 0 };
    // The pages read, by place (the cache the live list uses too): a bounded number of rows,
    // those nearest the row last shown kept; which pages are on their way, for which generation.
    mutable RowCache<Row> m_cache { PageSize, MaxCachedPages * PageSize };
    mutable QString m_lastError;

    QList<Row> m_newRows;
    QHash<qint64, QVariantList> m_edits; // id -> edited values
    QHash<qint64, QVariantList> m_originals; // id -> values as loaded (for the conflict check)
    QSet<qint64> m_deleted;
    QHash<qint64, QVariantList> m_deletedOriginals;
    qint64 m_nextNewId = -1;
};
