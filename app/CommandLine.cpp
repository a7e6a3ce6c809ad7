#include "CommandLine.h"

#include "AccountCommands.h"
#include "CommandContext.h"
#include "DatabaseCommands.h"
#include "PasswordSource.h"
#include "QueryCommands.h"
#include "TokenCommands.h"

#include <QCommandLineParser>
#include <QSet>

namespace {
const QString Db = QStringLiteral("db");
const QString Connection = QStringLiteral("connection");
const QString Json = QStringLiteral("json");
const QString Yes = QStringLiteral("yes");
const QString Password = QStringLiteral("password");
const QString SshKey = QStringLiteral("ssh-key");
const QString SshTrust = QStringLiteral("ssh-trust");

// Options of the window that take a value (main.cpp parses them).
const QStringList WindowValueOptions = { QStringLiteral("page"), QStringLiteral("screenshot"), QStringLiteral("size") };

bool isHelp(const QString &a)
{
    return a == QLatin1String("--help") || a == QLatin1String("-h") || a == QLatin1String("-?");
}

// The positional arguments of argv, skipping options and the values of those that take one.
QStringList positionals(const QStringList &args, const QSet<QString> &valueOptions, bool *help)
{
    QStringList out;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--")) {
            out += args.mid(i + 1);
            break;
        }
        if (isHelp(a)) {
            *help = true;
            continue;
        }
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            const QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1).section(QLatin1Char('='), 0, 0);
            if (!a.contains(QLatin1Char('=')) && valueOptions.contains(name))
                ++i;
            continue;
        }
        out << a;
    }
    return out;
}
} // namespace

CommandLine::CommandLine(ProfileStore &profiles, SecretStore *secrets)
    : m_profiles(profiles)
    , m_secrets(secrets)
    , m_out(stdout)
    , m_err(stderr)
    , m_commands(allCommands())
{
}

QList<CommandSpec> CommandLine::allCommands()
{
    return DatabaseCommands::commands() + QueryCommands::commands() + AccountCommands::commands()
        + TokenCommands::commands();
}

QStringList CommandLine::commandNames()
{
    QStringList groups;
    for (const CommandSpec &s : allCommands())
        if (!groups.contains(s.group))
            groups << s.group;
    return groups;
}

QList<QCommandLineOption> CommandLine::globalOptions()
{
    return {
        QCommandLineOption(Db, tr("Database URL."), QStringLiteral("URL")),
        QCommandLineOption(Connection, tr("Saved connection name."), QStringLiteral("NAME")),
        QCommandLineOption(SshKey,
            tr("Private key for the SSH host of the connection (its passphrase comes from %1 or the keychain).")
                .arg(QString::fromLatin1(PasswordSource::SshEnvironmentVariable)),
            QStringLiteral("PATH")),
        QCommandLineOption(SshTrust,
            tr("Trust an SSH host not yet in known_hosts if, and only if, its key has this SHA256 fingerprint "
               "(it is then saved)."),
            QStringLiteral("FINGERPRINT")),
        QCommandLineOption(Json, tr("Machine-readable output (one JSON object on stdout).")),
        QCommandLineOption({ QStringLiteral("v"), QStringLiteral("version") }, tr("Print the version.")),
        QCommandLineOption({ QStringLiteral("h"), QStringLiteral("help") }, tr("Print this help.")),
        QCommandLineOption(Password, QString(), QStringLiteral("P")),
    };
}

bool CommandLine::wantsCommandLine(int argc, char **argv)
{
    // Only the first positional argument matters; the values of the global options are skipped.
    const QStringList commands = commandNames();
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == QLatin1String("--version") || a == QLatin1String("-v") || isHelp(a)
            || a.startsWith(QLatin1String("--password")))
            return true;
        if (a == QLatin1String("--db") || a == QLatin1String("--connection") || a == QLatin1String("--ssh-key")
            || a == QLatin1String("--ssh-trust") || a == QLatin1String("--page") || a == QLatin1String("--screenshot")
            || a == QLatin1String("--size")) {
            ++i; // skip the option's value
            continue;
        }
        if (!a.startsWith(QLatin1Char('-')))
            return commands.contains(a);
    }
    return false;
}

