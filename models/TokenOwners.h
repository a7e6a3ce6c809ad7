#pragma once

#include "schema/IdentityLookup.h"

#include <QHash>

#include <QSqlDatabase>
#include <optional>

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
    // db: the calling thread's connection; invalid means the one given at construction.
    QHash<qint64, Owner> lookup(const QList<qint64> &userIds, QSqlDatabase db = {}) const;
    const IdentityLookup &identities() const { return m_identities; }
    // The user and level part of lookup() as columns of another statement (a page of tokens), so
    // that the rows and their owners come in one round trip: subqueries on userIdExpression,
    // nothing to bind.
    static QStringList columns(const QString &userIdExpression);
    // The owner from the values of columns(), in order (identity not yet set).
    static Owner ownerOf(const QVariantList &values);
    // Who each of the owners is (the application's tables), in one statement for all of them.
    void addIdentities(QHash<qint64, Owner> &owners, QSqlDatabase db = {}) const;
    // The ids of users whose code contains text (byCode) and/or whose username or e-mail in the
    // application tables does (byIdentity); at most limit of them. nullopt when there are more:
    // the caller then falls back to a subquery. Resolving the ids first lets MySQL filter a million
    // tokens by a short IN list instead of a dependent subquery per row.
    std::optional<QList<qint64>> matchingUserIds(
        const QString &text, bool byCode, bool byIdentity, int limit = 1000, QSqlDatabase db = {}) const;

private:
    QSqlDatabase m_db;
    IdentityLookup m_identities;
};
