#pragma once

#include "ExpiryPoller.h"
#include "RowCache.h"
#include "TokenOwners.h"

#include <QAbstractTableModel>

class DbWorker;
#include <QHash>
#include <QMap>
#include <QSqlDatabase>

#include <functional>
#include <optional>
#include <utility>

// Every token with an expiry, ordered by time left (expiry_date, id), for the live view. Like the
// grids it never holds the table: it counts, and fetches the pages the view shows. Each second the
// view calls tick(), which only repaints the visible countdowns (no query), and asks for a poll:
// pollRequest() describes what is on screen, an ExpiryPoller reads a snapshot on its own thread
// (nothing when the engine's change counter did not move), and apply() turns the difference into
// row inserts, removals and dataChanged: rows above the screen as one block above it, the visible
// rows by key, the rest below. The rows on screen are the table's after each applied snapshot; the
// count and the rows above the screen are exact too unless the read budget (ExpiryReadBudget) left
// their recount for later, which countExact() then says. The selection and the rows on screen stay
// where they are unless their token is gone.
class ExpiryModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    using Clock = std::function<qint64()>;
    enum Column {
        TimeLeftColumn,
        BandColumn,
        ExpiresColumn,
        UserColumn,
        IdentityColumn,
        TokenColumn,
        IdColumn,
        ColumnCount
    };
    enum class Band { Expired, UnderFiveMinutes, UnderAnHour, Later };
    enum Role { IdRole = Qt::UserRole + 1, ExpiryRole, BandRole };

    struct Filter {
        std::optional<qint64> levelId;
        std::optional<qint64> userId;
        QString text; // start of the token, or of the user's code, or username/e-mail
        std::optional<qint64> withinSeconds; // only tokens expiring from now to now + this
        std::optional<qint64> from; // a timeline slice: from <= expiry < to
        std::optional<qint64> to;
    };
    struct PollResult {
        bool ok = true;
        int inserted = 0;
        int removed = 0;
        int updated = 0;
        bool stale = false;
        bool changed() const { return inserted || removed || updated; }
    };

    ExpiryModel(QSqlDatabase db, Clock clock, QObject *parent = nullptr);

    void setFilter(const Filter &filter);
    // The same without a read here: no rows and no count until the first snapshot, read for
    // firstLoadRequest(), arrives through apply(). A text filter's users are resolved in that
    // visit too (ExpiryPollRequest::resolveText).
    void setFilterDeferred(const Filter &filter);
    bool awaitsFirstSnapshot() const { return m_awaitingFirst; }
    // What that first snapshot reads: the count, the rows before "now" (the expired backlog, as a
    // number) and the rows from "now" on, in one visit of the poller's.
    ExpiryPollRequest firstLoadRequest(qint64 now, int rows) const;
    const Filter &filter() const { return m_filter; }
    // Counts again and forgets the loaded pages, on this model's connection and thread (tests,
    // benchmarks; the page uses setFilterDeferred and the poller's first snapshot instead).
    void reload();
    // The rows the view shows; tick() and poll() look only at them.
    void setVisibleRows(int first, int last);
    void tick();
    // The same work as the poller's, on this model's connection and thread (tests, benchmarks).
    // force: read even if the engine's change counter did not move (this connection's own writes
    // do not move SQLite's), and count now whatever it costs.
    PollResult poll(bool force = false);
    // A forced poll, kept for callers that used to recount.
    bool reconcile() { return poll(true).changed(); }
    // force: read and count now (the console's own change); the request's exact flag can be
    // cleared for a look that the budget may still shorten.
    ExpiryPollRequest pollRequest(bool force) const;
    // What poll() may spend on recounts (the poller thread has a budget of its own).
    void setReadBudget(const ExpiryReadBudget::Options &options) { m_budget = ExpiryReadBudget(options); }
    // Applies a snapshot read for one of this model's requests; a stale one (the model changed
    // since) is ignored and reported as not ok with stale set.
    PollResult apply(const ExpiryPollSnapshot &snapshot);
    // Who the users of rows read without it are (ExpiryPollRequest::identitiesLater): the rows of
    // these users that owe their identity take it (a user missing from identities has none) and
    // repaint that column.
    void addIdentities(const QList<qint64> &users, const QHash<qint64, QString> &identities);
    // The console's own revoke: the rows go at once, without a query.
    void removeIds(const QList<qint64> &ids, qint64 deleted);
    quint64 generation() const { return m_generation; }
    // With a reader, a row that is not loaded is blank until its page, asked of the reader (the
    // page's poller thread), comes back through pageRead(): the view never waits on a read here.
    // Without one (tests, benchmarks), the page is read at once on this model's connection.
    using PageReader = std::function<void(quint64 generation, int page, const QString &sql, const QVariantList &values)>;
    void setPageReader(PageReader reader) { m_pageReader = std::move(reader); }
    // A page read for pageRequest's generation; one read for an older state of the list is dropped
    // (its rows may have moved since) and asked again when the view next shows them.
    void pageRead(quint64 generation, int page, const QList<ExpiryRow> &rows, const QString &error);
    int pagesAsked() const { return m_pagesAsked; }
    // Forgets the pages asked and not answered (their reader is gone) and repaints, so that the
    // rows on screen not read yet are asked of the new one.
    void askPagesAgain();
    // Pages read from a row beside them (keyset), and by OFFSET, since the model was made.
    int keysetReads() const { return m_keysetReads; }
    int offsetReads() const { return m_offsetReads; }

    qint64 idAt(int row) const;
    // Whether every one of these rows is held (its id is known without a read).
    bool holdsRows(const QList<int> &rows) const;
    // The ids of these rows (a selection), loaded or not: the rows not loaded are read by page on
    // worker (awaitOnWorker: the window keeps painting), or here without one. Rows that could not be
    // read are left out.
    QList<qint64> idsAt(const QList<int> &rows, DbWorker *worker) const;
    QString tokenAt(int row) const;
    int rowOfId(qint64 id) const; // -1 when not loaded
    // The first row that has not expired yet: where "now" is in the list. A read on this model's
    // connection (tests, benchmarks); the page sends nowQuery() to its poller instead.
    int rowOfNow() const;
    struct NowQuery {
        quint64 generation = 0; // the model's state the answer is for
        QString where;
        QVariantList values;
        qint64 now = 0;
    };
    NowQuery nowQuery() const;
    // A row number counted elsewhere, within the list as it is now.
    int clampRow(qint64 row) const;
    qint64 count() const { return m_count; }
    // False while a recount is owed: the count (and where the screen sits in the list) may trail
    // the table by the changes made outside the rows on screen since it was last exact.
    bool countExact() const { return m_countExact; }
    int cachedRowCount() const;
    int queriesSent() const { return m_queries; }
    QString lastError() const { return m_error; }

    static Band band(qint64 secondsLeft);
    static QString bandText(Band band);
    static QString countdown(qint64 secondsLeft); // "4 min 07 s", "2 h 10 min", "expired 35 s ago"

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void countChanged(qint64 count);

