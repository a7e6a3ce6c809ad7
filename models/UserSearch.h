#pragma once

#include "schema/IdentityLookup.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

// Finds users for the pickers by id, by the start of their code, or by the username or e-mail of
// the person in the application tables; bounded, so it answers at once on 100,000 users.
class UserSearch final {
    Q_DECLARE_TR_FUNCTIONS(UserSearch)

public:
    struct Hit {
        qint64 id = 0;
        QString code;
        qint64 levelId = 0;
        QString levelTitle; // empty when the level row is missing
        QString identity;
        QString text() const; // one line for a list
    };

    explicit UserSearch(QSqlDatabase db);
    // On db when given (a worker's connection: the look-ups are safe from its thread), else on the
    // connection the search was made with.
    QList<Hit> find(const QString &text, int limit = 50, QString *error = nullptr, QSqlDatabase db = {}) const;

private:
    QSqlDatabase m_db;
    IdentityLookup m_identities;
};
