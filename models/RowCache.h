#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <limits>

// The rows of a sorted list that a view shows, held by their place in it, a page at a time: the
// one page cache behind the grids (GridModel) and the live list (ExpiryModel). It never holds the
// whole list: past its bound it forgets the pages farthest from where the person looks (setFocus).
// It knows which pages were read (a read that came back short, at the end of the list or after
// deletes, still counts as read), which pages are on their way and for which state of the list
// (ask/answer with the model's generation), and the row a keyset read starts from (anchorFor).
// Places shift as rows come and go above them (shift), as the live list's diffs do.
// Lives on the model's thread; never touched by a worker.
template<class Row>
class RowCache {
public:
    RowCache(int pageSize, int maxRows)
        : m_pageSize(pageSize)
        , m_maxRows(maxRows)
    {
    }

    int pageOf(int position) const { return position / m_pageSize; }
    int firstOf(int page) const { return page * m_pageSize; }
    // Just past the page's last place; wider than int: a list INT_MAX rows long (the most a view
    // shows) has its last page end there.
    qint64 endOf(int page) const { return qint64(firstOf(page)) + m_pageSize; }

    const Row *at(int position) const
    {
        const auto it = m_rows.constFind(position);
        return it == m_rows.cend() ? nullptr : &it.value();
    }
    bool holds(int position) const { return m_rows.contains(position); }
    // Calls f(row) for each held row of one page; f may change the row. Returns how many.
    template<class F>
    int forEachOfPage(int page, F f)
    {
        return walkPage(m_rows, page, f);
    }
    // A read of this page is held (all its rows, or fewer where the list had fewer).
    bool hasRead(int page) const { return m_read.contains(page); }
    int size() const { return int(m_rows.size()); }

    // The held rows of one page, in order (a read page's rows exactly as read).
    QList<Row> pageRows(int page) const
    {
        QList<Row> out;
        walkPage(m_rows, page, [&out](const Row &r) { out << r; });
        return out;
    }
    // The place of the first held row for which pred is true; -1 when none.
    template<class Pred>
    int positionOf(Pred pred) const
    {
        for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
            if (pred(it.value()))
                return it.key();
        return -1;
    }
    // Calls f(position, row) for each held row, in order; f may change the row.
    template<class F>
    void forEach(F f)
    {
        for (auto it = m_rows.begin(); it != m_rows.end(); ++it)
            f(it.key(), it.value());
    }

    // Where a keyset read of a page starts: the held row just above the page (read the rows after
    // it), else the held row just below it (fromNext: read the rows before it, backwards). None:
    // the page is read by its place (an OFFSET), a jump.
    struct Anchor {
        const Row *row = nullptr;
        bool fromNext = false;
        explicit operator bool() const { return row != nullptr; }
    };
    Anchor anchorFor(int page) const
    {
        Anchor a;
        const int first = firstOf(page);
        if (first > 0)
            a.row = at(first - 1);
        if (!a.row && endOf(page) <= std::numeric_limits<int>::max()) {
            a.row = at(int(endOf(page)));
            a.fromNext = a.row != nullptr;
        }
        return a;
    }

    // Keeps a page's read. The rows start at the page's first place, or with alignEnd end at its
    // last (a read backwards from the row below that came up short). Replace: they take the place
    // of what was held; KeepHeld: rows held already stay (the live list compares what the person
    // saw with the table at its next poll). Marked as read unless it is a short backwards read.
    enum class Held { Replace, Keep };
    void keepPage(int page, const QList<Row> &rows, Held held, bool alignEnd = false)
    {
        if (held == Held::Replace)
            removeRange(firstOf(page), endOf(page));
        const int start = alignEnd ? int(endOf(page) - rows.size()) : firstOf(page);
        for (int i = 0; i < rows.size(); ++i)
            if (held == Held::Replace || !m_rows.contains(start + i))
                m_rows.insert(start + i, rows.at(i));
        if (!alignEnd || rows.size() >= m_pageSize)
            m_read.insert(page);
        evict();
    }
    void put(int position, const Row &row) { m_rows.insert(position, row); }
    void remove(int position) { m_rows.remove(position); }

