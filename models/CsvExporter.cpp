#include "CsvExporter.h"

#include <QFileInfo>
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
    const QString &path, const QStringList &headers, const Rows &rows, const Progress &progress)
{
    Result result;
    constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // An export may hold whole tokens: readable by its owner only, like the activity log, from the
    // first byte. A new file is created 0600 before QSaveFile looks at it (QSaveFile gives a new file
    // 0666 minus umask, an existing one its old mode); its temporary file then starts 0600 too.
    bool placeholder = false;
    if (!QFileInfo::exists(path)) {
        QFile create(path);
        if (!create.open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerOnly)) {
            result.error = tr("%1 could not be written: %2").arg(path, create.errorString());
            return result;
        }
        placeholder = true;
    } else {
        result.replaced = true;
        // QSaveFile gives its temporary file the old file's mode: tighten the old file first, so
        // not even the temporary file is ever readable by others.
        const QFileDevice::Permissions old = QFileInfo(path).permissions();
        constexpr QFileDevice::Permissions Wider = QFileDevice::ExeOwner | QFileDevice::ReadGroup
            | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
            | QFileDevice::ExeOther;
        if ((old & Wider) && !QFile::setPermissions(path, old & OwnerOnly)) {
            result.error = tr("%1 is readable by other users and its permissions could not be narrowed; "
                              "choose another file.")
                               .arg(path);
            return result;
        }
    }
    auto dropPlaceholder = [&] {
        if (placeholder)
            QFile::remove(path);
    };
    QSaveFile file(path); // written completely or not at all
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        result.error = tr("%1 could not be written: %2").arg(path, file.errorString());
        dropPlaceholder();
        return result;
    }
    result.started = true;
    // Never wider than owner read/write, and never wider than the file was (0400 stays 0400).
    file.setPermissions(QFileInfo(path).permissions() & OwnerOnly);
    QTextStream out(&file);
    out.setEncoding(QStringConverter::Utf8);
    auto line = [&out](const QStringList &cells) {
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (c > 0)
                out << QLatin1Char(',');
            out << escape(cells.at(c));
        }
        out << "\r\n";
    };
    line(headers);
    QString error;
    const bool read = rows(
        [&](const QStringList &cells) {
            // Asked before the row is written: a cancel stops at the row it was asked at.
            if (progress && !progress(result.rows)) {
                result.cancelled = true;
                return false;
            }
            line(cells);
            ++result.rows;
            return true;
        },
        &error);
    // A cancel asked for after the last row still counts: the person was told it would be.
    if (read && !result.cancelled && progress && !progress(result.rows))
        result.cancelled = true;
    if (!read || result.cancelled) {
        // A statement stopped because of a cancel may end in an error: the cancel is what happened.
        if (!result.cancelled)
            result.error = error.isEmpty() ? tr("The rows could not be read.") : error;
        file.cancelWriting();
        dropPlaceholder();
        return result;
    }
    out.flush();
    if (!file.commit()) {
        result.error = tr("%1 could not be written: %2").arg(path, file.errorString());
        dropPlaceholder();
        return result;
    }
    result.ok = true;
    return result;
}