void CommandLine::printHelp()
{
    m_out << tr("Usage: trongate-admin [--db URL | --connection NAME] COMMAND [options]\n"
                "\n"
                "Without a command, the console window opens.\n"
                "\n"
                "Commands:\n");
    QStringList left;
    for (const CommandSpec &s : std::as_const(m_commands))
        left << s.fullName();
    qsizetype width = 0;
    for (const QString &l : left)
        width = std::max(width, l.size());
    for (qsizetype i = 0; i < m_commands.size(); ++i)
        m_out << QStringLiteral("  ") << left.at(i).leftJustified(width + 2) << m_commands.at(i).summary << '\n';
    m_out << tr(
        "\n"
        "Run \"trongate-admin COMMAND --help\" for a command's options, e.g. trongate-admin tokens issue "
        "--help.\n"
        "Every command takes --json for machine-readable output. Commands that delete ask for "
        "confirmation on a terminal and need --yes otherwise.\n"
        "\n"
        "Connection:\n"
        "  --db URL            sqlite:PATH, mysql://user@host:port/db[?tls=require&ca=PATH&cert=PATH&key=PATH],\n"
        "                      postgres://user@host:port/db\n"
        "  --connection NAME   a connection saved in the console\n"
        "  The password comes from TRONGATE_DB_PASSWORD, the keychain, or a prompt; never from an argument.\n"
        "\n"
        "Window options:\n"
        "  --screenshot FILE [--page NAME]   render the window to a PNG and exit (no display needed)\n"
        "\n"
        "Exit codes: 0 success, 1 refused, denied by the database's privileges, or differs (nothing changed), "
        "2 connection or database failure.\n");
    m_out.flush();
}

void CommandLine::printGroupHelp(const QString &group, QTextStream &stream)
{
    stream << tr("Usage: trongate-admin [--db URL | --connection NAME] %1 SUBCOMMAND [options]").arg(group) << "\n\n"
           << tr("Subcommands:") << '\n';
    for (const CommandSpec &s : std::as_const(m_commands)) {
        if (s.group != group)
            continue;
        stream << QStringLiteral("  %1 %2").arg(s.name, s.usage).trimmed().prepend(QStringLiteral("  ")) << '\n'
               << QStringLiteral("      ") << s.summary << '\n';
    }
    stream << '\n' << tr("Run \"trongate-admin %1 SUBCOMMAND --help\" for its options.").arg(group) << '\n';
    stream.flush();
}

void CommandLine::printCommandHelp(const CommandSpec &spec)
{
    m_out << tr("Usage: trongate-admin [--db URL | --connection NAME] %1 %2").arg(spec.fullName(), spec.usage).trimmed()
          << "\n\n"
          << spec.description << '\n';
    QList<QCommandLineOption> options = spec.options;
    options << QCommandLineOption(Json, tr("Machine-readable output (one JSON object on stdout)."));
    QStringList left;
    for (const QCommandLineOption &o : std::as_const(options))
        left << QStringLiteral("--") + o.names().constLast()
                + (o.valueName().isEmpty() ? QString() : QLatin1Char(' ') + o.valueName());
    qsizetype width = 0;
    for (const QString &l : std::as_const(left))
        width = std::max(width, l.size());
    m_out << '\n' << tr("Options:") << '\n';
    for (qsizetype i = 0; i < options.size(); ++i)
        m_out << QStringLiteral("  ") << left.at(i).leftJustified(width + 2) << options.at(i).description() << '\n';
    if (spec.group != QLatin1String("random"))
        m_out << '\n'
              << tr("The database comes from --db URL or --connection NAME, given before or after the command.")
              << '\n';
    m_out.flush();
}

