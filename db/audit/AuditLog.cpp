#include "audit/AuditLog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include <deque>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace {
namespace Key {
const QString Time = QStringLiteral("time");
const QString OsUser = QStringLiteral("os_user");
const QString Connection = QStringLiteral("connection");
const QString Action = QStringLiteral("action");
const QString Table = QStringLiteral("table");
const QString Ids = QStringLiteral("ids");
const QString Count = QStringLiteral("count");
const QString Tokens = QStringLiteral("tokens");
const QString NotTokens = QStringLiteral("not_a_token");
const QString Detail = QStringLiteral("detail");
} // namespace Key
} // namespace

void AuditEntry::addId(qint64 id)
{
    if (ids.size() < MaxListed)
        ids << id;
}

void AuditEntry::addToken(const QString &token)
{
    if (tokens.size() < MaxListed)
        tokens << AuditLog::fingerprint(token);
}

QJsonObject AuditEntry::toJson() const
{
    const QDateTime when = time.isValid() ? time : QDateTime::currentDateTimeUtc();
    QJsonObject o {
        { Key::Time, when.toUTC().toString(Qt::ISODate) },
        { Key::OsUser, osUser.isEmpty() ? AuditLog::currentOsUser() : osUser },
        { Key::Connection, connection },
        { Key::Action, action },
        { Key::Count, count },
    };
    if (!table.isEmpty())
        o.insert(Key::Table, table);
    if (!ids.isEmpty()) {
        QJsonArray a;
        for (qint64 id : ids)
            a.append(id);
        o.insert(Key::Ids, a);
    }
    if (!tokens.isEmpty())
        o.insert(Key::Tokens, QJsonArray::fromStringList(tokens));
    if (notTokens > 0)
        o.insert(Key::NotTokens, notTokens);
    if (!detail.isEmpty())
        o.insert(Key::Detail, detail);
    return o;
}

std::optional<AuditEntry> AuditEntry::fromJson(const QJsonObject &o)
{
    if (!o.value(Key::Action).isString() || !o.value(Key::Time).isString())
        return std::nullopt;
    AuditEntry e;
    e.time = QDateTime::fromString(o.value(Key::Time).toString(), Qt::ISODate);
    e.osUser = o.value(Key::OsUser).toString();
    e.connection = o.value(Key::Connection).toString();
    e.action = o.value(Key::Action).toString();
    e.table = o.value(Key::Table).toString();
    for (const QJsonValue &v : o.value(Key::Ids).toArray())
        e.ids << qint64(v.toDouble());
    e.count = qint64(o.value(Key::Count).toDouble());
    for (const QJsonValue &v : o.value(Key::Tokens).toArray())
        e.tokens << v.toString();
    e.notTokens = qint64(o.value(Key::NotTokens).toDouble());
    e.detail = o.value(Key::Detail).toString();
    return e;
}

AuditLog::AuditLog(QString path)
    : m_path(std::move(path))
{
}

QString AuditLog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/activity.jsonl");
}

QString AuditLog::fingerprint(const QString &token)
{
    const QByteArray digest = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    return token.left(4) + QLatin1Char(':') + QString::fromLatin1(digest.toHex().left(12));
}

QString AuditLog::currentOsUser()
{
#ifdef Q_OS_UNIX
    // The account the process runs as; $USER can be anything the caller set.
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

bool AuditLog::append(const AuditEntry &entry, QString *error) const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    const bool existed = info.exists();
    QFile f(m_path);
    // Unbuffered + Append: the line reaches the file in one write(2) on an O_APPEND descriptor.
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        if (error)
            *error = tr("The activity log %1 could not be opened: %2")
                         .arg(QDir::toNativeSeparators(m_path), f.errorString());
        return false;
    }
    if (!existed)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray line = QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) + '\n';
    if (f.write(line) != line.size()) {
        if (error)
            *error = tr("The activity log %1 could not be written: %2")
                         .arg(QDir::toNativeSeparators(m_path), f.errorString());
        return false;
    }
    return true;
}

QList<AuditEntry> AuditLog::last(int count, const QString &filter, QString *error) const
{
    QList<AuditEntry> out;
    if (count <= 0)
        return out;
    QFile f(m_path);
    if (!f.exists())
        return out; // nothing done yet
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The activity log %1 could not be read: %2")
                         .arg(QDir::toNativeSeparators(m_path), f.errorString());
        return out;
    }
    const QString needle = filter.trimmed();
    // A pasted token never appears in the log, but its fingerprint does.
    const QString print = needle.size() >= 16 && !needle.contains(QLatin1Char(' ')) ? fingerprint(needle) : QString();
    std::deque<AuditEntry> kept;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        if (!needle.isEmpty()) {
            const QString text = QString::fromUtf8(line);
            if (!text.contains(needle, Qt::CaseInsensitive) && (print.isEmpty() || !text.contains(print)))
                continue;
        }
        // A line cut short by a full disk or a crash is skipped, not fatal.
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        const auto entry = doc.isObject() ? AuditEntry::fromJson(doc.object()) : std::nullopt;
        if (!entry)
            continue;
        kept.push_back(*entry);
        if (kept.size() > size_t(count))
            kept.pop_front();
    }
    for (auto it = kept.rbegin(); it != kept.rend(); ++it)
        out << *it;
    return out;
}
