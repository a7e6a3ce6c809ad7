#pragma once

#include "connection/ConnectionProfile.h"
#include "sql/TablePrivileges.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// What differs between the databases we speak to, in one place per database: the SQL text they
// spell differently, what their catalogs answer and how, and what their transactions can do. One
// implementation per backend (MySqlDialect for MySQL and MariaDB, SqliteDialect, PostgresDialect),
// chosen for a connection by of(); callers ask the question and never name a backend.
// Instances are stateless and live for the whole program: a reference from of() may be kept.
class Dialect {
public:
    // A column as the catalog reports it, before SchemaInspector compares it with Trongate's.
    struct Column {
        QString name;
        QString type; // as declared, without its length ("varchar", "INTEGER", "character varying")
        int length = 0; // of a character type; 0 for the others
        bool nullable = true;
        bool primaryKey = false;
        bool autoIncrement = false;
        QVariant defaultValue; // as the catalog spells it; null when there is none
        bool defaultIsGenerated = false; // a sequence's nextval(): the key's numbering, not a default
    };
    struct Index {
        QString name;
        QStringList columns; // in key order
        bool unique = false;
        bool primary = false;
    };
    // A declared foreign key of one column.
    struct ForeignKey {
        QString table;
        QString column;
        QString parentTable;
        QString parentColumn;
        QString name;
    };
    // A statement whose answer (one row, the given column) changes whenever any data changes.
    struct ChangeCounter {
        QString sql;
        int column = 0;
    };

    virtual ~Dialect() = default;

    static DriverKind kindOf(const QSqlDatabase &db);
    static const Dialect &of(DriverKind kind);
    static const Dialect &of(const QSqlDatabase &db);

    virtual DriverKind kind() const = 0;

    // --- Names and text ---
    // Always wrapped in identifierQuote(), that character doubled inside, dots kept as part of the
    // name (DB Browser for SQLite's sqlb::escapeIdentifier does the same; Qt's escapeIdentifier
    // does neither reliably).
    QString quoteIdentifier(const QString &name) const;
    virtual QChar identifierQuote() const = 0;
    // " LIKE ? ESCAPE '!'" or its case-insensitive equivalent: text search that behaves alike on the
    // three databases. Bind a pattern made by Sql::likeContains() or Sql::likePrefix().
    virtual QString likeOperator() const = 0;
    // The start of a case-insensitive "column contains" test on a column of any type; the pattern
    // placeholder and " ESCAPE '!'" follow.
    virtual QString containsTest(const QString &quotedColumn) const = 0;
    // "column = ?" that is also true when both sides are NULL.
    virtual QString nullSafeEquals(const QString &quotedColumn) const = 0;
    // Whether Trongate's text columns (tokens, codes) compare case-sensitively as created here.
    virtual bool comparesTextCaseSensitively() const = 0;
    // Whether NULL comes before every value in ascending order (MySQL, SQLite) or after it
    // (PostgreSQL).
    virtual bool sortsNullsFirst() const = 0;
    // Keyset paging: the condition (no leading WHERE/AND) for the rows that follow the row
    // (value, id) in "ORDER BY column, id", both ascending or both descending; NULLs where this
    // backend sorts them. The values are appended to *values. quotedColumn empty: the order is by
    // id alone. Reading the next page this way costs the same at row 1,000,000 as at row 1; an
    // OFFSET walks every row it skips (with an index on the column; on PostgreSQL a nullable
    // column whose NULLs follow the values is the exception: "OR column IS NULL" leaves it no
    // index range). nullable false: the rows read exclude NULLs already (no "IS NULL" part).
    QString rowsAfter(const QString &quotedColumn, bool ascending, const QVariant &value, qint64 id,
        QVariantList *values, bool nullable = true) const;
    // A jump (a page read by its place, not from a row beside it): what follows FROM in place of
    // quotedTable for the rows at places [offset, offset + limit) of "SELECT ... FROM quotedTable
    // <where> <order>": their ids first, in a derived table, joined to the table by id. The sort
    // then holds ids and sort keys, not whole rows, and what the outer statement computes per row
    // (subqueries for the row's user, say) runs for the page's rows only, not for every row
    // skipped: at a million rows sorted by a column without an index, 11.4 s become 3.0 s on
    // SQLite and 0.6 s become 0.3 s on MariaDB. A join, not "id IN (...)": MariaDB turns an IN
    // past half the table into a scan of the whole table. The table keeps its name, so the outer
    // statement's columns mean what they meant; it has no WHERE of its own and orders by the same
    // order (the join's rows come in no order). The caller binds where's values, then limit and
    // offset, after the values of the outer select list.
    QString rowsAtPlace(const QString &quotedTable, const QString &where, const QString &order) const;
    // One row, one column: the server's clock in whole seconds since the epoch.
    virtual QString serverClockSql() const = 0;
    // Appended to an INSERT so that it answers the new row's id as a result row; empty where the
    // driver's lastInsertId() tells it.
    virtual QString insertedIdClause() const { return {}; }
    // Whether a native error code says the connection itself is gone (beyond the texts all share).
    virtual bool isLostConnectionCode(const QString &code) const;

