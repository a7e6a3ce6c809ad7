#include "CommandContext.h"

#include "connection/Connector.h"
#include "audit/ControlText.h"
#include "tokens/Duration.h"
#include "PasswordSource.h"
#include "connection/ProfileStore.h"
#include "sql/SqlDialect.h"
#include "tokens/TokenService.h"
#include "schema/TrongateSchema.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

CommandContext::CommandContext(ProfileStore &profiles, SecretStore *secrets, QTextStream &out, QTextStream &err)
    : m_profiles(profiles)
    , m_secrets(secrets)
    , m_out(out)
    , m_err(err)
{
}

CommandContext::~CommandContext()
{
    m_out.flush();
    m_err.flush();
    if (!m_connectionName.isEmpty())
        Connector::close(m_connectionName);
}

void CommandContext::setDatabaseChoice(const QString &url, const QString &connection)
{
    m_dbUrl = url;
    m_connection = connection;
}

void CommandContext::setSsh(const QString &keyFile, const QString &trustedFingerprint)
{
    m_sshKey = keyFile;
    m_sshTrust = trustedFingerprint.trimmed();
}

namespace {
// On the command line nobody is asked: an unknown SSH host key is trusted only when it is the
// one --ssh-trust names; otherwise the connection is refused and the message says how to trust it.
class FingerprintTrust final : public HostKeyPrompter {
public:
    explicit FingerprintTrust(const QString &fingerprint)
        : m_fingerprint(fingerprint)
    {
    }
    bool trustNewHost(const HostKeyQuestion &q) override
    {
        return !m_fingerprint.isEmpty() && q.fingerprint == m_fingerprint;
    }

private:
    QString m_fingerprint;
};
} // namespace

std::optional<ConnectionProfile> CommandContext::resolveProfile(QString *error) const
{
    auto p = resolveProfileAsGiven(error);
    if (p && !m_sshKey.isEmpty()) {
        if (!p->ssh.enabled()) {
            *error = tr("--ssh-key is for a connection through SSH: add ssh=user@host to the URL, or save the SSH host "
                        "in the connection.");
            return std::nullopt;
        }
        p->ssh.auth = SshSettings::Auth::KeyFile;
        p->ssh.keyFile = m_sshKey;
    }
    return p;
}

