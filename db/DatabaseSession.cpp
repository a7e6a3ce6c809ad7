#include "DatabaseSession.h"

#include <QSqlError>
#include <QSqlQuery>

DatabaseSession::DatabaseSession(QObject *parent)
    : QObject(parent)
{
}

DatabaseSession::~DatabaseSession()
{
    if (isOpen())
        Connector::close(m_connectionName);
}

ConnectResult DatabaseSession::open(
    const ConnectionProfile &profile, const QString &password, const Connector::Options &options)
{
    const QString name = Connector::uniqueName(QStringLiteral("session"));
    ConnectResult r = Connector::open(profile, password, name, options);
    if (!r.ok())
        return r;
    // Switching: the old connection goes quietly; listeners hear about the new one.
    const QString previous = m_connectionName;
    m_connectionName = name;
    m_profile = profile;
    m_info = r;
    if (!previous.isEmpty())
        Connector::close(previous);
    emit opened();
    return r;
}

void DatabaseSession::close()
{
    if (!isOpen())
        return;
    Connector::close(m_connectionName);
    m_connectionName.clear();
    m_profile = {};
    m_info = {};
    emit closed();
}

QSqlDatabase DatabaseSession::database() const
{
    return isOpen() ? QSqlDatabase::database(m_connectionName, false) : QSqlDatabase();
}

bool DatabaseSession::checkAlive()
{
    if (!isOpen())
        return false;
    if (m_lost)
        return false;
    QSqlDatabase db = database();
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT 1")) && q.next())
        return true;
    m_lost = true;
    emit connectionLost(Connector::classify(m_profile, q.lastError()).message);
    return false;
}

bool DatabaseSession::reconnect()
{
    if (!isOpen())
        return false;
    QSqlDatabase db = database();
    db.close();
    if (!db.open())
        return false;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT 1")))
        return false;
    const bool wasLost = m_lost;
    m_lost = false;
    if (wasLost)
        emit connectionRestored();
    return true;
}
