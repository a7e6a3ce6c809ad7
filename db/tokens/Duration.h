#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

// Lifespans typed by a person: "3600" (seconds), "90s", "15m", "1h", "7d", "2w", or a sum such as
// "1h30m". Pure functions, so the rules can be tested without a database.
class Duration final {
    Q_DECLARE_TR_FUNCTIONS(Duration)

public:
    // Longer than this can never fit Trongate's expiry_date (a signed 32-bit Unix time).
    static constexpr qint64 MaxSeconds = 2147483647;

    // The number of seconds, or nullopt with error saying what to type instead. Refuses empty
    // text, garbage, fractions, negative and zero durations and anything above MaxSeconds.
    static std::optional<qint64> parse(const QString &text, QString *error = nullptr);
    // "2 d 3 h", "15 min", "45 s": the largest two units, for messages and listings.
    static QString format(qint64 seconds);
};
