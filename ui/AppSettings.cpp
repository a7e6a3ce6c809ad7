#include "AppSettings.h"

#include <QJsonDocument>

#include "connection/ConnectionProfile.h"

#include <QCryptographicHash>

namespace {
const QString LanguageKey = QStringLiteral("ui/language");
const QString ThemeKey = QStringLiteral("ui/theme");
const QString LastConnectionKey = QStringLiteral("session/lastConnection");
const QString GeometryKey = QStringLiteral("ui/mainWindow/geometry");
const QString StateKey = QStringLiteral("ui/mainWindow/state");
const QString PageKey = QStringLiteral("ui/mainWindow/page");
const QString DefaultPage = QStringLiteral("overview");
const QString DiagramGroup = QStringLiteral("diagram/layouts");
const QString DiagramAllKey = QStringLiteral("diagram/allTables");
const QString AutoPurgeGroup = QStringLiteral("expiry/autoPurgeByConnection");
constexpr int DefaultAutoPurgeMinutes = 10;
} // namespace

AppSettings::AppSettings(QSettings &settings)
    : m_settings(settings)
{
}

QString AppSettings::language() const
{
    return m_settings.value(LanguageKey, QString()).toString();
}

void AppSettings::setLanguage(const QString &code)
{
    m_settings.setValue(LanguageKey, code);
}

QString AppSettings::theme() const
{
    return m_settings.value(ThemeKey, QStringLiteral("system")).toString();
}

void AppSettings::setTheme(const QString &name)
{
    m_settings.setValue(ThemeKey, name);
}

QString AppSettings::lastConnection() const
{
    return m_settings.value(LastConnectionKey, QString()).toString();
}

void AppSettings::setLastConnection(const QString &name)
{
    m_settings.setValue(LastConnectionKey, name);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(GeometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(GeometryKey, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(StateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(StateKey, state);
}

QString AppSettings::lastPage() const
{
    return m_settings.value(PageKey, DefaultPage).toString();
}

void AppSettings::setLastPage(const QString &page)
{
    m_settings.setValue(PageKey, page);
}

QHash<QString, QPointF> AppSettings::diagramPositions(const QString &connection) const
{
    QHash<QString, QPointF> out;
    const QVariantMap map = m_settings.value(DiagramGroup + QLatin1Char('/') + connection).toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(it.key(), it.value().toPointF());
    return out;
}

void AppSettings::setDiagramPositions(const QString &connection, const QHash<QString, QPointF> &positions)
{
    QVariantMap map;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        map.insert(it.key(), it.value());
    m_settings.setValue(DiagramGroup + QLatin1Char('/') + connection, map);
}

namespace {
QString savedQueriesKey(const QString &connectionKey)
{
    // The key holds slashes (server/database): QSettings would read them as groups.
    return QStringLiteral("queries/")
        + QString::fromLatin1(connectionKey.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}
} // namespace

QMap<QString, QJsonObject> AppSettings::savedQueries(const QString &connectionKey) const
{
    QMap<QString, QJsonObject> out;
    const QVariantMap map = m_settings.value(savedQueriesKey(connectionKey)).toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(it.key(), QJsonDocument::fromJson(it.value().toByteArray()).object());
    return out;
}

void AppSettings::setSavedQuery(const QString &connectionKey, const QString &name, const QJsonObject &query)
{
    QVariantMap map = m_settings.value(savedQueriesKey(connectionKey)).toMap();
    map.insert(name, QJsonDocument(query).toJson(QJsonDocument::Compact));
    m_settings.setValue(savedQueriesKey(connectionKey), map);
}

void AppSettings::removeSavedQuery(const QString &connectionKey, const QString &name)
{
    QVariantMap map = m_settings.value(savedQueriesKey(connectionKey)).toMap();
    map.remove(name);
    m_settings.setValue(savedQueriesKey(connectionKey), map);
}

bool AppSettings::diagramAllTables() const
{
    return m_settings.value(DiagramAllKey, false).toBool();
}

void AppSettings::setDiagramAllTables(bool all)
{
    m_settings.setValue(DiagramAllKey, all);
}

QString AppSettings::connectionKey(const ConnectionProfile &profile)
{
    const QString identity = ConnectionProfile::driverLabel(profile.driver) + QLatin1Char('\n') + profile.displayName()
        + QLatin1Char('\n') + profile.unixSocket;
    return QString::fromLatin1(QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

bool AppSettings::autoPurge(const QString &connectionKey) const
{
    if (connectionKey.isEmpty())
        return false;
    return m_settings.value(AutoPurgeGroup + QLatin1Char('/') + connectionKey + QStringLiteral("/on"), false).toBool();
}

int AppSettings::autoPurgeMinutes(const QString &connectionKey) const
{
    return m_settings
        .value(AutoPurgeGroup + QLatin1Char('/') + connectionKey + QStringLiteral("/minutes"), DefaultAutoPurgeMinutes)
        .toInt();
}

void AppSettings::setAutoPurge(const QString &connectionKey, bool on, int minutes)
{
    if (connectionKey.isEmpty())
        return;
    const QString group = AutoPurgeGroup + QLatin1Char('/') + connectionKey;
    m_settings.setValue(group + QStringLiteral("/on"), on);
    m_settings.setValue(group + QStringLiteral("/minutes"), minutes);
}
