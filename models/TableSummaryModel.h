#pragma once

#include <QAbstractTableModel>
#include <QSqlDatabase>

// The overview of a connection: Trongate's three tables and the application tables linked to
// trongate_users, with their row counts. A big table first shows the engine's estimate ("about"),
// or "counting…", until countExactly() has counted it.
class TableSummaryModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, RoleColumn, RowsColumn, ColumnCount };
    struct Row {
        QString table;
        bool trongate = false;
        bool present = false;
        qint64 rows = -1;
        enum class Count { Exact, About, Counting } count = Count::Exact;
    };

    explicit TableSummaryModel(QObject *parent = nullptr);

    // Reads the tables of db; returns false with error set when the database could not be read.
    bool refresh(const QSqlDatabase &db, QString *error = nullptr);
    // The same in two halves: read() on any thread (the worker's), setRows() on the model's.
    // Tables estimated at exactBelow rows or more (RowEstimate) are not counted, only estimated;
    // 0 counts every table.
    static QList<Row> read(const QSqlDatabase &db, bool *ok, QString *error, qint64 exactBelow = 0);
    // Counts the rows read() only estimated (stops, not ok, when its worker goes).
    static QList<Row> countExactly(const QSqlDatabase &db, QList<Row> rows, bool *ok, QString *error);
    static bool allExact(const QList<Row> &rows);
    void setRows(const QList<Row> &rows);
    void clear();
    const QList<Row> &rows() const { return m_rows; }
    int missingTrongateTables() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};