int CommandLine::run(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    QSet<QString> valueOptions { Db, Connection, Password };
    for (const QString &w : WindowValueOptions)
        valueOptions.insert(w);
    for (const CommandSpec &s : std::as_const(m_commands))
        for (const QCommandLineOption &o : s.options)
            if (!o.valueName().isEmpty())
                for (const QString &n : o.names())
                    valueOptions.insert(n);

    for (const QString &a : args) {
        if (a == QLatin1String("--password") || a.startsWith(QLatin1String("--password="))) {
            m_err << tr("Passwords are never taken as arguments (other users can read command lines). Set %1 or "
                        "type it when asked.")
                         .arg(QString::fromLatin1(PasswordSource::EnvironmentVariable))
                  << '\n';
            return Refused;
        }
    }
    if (args.contains(QStringLiteral("--version")) || args.contains(QStringLiteral("-v"))) {
        m_out << QStringLiteral("trongate-admin %1\n").arg(QStringLiteral(TGADMIN_VERSION));
        return Ok;
    }
    bool help = false;
    const QStringList positional = positionals(args, valueOptions, &help);
    if (positional.isEmpty()) {
        printHelp();
        return Ok;
    }

    const QString group = positional.first();
    const QStringList groups = commandNames();
    if (!groups.contains(group)) {
        m_err << tr("Unknown command \"%1\". Run trongate-admin --help for the commands.").arg(group.left(40)) << '\n';
        return Refused;
    }
    const CommandSpec *spec = nullptr;
    bool hasSubcommands = false;
    for (const CommandSpec &s : std::as_const(m_commands)) {
        if (s.group != group)
            continue;
        hasSubcommands = hasSubcommands || !s.name.isEmpty();
        if (s.name.isEmpty() || (positional.size() > 1 && s.name == positional.at(1)))
            spec = &s;
    }
    if (!spec) {
        if (help && positional.size() == 1) {
            printGroupHelp(group, m_out);
            return Ok;
        }
        if (positional.size() > 1)
            m_err << tr("Unknown subcommand \"%1 %2\".").arg(group.left(40), positional.at(1).left(40)) << "\n\n";
        printGroupHelp(group, m_err);
        return Refused;
    }
    if (help) {
        printCommandHelp(*spec);
        return Ok;
    }

    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOptions(globalOptions());
    parser.addOptions(spec->options);
    const QString helpHint = tr("Run \"trongate-admin %1 --help\" for its options.").arg(spec->fullName());
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << '\n' << helpHint << '\n';
        return Refused;
    }
    const QStringList commandArgs = parser.positionalArguments().mid(hasSubcommands ? 2 : 1);
    if (commandArgs.size() < spec->minArguments || commandArgs.size() > spec->maxArguments) {
        m_err << (spec->maxArguments == 0
                ? tr("\"%1\" takes no arguments besides its options; \"%2\" is one too many.")
                      .arg(spec->fullName(), commandArgs.value(0))
                : tr("\"%1\" needs %2.").arg(spec->fullName(), spec->usage.section(QLatin1String(" ["), 0, 0)))
              << '\n'
              << helpHint << '\n';
        return Refused;
    }

    CommandContext ctx(m_profiles, m_secrets, m_out, m_err);
    ctx.setDatabaseChoice(parser.value(Db), parser.value(Connection));
    ctx.setSsh(parser.value(SshKey), parser.value(SshTrust));
    ctx.setJson(parser.isSet(Json));
    const bool yes = spec->options.end()
            != std::find_if(spec->options.begin(), spec->options.end(),
                [](const QCommandLineOption &o) { return o.names().contains(Yes); })
        && parser.isSet(Yes);
    ctx.setYes(yes);
    // Refused before anything is read or opened: a script must say --yes for a destructive command.
    if (spec->destructive && !yes && !CommandContext::stdinIsTerminal()) {
        m_err << tr("\"%1\" deletes or replaces data and asks for confirmation first, but stdin is not a terminal. "
                    "Pass --yes to go ahead; nothing was changed.")
                     .arg(spec->fullName())
              << '\n';
        return Refused;
    }
    const int code = spec->run(ctx, parser, commandArgs);
    // Every privilege denial is a refusal (1), also when it comes at connect time.
    return code == Failure && ctx.accessDenied() ? Refused : code;
}
