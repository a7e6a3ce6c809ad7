#pragma once

#include "sql/Dialect.h"
#include "sql/QueryBuilder.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <atomic>
#include <memory>

// Runs one statement of the query builder and hands its rows out page by page. Read-only twice
// over: the statement must pass QueryBuilder::isSingleSelect, and it runs in a read-only
// transaction (PostgreSQL, MariaDB/MySQL) or with query_only set (SQLite), under the account's own
// rights. Lives on the thread of its connection (a DbWorker's): open, next and close from there.
class QueryCursor final {
    Q_DECLARE_TR_FUNCTIONS(QueryCursor)

public:
    struct Page {
        QStringList headers;
        QList<QVariantList> rows;
        bool atEnd = true;
        bool cancelled = false;
        QString error;
    };

    // Where a running statement can be stopped from another thread: the server's id of the
    // cursor's connection (MySQL's CONNECTION_ID(), PostgreSQL's backend pid) or SQLite's handle.
    // Filled by open(), emptied by close().
    struct Target {
        std::atomic<int> kind { int(DriverKind::Sqlite) };
        std::atomic<qint64> serverId { -1 };
        std::atomic<void *> sqlite { nullptr };
        const Dialect &dialect() const { return Dialect::of(DriverKind(kind.load())); }
    };

    explicit QueryCursor(const QSqlDatabase &db, std::shared_ptr<Target> target = {});
    ~QueryCursor();
    QueryCursor(const QueryCursor &) = delete;
    QueryCursor &operator=(const QueryCursor &) = delete;

    // cancel, when given, is read between rows: set, the cursor stops and closes.
    Page open(
        const QueryBuilder::Statement &statement, qint64 now, int pageSize, const std::atomic_bool *cancel = nullptr);
    Page next(int pageSize, const std::atomic_bool *cancel = nullptr);
    void close();
    bool isOpen() const { return m_query != nullptr; }
    // Asks the database to stop the statement running for target, from any thread. SQLite: at once,
    // on its own handle. The servers: through `other`, a second connection of the same account
    // (KILL QUERY on MySQL/MariaDB, pg_cancel_backend on PostgreSQL), which this call uses.
    // false when nothing is running or the server refused; error says why.
    static bool interrupt(const Target &target, const QSqlDatabase &other, QString *error = nullptr);
    // Fills target with db's identity (from the client library, else one query), on db's thread.
    static void identify(const QSqlDatabase &db, Target &target);

private:
    Page read(int pageSize, const std::atomic_bool *cancel);

    QSqlDatabase m_db;
    std::shared_ptr<Target> m_target;
    std::unique_ptr<QSqlQuery> m_query;
    QStringList m_headers;
    bool m_inTransaction = false;
};
