#pragma once

#include "GridPage.h"

class UsersModel;

class UsersPage final : public GridPage {
    Q_OBJECT

public:
    UsersPage(Prompter &prompter, QWidget *parent = nullptr);
    UsersModel *users() const;

protected:
    GridModel *createModel(const QSqlDatabase &db, GridModel::Clock clock) override;
    void configureView() override;
    void addRow() override;
    void deleteSelected() override;
};
