#include "schema/TrongateSchema.h"

#include "sql/Dialect.h"

namespace {
ColumnDef idColumn()
{
    ColumnDef c;
    c.name = QStringLiteral("id");
    c.type = ColumnDef::Type::Int;
    c.primaryKey = true;
    c.notNull = true;
    return c;
}

ColumnDef col(const char *name, ColumnDef::Type type, int length, ColumnDef::Default def, const char *value = "")
{
    ColumnDef c;
    c.name = QString::fromLatin1(name);
    c.type = type;
    c.length = length;
    c.defaultKind = def;
    c.defaultValue = QString::fromLatin1(value);
    return c;
}

QString defaultLiteral(const ColumnDef &c)
{
    if (c.type == ColumnDef::Type::Varchar) {
        QString v = c.defaultValue;
        v.replace(QLatin1Char('\''), QLatin1String("''"));
        return QLatin1Char('\'') + v + QLatin1Char('\'');
    }
    return c.defaultValue;
}

QString columnSql(const ColumnDef &c, const Dialect &d)
{
    using T = ColumnDef::Type;
    const QString name = d.quoteIdentifier(c.name);
    if (c.primaryKey)
        return name + QLatin1Char(' ') + d.autoIncrementColumnType();
    QString type;
    switch (c.type) {
    case T::Int:
        type = d.integerType();
        break;
    case T::TinyInt:
        type = d.smallIntegerType(c.length);
        break;
    case T::Varchar:
        type = d.varcharType(c.length);
        break;
    }
    QString sql = name + QLatin1Char(' ') + type;
    if (c.notNull)
        sql += QStringLiteral(" NOT NULL");
    if (c.defaultKind == ColumnDef::Default::Null)
        sql += QStringLiteral(" DEFAULT NULL");
    else if (c.defaultKind == ColumnDef::Default::Value)
        sql += QStringLiteral(" DEFAULT ") + defaultLiteral(c);
    if (c.type == T::Varchar)
        sql += d.caseInsensitiveCollation();
    return sql;
}
} // namespace

QString ColumnDef::typeText() const
{
    switch (type) {
    case Type::Int:
        return QStringLiteral("int");
    case Type::TinyInt:
        return QStringLiteral("tinyint");
    case Type::Varchar:
        return QStringLiteral("varchar(%1)").arg(length);
    }
    return {};
}

QString ColumnDef::defaultText() const
{
    switch (defaultKind) {
    case Default::None:
        return QStringLiteral("none");
    case Default::Null:
        return QStringLiteral("NULL");
    case Default::Value:
        return defaultLiteral(*this);
    }
    return {};
}

const ColumnDef *TableDef::column(const QString &n) const
{
    for (const ColumnDef &c : columns)
        if (c.name.compare(n, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

namespace TrongateSchema {

const QList<TableDef> &tables()
{
    using T = ColumnDef::Type;
    using D = ColumnDef::Default;
    static const QList<TableDef> defs = {
        { Levels, { idColumn(), col("level_title", T::Varchar, 125, D::Value, "") } },
        { Users, { idColumn(), col("code", T::Varchar, 32, D::Null), col("user_level_id", T::Int, 0, D::Value, "0") } },
        { Tokens,
            { idColumn(), col("token", T::Varchar, 125, D::Null), col("user_id", T::Int, 0, D::Value, "0"),
                col("expiry_date", T::Int, 0, D::Null), col("code", T::Varchar, 3, D::Value, "0") } },
    };
    return defs;
}

QStringList tableNames()
{
    return { Levels, Users, Tokens };
}

const TableDef *table(const QString &name)
{
    for (const TableDef &t : tables())
        if (t.name == name)
            return &t;
    return nullptr;
}

QString createTableSql(const TableDef &t, DriverKind kind)
{
    const Dialect &d = Dialect::of(kind);
    QStringList parts;
    for (const ColumnDef &c : t.columns)
        parts << QStringLiteral("  ") + columnSql(c, d);
    const QString key = d.primaryKeyClause(d.quoteIdentifier(QStringLiteral("id")));
    if (!key.isEmpty())
        parts << QStringLiteral("  ") + key;
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (\n%2\n)")
               .arg(d.quoteIdentifier(t.name), parts.join(QStringLiteral(",\n")))
        + d.tableOptions();
}

QStringList installStatements(DriverKind dialect, const QStringList &existingTables)
{
    QStringList out;
    for (const TableDef &t : tables()) {
        const bool exists = std::any_of(existingTables.begin(), existingTables.end(),
            [&](const QString &e) { return e.compare(t.name, Qt::CaseInsensitive) == 0; });
        if (!exists)
            out << createTableSql(t, dialect);
    }
    return out;
}

} // namespace TrongateSchema
