#include "Prompter.h"

#include "PasswordDialog.h"
#include "SqlPreviewDialog.h"

#include <QMessageBox>
#include <QPushButton>

bool WidgetPrompter::confirm(QWidget *parent, const QString &title, const QString &text, const QString &acceptLabel)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QPushButton *accept = box.addButton(acceptLabel, QMessageBox::AcceptRole);
    box.setDefaultButton(accept);
    box.exec();
    return box.clickedButton() == accept;
}

void WidgetPrompter::inform(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::information(parent, title, text);
}

void WidgetPrompter::warn(QWidget *parent, const QString &title, const QString &text, const QString &details)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    if (!details.isEmpty())
        box.setDetailedText(details);
    box.exec();
}

std::optional<Prompter::PasswordAnswer> WidgetPrompter::askPassword(
    QWidget *parent, const ConnectionProfile &profile, const QString &reason, bool keychainAvailable)
{
    PasswordDialog dialog(profile, reason, keychainAvailable, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return PasswordAnswer { dialog.password(), dialog.remember() };
}

bool WidgetPrompter::previewSql(QWidget *parent, const QString &title, const QString &introHtml,
    const QStringList &statements, const QString &acceptLabel)
{
    SqlPreviewDialog dialog(title, introHtml, statements, acceptLabel, parent);
    return dialog.exec() == QDialog::Accepted;
}
