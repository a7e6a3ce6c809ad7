#include "connection/ConnectionProfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace {
constexpr int MySqlPort = 3306;
constexpr int PostgresPort = 5432;

// Connect options are ';'-separated in Qt's drivers, so a path containing one cannot be passed.
bool unsafeForConnectOptions(const QString &path)
{
    return path.contains(QLatin1Char(';')) || path.contains(QLatin1Char('\0'));
}

bool looksLikeSqlite(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    if (f.size() == 0)
        return true; // an empty file becomes a database on first write
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

// A URL quoted back in a message: a password typed into it (user:password@ or password=) must
// not be repeated on a screen or in a log.
QString redacted(QString url)
{
    // Through UTF-8 and back: half a surrogate pair would make the expressions below match nothing.
    url = QString::fromUtf8(url.toUtf8());
    static const QRegularExpression userInfo(QStringLiteral("^([^:/?#]*://[^/?#@:]*):[^@]*@"));
    static const QRegularExpression option(
        QStringLiteral("([?&;]password=)[^&#;]*"), QRegularExpression::CaseInsensitiveOption);
    url.replace(userInfo, QStringLiteral("\\1:***@"));
    url.replace(option, QStringLiteral("\\1***"));
    return url;
}

// The name a URL's profile gets: no path separators and no more than validate() allows, so that a
// long file or database name is not refused as a bad "connection name" nobody typed.
QString derivedName(QString name)
{
    name = name.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_')).left(100);
    return name.trimmed().isEmpty() ? QStringLiteral("database") : name;
}
} // namespace

int ConnectionProfile::defaultPort(DriverKind kind)
{
    switch (kind) {
    case DriverKind::MySql:
        return MySqlPort;
    case DriverKind::Postgres:
        return PostgresPort;
    case DriverKind::Sqlite:
        break;
    }
    return 0;
}

int ConnectionProfile::effectivePort() const
{
    return port == 0 ? defaultPort(driver) : port;
}

QString ConnectionProfile::qtDriverName() const
{
    switch (driver) {
    case DriverKind::MySql:
        return QStringLiteral("QMYSQL");
    case DriverKind::Postgres:
        return QStringLiteral("QPSQL");
    case DriverKind::Sqlite:
        break;
    }
    return QStringLiteral("QSQLITE");
}

QString ConnectionProfile::driverLabel(DriverKind kind)
{
    switch (kind) {
    case DriverKind::MySql:
        return tr("MySQL / MariaDB");
    case DriverKind::Postgres:
        return tr("PostgreSQL");
    case DriverKind::Sqlite:
        break;
    }
    return tr("SQLite file");
}

QString ConnectionProfile::displayName() const
{
    if (driver == DriverKind::Sqlite)
        return QDir::toNativeSeparators(sqlitePath);
    const QString where = unixSocket.isEmpty() ? QStringLiteral("%1:%2").arg(host).arg(effectivePort()) : unixSocket;
    return QStringLiteral("%1@%2/%3").arg(user, where, database);
}

std::optional<int> ConnectionProfile::parsePort(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return 0;
    bool ok = false;
    const qlonglong v = t.toLongLong(&ok);
    if (!ok || v < 1 || v > 65535) {
        if (error)
            *error = tr("The port must be a number from 1 to 65535 (MySQL and MariaDB usually listen on 3306, "
                        "PostgreSQL on 5432); \"%1\" is not.")
                         .arg(t.left(20));
        return std::nullopt;
    }
    return int(v);
}

QList<ConnectionProfile> ConnectionProfile::nodes() const
{
    if (!isServer() || !host.contains(QLatin1Char(',')))
        return { *this };
    QList<ConnectionProfile> out;
    for (const QString &part : host.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        ConnectionProfile node = *this;
        const QString h = part.trimmed();
        const qsizetype colon = h.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int nodePort = colon > 0 ? h.mid(colon + 1).toInt(&ok) : 0;
        node.host = ok ? h.left(colon) : h;
        if (ok)
            node.port = nodePort;
        out << node;
    }
    return out;
}

