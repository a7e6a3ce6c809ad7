#pragma once

#include "GridPage.h"

class UsersModel;

class UsersPage final : public GridPage {
    Q_OBJECT

public:
    UsersPage(Prompter &prompter, QWidget *parent = nullptr);
    UsersModel *users() const;
    QList<qint64> selectedUserIds() const;

signals:
    void issueRequested(const QList<qint64> &userIds);
    void revokeAllRequested(qint64 userId);

protected:
    GridModel *createModel(const QSqlDatabase &db, GridModel::Clock clock) override;
    void configureView() override;
    void addRow() override;
    void deleteSelected() override;
};
