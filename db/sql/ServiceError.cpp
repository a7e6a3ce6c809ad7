#include "sql/ServiceError.h"

#include "sql/SqlTransaction.h"

bool ServiceError::refuse(ServiceError *error, const QString &message)
{
    if (error)
        *error = { Kind::Refused, message };
    return false;
}

bool ServiceError::database(ServiceError *error, const QString &message)
{
    // A certification failure or deadlock in any statement: said as the conflict it is, not as the
    // driver's raw text.
    if (error && SqlTransaction::isConflictText(message)) {
        *error = { Kind::Database, SqlTransaction::conflictMessage(), true };
        return false;
    }
    if (error)
        *error = { Kind::Database, message, message == SqlTransaction::conflictMessage()
                       || message.endsWith(SqlTransaction::conflictMessage()) };
    return false;
}