QStringList ConnectionProfile::validate(bool checkFiles) const
{
    QStringList errors;
    if (name.trimmed().isEmpty())
        errors << tr("Give the connection a name, for example \"Production\".");
    else if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        errors << tr("A connection name cannot contain / or \\. Choose another name.");
    else if (name.size() > 100)
        errors << tr("A connection name can be at most 100 characters long.");

    if (driver == DriverKind::Sqlite) {
        if (sqlitePath.trimmed().isEmpty()) {
            errors << tr("Choose the SQLite database file.");
        } else if (checkFiles) {
            const QFileInfo fi(sqlitePath);
            if (!fi.absoluteDir().exists()) {
                errors << tr("The folder %1 does not exist. Create it first or choose another location.")
                              .arg(QDir::toNativeSeparators(fi.absolutePath()));
            } else if (fi.exists()) {
                if (fi.isDir())
                    errors << tr("%1 is a folder. Choose a database file.").arg(QDir::toNativeSeparators(sqlitePath));
                else if (!fi.isReadable())
                    errors << tr("The file %1 cannot be read. Check its permissions.")
                                  .arg(QDir::toNativeSeparators(sqlitePath));
                else if (!looksLikeSqlite(sqlitePath))
                    errors << tr("%1 is not an SQLite database. Choose another file.")
                                  .arg(QDir::toNativeSeparators(sqlitePath));
            }
        }
        return errors;
    }

    if (host.trimmed().isEmpty() && unixSocket.trimmed().isEmpty())
        errors << tr("Enter the server's host name or IP address (or a Unix socket for a local server).");
    if (host.contains(QLatin1Char(' ')) || host.contains(QLatin1Char('/')) || host.contains(QLatin1Char(';')))
        errors << tr("The host name \"%1\" contains characters a host name cannot have.").arg(host.left(60));
    if (port < 0 || port > 65535)
        errors << tr("The port must be a number from 1 to 65535; %1 is not.").arg(port);
    if (database.trimmed().isEmpty())
        errors << tr("Enter the name of the database that holds the Trongate tables.");
    if (user.trimmed().isEmpty())
        errors << tr("Enter the database user name.");
    if (driver == DriverKind::Postgres && tls.any() && (!tls.certFile.isEmpty() || !tls.keyFile.isEmpty()))
        errors << tr("Client certificates are only supported for MySQL/MariaDB connections.");

    const struct {
        QString path;
        QString what;
    } files[] = { { tls.caFile, tr("CA certificate") }, { tls.certFile, tr("client certificate") },
        { tls.keyFile, tr("client key") }, { unixSocket, tr("Unix socket") } };
    for (const auto &f : files) {
        if (f.path.isEmpty())
            continue;
        if (unsafeForConnectOptions(f.path)) {
            errors << tr("The %1 path cannot contain a semicolon. Move the file and choose it again.").arg(f.what);
            continue;
        }
        if (checkFiles && &f != &files[3]) {
            const QFileInfo fi(f.path);
            if (!fi.exists())
                errors << tr("The %1 file %2 does not exist.").arg(f.what, QDir::toNativeSeparators(f.path));
            else if (!fi.isReadable())
                errors << tr("The %1 file %2 cannot be read. Check its permissions.")
                              .arg(f.what, QDir::toNativeSeparators(f.path));
        }
    }
    if (tls.certFile.isEmpty() != tls.keyFile.isEmpty())
        errors << tr("A client certificate needs its key, and a key its certificate: choose both or neither.");
    if (ssh.enabled()) {
        if (ssh.host.contains(QLatin1Char(' ')) || ssh.host.contains(QLatin1Char('/'))
            || ssh.host.contains(QLatin1Char('@')))
            errors << tr("The SSH host \"%1\" contains characters a host name cannot have.").arg(ssh.host.left(60));
        if (ssh.port < 0 || ssh.port > 65535)
            errors << tr("The SSH port must be a number from 1 to 65535; %1 is not.").arg(ssh.port);
        if (host.contains(QLatin1Char(',')))
            errors << tr("A cluster cannot be reached through SSH: name one database host.");
        if (ssh.auth == SshSettings::Auth::KeyFile) {
            if (ssh.keyFile.isEmpty())
                errors << tr("Choose the SSH key file, or let the SSH agent and ~/.ssh/config provide the key.");
            else if (checkFiles && !QFileInfo(ssh.keyFile).isReadable())
                errors << tr("The SSH key file %1 does not exist or cannot be read.")
                              .arg(QDir::toNativeSeparators(ssh.keyFile));
        }
    }
    return errors;
}

QString SshSettings::target() const
{
    QString t = host;
    if (!user.isEmpty())
        t = user + QLatin1Char('@') + t;
    if (port > 0)
        t += QLatin1Char(':') + QString::number(port);
    return t;
}

