#pragma once

#include "connection/ConnectionProfile.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

// Thin forwards to the connection's Dialect (sql/Dialect.h), for the calls that need one answer.
namespace Sql {
DriverKind kindOf(const QSqlDatabase &db);
// A table, column or index name as the database's SQL spells it: always wrapped (backticks on
// MySQL/MariaDB, double quotes on SQLite and PostgreSQL), the quote character doubled inside, dots
// kept as part of the name. Qt's escapeIdentifier does none of that reliably, so a table named
// "trongate_tokens` #" must never reach it. No database can hold a NUL in a name: such a name
// stays in the result, and exec() refuses any statement containing a NUL with identifierError().
QString quoteIdentifier(DriverKind kind, const QString &name);
QString quoteIdentifier(const QSqlDatabase &db, const QString &name);
// Why name cannot be used as an identifier (a NUL character in it), or an empty string.
QString identifierError(const QString &name);
// Table names of the connected database's current schema, lower-cased for MySQL on
// case-insensitive file systems is not done: Trongate's names are lower case already.
QStringList tables(const QSqlDatabase &db);
// " LIKE ? ESCAPE '!'" (ILIKE on PostgreSQL, whose LIKE is case-sensitive): text search that behaves
// alike on the three databases. Bind a pattern made by likeContains() or likePrefix().
QString likeOperator(const QSqlDatabase &db);
QString likeContains(const QString &text); // %text%, with % _ ! escaped
QString likePrefix(const QString &text);   // text%
// "?, ?, ?": n placeholders for an IN list whose values are bound, never spliced in.
QString placeholders(qsizetype n);
// Runs one statement with bound values (prepared); error receives the database's text. Without
// values it is sent as it is, one round trip instead of two: it is still one statement, as no
// connection of ours allows several in one (MySQL's CLIENT_MULTI_STATEMENTS stays off, SQLite's
// driver runs the first only, PostgreSQL's simple query is refused by exec() below if a NUL hides a second).
bool exec(QSqlQuery &q, const QString &sql, const QVariantList &values = {}, QString *error = nullptr);
// For the statements a server will not prepare (DDL on PostgreSQL, whose PREPARE takes only
// SELECT/INSERT/UPDATE/DELETE): unprepared there, prepared elsewhere. Only for SQL built from fixed
// names (Trongate's own tables), never from names read from the catalog or typed by someone.
bool execDdl(QSqlQuery &q, const QString &sql, QString *error = nullptr);
} // namespace Sql
