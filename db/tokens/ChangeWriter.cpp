#include "tokens/ChangeWriter.h"

#include "sql/Dialect.h"
#include "sql/SqlDialect.h"
#include "sql/SqlTransaction.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace {
QString unchangedClause(const QSqlDatabase &db, const QStringList &columns)
{
    QStringList parts { Sql::quoteIdentifier(db, QStringLiteral("id")) + QStringLiteral(" = ?") };
    for (const QString &c : columns)
        parts << Dialect::of(db).nullSafeEquals(Sql::quoteIdentifier(db, c));
    return parts.join(QStringLiteral(" AND "));
}

bool bindAndExec(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    return q.exec();
}
} // namespace

QString ChangeWriter::explain(const QSqlDatabase &db, const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    const QString text = error.text();
    if (SqlTransaction::isConflict(error))
        return SqlTransaction::conflictMessage() + QLatin1Char(' ')
            + tr("Your edits are kept; the rows another session changed are shown with their new values.");
    if (Dialect::of(db).isLostConnectionCode(code)
        || text.contains(QLatin1String("server closed the connection"))
        || text.contains(QLatin1String("no connection to the server"))
        || text.contains(QLatin1String("Lost connection")))
        return tr("The connection to the database was lost. Your edits are kept: reconnect and save again.");
    if (code == QLatin1String("1062") || code == QLatin1String("23505")
        || text.contains(QLatin1String("UNIQUE constraint")))
        return tr("The database refused a duplicate value: %1").arg(text.trimmed());
    if (code == QLatin1String("1406") || code == QLatin1String("22001"))
        return tr("A value is too long for its column: %1").arg(text.trimmed());
    if (code == QLatin1String("1366") || code == QLatin1String("1264") || code == QLatin1String("22003"))
        return tr("The database refused a value as invalid for its column: %1").arg(text.trimmed());
    if (text.contains(QLatin1String("readonly"), Qt::CaseInsensitive) || code == QLatin1String("1142"))
        return tr("This account may not change the table: %1").arg(text.trimmed());
    return tr("The database refused the change: %1").arg(text.trimmed());
}

ChangeWriter::Result ChangeWriter::apply(QSqlDatabase db, const ChangeSet &c)
{
    Result r;
    if (c.isEmpty()) {
        r.ok = true;
        return r;
    }
    if (!db.transaction()) {
        r.error = explain(db, db.lastError());
        return r;
    }
    // Declared before fail(): a lost certification re-reads the rows it touched.
    std::function<bool(qint64, QVariantList *)> readCurrent;
    auto fail = [&](const QSqlError &e) {
        r.error = explain(db, e);
        db.rollback();
        r.insertedIds.clear();
        r.rowsWritten = 0;
        if (SqlTransaction::isConflict(e) && readCurrent) {
            // Galera refuses a whole transaction at COMMIT (1213) when another node won: the rows
            // that changed meanwhile become ordinary conflicts, so the grid shows them reloaded and
            // keeps the person's edits.
            r.conflicts.clear();
            auto check = [&](qint64 id, const QVariantList &original, const QVariantList &mine) {
                Conflict conflict { id, false, original, mine, {} };
                conflict.deletedElsewhere = !readCurrent(id, &conflict.current);
                if (conflict.deletedElsewhere || conflict.current != original)
                    r.conflicts << conflict;
            };
            for (const ChangeSet::Delete &d : c.deletes)
                check(d.id, d.original, {});
            for (const ChangeSet::Update &u : c.updates)
                check(u.id, u.original, u.values);
        }
        return r;
    };

    const QString table = Sql::quoteIdentifier(db, c.table);
    const QString where = unchangedClause(db, c.columns);
    auto currentRow = [&](qint64 id, QVariantList *out) {
        QStringList cols;
        for (const QString &col : c.columns)
            cols << Sql::quoteIdentifier(db, col);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                      .arg(cols.join(QStringLiteral(", ")), table, Sql::quoteIdentifier(db, QStringLiteral("id"))));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return false;
        for (int i = 0; i < c.columns.size(); ++i)
            out->append(q.value(i));
        return true;
    };
    readCurrent = currentRow;

    for (const ChangeSet::Guard &g : c.guards) {
        QSqlQuery q(db);
        q.prepare(g.sql);
        if (!bindAndExec(q, g.values) || !q.next())
            return fail(q.lastError());
        if (q.value(0).toLongLong() != 0) {
            r.error = g.message;
            db.rollback();
            return r;
        }
    }

    for (const ChangeSet::Delete &d : c.deletes) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE %2").arg(table, where));
        if (!bindAndExec(q, QVariantList { d.id } + d.original))
            return fail(q.lastError());
        if (q.numRowsAffected() == 0) {
            Conflict conflict { d.id, false, d.original, {}, {} };
            conflict.deletedElsewhere = !currentRow(d.id, &conflict.current);
            r.conflicts << conflict;
        }
        r.rowsWritten += q.numRowsAffected();
    }

    if (!c.updates.isEmpty()) {
        QStringList sets;
        for (const QString &col : c.columns)
            sets << Sql::quoteIdentifier(db, col) + QStringLiteral(" = ?");
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE %3").arg(table, sets.join(QStringLiteral(", ")), where));
        for (const ChangeSet::Update &u : c.updates) {
            if (!bindAndExec(q, u.values + QVariantList { u.id } + u.original))
                return fail(q.lastError());
            if (q.numRowsAffected() == 0) {
                Conflict conflict { u.id, false, u.original, u.values, {} };
                conflict.deletedElsewhere = !currentRow(u.id, &conflict.current);
                r.conflicts << conflict;
            }
            r.rowsWritten += q.numRowsAffected();
        }
    }

    if (!r.conflicts.isEmpty()) {
        db.rollback();
        r.rowsWritten = 0;
        return r;
    }

    if (!c.inserts.isEmpty()) {
        QStringList cols;
        QStringList marks;
        for (const QString &col : c.columns) {
            cols << Sql::quoteIdentifier(db, col);
            marks << QStringLiteral("?");
        }
        QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                          .arg(table, cols.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
        const QString returningId = Dialect::of(db).insertedIdClause();
        const bool returning = !returningId.isEmpty();
        sql += returningId;
        QSqlQuery q(db);
        q.prepare(sql);
        for (const ChangeSet::Insert &ins : c.inserts) {
            if (!bindAndExec(q, ins.values))
                return fail(q.lastError());
            const QVariant id = returning ? (q.next() ? q.value(0) : QVariant()) : q.lastInsertId();
            r.insertedIds << id.toLongLong();
            ++r.rowsWritten;
        }
    }

    for (const ChangeSet::Statement &s : c.statements) {
        QSqlQuery q(db);
        q.prepare(s.sql);
        if (!bindAndExec(q, s.values))
            return fail(q.lastError());
        r.rowsWritten += std::max(0, q.numRowsAffected());
    }

    if (!db.commit())
        return fail(db.lastError());
    r.ok = true;
    return r;
}
