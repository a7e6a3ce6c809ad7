#pragma once

#include <QMap>
#include <QWidget>

class DatabaseSession;
class TableSummaryModel;
class QLabel;
class QPushButton;
class QTableView;
class QGridLayout;

// The first page: which database is open, whether Trongate's tables are there, and what links to them.
class OverviewPage final : public QWidget {
    Q_OBJECT

public:
    explicit OverviewPage(DatabaseSession &session, QWidget *parent = nullptr);

    void refresh();
    const TableSummaryModel *model() const { return m_model; }
    QString schemaStatusText() const;
    // The number shown on a token tile ("valid", "hour", "purgeable", "noExpiry", "orphans").
    QString statText(const QString &key) const;

signals:
    void verifyRequested();
    void installRequested();

private:
    DatabaseSession &m_session;
    TableSummaryModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_schemaStatus = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_install = nullptr;
    QTableView *m_view = nullptr;
    QWidget *m_stats = nullptr;
    QMap<QString, QLabel *> m_statValues;
};
