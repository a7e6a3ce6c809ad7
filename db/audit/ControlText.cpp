#include "audit/ControlText.h"

bool ControlText::isControl(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f);
}

bool ControlText::hasControl(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return isControl(c); });
}

QString ControlText::escaped(const QString &text, bool keepNewlines)
{
    if (!hasControl(text))
        return text;
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (!isControl(c) || (keepNewlines && c == QLatin1Char('\n')))
            out += c;
        else
            out += QStringLiteral("\\x%1").arg(int(c.unicode()), 2, 16, QLatin1Char('0'));
    }
    return out;
}

QString ControlText::problem(const QString &text, const QString &what)
{
    for (qsizetype i = 0; i < text.size(); ++i)
        if (isControl(text.at(i)))
            return tr("%1 contains a control character (%2 at position %3), which could take over a terminal "
                      "that shows it. Remove it.")
                .arg(what, escaped(text.mid(i, 1)))
                .arg(i + 1);
    return {};
}
