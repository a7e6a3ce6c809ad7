#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

// A connection of the calling thread's own: a clone of another connection taken by NAME (the
// overload of QSqlDatabase::cloneDatabase that is safe on any thread), opened on this thread,
// closed and removed when this goes (on the same thread). A MySQL clone goes through the source's
// relay, which checks TLS as for the source. For work on a thread of its own, such as an export.
class ClonedConnection final {
    Q_DECLARE_TR_FUNCTIONS(ClonedConnection)

public:
    ClonedConnection(const QString &sourceName, const QString &prefix);
    ~ClonedConnection();
    ClonedConnection(const ClonedConnection &) = delete;
    ClonedConnection &operator=(const ClonedConnection &) = delete;

    // False with the reason in error when the source is gone or the database cannot be reached.
    bool open(QString *error);
    QSqlDatabase db() const;
    QString name() const { return m_name; }

private:
    QString m_name;
};
