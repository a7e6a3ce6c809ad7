#pragma once

#include "Prompter.h"

// Answers every question without a person: used when rendering screenshots with no display.
// It declines every change and reports warnings on stderr.
class ScreenshotPrompter final : public Prompter {
public:
    bool confirm(QWidget *, const QString &, const QString &, const QString &) override { return false; }
    void inform(QWidget *, const QString &, const QString &) override { }
    void warn(QWidget *parent, const QString &title, const QString &text, const QString &details) override;
    bool previewSql(QWidget *, const QString &, const QString &, const QStringList &, const QString &) override
    {
        return false;
    }
    int choose(QWidget *, const QString &, const QString &, const QStringList &, int) override { return -1; }
    UnsavedAnswer askUnsaved(QWidget *, const QString &) override { return UnsavedAnswer::Cancel; }
    ConflictAnswer resolveConflicts(QWidget *, const QList<ConflictRow> &) override
    {
        return ConflictAnswer::KeepEditing;
    }
    std::optional<PasswordAnswer> askPassword(QWidget *, const ConnectionProfile &, const QString &, bool) override;
};
