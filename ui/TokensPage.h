#pragma once

#include "GridPage.h"

#include <functional>

class TokensModel;

class TokensPage final : public GridPage {
    Q_OBJECT

public:
    TokensPage(Prompter &prompter, QWidget *parent = nullptr);
    TokensModel *tokens() const;
    // Picks a user; the default opens the picker dialog. Tests answer it directly.
    void setUserPicker(std::function<qint64()> picker) { m_picker = std::move(picker); }
    void copyToken(bool asHeader);
    int clipboardClearSeconds() const { return m_clipboardSeconds; }
    void setClipboardClearSeconds(int seconds) { m_clipboardSeconds = seconds; }
    // What the account may do with tokens right away (revoke: DELETE; extend/regenerate: UPDATE).
    void setTokenPermissions(bool revoke, bool change);

signals:
    // Immediate actions through the token service (unlike Delete, which waits for Save).
    void revokeRequested(const QList<qint64> &ids);
    void extendRequested(const QList<qint64> &ids);
    void regenerateRequested(const QList<qint64> &ids);

protected:
    GridModel *createModel(const QSqlDatabase &db, GridModel::Clock clock) override;
    void configureView() override;
    void addRow() override;
    bool exportHasSecrets() const override { return true; }

private:
    qint64 pickUser();
    void toggleReveal();
    QList<qint64> selectedIds() const;

    std::function<qint64()> m_picker;
    QAction *m_revokeNow = nullptr;
    QAction *m_extend = nullptr;
    QAction *m_regenerate = nullptr;
    int m_clipboardSeconds = 30;
};
