#include "StallProbe.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

StallProbe::StallProbe(QObject *parent)
    : QObject(parent)
    , m_file(qEnvironmentVariable(EnvironmentVariable))
{
    m_timer.setInterval(5);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StallProbe::tick);
}

void StallProbe::start()
{
    if (!active() || m_timer.isActive())
        return;
    m_clock.start();
    m_last = 0;
    m_timer.start();
}

void StallProbe::mark(const QString &name)
{
    if (active() && !m_marks.contains(name))
        m_marks.insert(name, QDateTime::currentMSecsSinceEpoch());
}

StallProbe::~StallProbe()
{
    stop();
}

void StallProbe::stop()
{
    if (!active() || !m_timer.isActive())
        return;
    tick();
    m_timer.stop();
    QFile f(m_file);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(QJsonDocument(QJsonObject { { "longest_stall_ms", m_longest }, { "longest_stall_end", m_longestEndMs },
                                  { "frozen_ms_over_50", m_frozenMs },
                                  { "stalls_over_50ms", m_stallsOver50 }, { "observed_ms", m_clock.elapsed() }, { "marks", m_marks } })
                    .toJson(QJsonDocument::Compact));
}

void StallProbe::tick()
{
    const qint64 now = m_clock.elapsed();
    const qint64 gap = now - m_last - 5;
    m_last = now;
    if (gap > m_longest) {
        m_longest = gap;
        m_longestEndMs = QDateTime::currentMSecsSinceEpoch();
    }
    if (gap > 50) {
        m_frozenMs += gap;
        ++m_stallsOver50;
    }
}
