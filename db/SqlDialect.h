#pragma once

#include "ConnectionProfile.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace Sql {
DriverKind kindOf(const QSqlDatabase &db);
QString quoteIdentifier(const QSqlDatabase &db, const QString &name);
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
// Prepares and runs a statement with bound values; error receives the database's text.
bool exec(QSqlQuery &q, const QString &sql, const QVariantList &values = {}, QString *error = nullptr);
} // namespace Sql
