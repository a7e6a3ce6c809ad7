#pragma once

#include "connection/ConnectionProfile.h"
#include "schema/SchemaGraph.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

// The visual query builder's picks and the one SELECT they make: tables joined along the
// diagram's relations (declared or inferred), columns with optional COUNT/MIN/MAX, criteria whose
// values are always bound, a sort and a row limit. The same statement comes out with positional
// placeholders (for Qt) and with :name placeholders (for Trongate's query_bind), and as a PHP
// snippet for a Trongate module model. Nothing but a single SELECT can come out: every identifier
// goes through Sql::quoteIdentifier, every value is a parameter, and isSingleSelect() checks the
// result before anything runs it.
class QueryBuilder final {
    Q_DECLARE_TR_FUNCTIONS(QueryBuilder)

public:
    enum class JoinType { Inner, Left };
    enum class Aggregate { None, Count, Min, Max };
    enum class Operator { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, Contains, IsNull, IsNotNull };

    struct ColumnPick {
        QString table;
        QString column; // empty with Count: COUNT(*)
        Aggregate aggregate = Aggregate::None;
    };
    // Adds the relation's other table to the query: the one of its two tables not in it yet.
    struct Join {
        SchemaGraph::Relation relation;
        JoinType type = JoinType::Inner;
    };
    struct Criterion {
        QString table;
        QString column;
        Operator op = Operator::Equal;
        QVariant value;
        bool now = false; // the value is the current Unix time when the query runs (time() in PHP)
        bool secret = false; // never written to the settings
    };
    struct SortKey {
        QString table;
        QString column;
        Aggregate aggregate = Aggregate::None;
        bool descending = false;
    };
    struct Query {
        QString baseTable;
        QList<ColumnPick> columns;
        QList<Join> joins;
        QList<Criterion> criteria;
        QList<SortKey> order;
        int limit = 0; // 0: no limit

        QStringList tables() const; // base first, then in join order
        bool isEmpty() const { return baseTable.isEmpty(); }
        // For saved queries: criteria marked secret keep their column and operator, not their value.
        QJsonObject toJson() const;
        static Query fromJson(const QJsonObject &o);
    };
    struct Parameter {
        QString name; // without the colon
        QVariant value;
        bool now = false;
        bool secret = false; // PHP gets it as a method argument, not written out
    };
    struct Statement {
        QString sql; // positional ? placeholders, for Sql::exec
        QString namedSql; // the same with :name placeholders, for Trongate's query_bind
        QList<Parameter> parameters; // in placeholder order
        QStringList headers; // the result's column names
        QString error; // why no statement could be made; then sql is empty
        QVariantList values(qint64 now) const;
        bool isValid() const { return error.isEmpty() && !sql.isEmpty(); }
    };

    static Statement build(const Query &query, DriverKind dialect);
    // The statement as a Trongate module model's method body.
    static QString phpSnippet(const Statement &statement, const QString &methodName = QStringLiteral("run_query"));
    // Whether sql is one SELECT and nothing else: no second statement, no comment, no write keyword
    // outside quoted names and strings, no SELECT ... INTO, no row locks.
    static bool isSingleSelect(const QString &sql, QString *why = nullptr);

    // The ways to bring table into a query that holds the tables in `from`: each path a list of
    // relations, shortest first, none longer than maxLength. More than one means the person chooses.
    static QList<QList<SchemaGraph::Relation>> paths(
        const SchemaGraph &graph, const QStringList &from, const QString &table, int maxLength = 3);

    static QString operatorText(Operator op);
    static QString aggregateText(Aggregate a);
    static bool takesValue(Operator op) { return op != Operator::IsNull && op != Operator::IsNotNull; }

    // The questions people ask, built on a graph that has the tables they need (missing ones are skipped).
    struct Named {
        QString id; // the same in every language, for scripts: "tokens-per-level"
        QString name;
        QString description;
        Query query;
    };
    static QList<Named> readyMade(const SchemaGraph &graph);
};
