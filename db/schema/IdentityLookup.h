#pragma once

#include <QHash>
#include <QMutex>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

// The people behind trongate_users rows: application tables that link to them through
// trongate_user_id and carry a username and/or e-mail column (trongate_administrators, members, …).
class IdentityLookup final {
public:
    struct LinkedTable {
        QString table;
        QString username; // column name, or empty
        QString email; // column name, or empty
    };

    // Reads nothing yet: the application tables are found at the first call that needs them, on
    // whatever thread makes it (a model's worker, say), and remembered. A connection whose tables
    // were primed (below) needs no look-up at all.
    explicit IdentityLookup(QSqlDatabase db);
    // What the session read with its first facts, for every IdentityLookup made on the connection
    // of that name afterwards: a page's first screen then costs no catalog query of its own.
    static void prime(const QString &connectionName, const QList<LinkedTable> &tables);
    // A connection cloned from a primed one (a poller's own, say) knows what its source knows.
    static void sharePrimed(const QString &fromConnection, const QString &toConnection);
    // MySQL/MariaDB: a catalog query that names, with 4 columns per row, the username/e-mail
    // columns of every table linking to trongate_users: kind (the given literal), table, column,
    // NULL. For a UNION ALL with other catalog reads; give its rows' table and column to fromColumns.
    static QString mySqlColumnsBranch(const QString &kind);
    // The linked tables named by (table, column) pairs, however they are ordered: in table-name
    // order, each with its preferred username and e-mail column.
    static QList<LinkedTable> fromColumns(const QList<QPair<QString, QString>> &columns);
    // Each call may name the connection to use (the calling thread's own); an invalid one means
    // the connection given at construction.
    QList<LinkedTable> tables(QSqlDatabase db = {}) const;
    // "alice · alice@example.com" per user id, one query per linked table.
    QHash<qint64, QString> identities(const QList<qint64> &userIds, QSqlDatabase db = {}) const;
    // The values of count columns of q's current row from column first on.
    static QVariantList valuesAt(const class QSqlQuery &q, int first, qsizetype count);
    // Conditions on an expression holding a user id that match users whose username or e-mail
    // contains the text. likeOperator is " LIKE ? ESCAPE '!'" or its ILIKE form; pattern is bound once per column.
    QStringList matchClauses(const QString &userIdExpression, const QString &likeOperator, const QString &pattern,
        QVariantList *values, QSqlDatabase db = {}) const;

private:
    struct Found {
        QMutex mutex;
        bool done = false;
        QList<LinkedTable> tables;
    };
    QSqlDatabase use(const QSqlDatabase &db) const { return db.isValid() ? db : m_db; }

    QSqlDatabase m_db;
    std::shared_ptr<Found> m_found = std::make_shared<Found>();
};
