#pragma once

#include "ExpiryPoller.h"

#include <QSqlDatabase>

// The live view's reads on a connection of the calling thread, with what they keep from one visit
// to the next (the change signal, the read budget). ExpiryPoller uses it on its own thread and
// connection; the page uses it on a DbWorker whose connection logged in beside the session's, so
// that the first visit needs no login of its own. One thread at a time; it keeps no connection
// between calls (the owners' look-ups are made for each call on the connection given).
class ExpiryReader final {
public:
    // sourceConnection: the session's, whose facts (the linked identity tables) the reading
    // connection shares.
    explicit ExpiryReader(const QString &sourceConnection, ExpiryReadBudget::Options budget = {});

    ExpiryPollSnapshot poll(const QSqlDatabase &db, const ExpiryPollRequest &request);
    // How many rows match where and expire at or before now; -1 and error set when it failed.
    qint64 locateNow(const QSqlDatabase &db, const QString &where, const QVariantList &values, qint64 now, QString *error);
    // Who these users are in the application's tables (a snapshot's identityUsers), one statement.
    QHash<qint64, QString> identities(const QSqlDatabase &db, const QList<qint64> &userIds);
    QList<ExpiryRow> readPage(const QSqlDatabase &db, const QString &sql, const QVariantList &values, QString *error);
    int visits() const { return m_visits; }

private:
    void bind(const QSqlDatabase &db);

    QString m_source;
    QString m_bound; // the connection the signal and the budget were last read on
    ExpiryChangeSignal m_signal;
    ExpiryReadBudget::Options m_budgetOptions;
    ExpiryReadBudget m_budget;
    int m_visits = 0;
};
