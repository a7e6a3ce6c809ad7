#include "SqlPreviewDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

SqlPreviewDialog::SqlPreviewDialog(const QString &title, const QString &introHtml, const QStringList &statements,
    const QString &acceptLabel, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("SqlPreviewDialog"));
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(introHtml, this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_sql = new QPlainTextEdit(this);
    m_sql->setObjectName(QStringLiteral("sqlPreview"));
    m_sql->setReadOnly(true);
    m_sql->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sql->setPlainText(joined(statements));
    layout->addWidget(m_sql, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *copy = buttons->addButton(tr("Copy &SQL"), QDialogButtonBox::ActionRole);
    QPushButton *accept = buttons->addButton(acceptLabel, QDialogButtonBox::AcceptRole);
    accept->setObjectName(QStringLiteral("acceptButton"));
    accept->setDefault(true);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(previewText()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 540);
}

QString SqlPreviewDialog::joined(const QStringList &statements)
{
    return statements.join(QStringLiteral(";\n\n")) + QLatin1Char(';');
}

QString SqlPreviewDialog::previewText() const
{
    return m_sql->toPlainText();
}
