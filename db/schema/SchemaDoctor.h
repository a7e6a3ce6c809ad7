#pragma once

#include "schema/SchemaGraph.h"

#include <QCoreApplication>

// Suggestions that make a Trongate database faster and safer, each with the exact SQL. Nothing
// is applied unless the person confirms it; clean-ups of orphans come first, since foreign keys
// can only be added when no orphans exist.
class SchemaDoctor final {
    Q_DECLARE_TR_FUNCTIONS(SchemaDoctor)

public:
    struct Suggestion {
        enum class Kind { CleanOrphans, AddIndex, AddForeignKey };
        Kind kind = Kind::AddIndex;
        QString id; // stable, e.g. "index:trongate_tokens.token"
        QString title;
        QString explanation; // why, and what changes for the PHP application
        QStringList statements;
        bool available = true;
        QString unavailableReason;
        qint64 affectedRows = 0; // orphans a clean-up deletes
    };

    static QList<Suggestion> suggest(const QSqlDatabase &db, const SchemaGraph &graph);
    // Runs the statements, in one transaction where the database can roll DDL back (SQLite,
    // PostgreSQL); MySQL commits each DDL statement by itself.
    static bool apply(QSqlDatabase db, const Suggestion &suggestion, QString *error);
    static QString indexName(const QString &table, const QString &column);
};
