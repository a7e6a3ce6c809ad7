#pragma once

#include "GridModel.h"
#include "schema/IdentityLookup.h"

// trongate_users: id, code, level (shown by its title), the person behind the row in the
// application tables, and how many tokens the user holds and how many are still valid.
class UsersModel final : public GridModel {
    Q_OBJECT

public:
    enum Column { IdColumn, CodeColumn, LevelColumn, IdentityColumn, TokensColumn, ValidTokensColumn, ColumnCount };

    explicit UsersModel(QSqlDatabase db, Clock clock, QObject *parent = nullptr);
    ~UsersModel() override { detachFromWorker(); }

    // Adds a user with a fresh code from the CSPRNG; returns the view row, -1 when no code could be made.
    int addUser(qint64 levelId);
    // When these users are deleted on Save, delete their tokens too (Trongate's advice) or keep them.
    void setDeleteTokensWithUsers(const QList<qint64> &userIds, bool deleteTokens);
    // Levels for the level editor: id -> title (the levels table is small by nature; capped anyway).
    QList<QPair<qint64, QString>> levels(int limit = 1000) const;
    // The level a new user gets: the last non-admin level (see the .cpp); 0 when there is none.
    qint64 leastPrivilegedLevel() const;
    static QString validateCode(const QString &code);

protected:
    QString tableName() const override;
    QStringList baseColumns() const override;
    QList<ColumnSpec> columnSpecs() const override;
    QVariant cellData(const Row &row, const QVariantList &values, int column, int role) const override;
    TwinMaker twinMaker() const override;
    QString convertEdit(int column, const QVariant &input, qint64 id, QVariant *stored) const override;
    QStringList extraFilterClauses(
        const QSqlDatabase &db, const QString &text, int column, QVariantList *values) const override;
    void enrich(const QSqlDatabase &db, QList<Row> &rows) const override;
    // Who each user is (the application's tables) and the token counts (without an index on
    // user_id a scan of trongate_tokens): the first screen shows without them ("…") and they follow.
    bool hasLaterLookups() const override { return true; }
    void enrichLater(const QSqlDatabase &db, QList<Row> &rows) const override;
    QStringList alongColumns(const QSqlDatabase &db) const override;
    void takeAlong(Row &row, const QVariantList &values) const override;
    void rowsArrived(const QList<Row> &rows) override;
    void prepareSave(ChangeSet &changes) const override;
    QString validateRow(const QVariantList &values) const override;
    QVariantList duplicateValues(const QVariantList &values) const override;

private:
    // Who already has this code ("user 52 (lena · lena@example.org)"); empty when nobody does.
    QString codeHolder(const QString &code, qint64 exceptId) const;

    IdentityLookup m_identities;
    QHash<qint64, bool> m_deleteTokens;
    mutable QHash<qint64, QString> m_levelTitles; // level id -> title, as last read
};
