#pragma once

#include "Prompter.h"

#include <QQueue>
#include <QStringList>

// Answers the console's questions from a script and records what was asked.
class ScriptedPrompter final : public Prompter {
public:
    QQueue<bool> confirmAnswers; // empty queue answers "no"
    QQueue<std::optional<PasswordAnswer>> passwordAnswers;
    bool acceptSql = false;
    QQueue<int> choices; // empty queue answers -1 (cancel)
    QQueue<UnsavedAnswer> unsavedAnswers; // empty queue answers Cancel
    QQueue<ConflictAnswer> conflictAnswers; // empty queue answers KeepEditing
    QList<QList<ConflictRow>> conflictsShown;
    QStringList asked; // titles and texts of every question
    QStringList warnings; // texts of every warning
    QStringList previewedSql;

    bool confirm(QWidget *, const QString &title, const QString &text, const QString &) override
    {
        asked << title + QStringLiteral(": ") + text;
        return confirmAnswers.isEmpty() ? false : confirmAnswers.dequeue();
    }
    void inform(QWidget *, const QString &title, const QString &text) override
    {
        asked << title + QStringLiteral(": ") + text;
    }
    void warn(QWidget *, const QString &, const QString &text, const QString &) override { warnings << text; }
    bool previewSql(
        QWidget *, const QString &, const QString &, const QStringList &statements, const QString &) override
    {
        previewedSql << statements;
        return acceptSql;
    }
    int choose(QWidget *, const QString &title, const QString &text, const QStringList &options, int) override
    {
        asked << title + QStringLiteral(": ") + text + QStringLiteral(" [") + options.join(QStringLiteral(" | "))
                + QLatin1Char(']');
        return choices.isEmpty() ? -1 : choices.dequeue();
    }
    UnsavedAnswer askUnsaved(QWidget *, const QString &text) override
    {
        asked << QStringLiteral("unsaved: ") + text;
        return unsavedAnswers.isEmpty() ? UnsavedAnswer::Cancel : unsavedAnswers.dequeue();
    }
    ConflictAnswer resolveConflicts(QWidget *, const QList<ConflictRow> &rows) override
    {
        conflictsShown << rows;
        return conflictAnswers.isEmpty() ? ConflictAnswer::KeepEditing : conflictAnswers.dequeue();
    }
    std::optional<PasswordAnswer> askPassword(
        QWidget *, const ConnectionProfile &profile, const QString &reason, bool) override
    {
        asked << QStringLiteral("password for ") + profile.name + QStringLiteral(": ") + reason;
        return passwordAnswers.isEmpty() ? std::nullopt : passwordAnswers.dequeue();
    }
};
