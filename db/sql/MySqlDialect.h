#pragma once

#include "sql/Dialect.h"

// MySQL and MariaDB: backtick names, utf8mb4_general_ci text, information_schema catalogs that
// answer several tables in one query, DDL that commits itself.
class MySqlDialect final : public Dialect {
public:
    DriverKind kind() const override { return DriverKind::MySql; }

    QChar identifierQuote() const override { return QLatin1Char('`'); }
    QString likeOperator() const override;
    QString containsTest(const QString &quotedColumn) const override;
    QString nullSafeEquals(const QString &quotedColumn) const override;
    bool comparesTextCaseSensitively() const override { return false; }
    bool sortsNullsFirst() const override { return true; }
    QString serverClockSql() const override;
    bool isLostConnectionCode(const QString &code) const override;

    QString autoIncrementColumnType() const override;
    QString primaryKeyClause(const QString &quotedColumn) const override;
    QString integerType() const override;
    QString smallIntegerType(int displayWidth) const override;
    QString varcharType(int length) const override;
    QString tableOptions() const override;
    bool rollsBackDdl() const override { return false; }

    QString beginReadOnlySql() const override;
    QString endReadOnlySql() const override;
    QString sessionIdSql() const override;
    std::optional<qint64> sessionIdOfHandle(const QSqlDatabase &db) const override;
    bool cancelStatement(const QSqlDatabase &other, qint64 sessionId, QString *error) const override;

    QString tablesWithColumnSql() const override;
    QList<Column> columns(const QSqlDatabase &db, const QString &table, QString *error) const override;
    QHash<QString, QList<Column>> columnsOf(
        const QSqlDatabase &db, const QStringList &tables, QString *error) const override;
    QList<Index> indexes(const QSqlDatabase &db, const QString &table) const override;
    QHash<QString, QList<Index>> indexesOf(const QSqlDatabase &db, const QStringList &tables) const override;
    QList<ForeignKey> foreignKeys(const QSqlDatabase &db, const QStringList &tables, QString *error) const override;
    Structure structureOf(const QSqlDatabase &db, const QStringList &tables, QString *error) const override;
    QHash<QString, qint64> estimatedRows(const QSqlDatabase &db, const QStringList &tables) const override;
    QString identityColumnsSql() const override;

    bool readPrivileges(const QSqlDatabase &db, QHash<QString, TablePrivileges> &tables, QString *account,
        QString *error, const QList<QVariantList> *readAlready = nullptr) const override;
    QString privilegesSql() const override;

    ChangeCounter changeCounterQuery() const override;
    QString tokensTableStorageSql() const override;
    QString tokensTableChangeSql() const override;
};
