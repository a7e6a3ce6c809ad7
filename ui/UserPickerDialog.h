#pragma once

#include "UserSearch.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

// Picks a user by id, code prefix, or the username/e-mail in the application tables. Searches in
// the database as the person types (50 results at most), never loading the users table.
class UserPickerDialog final : public QDialog {
    Q_OBJECT

public:
    UserPickerDialog(const QSqlDatabase &db, QWidget *parent = nullptr);
    qint64 selectedUserId() const;
    void search(const QString &text); // runs at once (the typing path waits 150 ms)
    int resultCount() const;

private:
    UserSearch m_search;
    QLineEdit *m_edit = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_debounce = nullptr;
};
