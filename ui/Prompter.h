#pragma once

#include "connection/ConnectionProfile.h"

#include <QString>
#include <QWidget>

#include <optional>

// Every question the console asks a person goes through here, so tests can answer them
// without a modal dialog blocking the run.
class Prompter {
public:
    virtual ~Prompter() = default;
    virtual bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &acceptLabel) = 0;
    virtual void inform(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void warn(QWidget *parent, const QString &title, const QString &text, const QString &details = {}) = 0;
    // One of several answers (e.g. what to do with a deleted user's tokens); -1 when cancelled.
    virtual int choose(
        QWidget *parent, const QString &title, const QString &text, const QStringList &options, int defaultOption)
        = 0;
    enum class UnsavedAnswer { Save, Discard, Cancel };
    virtual UnsavedAnswer askUnsaved(QWidget *parent, const QString &text) = 0;
    // Someone else changed rows being saved: both versions are shown, the person decides.
    enum class ConflictAnswer { KeepEditing, Overwrite, DiscardMine };
    struct ConflictRow {
        QString row; // "token 17"
        QString column;
        QString loaded; // when the grid loaded it
        QString mine; // the unsaved edit
        QString current; // in the database now ("deleted" when gone)
        bool secret = false; // whole tokens: shown masked until the person asks to reveal them
    };
    virtual ConflictAnswer resolveConflicts(QWidget *parent, const QList<ConflictRow> &rows) = 0;
    // Shows the exact SQL a change would run; true when the person accepts it.
    virtual bool previewSql(QWidget *parent, const QString &title, const QString &introHtml,
        const QStringList &statements, const QString &acceptLabel)
        = 0;
    // The password for a profile; nullopt when the person cancels. reason explains why we ask.
    struct PasswordAnswer {
        QString password;
        bool remember = false;
    };
    virtual std::optional<PasswordAnswer> askPassword(
        QWidget *parent, const ConnectionProfile &profile, const QString &reason, bool keychainAvailable)
        = 0;
};

// The real thing: message boxes and the password dialog.
class WidgetPrompter final : public Prompter {
public:
    bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &acceptLabel) override;
    void inform(QWidget *parent, const QString &title, const QString &text) override;
    void warn(QWidget *parent, const QString &title, const QString &text, const QString &details) override;
    bool previewSql(QWidget *parent, const QString &title, const QString &introHtml, const QStringList &statements,
        const QString &acceptLabel) override;
    int choose(QWidget *parent, const QString &title, const QString &text, const QStringList &options,
        int defaultOption) override;
    UnsavedAnswer askUnsaved(QWidget *parent, const QString &text) override;
    ConflictAnswer resolveConflicts(QWidget *parent, const QList<ConflictRow> &rows) override;
    std::optional<PasswordAnswer> askPassword(
        QWidget *parent, const ConnectionProfile &profile, const QString &reason, bool keychainAvailable) override;
};
