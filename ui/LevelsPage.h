#pragma once

#include "GridPage.h"

class LevelsModel;

class LevelsPage final : public GridPage {
    Q_OBJECT

public:
    LevelsPage(Prompter &prompter, QWidget *parent = nullptr);
    LevelsModel *levels() const;

signals:
    void revokeAllRequested(qint64 levelId, const QString &title);

protected:
    GridModel *createModel(const QSqlDatabase &db, GridModel::Clock clock) override;
    void configureView() override;
    void addRow() override;
    void deleteSelected() override;

private:
    // Asks before a title another level already has is accepted; true: go ahead.
    bool acceptTitle(int row, const QString &title);
};
