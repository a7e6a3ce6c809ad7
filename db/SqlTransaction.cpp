#include "SqlTransaction.h"

#include <QSqlError>

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    m_active = m_db.transaction();
    if (!m_active)
        m_beginError = m_db.lastError().text();
}

SqlTransaction::~SqlTransaction()
{
    rollback();
}

bool SqlTransaction::commit(QString *error)
{
    if (!m_active)
        return false;
    if (!m_db.commit()) {
        if (error)
            *error = m_db.lastError().text();
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void SqlTransaction::rollback()
{
    if (!m_active)
        return;
    m_db.rollback();
    m_active = false;
}
