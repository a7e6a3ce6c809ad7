#pragma once

#include <QCoreApplication>
#include <QList>

#include <QSqlDatabase>
#include <optional>

// How many tokens expire in each slice of the coming hour, day or week, how many already have
// (the backlog Trongate's purge would remove) and how many expire later. One grouped query over the
// span's range, one count of the rows before it and one of the rows after it: each an index range
// on expiry_date when there is one (together they still count every row once).
class ExpiryTimeline final {
    Q_DECLARE_TR_FUNCTIONS(ExpiryTimeline)

public:
    enum class Span { Hour, Day, Week };
    struct Slices {
        qint64 start = 0; // now
        qint64 sliceSeconds = 0;
        QList<qint64> counts; // one per slice
        qint64 expired = 0; // expiry_date < now
        qint64 later = 0; // beyond the span
        qint64 total() const;
    };

    static int sliceCount(Span span);
    static qint64 spanSeconds(Span span);
    static QString sliceLabel(Span span, int slice, qint64 start);
    // The statement compute() sends, for a caller that sends it along with parts of its own (UNION
    // ALL, a first column of the same kind: its own keys below -2): each row's first column is a
    // slice (0, 1, ...), -1 for the expired ones, -2 for those beyond the span. moreColumns (", NULL,
    // 1", say) follows each row's count, for a caller whose other parts have more columns.
    struct Statement {
        QString sql;
        QVariantList values;
    };
    static Statement statement(const QSqlDatabase &db, Span span, qint64 now, std::optional<qint64> levelId = {},
        std::optional<qint64> userId = {}, const QString &moreColumns = {});
    // An empty Slices for the span, to fill with take().
    static Slices empty(Span span, qint64 now);
    // One row of the statement's answer; false for a key that is not the timeline's.
    static bool take(qint64 key, qint64 count, Slices *out);
    // levelId / userId narrow the counts the way the list's filter does; queries, when given,
    // grows by the statements sent.
    static bool compute(const QSqlDatabase &db, Span span, qint64 now, Slices *out, QString *error,
        std::optional<qint64> levelId = {}, std::optional<qint64> userId = {}, int *queries = nullptr);
};
