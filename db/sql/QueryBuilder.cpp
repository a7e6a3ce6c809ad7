#include "sql/QueryBuilder.h"

#include "sql/Dialect.h"

#include "sql/SqlDialect.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace {
// The words that make a statement something other than a plain read. None of them can appear in
// what build() makes outside a quoted name, so finding one means the text did not come from it.
const QSet<QString> ForbiddenWords = {
    QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE"), QStringLiteral("REPLACE"),
    QStringLiteral("MERGE"), QStringLiteral("UPSERT"), QStringLiteral("DROP"), QStringLiteral("CREATE"),
    QStringLiteral("ALTER"), QStringLiteral("TRUNCATE"), QStringLiteral("RENAME"), QStringLiteral("GRANT"),
    QStringLiteral("REVOKE"), QStringLiteral("INTO"), QStringLiteral("CALL"), QStringLiteral("EXEC"),
    QStringLiteral("EXECUTE"), QStringLiteral("DO"), QStringLiteral("HANDLER"), QStringLiteral("LOAD"),
    QStringLiteral("LOCK"), QStringLiteral("UNLOCK"), QStringLiteral("SET"), QStringLiteral("PRAGMA"),
    QStringLiteral("ATTACH"), QStringLiteral("DETACH"), QStringLiteral("VACUUM"), QStringLiteral("COPY"),
    QStringLiteral("FOR"), QStringLiteral("OUTFILE"), QStringLiteral("DUMPFILE"), QStringLiteral("SHUTDOWN"),
    QStringLiteral("KILL"), QStringLiteral("BEGIN"), QStringLiteral("COMMIT"), QStringLiteral("ROLLBACK"),
    QStringLiteral("SAVEPOINT"), QStringLiteral("PREPARE"), QStringLiteral("DEALLOCATE"), QStringLiteral("LISTEN"),
    QStringLiteral("NOTIFY"), QStringLiteral("REINDEX"), QStringLiteral("ANALYZE"), QStringLiteral("OPTIMIZE"),
    QStringLiteral("WITH"), // a data-modifying CTE on PostgreSQL; build() never makes one
};

QString aggregateSql(QueryBuilder::Aggregate a)
{
    switch (a) {
    case QueryBuilder::Aggregate::Count:
        return QStringLiteral("COUNT");
    case QueryBuilder::Aggregate::Min:
        return QStringLiteral("MIN");
    case QueryBuilder::Aggregate::Max:
        return QStringLiteral("MAX");
    case QueryBuilder::Aggregate::None:
        break;
    }
    return {};
}

QString aggregateKey(QueryBuilder::Aggregate a)
{
    return aggregateSql(a).toLower();
}

QueryBuilder::Aggregate aggregateFromKey(const QString &k)
{
    if (k == QLatin1String("count"))
        return QueryBuilder::Aggregate::Count;
    if (k == QLatin1String("min"))
        return QueryBuilder::Aggregate::Min;
    if (k == QLatin1String("max"))
        return QueryBuilder::Aggregate::Max;
    return QueryBuilder::Aggregate::None;
}

const QStringList OperatorKeys
    = { QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("lt"), QStringLiteral("le"), QStringLiteral("gt"),
          QStringLiteral("ge"), QStringLiteral("contains"), QStringLiteral("null"), QStringLiteral("notnull") };

// A name PHP and PDO accept after the colon: letters, digits and underscores.
QString parameterBase(const QString &column)
{
    QString out;
    for (const QChar c : column.toLower())
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('_') ? c : QLatin1Char('_');
    if (out.isEmpty() || out.at(0).isDigit())
        out.prepend(QLatin1String("p_"));
    return out;
}

QString unique(const QString &base, QSet<QString> &taken)
{
    QString name = base;
    for (int i = 2; taken.contains(name); ++i)
        name = base + QLatin1Char('_') + QString::number(i);
    taken.insert(name);
    return name;
}

QString phpString(const QString &s)
{
    QString e = s;
    e.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    e.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + e + QLatin1Char('\'');
}

QString phpValue(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return QStringLiteral("NULL");
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QString::number(v.toLongLong());
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return phpString(v.toString());
    }
}

// Builds the positional and the named form side by side, so they cannot differ but in placeholders.
struct TwoForms {
    QString positional, named;
    void add(const QString &text)
    {
        positional += text;
        named += text;
    }
    void parameter(const QString &name)
    {
        positional += QLatin1Char('?');
        named += QLatin1Char(':') + name;
    }
};
} // namespace

