#pragma once

#include "sql/Dialect.h"

// PostgreSQL: double-quoted names, case-sensitive text (ILIKE for searches), identity columns,
// DDL inside transactions, pg_catalog for what information_schema does not say.
class PostgresDialect final : public Dialect {
public:
    DriverKind kind() const override { return DriverKind::Postgres; }

    QChar identifierQuote() const override { return QLatin1Char('"'); }
    QString likeOperator() const override;
    QString containsTest(const QString &quotedColumn) const override;
    QString nullSafeEquals(const QString &quotedColumn) const override;
    bool comparesTextCaseSensitively() const override { return true; }
    bool sortsNullsFirst() const override { return false; }
    QString serverClockSql() const override;
    QString insertedIdClause() const override;

    QString autoIncrementColumnType() const override;
    QString integerType() const override;
    QString smallIntegerType(int displayWidth) const override;
    QString varcharType(int length) const override;
    bool rollsBackDdl() const override { return true; }

    QString beginReadOnlySql() const override;
    QString endReadOnlySql() const override;
    QString sessionIdSql() const override;
    bool cancelStatement(const QSqlDatabase &other, qint64 sessionId, QString *error) const override;

    QString tablesWithColumnSql() const override;
    QList<Column> columns(const QSqlDatabase &db, const QString &table, QString *error) const override;
    QList<Index> indexes(const QSqlDatabase &db, const QString &table) const override;
    QList<ForeignKey> foreignKeys(const QSqlDatabase &db, const QStringList &tables, QString *error) const override;
    QHash<QString, qint64> estimatedRows(const QSqlDatabase &db, const QStringList &tables) const override;

    bool readPrivileges(const QSqlDatabase &db, QHash<QString, TablePrivileges> &tables, QString *account,
        QString *error, const QList<QVariantList> *readAlready = nullptr) const override;

    ChangeCounter changeCounterQuery() const override;
};