std::optional<ConnectionProfile> CommandContext::resolveProfileAsGiven(QString *error) const
{
    if (!m_dbUrl.isEmpty() && !m_connection.isEmpty()) {
        *error = tr("Give either --db or --connection, not both.");
        return std::nullopt;
    }
    if (!m_dbUrl.isEmpty())
        return ConnectionProfile::fromUrl(m_dbUrl, error);
    if (!m_connection.isEmpty()) {
        if (auto p = m_profiles.load(m_connection))
            return p;
        const QStringList names = m_profiles.names();
        *error = names.isEmpty()
            ? tr("There is no saved connection named \"%1\"; none are saved yet.").arg(m_connection)
            : tr("There is no saved connection named \"%1\". Saved connections: %2.")
                  .arg(m_connection, names.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    *error = tr("Say which database to use: --db URL or --connection NAME.");
    return std::nullopt;
}

std::optional<QSqlDatabase> CommandContext::open(bool createSqlite, bool requireTables)
{
    QString error;
    const auto profile = resolveProfile(&error);
    if (!profile) {
        m_err << error << '\n';
        return std::nullopt;
    }
    PasswordSource passwords(m_profiles, m_secrets);
    const auto password = passwords.passwordFor(*profile, &error);
    if (!password) {
        m_err << error << '\n';
        return std::nullopt;
    }
    Connector::Options options;
    options.createSqliteFile = createSqlite;
    if (profile->ssh.enabled()) {
        SshTunnel::Credentials credentials;
        const QString secret = passwords.sshSecretFor(*profile).value_or(QString());
        (profile->ssh.auth == SshSettings::Auth::Password ? credentials.password : credentials.passphrase) = secret;
        options.sshCredentials = credentials;
        options.hostKeyPrompter = std::make_shared<FingerprintTrust>(m_sshTrust);
    }
    const QString name = Connector::uniqueName(QStringLiteral("cli"));
    const ConnectResult r = Connector::open(*profile, *password, name, options);
    if (!r.ok()) {
        m_err << ControlText::escaped(r.message, true) << '\n';
        if (r.error == ConnectResult::Error::SshHostKeyUnknown)
            m_err << tr("Nothing was trusted. Once you have checked the fingerprint, run the same command with "
                        "--ssh-trust %1 to trust this key and save it in known_hosts.")
                         .arg(r.hostKeyFingerprint)
                  << '\n';
        else if (r.error == ConnectResult::Error::SshAuthFailed && profile->ssh.auth != SshSettings::Auth::Auto)
            m_err << tr("The SSH password or key passphrase is read from the environment variable %1 or the "
                        "keychain, never from the command line.")
                         .arg(QString::fromLatin1(PasswordSource::SshEnvironmentVariable))
                  << '\n';
        m_accessDenied = r.error == ConnectResult::Error::AccessDenied;
        return std::nullopt;
    }
    m_connectionName = name;
    m_profile = profile;
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (requireTables) {
        const QStringList present = Sql::tables(db);
        for (const QString &table : TrongateSchema::tableNames()) {
            const bool found = std::any_of(present.begin(), present.end(),
                [&](const QString &p) { return p.compare(table, Qt::CaseInsensitive) == 0; });
            if (!found) {
                m_err << tr("The database %1 has no table %2. Run \"trongate-admin schema install\" with the same "
                            "--db or --connection to create Trongate's tables.")
                             .arg(profile->displayName(), table)
                      << '\n';
                return std::nullopt;
            }
        }
    }
    return db;
}

QString CommandContext::connectionLabel() const
{
    if (!m_profile)
        return {};
    if (!m_connection.isEmpty())
        return m_profile->name + QStringLiteral(" (") + m_profile->displayName() + QLatin1Char(')');
    return m_profile->displayName();
}

bool CommandContext::stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

namespace {
// Echo off while a token is typed or pasted, so it does not stay on the screen. TCSANOW, not
// TCSAFLUSH: a paste that arrives right after the prompt must not be thrown away.
class HiddenInput final {
public:
    explicit HiddenInput(bool hide)
    {
        m_active = hide && tcgetattr(STDIN_FILENO, &m_old) == 0;
        if (!m_active)
            return;
        termios silent = m_old;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    ~HiddenInput()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSANOW, &m_old);
    }
    HiddenInput(const HiddenInput &) = delete;
    HiddenInput &operator=(const HiddenInput &) = delete;

private:
    termios m_old {};
    bool m_active = false;
};

QString readTerminalLine()
{
    QByteArray line;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, stdin)) {
        line += buffer;
        if (line.endsWith('\n'))
            break;
    }
    return QString::fromLocal8Bit(line);
}
} // namespace

bool CommandContext::confirm(const QString &question)
{
    if (m_yes)
        return true;
    if (!stdinIsTerminal()) {
        m_err << tr("This command needs a confirmation, and there is no terminal to ask on. Pass --yes to go ahead; "
                    "nothing was changed.")
              << '\n';
        return false;
    }
    m_err << question << ' ' << tr("[y/N]") << ' ';
    m_err.flush();
    const QString answer = readTerminalLine().trimmed().toLower();
    const QStringList yes { QStringLiteral("y"), QStringLiteral("yes"), tr("y"), tr("yes") };
    if (!answer.isEmpty() && yes.contains(answer))
        return true;
    m_err << tr("Nothing was changed.") << '\n';
    return false;
}

QString CommandContext::readInput(const QString &terminalPrompt, bool hidden)
{
    if (stdinIsTerminal()) {
        const HiddenInput hide(hidden);
        m_err << terminalPrompt << ' ';
        m_err.flush();
        const QString line = readTerminalLine();
        if (hidden)
            m_err << '\n';
        return line;
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readAll());
}

qint64 CommandContext::now() const
{
    return QDateTime::currentSecsSinceEpoch();
}

bool CommandContext::isPermissionDenial(const QString &message)
{
    // The servers' own words: MariaDB/MySQL 1142/1143 "... command denied to user", 1044 "Access denied for
    // user ... to database", 1227 "Access denied; you need (at least one of) the ... privilege(s)";
    // PostgreSQL 42501 "permission denied for table ..."; SQLite "attempt to write a readonly database".
    static const QStringList signs = { QStringLiteral("command denied to user"),
        QStringLiteral("Access denied; you need"), QStringLiteral("to database '"), QStringLiteral("permission denied"),
        QStringLiteral("readonly database") };
    if (message.contains(QLatin1String("Access denied for user")) && !message.contains(QLatin1String("to database '")))
        return false; // a wrong password or an unknown account: a connection failure
    return std::any_of(signs.begin(), signs.end(),
        [&](const QString &sign) { return message.contains(sign, Qt::CaseInsensitive); });
}

