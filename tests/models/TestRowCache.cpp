#include "RowCache.h"

#include <QTest>

#include <limits>

// The page cache both the grids and the live list hold their rows in: what it keeps, where a
// keyset read starts, how places move as rows come and go, and what it forgets past its bound.
class TestRowCache final : public QObject {
    Q_OBJECT

private slots:
    void aPageReadIsHeldByPlace();
    void keysetReadsStartBesideAHeldRow();
    void aShortBackwardsReadSitsAboveTheRowBelowAndIsNotAWholePage();
    void rowsMoveWhenRowsComeAndGoAbove();
    void aShorterListForgetsItsTail();
    void pastTheBoundTheRowsFarthestFromTheScreenGo();
    void aPageIsAskedOncePerStateOfTheList();
    void theLastPageBeforeIntMaxIsHeldWhole();
    void theLastPageBeforeIntMaxCanBeForgotten();
};

namespace {
struct Item {
    int id = 0;
    QString text;
};

QList<Item> items(int first, int n)
{
    QList<Item> out;
    for (int i = 0; i < n; ++i)
        out << Item { first + i, QStringLiteral("row %1").arg(first + i) };
    return out;
}

QList<int> ids(const QList<Item> &rows)
{
    QList<int> out;
    for (const Item &r : rows)
        out << r.id;
    return out;
}
} // namespace

void TestRowCache::aPageReadIsHeldByPlace()
{
    RowCache<Item> cache(10, 100);
    QVERIFY(!cache.hasRead(2));
    cache.keepPage(2, items(20, 10), RowCache<Item>::Held::Replace);
    QVERIFY(cache.hasRead(2));
    QCOMPARE(cache.size(), 10);
    QVERIFY(!cache.at(19));
    QCOMPARE(cache.at(20)->id, 20);
    QCOMPARE(cache.at(29)->id, 29);
    QVERIFY(!cache.at(30));
    QCOMPARE(ids(cache.pageRows(2)), ids(items(20, 10)));

    // The last page of the list comes back short: read all the same (nothing to ask again).
    cache.keepPage(5, items(50, 3), RowCache<Item>::Held::Replace);
    QVERIFY(cache.hasRead(5));
    QVERIFY(!cache.at(53));

    // Replace: a new read of the page takes the place of the old (the grid's refresh of a page)...
    QList<Item> newer = items(20, 10);
    newer[0].text = QStringLiteral("edited elsewhere");
    cache.keepPage(2, newer.mid(0, 4), RowCache<Item>::Held::Replace);
    QCOMPARE(cache.at(20)->text, QStringLiteral("edited elsewhere"));
    QVERIFY(!cache.at(25)); // rows the new read did not bring are gone, not left from the old one
    // ... Keep: rows held stay (the live list compares what the person saw with the next poll).
    QList<Item> later = items(20, 10);
    later[0].text = QStringLiteral("not taken");
    cache.keepPage(2, later, RowCache<Item>::Held::Keep);
    QCOMPARE(cache.at(20)->text, QStringLiteral("edited elsewhere"));
    QCOMPARE(cache.at(25)->id, 25);
}

void TestRowCache::keysetReadsStartBesideAHeldRow()
{
    RowCache<Item> cache(10, 100);
    QVERIFY(!cache.anchorFor(0)); // nothing held: a jump, by place
    cache.keepPage(3, items(30, 10), RowCache<Item>::Held::Replace);
    // The page after a held one: from its last row on.
    const auto after = cache.anchorFor(4);
    QVERIFY(after);
    QCOMPARE(after.row->id, 39);
    QVERIFY(!after.fromNext);
    // The page before it: backwards from its first row.
    const auto before = cache.anchorFor(2);
    QVERIFY(before);
    QCOMPARE(before.row->id, 30);
    QVERIFY(before.fromNext);
    // Two pages away: nothing beside it.
    QVERIFY(!cache.anchorFor(5));
    QVERIFY(!cache.anchorFor(1));
    // Held on both sides: from the row above (the order the person scrolls in).
    cache.keepPage(5, items(50, 10), RowCache<Item>::Held::Replace);
    QCOMPARE(cache.anchorFor(4).row->id, 39);
    // A page above which only a short read is held (rows deleted since the count): not from it.
    RowCache<Item> shortAbove(10, 100);
    shortAbove.keepPage(0, items(0, 7), RowCache<Item>::Held::Replace);
    QVERIFY(!shortAbove.anchorFor(1));
}

