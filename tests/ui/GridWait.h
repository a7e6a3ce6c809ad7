#pragma once

#include "GridPage.h"

#include <QTest>

// A grid in the window reads on the session's worker thread: its counts and first page arrive
// after showPage() returns. True once they have (false after timeoutMs: the test then fails).
inline bool gridLoaded(GridPage *page, int timeoutMs = 15000)
{
    return QTest::qWaitFor(
        [page] { return page && page->model() && page->model()->hasCounts() && !page->isLoading(); }, timeoutMs);
}
