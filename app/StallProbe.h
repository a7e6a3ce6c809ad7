#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

// Measures what a person feels as a frozen window, from inside: a 5 ms timer on the window's
// thread, and the gaps between its firings. Only for benchmarks: on when the environment names a
// report file (TGADMIN_STALL_REPORT); the report is one JSON object written when it is destroyed.
class StallProbe final : public QObject {
    Q_OBJECT

public:
    static constexpr const char *EnvironmentVariable = "TGADMIN_STALL_REPORT";
    explicit StallProbe(QObject *parent = nullptr);
    // Starts measuring (once the window is on screen: before, there is no window to freeze).
    void start();
    // Stops measuring (before taking a screenshot, which is not something a person waits for).
    void stop();
    ~StallProbe() override;
    bool active() const { return !m_file.isEmpty(); }
    // Notes when something a person waits for appeared (the diagram, then its orphan counts): the
    // report gives it as milliseconds since the epoch under "marks", for the benchmark that started
    // the process to subtract its start from. The first time of each name counts.
    void mark(const QString &name);
    qint64 longestStallMs() const { return m_longest; }

private:
    void tick();

    QString m_file;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0; // the longest gap beyond the timer's own 5 ms
    qint64 m_longestEndMs = 0; // when it ended, since the epoch: which step of a session froze
    qint64 m_frozenMs = 0; // the sum of gaps over 50 ms
    int m_stallsOver50 = 0;
    QJsonObject m_marks;
};