private:
    using Row = ExpiryRow;
    using TextClause = std::pair<QString, QVariantList>;
    // withText false: without the text filter's condition (the poller resolves and appends it).
    QString where(QVariantList *values, bool withText = true) const;
    TextClause resolveText(const QSqlDatabase &db, const QString &text) const;
    QString filterKey() const;
    bool fetchPage(int page) const;
    // The page's statement: from the row held just before it (keyset: rows after (expiry, id)),
    // else from the row held just after it (*reversed: read backwards, to be turned round), else
    // by OFFSET (a jump).
    QString pageSql(int page, QVariantList *values, bool *reversed) const;
    void keepPage(int page, const QList<Row> &rows) const;
    // A page's read, in its order (reversed: it was read backwards from the row below it).
    void keepRead(int page, const QList<Row> &rows, bool reversed) const;
    void askPage(int page) const;
    const Row *row(int r) const;
    void enrich(QList<Row> &rows) const;
    void dropPages();
    void insertAt(int position, int n, const QList<Row> &rows);
    void removeAt(int first, int n);

    static constexpr int PageSize = 100;
    static constexpr int MaxRows = 2000;
    static constexpr int WindowMargin = 60; // rows read below the visible ones

    QSqlDatabase m_db;
    Clock m_clock;
    TokenOwners m_owners;
    Filter m_filter;
    qint64 m_count = 0;
    quint64 m_generation = 0;
    ExpiryChangeSignal m_signal; // for poll() on this thread
    ExpiryReadBudget m_budget;
    bool m_countExact = true;
    int m_firstVisible = 0;
    int m_lastVisible = -1;
    // Loaded rows by position, in the cache the grids use too. Inserts and removals shift it
    // exactly as the view sees them, and while a change is being announced nothing is fetched (the
    // database already holds the new state, the view must still see the old one).
    mutable RowCache<Row> m_rows { PageSize, MaxRows };
    // The text filter's condition, its users resolved once per filter (expiryTextClause): by the
    // poller for the page's first snapshot, here for reload().
    mutable std::optional<TextClause> m_textClause;
    bool m_frozen = false;
    PageReader m_pageReader;
    mutable QHash<int, bool> m_askedReversed; // how each was asked: its rows come back turned round
    mutable QSet<int> m_byPlace; // pages whose read from the row below came up short: read by OFFSET
    mutable int m_pagesAsked = 0;
    mutable int m_keysetReads = 0;
    mutable int m_offsetReads = 0;
    bool m_awaitingFirst = false;
    mutable int m_queries = 0;
    mutable QString m_error;
};
