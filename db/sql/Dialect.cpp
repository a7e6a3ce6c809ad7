#include "sql/Dialect.h"

#include "sql/MySqlDialect.h"
#include "sql/PostgresDialect.h"
#include "sql/SqliteDialect.h"
#include "sql/SqlDialect.h"

DriverKind Dialect::kindOf(const QSqlDatabase &db)
{
    const QString d = db.driverName();
    if (d.startsWith(QLatin1String("QMYSQL")) || d.startsWith(QLatin1String("QMARIADB")))
        return DriverKind::MySql;
    if (d.startsWith(QLatin1String("QPSQL")))
        return DriverKind::Postgres;
    return DriverKind::Sqlite;
}

const Dialect &Dialect::of(DriverKind kind)
{
    static const MySqlDialect mySql;
    static const PostgresDialect postgres;
    static const SqliteDialect sqlite;
    switch (kind) {
    case DriverKind::MySql:
        return mySql;
    case DriverKind::Postgres:
        return postgres;
    case DriverKind::Sqlite:
        break;
    }
    return sqlite;
}

const Dialect &Dialect::of(const QSqlDatabase &db)
{
    return of(kindOf(db));
}

QString Dialect::rowsAfter(const QString &quotedColumn, bool ascending, const QVariant &value, qint64 id,
    QVariantList *values, bool nullable) const
{
    const QString cmp = ascending ? QStringLiteral(" > ?") : QStringLiteral(" < ?");
    const QString idCol = quoteIdentifier(QStringLiteral("id"));
    if (quotedColumn.isEmpty() || quotedColumn == idCol) {
        values->append(id);
        return idCol + cmp;
    }
    // Where the NULLs are in the order read: after every value, or before it.
    const bool nullsAfter = nullable && ascending != sortsNullsFirst();
    if (value.isNull()) {
        values->append(id);
        QString out = QStringLiteral("((%1 IS NULL AND %2%3)").arg(quotedColumn, idCol, cmp);
        if (!nullsAfter)
            out += QStringLiteral(" OR %1 IS NOT NULL").arg(quotedColumn);
        return out + QLatin1Char(')');
    }
    // "column >= value AND (column > value OR id > last id)": the same rows as "column > value OR
    // (column = value AND id > last id)", but the first part bounds an index range on the column,
    // which PostgreSQL does not find in the OR alone (it walks the index from its start).
    values->append(value);
    values->append(value);
    values->append(id);
    QString out = QStringLiteral("((%1 %2 ? AND (%1%3 OR %4%3))")
                      .arg(quotedColumn, ascending ? QStringLiteral(">=") : QStringLiteral("<="), cmp, idCol);
    if (nullsAfter)
        out += QStringLiteral(" OR %1 IS NULL").arg(quotedColumn);
    return out + QLatin1Char(')');
}

QString Dialect::rowsAtPlace(const QString &quotedTable, const QString &where, const QString &order) const
{
    const QString id = quoteIdentifier(QStringLiteral("id"));
    return QStringLiteral("(SELECT %1 AS tg_id FROM %2%3%4 LIMIT ? OFFSET ?) tg_place JOIN %2 ON %2.%1 = tg_place.tg_id")
        .arg(id, quotedTable, where, order);
}

QList<Dialect::ForeignKey> Dialect::readForeignKeys(
    const QSqlDatabase &db, const QString &sql, const QStringList &tables, QString *error)
{
    QList<ForeignKey> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(q, sql, {}, error))
        return out;
    while (q.next()) {
        if (!tables.contains(q.value(0).toString()) || !tables.contains(q.value(2).toString()))
            continue;
        out << ForeignKey { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString() };
    }
    return out;
}

QString Dialect::quoteIdentifier(const QString &name) const
{
    const QChar quote = identifierQuote();
    QString out;
    out.reserve(name.size() + 2);
    out += quote;
    for (const QChar c : name) {
        if (c == quote)
            out += quote;
        out += c;
    }
    out += quote;
    return out;
}

bool Dialect::isLostConnectionCode(const QString &code) const
{
    Q_UNUSED(code)
    return false;
}

QString Dialect::primaryKeyClause(const QString &quotedColumn) const
{
    Q_UNUSED(quotedColumn)
    return {};
}

std::optional<qint64> Dialect::sessionIdOfHandle(const QSqlDatabase &) const
{
    return std::nullopt;
}

bool Dialect::cancelStatement(const QSqlDatabase &other, qint64 sessionId, QString *error) const
{
    Q_UNUSED(other)
    Q_UNUSED(sessionId)
    Q_UNUSED(error)
    return false;
}

QHash<QString, QList<Dialect::Column>> Dialect::columnsOf(
    const QSqlDatabase &db, const QStringList &tables, QString *error) const
{
    QHash<QString, QList<Column>> out;
    for (const QString &t : tables)
        out.insert(t, columns(db, t, error));
    return out;
}

Dialect::Structure Dialect::structureOf(const QSqlDatabase &db, const QStringList &tables, QString *error) const
{
    return Structure { columnsOf(db, tables, error), indexesOf(db, tables), foreignKeys(db, tables, error) };
}

QHash<QString, QList<Dialect::Index>> Dialect::indexesOf(const QSqlDatabase &db, const QStringList &tables) const
{
    QHash<QString, QList<Index>> out;
    for (const QString &t : tables)
        out.insert(t, indexes(db, t));
    return out;
}

QHash<QString, qint64> Dialect::matchEstimates(QSqlQuery &q, const QStringList &tables)
{
    QHash<QString, qint64> out;
    while (q.next()) {
        const QString name = q.value(0).toString();
        const auto it = std::find_if(tables.cbegin(), tables.cend(),
            [&name](const QString &t) { return t.compare(name, Qt::CaseInsensitive) == 0; });
        if (it != tables.cend())
            out.insert(*it, q.value(1).toLongLong());
    }
    return out;
}
