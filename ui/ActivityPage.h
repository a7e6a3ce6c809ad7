#pragma once

#include <QWidget>

class AuditLog;
class QLineEdit;
class QTableWidget;
class QLabel;

// Every change the console made, newest first, from the activity log; tokens appear only as
// fingerprints. Filter by any text, or paste a whole token to find its fingerprint.
class ActivityPage final : public QWidget {
    Q_OBJECT

public:
    ActivityPage(AuditLog &log, QWidget *parent = nullptr);
    void refresh();
    int rowCount() const;
    QString cellText(int row, int column) const;
    void setFilter(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    AuditLog &m_log;
    QLineEdit *m_filter = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_path = nullptr;
};
