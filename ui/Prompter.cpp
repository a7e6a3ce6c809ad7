#include "Prompter.h"

#include "ConflictDialog.h"
#include "PasswordDialog.h"
#include "SqlPreviewDialog.h"

#include <QInputDialog>

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

int WidgetPrompter::choose(
    QWidget *parent, const QString &title, const QString &text, const QStringList &options, int defaultOption)
{
    if (options.size() <= 3) {
        QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
        QList<QPushButton *> buttons;
        for (const QString &o : options)
            buttons << box.addButton(o, QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        if (defaultOption >= 0 && defaultOption < buttons.size())
            box.setDefaultButton(buttons.at(defaultOption));
        box.exec();
        return int(buttons.indexOf(static_cast<QPushButton *>(box.clickedButton())));
    }
    bool ok = false;
    const QString picked = QInputDialog::getItem(parent, title, text, options, std::max(0, defaultOption), false, &ok);
    return ok ? int(options.indexOf(picked)) : -1;
}

Prompter::UnsavedAnswer WidgetPrompter::askUnsaved(QWidget *parent, const QString &text)
{
    const auto answer = QMessageBox::question(parent, QObject::tr("Unsaved changes"), text,
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return UnsavedAnswer::Save;
    if (answer == QMessageBox::Discard)
        return UnsavedAnswer::Discard;
    return UnsavedAnswer::Cancel;
}

Prompter::ConflictAnswer WidgetPrompter::resolveConflicts(QWidget *parent, const QList<ConflictRow> &rows)
{
    ConflictDialog dialog(rows, parent);
    dialog.exec();
    return dialog.answer();
}
