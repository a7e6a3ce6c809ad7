#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVariant>

// How a token's expiry reads to a person, following Trongate's rules:
// valid while expiry_date > now; purged when expiry_date < now; NULL is never valid.
class ExpiryText final {
    Q_DECLARE_TR_FUNCTIONS(ExpiryText)

public:
    enum class Status { Valid, Expired, ExpiresNow, NoExpiry };

    static Status status(const QVariant &expiry, qint64 now);
    static QString statusText(Status status);
    // "in 3 h 12 min", "2 days ago", "in 45 s", "now".
    static QString relative(qint64 expiry, qint64 now);
    // The local date and time, e.g. "2026-11-22 14:05:09".
    static QString localDateTime(qint64 expiry);
    // Trongate stores expiry_date in a signed 32-bit int.
    static constexpr qint64 MaxExpiry = 2147483647;
};
