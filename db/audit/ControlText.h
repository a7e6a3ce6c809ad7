#pragma once

#include <QCoreApplication>
#include <QString>

// Text read from a database reaches terminals and logs: a level titled "\x1b]2;pwned\x07" would
// retitle the terminal, "\x1b[2J" clear it. Control characters (C0 including tab and escape, DEL,
// C1) are refused where text is typed and made visible where text is printed.
class ControlText final {
    Q_DECLARE_TR_FUNCTIONS(ControlText)

public:
    static bool isControl(QChar c);
    static bool hasControl(const QString &text);
    // Each control character as \xNN (\x1b, \x07, \x9b); everything else unchanged.
    // keepNewlines: a message's own line breaks stay line breaks.
    static QString escaped(const QString &text, bool keepNewlines = false);
    // A sentence for a refusal: "<what> contains a control character (\x1b at position 5) ..."; empty if clean.
    static QString problem(const QString &text, const QString &what);
};
