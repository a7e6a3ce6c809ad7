#pragma once

#include "schema/SchemaInspector.h"

#include <QDialog>

class SchemaReportModel;
class QTableView;

// "Verify schema": table by table, column by column, what differs from Trongate's definitions.
class SchemaReportDialog final : public QDialog {
    Q_OBJECT

public:
    SchemaReportDialog(const QString &databaseName, const SchemaReport &report, QWidget *parent = nullptr);
    const SchemaReportModel *model() const { return m_model; }
    QString summaryText() const;

private:
    SchemaReportModel *m_model = nullptr;
    QString m_summary;
};