    // --- Tables (DDL) ---
    // The type of an integer key that numbers itself; where primaryKeyClause() is empty it also
    // makes the column the primary key.
    virtual QString autoIncrementColumnType() const = 0;
    // ",  PRIMARY KEY (...)" part of CREATE TABLE for the key column, or empty when
    // autoIncrementColumnType() declares it.
    virtual QString primaryKeyClause(const QString &quotedColumn) const;
    virtual QString integerType() const = 0;
    // A small integer for flags and levels; displayWidth only where the database keeps one.
    virtual QString smallIntegerType(int displayWidth) const = 0;
    virtual QString varcharType(int length) const = 0;
    // Appended to a text column so that it compares without case, as Trongate's utf8mb4_general_ci
    // columns do; empty where the table options already say so.
    virtual QString caseInsensitiveCollation() const { return {}; }
    // After CREATE TABLE's closing parenthesis.
    virtual QString tableOptions() const { return {}; }
    // Whether CREATE/ALTER can be rolled back (MySQL commits DDL implicitly).
    virtual bool rollsBackDdl() const = 0;
    virtual bool canAddForeignKeyToExistingTable() const { return true; }

    // --- Read-only statements and stopping them ---
    // Run unprepared: neither server prepares transaction control.
    virtual QString beginReadOnlySql() const = 0;
    virtual QString endReadOnlySql() const = 0;
    // Whether a statement of the connection must be freed before endReadOnlySql() can run
    // (SQLite); the servers want the transaction rolled back first.
    virtual bool endsReadOnlyAfterStatements() const { return false; }
    // Whether the database runs inside this process (SQLite): a statement is stopped on the
    // connection's own handle, from any thread. Otherwise through a second connection, by the
    // session id sessionIdSql() answers.
    virtual bool stopsStatementsInProcess() const { return false; }
    virtual QString sessionIdSql() const { return {}; }
    // The same id without a round trip, from the client library Qt's driver has loaded, where it
    // is sure to be the server's (MariaDB: mysql_thread_id on the driver's handle); nullopt
    // otherwise: then sessionIdSql() asks the server. (PostgreSQL asks: behind a pooler such as
    // pgbouncer, libpq's backend pid is the pooler's invention.)
    virtual std::optional<qint64> sessionIdOfHandle(const QSqlDatabase &db) const;
    // Asks the server, through other, to stop what session sessionId runs. false when it refused
    // (error says why) or the database has no sessions.
    virtual bool cancelStatement(const QSqlDatabase &other, qint64 sessionId, QString *error) const;

