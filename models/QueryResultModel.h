#pragma once

#include "QueryBuilder.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QVariantList>

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
    // RFC 4180, the header line first; what the grid shows, token strings masked.
    bool writeCsv(const QString &path, QString *error) const;

signals:
    // The view scrolled to the end of what arrived while more rows wait on the server.
    void moreWanted();

private:
    QStringList m_headers;
    QSet<int> m_masked;
    QList<QVariantList> m_rows;
    bool m_atEnd = true;
    bool m_asked = false;
};
