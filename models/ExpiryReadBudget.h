#pragma once

#include <QList>
#include <QString>

#include <array>
#include <functional>
#include <optional>

// How often the live view may pay for the reads that grow with the table. Each second it reads
// the rows on screen by key (bounded: an index range with a LIMIT); three reads count rows, and a
// B-tree count visits every entry it counts, index or not: the filtered rows, the rows before the
// screen's top key (where the screen sits in the list) and the timeline. At 1M tokens they cost
// tenths of a second each, and a PHP app that writes every second would have the console spend a
// server core on them.
//
// Each part therefore waits, after a run, (what that run cost / its share of wall time) before the
// next: with the default 10 % (4 % for the rows above, 3 % each for the count and the timeline) a
// 30 ms count runs every poll and a 300 ms one at most every 10 s. A part whose runs cost under
// `cheapSeconds` runs whenever needed: at one poll a second it costs no more than that per second.
// A part skipped while the table changed is owed and runs as soon as its interval has passed,
// whether the table changes again or not; until then the page says its figure may trail the table.
// The console's own actions ask for all of them at once (ExpiryPollRequest::exact).
class ExpiryReadBudget final {
public:
    enum class Part { Above, Count, Timeline };
    static constexpr int PartCount = 3;
    struct Options {
        double share = 0.10; // of wall time, for the three parts together
        double cheapSeconds = 0.010; // a part that costs less runs every time it is owed
        double minimumCost = 0; // seconds: a floor under every measured cost (deferral without 1M rows)
        std::function<qint64()> clockMs; // monotonic milliseconds; empty: a steady clock
    };

    ExpiryReadBudget();
    explicit ExpiryReadBudget(Options options);

    // What the part's next read is for (the filter; the timeline's span and filter). A new key
    // forgets what the part cost and owes it.
    void setKey(Part part, const QString &key);
    // The table may have changed since the part last ran.
    void owe(Part part);
    bool owes(Part part) const;
    // Owed, and its interval since its last run has passed (or it is cheap, or never ran).
    bool due(Part part) const;
    // It ran and took this long: no longer owed; its next run waits cost / share.
    void ran(Part part, double seconds);
    // Its figure is exact without a read of its own (derived from others): no longer owed.
    void settle(Part part);
    // Milliseconds since the part's figure was last exact; nullopt when it never was.
    std::optional<qint64> age(Part part) const;
    double estimate(Part part) const; // seconds: the least of its last runs
    double intervalSeconds(Part part) const; // the least time from its last run's start to the next
    qint64 nowMs() const;

private:
    struct State {
        QString key;
        bool owed = true;
        QList<double> costs; // the last few, newest last
        std::optional<qint64> lastStartMs;
        std::optional<qint64> exactAtMs;
    };
    const State &state(Part part) const { return m_parts.at(std::size_t(part)); }
    State &state(Part part) { return m_parts.at(std::size_t(part)); }
    double shareOf(Part part) const;

    Options m_options;
    std::array<State, PartCount> m_parts;
};
