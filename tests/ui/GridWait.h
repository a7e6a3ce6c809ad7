#pragma once

#include "GridPage.h"

#include <QSignalSpy>
#include <QTest>

// A grid in the window reads on the session's worker thread: its counts and first page arrive
// after showPage() returns, the cells that follow the rows (who the users are, token counts) right
// after. True once all have (false after timeoutMs: the test then fails).
inline bool gridLoaded(GridPage *page, int timeoutMs = 15000)
{
    return QTest::qWaitFor(
        [page] {
            return page && page->model() && page->model()->hasCounts() && !page->isLoading()
                && !page->model()->isLookingUp();
        },
        timeoutMs);
}

// An export runs on a thread of its own: starts one and lets the event loop turn until it has
// ended. True when it wrote its file.
inline bool exportAndWait(GridPage *page, const QString &path, bool includeSecrets, int timeoutMs = 60000)
{
    QSignalSpy done(page, &GridPage::exportFinished);
    if (!page->exportCsv(path, includeSecrets))
        return false;
    if (!QTest::qWaitFor([&done] { return !done.isEmpty(); }, timeoutMs))
        return false;
    return done.first().first().toBool();
}
