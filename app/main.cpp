#include "AppSettings.h"
#include "CommandLine.h"
#include "ConnectionController.h"
#include "DatabaseSession.h"
#include "KeychainSecretStore.h"
#include "MainWindow.h"
#include "PasswordSource.h"
#include "ProcessHardening.h"
#include "ProfileStore.h"
#include "Prompter.h"
#include "ScreenshotPrompter.h"
#include "SecretClipboard.h"
#include "Translations.h"
#include "WidgetTexts.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QPalette>
#include <QSettings>
#include <QTextStream>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace {
void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Trongate"));
    QCoreApplication::setApplicationName(QStringLiteral("trongate-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TGADMIN_VERSION));
}

bool argvHas(int argc, char **argv, const char *option)
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], option) == 0)
            return true;
    return false;
}

// "schema diagram" draws with Qt's painting, which needs a GUI application (offscreen, no display).
bool drawsDiagram(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "schema") == 0 && qstrcmp(argv[i + 1], "diagram") == 0)
            return true;
    return false;
}

int runCommandLine(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> owner;
    if (drawsDiagram(argc, argv)) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        owner = std::make_unique<QApplication>(argc, argv);
    } else {
        owner = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *owner;
    setIdentity();
    QSettings settings;
    AppSettings appSettings(settings);
    Translations::install(app, appSettings.language());
    ProfileStore profiles(settings);
    KeychainSecretStore secrets;
    CommandLine cli(profiles, &secrets);
    return cli.run(app.arguments());
}

int runWindow(int argc, char **argv)
{
    const bool screenshot = argvHas(argc, argv, "--screenshot");
    if (screenshot && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trongate-admin.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.trongate.Admin"));
    QSettings settings;
    AppSettings appSettings(settings);
    Translations::install(app, appSettings.language());

    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QString(), QStringLiteral("URL"));
    const QCommandLineOption connectionOption(QStringLiteral("connection"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption pageOption(QStringLiteral("page"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"), QString(), QStringLiteral("WxH"), QStringLiteral("1200x760"));
    // For documentation: render with a dark palette, as a dark desktop theme would give the window.
    const QCommandLineOption darkOption(QStringLiteral("dark"));
    parser.addOptions({ dbOption, connectionOption, screenshotOption, pageOption, sizeOption, darkOption });
    QTextStream err(stderr);
    if (!parser.parse(app.arguments())) {
        err << parser.errorText() << '\n'
            << QCoreApplication::translate("main", "Run trongate-admin --help for the usage.") << '\n';
        return CommandLine::Refused;
    }

    if (parser.isSet(darkOption)) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x1f));
        dark.setColor(QPalette::AlternateBase, QColor(0x27, 0x27, 0x27));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xe0));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
        QApplication::setPalette(dark);
    }
    ProfileStore profiles(settings);
    KeychainSecretStore secrets;
    std::unique_ptr<Prompter> prompter;
    if (screenshot)
        prompter = std::make_unique<ScreenshotPrompter>();
    else
        prompter = std::make_unique<WidgetPrompter>();
    DatabaseSession session;
    ConnectionController connections(session, profiles, secrets, *prompter, appSettings);
    MainWindow window(connections, appSettings);

    std::optional<ConnectionProfile> cliProfile;
    if (parser.isSet(dbOption) || parser.isSet(connectionOption)) {
        QString error;
        if (parser.isSet(dbOption))
            cliProfile = ConnectionProfile::fromUrl(parser.value(dbOption), &error);
        else if (!(cliProfile = profiles.load(parser.value(connectionOption))))
            error = QCoreApplication::translate("main", "There is no saved connection named \"%1\".")
                        .arg(parser.value(connectionOption));
        if (!cliProfile) {
            err << error << '\n';
            return CommandLine::Failure;
        }
    }
    std::optional<QString> password;
    if (cliProfile && qEnvironmentVariableIsSet(PasswordSource::EnvironmentVariable))
        password = qEnvironmentVariable(PasswordSource::EnvironmentVariable);

    if (!screenshot) {
        // The window comes first: on screen at once, saying "Connecting to …", usable (menus,
        // another connection, quitting) while the connection is made on a thread of its own.
        window.restoreWindowState();
        window.show();
        // However the event loop ends (window closed, session logout), no token stays on the clipboard.
        QObject::connect(&app, &QCoreApplication::aboutToQuit, [] { SecretClipboard::clearIfOurs(); });
        QPointer<MainWindow> shown(&window);
        const auto afterOpen = [shown](bool ok) {
            if (!ok && shown && !shown->connections().session().isOpen())
                QTimer::singleShot(0, shown, &MainWindow::manageConnections);
        };
        QTimer::singleShot(0, &window, [&connections, &window, cliProfile, password, afterOpen] {
            if (cliProfile)
                connections.openProfileAsync(&window, *cliProfile, password, false, afterOpen);
            else
                connections.openStartupAsync(&window, afterOpen);
        });
        return app.exec();
    }

    const bool opened = cliProfile ? connections.openProfile(&window, *cliProfile, password)
                                   : connections.openStartup(&window);
    if (!opened && cliProfile)
        return CommandLine::Failure;
    if (screenshot) {
        const QString page = parser.value(pageOption).isEmpty() ? QStringLiteral("overview") : parser.value(pageOption);
        if (!window.showPage(page)) {
            err << QCoreApplication::translate("main", "Unknown page \"%1\". Pages: %2.")
                       .arg(page, window.pageNames().join(QStringLiteral(", ")))
                << '\n';
            return CommandLine::Refused;
        }
        const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
        window.resize(size.value(0).toInt() > 0 ? size.value(0).toInt() : 1200,
            size.value(1).toInt() > 0 ? size.value(1).toInt() : 760);
        window.show();
        QCoreApplication::processEvents();
        QCoreApplication::processEvents(); // pages that position themselves once shown
        const QString file = parser.value(screenshotOption);
        if (!window.grab().save(file, "PNG")) {
            err << QCoreApplication::translate("main", "Could not write the screenshot to %1.").arg(file) << '\n';
            return CommandLine::Failure;
        }
        // Diagnostic, for tests: what the rendered window says, one text a line.
        if (const QString textsFile = qEnvironmentVariable("TGADMIN_DUMP_TEXTS"); !textsFile.isEmpty()) {
            QFile out(textsFile);
            if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
                return CommandLine::Failure;
            out.write(WidgetTexts::collect(window).join(QLatin1Char('\n')).toUtf8() + '\n');
        }
        return opened ? CommandLine::Ok : CommandLine::Failure;
    }
    return opened ? CommandLine::Ok : CommandLine::Failure;
}
} // namespace

int main(int argc, char **argv)
{
    // Before any password is typed or read or a token revealed, in the window and on the command line.
    ProcessHardening::disableCoreDumps();
    if (CommandLine::wantsCommandLine(argc, argv))
        return runCommandLine(argc, argv);
    return runWindow(argc, argv);
}
