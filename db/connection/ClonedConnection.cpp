#include "connection/ClonedConnection.h"

#include "connection/Connector.h"

#include <QSqlError>

ClonedConnection::ClonedConnection(const QString &sourceName, const QString &prefix)
    : m_name(Connector::uniqueName(prefix))
{
    if (QSqlDatabase::contains(sourceName))
        QSqlDatabase::cloneDatabase(sourceName, m_name);
}

ClonedConnection::~ClonedConnection()
{
    Connector::close(m_name);
}

QSqlDatabase ClonedConnection::db() const
{
    return QSqlDatabase::database(m_name, false);
}

bool ClonedConnection::open(QString *error)
{
    QSqlDatabase db = this->db();
    if (!db.isValid()) {
        if (error)
            *error = tr("The connection was closed.");
        return false;
    }
    if (db.isOpen() || db.open())
        return true;
    if (error)
        *error = tr("The database could not be reached: %1").arg(db.lastError().text());
    return false;
}