bool SshSettings::parseTarget(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:([^@:/\\s]+)@)?([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    const int p = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
    if (p < 0 || p > 65535 || (!m.captured(3).isEmpty() && p == 0))
        return false;
    user = m.captured(1);
    host = m.captured(2);
    if (host.startsWith(QLatin1Char('[')))
        host = host.mid(1, host.size() - 2);
    port = p;
    return true;
}

QString SshSettings::authName(Auth auth)
{
    switch (auth) {
    case Auth::Auto:
        return QStringLiteral("agent");
    case Auth::KeyFile:
        return QStringLiteral("key");
    case Auth::Password:
        return QStringLiteral("password");
    }
    return {};
}

std::optional<SshSettings::Auth> SshSettings::authFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("agent") || n == QLatin1String("auto") || n.isEmpty())
        return Auth::Auto;
    if (n == QLatin1String("key"))
        return Auth::KeyFile;
    if (n == QLatin1String("password"))
        return Auth::Password;
    return std::nullopt;
}

std::optional<ConnectionProfile> ConnectionProfile::fromUrl(const QString &text, QString *error)
{
    auto fail = [error](const QString &msg) -> std::optional<ConnectionProfile> {
        if (error)
            *error = msg;
        return std::nullopt;
    };
    const QString s = text.trimmed();
    if (s.isEmpty())
        return fail(tr("The database URL is empty. Use sqlite:PATH, mysql://user@host:port/database or "
                       "postgres://user@host:port/database."));
    if (s.contains(QLatin1Char('\0')))
        return fail(tr("The database URL contains a NUL character."));

    ConnectionProfile p;
    if (s.startsWith(QLatin1String("sqlite:"), Qt::CaseInsensitive)) {
        QString path = s.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = QUrl(s).toLocalFile().isEmpty() ? path.mid(2) : QUrl(s).toLocalFile();
        if (path.isEmpty())
            return fail(tr("The SQLite URL names no file. Write it as sqlite:/path/to/file.db."));
        p.driver = DriverKind::Sqlite;
        p.sqlitePath = QDir::cleanPath(QDir::current().absoluteFilePath(path));
        p.name = derivedName(QFileInfo(p.sqlitePath).fileName());
        return p;
    }

    // A cluster: mysql://user@host1:3306,host2:3306/db. QUrl takes one host, so the list is cut
    // out here and put back into the host field after parsing.
    QString hostList;
    QString single = s;
    static const QRegularExpression listRe(QStringLiteral("^([A-Za-z]+://(?:[^/?#@]*@)?)([^/?#@]*,[^/?#@]*)"));
    if (const auto m = listRe.match(s); m.hasMatch()) {
        hostList = m.captured(2);
        single = m.captured(1) + hostList.section(QLatin1Char(','), 0, 0) + s.mid(m.capturedEnd(2));
    }
    // Say what is wrong with a port before QUrl rejects it with a less helpful text.
    static const QRegularExpression portRe(
        QStringLiteral("^[A-Za-z]+://(?:[^/?#@]*@)?[^/?#@:]*:([^/?#@]*)(?:[/?#]|$)"));
    if (const auto m = portRe.match(single); m.hasMatch()) {
        QString portError;
        if (!parsePort(m.captured(1), &portError) || m.captured(1).trimmed().isEmpty())
            return fail(portError.isEmpty() ? tr("The port must be a number from 1 to 65535.") : portError);
    }
    const QUrl url(single, QUrl::StrictMode);
    if (!url.isValid() || url.host().contains(QLatin1Char(' ')))
        return fail(tr("\"%1\" is not a valid database URL. Write it as mysql://user@host:3306/database, "
                       "postgres://user@host:5432/database or sqlite:/path/to/file.db.")
                        .arg(redacted(s).left(80)));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("mysql") || scheme == QLatin1String("mariadb"))
        p.driver = DriverKind::MySql;
    else if (scheme == QLatin1String("postgres") || scheme == QLatin1String("postgresql"))
        p.driver = DriverKind::Postgres;
    else
        return fail(tr("Unknown database type \"%1\". Use sqlite:, mysql:// or postgres://.").arg(scheme.left(20)));

    if (!url.password().isEmpty())
        return fail(tr("Do not put the password in the URL: other users can read command lines. "
                       "Set TRONGATE_DB_PASSWORD, store it in the keychain, or type it when asked."));
    p.user = url.userName();
    p.host = url.host();
    p.port = url.port(0);
    if (!hostList.isEmpty()) {
        p.host = hostList;
        p.port = 0;
    }
    p.database = url.path();
    if (p.database.startsWith(QLatin1Char('/')))
        p.database.remove(0, 1);

    const QUrlQuery q(url);
    const auto items = q.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        const QString key = item.first.toLower();
        if (key == QLatin1String("tls") || key == QLatin1String("ssl")) {
            const QString v = item.second.toLower();
            if (v == QLatin1String("require") || v == QLatin1String("required") || v == QLatin1String("true"))
                p.tls.require = true;
            else if (v != QLatin1String("prefer") && v != QLatin1String("off") && v != QLatin1String("false"))
                return fail(tr("Unknown tls value \"%1\": use tls=require.").arg(item.second.left(20)));
        } else if (key == QLatin1String("ca")) {
            p.tls.caFile = item.second;
        } else if (key == QLatin1String("cert")) {
            p.tls.certFile = item.second;
        } else if (key == QLatin1String("key")) {
            p.tls.keyFile = item.second;
        } else if (key == QLatin1String("socket")) {
            p.unixSocket = item.second;
        } else if (key == QLatin1String("password")) {
            return fail(tr("Do not put the password in the URL: set TRONGATE_DB_PASSWORD instead."));
        } else if (key == QLatin1String("ssh")) {
            if (!p.ssh.parseTarget(item.second))
                // Not echoed: what was typed may hold a password ("user:secret@host").
                return fail(tr("The ssh option does not name an SSH host. Write it as ssh=user@host:22 (user and port "
                               "may be left out; a password may not be given here)."));
        } else if (key == QLatin1String("ssh_key")) {
            p.ssh.keyFile = item.second;
            p.ssh.auth = SshSettings::Auth::KeyFile;
        } else if (key == QLatin1String("ssh_auth")) {
            const auto auth = SshSettings::authFromName(item.second);
            if (!auth)
                return fail(tr("Unknown ssh_auth value \"%1\": use agent, key or password.").arg(item.second.left(20)));
            p.ssh.auth = *auth;
        } else {
            return fail(tr("Unknown URL option \"%1\". Known options: tls, ca, cert, key, socket, ssh, ssh_key, "
                           "ssh_auth.")
                            .arg(item.first.left(20)));
        }
    }
    p.name = derivedName(
        QStringLiteral("%1@%2").arg(p.database, p.host.isEmpty() ? QStringLiteral("localhost") : p.host));
    if (p.host.isEmpty() && p.unixSocket.isEmpty())
        p.host = QStringLiteral("localhost");
    const QStringList problems = p.validate(false);
    if (!problems.isEmpty())
        return fail(problems.join(QLatin1Char(' ')));
    return p;
}

