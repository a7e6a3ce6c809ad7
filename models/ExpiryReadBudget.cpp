#include "ExpiryReadBudget.h"

#include <algorithm>
#include <chrono>

namespace {
// Whether a part is cheap is judged by the least of its last three runs: a busy machine only ever
// makes a run slower than the read is, and a table that grows shows in three runs.
constexpr int CostsKept = 3;
} // namespace

ExpiryReadBudget::ExpiryReadBudget()
    : ExpiryReadBudget(Options {})
{
}

ExpiryReadBudget::ExpiryReadBudget(Options options)
    : m_options(std::move(options))
{
    if (!m_options.clockMs)
        m_options.clockMs = [] {
            return qint64(std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now().time_since_epoch())
                              .count());
        };
}

qint64 ExpiryReadBudget::nowMs() const
{
    return m_options.clockMs();
}

double ExpiryReadBudget::shareOf(Part part) const
{
    // Where the screen sits is the one a person notices first when it is off (rows read on scrolling
    // up would not meet the rows on screen), and it is a prefix of what the count reads: the
    // largest share. The count says "about" meanwhile; the timeline's bars are a picture.
    switch (part) {
    case Part::Above:
        return m_options.share * 0.4;
    case Part::Count:
    case Part::Timeline:
        return m_options.share * 0.3;
    }
    return m_options.share;
}

void ExpiryReadBudget::setKey(Part part, const QString &key)
{
    State &s = state(part);
    if (s.key == key)
        return;
    s = State {};
    s.key = key;
}

void ExpiryReadBudget::owe(Part part)
{
    state(part).owed = true;
}

bool ExpiryReadBudget::owes(Part part) const
{
    return state(part).owed;
}

double ExpiryReadBudget::estimate(Part part) const
{
    const QList<double> &costs = state(part).costs;
    if (costs.isEmpty())
        return m_options.minimumCost;
    return std::max(*std::min_element(costs.cbegin(), costs.cend()), m_options.minimumCost);
}

double ExpiryReadBudget::intervalSeconds(Part part) const
{
    // What the last run really cost, not the estimate: on a loaded server a run takes longer than
    // the estimate says, and the wait after it grows with it, so the share holds.
    const State &s = state(part);
    const double last = s.costs.isEmpty() ? 0 : std::max(s.costs.last(), m_options.minimumCost);
    const double share = shareOf(part);
    return share > 0 ? last / share : 0;
}

bool ExpiryReadBudget::due(Part part) const
{
    const State &s = state(part);
    if (!s.owed)
        return false;
    if (!s.lastStartMs || s.costs.isEmpty())
        return true;
    if (estimate(part) < m_options.cheapSeconds)
        return true;
    return double(nowMs() - *s.lastStartMs) >= intervalSeconds(part) * 1000.0;
}

void ExpiryReadBudget::ran(Part part, double seconds)
{
    State &s = state(part);
    const qint64 now = nowMs();
    const qint64 start = now - qint64(seconds * 1000.0);
    s.owed = false;
    s.lastStartMs = start;
    s.exactAtMs = start;
    s.costs << seconds;
    while (s.costs.size() > CostsKept)
        s.costs.removeFirst();
}

void ExpiryReadBudget::settle(Part part)
{
    State &s = state(part);
    s.owed = false;
    s.exactAtMs = nowMs();
}

std::optional<qint64> ExpiryReadBudget::age(Part part) const
{
    const State &s = state(part);
    if (!s.exactAtMs)
        return std::nullopt;
    return std::max<qint64>(0, nowMs() - *s.exactAtMs);
}
