#pragma once

#include "sql/Dialect.h"

// SQLite: double-quoted names, NOCASE text, pragmas for the catalog, a database inside this
// process whose statements are stopped on its own handle.
class SqliteDialect final : public Dialect {
public:
    DriverKind kind() const override { return DriverKind::Sqlite; }

    QChar identifierQuote() const override { return QLatin1Char('"'); }
    QString likeOperator() const override;
    QString containsTest(const QString &quotedColumn) const override;
    QString nullSafeEquals(const QString &quotedColumn) const override;
    bool comparesTextCaseSensitively() const override { return false; }
    bool sortsNullsFirst() const override { return true; }
    QString serverClockSql() const override;

    QString autoIncrementColumnType() const override;
    QString integerType() const override;
    QString smallIntegerType(int displayWidth) const override;
    QString varcharType(int length) const override;
    QString caseInsensitiveCollation() const override;
    bool rollsBackDdl() const override { return true; }
    bool canAddForeignKeyToExistingTable() const override { return false; }

    QString beginReadOnlySql() const override;
    QString endReadOnlySql() const override;
    bool endsReadOnlyAfterStatements() const override { return true; }
    bool stopsStatementsInProcess() const override { return true; }

    QString tablesWithColumnSql() const override;
    QList<Column> columns(const QSqlDatabase &db, const QString &table, QString *error) const override;
    QList<Index> indexes(const QSqlDatabase &db, const QString &table) const override;
    QList<ForeignKey> foreignKeys(const QSqlDatabase &db, const QStringList &tables, QString *error) const override;
    QHash<QString, qint64> estimatedRows(const QSqlDatabase &db, const QStringList &tables) const override;
    QString rowUpperBoundSql(const QString &quotedTable) const override;

    bool readPrivileges(const QSqlDatabase &db, QHash<QString, TablePrivileges> &tables, QString *account,
        QString *error, const QList<QVariantList> *readAlready = nullptr) const override;

    ChangeCounter changeCounterQuery() const override;
};
