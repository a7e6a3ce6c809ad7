#include "BenchCases.h"

#include <utility>

namespace {
const std::pair<const char *, void (*)(const CaseArgs &)> Cases[] = {
    { "grid-first-screen", BenchCases::gridFirstScreen },
    { "grid-sort-expiry", BenchCases::gridSortByExpiry },
    { "grid-filter-user-code", BenchCases::gridFilterUserCode },
    { "grid-filter-any-column", BenchCases::gridFilterAnyColumn },
    { "grid-last-page", BenchCases::gridLastPage },
    { "grid-scroll-middle", BenchCases::gridScrollMiddle },
    { "user-search", BenchCases::userSearch },
    { "live", BenchCases::live },
    { "live-ticks-only", BenchCases::liveTicksOnly },
    { "live-poll", BenchCases::livePoll },
    { "token-index", BenchCases::tokenIndex },
};
} // namespace

QStringList CaseArgs::toArguments() const
{
    return { QStringLiteral("--case"), name, QStringLiteral("--db"), url, QStringLiteral("--tokens"),
        QString::number(tokens), QStringLiteral("--users"), QString::number(users), QStringLiteral("--ticks"),
        QString::number(ticks) };
}

QStringList BenchCases::names()
{
    QStringList out;
    for (const auto &c : Cases)
        out << QString::fromLatin1(c.first);
    return out;
}

bool BenchCases::run(const CaseArgs &args)
{
    for (const auto &c : Cases) {
        if (args.name == QLatin1String(c.first)) {
            c.second(args);
            return true;
        }
    }
    return false;
}
