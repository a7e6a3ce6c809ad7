#pragma once

#include "ExpiryReadBudget.h"
#include "ExpiryTimeline.h"
#include "TokenOwners.h"
#include "schema/RowEstimate.h"

#include <QObject>
#include <QSqlDatabase>

#include <memory>
#include <optional>

class ExpiryReader;

// A row of the live view as read from trongate_tokens, with its owner.
struct ExpiryRow {
    qint64 id = 0;
    qint64 expiry = 0;
    QString token;
    qint64 userId = 0;
    TokenOwners::Owner owner;
    bool identityOwed = false; // owner.identity follows (ExpiryPollRequest::identitiesLater)
};

// What the live view asks for at each poll: its filter (as SQL, built on the GUI thread), the
// key (expiry_date, id) of its first visible row and where that row is now, how many rows it shows.
struct ExpiryPollRequest {
    quint64 generation = 0; // the model's state this request was made against
    QString where; // " WHERE ...", placeholders only
    QVariantList values;
    QString filterKey; // the filter's settings (not the clock's values in it): what the counts are of
    bool timeDependent = false; // the filter moves with the clock: always look again
    bool hasTop = false;
    qint64 topExpiry = 0;
    qint64 topId = 0;
    int topRow = 0;
    QList<ExpiryRow> oldWindow; // the rows the model shows from topRow on, as it holds them now
    int windowRows = 0; // how many rows to read from the top key on
    bool force = false; // read even when the engine says nothing changed
    // Count everything now, whatever it costs (the console's own change, the first screen): the
    // read budget (ExpiryReadBudget) is charged but not asked.
    bool exact = false;
    // The timeline above the list, computed in the same visit when something changed or when due.
    bool timeline = false;
    bool timelineDue = false;
    ExpiryTimeline::Span span = ExpiryTimeline::Span::Hour;
    qint64 now = 0;
    std::optional<qint64> levelId;
    std::optional<qint64> userId;
    // The first screen of the whole list (no filter): when the engine estimates the table at
    // RowEstimate::exactCountBelow() rows or more, the rows are read now and the counts that grow
    // with the table are not (ExpiryPollSnapshot::estimated); the page asks for them right after.
    bool estimateFirst = false;
    // The engine's estimate of the table's rows, when the caller knows it (the session's facts on
    // MySQL): nothing to read for estimateFirst.
    std::optional<RowEstimate> estimate;
    // The page's first visit: the change signal's first look is left to the next poll. A signal
    // never looked at counts as moved, so that poll reads the rows again: a commit made while this
    // visit read is seen there. The first screen comes a round trip sooner.
    bool signalLater = false;
    // The counts due in the rows' statement (the first visit: a round trip less). Later visits
    // read them apart, so that each part's cost, which its next wait is planned by, is its own
    // and not the rows' too.
    bool countsWithRows = false;
    // Who the rows' users are (the application's tables) is left for the next job on the same
    // connection (ExpiryReader::identities of the snapshot's identityUsers): the rows go on screen a
    // statement sooner. The page's first screen.
    bool identitiesLater = false;
    // A text filter whose users are not resolved yet (a read of its own): the poller resolves them
    // on its connection, appends the clause to where and hands it back in the snapshot.
    QString resolveText;
};

// The table as it was at one moment, for the part the model needs: how many rows match, how many
// of them sort before the top key, and the rows from the top key on. The two counts grow with the
// table and may be left for later (see ExpiryReadBudget): then they are not known, and the model
// keeps its own, says so, and the rows on screen are still the table's.
struct ExpiryPollSnapshot {
    quint64 generation = 0;
    bool ok = true;
    QString error;
    bool unchanged = false; // the engine's change signal did not move: nothing was read
    bool countKnown = true;
    qint64 count = 0;
    bool aboveKnown = true;
    qint64 above = 0; // rows that sort before the request's top key
    // After this read: whether a recount is still owed (the count may trail the table), and how
    // long ago the count was last exact (nullopt: never).
    bool countOwed = false;
    std::optional<qint64> countAgeMs;
    // The same for the timeline: its counts are older than this read when it is owed.
    bool timelineOwed = false;
    std::optional<qint64> timelineAgeMs;
    int topRow = 0;
    QList<ExpiryRow> oldWindow;
    QList<ExpiryRow> window;
    int windowRows = 0;
    int queries = 0;
    std::optional<ExpiryTimeline::Slices> slices;
    ExpiryTimeline::Span span = ExpiryTimeline::Span::Hour;
    // For a request with resolveText: the text's condition as it was read, for the model to keep.
    // The count is the engine's estimate and the rows on screen are placed at the top of the list
    // (the backlog above them not counted yet): an exact read is owed at once.
    bool estimated = false;
    bool textResolved = false;
    // For a request with identitiesLater: the users whose identity the rows still owe.
    QList<qint64> identityUsers;
    QString textClause;
    QVariantList textValues;
};