QStringList QueryBuilder::Query::tables() const
{
    QStringList out;
    if (baseTable.isEmpty())
        return out;
    out << baseTable;
    for (const Join &j : joins) {
        const bool child = out.contains(j.relation.childTable);
        const bool parent = out.contains(j.relation.parentTable);
        if (child && !parent)
            out << j.relation.parentTable;
        else if (parent && !child)
            out << j.relation.childTable;
    }
    return out;
}

QJsonObject QueryBuilder::Query::toJson() const
{
    QJsonArray cols, js, crit, ord;
    for (const ColumnPick &c : columns)
        cols.append(QJsonObject { { QStringLiteral("table"), c.table }, { QStringLiteral("column"), c.column },
            { QStringLiteral("aggregate"), aggregateKey(c.aggregate) } });
    for (const Join &j : joins)
        js.append(QJsonObject { { QStringLiteral("childTable"), j.relation.childTable },
            { QStringLiteral("childColumn"), j.relation.childColumn },
            { QStringLiteral("parentTable"), j.relation.parentTable },
            { QStringLiteral("parentColumn"), j.relation.parentColumn },
            { QStringLiteral("declared"), j.relation.declared },
            { QStringLiteral("type"), j.type == JoinType::Left ? QStringLiteral("left") : QStringLiteral("inner") } });
    for (const Criterion &c : criteria) {
        QJsonObject o { { QStringLiteral("table"), c.table }, { QStringLiteral("column"), c.column },
            { QStringLiteral("op"), OperatorKeys.value(int(c.op)) }, { QStringLiteral("now"), c.now },
            { QStringLiteral("secret"), c.secret } };
        if (!c.secret && !c.now && c.value.isValid())
            o.insert(QStringLiteral("value"), QJsonValue::fromVariant(c.value));
        crit.append(o);
    }
    for (const SortKey &s : order)
        ord.append(QJsonObject { { QStringLiteral("table"), s.table }, { QStringLiteral("column"), s.column },
            { QStringLiteral("aggregate"), aggregateKey(s.aggregate) },
            { QStringLiteral("descending"), s.descending } });
    return QJsonObject { { QStringLiteral("base"), baseTable }, { QStringLiteral("columns"), cols },
        { QStringLiteral("joins"), js }, { QStringLiteral("criteria"), crit }, { QStringLiteral("order"), ord },
        { QStringLiteral("limit"), limit } };
}

QueryBuilder::Query QueryBuilder::Query::fromJson(const QJsonObject &o)
{
    Query q;
    q.baseTable = o.value(QStringLiteral("base")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject c = v.toObject();
        q.columns << ColumnPick { c.value(QStringLiteral("table")).toString(),
            c.value(QStringLiteral("column")).toString(),
            aggregateFromKey(c.value(QStringLiteral("aggregate")).toString()) };
    }
    for (const QJsonValue &v : o.value(QStringLiteral("joins")).toArray()) {
        const QJsonObject j = v.toObject();
        Join join;
        join.relation.childTable = j.value(QStringLiteral("childTable")).toString();
        join.relation.childColumn = j.value(QStringLiteral("childColumn")).toString();
        join.relation.parentTable = j.value(QStringLiteral("parentTable")).toString();
        join.relation.parentColumn = j.value(QStringLiteral("parentColumn")).toString();
        join.relation.declared = j.value(QStringLiteral("declared")).toBool();
        join.type
            = j.value(QStringLiteral("type")).toString() == QLatin1String("left") ? JoinType::Left : JoinType::Inner;
        q.joins << join;
    }
    for (const QJsonValue &v : o.value(QStringLiteral("criteria")).toArray()) {
        const QJsonObject c = v.toObject();
        Criterion crit;
        crit.table = c.value(QStringLiteral("table")).toString();
        crit.column = c.value(QStringLiteral("column")).toString();
        crit.op = Operator(std::max<qsizetype>(0, OperatorKeys.indexOf(c.value(QStringLiteral("op")).toString())));
        crit.now = c.value(QStringLiteral("now")).toBool();
        crit.secret = c.value(QStringLiteral("secret")).toBool();
        if (c.contains(QStringLiteral("value")))
            crit.value = c.value(QStringLiteral("value")).toVariant();
        q.criteria << crit;
    }
    for (const QJsonValue &v : o.value(QStringLiteral("order")).toArray()) {
        const QJsonObject s = v.toObject();
        q.order << SortKey { s.value(QStringLiteral("table")).toString(), s.value(QStringLiteral("column")).toString(),
            aggregateFromKey(s.value(QStringLiteral("aggregate")).toString()),
            s.value(QStringLiteral("descending")).toBool() };
    }
    q.limit = std::max(0, o.value(QStringLiteral("limit")).toInt());
    return q;
}

