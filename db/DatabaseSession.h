#pragma once

#include "Connector.h"

#include <QObject>
#include <QSqlDatabase>

// The connection the console is working on. Switching opens the new connection first and only
// then closes the old one, so a failed switch leaves the user where they were.
class DatabaseSession final : public QObject {
    Q_OBJECT

public:
    explicit DatabaseSession(QObject *parent = nullptr);
    ~DatabaseSession() override;

    ConnectResult open(
        const ConnectionProfile &profile, const QString &password, const Connector::Options &options = {});
    void close();

    // A server that went away: checkAlive() notices it (one trivial query), reconnect() opens the
    // same named connection again, so every model holding it works again and no edit is lost.
    bool checkAlive();
    bool reconnect();
    bool isLost() const { return m_lost; }

    bool isOpen() const { return !m_connectionName.isEmpty(); }
    QSqlDatabase database() const;
    QString connectionName() const { return m_connectionName; }
    const ConnectionProfile &profile() const { return m_profile; }
    const ConnectResult &info() const { return m_info; }

signals:
    void opened();
    void closed();
    void connectionLost(const QString &message);
    void connectionRestored();

private:
    ConnectionProfile m_profile;
    ConnectResult m_info;
    QString m_connectionName;
    bool m_lost = false;
};
