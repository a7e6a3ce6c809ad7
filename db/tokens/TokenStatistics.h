#pragma once

#include <QSqlDatabase>
#include <QString>

// Counts of trongate_tokens by what Trongate would do with them at `now`, in one pass.
// valid: expiry_date > now. purgeable: expiry_date < now (delete_old_tokens removes them).
// An expiry equal to now is neither; NULL is never valid and never purged.
struct TokenStatistics {
    qint64 total = 0;
    qint64 valid = 0;
    qint64 expiringWithinHour = 0;
    qint64 purgeable = 0;
    qint64 expiringNow = 0;
    qint64 noExpiry = 0;
    qint64 orphans = 0; // user row missing

    static bool read(const QSqlDatabase &db, qint64 now, TokenStatistics *out, QString *error);
};
