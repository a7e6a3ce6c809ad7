#include "schema/SchemaGraph.h"

#include "connection/DbWorker.h"
#include "schema/RowEstimate.h"
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

SchemaGraph SchemaGraph::read(
    const QSqlDatabase &db, bool allTables, QString *error, Counts counts, qint64 exactBelow)
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

    // A handful of round trips whatever the number of tables: every table's columns and indexes
    // in one query each where the catalog allows, the counts in one statement.
    const Dialect::Structure structure = Dialect::of(db).structureOf(db, names, error);
    const QHash<QString, QList<ActualColumn>> columns = SchemaInspector::actualColumns(structure.columns);
    const QHash<QString, QList<Index>> &indexes = structure.indexes;
    for (int n = 0; n < names.size(); ++n) {
        const QString &name = names.at(n);
        Table t;
        t.name = name;
        t.trongate = trongate.contains(name);
        t.count = Count::Counting;
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
        g.relations << Relation { k.table, k.column, k.parentTable, k.parentColumn, true, k.name, -1, Count::Counting };

    // Trongate's conventions, where no foreign key declares them already.
    auto infer = [&](const QString &child, const QString &column, const QString &parent) {
        const Table *c = g.table(child);
        if (!c || !c->column(column) || !g.table(parent) || g.relation(child, column))
            return;
        g.relations << Relation { child, column, parent, QStringLiteral("id"), false, {}, -1, Count::Counting };
    };
    infer(QStringLiteral("trongate_tokens"), QStringLiteral("user_id"), QStringLiteral("trongate_users"));
    infer(QStringLiteral("trongate_users"), QStringLiteral("user_level_id"), QStringLiteral("trongate_user_levels"));
    for (const QString &t : linked)
        infer(t, QStringLiteral("trongate_user_id"), QStringLiteral("trongate_users"));
    for (const Relation &r : std::as_const(g.relations))
        for (Table &t : g.tables)
            if (t.name == r.childTable)
                for (Column &c : t.columns)
                    if (c.name == r.childColumn)
                        c.foreignKey = true;

    if (counts == Counts::Now) {
        g.countRemaining(db, error);
        return g;
    }

    // The engine's estimates (MySQL/MariaDB's came with the catalog); small tables and those the
    // engine knows nothing of are counted now, in one statement.
    QHash<QString, RowEstimate> estimates;
    if (exactBelow > 0)
        estimates = catalog.estimatesFor(db, names);
    QList<int> countNow;
    for (int n = 0; n < g.tables.size(); ++n) {
        Table &t = g.tables[n];
        const RowEstimate e = estimates.value(t.name);
        if (e.countNow(exactBelow)) {
            countNow << n;
        } else if (e.kind == RowEstimate::Kind::Estimate) {
            t.rows = e.rows;
            t.count = Count::About;
        }
    }
    // The orphans of a small child table cost no more than its count: in the same statement.
    QList<int> orphansNow;
    for (int n = 0; n < g.relations.size(); ++n)
        for (int t : std::as_const(countNow))
            if (g.tables.at(t).name == g.relations.at(n).childTable)
                orphansNow << n;
    if (!countNow.isEmpty()) {
        QStringList terms;
        for (int n : std::as_const(countNow))
            terms << QStringLiteral("(SELECT COUNT(*) FROM %1)").arg(Sql::quoteIdentifier(db, g.tables.at(n).name));
        for (int n : std::as_const(orphansNow))
            terms << QStringLiteral("(SELECT COUNT(*) FROM %1 WHERE %2)")
                         .arg(Sql::quoteIdentifier(db, g.relations.at(n).childTable), orphanCondition(db, g.relations.at(n)));
        QSqlQuery c(db);
        c.setForwardOnly(true);
        const bool read
            = Sql::exec(c, QStringLiteral("SELECT ") + terms.join(QStringLiteral(", ")), {}) && c.next();
        for (int i = 0; i < countNow.size(); ++i) {
            Table &t = g.tables[countNow.at(i)];
            t.rows = read ? c.value(i).toLongLong() : inspector.rowCount(t.name, error);
            t.count = Count::Exact;
        }
        // When the statement failed, countRemaining() reads these orphans one by one.
        for (int i = 0; read && i < orphansNow.size(); ++i) {
            Relation &r = g.relations[orphansNow.at(i)];
            r.orphans = c.value(int(countNow.size()) + i).toLongLong();
            r.orphanCount = Count::Exact;
        }
    }
    return g;
}

bool SchemaGraph::countsPending() const
{
    for (const Table &t : tables)
        if (t.count != Count::Exact)
            return true;
    for (const Relation &r : relations)
        if (r.orphanCount != Count::Exact)
            return true;
    return false;
}

bool SchemaGraph::countRemaining(const QSqlDatabase &db, QString *error)
{
    QList<int> rowTerms;
    QList<int> orphanTerms;
    QStringList terms;
    for (int n = 0; n < tables.size(); ++n)
        if (tables.at(n).count != Count::Exact) {
            rowTerms << n;
            terms << QStringLiteral("(SELECT COUNT(*) FROM %1)").arg(Sql::quoteIdentifier(db, tables.at(n).name));
        }
    for (int n = 0; n < relations.size(); ++n)
        if (relations.at(n).orphanCount != Count::Exact) {
            const Relation &r = relations.at(n);
            orphanTerms << n;
            terms << QStringLiteral("(SELECT COUNT(*) FROM %1 WHERE %2)")
                         .arg(Sql::quoteIdentifier(db, r.childTable), orphanCondition(db, r));
        }
    if (terms.isEmpty())
        return true;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Sql::exec(q, QStringLiteral("SELECT ") + terms.join(QStringLiteral(", ")), {}) && q.next()) {
        for (int i = 0; i < rowTerms.size(); ++i) {
            tables[rowTerms.at(i)].rows = q.value(i).toLongLong();
            tables[rowTerms.at(i)].count = Count::Exact;
        }
        for (int i = 0; i < orphanTerms.size(); ++i) {
            relations[orphanTerms.at(i)].orphans = q.value(int(rowTerms.size()) + i).toLongLong();
            relations[orphanTerms.at(i)].orphanCount = Count::Exact;
        }
        return true;
    }
    // One table the account may not read fails the statement: then each count on its own.
    bool ok = true;
    const SchemaInspector inspector(db);
    for (int n : std::as_const(rowTerms)) {
        if (DbWorker::stopRequested())
            return false;
        Table &t = tables[n];
        t.rows = inspector.rowCount(t.name, error);
        t.count = Count::Exact;
        ok = ok && t.rows >= 0;
    }
    for (int n : std::as_const(orphanTerms)) {
        if (DbWorker::stopRequested())
            return false;
        Relation &r = relations[n];
        QSqlQuery o(db);
        o.setForwardOnly(true);
        r.orphans = Sql::exec(o,
                        QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2")
                            .arg(Sql::quoteIdentifier(db, r.childTable), orphanCondition(db, r)),
                        {}, error)
                && o.next()
            ? o.value(0).toLongLong()
            : -1;
        r.orphanCount = Count::Exact;
        ok = ok && r.orphans >= 0;
    }
    return ok;
}
