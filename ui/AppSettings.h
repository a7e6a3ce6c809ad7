#pragma once

#include <QByteArray>
#include <QHash>
#include <QPointF>
#include <QSettings>
#include <QString>

// Typed access to the console's own settings, with every default in one place.
// Passwords never pass through here: they live in the keychain.
class AppSettings final {
public:
    explicit AppSettings(QSettings &settings);

    QSettings &raw() { return m_settings; }

    // "" = follow the system locale; otherwise a language code such as "de" or "en".
    QString language() const;
    void setLanguage(const QString &code);

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
    void setDiagramAllTables(bool all);

private:
    QSettings &m_settings;
};