QString ConnectionProfile::toUrl() const
{
    if (driver == DriverKind::Sqlite)
        return QStringLiteral("sqlite:") + sqlitePath;
    QUrl url;
    url.setScheme(driver == DriverKind::MySql ? QStringLiteral("mysql") : QStringLiteral("postgres"));
    url.setUserName(user);
    const bool cluster = host.contains(QLatin1Char(','));
    url.setHost(cluster ? QStringLiteral("cluster-nodes") : host);
    if (port && !cluster)
        url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery q;
    if (tls.require)
        q.addQueryItem(QStringLiteral("tls"), QStringLiteral("require"));
    if (!tls.caFile.isEmpty())
        q.addQueryItem(QStringLiteral("ca"), tls.caFile);
    if (!tls.certFile.isEmpty())
        q.addQueryItem(QStringLiteral("cert"), tls.certFile);
    if (!tls.keyFile.isEmpty())
        q.addQueryItem(QStringLiteral("key"), tls.keyFile);
    if (!unixSocket.isEmpty())
        q.addQueryItem(QStringLiteral("socket"), unixSocket);
    if (ssh.enabled()) {
        q.addQueryItem(QStringLiteral("ssh"), ssh.target());
        if (ssh.auth == SshSettings::Auth::KeyFile && !ssh.keyFile.isEmpty())
            q.addQueryItem(QStringLiteral("ssh_key"), ssh.keyFile);
        else if (ssh.auth != SshSettings::Auth::Auto)
            q.addQueryItem(QStringLiteral("ssh_auth"), SshSettings::authName(ssh.auth));
    }
    url.setQuery(q);
    if (cluster) // the node list as typed: QUrl holds one host
        return url.toString().replace(QStringLiteral("cluster-nodes"), host);
    return url.toString();
}
