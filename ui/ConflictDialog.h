#pragma once

#include "Prompter.h"

#include <QDialog>

class QTableWidget;

// Save found rows that someone else changed or deleted meanwhile: shows the loaded, the edited and
// the current value side by side, and lets the person decide. Nothing is overwritten silently.
class ConflictDialog final : public QDialog {
    Q_OBJECT

public:
    ConflictDialog(const QList<Prompter::ConflictRow> &rows, QWidget *parent = nullptr);
    Prompter::ConflictAnswer answer() const { return m_answer; }

private:
    void showValues(bool revealed);

    QList<Prompter::ConflictRow> m_rows;
    QTableWidget *m_table = nullptr;
    Prompter::ConflictAnswer m_answer = Prompter::ConflictAnswer::KeepEditing;
};
