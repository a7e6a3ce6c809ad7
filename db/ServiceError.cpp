#include "ServiceError.h"

bool ServiceError::refuse(ServiceError *error, const QString &message)
{
    if (error)
        *error = { Kind::Refused, message };
    return false;
}

bool ServiceError::database(ServiceError *error, const QString &message)
{
    if (error)
        *error = { Kind::Database, message };
    return false;
}
