#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class GridModel;

// Writes a grid's filtered, sorted rows to CSV (RFC 4180) as they stream from the database.
// Token strings stay masked unless the person asked for them.
class CsvExporter final {
    Q_DECLARE_TR_FUNCTIONS(CsvExporter)

public:
    struct Result {
        bool ok = false;
        bool cancelled = false;
        qint64 rows = 0;
        QString error;
    };
    // progress(rowsWritten) returns false to cancel; the partial file is then removed.
    static Result write(const GridModel &model, const QString &path, bool includeSecrets,
        const std::function<bool(qint64)> &progress = {});
    static QString escape(const QString &field);
};
