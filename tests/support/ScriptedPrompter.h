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
    std::optional<PasswordAnswer> askPassword(
        QWidget *, const ConnectionProfile &profile, const QString &reason, bool) override
    {
        asked << QStringLiteral("password for ") + profile.name + QStringLiteral(": ") + reason;
        return passwordAnswers.isEmpty() ? std::nullopt : passwordAnswers.dequeue();
    }
};
