#pragma once

#include "connection/ConnectionProfile.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;

class PasswordDialog final : public QDialog {
    Q_OBJECT

public:
    PasswordDialog(
        const ConnectionProfile &profile, const QString &reason, bool keychainAvailable, QWidget *parent = nullptr);
    ~PasswordDialog() override;

    QString password() const;
    bool remember() const;

private:
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
};
