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
    // whatever thread makes it (a model's worker, say), and remembered.
    explicit IdentityLookup(QSqlDatabase db);
    // Each call may name the connection to use (the calling thread's own); an invalid one means
    // the connection given at construction.
    QList<LinkedTable> tables(QSqlDatabase db = {}) const;
    // "alice · alice@example.com" per user id, one query per linked table.
    QHash<qint64, QString> identities(const QList<qint64> &userIds, QSqlDatabase db = {}) const;
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