QVariantList QueryBuilder::Statement::values(qint64 now) const
{
    QVariantList out;
    for (const Parameter &p : parameters)
        out << (p.now ? QVariant(now) : p.value);
    return out;
}

QString QueryBuilder::operatorText(Operator op)
{
    switch (op) {
    case Operator::Equal:
        return QStringLiteral("=");
    case Operator::NotEqual:
        return QStringLiteral("<>");
    case Operator::Less:
        return QStringLiteral("<");
    case Operator::LessOrEqual:
        return QStringLiteral("<=");
    case Operator::Greater:
        return QStringLiteral(">");
    case Operator::GreaterOrEqual:
        return QStringLiteral(">=");
    case Operator::Contains:
        return tr("contains");
    case Operator::IsNull:
        return tr("is empty (NULL)");
    case Operator::IsNotNull:
        return tr("is not empty");
    }
    return {};
}

QString QueryBuilder::aggregateText(Aggregate a)
{
    switch (a) {
    case Aggregate::None:
        return tr("value");
    case Aggregate::Count:
        return tr("count");
    case Aggregate::Min:
        return tr("minimum");
    case Aggregate::Max:
        return tr("maximum");
    }
    return {};
}

QueryBuilder::Statement QueryBuilder::build(const Query &query, DriverKind dialect)
{
    Statement st;
    auto fail = [&st](const QString &why) {
        st.error = why;
        st.sql.clear();
        st.namedSql.clear();
        st.parameters.clear();
        st.headers.clear();
        return st;
    };
    if (query.baseTable.isEmpty())
        return fail(tr("Pick a table first."));

    // Every table once: the base, then each join brings exactly one new table.
    QStringList tables { query.baseTable };
    QStringList joinTables;
    for (const Join &j : query.joins) {
        const bool child = tables.contains(j.relation.childTable);
        const bool parent = tables.contains(j.relation.parentTable);
        if (child == parent)
            return fail(child
                    ? tr("The relation %1.%2 joins two tables already in the query; a table can take part only once.")
                          .arg(j.relation.childTable, j.relation.childColumn)
                    : tr("The relation %1.%2 does not touch any table of the query.")
                          .arg(j.relation.childTable, j.relation.childColumn));
        const QString added = child ? j.relation.parentTable : j.relation.childTable;
        tables << added;
        joinTables << added;
    }
    auto known = [&tables](const QString &table) { return tables.contains(table); };
    QStringList names = tables;
    for (const ColumnPick &c : query.columns) {
        if (!known(c.table))
            return fail(tr("The column %1.%2 belongs to a table that is not in the query.").arg(c.table, c.column));
        if (c.column.isEmpty() && c.aggregate != Aggregate::Count)
            return fail(tr("Only COUNT can count whole rows."));
        names << c.column;
    }
    for (const Criterion &c : query.criteria) {
        if (!known(c.table))
            return fail(tr("The criterion on %1.%2 names a table that is not in the query.").arg(c.table, c.column));
        names << c.column;
    }
    for (const SortKey &s : query.order)
        if (!known(s.table))
            return fail(tr("The sort on %1.%2 names a table that is not in the query.").arg(s.table, s.column));
    if (query.columns.isEmpty())
        return fail(tr("Tick at least one column."));
    for (const Join &j : query.joins)
        names << j.relation.childColumn << j.relation.parentColumn;
    for (const QString &n : names)
        if (const QString e = Sql::identifierError(n); !e.isEmpty())
            return fail(e);

    auto id = [dialect](const QString &name) { return Sql::quoteIdentifier(dialect, name); };
    auto column = [&id](const QString &table, const QString &col) { return id(table) + QLatin1Char('.') + id(col); };
    auto expression = [&](const QString &table, const QString &col, Aggregate a) {
        if (a == Aggregate::None)
            return column(table, col);
        return aggregateSql(a) + QLatin1Char('(') + (col.isEmpty() ? QStringLiteral("*") : column(table, col))
            + QLatin1Char(')');
    };

    // Result column names: the column's own, table_column where two tables share one, count_x for aggregates.
    QHash<QString, int> plainNames;
    for (const ColumnPick &c : query.columns)
        if (c.aggregate == Aggregate::None)
            ++plainNames[c.column];
    QSet<QString> takenHeaders;
    bool grouped = false;
    QStringList groupBy;
    TwoForms out;
    out.add(QStringLiteral("SELECT "));
    for (qsizetype i = 0; i < query.columns.size(); ++i) {
        const ColumnPick &c = query.columns.at(i);
        QString header;
        if (c.aggregate != Aggregate::None) {
            grouped = true;
            header = aggregateKey(c.aggregate) + (c.column.isEmpty() ? QString() : QLatin1Char('_') + c.column);
        } else {
            header = plainNames.value(c.column) > 1 ? c.table + QLatin1Char('_') + c.column : c.column;
            groupBy << column(c.table, c.column);
        }
        header = unique(header, takenHeaders);
        st.headers << header;
        out.add((i ? QStringLiteral(",\n       ") : QString()) + expression(c.table, c.column, c.aggregate)
            + QStringLiteral(" AS ") + id(header));
    }
    out.add(QStringLiteral("\nFROM ") + id(query.baseTable));
    for (qsizetype i = 0; i < query.joins.size(); ++i) {
        const Join &j = query.joins.at(i);
        out.add((j.type == JoinType::Left ? QStringLiteral("\nLEFT JOIN ") : QStringLiteral("\nINNER JOIN "))
            + id(joinTables.at(i)) + QStringLiteral(" ON ") + column(j.relation.childTable, j.relation.childColumn)
            + QStringLiteral(" = ") + column(j.relation.parentTable, j.relation.parentColumn));
    }

    QSet<QString> takenParameters;
    bool first = true;
    for (const Criterion &c : query.criteria) {
        out.add(first ? QStringLiteral("\nWHERE ") : QStringLiteral("\n  AND "));
        first = false;
        const QString col = column(c.table, c.column);
        switch (c.op) {
        case Operator::IsNull:
            out.add(col + QStringLiteral(" IS NULL"));
            continue;
        case Operator::IsNotNull:
            out.add(col + QStringLiteral(" IS NOT NULL"));
            continue;
        case Operator::Contains:
            // The same behaviour on the three: case-insensitive, on any column type, % and _ literal.
            out.add(Dialect::of(dialect).containsTest(col));
            break;
        default:
            out.add(col + QLatin1Char(' ') + operatorText(c.op) + QLatin1Char(' '));
            break;
        }
        const QString name = unique(c.now ? QStringLiteral("now") : parameterBase(c.column), takenParameters);
        out.parameter(name);
        if (c.op == Operator::Contains)
            out.add(QStringLiteral(" ESCAPE '!'"));
        QVariant value = c.value;
        if (c.op == Operator::Contains && !c.now)
            value = Sql::likeContains(value.toString());
        st.parameters << Parameter { name, value, c.now, c.secret };
    }

    if (grouped && !groupBy.isEmpty())
        out.add(QStringLiteral("\nGROUP BY ") + groupBy.join(QStringLiteral(", ")));
    if (!query.order.isEmpty()) {
        QStringList keys;
        for (const SortKey &s : query.order) {
            const QString e = expression(s.table, s.column, s.aggregate);
            // PostgreSQL refuses to sort a grouped query by a column it does not group by.
            if (grouped && s.aggregate == Aggregate::None && !groupBy.contains(e))
                return fail(
                    tr("A grouped query can only be sorted by a column it shows or by a count, minimum or maximum."));
            keys << e + (s.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC"));
        }
        out.add(QStringLiteral("\nORDER BY ") + keys.join(QStringLiteral(", ")));
    }
    // An int formatted here, not text anyone typed. Bound, PDO's emulated prepares would quote it
    // and MySQL refuses LIMIT '10'.
    if (query.limit > 0)
        out.add(QStringLiteral("\nLIMIT ") + QString::number(query.limit));

    st.sql = out.positional;
    st.namedSql = out.named;
    QString why;
    if (!isSingleSelect(st.sql, &why))
        return fail(why);
    return st;
}

bool QueryBuilder::isSingleSelect(const QString &sql, QString *why)
{
    auto no = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (sql.contains(QChar(0)))
        return no(Sql::identifierError(sql));
    QStringList words;
    QString word;
    auto endWord = [&] {
        if (!word.isEmpty())
            words << word.toUpper();
        word.clear();
    };
    const qsizetype n = sql.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('\'')) {
            endWord();
            // A quoted name or string: the quote doubled inside, nothing else ends it.
            qsizetype j = i + 1;
            for (;; ++j) {
                if (j >= n)
                    return no(tr("The statement has an unclosed quote."));
                if (c == QLatin1Char('\'') && sql.at(j) == QLatin1Char('\\'))
                    return no(tr("The statement has a backslash in a string."));
                if (sql.at(j) == c) {
                    if (j + 1 < n && sql.at(j + 1) == c) {
                        ++j;
                        continue;
                    }
                    break;
                }
            }
            i = j;
            continue;
        }
        if (c.isLetterOrNumber() || c == QLatin1Char('_')) {
            word += c;
            continue;
        }
        endWord();
        if (c == QLatin1Char(';'))
            return no(tr("Only one statement can be run, and this text holds a semicolon."));
        if (c == QLatin1Char('#') || c == QLatin1Char('$') || c == QLatin1Char('\\')
            || (c == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-'))
            || (c == QLatin1Char('/') && i + 1 < n && sql.at(i + 1) == QLatin1Char('*')))
            return no(tr("The statement holds a comment or a character the query builder never writes."));
    }
    endWord();
    if (words.isEmpty() || words.first() != QLatin1String("SELECT"))
        return no(tr("Only SELECT statements can be run here."));
    for (const QString &w : std::as_const(words))
        if (ForbiddenWords.contains(w))
            return no(tr("Only reading SELECT statements can be run here, and this one holds %1.").arg(w));
    return true;
}

