#include "PasswordDialog.h"

#include "connection/SecretStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

PasswordDialog::PasswordDialog(
    const ConnectionProfile &profile, const QString &reason, bool keychainAvailable, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Password for %1").arg(profile.name));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Enter the password of <b>%1</b> on <b>%2</b>.")
                                 .arg(profile.user.toHtmlEscaped(), profile.displayName().toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (!reason.isEmpty()) {
        auto *why = new QLabel(reason, this);
        why->setWordWrap(true);
        why->setObjectName(QStringLiteral("reasonLabel"));
        layout->addWidget(why);
    }
    auto *form = new QFormLayout;
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    m_remember = new QCheckBox(tr("&Remember in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setChecked(keychainAvailable);
    m_remember->setEnabled(keychainAvailable);
    layout->addWidget(m_remember);
    if (!keychainAvailable) {
        auto *note = new QLabel(SecretStore::unavailableText(), this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

PasswordDialog::~PasswordDialog()
{
    // Do not leave the password in the widget's buffer longer than needed.
    m_password->clear();
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

bool PasswordDialog::remember() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}
