#pragma once

#include "TableSummaryModel.h"
#include "tokens/TokenStatistics.h"

#include <QMap>
#include <QWidget>

class DatabaseSession;
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
    // After a change elsewhere: counting a million rows is done now only if the page is on screen,
    // otherwise when it is next shown.
    void invalidate();
    const TableSummaryModel *model() const { return m_model; }
    QString schemaStatusText() const;
    // The number shown on a token tile ("valid", "hour", "purgeable", "noExpiry", "orphans").
    QString statText(const QString &key) const;
    // The page's first screen is on its way from the worker thread.
    bool isLoading() const { return m_loading; }
    // The exact counts of big tables and their statistics are on their way (the page shows
    // estimates meanwhile).
    bool isCounting() const { return m_counting; }
    // The tables are shown; the token statistics of a small trongate_tokens are on their way, in
    // the statement right behind them.
    bool isReadingStatistics() const { return m_readingStats; }

protected:
    void showEvent(QShowEvent *event) override;

signals:
    void verifyRequested();
    void installRequested();

private:
    struct Counted {
        QList<TableSummaryModel::Row> rows;
        bool ok = false;
        QString error;
        bool haveStats = false;
        bool statsLater = false; // trongate_tokens is big: its statistics come with its exact count
        bool statsNext = false; // trongate_tokens is small: its statistics come in the next job
        bool statsFailed = false; // they were to come with the exact count, and could not be read
        QString statsError;
        TokenStatistics stats;
    };
    void countExactly(const Counted &first, quint64 generation);
    void showCounts(const Counted &c);
    void showStatistics(const TokenStatistics &stats);
    void showStatisticsFailed(const QString &error);

    DatabaseSession &m_session;
    TableSummaryModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_schemaStatus = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_install = nullptr;
    QTableView *m_view = nullptr;
    QWidget *m_stats = nullptr;
    bool m_stale = false;
    bool m_loading = false;
    bool m_counting = false;
    bool m_readingStats = false;
    bool m_tablesFailed = false; // the last read of the tables failed: no statistics beside that
    quint64 m_generation = 0;
    QMap<QString, QLabel *> m_statValues;
};