QList<QList<SchemaGraph::Relation>> QueryBuilder::paths(
    const SchemaGraph &graph, const QStringList &from, const QString &table, int maxLength)
{
    QList<QList<SchemaGraph::Relation>> found;
    if (from.contains(table))
        return found;
    // Breadth first: the shortest ways only, each through tables not in the query yet.
    struct Partial {
        QString at;
        QList<SchemaGraph::Relation> steps;
        QStringList visited;
    };
    QList<Partial> level;
    for (const QString &f : from)
        level << Partial { f, {}, from };
    for (int length = 1; length <= maxLength && found.isEmpty() && !level.isEmpty(); ++length) {
        QList<Partial> next;
        for (const Partial &p : level)
            for (const SchemaGraph::Relation &r : graph.relations) {
                QString other;
                if (r.childTable == p.at)
                    other = r.parentTable;
                else if (r.parentTable == p.at)
                    other = r.childTable;
                else
                    continue;
                if (p.visited.contains(other))
                    continue;
                Partial q { other, p.steps, p.visited };
                q.steps << r;
                q.visited << other;
                if (other == table)
                    found << q.steps;
                else
                    next << q;
            }
        level = next;
    }
    return found;
}

QString QueryBuilder::phpSnippet(const Statement &statement, const QString &methodName)
{
    QString method = parameterBase(methodName);
    QStringList arguments;
    QStringList entries;
    for (const Parameter &p : statement.parameters) {
        QString value;
        if (p.now)
            value = QStringLiteral("time()");
        else if (p.secret || !p.value.isValid())
            value = QLatin1Char('$') + p.name; // left for the caller: a method argument
        else
            value = phpValue(p.value);
        if (value.startsWith(QLatin1Char('$')))
            arguments << QLatin1Char('$') + p.name;
        entries << QStringLiteral("        %1 => %2,").arg(phpString(p.name), value);
    }
    QString sql = statement.namedSql;
    sql.replace(QLatin1Char('\n'), QLatin1String("\n            "));
    QString out;
    out += QStringLiteral(
        "// In a module's model (modules/<module>/<Module>_model.php), as Trongate_tokens_model does.\n");
    out += QStringLiteral("public function %1(%2): array {\n").arg(method, arguments.join(QStringLiteral(", ")));
    out += QStringLiteral("    $sql = %1;\n").arg(phpString(sql));
    if (entries.isEmpty())
        out += QStringLiteral("    $params = [];\n");
    else
        out += QStringLiteral("    $params = [\n%1\n    ];\n").arg(entries.join(QLatin1Char('\n')));
    out += QStringLiteral("    return $this->db->query_bind($sql, $params, 'object');\n}\n");
    return out;
}

