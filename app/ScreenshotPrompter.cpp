#include "ScreenshotPrompter.h"

#include "PasswordSource.h"

#include <QTextStream>

void ScreenshotPrompter::warn(QWidget *, const QString &title, const QString &text, const QString &)
{
    QTextStream(stderr) << title << ": " << text << '\n';
}

std::optional<Prompter::PasswordAnswer> ScreenshotPrompter::askPassword(
    QWidget *, const ConnectionProfile &, const QString &, bool)
{
    if (!qEnvironmentVariableIsSet(PasswordSource::EnvironmentVariable))
        return std::nullopt;
    return PasswordAnswer { qEnvironmentVariable(PasswordSource::EnvironmentVariable), false };
}
