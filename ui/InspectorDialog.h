#pragma once

#include "tokens/TokenService.h"

#include <QDialog>

class TokenActions;
class QLabel;
class QLineEdit;
class QPushButton;

// Ctrl+I: paste a token, see exactly what Trongate would decide for it on this database, and
// revoke it with one click. Where support staff live.
class InspectorDialog final : public QDialog {
    Q_OBJECT

public:
    InspectorDialog(TokenActions &actions, QWidget *parent = nullptr);
    void inspect(const QString &pasted);
    QString resultText() const;
    std::optional<TokenInspection> result() const { return m_result; }
    bool revoke();

private:
    TokenActions &m_actions;
    QLineEdit *m_input = nullptr;
    QLabel *m_output = nullptr;
    QPushButton *m_revoke = nullptr;
    std::optional<TokenInspection> m_result;
};
