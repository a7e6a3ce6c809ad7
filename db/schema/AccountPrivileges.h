#pragma once

#include "sql/TablePrivileges.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// What the connected account may do on Trongate's three tables, read once after connecting, so the
// console offers only what the server will allow (a support account that may read everything and
// revoke tokens sees read-only grids and a Revoke button, nothing else).
//
//   const auto privileges = AccountPrivileges::read(db, &error);   // nullopt: could not be read
//   grid->setReadOnly(!privileges->canEdit(QStringLiteral("trongate_users")));
//   revokeAction->setEnabled(privileges->canRevokeTokens());
//
// Sources: MySQL/MariaDB information_schema.USER_PRIVILEGES, SCHEMA_PRIVILEGES and TABLE_PRIVILEGES
// for CURRENT_USER(), plus SHOW GRANTS for its enabled roles (information_schema lists none of a
// role's privileges); column-level grants are not counted: a table whose UPDATE is granted on some
// columns only reads as not updatable; PostgreSQL has_table_privilege();
// SQLite: everything, or SELECT only when the file (or its folder, for the journal) is not writable
// or the connection was opened with QSQLITE_OPEN_READONLY. It is advice for the interface: the
// server still decides, and its refusals are reported as before (ChangeWriter::explain).
class AccountPrivileges final {
    Q_DECLARE_TR_FUNCTIONS(AccountPrivileges)

public:
    // Reads the privileges of db's account. nullopt (error says why) when the server would not tell.
    // readAlready: the rows of the dialect's privilegesSql(), read with other catalog reads in one
    // statement (DatabaseSession's facts): a round trip saved.
    static std::optional<AccountPrivileges> read(
        const QSqlDatabase &db, QString *error = nullptr, const QList<QVariantList> *readAlready = nullptr);
    // Everything on every table: the assumption when nothing can be read (the server still decides).
    static AccountPrivileges unrestricted();

    // table: trongate_user_levels, trongate_users or trongate_tokens (case-insensitive); other
    // names give no privileges.
    TablePrivileges table(const QString &name) const;
    bool canRead(const QString &name) const { return table(name).select; }
    // Editing a grid: change, add and delete rows (and read them).
    bool canEdit(const QString &name) const { return table(name).all(); }
    // Revoke and purge delete tokens; the WHERE clause also reads them, so SELECT is needed too.
    bool canRevokeTokens() const;
    // Issuing inserts tokens, checks the users exist and reads the new rows back.
    bool canIssueTokens() const;
    // Regenerate and extend update a token's string or expiry.
    bool canChangeTokens() const;
    // Nothing but reading on all three tables.
    bool readOnly() const;
    // One sentence for a status bar or the command line, e.g. "Read-only account: ...".
    QString summary() const;

    // The account as the server names it ('support'@'10.0.0.%'), for messages; empty for SQLite.
    QString account() const { return m_account; }

private:
    QHash<QString, TablePrivileges> m_tables; // lower-case table name -> privileges
    QString m_account;
};
