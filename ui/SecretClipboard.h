#pragma once

#include <QString>

// The clipboard for tokens: marked as a secret so clipboard-history tools (KDE Klipper and others
// honouring "x-kde-passwordManagerHint") do not keep it, cleared after a delay if it still holds
// what we put there, and cleared when the console quits.
class SecretClipboard final {
public:
    static inline const QString PasswordManagerHint = QStringLiteral("x-kde-passwordManagerHint");
    // Our own mark: tells at quit time that the clipboard still holds a token we put there.
    static inline const QString OwnMark = QStringLiteral("application/x-trongate-admin-secret");

    static void copy(const QString &text, int clearAfterSeconds);
    // Clears the clipboard if it still holds a secret this process put there; true if it did.
    static bool clearIfOurs();
};
