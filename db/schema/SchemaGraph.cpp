#include "schema/SchemaGraph.h"

#include "schema/SchemaInspector.h"
#include "sql/Dialect.h"
#include "sql/SqlDialect.h"

#include <QSqlQuery>

const SchemaGraph::Column *SchemaGraph::Table::column(const QString &n) const
{
    for (const Column &c : columns)
        if (c.name.compare(n, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

const SchemaGraph::Table *SchemaGraph::table(const QString &name) const
{
    for (const Table &t : tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

const SchemaGraph::Relation *SchemaGraph::relation(const QString &childTable, const QString &childColumn) const
{
    for (const Relation &r : relations)
        if (r.childTable == childTable && r.childColumn == childColumn)
            return &r;
    return nullptr;
}

bool SchemaGraph::hasIndexOn(const QString &table, const QString &column) const
{
    const Table *t = this->table(table);
    if (!t)
        return false;
    for (const Index &i : t->indexes)
        if (!i.columns.isEmpty() && i.columns.first().compare(column, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool SchemaGraph::columnHasIndex(const QSqlDatabase &db, const QString &table, const QString &column)
{
    for (const Index &i : Dialect::of(db).indexes(db, table))
        if (!i.columns.isEmpty() && i.columns.first().compare(column, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QString SchemaGraph::orphanCondition(const QSqlDatabase &db, const Relation &r)
{
    const QString child = Sql::quoteIdentifier(db, r.childColumn);
    return QStringLiteral("%1 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %2 p WHERE p.%3 = %4.%1)")
        .arg(child, Sql::quoteIdentifier(db, r.parentTable), Sql::quoteIdentifier(db, r.parentColumn),
            Sql::quoteIdentifier(db, r.childTable));
}

SchemaGraph SchemaGraph::read(const QSqlDatabase &db, bool allTables, QString *error)
{
    SchemaGraph g;
    const SchemaInspector inspector(db);
    const SchemaInspector::Catalog catalog = inspector.catalog(error);
    const QStringList &trongate = catalog.present;
    const QStringList &linked = catalog.linked;
    QStringList names = trongate;
    for (const QString &t : linked)
        if (!names.contains(t))
            names << t;
    if (allTables) {
        QStringList rest = Sql::tables(db);
        rest.sort();
        for (const QString &t : rest)
            if (!names.contains(t) && !t.startsWith(QLatin1String("sqlite_")))
                names << t;
    }

    // A handful of round trips whatever the number of tables: every row count in one statement,
    // every table's columns and indexes in one query each where the catalog allows.
    const Dialect::Structure structure = Dialect::of(db).structureOf(db, names, error);
    const QHash<QString, QList<ActualColumn>> columns = SchemaInspector::actualColumns(structure.columns);
    const QHash<QString, QList<Index>> &indexes = structure.indexes;
    for (int n = 0; n < names.size(); ++n) {
        const QString &name = names.at(n);
        Table t;
        t.name = name;
        t.trongate = trongate.contains(name);
        for (const ActualColumn &c : columns.value(name))
            t.columns << Column { c.name, c.typeText(), c.primaryKey, false, false };
        t.indexes = indexes.value(name);
        for (const Index &i : t.indexes)
            for (Column &c : t.columns)
                if (!i.columns.isEmpty() && i.columns.first() == c.name)
                    c.indexed = true;
        g.tables << t;
    }

    // Declared foreign keys.
    for (const Dialect::ForeignKey &k : structure.foreignKeys)
        g.relations << Relation { k.table, k.column, k.parentTable, k.parentColumn, true, k.name, -1 };

    // Trongate's conventions, where no foreign key declares them already.
    auto infer = [&](const QString &child, const QString &column, const QString &parent) {
        const Table *c = g.table(child);
        if (!c || !c->column(column) || !g.table(parent) || g.relation(child, column))
            return;
        g.relations << Relation { child, column, parent, QStringLiteral("id"), false, {}, -1 };
    };
    infer(QStringLiteral("trongate_tokens"), QStringLiteral("user_id"), QStringLiteral("trongate_users"));
    infer(QStringLiteral("trongate_users"), QStringLiteral("user_level_id"), QStringLiteral("trongate_user_levels"));
    for (const QString &t : linked)
        infer(t, QStringLiteral("trongate_user_id"), QStringLiteral("trongate_users"));

    // Every table's rows and every relation's orphans in one statement. One table the account
    // may not read fails it: then each count on its own.
    QStringList countTerms;
    for (const QString &name : names)
        countTerms << QStringLiteral("(SELECT COUNT(*) FROM %1)").arg(Sql::quoteIdentifier(db, name));
    QStringList orphanTerms;
    for (const Relation &r : std::as_const(g.relations))
        orphanTerms << QStringLiteral("(SELECT COUNT(*) FROM %1 WHERE %2)")
                           .arg(Sql::quoteIdentifier(db, r.childTable), orphanCondition(db, r));
    QList<qint64> counts;
    QList<qint64> orphans;
    if (!countTerms.isEmpty()) {
        QSqlQuery c(db);
        c.setForwardOnly(true);
        if (Sql::exec(c, QStringLiteral("SELECT ") + (countTerms + orphanTerms).join(QStringLiteral(", ")), {})
            && c.next()) {
            for (int i = 0; i < countTerms.size(); ++i)
                counts << c.value(i).toLongLong();
            for (int i = 0; i < orphanTerms.size(); ++i)
                orphans << c.value(int(countTerms.size()) + i).toLongLong();
        }
    }
    for (int n = 0; n < g.tables.size(); ++n)
        g.tables[n].rows = counts.size() == g.tables.size() ? counts.at(n) : inspector.rowCount(g.tables.at(n).name, error);
    for (int n = 0; n < g.relations.size(); ++n) {
        Relation &r = g.relations[n];
        QSqlQuery o(db);
        o.setForwardOnly(true);
        if (orphans.size() == g.relations.size())
            r.orphans = orphans.at(n);
        else if (Sql::exec(o,
                     QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2")
                         .arg(Sql::quoteIdentifier(db, r.childTable), orphanCondition(db, r)),
                     {}, error)
            && o.next())
            r.orphans = o.value(0).toLongLong();
        for (Table &t : g.tables)
            if (t.name == r.childTable)
                for (Column &c : t.columns)
                    if (c.name == r.childColumn)
                        c.foreignKey = true;
    }
    return g;
}
