#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The people behind trongate_users rows: application tables that link to them through
// trongate_user_id and carry a username and/or e-mail column (trongate_administrators, members, …).
class IdentityLookup final {
public:
    struct LinkedTable {
        QString table;
        QString username; // column name, or empty
        QString email; // column name, or empty
    };

    explicit IdentityLookup(QSqlDatabase db);

    const QList<LinkedTable> &tables() const { return m_tables; }
    // "alice · alice@example.com" per user id, one query per linked table.
    QHash<qint64, QString> identities(const QList<qint64> &userIds) const;
    // Conditions on an expression holding a user id that match users whose username or e-mail
    // contains the text. likeOperator is " LIKE ? ESCAPE '!'" or its ILIKE form; pattern is bound once per column.
    QStringList matchClauses(const QString &userIdExpression, const QString &likeOperator, const QString &pattern,
        QVariantList *values) const;

private:
    QSqlDatabase m_db;
    QList<LinkedTable> m_tables;
};
