#include "CommandLine.h"

#include "Connector.h"
#include "PasswordSource.h"
#include "ProfileStore.h"
#include "SchemaInspector.h"
#include "SqlDialect.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>

namespace {
const QStringList Commands = { QStringLiteral("schema") };

QString kindKey(SchemaDifference::Kind k)
{
    using K = SchemaDifference::Kind;
    switch (k) {
    case K::MissingTable:
        return QStringLiteral("missing_table");
    case K::MissingColumn:
        return QStringLiteral("missing_column");
    case K::Type:
        return QStringLiteral("type");
    case K::Length:
        return QStringLiteral("length");
    case K::Default:
        return QStringLiteral("default");
    case K::Nullability:
        return QStringLiteral("nullability");
    case K::PrimaryKey:
        return QStringLiteral("primary_key");
    case K::ExtraColumn:
        return QStringLiteral("extra_column");
    }
    return {};
}
} // namespace

CommandLine::CommandLine(ProfileStore &profiles, SecretStore *secrets)
    : m_profiles(profiles)
    , m_secrets(secrets)
    , m_out(stdout)
    , m_err(stderr)
{
}

bool CommandLine::wantsCommandLine(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == QLatin1String("--version") || a == QLatin1String("-v") || a == QLatin1String("--help")
            || a == QLatin1String("-h") || a.startsWith(QLatin1String("--password")))
            return true;
        if (a == QLatin1String("--db") || a == QLatin1String("--connection") || a == QLatin1String("--page")
            || a == QLatin1String("--screenshot") || a == QLatin1String("--size")) {
            ++i; // skip the option's value
            continue;
        }
        if (!a.startsWith(QLatin1Char('-')))
            return Commands.contains(a);
    }
    return false;
}

void CommandLine::printHelp()
{
    m_out << tr(
        "Usage: trongate-admin [--db URL | --connection NAME] COMMAND [options]\n"
        "\n"
        "Without a command, the console window opens.\n"
        "\n"
        "Commands:\n"
        "  schema install [--dry-run]   create whichever Trongate tables are missing (existing ones are left alone)\n"
        "  schema verify [--json]       compare the tables with Trongate's definitions; exit 0 clean, 1 differs\n"
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
        "Exit codes: 0 success, 1 refused or differs (nothing changed), 2 connection or database failure.\n");
    m_out.flush();
}

int CommandLine::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption dbOption(QStringLiteral("db"), tr("Database URL."), QStringLiteral("URL"));
    const QCommandLineOption connectionOption(
        QStringLiteral("connection"), tr("Saved connection name."), QStringLiteral("NAME"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Machine-readable output."));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"), tr("Print the SQL without running it."));
    const QCommandLineOption versionOption(
        { QStringLiteral("v"), QStringLiteral("version") }, tr("Print the version."));
    const QCommandLineOption helpOption({ QStringLiteral("h"), QStringLiteral("help") }, tr("Print this help."));
    const QCommandLineOption passwordOption(QStringLiteral("password"), QString(), QStringLiteral("P"));
    parser.addOptions(
        { dbOption, connectionOption, jsonOption, dryRunOption, versionOption, helpOption, passwordOption });
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << '\n' << tr("Run trongate-admin --help for the usage.") << '\n';
        return Refused;
    }
    if (parser.isSet(passwordOption)) {
        m_err << tr("Passwords are never taken as arguments (other users can read command lines). Set %1 or type it "
                    "when asked.")
                     .arg(QString::fromLatin1(PasswordSource::EnvironmentVariable))
              << '\n';
        return Refused;
    }
    if (parser.isSet(versionOption)) {
        m_out << QStringLiteral("trongate-admin %1\n").arg(QStringLiteral(TGADMIN_VERSION));
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption) || positional.isEmpty()) {
        printHelp();
        return Ok;
    }
    m_dbUrl = parser.value(dbOption);
    m_connection = parser.value(connectionOption);
    m_json = parser.isSet(jsonOption);
    m_dryRun = parser.isSet(dryRunOption);
    if (positional.first() == QLatin1String("schema"))
        return schemaCommand(positional.mid(1));
    m_err << tr("Unknown command \"%1\". Run trongate-admin --help for the commands.").arg(positional.first()) << '\n';
    return Refused;
}

