#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

// Inserts many rows with multi-row INSERT statements (rowsPerStatement rows each) and bound values:
// one round trip per few hundred rows instead of one per row. The caller owns the transaction.
class BatchInsert final {
public:
    static constexpr int DefaultRowsPerStatement = 500;

    // head: the fixed start of the statement up to VALUES, e.g. "INSERT INTO t (a, b) VALUES".
    BatchInsert(QSqlDatabase db, QString head, int columns, int rowsPerStatement = DefaultRowsPerStatement);

    // Queues one row (exactly `columns` values); runs a statement whenever enough rows are queued.
    bool add(const QVariantList &row, QString *error);
    // Runs the statement for the rows still queued.
    bool finish(QString *error);
    qint64 rowsWritten() const { return m_written; }

private:
    QString statement(int rows) const;
    bool run(QSqlQuery &query, QString *error);

    QSqlDatabase m_db;
    QString m_head;
    int m_columns;
    int m_rowsPerStatement;
    QVariantList m_pending;
    QSqlQuery m_full; // prepared once for a full batch, then reused
    bool m_fullPrepared = false;
    qint64 m_written = 0;
};
