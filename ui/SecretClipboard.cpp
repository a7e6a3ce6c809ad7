#include "SecretClipboard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QTimer>

namespace {
bool holdsOurs(const QString &text = {})
{
    const QMimeData *data = QApplication::clipboard()->mimeData();
    return data && data->hasFormat(SecretClipboard::OwnMark) && (text.isNull() || data->text() == text);
}
} // namespace

void SecretClipboard::copy(const QString &text, int clearAfterSeconds)
{
    auto *data = new QMimeData;
    data->setText(text);
    data->setData(PasswordManagerHint, QByteArrayLiteral("secret"));
    data->setData(OwnMark, QByteArrayLiteral("1"));
    QApplication::clipboard()->setMimeData(data);
    QTimer::singleShot(clearAfterSeconds * 1000, qApp, [text] {
        if (holdsOurs(text))
            QApplication::clipboard()->clear();
    });
}

bool SecretClipboard::clearIfOurs()
{
    if (!holdsOurs())
        return false;
    QApplication::clipboard()->clear();
    return true;
}
