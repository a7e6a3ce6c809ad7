#include "schema/SchemaDoctor.h"

#include "sql/Dialect.h"
#include "sql/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
struct IndexWish {
    const char *table;
    const char *column;
    const char *why;
};
} // namespace

QString SchemaDoctor::indexName(const QString &table, const QString &column)
{
    return QStringLiteral("idx_%1_%2").arg(table, column);
}

QList<SchemaDoctor::Suggestion> SchemaDoctor::suggest(const QSqlDatabase &db, const SchemaGraph &graph)
{
    QList<Suggestion> out;
    auto q = [&db](const QString &id) { return Sql::quoteIdentifier(db, id); };

    // 1. Orphans: listed first, because a foreign key cannot be added while they exist.
    for (const SchemaGraph::Relation &r : graph.relations) {
        if (r.orphans <= 0)
            continue;
        Suggestion s;
        s.kind = Suggestion::Kind::CleanOrphans;
        s.id = QStringLiteral("orphans:") + r.key();
        s.affectedRows = r.orphans;
        s.title = tr("Delete %1 orphan row(s) of %2 (their %3 row is missing)")
                      .arg(r.orphans)
                      .arg(r.childTable, r.parentTable);
        s.explanation = r.childTable == QLatin1String("trongate_tokens")
            ? tr("Tokens whose user is gone still pass Trongate's any-level check until they expire. "
                 "Deleting them logs those clients out.")
            : tr("Rows that point at a %1 row that no longer exists. Deleting them cannot be undone: "
                 "export them first if in doubt.")
                  .arg(r.parentTable);
        if (r.childTable == QLatin1String("trongate_users")) {
            // Their tokens would become orphans in turn: they go in the same transaction.
            s.statements << QStringLiteral("DELETE FROM %1 WHERE %2 IN (SELECT %3 FROM %4 WHERE %5)")
                                .arg(q(QStringLiteral("trongate_tokens")), q(QStringLiteral("user_id")),
                                    q(QStringLiteral("id")), q(r.childTable), SchemaGraph::orphanCondition(db, r));
            s.explanation += QLatin1Char(' ') + tr("Their tokens are deleted with them.");
        }
        s.statements
            << QStringLiteral("DELETE FROM %1 WHERE %2").arg(q(r.childTable), SchemaGraph::orphanCondition(db, r));
        // Users first: deleting them creates token orphans that the tokens' clean-up then removes.
        if (r.childTable == QLatin1String("trongate_users"))
            out.prepend(s);
        else
            out << s;
    }

    // 2. Indexes on the columns Trongate searches by.
    const IndexWish wishes[] = {
        { "trongate_tokens", "token",
            QT_TR_NOOP("Trongate looks up the token on every request it authenticates; "
                       "without an index each request reads the whole table.") },
        { "trongate_tokens", "expiry_date",
            QT_TR_NOOP("Purging expired tokens (delete_old_tokens) and the live "
                       "expiry view search by expiry.") },
        { "trongate_tokens", "user_id",
            QT_TR_NOOP("Finding and revoking a user's tokens, and counting them per user.") },
        { "trongate_users", "user_level_id",
            QT_TR_NOOP("Level checks join users by their level; the levels page "
                       "counts users per level.") },
    };
    for (const IndexWish &w : wishes) {
        const QString table = QString::fromLatin1(w.table);
        const QString column = QString::fromLatin1(w.column);
        if (!graph.table(table) || graph.hasIndexOn(table, column))
            continue;
        Suggestion s;
        s.kind = Suggestion::Kind::AddIndex;
        s.id = QStringLiteral("index:%1.%2").arg(table, column);
        s.title = tr("Add an index on %1.%2").arg(table, column);
        s.explanation = tr(w.why) + QLatin1Char(' ')
            + tr("An index changes no data and no behaviour of the PHP application; it costs some disk "
                 "space and a little time on each insert.");
        s.statements
            << QStringLiteral("CREATE INDEX %1 ON %2 (%3)").arg(q(indexName(table, column)), q(table), q(column));
        out << s;
    }

    // 3. Foreign keys, optional, only without orphans.
    struct FkWish {
        QString child, column, parent, onDelete, warning;
    };
    const QList<FkWish> fks = {
        { QStringLiteral("trongate_tokens"), QStringLiteral("user_id"), QStringLiteral("trongate_users"),
            QStringLiteral("CASCADE"),
            tr("Deleting a user then deletes their tokens too, and inserting a token for a user id that does not exist "
               "fails, including Trongate's default user_id of 0.") },
        { QStringLiteral("trongate_users"), QStringLiteral("user_level_id"), QStringLiteral("trongate_user_levels"),
            QStringLiteral("RESTRICT"),
            tr("Deleting a level that users still have then fails, and creating a user with user_level_id 0 "
               "(Trongate's "
               "default) or any other missing level fails.") },
    };
    for (const FkWish &fk : fks) {
        const SchemaGraph::Relation *r = graph.relation(fk.child, fk.column);
        if (!r || r->declared)
            continue;
        Suggestion s;
        s.kind = Suggestion::Kind::AddForeignKey;
        s.id = QStringLiteral("fk:%1.%2").arg(fk.child, fk.column);
        s.title = tr("Declare %1.%2 as a foreign key to %3.id").arg(fk.child, fk.column, fk.parent);
        s.explanation = tr("Optional. The database then guarantees the relation Trongate only assumes. What changes "
                           "for the PHP application: %1")
                            .arg(fk.warning);
        s.statements << QStringLiteral(
            "ALTER TABLE %1 ADD CONSTRAINT %2 FOREIGN KEY (%3) REFERENCES %4 (%5) ON DELETE %6")
                            .arg(q(fk.child), q(QStringLiteral("fk_%1_%2").arg(fk.child, fk.column)), q(fk.column),
                                q(fk.parent), q(QStringLiteral("id")), fk.onDelete);
        if (!Dialect::of(db).canAddForeignKeyToExistingTable()) {
            s.available = false;
            s.unavailableReason = tr("SQLite cannot add a foreign key to an existing table.");
        } else if (r->orphans != 0) {
            s.available = false;
            s.unavailableReason = tr("%1 orphan row(s) must be cleaned up first.").arg(r->orphans);
        }
        out << s;
    }
    return out;
}

bool SchemaDoctor::apply(QSqlDatabase db, const Suggestion &s, QString *error)
{
    if (!s.available) {
        if (error)
            *error = s.unavailableReason;
        return false;
    }
    const bool transactional = Dialect::of(db).rollsBackDdl() || s.kind == Suggestion::Kind::CleanOrphans;
    if (transactional && !db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    for (const QString &sql : s.statements) {
        QSqlQuery q(db);
        // A clean-up names whatever table the catalog lists: prepared, so it runs as one statement.
        // Indexes and foreign keys name only Trongate's tables, and PostgreSQL cannot prepare DDL.
        const bool ok = s.kind == Suggestion::Kind::CleanOrphans ? Sql::exec(q, sql, {}, error)
                                                                  : Sql::execDdl(q, sql, error);
        if (!ok) {
            if (transactional)
                db.rollback();
            return false;
        }
    }
    if (transactional && !db.commit()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    return true;
}