    // --- Catalog ---
    // The tables that have a column of the bound name, in name order.
    virtual QString tablesWithColumnSql() const = 0;
    virtual QList<Column> columns(const QSqlDatabase &db, const QString &table, QString *error) const = 0;
    // Several tables' columns; one query where the catalog allows. Every table is a key.
    virtual QHash<QString, QList<Column>> columnsOf(
        const QSqlDatabase &db, const QStringList &tables, QString *error) const;
    virtual QList<Index> indexes(const QSqlDatabase &db, const QString &table) const = 0;
    virtual QHash<QString, QList<Index>> indexesOf(const QSqlDatabase &db, const QStringList &tables) const;
    // The declared foreign keys of tables (those of the servers only where both ends are in tables).
    virtual QList<ForeignKey> foreignKeys(const QSqlDatabase &db, const QStringList &tables, QString *error) const = 0;
    // The three above together, for a diagram: by default three reads; one statement where the
    // catalog allows (MySQL/MariaDB), a round trip instead of three to a far server.
    struct Structure {
        QHash<QString, QList<Column>> columns;
        QHash<QString, QList<Index>> indexes;
        QList<ForeignKey> foreignKeys;
    };
    virtual Structure structureOf(const QSqlDatabase &db, const QStringList &tables, QString *error) const;
    // The catalog's row estimate of each of tables that has one (keys spelled as in tables).
    virtual QHash<QString, qint64> estimatedRows(const QSqlDatabase &db, const QStringList &tables) const = 0;
    // One row, one column: a cheap upper bound of a table's rows where no estimate exists; empty
    // where the database has none.
    virtual QString rowUpperBoundSql(const QString &quotedTable) const
    {
        Q_UNUSED(quotedTable)
        return {};
    }
    // In one round trip, (table, column) for the username and e-mail columns of every table linked
    // to trongate_users by trongate_user_id, in no particular order (IdentityLookup::fromColumns
    // picks); empty where the catalog cannot say it in one query. No ORDER BY: it may be one
    // branch of a UNION ALL.
    virtual QString identityColumnsSql() const { return {}; }

    // --- The account ---
    // What the connected account may do on each of tables (keys: lower-case table names, each one
    // filled in), and the account as the server names it ('support'@'10.0.0.%'; left alone for
    // SQLite). false, error in the database's words, when the server would not tell.
    // readAlready: the rows of privilegesSql() when they were read already (with other catalog
    // reads, in one statement).
    virtual bool readPrivileges(const QSqlDatabase &db, QHash<QString, TablePrivileges> &tables, QString *account,
        QString *error, const QList<QVariantList> *readAlready = nullptr) const = 0;
    // One catalog query of 4 columns per row, the first a one-letter kind (a r g s t), whose rows
    // readPrivileges can take instead of reading them itself; it may be one branch of a UNION ALL.
    // Empty where privileges are not read so.
    virtual QString privilegesSql() const { return {}; }

    // --- Noticing changes ---
    virtual ChangeCounter changeCounterQuery() const = 0;
    // (storage engine, server version) of trongate_tokens, where that table keeps a time of its
    // last change worth reading with tokensTableChangeSql(); empty elsewhere.
    virtual QString tokensTableStorageSql() const { return {}; }
    // (last change of trongate_tokens, the server's clock, the log position), in seconds, or empty.
    virtual QString tokensTableChangeSql() const { return {}; }

protected:
    Dialect() = default;
    Dialect(const Dialect &) = delete;
    Dialect &operator=(const Dialect &) = delete;
    // Reads (name, estimate) rows, matching names without case (MySQL on a case-insensitive file
    // system may answer in another case) and keeping the spelling of tables.
    static QHash<QString, qint64> matchEstimates(QSqlQuery &q, const QStringList &tables);
    // Runs a catalog statement answering (table, column, referenced table, referenced column,
    // name) and keeps the keys between the given tables.
    static QList<ForeignKey> readForeignKeys(
        const QSqlDatabase &db, const QString &sql, const QStringList &tables, QString *error);
};
