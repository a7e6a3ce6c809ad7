#pragma once

#include <QString>

class QCoreApplication;

namespace Translations {
// Installs the console's and Qt's own translations for code ("" = the system locale).
// Returns the language actually used ("en" when nothing matched).
QString install(QCoreApplication &app, const QString &code);
} // namespace Translations
