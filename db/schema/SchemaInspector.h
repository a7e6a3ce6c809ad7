#pragma once

#include "sql/Dialect.h"

#include "schema/RowEstimate.h"

#include <QHash>

#include "schema/TrongateSchema.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// What a table's column really is on the connected database, normalised across the three drivers.
struct ActualColumn {
    QString name;
    QString baseType; // "int", "varchar", "bigint", "text", ...
    int length = 0;
    bool nullable = true;
    ColumnDef::Default defaultKind = ColumnDef::Default::None;
    QString defaultValue;
    bool primaryKey = false;
    bool autoIncrement = false;

    QString typeText() const;
    QString defaultText() const;
};

struct SchemaDifference {
    Q_DECLARE_TR_FUNCTIONS(SchemaDifference)

public:
    enum class Kind { MissingTable, MissingColumn, Type, Length, Default, Nullability, PrimaryKey, ExtraColumn };
    Kind kind = Kind::MissingTable;
    QString table;
    QString column;
    QString expected;
    QString actual;

    bool isNote() const { return kind == Kind::ExtraColumn; } // extra columns do not bother Trongate
    QString kindText() const;
    QString description() const;
};

struct SchemaReport {
    QStringList presentTables;
    QStringList missingTables;
    QList<SchemaDifference> differences; // includes notes
    bool readFailed = false;
    QString error;

    bool isClean() const;
    int problemCount() const;
    bool hasAnyTrongateTable() const { return !presentTables.isEmpty(); }
};

// Reads the schema of a connection and compares it with Trongate's definitions. Changes nothing.
class SchemaInspector final {
    Q_DECLARE_TR_FUNCTIONS(SchemaInspector)

public:
    explicit SchemaInspector(QSqlDatabase db);

    QStringList presentTrongateTables() const;
    // Application tables that link to trongate_users through a trongate_user_id column.
    QStringList linkedApplicationTables(QString *error = nullptr) const;
    // Both of the above and the engine's row estimates of every table, read together: one
    // statement on MySQL/MariaDB (where a far server makes each round trip count), the two reads
    // above elsewhere (estimates then empty: RowEstimate reads them).
    struct Catalog {
        QStringList present; // Trongate's tables that exist
        QStringList linked; // tables with a trongate_user_id column, by name
        QHash<QString, RowEstimate> estimates; // MySQL/MariaDB only
        // The engine's estimates of these tables: those that came with the catalog (MySQL/MariaDB),
        // or else read now (RowEstimate::read).
        QHash<QString, RowEstimate> estimatesFor(const QSqlDatabase &db, const QStringList &tables) const;
    };
    Catalog catalog(QString *error = nullptr) const;
    // Exact row count; -1 with error set on failure.
    qint64 rowCount(const QString &table, QString *error = nullptr) const;
    QList<ActualColumn> columns(const QString &table, QString *error = nullptr) const;
    // The columns of several tables, in one query where the catalog allows (MySQL/MariaDB).
    QHash<QString, QList<ActualColumn>> columnsOf(const QStringList &tables, QString *error = nullptr) const;
    // The catalog's columns (Dialect::columnsOf or structureOf) as this class reports them.
    static QHash<QString, QList<ActualColumn>> actualColumns(const QHash<QString, QList<Dialect::Column>> &read);
    SchemaReport verify() const;
    // Creates the missing Trongate tables (existing ones are left alone). Returns the statements run.
    bool install(QStringList *executed, QString *error) const;

private:
    QSqlDatabase m_db;
};