void TestRowCache::aShortBackwardsReadSitsAboveTheRowBelowAndIsNotAWholePage()
{
    RowCache<Item> cache(10, 100);
    cache.keepPage(3, items(30, 10), RowCache<Item>::Held::Replace);
    // Read backwards from row 30: only 4 rows came (rows above went meanwhile). They are the four
    // just above it, and the page's top is still to read.
    cache.keepPage(2, items(26, 4), RowCache<Item>::Held::Keep, true);
    QVERIFY(!cache.hasRead(2));
    QVERIFY(!cache.at(25));
    QCOMPARE(cache.at(26)->id, 26);
    QCOMPARE(cache.at(29)->id, 29);
    // A whole page read backwards is a page read.
    cache.keepPage(1, items(10, 10), RowCache<Item>::Held::Keep, true);
    QVERIFY(cache.hasRead(1));
    QCOMPARE(cache.at(10)->id, 10);
}

void TestRowCache::rowsMoveWhenRowsComeAndGoAbove()
{
    RowCache<Item> cache(10, 100);
    cache.keepPage(0, items(0, 10), RowCache<Item>::Held::Replace);
    cache.keepPage(1, items(10, 10), RowCache<Item>::Held::Replace);
    // Three rows inserted at place 5: the rows from there on are three places lower.
    cache.shift(5, 3);
    for (int i = 0; i < 3; ++i)
        cache.put(5 + i, Item { 100 + i, QStringLiteral("new") });
    QCOMPARE(cache.at(4)->id, 4);
    QCOMPARE(cache.at(5)->id, 100);
    QCOMPARE(cache.at(8)->id, 5);
    QCOMPARE(cache.at(22)->id, 19);
    QCOMPARE(cache.size(), 23);
    // From the page of the change on, pages are no longer what was read there.
    QVERIFY(!cache.hasRead(0));
    QVERIFY(!cache.hasRead(1));
    // Two rows removed at place 0: everything below moves up.
    cache.remove(0);
    cache.remove(1);
    cache.shift(2, -2);
    QCOMPARE(cache.at(0)->id, 2);
    QCOMPARE(cache.at(20)->id, 19);
    QVERIFY(!cache.at(21));
    QCOMPARE(cache.positionOf([](const Item &r) { return r.id == 101; }), 4);
    QCOMPARE(cache.positionOf([](const Item &r) { return r.id == 0; }), -1);
    // A change below a page leaves its read alone.
    RowCache<Item> below(10, 100);
    below.keepPage(0, items(0, 10), RowCache<Item>::Held::Replace);
    below.keepPage(3, items(30, 10), RowCache<Item>::Held::Replace);
    below.shift(25, 1);
    QVERIFY(below.hasRead(0));
    QVERIFY(!below.hasRead(3));
    QCOMPARE(below.at(31)->id, 30);
}

void TestRowCache::aShorterListForgetsItsTail()
{
    RowCache<Item> cache(10, 100);
    for (int page = 0; page < 4; ++page)
        cache.keepPage(page, items(page * 10, 10), RowCache<Item>::Held::Replace);
    cache.truncate(25);
    QCOMPARE(cache.size(), 25);
    QVERIFY(!cache.at(25));
    QVERIFY(cache.hasRead(2)); // its rows now end sooner: nothing to ask
    QVERIFY(!cache.hasRead(3));
    cache.keepOnly(10, 15);
    QCOMPARE(cache.size(), 5);
    QVERIFY(!cache.hasRead(1)); // what was kept is rows, not pages
    cache.clear();
    QCOMPARE(cache.size(), 0);
}

