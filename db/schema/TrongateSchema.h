#pragma once

#include "connection/ConnectionProfile.h"

#include <QList>
#include <QString>
#include <QStringList>

// Trongate's three authentication tables exactly as its setup.sql ships them (MySQL/MariaDB,
// InnoDB, utf8mb4_general_ci, no foreign keys, no indexes but the primary keys), and their
// translations for SQLite and PostgreSQL.
struct ColumnDef {
    enum class Type { Int, Varchar, TinyInt };
    enum class Default { None, Null, Value };

    QString name;
    Type type = Type::Int;
    int length = 0; // varchar length, tinyint display width
    bool primaryKey = false; // an auto-increment integer key
    bool notNull = false;
    Default defaultKind = Default::None;
    QString defaultValue;

    QString typeText() const; // "int", "varchar(125)"
    QString defaultText() const; // "none", "NULL", "'0'"
};

struct TableDef {
    QString name;
    QList<ColumnDef> columns;
    const ColumnDef *column(const QString &name) const;
};

namespace TrongateSchema {
inline const QString Levels = QStringLiteral("trongate_user_levels");
inline const QString Users = QStringLiteral("trongate_users");
inline const QString Tokens = QStringLiteral("trongate_tokens");

const QList<TableDef> &tables();
QStringList tableNames();
const TableDef *table(const QString &name);

QString createTableSql(const TableDef &table, DriverKind dialect);
// The statements that create whichever of Trongate's tables are not in existingTables.
QStringList installStatements(DriverKind dialect, const QStringList &existingTables);
} // namespace TrongateSchema
