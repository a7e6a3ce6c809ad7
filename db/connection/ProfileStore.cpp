#include "connection/ProfileStore.h"

namespace {
const QString Root = QStringLiteral("connections");

QString driverKey(DriverKind kind)
{
    switch (kind) {
    case DriverKind::MySql:
        return QStringLiteral("mysql");
    case DriverKind::Postgres:
        return QStringLiteral("postgres");
    case DriverKind::Sqlite:
        break;
    }
    return QStringLiteral("sqlite");
}

std::optional<DriverKind> driverFromKey(const QString &key)
{
    if (key == QLatin1String("mysql"))
        return DriverKind::MySql;
    if (key == QLatin1String("postgres"))
        return DriverKind::Postgres;
    if (key == QLatin1String("sqlite"))
        return DriverKind::Sqlite;
    return std::nullopt;
}
} // namespace

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings)
{
}

QString ProfileStore::group(const QString &name)
{
    // QSettings treats '/' as a separator; names containing it are refused by validate().
    return Root + QLatin1Char('/') + name;
}

QStringList ProfileStore::names() const
{
    m_settings.beginGroup(Root);
    QStringList list = m_settings.childGroups();
    m_settings.endGroup();
    list.sort(Qt::CaseInsensitive);
    return list;
}

bool ProfileStore::contains(const QString &name) const
{
    return !name.isEmpty() && names().contains(name);
}

std::optional<ConnectionProfile> ProfileStore::load(const QString &name) const
{
    if (!contains(name))
        return std::nullopt;
    m_settings.beginGroup(group(name));
    const auto kind = driverFromKey(m_settings.value(QStringLiteral("driver")).toString());
    ConnectionProfile p;
    p.name = name;
    if (kind)
        p.driver = *kind;
    p.sqlitePath = m_settings.value(QStringLiteral("sqlitePath")).toString();
    p.host = m_settings.value(QStringLiteral("host")).toString();
    p.port = m_settings.value(QStringLiteral("port"), 0).toInt();
    p.database = m_settings.value(QStringLiteral("database")).toString();
    p.user = m_settings.value(QStringLiteral("user")).toString();
    p.unixSocket = m_settings.value(QStringLiteral("unixSocket")).toString();
    p.tls.require = m_settings.value(QStringLiteral("tls/require"), false).toBool();
    p.tls.caFile = m_settings.value(QStringLiteral("tls/caFile")).toString();
    p.tls.certFile = m_settings.value(QStringLiteral("tls/certFile")).toString();
    p.tls.keyFile = m_settings.value(QStringLiteral("tls/keyFile")).toString();
    p.ssh.host = m_settings.value(QStringLiteral("ssh/host")).toString();
    p.ssh.port = m_settings.value(QStringLiteral("ssh/port"), 0).toInt();
    p.ssh.user = m_settings.value(QStringLiteral("ssh/user")).toString();
    p.ssh.auth = SshSettings::authFromName(m_settings.value(QStringLiteral("ssh/auth")).toString())
                     .value_or(SshSettings::Auth::Auto);
    p.ssh.keyFile = m_settings.value(QStringLiteral("ssh/keyFile")).toString();
    m_settings.endGroup();
    if (!kind)
        return std::nullopt;
    return p;
}

QStringList ProfileStore::save(const ConnectionProfile &p, const QString &previousName)
{
    QStringList errors = p.validate(true);
    const bool renaming = !previousName.isEmpty() && previousName != p.name;
    if (errors.isEmpty() && (renaming || previousName.isEmpty()) && contains(p.name))
        errors << tr("A connection named \"%1\" already exists. Choose another name.").arg(p.name);
    if (!errors.isEmpty())
        return errors;

    m_settings.remove(group(p.name));
    m_settings.beginGroup(group(p.name));
    m_settings.setValue(QStringLiteral("driver"), driverKey(p.driver));
    if (p.driver == DriverKind::Sqlite) {
        m_settings.setValue(QStringLiteral("sqlitePath"), p.sqlitePath);
    } else {
        m_settings.setValue(QStringLiteral("host"), p.host);
        m_settings.setValue(QStringLiteral("port"), p.port);
        m_settings.setValue(QStringLiteral("database"), p.database);
        m_settings.setValue(QStringLiteral("user"), p.user);
        m_settings.setValue(QStringLiteral("unixSocket"), p.unixSocket);
        m_settings.setValue(QStringLiteral("tls/require"), p.tls.require);
        m_settings.setValue(QStringLiteral("tls/caFile"), p.tls.caFile);
        m_settings.setValue(QStringLiteral("tls/certFile"), p.tls.certFile);
        m_settings.setValue(QStringLiteral("tls/keyFile"), p.tls.keyFile);
        // Where and how, never with what: the SSH password or passphrase is in the keychain.
        m_settings.setValue(QStringLiteral("ssh/host"), p.ssh.host);
        m_settings.setValue(QStringLiteral("ssh/port"), p.ssh.port);
        m_settings.setValue(QStringLiteral("ssh/user"), p.ssh.user);
        m_settings.setValue(QStringLiteral("ssh/auth"), SshSettings::authName(p.ssh.auth));
        m_settings.setValue(QStringLiteral("ssh/keyFile"), p.ssh.keyFile);
    }
    m_settings.endGroup();
    if (renaming)
        m_settings.remove(group(previousName));
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        return { tr("The settings file %1 could not be written. Check the disk space and permissions.")
                     .arg(m_settings.fileName()) };
    return {};
}

void ProfileStore::remove(const QString &name)
{
    if (name.isEmpty())
        return;
    m_settings.remove(group(name));
    m_settings.sync();
}