void TestRowCache::pastTheBoundTheRowsFarthestFromTheScreenGo()
{
    RowCache<Item> cache(10, 50);
    cache.setFocus(200, 220);
    // The person scrolls down from the top to row 200: what is held stays within the bound, and
    // the pages around the screen stay, those farthest away (the top) go first.
    for (int page = 0; page <= 25; ++page) {
        cache.keepPage(page, items(page * 10, 10), RowCache<Item>::Held::Replace);
        QVERIFY2(cache.size() <= 50, qPrintable(QString::number(cache.size())));
    }
    for (int r = 200; r <= 220; ++r)
        QVERIFY2(cache.at(r), qPrintable(QString::number(r)));
    QVERIFY(!cache.at(0));
    QVERIFY(!cache.hasRead(0));
    QVERIFY(cache.hasRead(20));
    // Rows below the screen are farther than the last ones above: they go before them.
    cache.keepPage(30, items(300, 10), RowCache<Item>::Held::Replace);
    QVERIFY(!cache.at(300));
    QVERIFY(cache.at(190));
    // The screen itself is never dropped, even when it alone is over the bound.
    RowCache<Item> small(10, 15);
    small.setFocus(0, 29);
    small.keepPage(0, items(0, 10), RowCache<Item>::Held::Replace);
    small.keepPage(1, items(10, 10), RowCache<Item>::Held::Replace);
    small.keepPage(2, items(20, 10), RowCache<Item>::Held::Replace);
    QCOMPARE(small.size(), 30);
}

void TestRowCache::aPageIsAskedOncePerStateOfTheList()
{
    RowCache<Item> cache(10, 100);
    QVERIFY(!cache.anyAsked());
    QVERIFY(cache.ask(3, 1));
    QVERIFY(!cache.ask(3, 1)); // on its way
    QVERIFY(cache.isAsked(3));
    QVERIFY(cache.anyAsked());
    // The list changed (generation 2): the page is asked again for it, and the older answer does
    // not count as this one.
    QVERIFY(cache.ask(3, 2));
    QVERIFY(!cache.answer(3, 1));
    QVERIFY(cache.isAsked(3));
    QVERIFY(cache.answer(3, 2));
    QVERIFY(!cache.anyAsked());
    // Its worker went: asked again of the next.
    QVERIFY(cache.ask(4, 2));
    cache.forgetAsked();
    QVERIFY(cache.ask(4, 2));
    cache.clear();
    QVERIFY(!cache.anyAsked());
}

// A grid is at most INT_MAX rows long (GridModel::rowCount clamps): its last page starts at
// 2147483520, and first + pageSize is past INT_MAX.
void TestRowCache::theLastPageBeforeIntMaxIsHeldWhole()
{
    RowCache<Item> cache(128, 24 * 128);
    const int last = std::numeric_limits<int>::max() / 128; // 16777215, rows 2147483520..2147483647
    cache.keepPage(last, items(0, 100), RowCache<Item>::Held::Replace);
    QVERIFY(cache.hasRead(last));
    QCOMPARE(cache.at(cache.firstOf(last) + 99)->id, 99);
    // What the grid's later look-ups (requestLater) send for the page: its rows.
    QCOMPARE(cache.pageRows(last).size(), 100);
}

void TestRowCache::theLastPageBeforeIntMaxCanBeForgotten()
{
    // The person looked at the end of a huge grid, then went to the top and scrolled down.
    RowCache<Item> cache(128, 2 * 128);
    const int last = std::numeric_limits<int>::max() / 128;
    cache.setFocus(cache.firstOf(last), cache.firstOf(last) + 40);
    cache.keepPage(last, items(0, 128), RowCache<Item>::Held::Replace);
    cache.setFocus(0, 40);
    cache.keepPage(0, items(0, 128), RowCache<Item>::Held::Replace);
    cache.keepPage(1, items(128, 128), RowCache<Item>::Held::Replace); // over the bound: the end goes
    QCOMPARE(cache.size(), 256);
    QVERIFY(!cache.hasRead(last));
}

QTEST_APPLESS_MAIN(TestRowCache)
#include "TestRowCache.moc"
