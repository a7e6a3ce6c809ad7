#include "ExpiryReader.h"

#include "sql/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

ExpiryReader::ExpiryReader(const QString &sourceConnection, ExpiryReadBudget::Options budget)
    : m_source(sourceConnection)
    , m_budgetOptions(budget)
    , m_budget(budget)
{
}

void ExpiryReader::bind(const QSqlDatabase &db)
{
    if (db.connectionName() == m_bound)
        return;
    // Another connection: what the last one saw of the engine's signal says nothing here.
    m_bound = db.connectionName();
    if (m_bound != m_source)
        IdentityLookup::sharePrimed(m_source, m_bound); // the session's facts named the linked tables
    m_signal = {};
    m_budget = ExpiryReadBudget(m_budgetOptions);
}

ExpiryPollSnapshot ExpiryReader::poll(const QSqlDatabase &db, const ExpiryPollRequest &request)
{
    bind(db);
    ++m_visits;
    const TokenOwners owners(db);
    return readExpirySnapshot(db, request, &m_signal, &m_budget, owners);
}

qint64 ExpiryReader::locateNow(
    const QSqlDatabase &db, const QString &where, const QVariantList &values, qint64 now, QString *error)
{
    bind(db);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Sql::exec(q, QStringLiteral("SELECT COUNT(*) FROM trongate_tokens") + where + QStringLiteral(" AND expiry_date <= ?"),
            values + QVariantList { now }, error)
        && q.next())
        return q.value(0).toLongLong();
    if (error->isEmpty())
        *error = q.lastError().text();
    return -1;
}

QHash<qint64, QString> ExpiryReader::identities(const QSqlDatabase &db, const QList<qint64> &userIds)
{
    bind(db);
    if (userIds.isEmpty())
        return {};
    return TokenOwners(db).identities().identities(userIds, db);
}

QList<ExpiryRow> ExpiryReader::readPage(const QSqlDatabase &db, const QString &sql, const QVariantList &values, QString *error)
{
    bind(db);
    QList<ExpiryRow> rows;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(q, sql, values, error))
        return rows;
    QList<qint64> users;
    while (q.next()) {
        rows << ExpiryRow { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toLongLong(), {} };
        users << rows.last().userId;
    }
    const QHash<qint64, TokenOwners::Owner> found = TokenOwners(db).lookup(users, db);
    for (ExpiryRow &row : rows)
        row.owner = found.value(row.userId);
    return rows;
}
