#pragma once

#include <QSqlDatabase>

#include <initializer_list>

// The database client library that Qt's driver plugin loaded into this process (libmariadb for
// QMYSQL, libpq for QPSQL), for the few calls Qt does not wrap and that would otherwise cost a
// round trip. Nothing is loaded here: a library is used only when the driver already did.
namespace ClientLibrary {
// The handle of db's driver when its type is one of these (Qt 6.4 names MySQL's "st_mysql*" and
// PostgreSQL's "pg_conn*", the structs behind MYSQL* and PGconn*), else nullptr.
void *driverHandle(const QSqlDatabase &db, std::initializer_list<const char *> typeNames);
// symbol from the first of these libraries (sonames) already in the process, else nullptr.
void *loadedFunction(std::initializer_list<const char *> sonames, const char *symbol);
} // namespace ClientLibrary
