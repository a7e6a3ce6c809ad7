#pragma once

#include "UserSearch.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

// Picks a user by id, code prefix, or the username/e-mail in the application tables. Searches in
// the database as the person types (50 results at most), never loading the users table.
class UserPickerDialog final : public QDialog {
    Q_OBJECT

public:
    // worker: where the searches run (the session's); without one they run on db here.
    UserPickerDialog(const QSqlDatabase &db, class DbWorker *worker = nullptr, QWidget *parent = nullptr);
    qint64 selectedUserId() const;
    // Starts a search at once (the typing path waits 150 ms); its hits replace the list when they
    // arrive, unless a newer search was started meanwhile.
    void search(const QString &text);
    bool isSearching() const { return m_searching; }
    int resultCount() const;

private:
    void showHits(const QList<UserSearch::Hit> &hits, const QString &error);

    UserSearch m_search;
    QPointer<class DbWorker> m_worker;
    quint64 m_generation = 0;
    bool m_searching = false;
    QLineEdit *m_edit = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_debounce = nullptr;
};
