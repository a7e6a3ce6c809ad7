#include "AppSettings.h"
#include "CommandLine.h"
#include "ConnectionController.h"
#include "connection/DatabaseSession.h"
#include "GridPage.h"
#include "connection/KeychainSecretStore.h"
#include "MainWindow.h"
#include "PasswordSource.h"
#include "connection/ProcessHardening.h"
#include "connection/ProfileStore.h"
#include "Prompter.h"
#include "QueryBuilderPane.h"
#include "RelationsPage.h"
#include "ScreenshotPrompter.h"
#include "SecretClipboard.h"
#include "StallProbe.h"
#include "Theme.h"
#include "Translations.h"
#include "WidgetTexts.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QPalette>
#include <QSettings>
#include <QTextStream>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTableView>
#include <QTimer>

#include <functional>
#include <optional>

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

// Turns the event loop until done() or limitMs after since started, asleep while nothing happens:
// a loop of processEvents() that returns at once when there is nothing to do would take a core
// from the worker threads it waits for (on two cores, a count ran at half its speed).
void turnEventsUntil(const std::function<bool()> &done, const QElapsedTimer &since, qint64 limitMs)
{
    QTimer look; // wakes the loop now and then to ask again
    look.start(20);
    while (!done() && since.elapsed() < limitMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
}

void waitIdle(MainWindow &window, int atLeastMs)
{
    QElapsedTimer t;
    t.start();
    turnEventsUntil([&] { return !window.isBusy() && t.elapsed() >= atLeastMs; }, t, 120000);
}

// For benchmarks (TGADMIN_SCRIPT_SESSION): what a person does in a minute, so that the stall
// probe sees it: every page in turn with its data, the tokens grid scrolled to its end, then the
// live page for TGADMIN_SCRIPT_LIVE_SECONDS (15 by default).
void runScriptedSession(MainWindow &window, StallProbe &stalls)
{
    for (const QString &page : window.pageNames()) {
        if (page == QLatin1String("expiry"))
            continue;
        stalls.mark(QStringLiteral("session_") + page); // when each step began: where a stall was
        window.showPage(page);
        waitIdle(window, 300);
        if (page == QLatin1String("tokens"))
            if (GridPage *grid = window.gridPage(page)) {
                stalls.mark(QStringLiteral("session_tokens_end"));
                grid->view()->scrollToBottom();
                waitIdle(window, 500);
            }
    }
    stalls.mark(QStringLiteral("session_expiry"));
    window.showPage(QStringLiteral("expiry"));
    const int seconds = qEnvironmentVariableIsSet("TGADMIN_SCRIPT_LIVE_SECONDS")
        ? qEnvironmentVariableIntValue("TGADMIN_SCRIPT_LIVE_SECONDS")
        : 15;
    waitIdle(window, seconds * 1000);
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
    // For screenshots of the query builder: a ready-made or saved query, loaded and run on the relations page.
    const QCommandLineOption queryOption(QStringLiteral("query"), QString(), QStringLiteral("NAME"));
    // With --query: which of its tabs to show (0 columns, 1 criteria, 2 SQL, 3 results).
    const QCommandLineOption queryTabOption(QStringLiteral("query-tab"), QString(), QStringLiteral("N"));
    parser.addOptions({ dbOption, connectionOption, screenshotOption, pageOption, sizeOption, darkOption, queryOption,
        queryTabOption });
    QTextStream err(stderr);
    if (!parser.parse(app.arguments())) {
        err << parser.errorText() << '\n'
            << QCoreApplication::translate("main", "Run trongate-admin --help for the usage.") << '\n';
        return CommandLine::Refused;
    }

    // --dark is for screenshots: it does not change the palette the person chose in View ▸ Palette.
    const Theme::Kind theme = parser.isSet(darkOption) ? Theme::Kind::Dark : Theme::fromName(appSettings.theme());
    if (theme != Theme::Kind::System)
        Theme::apply(theme);
    ProfileStore profiles(settings);
    KeychainSecretStore secrets;
    std::unique_ptr<Prompter> prompter;
    if (screenshot)
        prompter = std::make_unique<ScreenshotPrompter>();
    else
        prompter = std::make_unique<WidgetPrompter>();
    StallProbe stalls; // only with TGADMIN_STALL_REPORT set: benchmarks
    DatabaseSession session;
    ConnectionController connections(session, profiles, secrets, *prompter, appSettings);
    MainWindow window(connections, appSettings);
    // For the startup benchmark: when the relation diagram's boxes and lines first showed, and when
    // its orphan counts followed (the screenshot waits for both).
    QObject::connect(window.relationsPage(), &RelationsPage::diagramShown, &stalls,
        [&stalls] { stalls.mark(QStringLiteral("relations_diagram")); });
    QObject::connect(window.relationsPage(), &RelationsPage::countsShown, &stalls,
        [&stalls] { stalls.mark(QStringLiteral("relations_counts")); });

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
        stalls.start();
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

    // As a person meets it: the window on screen first, on the requested page, then the
    // connection (its wait turns the event loop), then the page's data.
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
    // The connection starts first, on its thread: the window is shown and painted meanwhile
    // (over a far link its first paint costs nothing of the person's wait).
    QEventLoop connecting;
    std::optional<bool> opened;
    const auto openDone = [&opened, &connecting](bool ok) {
        opened = ok;
        connecting.quit();
    };
    if (cliProfile)
        connections.openProfileAsync(&window, *cliProfile, password, false, openDone);
    else
        connections.openStartupAsync(&window, openDone);
    window.show();
    QCoreApplication::processEvents();
    stalls.start();
    if (!opened)
        connecting.exec();
    if (!*opened && cliProfile)
        return CommandLine::Failure;
    {
        // What a person would see: the page with its data, not "Counting rows…". A page that
        // never gets its data fails loudly rather than rendering a placeholder.
        QElapsedTimer waited;
        waited.start();
        QCoreApplication::processEvents();
        // For the startup benchmark: when the rows were first on screen (to the next turn of the
        // loop, 20 ms at most), before what follows them.
        bool firstScreen = false;
        turnEventsUntil(
            [&] {
                if (!firstScreen && window.showsFirstScreen()) {
                    firstScreen = true;
                    stalls.mark(QStringLiteral("first_screen"));
                }
                return !window.isBusy();
            },
            waited, 120000);
        if (window.isBusy()) {
            err << QCoreApplication::translate("main", "The page's data did not arrive within 120 s; no screenshot taken.")
                << '\n';
            return CommandLine::Failure;
        }
        QCoreApplication::processEvents();
        QCoreApplication::processEvents(); // pages that position themselves once shown
        if (parser.isSet(queryOption)) {
            QueryBuilderPane *pane = window.relationsPage()->queryPane();
            if (!pane->load(parser.value(queryOption))) {
                err << QCoreApplication::translate("main", "There is no query named \"%1\".")
                           .arg(parser.value(queryOption))
                    << '\n';
                return CommandLine::Refused;
            }
            pane->run();
            turnEventsUntil([pane] { return !pane->isRunning(); }, waited, 120000);
            if (parser.isSet(queryTabOption))
                pane->showTab(parser.value(queryTabOption).toInt());
            QCoreApplication::processEvents();
        }
        if (qEnvironmentVariableIsSet("TGADMIN_SCRIPT_SESSION"))
            runScriptedSession(window, stalls);
        stalls.stop();
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