QList<QueryBuilder::Named> QueryBuilder::readyMade(const SchemaGraph &graph)
{
    QList<Named> out;
    const QString tokens = QStringLiteral("trongate_tokens");
    const QString users = QStringLiteral("trongate_users");
    const QString levels = QStringLiteral("trongate_user_levels");
    const QString admins = QStringLiteral("trongate_administrators");
    const SchemaGraph::Relation *tokenUser = graph.relation(tokens, QStringLiteral("user_id"));
    const SchemaGraph::Relation *userLevel = graph.relation(users, QStringLiteral("user_level_id"));
    const SchemaGraph::Relation *adminUser = graph.relation(admins, QStringLiteral("trongate_user_id"));
    const QString id = QStringLiteral("id");

    if (tokenUser && userLevel && adminUser && tokenUser->parentTable == users && userLevel->parentTable == levels) {
        Query q;
        q.baseTable = tokens;
        q.joins = { { *tokenUser, JoinType::Inner }, { *userLevel, JoinType::Inner }, { *adminUser, JoinType::Inner } };
        q.columns = { { tokens, QStringLiteral("token") }, { tokens, QStringLiteral("expiry_date") },
            { levels, QStringLiteral("level_title") }, { admins, QStringLiteral("username") },
            { admins, QStringLiteral("email") } };
        q.criteria = { { admins, QStringLiteral("username"), Operator::Equal, QString(), false, false },
            { tokens, QStringLiteral("expiry_date"), Operator::Greater, {}, true, false } };
        q.order = { { tokens, QStringLiteral("expiry_date"), Aggregate::None, true } };
        out << Named { QStringLiteral("valid-tokens-of-person"), tr("A person's valid tokens"),
            tr("The valid tokens of one administrator, with their level and e-mail address. Type the username in the "
               "criteria."),
            q };
    }
    if (tokenUser && userLevel && tokenUser->parentTable == users && userLevel->parentTable == levels) {
        Query q;
        q.baseTable = levels;
        q.joins = { { *userLevel, JoinType::Left }, { *tokenUser, JoinType::Left } };
        q.columns = { { levels, id }, { levels, QStringLiteral("level_title") }, { tokens, id, Aggregate::Count } };
        q.order = { { levels, id, Aggregate::None, false } };
        out << Named { QStringLiteral("tokens-per-level"), tr("Tokens per level"),
            tr("How many tokens the users of each level hold (expired ones included)."), q };
    }
    if (tokenUser && tokenUser->parentTable == users) {
        Query q;
        q.baseTable = users;
        q.joins = { { *tokenUser, JoinType::Left } };
        q.columns = { { users, id }, { users, QStringLiteral("code") }, { users, QStringLiteral("user_level_id") } };
        q.criteria = { { tokens, id, Operator::IsNull, {}, false, false } };
        q.order = { { users, id, Aggregate::None, false } };
        out << Named { QStringLiteral("users-without-tokens"), tr("Users without any token"),
            tr("Users that hold no token at all, valid or expired."), q };
    }
    for (const SchemaGraph::Relation &r : graph.relations) {
        const SchemaGraph::Table *child = graph.table(r.childTable);
        if (!child || r.childTable == r.parentTable)
            continue;
        Query q;
        q.baseTable = r.childTable;
        q.joins = { { r, JoinType::Left } };
        for (const SchemaGraph::Column &c : child->columns)
            q.columns << ColumnPick { r.childTable, c.name };
        q.criteria = { { r.childTable, r.childColumn, Operator::IsNotNull, {}, false, false },
            { r.parentTable, r.parentColumn, Operator::IsNull, {}, false, false } };
        out << Named { QStringLiteral("orphans:%1.%2").arg(r.childTable, r.childColumn),
            tr("Orphans of %1.%2").arg(r.childTable, r.childColumn),
            tr("Rows of %1 whose %2 names a row of %3 that does not exist.")
                .arg(r.childTable, r.childColumn, r.parentTable),
            q };
    }
    return out;
}
