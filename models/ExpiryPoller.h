#pragma once

#include "ExpiryTimeline.h"
#include "TokenOwners.h"

#include <QObject>
#include <QSqlDatabase>

#include <memory>
#include <optional>

// A row of the live view as read from trongate_tokens, with its owner.
struct ExpiryRow {
    qint64 id = 0;
    qint64 expiry = 0;
    QString token;
    qint64 userId = 0;
    TokenOwners::Owner owner;
};

// What the live view asks for at each poll: its filter (as SQL, built on the GUI thread), the
// key (expiry_date, id) of its first visible row and where that row is now, how many rows it shows.
struct ExpiryPollRequest {
    quint64 generation = 0; // the model's state this request was made against
    QString where; // " WHERE ...", placeholders only
    QVariantList values;
    bool timeDependent = false; // the filter moves with the clock: always look again
    bool hasTop = false;
    qint64 topExpiry = 0;
    qint64 topId = 0;
    int topRow = 0;
    QList<ExpiryRow> oldWindow; // the rows the model shows from topRow on, as it holds them now
    int windowRows = 0; // how many rows to read from the top key on
    bool force = false; // read even when the engine says nothing changed (the console's own change)
    // The timeline above the list, computed in the same visit when something changed or when due.
    bool timeline = false;
    bool timelineDue = false;
    ExpiryTimeline::Span span = ExpiryTimeline::Span::Hour;
    qint64 now = 0;
    std::optional<qint64> levelId;
    std::optional<qint64> userId;
};

// The table as it was at one moment, for the part the model needs: how many rows match, how many
// of them sort before the top key, and the rows from the top key on.
struct ExpiryPollSnapshot {
    quint64 generation = 0;
    bool ok = true;
    QString error;
    bool unchanged = false; // the engine's change signal did not move: nothing was read
    qint64 count = 0;
    qint64 above = 0; // rows that sort before the request's top key
    int topRow = 0;
    QList<ExpiryRow> oldWindow;
    QList<ExpiryRow> window;
    int windowRows = 0;
    int queries = 0;
    std::optional<ExpiryTimeline::Slices> slices;
    ExpiryTimeline::Span span = ExpiryTimeline::Span::Hour;
};

// Finds out, cheaply, whether trongate_tokens may have changed since the last look, using the
// engine's own counter: SQLite's PRAGMA data_version (changes by OTHER connections, so the reading
// connection must never write), InnoDB's log sequence number (Innodb_lsn_current moves with every
// committed change, and our reads never move it), PostgreSQL's WAL insert position. A counter that
// moved says "maybe", never "no" when something was committed: the reads then tell what changed.
// No trigger, no table of ours in the user's database.
class ExpiryChangeSignal final {
public:
    // The counter now; empty when this server offers none we trust (then every poll reads).
    QString probe(const QSqlDatabase &db, int *queries);
    // True when the counter moved since the last call (or there is none); remembers the new value.
    bool changed(const QSqlDatabase &db, int *queries);

private:
    std::optional<bool> m_supported;
    QString m_last;
};

// Reads a snapshot for a request on the given connection (any thread that owns it).
ExpiryPollSnapshot readExpirySnapshot(const QSqlDatabase &db, const ExpiryPollRequest &request,
    ExpiryChangeSignal *signal, const TokenOwners &owners);

// The live view's poll on a worker thread with a connection of its own: requests in by queued
// call, snapshots out by queued signal. Qt SQL connections belong to the thread that opened them,
// so the connection is cloned (by the source's NAME) and opened inside the worker thread on the
// first request, and closed there when the poller is destroyed.
class ExpiryPoller final : public QObject {
    Q_OBJECT

public:
    explicit ExpiryPoller(const QString &sourceConnection);
    ~ExpiryPoller() override;

    // Runs in the poller's thread.
    void poll(const ExpiryPollRequest &request);

signals:
    void polled(const ExpiryPollSnapshot &snapshot);

private:
    bool ensureOpen(QString *error);

    QString m_source;
    QString m_name;
    std::unique_ptr<TokenOwners> m_owners;
    ExpiryChangeSignal m_signal;
};
