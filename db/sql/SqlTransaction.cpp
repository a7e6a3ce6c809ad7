#include "sql/SqlTransaction.h"

#include <QCoreApplication>
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
        m_conflicted = isConflict(m_db.lastError());
        if (error)
            *error = m_conflicted ? conflictMessage() : m_db.lastError().text();
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

bool SqlTransaction::isConflict(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("1213") || code == QLatin1String("1205") || code == QLatin1String("40001")
        || code == QLatin1String("40P01") || isConflictText(error.text());
}

bool SqlTransaction::isConflictText(const QString &text)
{
    // The servers' own words for 1213/1205, 40001/40P01 and SQLITE_BUSY, when only the text is left.
    return text.contains(QLatin1String("try restarting transaction"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("could not serialize access"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("deadlock detected"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("database is locked"), Qt::CaseInsensitive);
}

QString SqlTransaction::conflictMessage()
{
    return QCoreApplication::translate("SqlTransaction",
        "Another session or cluster node changed the same rows at the same moment, so the database "
        "refused this change as a whole: nothing was written. Look at the rows as they are now and try again.");
}

void SqlTransaction::rollback()
{
    if (!m_active)
        return;
    m_db.rollback();
    m_active = false;
}