    // Rows from place from on move by delta (rows inserted above them, or removed when negative:
    // the rows in [from + delta, from) must be gone already). Reads are no longer page-aligned there.
    void shift(int from, int delta)
    {
        if (delta == 0)
            return;
        QMap<int, Row> shifted;
        for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
            shifted.insert(it.key() < from ? it.key() : it.key() + delta, it.value());
        m_rows = std::move(shifted);
        const int fromPage = pageOf(std::max(0, std::min(from, from + delta)));
        for (auto it = m_read.begin(); it != m_read.end();)
            it = *it >= fromPage ? m_read.erase(it) : std::next(it);
    }
    // Forgets the rows at place count and after (the list got shorter); the last page keeps its
    // read mark, its rows now end sooner.
    void truncate(int count)
    {
        removeRange(count, qint64(std::numeric_limits<int>::max()) + 1);
        for (auto it = m_read.begin(); it != m_read.end();)
            it = firstOf(*it) >= count ? m_read.erase(it) : std::next(it);
    }
    // Forgets every row outside [first, last) and every read mark.
    void keepOnly(int first, int last)
    {
        for (auto it = m_rows.begin(); it != m_rows.end();)
            it = it.key() >= first && it.key() < last ? std::next(it) : m_rows.erase(it);
        m_read.clear();
    }
    // Forgets every row, read and question (a new sort, filter or count).
    void clear()
    {
        m_rows.clear();
        m_read.clear();
        m_asked.clear();
    }

    // Where the person looks: eviction keeps the rows nearest to it.
    void setFocus(int first, int last)
    {
        m_focusFirst = first;
        m_focusLast = std::max(first, last);
    }

    // A page asked of a worker for the list's state generation: false when it is on its way for
    // that state already (ask nothing twice).
    bool ask(int page, quint64 generation)
    {
        if (const auto it = m_asked.constFind(page); it != m_asked.cend() && it.value() == generation)
            return false;
        m_asked.insert(page, generation);
        return true;
    }
    // The answer for that page came; whether it was asked for this state.
    bool answer(int page, quint64 generation)
    {
        const auto it = m_asked.find(page);
        if (it == m_asked.end() || it.value() != generation)
            return false;
        m_asked.erase(it);
        return true;
    }
    bool isAsked(int page) const { return m_asked.contains(page); }
    bool anyAsked() const { return !m_asked.isEmpty(); }
    // The worker that was asked is gone: everything is asked again, of the next one.
    void forgetAsked() { m_asked.clear(); }

private:
    // f(row) for each held row of the page, in order; how many. Rows is m_rows, const or not.
    template<class Rows, class F>
    int walkPage(Rows &rows, int page, F f) const
    {
        int n = 0;
        const qint64 end = endOf(page);
        for (auto it = rows.lowerBound(firstOf(page)); it != rows.end() && it.key() < end; ++it, ++n)
            f(it.value());
        return n;
    }
    // Forgets the rows at places [first, end); how many went.
    int removeRange(int first, qint64 end)
    {
        int removed = 0;
        for (auto it = m_rows.lowerBound(first); it != m_rows.end() && it.key() < end; ++removed)
            it = m_rows.erase(it);
        return removed;
    }
    qint64 distance(int page) const
    {
        const qint64 first = firstOf(page);
        const qint64 last = endOf(page) - 1;
        return first > m_focusLast ? first - m_focusLast : m_focusFirst > last ? m_focusFirst - last : 0;
    }
    // Past the bound, drops whole pages from whichever end of what is held lies farther from the
    // focus; never the pages the focus is on.
    void evict()
    {
        while (m_rows.size() > m_maxRows) {
            const int low = pageOf(m_rows.firstKey());
            const int high = pageOf(m_rows.lastKey());
            const int page = distance(low) >= distance(high) ? low : high;
            if (distance(page) == 0)
                return;
            m_read.remove(page);
            if (removeRange(firstOf(page), endOf(page)) == 0)
                return; // cannot be (the page holds the first or last row); never loop for good

        }
    }

    int m_pageSize;
    int m_maxRows;
    int m_focusFirst = 0;
    int m_focusLast = 0;
    QMap<int, Row> m_rows;
    QSet<int> m_read;
    QHash<int, quint64> m_asked;
};
