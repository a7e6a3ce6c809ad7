#pragma once

#include "GridModel.h"

// trongate_user_levels: id, level_title, and how many users each level has.
class LevelsModel final : public GridModel {
    Q_OBJECT

public:
    enum Column { IdColumn, TitleColumn, UsersColumn, ColumnCount };

    explicit LevelsModel(QSqlDatabase db, Clock clock, QObject *parent = nullptr);
    ~LevelsModel() override { detachFromWorker(); }

    int addLevel(const QString &title = {});
    // How many trongate_users rows have this level now (in the database).
    qint64 usersOfLevel(qint64 levelId) const;
    // When the level is deleted on Save, its users move to target first (same transaction).
    void setMoveTarget(qint64 levelId, qint64 targetLevelId);
    static QString validateTitle(const QString &title);

protected:
    QString tableName() const override;
    QStringList baseColumns() const override;
    QList<ColumnSpec> columnSpecs() const override;
    QVariant cellData(const Row &row, const QVariantList &values, int column, int role) const override;
    TwinMaker twinMaker() const override;
    QString convertEdit(int column, const QVariant &input, qint64 id, QVariant *stored) const override;
    void enrich(const QSqlDatabase &db, QList<Row> &rows) const override;
    QStringList alongColumns(const QSqlDatabase &db) const override;
    void takeAlong(Row &row, const QVariantList &values) const override;
    void prepareSave(ChangeSet &changes) const override;
    QString validateRow(const QVariantList &values) const override;

private:
    QHash<qint64, qint64> m_moveTargets;
};
