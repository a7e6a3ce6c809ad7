#pragma once

#include "TokenOwners.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QMap>
#include <QSqlDatabase>

#include <functional>
#include <optional>

// Every token with an expiry, ordered by time left, for the live view. Like the grids it never
// holds the table: it counts, and fetches the pages the view shows. Each second the view calls
// tick(), which only repaints the visible countdowns (no query), and poll(), which sends ONE
// query: the newest id (primary key) and the visible rows (primary key look-ups). New tokens are
// inserted where they belong and vanished ones removed, without resetting the view.
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
        bool changed() const { return inserted || removed || updated; }
    };

    ExpiryModel(QSqlDatabase db, Clock clock, QObject *parent = nullptr);

    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }
    // Counts again and forgets the loaded pages (a reset: used when the filter changes).
    void reload();
    // The rows the view shows; tick() and poll() look only at them.
    void setVisibleRows(int first, int last);
    void tick();
    PollResult poll();
    // Every 30 s or so: the count may have changed where nobody looked (rows deleted far away).
    bool reconcile();

    qint64 idAt(int row) const;
    QString tokenAt(int row) const;
    int rowOfId(qint64 id) const; // -1 when not loaded
    // The first row that has not expired yet: where "now" is in the list.
    int rowOfNow() const;
    qint64 count() const { return m_count; }
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
    struct Row {
        qint64 id = 0;
        qint64 expiry = 0;
        QString token;
        qint64 userId = 0;
        TokenOwners::Owner owner;
    };
    QString where(QVariantList *values) const;
    bool fetchPage(int page) const;
    const Row *row(int r) const;
    qint64 rankOf(qint64 expiry, qint64 id, bool *ok) const;
    void enrich(QList<Row> &rows) const;
    void dropPages();
    void shiftRows(int from, int delta);
    void evict() const;
    qint64 maxId(bool *ok);

    static constexpr int PageSize = 100;
    static constexpr int MaxRows = 2000;

    QSqlDatabase m_db;
    Clock m_clock;
    TokenOwners m_owners;
    Filter m_filter;
    qint64 m_count = 0;
    qint64 m_maxId = 0;
    int m_firstVisible = 0;
    int m_lastVisible = -1;
    // Loaded rows by position. Inserts and removals shift it exactly as the view sees them, and
    // while a change is being announced nothing is fetched (the database already holds the new
    // state, the view must still see the old one).
    mutable QMap<int, Row> m_rows;
    // The users the text filter matched, resolved once per reload (see TokenOwners::matchingUserIds).
    std::optional<QList<qint64>> m_textUsers;
    bool m_frozen = false;
    mutable int m_queries = 0;
    mutable QString m_error;
};
