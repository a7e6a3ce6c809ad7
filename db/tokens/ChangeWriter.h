#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

// Edits of one table, collected by a grid and written on Save.
struct ChangeSet {
    struct Insert {
        QVariantList values; // one per column
    };
    struct Update {
        qint64 id = 0;
        QVariantList original; // the row as it was loaded, one per column
        QVariantList values; // the row as it should be
    };
    struct Delete {
        qint64 id = 0;
        QVariantList original;
    };
    // A statement run in the same transaction (moving users off a level, deleting a user's tokens).
    struct Statement {
        QString sql;
        QVariantList values;
    };
    // A query that must return 0 inside the transaction, or the save is refused with message.
    struct Guard {
        QString sql;
        QVariantList values;
        QString message;
    };

    QString table;
    QStringList columns; // without id
    QList<Insert> inserts;
    QList<Update> updates;
    QList<Delete> deletes;
    QList<Statement> statements;
    QList<Guard> guards;

    bool isEmpty() const { return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty() && statements.isEmpty(); }
};

// Writes a ChangeSet in one transaction. A row someone else changed or deleted since it was loaded
// is a conflict: nothing is written, and the conflict says what the database holds now.
class ChangeWriter final {
    Q_DECLARE_TR_FUNCTIONS(ChangeWriter)

public:
    struct Conflict {
        qint64 id = 0;
        bool deletedElsewhere = false;
        QVariantList original; // as loaded
        QVariantList mine; // as edited (empty for a delete)
        QVariantList current; // as the database holds it now (empty when deleted elsewhere)
    };
    struct Result {
        bool ok = false;
        QString error; // in words; empty when ok or when conflicts explain it
        QList<Conflict> conflicts;
        QList<qint64> insertedIds;
        int rowsWritten = 0;
    };

    static Result apply(QSqlDatabase db, const ChangeSet &changes);
    // A database's refusal in words a person can act on.
    static QString explain(const QSqlDatabase &db, const QSqlError &error);
};
