#pragma once

#include "schema/SchemaInspector.h"

#include <QAbstractTableModel>

// The result of "verify schema", one row per difference, problems before notes.
class SchemaReportModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TableColumn, ColumnColumn, ProblemColumn, ExpectedColumn, ActualColumn, ColumnCount };

    explicit SchemaReportModel(QObject *parent = nullptr);

    void setReport(const SchemaReport &report);
    const SchemaReport &report() const { return m_report; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SchemaReport m_report;
    QList<SchemaDifference> m_rows;
};
