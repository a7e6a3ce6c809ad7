#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

// One transaction on a named connection, rolled back when it goes out of scope uncommitted, so
// every early return of a multi-row change leaves nothing half-written.
class SqlTransaction final {
public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool isActive() const { return m_active; }
    // The last commit failed because another session or cluster node won the same rows: a Galera
    // certification failure or an InnoDB deadlock / lock wait (MySQL 1213, 1205), a PostgreSQL
    // serialization failure or deadlock (40001, 40P01), SQLite's "database is locked".
    bool conflicted() const { return m_conflicted; }
    static bool isConflict(const QSqlError &error);
    static bool isConflictText(const QString &driverText);
    // In words: nothing was written, and why trying again is right.
    static QString conflictMessage();
    QString beginError() const { return m_beginError; }
    bool commit(QString *error);
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_beginError;
    bool m_conflicted = false;
};