int CommandContext::fail(const ServiceError &error)
{
    m_err << ControlText::escaped(error.message, true) << '\n';
    // A privilege the account lacks is a refusal (1), as the README's table says, not a failure (2).
    if (error.kind == ServiceError::Kind::Refused || isPermissionDenial(error.message))
        return Refused;
    return Failure;
}

int CommandContext::refuse(const QString &message)
{
    m_err << ControlText::escaped(message, true) << '\n';
    return Refused;
}

int CommandContext::failure(const QString &message)
{
    m_err << ControlText::escaped(message, true) << '\n';
    return isPermissionDenial(message) ? Refused : Failure;
}

void CommandContext::printJson(const QJsonObject &object)
{
    m_out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
}

void CommandContext::printTable(const QStringList &headers, const QList<QStringList> &rowsAsRead)
{
    // Cells come from the database: no escape sequence reaches the terminal.
    QList<QStringList> rows;
    rows.reserve(rowsAsRead.size());
    for (const QStringList &row : rowsAsRead) {
        QStringList safe;
        safe.reserve(row.size());
        for (const QString &cell : row)
            safe << ControlText::escaped(cell);
        rows << safe;
    }
    QList<qsizetype> widths;
    for (const QString &h : headers)
        widths << h.size();
    for (const QStringList &row : rows)
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    auto line = [&](const QStringList &cells) {
        QString s;
        for (qsizetype c = 0; c < cells.size(); ++c)
            s += c + 1 == cells.size() ? cells.at(c) : cells.at(c).leftJustified(widths.at(c) + 2);
        m_out << s << '\n';
    };
    line(headers);
    for (const QStringList &row : rows)
        line(row);
}

void CommandContext::audit(AuditEntry entry)
{
    entry.connection = connectionLabel();
    const AuditLog log(AuditLog::defaultPath());
    QString error;
    if (!log.append(entry, &error))
        m_err << tr("The change was made, but the activity log could not be written: %1").arg(error) << '\n';
}

std::optional<qint64> CommandContext::parseId(const QString &text, const QString &what)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < 0 || v > 2147483647) {
        m_err << tr("\"%1\" is not a valid %2: give a whole number such as 12.").arg(text.left(40), what) << '\n';
        return std::nullopt;
    }
    return v;
}

std::optional<QList<qint64>> CommandContext::parseIds(const QStringList &values, const QString &what)
{
    QList<qint64> ids;
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto id = parseId(part, what);
            if (!id)
                return std::nullopt;
            ids << *id;
        }
    }
    return ids;
}

std::optional<qint64> CommandContext::parseCount(const QString &text, const QString &what, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max) {
        m_err << tr("%1 must be a whole number from %2 to %3; \"%4\" is not.")
                     .arg(what)
                     .arg(min)
                     .arg(max)
                     .arg(text.left(40))
              << '\n';
        return std::nullopt;
    }
    return v;
}

std::optional<qint64> CommandContext::parseExpiry(const QString &ttl, const QString &expires, qint64 defaultTtl)
{
    if (!ttl.isEmpty() && !expires.isEmpty()) {
        m_err << tr("Give either --ttl or --expires, not both.") << '\n';
        return std::nullopt;
    }
    if (!expires.isEmpty()) {
        const QDateTime t = QDateTime::fromString(expires.trimmed(), Qt::ISODate);
        if (!t.isValid()) {
            m_err << tr("\"%1\" is not a time in ISO 8601 form. Use for example 2030-12-31T23:00:00Z (UTC) or "
                        "2030-12-31T23:00 (local time).")
                         .arg(expires.left(40))
                  << '\n';
            return std::nullopt;
        }
        return t.toSecsSinceEpoch();
    }
    if (ttl.isEmpty())
        return now() + defaultTtl;
    QString error;
    const auto seconds = Duration::parse(ttl, &error);
    if (!seconds) {
        m_err << error << '\n';
        return std::nullopt;
    }
    return now() + *seconds;
}

QString CommandContext::expiryText(const std::optional<qint64> &expiry) const
{
    if (!expiry)
        return tr("no expiry");
    const qint64 delta = TokenService::secondsLeft(*expiry, now()); // saturates for INT64_MIN and the like
    const QString when = TokenService::utcText(*expiry);
    if (delta > 0)
        return tr("%1 (in %2)").arg(when, Duration::format(delta));
    if (delta == 0)
        return tr("%1 (now)").arg(when);
    return tr("%1 (%2 ago)").arg(when, Duration::format(-delta));
}