// The condition a text filter puts on trongate_tokens (the token's start, the user's code, the
// username or e-mail in the application tables), with its values. The matching users are read
// first on db (the calling thread's connection): MySQL filters a million tokens by a short IN list
// much faster than by a dependent subquery per row.
QString expiryTextClause(const QSqlDatabase &db, const TokenOwners &owners, const QString &text, QVariantList *values);

// Finds out, cheaply, whether trongate_tokens may have changed since the last look. A signal that
// moved says "maybe", never "no" when something was committed: the reads then tell what changed.
// No trigger, no table of ours in the user's database.
// - MariaDB with InnoDB: the table's own UPDATE_TIME (information_schema.TABLES, kept in memory),
//   so that the PHP app's writes to its other tables (sessions, ...) read nothing. InnoDB stamps it
//   with the START of the transaction that committed, to the second, so an unchanged stamp does
//   not prove that nothing committed: a transaction that began in the stamp's second may commit
//   seconds later and leave the stamp as it was (two requests in one second, the page's look
//   between them; a request that holds its transaction open). So for `longestTransactionSeconds`
//   after the stamp, any commit on the server (InnoDB's log sequence number moved) is a change
//   too; after that only a new stamp is. NULL (the table left InnoDB's cache, a restart): the log
//   sequence number decides. (INNODB_TRX, which lists open transactions, was tried: InnoDB serves
//   it from a cache that any client reading it more often than every 100 ms keeps from refreshing.)
// - MySQL with InnoDB: the log sequence number (its information_schema caches UPDATE_TIME).
// - SQLite: PRAGMA data_version (changes by OTHER connections, so the reading connection must
//   never write). PostgreSQL: the WAL insert position. Both move with any table's writes.
// - Another engine (MyISAM, Aria) moves no InnoDB counter: every poll reads.
class ExpiryChangeSignal final {
public:
    struct Options {
        // How long a transaction that writes tokens may stay open and still be seen within two
        // polls (beyond it, the page's look every 30 s whatever the signal says finds it).
        qint64 longestTransactionSeconds = 60;
    };
    enum class Kind { Unknown, Table, ServerCounter, EveryPoll };

    ExpiryChangeSignal() = default;
    explicit ExpiryChangeSignal(Options options)
        : m_options(options)
    {
    }
    // True when the signal moved since the last call (or there is none); remembers the new value.
    bool changed(const QSqlDatabase &db, int *queries);
    Kind kind() const { return m_kind; }
    // The engine's estimate of the table's rows, read along with the last look (MariaDB).
    std::optional<qint64> tableRows() const { return m_tableRows; }

private:
    void chooseKind(const QSqlDatabase &db, int *queries);
    QString counter(const QSqlDatabase &db, int *queries) const;
    std::optional<bool> tableChanged(const QSqlDatabase &db, int *queries);

    Options m_options;
    Kind m_kind = Kind::Unknown;
    QString m_last; // the engine's counter
    // InnoDB's table stamp, as last probed
    bool m_seen = false;
    std::optional<qint64> m_updateTime;
    QString m_lsn;
    std::optional<qint64> m_tableRows;
};

// Reads a snapshot for a request on the given connection (any thread that owns it): the rows on
// screen whenever the signal moved, the counts and the timeline when the budget lets them.
ExpiryPollSnapshot readExpirySnapshot(const QSqlDatabase &db, const ExpiryPollRequest &request,
    ExpiryChangeSignal *signal, ExpiryReadBudget *budget, const TokenOwners &owners);

// The live view's poll on a worker thread with a connection of its own: requests in by queued
// call, snapshots out by queued signal. Qt SQL connections belong to the thread that opened them,
// so the connection is cloned (by the source's NAME) and opened inside the worker thread on the
// first request, and closed there when the poller is destroyed. The reads themselves are an
// ExpiryReader's (the page runs one on the session's live DbWorker instead).
class ExpiryPoller final : public QObject {
    Q_OBJECT

public:
    explicit ExpiryPoller(const QString &sourceConnection, ExpiryReadBudget::Options budget = {});
    ~ExpiryPoller() override;

    // Runs in the poller's thread.
    void poll(const ExpiryPollRequest &request);
    // How many rows match where and expire at or before now: the row of "now" in the list.
    void locateNow(quint64 generation, const QString &where, const QVariantList &values, qint64 now);
    // A page of the list the view scrolled to (sql and values built by the model), with owners.
    void readPage(quint64 generation, int page, const QString &sql, const QVariantList &values);

signals:
    void polled(const ExpiryPollSnapshot &snapshot);
    // error is empty when row is right.
    void nowLocated(quint64 generation, qint64 row, const QString &error);
    void pageRead(quint64 generation, int page, const QList<ExpiryRow> &rows, const QString &error);

private:
    bool ensureOpen(QString *error);

    QString m_source;
    QString m_name;
    ExpiryReadBudget::Options m_budgetOptions;
    std::unique_ptr<ExpiryReader> m_reader;
};
