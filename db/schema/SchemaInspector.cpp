#include "schema/SchemaInspector.h"

#include "sql/Dialect.h"
#include "sql/SqlDialect.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// MySQL/MariaDB: every table of the schema with its estimated rows and whether it links to users
// (a trongate_user_id column), in one unprepared statement: over a far link one round trip
// where the Trongate tables, the linked tables and the estimates took four.
const QString MySqlSummary = QStringLiteral(R"(
SELECT t.TABLE_NAME, t.TABLE_TYPE = 'BASE TABLE', t.TABLE_ROWS,
       t.TABLE_NAME IN (SELECT c.TABLE_NAME FROM information_schema.COLUMNS c
                        WHERE c.TABLE_SCHEMA = DATABASE() AND c.COLUMN_NAME = 'trongate_user_id')
FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = DATABASE() ORDER BY t.TABLE_NAME)");

QString canonicalType(QString t)
{
    t = t.trimmed().toLower();
    if (t == QLatin1String("integer") || t == QLatin1String("int") || t == QLatin1String("int4"))
        return QStringLiteral("int");
    if (t == QLatin1String("character varying"))
        return QStringLiteral("varchar");
    return t;
}

// Removes quotes and PostgreSQL casts from a default as the catalogs report it.
void parseDefault(const QVariant &raw, bool nullable, ActualColumn &c)
{
    if (raw.isNull()) {
        c.defaultKind = nullable ? ColumnDef::Default::Null : ColumnDef::Default::None;
        return;
    }
    QString v = raw.toString().trimmed();
    if (v.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0 || v.startsWith(QLatin1String("NULL::"))) {
        c.defaultKind = ColumnDef::Default::Null;
        return;
    }
    static const QRegularExpression cast(QStringLiteral("::[a-z ]+(\\(\\d+\\))?$"));
    v.remove(cast);
    if (v.size() >= 2 && v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\''))) {
        v = v.mid(1, v.size() - 2);
        v.replace(QLatin1String("''"), QLatin1String("'"));
    }
    c.defaultKind = ColumnDef::Default::Value;
    c.defaultValue = v;
}

bool sameType(const ColumnDef &e, const ActualColumn &a)
{
    switch (e.type) {
    case ColumnDef::Type::Int:
        return a.baseType == QLatin1String("int");
    case ColumnDef::Type::Varchar:
        return a.baseType == QLatin1String("varchar");
    case ColumnDef::Type::TinyInt:
        return a.baseType == QLatin1String("tinyint") || a.baseType == QLatin1String("smallint");
    }
    return false;
}
} // namespace

QString ActualColumn::typeText() const
{
    return length > 0 ? QStringLiteral("%1(%2)").arg(baseType).arg(length) : baseType;
}

QString ActualColumn::defaultText() const
{
    switch (defaultKind) {
    case ColumnDef::Default::None:
        return QStringLiteral("none");
    case ColumnDef::Default::Null:
        return QStringLiteral("NULL");
    case ColumnDef::Default::Value:
        return QLatin1Char('\'') + defaultValue + QLatin1Char('\'');
    }
    return {};
}

QString SchemaDifference::kindText() const
{
    switch (kind) {
    case Kind::MissingTable:
        return tr("missing table");
    case Kind::MissingColumn:
        return tr("missing column");
    case Kind::Type:
        return tr("wrong type");
    case Kind::Length:
        return tr("wrong length");
    case Kind::Default:
        return tr("wrong default");
    case Kind::Nullability:
        return tr("wrong nullability");
    case Kind::PrimaryKey:
        return tr("not an auto-increment primary key");
    case Kind::ExtraColumn:
        return tr("extra column (fine for Trongate)");
    }
    return {};
}

