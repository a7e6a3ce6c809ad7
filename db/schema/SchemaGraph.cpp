#include "schema/SchemaGraph.h"

#include "schema/SchemaInspector.h"
#include "sql/SqlDialect.h"

#include <QSqlQuery>

namespace {
const QString MySqlIndexesOf = QStringLiteral(R"(
SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, TABLE_NAME FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX)");

const QString MySqlForeignKeys = QStringLiteral(R"(
SELECT TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, CONSTRAINT_NAME
FROM information_schema.KEY_COLUMN_USAGE
WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY TABLE_NAME, ORDINAL_POSITION)");

const QString SqliteIndexList = QStringLiteral(R"(SELECT name, "unique", origin FROM pragma_index_list(?))");
const QString SqliteIndexInfo = QStringLiteral(R"(SELECT name FROM pragma_index_info(?) ORDER BY seqno)");
const QString SqliteForeignKeys = QStringLiteral(R"(SELECT "table", "from", "to", id FROM pragma_foreign_key_list(?))");

const QString PostgresIndexes = QStringLiteral(R"(
SELECT i.relname, ix.indisunique, ix.indisprimary, a.attname
FROM pg_class t
JOIN pg_index ix ON ix.indrelid = t.oid
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
WHERE t.relname = ? AND t.relnamespace = to_regnamespace(current_schema())
ORDER BY i.relname, k.ord)");

const QString PostgresForeignKeys = QStringLiteral(R"(
SELECT cl.relname, a.attname, pcl.relname, pa.attname, c.conname
FROM pg_constraint c
JOIN pg_class cl ON cl.oid = c.conrelid
JOIN pg_class pcl ON pcl.oid = c.confrelid
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
WHERE c.contype = 'f' AND cl.relnamespace = to_regnamespace(current_schema()))");

QHash<QString, QList<SchemaGraph::Index>> readIndexesOf(const QSqlDatabase &db, const QStringList &tables);

QList<SchemaGraph::Index> readIndexes(const QSqlDatabase &db, const QString &table)
{
    QList<SchemaGraph::Index> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    switch (Sql::kindOf(db)) {
    case DriverKind::MySql:
        return readIndexesOf(db, { table }).value(table);
    case DriverKind::Postgres:
        if (Sql::exec(q, PostgresIndexes, { table }))
            while (q.next()) {
                const QString name = q.value(0).toString();
                if (out.isEmpty() || out.last().name != name)
                    out << SchemaGraph::Index { name, {}, q.value(1).toBool(), q.value(2).toBool() };
                out.last().columns << q.value(3).toString();
            }
        break;
    case DriverKind::Sqlite: {
        QList<SchemaGraph::Index> list;
        if (Sql::exec(q, SqliteIndexList, { table }))
            while (q.next())
                list << SchemaGraph::Index { q.value(0).toString(), {}, q.value(1).toInt() == 1,
                    q.value(2).toString() == QLatin1String("pk") };
        for (SchemaGraph::Index &i : list) {
            QSqlQuery c(db);
            c.setForwardOnly(true);
            if (Sql::exec(c, SqliteIndexInfo, { i.name }))
                while (c.next())
                    i.columns << c.value(0).toString();
            out << i;
        }
        break;
    }
    }
    return out;
}

// The indexes of several tables, in one query on MySQL/MariaDB (one per table elsewhere).
QHash<QString, QList<SchemaGraph::Index>> readIndexesOf(const QSqlDatabase &db, const QStringList &tables)
{
    QHash<QString, QList<SchemaGraph::Index>> out;
    if (Sql::kindOf(db) != DriverKind::MySql) {
        for (const QString &t : tables)
            out.insert(t, readIndexes(db, t));
        return out;
    }
    if (tables.isEmpty())
        return out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // The schema's every index, the wanted tables picked out here: unprepared, one round trip.
    if (Sql::exec(q, MySqlIndexesOf, {}))
        while (q.next()) {
            if (!tables.contains(q.value(3).toString()))
                continue;
            QList<SchemaGraph::Index> &list = out[q.value(3).toString()];
            const QString name = q.value(0).toString();
            if (list.isEmpty() || list.last().name != name)
                list << SchemaGraph::Index { name, {}, q.value(1).toInt() == 0, name == QLatin1String("PRIMARY") };
            list.last().columns << q.value(2).toString();
        }
    return out;
}
} // namespace

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
    for (const Index &i : readIndexes(db, table))
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
    const QHash<QString, QList<ActualColumn>> columns = inspector.columnsOf(names, error);
    const QHash<QString, QList<Index>> indexes = readIndexesOf(db, names);
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
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const DriverKind kind = Sql::kindOf(db);
    if (kind == DriverKind::Sqlite) {
        for (const QString &name : names) {
            QSqlQuery f(db);
            f.setForwardOnly(true);
            if (Sql::exec(f, SqliteForeignKeys, { name }))
                while (f.next())
                    g.relations << Relation { name, f.value(1).toString(), f.value(0).toString(),
                        f.value(2).isNull() ? QStringLiteral("id") : f.value(2).toString(), true,
                        QStringLiteral("fk%1").arg(f.value(3).toInt()), -1 };
        }
    } else if (Sql::exec(q, kind == DriverKind::MySql ? MySqlForeignKeys : PostgresForeignKeys, {}, error)) {
        while (q.next()) {
            if (!names.contains(q.value(0).toString()) || !names.contains(q.value(2).toString()))
                continue;
            g.relations << Relation { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toString(), true, q.value(4).toString(), -1 };
        }
    }

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
