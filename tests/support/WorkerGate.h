#pragma once

#include "connection/DbWorker.h"

#include <QSemaphore>

#include <memory>

// Holds a DbWorker busy until released: what a long count on a big table looks like to whoever
// waits for that worker, without a big table or a timer. Released at the latest when it goes.
class WorkerGate final {
public:
    explicit WorkerGate(DbWorker &worker)
    {
        worker.run<int>(
            nullptr,
            [s = m_semaphore](QSqlDatabase &) {
                s->acquire();
                return 0;
            },
            {});
    }
    ~WorkerGate() { release(); }
    WorkerGate(const WorkerGate &) = delete;
    WorkerGate &operator=(const WorkerGate &) = delete;

    void release()
    {
        if (!m_released)
            m_semaphore->release();
        m_released = true;
    }

private:
    std::shared_ptr<QSemaphore> m_semaphore = std::make_shared<QSemaphore>();
    bool m_released = false;
};