std::optional<ConnectionProfile> CommandLine::resolveProfile(QString *error)
{
    if (!m_dbUrl.isEmpty() && !m_connection.isEmpty()) {
        *error = tr("Give either --db or --connection, not both.");
        return std::nullopt;
    }
    if (!m_dbUrl.isEmpty())
        return ConnectionProfile::fromUrl(m_dbUrl, error);
    if (!m_connection.isEmpty()) {
        if (auto p = m_profiles.load(m_connection))
            return p;
        const QStringList names = m_profiles.names();
        *error = names.isEmpty()
            ? tr("There is no saved connection named \"%1\"; none are saved yet.").arg(m_connection)
            : tr("There is no saved connection named \"%1\". Saved connections: %2.")
                  .arg(m_connection, names.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    *error = tr("Say which database to use: --db URL or --connection NAME.");
    return std::nullopt;
}

bool CommandLine::connect(const ConnectionProfile &profile, bool createSqlite, QString *connectionName)
{
    QString error;
    PasswordSource passwords(m_profiles, m_secrets);
    const auto password = passwords.passwordFor(profile, &error);
    if (!password) {
        m_err << error << '\n';
        return false;
    }
    Connector::Options options;
    options.createSqliteFile = createSqlite;
    *connectionName = Connector::uniqueName(QStringLiteral("cli"));
    const ConnectResult r = Connector::open(profile, *password, *connectionName, options);
    if (!r.ok()) {
        m_err << r.message << '\n';
        return false;
    }
    return true;
}

int CommandLine::schemaCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub != QLatin1String("install") && sub != QLatin1String("verify")) {
        m_err << tr("Use \"schema install\" or \"schema verify\".") << '\n';
        return Refused;
    }
    QString error;
    const auto profile = resolveProfile(&error);
    if (!profile) {
        m_err << error << '\n';
        return Failure;
    }
    QString name;
    if (!connect(*profile, sub == QLatin1String("install") && !m_dryRun, &name))
        return Failure;
    int code = Ok;
    {
        const QSqlDatabase db = QSqlDatabase::database(name, false);
        const SchemaInspector inspector(db);
        if (sub == QLatin1String("install")) {
            const QStringList statements = TrongateSchema::installStatements(Sql::kindOf(db), Sql::tables(db));
            if (m_dryRun) {
                for (const QString &s : statements)
                    m_out << s << ";\n\n";
                if (statements.isEmpty())
                    m_err << tr("Nothing to install: Trongate's three tables are present.") << '\n';
            } else {
                QStringList executed;
                if (!inspector.install(&executed, &error)) {
                    m_err << tr("Installing the tables failed: %1").arg(error) << '\n';
                    code = Failure;
                } else if (executed.isEmpty()) {
                    m_out << tr("Nothing to install: Trongate's three tables are present.") << '\n';
                } else {
                    m_out << tr("Tables created: %1.").arg(executed.size()) << '\n';
                }
            }
        } else {
            const SchemaReport report = inspector.verify();
            if (report.readFailed) {
                m_err << report.error << '\n';
                code = Failure;
            } else {
                code = report.isClean() ? Ok : Refused;
                if (m_json) {
                    QJsonArray diffs;
                    for (const SchemaDifference &d : report.differences)
                        diffs.append(
                            QJsonObject { { QStringLiteral("table"), d.table }, { QStringLiteral("column"), d.column },
                                { QStringLiteral("kind"), kindKey(d.kind) }, { QStringLiteral("expected"), d.expected },
                                { QStringLiteral("actual"), d.actual }, { QStringLiteral("note"), d.isNote() } });
                    const QJsonObject o { { QStringLiteral("clean"), report.isClean() },
                        { QStringLiteral("problems"), report.problemCount() },
                        { QStringLiteral("missing_tables"), QJsonArray::fromStringList(report.missingTables) },
                        { QStringLiteral("differences"), diffs } };
                    m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
                } else {
                    for (const SchemaDifference &d : report.differences)
                        m_out << (d.isNote() ? QStringLiteral("note: ") : QString()) << d.description() << '\n';
                    m_out << (report.isClean()
                            ? tr("Schema matches Trongate's definitions.")
                            : tr("Differences from Trongate's definitions: %1.").arg(report.problemCount()))
                          << '\n';
                }
            }
        }
    }
    m_out.flush();
    Connector::close(name);
    return code;
}
