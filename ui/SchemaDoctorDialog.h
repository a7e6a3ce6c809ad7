#pragma once

#include "schema/SchemaDoctor.h"

#include <QDialog>
#include <QPointer>

class Prompter;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

// The schema doctor's suggestions, each with its reasons and exact SQL. Applying asks once more
// with the full SQL, then runs each suggestion (in a transaction where the database allows).
class SchemaDoctorDialog final : public QDialog {
    Q_OBJECT

public:
    // suggestions: SchemaDoctor::suggest()'s, read before (it reads the database). The changes are
    // applied on worker (an index on a big table can take minutes); without one, on db here.
    SchemaDoctorDialog(const QSqlDatabase &db, class DbWorker *worker, const QList<SchemaDoctor::Suggestion> &suggestions,
        Prompter &prompter, QWidget *parent = nullptr);
    bool changedSomething() const { return m_changed; }
    int suggestionCount() const;
    // Applies the checked suggestions; returns how many succeeded.
    int applyChecked();
    void setChecked(const QString &id, bool checked);

signals:
    void applied(const QString &action, const QStringList &statements);

private:
    void showDetails();

    QSqlDatabase m_db;
    QPointer<class DbWorker> m_worker;
    class QPushButton *m_apply = nullptr;
    class QDialogButtonBox *m_buttons = nullptr;
    Prompter &m_prompter;
    QList<SchemaDoctor::Suggestion> m_suggestions;
    QListWidget *m_list = nullptr;
    QLabel *m_explanation = nullptr;
    QPlainTextEdit *m_sql = nullptr;
    QLabel *m_result = nullptr;
    bool m_changed = false;
};