QString SchemaDifference::description() const
{
    switch (kind) {
    case Kind::MissingTable:
        return tr("Table %1 is missing.").arg(table);
    case Kind::MissingColumn:
        return tr("%1.%2 is missing (expected %3).").arg(table, column, expected);
    case Kind::ExtraColumn:
        return tr("%1.%2 is not part of Trongate's definition (%3); Trongate ignores it.").arg(table, column, actual);
    default:
        return tr("%1.%2: %3: expected %4, found %5.").arg(table, column, kindText(), expected, actual);
    }
}

bool SchemaReport::isClean() const
{
    return !readFailed && problemCount() == 0;
}

int SchemaReport::problemCount() const
{
    return int(std::count_if(differences.begin(), differences.end(), [](const auto &d) { return !d.isNote(); }));
}

SchemaInspector::SchemaInspector(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QStringList SchemaInspector::presentTrongateTables() const
{
    const QStringList existing = Sql::tables(m_db);
    QStringList present;
    for (const QString &name : TrongateSchema::tableNames())
        if (existing.contains(name, Qt::CaseInsensitive))
            present << name;
    return present;
}

QStringList SchemaInspector::linkedApplicationTables(QString *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QStringList out;
    if (!Sql::exec(q, Dialect::of(m_db).tablesWithColumnSql(), { QStringLiteral("trongate_user_id") }, error))
        return out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

QHash<QString, RowEstimate> SchemaInspector::Catalog::estimatesFor(const QSqlDatabase &db, const QStringList &tables) const
{
    if (Sql::kindOf(db) != DriverKind::MySql)
        return RowEstimate::read(db, tables);
    QHash<QString, RowEstimate> out;
    for (const QString &t : tables)
        if (estimates.contains(t))
            out.insert(t, estimates.value(t));
    return out;
}

SchemaInspector::Catalog SchemaInspector::catalog(QString *error) const
{
    Catalog c;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (Sql::kindOf(m_db) != DriverKind::MySql || !q.exec(MySqlSummary))
        return Catalog { presentTrongateTables(), linkedApplicationTables(error), {} };
    QStringList tables;
    while (q.next()) {
        const QString name = q.value(0).toString();
        if (q.value(1).toBool())
            tables << name;
        if (q.value(3).toBool())
            c.linked << name;
        if (!q.value(2).isNull())
            c.estimates.insert(name, RowEstimate { RowEstimate::Kind::Estimate, q.value(2).toLongLong() });
    }
    for (const QString &name : TrongateSchema::tableNames()) // in Trongate's order, as presentTrongateTables()
        if (tables.contains(name, Qt::CaseInsensitive))
            c.present << name;
    return c;
}

qint64 SchemaInspector::rowCount(const QString &table, QString *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!Sql::exec(q, QStringLiteral("SELECT COUNT(*) FROM ") + Sql::quoteIdentifier(m_db, table), {}, error)
        || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

namespace {
// A column as the catalog reported it, in the terms Trongate's definitions use.
ActualColumn actualColumn(const Dialect::Column &d)
{
    ActualColumn c;
    c.name = d.name;
    c.baseType = canonicalType(d.type);
    c.length = d.length;
    c.nullable = d.nullable;
    c.primaryKey = d.primaryKey;
    c.autoIncrement = d.autoIncrement;
    if (!d.defaultIsGenerated)
        parseDefault(d.defaultValue, c.nullable, c);
    return c;
}
} // namespace

QList<ActualColumn> SchemaInspector::columns(const QString &table, QString *error) const
{
    QList<ActualColumn> out;
    for (const Dialect::Column &c : Dialect::of(m_db).columns(m_db, table, error))
        out << actualColumn(c);
    return out;
}

QHash<QString, QList<ActualColumn>> SchemaInspector::columnsOf(const QStringList &tables, QString *error) const
{
    return actualColumns(Dialect::of(m_db).columnsOf(m_db, tables, error));
}

QHash<QString, QList<ActualColumn>> SchemaInspector::actualColumns(const QHash<QString, QList<Dialect::Column>> &read)
{
    QHash<QString, QList<ActualColumn>> out;
    for (auto it = read.cbegin(); it != read.cend(); ++it) {
        QList<ActualColumn> &columns = out[it.key()];
        for (const Dialect::Column &c : it.value())
            columns << actualColumn(c);
    }
    return out;
}

SchemaReport SchemaInspector::verify() const
{
    using K = SchemaDifference::Kind;
    SchemaReport report;
    report.presentTables = presentTrongateTables();
    for (const TableDef &t : TrongateSchema::tables()) {
        if (!report.presentTables.contains(t.name)) {
            report.missingTables << t.name;
            report.differences << SchemaDifference { K::MissingTable, t.name, {}, {}, {} };
            continue;
        }
        QString error;
        const QList<ActualColumn> actual = columns(t.name, &error);
        if (!error.isEmpty()) {
            report.readFailed = true;
            report.error = tr("Could not read the columns of %1: %2").arg(t.name, error);
            return report;
        }
        for (const ColumnDef &e : t.columns) {
            const auto it = std::find_if(actual.begin(), actual.end(),
                [&](const ActualColumn &a) { return a.name.compare(e.name, Qt::CaseInsensitive) == 0; });
            if (it == actual.end()) {
                report.differences << SchemaDifference { K::MissingColumn, t.name, e.name, e.typeText(), {} };
                continue;
            }
            const ActualColumn &a = *it;
            if (!sameType(e, a)) {
                report.differences << SchemaDifference { K::Type, t.name, e.name, e.typeText(), a.typeText() };
            } else if (e.type == ColumnDef::Type::Varchar && a.length != e.length) {
                report.differences << SchemaDifference { K::Length, t.name, e.name, QString::number(e.length),
                    QString::number(a.length) };
            }
            if (e.primaryKey) {
                if (!a.primaryKey || !a.autoIncrement)
                    report.differences << SchemaDifference { K::PrimaryKey, t.name, e.name,
                        tr("auto-increment primary key"),
                        a.primaryKey ? tr("primary key without auto-increment") : tr("no primary key") };
                continue;
            }
            if (a.nullable != !e.notNull)
                report.differences << SchemaDifference { K::Nullability, t.name, e.name,
                    e.notNull ? QStringLiteral("NOT NULL") : QStringLiteral("NULL"),
                    a.nullable ? QStringLiteral("NULL") : QStringLiteral("NOT NULL") };
            // A NOT NULL column cannot default to NULL; the nullability difference already says so.
            const bool nullabilityCovers = e.defaultKind == ColumnDef::Default::Null && !a.nullable;
            const bool sameDefault = nullabilityCovers
                || (e.defaultKind == a.defaultKind
                    && (e.defaultKind != ColumnDef::Default::Value || e.defaultValue == a.defaultValue));
            if (!sameDefault)
                report.differences << SchemaDifference { K::Default, t.name, e.name, e.defaultText(), a.defaultText() };
        }
        for (const ActualColumn &a : actual)
            if (!t.column(a.name))
                report.differences << SchemaDifference { K::ExtraColumn, t.name, a.name, {}, a.typeText() };
    }
    return report;
}

bool SchemaInspector::install(QStringList *executed, QString *error) const
{
    const Dialect &dialect = Dialect::of(m_db);
    const QStringList statements = TrongateSchema::installStatements(dialect.kind(), Sql::tables(m_db));
    if (statements.isEmpty())
        return true;
    // Where the database can roll DDL back, all of it or nothing; MySQL commits each one itself.
    const bool transactional = dialect.rollsBackDdl();
    if (transactional && !m_db.driver()->hasFeature(QSqlDriver::Transactions))
        return false;
    QSqlDatabase db = m_db;
    if (transactional && !db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    for (const QString &sql : statements) {
        QSqlQuery q(db);
        if (!Sql::execDdl(q, sql, error)) {
            if (transactional)
                db.rollback();
            return false;
        }
        if (executed)
            *executed << sql;
    }
    if (transactional && !db.commit()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    return true;
}
