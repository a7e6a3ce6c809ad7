#include "BenchCases.h"
#include "BenchSupport.h"
#include "RepaintProbe.h"

#include "TokensModel.h"
#include "UserSearch.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

// The tokens grid at 1,000 and 1,000,000 rows (issue 3) and the user picker's search.
namespace {
constexpr int ScreenRows = 40; // what a maximised QTableView shows at once
constexpr int SearchRuns = 20;

QJsonObject header(const char *bench, const CaseArgs &a, const QSqlDatabase &db)
{
    return { { "bench", bench }, { "backend", Bench::backendOf(db) }, { "tokens", a.tokens }, { "users", a.users } };
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        Bench::die(q.lastError().text() + QStringLiteral(" in ") + sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        Bench::die(q.lastError().text() + QStringLiteral(" in ") + sql);
    return q.value(0);
}

// The code of a user who holds tokens (the owner of the token in the middle of the table), so
// that a filter by its start finds something, as it does when support staff paste a code.
QString codePrefix(const QSqlDatabase &db, int tokens)
{
    const QString code = scalar(db,
        QStringLiteral("SELECT u.code FROM trongate_tokens t JOIN trongate_users u ON u.id = t.user_id "
                       "WHERE t.id >= ? ORDER BY t.id LIMIT 1"),
        { std::max(1, tokens / 2) })
                             .toString();
    return code.left(4);
}

enum class Step { None, SortByExpiry, FilterUserCode, FilterAnyColumn, LastPage };

// Opens the grid as the tokens page does and paints its first screen; then, in the same process,
// one more step a person takes, also ending with a painted screen. The process's peak memory covers both.
void grid(const CaseArgs &a, const char *bench, Step step)
{
    QSqlDatabase db = Bench::open(a.url, QStringLiteral("bench"));
    QJsonObject o = header(bench, a, db);
    const QString prefix
        = step == Step::FilterUserCode || step == Step::FilterAnyColumn ? codePrefix(db, a.tokens) : QString();
    const Bench::Memory before = Bench::memory();
    const qint64 reads = Bench::serverRowReads(db);

    QElapsedTimer total;
    total.start();
    QElapsedTimer t;
    t.start();
    TokensModel model(db, [] { return QDateTime::currentSecsSinceEpoch(); });
    const double construct = Bench::seconds(t);
    t.restart();
    model.refresh();
    const double refresh = Bench::seconds(t);
    t.restart();
    int cells = RepaintProbe::paint(&model, 0, ScreenRows - 1);
    const double paint = Bench::seconds(t);
    const double firstScreen = Bench::seconds(total);
    if (model.rowCount() <= 0 || model.rowCount() != model.totalCount() || !model.lastError().isEmpty())
        Bench::die(QStringLiteral("%1: %2 rows, error %3")
                       .arg(QLatin1String(bench))
                       .arg(model.rowCount())
                       .arg(model.lastError()));

    t.restart();
    switch (step) {
    case Step::None:
        break;
    case Step::SortByExpiry: {
        model.sort(TokensModel::ExpiryColumn, Qt::DescendingOrder);
        cells = RepaintProbe::paint(&model, 0, ScreenRows - 1);
        const qint64 top = model.index(0, TokensModel::ExpiryColumn).data(GridModel::RawValueRole).toLongLong();
        const qint64 last
            = model.index(ScreenRows - 1, TokensModel::ExpiryColumn).data(GridModel::RawValueRole).toLongLong();
        o.insert("sorted", top >= last);
        break;
    }
    case Step::FilterUserCode:
    case Step::FilterAnyColumn:
        model.setFilter(prefix, step == Step::FilterUserCode ? int(TokensModel::UserColumn) : -1);
        cells = RepaintProbe::paint(&model, 0, ScreenRows - 1);
        o.insert("prefix_length", int(prefix.size()));
        o.insert("matching_rows", model.filteredCount());
        break;
    case Step::LastPage: {
        // Dragging the scroll bar to the bottom: the view paints the last screenful.
        const int last = model.rowCount() - 1;
        cells = RepaintProbe::paint(&model, std::max(0, last - ScreenRows + 1), last);
        o.insert("last_row", last);
        o.insert("last_row_is_newest",
            model.idAt(last) == scalar(db, QStringLiteral("SELECT MAX(id) FROM trongate_tokens")).toLongLong());
        break;
    }
    }
    const double stepSeconds = Bench::seconds(t);
    const Bench::Memory after = Bench::memory();
    if (!model.lastError().isEmpty())
        Bench::die(QLatin1String(bench) + QStringLiteral(": ") + model.lastError());

    if (step == Step::None) {
        o.insert("seconds", firstScreen);
    } else {
        o.insert("seconds", stepSeconds); // the step and its painted screen
        o.insert("first_screen_seconds", firstScreen);
    }
    o.insert("construct_seconds", construct);
    o.insert("refresh_seconds", refresh);
    o.insert("paint_seconds", paint);
    o.insert("cells_painted", cells);
    o.insert("cached_rows", model.cachedRowCount());
    o.insert("peak_rss_kib", after.peakKib);
    o.insert("rss_before_kib", before.rssKib);
    o.insert("peak_rss_growth_kib", after.peakKib - before.rssKib);
    if (reads >= 0)
        o.insert("server_row_reads", Bench::serverRowReads(db) - reads);
    Bench::report(o);
}
} // namespace

void BenchCases::gridFirstScreen(const CaseArgs &a)
{
    grid(a, "grid_first_screen", Step::None);
}

void BenchCases::gridSortByExpiry(const CaseArgs &a)
{
    grid(a, "grid_sort_expiry_desc", Step::SortByExpiry);
}

void BenchCases::gridFilterUserCode(const CaseArgs &a)
{
    grid(a, "grid_filter_user_code", Step::FilterUserCode);
}

void BenchCases::gridFilterAnyColumn(const CaseArgs &a)
{
    grid(a, "grid_filter_any_column", Step::FilterAnyColumn);
}

void BenchCases::gridLastPage(const CaseArgs &a)
{
    grid(a, "grid_last_page", Step::LastPage);
}

// The scroll bar dragged to the middle, then 5 pages scrolled down one at a time and 5 back up
// past the jump, each step a painted screen (40 rows) that needs a page not held yet: by each
// page's OFFSET (keyset off), then reading each from the page beside it (keyset, the grids' way).
// Keyset runs second in a fresh model on a server whose caches the first run warmed.
void BenchCases::gridScrollMiddle(const CaseArgs &a)
{
    QSqlDatabase db = Bench::open(a.url, QStringLiteral("bench"));
    for (const bool keyset : { false, true }) {
        for (const int column : { int(TokensModel::IdColumn), int(TokensModel::ExpiryColumn) }) {
            QJsonObject o = header("grid_scroll_middle", a, db);
            TokensModel model(db, [] { return QDateTime::currentSecsSinceEpoch(); });
            model.setKeysetPaging(keyset);
            model.refresh();
            if (column != TokensModel::IdColumn)
                model.sort(column, Qt::AscendingOrder);
            const int middle = model.rowCount() / 2;
            QElapsedTimer t;
            t.start();
            RepaintProbe::paint(&model, middle, middle + ScreenRows - 1);
            const double jump = Bench::seconds(t);
            QList<double> steps;
            constexpr int Page = 128;
            for (int k = 1; k <= 5; ++k) {
                const int first = std::min(model.rowCount() - ScreenRows, middle + k * Page);
                t.restart();
                RepaintProbe::paint(&model, first, first + ScreenRows - 1);
                steps << Bench::seconds(t);
            }
            for (int k = 1; k <= 5; ++k) {
                const int first = std::max(0, middle - k * Page);
                t.restart();
                RepaintProbe::paint(&model, first, first + ScreenRows - 1);
                steps << Bench::seconds(t);
            }
            if (!model.lastError().isEmpty())
                Bench::die(QStringLiteral("grid_scroll_middle: ") + model.lastError());
            std::sort(steps.begin(), steps.end());
            o.insert("keyset", keyset);
            o.insert("sort", column == TokensModel::IdColumn ? "id" : "expiry_date");
            o.insert("jump_seconds", jump);
            o.insert("step_seconds_median", steps.at(steps.size() / 2));
            o.insert("step_seconds_max", steps.last());
            o.insert("pages_by_offset", model.offsetReads());
            o.insert("pages_by_keyset", model.keysetReads());
            Bench::report(o);
        }
    }
}

void BenchCases::userSearch(const CaseArgs &a)
{
    QSqlDatabase db = Bench::open(a.url, QStringLiteral("bench"));
    const UserSearch search(db);
    // What support staff paste: the start of a user's code, or a piece of the person's e-mail
    // (here its local part, which names one member: the search cannot stop early).
    const QString code
        = scalar(db, QStringLiteral("SELECT code FROM trongate_users WHERE id = ?"), { std::max(1, a.users / 2) })
              .toString();
    const QString email = scalar(db,
        QStringLiteral("SELECT email FROM members WHERE trongate_user_id >= ? ORDER BY trongate_user_id LIMIT 1"),
        { std::max(1, a.users / 2) })
                              .toString();
    const QList<std::pair<const char *, QString>> kinds
        = { { "code_prefix", code.left(4) }, { "email_fragment", email.section(QLatin1Char('@'), 0, 0) } };
    for (const auto &[kind, text] : kinds) {
        QList<double> times;
        qsizetype hits = 0;
        const qint64 reads = Bench::serverRowReads(db);
        for (int i = 0; i < SearchRuns; ++i) {
            QElapsedTimer t;
            t.start();
            QString error;
            const QList<UserSearch::Hit> found = search.find(text, 50, &error);
            times << Bench::seconds(t);
            if (!error.isEmpty())
                Bench::die(error);
            hits = found.size();
        }
        QJsonObject o = header("user_search", a, db);
        o.insert("kind", kind);
        o.insert("text_length", int(text.size()));
        o.insert("runs", SearchRuns);
        o.insert("hits", hits);
        o.insert("median_seconds", Bench::median(times));
        o.insert("min_seconds", *std::min_element(times.begin(), times.end()));
        o.insert("max_seconds", *std::max_element(times.begin(), times.end()));
        if (reads >= 0)
            o.insert("server_row_reads_per_search", (Bench::serverRowReads(db) - reads) / SearchRuns);
        Bench::report(o);
    }
}
