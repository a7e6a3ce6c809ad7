#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

// Writes rows to a CSV file (RFC 4180) as they arrive, on whatever thread calls it. The file is
// readable by its owner only from its first byte, and written completely or not at all: a
// cancelled or failed export leaves no partial file behind (a file that was there before stays as
// it was). Cells are escaped against formula injection; what they hold (masked tokens or not) is
// the caller's business.
class CsvExporter final {
    Q_DECLARE_TR_FUNCTIONS(CsvExporter)

public:
    struct Result {
        bool ok = false;
        bool cancelled = false;
        // The file was opened for writing: a cancel or failure then threw away what was written.
        bool started = false;
        bool replaced = false; // the file existed before: it is kept as it was unless ok
        qint64 rows = 0;
        QString error;
    };
    // Takes one row's cells as shown (unescaped); false stops the rows.
    using Sink = std::function<bool(const QStringList &cells)>;
    // Hands every row to the sink, in order. False with error set when the rows could not be read
    // (a sink that stopped them is no error).
    using Rows = std::function<bool(const Sink &sink, QString *error)>;
    // progress(rowsWritten) before each row and once more before the file is kept; false cancels.
    using Progress = std::function<bool(qint64 rowsWritten)>;

    static Result write(
        const QString &path, const QStringList &headers, const Rows &rows, const Progress &progress = {});
    static QString escape(const QString &field);
};
