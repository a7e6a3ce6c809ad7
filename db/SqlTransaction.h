#pragma once

#include <QSqlDatabase>
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
    QString beginError() const { return m_beginError; }
    bool commit(QString *error);
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_beginError;
};
