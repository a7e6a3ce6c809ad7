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
    // How far a number is known: exact, the engine's estimate (a table's rows only), or still to
    // be counted (by countRemaining()).
    enum class Count { Exact, About, Counting };
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
        qint64 rows = -1; // with Count::About the engine's estimate; -1 when unreadable or not counted yet
        Count count = Count::Exact;
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
        Count orphanCount = Count::Exact; // Counting until countRemaining() has read them
        QString key() const { return childTable + QLatin1Char('.') + childColumn; }
    };

    // Counts::Now: every row count and orphan count read with the graph, in one statement (the
    // command line, the schema doctor). Counts::Later: only what is quick: the tables, columns,
    // indexes and relations, the exact rows of tables estimated at fewer than exactBelow rows and
    // the engine's estimate of the others; the orphans (an anti-join over every child row) and the
    // big tables' exact rows are left Count::Counting for countRemaining(), so a diagram can be
    // drawn before them.
    enum class Counts { Now, Later };
    // allTables: every table of the schema, not only Trongate's and those linked to it.
    static SchemaGraph read(const QSqlDatabase &db, bool allTables, QString *error, Counts counts = Counts::Now,
        qint64 exactBelow = 0);
    // Whether some row or orphan count is not exact yet (an estimate, or not read).
    bool countsPending() const;
    // Reads what read(..., Counts::Later) left: the exact rows of every table not counted yet and
    // every relation's orphans, in one statement (each on its own when that fails: one table the
    // account may not read). False when some count could not be read (then -1, error set).
    bool countRemaining(const QSqlDatabase &db, QString *error);

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
