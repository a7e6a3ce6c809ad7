#pragma once

#include "sql/QueryBuilder.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QVariantList>

#include <functional>

// The query builder's result: read-only rows as they arrive page by page. Token strings (a column
// of trongate_tokens.token) are masked as the tokens page masks them, in the grid and in CSV.
class QueryResultModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit QueryResultModel(QObject *parent = nullptr);

    // maskedColumns: indexes of result columns that hold token strings.
    void reset(const QStringList &headers, const QSet<int> &maskedColumns);
    void append(const QList<QVariantList> &rows, bool atEnd);
    void clear();
    bool atEnd() const { return m_atEnd; }
    // The result columns of q that hold token strings (trongate_tokens.token, also its MIN/MAX).
    static QSet<int> tokenColumns(const QueryBuilder::Query &q);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The text shown in a cell (masked where the grid masks it), for CSV and the command line.
    QString text(int row, int column) const;

    // What an export of the result needs, copied on the model's thread for a thread of its own.
    // The rows held are exported when they are all there; else the statement that made them runs
    // again (with the same "now") on a connection of the export's own, and its rows stream.
    struct ExportSource {
        QStringList headers;
        QSet<int> masked;
        bool complete = false;
        QList<QVariantList> rows; // when complete
        QString connection; // else these three: set by whoever ran the statement
        QueryBuilder::Statement statement;
        qint64 now = 0;
    };
    ExportSource exportSource() const;
    // The cells of source's rows, as the grid shows them (token strings masked), to sink; it
    // returns false to stop. False with error set when the rows could not be read.
    static bool exportRows(
        const ExportSource &source, const std::function<bool(const QStringList &cells)> &sink, QString *error);

signals:
    // The view scrolled to the end of what arrived while more rows wait on the server.
    void moreWanted();

private:
    static QString cellText(const QVariant &value, bool masked);

    QStringList m_headers;
    QSet<int> m_masked;
    QList<QVariantList> m_rows;
    bool m_atEnd = true;
    bool m_asked = false;
};
