#pragma once

#include <QString>
#include <QStringList>

// The measurements that run in a fresh process of their own (tgadmin_bench --case NAME ...), so
// that the peak resident memory they report belongs to that measurement alone.
struct CaseArgs {
    QString name;
    QString url; // sqlite:PATH or mysql://user@host:port/db; the password in TRONGATE_DB_PASSWORD
    int tokens = 0; // the size the dataset was seeded with, repeated in the JSON lines
    int users = 0;
    int ticks = 1000;

    QStringList toArguments() const;
};

namespace BenchCases {
QStringList names();
// Runs the named case and prints its JSON lines; false when there is no such case.
bool run(const CaseArgs &args);

// BenchGrids.cpp
void gridFirstScreen(const CaseArgs &a);
void gridSortByExpiry(const CaseArgs &a);
void gridFilterUserCode(const CaseArgs &a);
void gridFilterAnyColumn(const CaseArgs &a);
void gridLastPage(const CaseArgs &a);
void gridScrollMiddle(const CaseArgs &a);
void userSearch(const CaseArgs &a);
// BenchLive.cpp
void live(const CaseArgs &a);
void liveTicksOnly(const CaseArgs &a); // what callgrind counts
// BenchLivePoll.cpp
void livePoll(const CaseArgs &a);
// BenchIndex.cpp
void tokenIndex(const CaseArgs &a);
} // namespace BenchCases
