#pragma once

#include "sql/ServiceError.h"
#include "tokens/TokenGenerator.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

struct UserRow {
    qint64 id = 0;
    QString code;
    std::optional<qint64> levelId;
    std::optional<QString> levelTitle; // nullopt when the level row is missing
    qint64 tokens = 0;
    qint64 validTokens = 0; // expiry_date > now
};

// trongate_users on a named connection. Codes come from TokenGenerator; changes that touch more
// than one row (a user and their tokens) run in one transaction.
class UserService final {
    Q_DECLARE_TR_FUNCTIONS(UserService)

public:
    explicit UserService(QSqlDatabase db, TokenGenerator generator = {});

    // limit 0: every user. now decides which tokens count as valid.
    std::optional<QList<UserRow>> list(
        std::optional<qint64> levelId, int limit, qint64 now, ServiceError *error = nullptr) const;
    // code empty: a new 32-character code. A given code must be 32 characters of Trongate's alphabet
    // and not used by another user.
    std::optional<UserRow> add(qint64 levelId, const QString &code = {}, ServiceError *error = nullptr);
    bool setLevel(qint64 id, qint64 levelId, ServiceError *error = nullptr);
    // Removes the user row and, unless keepTokens, the user's tokens; returns the tokens deleted.
    std::optional<qint64> remove(qint64 id, bool keepTokens, ServiceError *error = nullptr);

private:
    bool levelExists(qint64 levelId, ServiceError *error) const;
    bool userExists(qint64 id, ServiceError *error) const;

    QSqlDatabase m_db;
    TokenGenerator m_generator;
};
