#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QPointF>
#include <QSettings>
#include <QString>

struct ConnectionProfile;

// Typed access to the console's own settings, with every default in one place.
// Passwords never pass through here: they live in the keychain.
class AppSettings final {
public:
    explicit AppSettings(QSettings &settings);

    QSettings &raw() { return m_settings; }

    // "" = follow the system locale; otherwise a language code such as "de" or "en".
    QString language() const;
    void setLanguage(const QString &code);

    // "system", "light" or "dark" (Theme::name); the desktop's own palette unless chosen.
    QString theme() const;
    void setTheme(const QString &name);

    // The profile opened last; empty = the demo database.
    QString lastConnection() const;
    void setLastConnection(const QString &name);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QString lastPage() const;
    void setLastPage(const QString &page);

    // Where the person left the diagram's boxes, per connection.
    QHash<QString, QPointF> diagramPositions(const QString &connection) const;
    void setDiagramPositions(const QString &connection, const QHash<QString, QPointF> &positions);
    bool diagramAllTables() const;
    // The query builder's saved queries per connection (connectionKey): name -> the picks as
    // QueryBuilder::Query::toJson() writes them, without the values of criteria marked secret.
    QMap<QString, QJsonObject> savedQueries(const QString &connectionKey) const;
    void setSavedQuery(const QString &connectionKey, const QString &name, const QJsonObject &query);
    void removeSavedQuery(const QString &connectionKey, const QString &name);
    void setDiagramAllTables(bool all);

    // Which database a profile reaches (driver, server, database, account or file), whatever it is
    // named: per-connection settings are keyed by this, never by a name another database could reuse.
    static QString connectionKey(const ConnectionProfile &profile);
    // Auto-purge of the live expiry page, per connection and off unless turned on for it.
    bool autoPurge(const QString &connectionKey) const;
    int autoPurgeMinutes(const QString &connectionKey) const;
    void setAutoPurge(const QString &connectionKey, bool on, int minutes);

private:
    QSettings &m_settings;
};
