#pragma once

#include <QString>

// Why a service call changed nothing. The two kinds map onto the command line's exit codes:
// Refused (1) means the input was wrong and the person can fix it; Database (2) means the
// database failed and the transaction was rolled back.
struct ServiceError {
    enum class Kind { None, Refused, Database };

    Kind kind = Kind::None;
    QString message; // a sentence a person can act on; never a whole token or a password
    // Another session or cluster node won the same rows (SqlTransaction::isConflict): nothing was
    // written, and trying again is right. kind stays Database.
    bool conflict = false;

    bool isSet() const { return kind != Kind::None; }

    // Helpers for the services: fill *error when given and return false.
    static bool refuse(ServiceError *error, const QString &message);
    static bool database(ServiceError *error, const QString &message);
};
