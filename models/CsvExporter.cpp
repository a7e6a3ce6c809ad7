#include "CsvExporter.h"

#include "GridModel.h"

#include <QSaveFile>
#include <QTextStream>

QString CsvExporter::escape(const QString &field)
{
    QString f = field;
    // A cell starting like a formula is kept as text by spreadsheets (CSV injection).
    if (!f.isEmpty() && QStringLiteral("=+-@\t\r").contains(f.front()))
        f.prepend(QLatin1Char('\''));
    if (f.contains(QLatin1Char(',')) || f.contains(QLatin1Char('"')) || f.contains(QLatin1Char('\n'))
        || f.contains(QLatin1Char('\r'))) {
        f.replace(QLatin1Char('"'), QLatin1String("\"\""));
        f = QLatin1Char('"') + f + QLatin1Char('"');
    }
    return f;
}

CsvExporter::Result CsvExporter::write(
    const GridModel &model, const QString &path, bool includeSecrets, const std::function<bool(qint64)> &progress)
{
    Result result;
    QSaveFile file(path); // written completely or not at all
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        result.error = tr("%1 could not be written: %2").arg(path, file.errorString());
        return result;
    }
    QTextStream out(&file);
    out.setEncoding(QStringConverter::Utf8);
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header << escape(model.headerData(c, Qt::Horizontal).toString());
    out << header.join(QLatin1Char(',')) << "\r\n";
    QString error;
    const bool ok = model.forEachFilteredRow(
        [&](const GridModel::Row &row) {
            QStringList cells;
            for (int c = 0; c < model.columnCount(); ++c)
                cells << escape(model.exportText(row, c, includeSecrets));
            out << cells.join(QLatin1Char(',')) << "\r\n";
            ++result.rows;
            if (progress && result.rows % 500 == 0 && !progress(result.rows)) {
                result.cancelled = true;
                return false;
            }
            return true;
        },
        &error);
    if (!ok) {
        result.error = error;
        file.cancelWriting();
        return result;
    }
    if (result.cancelled) {
        file.cancelWriting();
        return result;
    }
    out.flush();
    if (!file.commit()) {
        result.error = tr("%1 could not be written: %2").arg(path, file.errorString());
        return result;
    }
    result.ok = true;
    return result;
}
