#pragma once

#include "sql/Dialect.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The tables of a connection that take part in Trongate's authentication, with their keys,
// indexes and relations: declared foreign keys as the catalog states them, and the relations
// Trongate's conventions imply (its shipped schema declares none), each with its orphan count.
class SchemaGraph final {
    Q_DECLARE_TR_FUNCTIONS(SchemaGraph)

public:
    struct Column {
        QString name;
        QString type;
        bool primaryKey = false;
        bool indexed = false; // first column of some index
        bool foreignKey = false; // child side of a relation
    };
    using Index = Dialect::Index;
    struct Table {
        QString name;
        qint64 rows = -1;
        bool trongate = false;
        QList<Column> columns;
        QList<Index> indexes;
        const Column *column(const QString &name) const;
    };
    struct Relation {
        QString childTable;
        QString childColumn;
        QString parentTable;
        QString parentColumn;
        bool declared = false; // a real FOREIGN KEY; otherwise inferred from Trongate's conventions
        QString constraintName;
        qint64 orphans = -1; // child rows whose parent row is missing (NULLs are not orphans)
        QString key() const { return childTable + QLatin1Char('.') + childColumn; }
    };

    // allTables: every table of the schema, not only Trongate's and those linked to it.
    static SchemaGraph read(const QSqlDatabase &db, bool allTables, QString *error);

    QList<Table> tables;
    QList<Relation> relations;

    const Table *table(const QString &name) const;
    const Relation *relation(const QString &childTable, const QString &childColumn) const;
    // The WHERE condition selecting a relation's orphans in the child table (for grids and clean-up).
    static QString orphanCondition(const QSqlDatabase &db, const Relation &r);
    bool hasIndexOn(const QString &table, const QString &column) const;
    // Whether some index starts with this column, without reading the whole graph.
    static bool columnHasIndex(const QSqlDatabase &db, const QString &table, const QString &column);
};
