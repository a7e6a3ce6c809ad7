#pragma once

#include "IdentityLookup.h"

#include <QHash>
#include <QSqlDatabase>

// Who holds a set of tokens: user code, level and the person in the application tables,
// looked up for a page of rows with one query per relation.
class TokenOwners final {
public:
    struct Owner {
        bool userExists = false;
        QString code;
        qint64 levelId = 0;
        bool levelExists = false;
        QString levelTitle;
        QString identity;
    };

    explicit TokenOwners(QSqlDatabase db);
    QHash<qint64, Owner> lookup(const QList<qint64> &userIds) const;
    const IdentityLookup &identities() const { return m_identities; }

private:
    QSqlDatabase m_db;
    IdentityLookup m_identities;
};
