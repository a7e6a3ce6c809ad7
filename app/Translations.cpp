#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Translations {

QString install(QCoreApplication &app, const QString &code)
{
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    auto *own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("trongate-admin"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        // No translation for this language: English, with its plural forms ("1 token", "3 tokens").
        if (own->load(QStringLiteral(":/i18n/trongate-admin_en.qm")))
            QCoreApplication::installTranslator(own);
        else
            delete own;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    // Qt's own strings: standard buttons, file dialogs, context menus.
    auto *qt = new QTranslator(&app);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(locale);
    return locale.name().left(2);
}

} // namespace Translations
