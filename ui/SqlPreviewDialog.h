#pragma once

#include <QDialog>

class QPlainTextEdit;

// Shows the exact SQL a change will run, before it runs; nothing happens unless accepted.
class SqlPreviewDialog final : public QDialog {
    Q_OBJECT

public:
    SqlPreviewDialog(const QString &title, const QString &introHtml, const QStringList &statements,
        const QString &acceptLabel, QWidget *parent = nullptr);
    QString previewText() const;
    static QString joined(const QStringList &statements);

private:
    QPlainTextEdit *m_sql = nullptr;
};
