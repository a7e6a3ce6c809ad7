#include "DatabaseCommands.h"

#include "DiagramScene.h"
#include "schema/SchemaGraph.h"

#include <climits>
#include <QFileInfo>

#include "audit/AuditLog.h"
#include "CommandContext.h"
#include "audit/ControlText.h"
#include "schema/DemoDatabase.h"
#include "schema/SchemaInspector.h"
#include "sql/SqlDialect.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>

namespace {
const QString DryRun = QStringLiteral("dry-run");
const QString Users = QStringLiteral("users");
const QString Tokens = QStringLiteral("tokens");

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

QList<CommandSpec> DatabaseCommands::commands()
{
    QList<CommandSpec> specs;
    CommandSpec s;

    s = {};
    s.group = QStringLiteral("schema");
    s.name = QStringLiteral("install");
    s.usage = QStringLiteral("[--dry-run]");
    s.summary = tr("create whichever Trongate tables are missing (existing ones are left alone)");
    s.description = tr("Creates Trongate's trongate_user_levels, trongate_users and trongate_tokens exactly as its "
                       "setup.sql does, translated for SQLite and PostgreSQL. Safe to run twice.");
    s.options = { QCommandLineOption(DryRun, tr("Print the SQL without running it.")) };
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &) { return install(c, p); };
    specs << s;

    s = {};
    s.group = QStringLiteral("schema");
    s.name = QStringLiteral("verify");
    s.summary = tr("compare the tables with Trongate's definitions; exit 0 clean, 1 differs");
    s.description = tr("Lists, table by table and column by column, what differs from Trongate's definitions. "
                       "Changes nothing.");
    s.run = [](CommandContext &c, const QCommandLineParser &, const QStringList &) { return verify(c); };
    specs << s;

    s = {};
    s.group = QStringLiteral("schema");
    s.name = QStringLiteral("diagram");
    s.usage = QStringLiteral("--output FILE.svg|FILE.png|FILE.pdf [--all]");
    s.summary = tr("draw the relation diagram to an SVG, PNG or PDF file");
    s.description = tr("Draws Trongate's tables and every table linked by trongate_user_id as boxes, with declared "
                       "foreign keys as solid lines, relations inferred from Trongate's conventions as dashed lines, "
                       "and each relation's orphan count. The file type follows the file name. Needs no display.");
    s.options = { QCommandLineOption(QStringLiteral("output"), tr("The file to write."), QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("all"), tr("Every table of the database, not only those linked to Trongate's.")) };
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &) { return diagram(c, p); };
    specs << s;

    s = {};
    s.group = QStringLiteral("demo");
    s.name = QStringLiteral("seed");
    s.usage = QStringLiteral("[--users N] [--tokens N]");
    s.summary = tr("fill an empty database with demo levels, users, tokens and linked tables");
    s.description = tr("Creates the missing tables and fills them with realistic demo rows, in one transaction. A "
                       "database that has user levels already is left alone.");
    s.options = { QCommandLineOption(Users, tr("Users to create, 1 to 1000000 (default 300)."), QStringLiteral("N")),
        QCommandLineOption(Tokens, tr("Tokens to create, 0 to 10000000 (default 700)."), QStringLiteral("N")) };
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &) { return seed(c, p); };
    specs << s;
    return specs;
}

int DatabaseCommands::install(CommandContext &ctx, const QCommandLineParser &p)
{
    const bool dryRun = p.isSet(DryRun);
    const auto db = ctx.open(!dryRun, false);
    if (!db)
        return CommandContext::Failure;
    if (dryRun) {
        const QStringList statements = TrongateSchema::installStatements(Sql::kindOf(*db), Sql::tables(*db));
        if (ctx.json()) {
            ctx.printJson({ { QStringLiteral("statements"), QJsonArray::fromStringList(statements) } });
        } else {
            for (const QString &s : statements)
                ctx.out() << s << ";\n\n";
            if (statements.isEmpty())
                ctx.err() << tr("Nothing to install: Trongate's three tables are present.") << '\n';
        }
        return CommandContext::Ok;
    }
    const SchemaInspector inspector(*db);
    QStringList executed;
    QString error;
    if (!inspector.install(&executed, &error))
        return ctx.failure(tr("Installing the tables failed: %1").arg(error));
    if (!executed.isEmpty()) {
        AuditEntry e;
        e.action = QStringLiteral("schema");
        e.count = executed.size();
        e.detail = QStringLiteral("install: %1 table(s) created").arg(executed.size());
        ctx.audit(e);
    }
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("created"), qint64(executed.size()) } });
    else if (executed.isEmpty())
        ctx.out() << tr("Nothing to install: Trongate's three tables are present.") << '\n';
    else
        ctx.out() << tr("Tables created: %1.").arg(executed.size()) << '\n';
    return CommandContext::Ok;
}

int DatabaseCommands::diagram(CommandContext &ctx, const QCommandLineParser &p)
{
    const QString output = p.value(QStringLiteral("output"));
    if (output.isEmpty())
        return ctx.refuse(tr("Say where to write the diagram: --output FILE.svg, FILE.png or FILE.pdf."));
    const QString suffix = QFileInfo(output).suffix().toLower();
    if (suffix != QLatin1String("svg") && suffix != QLatin1String("png") && suffix != QLatin1String("pdf"))
        return ctx.refuse(tr("The diagram can be written as .svg, .png or .pdf, not \"%1\".").arg(suffix));
    const auto db = ctx.open(false, false);
    if (!db)
        return CommandContext::Failure;
    QString error;
    const SchemaGraph graph = SchemaGraph::read(*db, p.isSet(QStringLiteral("all")), &error);
    if (graph.tables.isEmpty())
        return ctx.refuse(tr("This database has none of Trongate's tables and no table linked to them: nothing to draw."));
    DiagramScene scene;
    scene.build(graph);
    if (!scene.exportTo(output, &error))
        return ctx.failure(error);
    qint64 orphans = 0;
    for (const SchemaGraph::Relation &r : graph.relations)
        orphans += std::max<qint64>(0, r.orphans);
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("file"), output }, { QStringLiteral("tables"), qint64(graph.tables.size()) },
            { QStringLiteral("relations"), qint64(graph.relations.size()) }, { QStringLiteral("orphans"), orphans } });
    else
        ctx.out() << tr("Wrote %1: %2 tables, %3 relations, %n orphan row(s).", nullptr, int(std::min<qint64>(orphans, INT_MAX)))
                         .arg(output)
                         .arg(graph.tables.size())
                         .arg(graph.relations.size())
                  << '\n';
    return CommandContext::Ok;
}

int DatabaseCommands::verify(CommandContext &ctx)
{
    const auto db = ctx.open(false, false);
    if (!db)
        return CommandContext::Failure;
    const SchemaReport report = SchemaInspector(*db).verify();
    if (report.readFailed)
        return ctx.failure(report.error);
    if (ctx.json()) {
        QJsonArray diffs;
        for (const SchemaDifference &d : report.differences)
            diffs.append(QJsonObject { { QStringLiteral("table"), d.table }, { QStringLiteral("column"), d.column },
                { QStringLiteral("kind"), kindKey(d.kind) }, { QStringLiteral("expected"), d.expected },
                { QStringLiteral("actual"), d.actual }, { QStringLiteral("note"), d.isNote() } });
        ctx.printJson(
            { { QStringLiteral("clean"), report.isClean() }, { QStringLiteral("problems"), report.problemCount() },
                { QStringLiteral("missing_tables"), QJsonArray::fromStringList(report.missingTables) },
                { QStringLiteral("differences"), diffs } });
    } else {
        for (const SchemaDifference &d : report.differences)
            ctx.out() << (d.isNote() ? QStringLiteral("note: ") : QString()) << ControlText::escaped(d.description())
                      << '\n';
        ctx.out() << (report.isClean() ? tr("Schema matches Trongate's definitions.")
                                       : tr("Differences from Trongate's definitions: %1.").arg(report.problemCount()))
                  << '\n';
    }
    return report.isClean() ? CommandContext::Ok : CommandContext::Refused;
}

int DatabaseCommands::seed(CommandContext &ctx, const QCommandLineParser &p)
{
    DemoDatabase::Options o;
    if (p.isSet(Users)) {
        const auto n = ctx.parseCount(p.value(Users), tr("--users"), 1, 1000000);
        if (!n)
            return CommandContext::Refused;
        o.users = int(*n);
    }
    if (p.isSet(Tokens)) {
        const auto n = ctx.parseCount(p.value(Tokens), tr("--tokens"), 0, 10000000);
        if (!n)
            return CommandContext::Refused;
        o.tokens = int(*n);
    }
    const auto db = ctx.open(true, false);
    if (!db)
        return CommandContext::Failure;
    QElapsedTimer timer;
    timer.start();
    DemoDatabase::Summary summary;
    QString error;
    if (!DemoDatabase::ensureSeeded(*db, o, &summary, &error))
        return ctx.failure(tr("Seeding failed and nothing was added: %1").arg(error));
    if (!summary.seeded)
        return ctx.refuse(tr("The database has user levels already; demo seed only fills an empty database. Nothing "
                             "was added."));
    const double seconds = timer.elapsed() / 1000.0;
    AuditEntry e;
    e.action = QStringLiteral("edit");
    e.count = summary.levels + summary.users + summary.tokens + summary.administrators + summary.members;
    e.detail = QStringLiteral("demo seed: %1 levels, %2 users, %3 tokens")
                   .arg(summary.levels)
                   .arg(summary.users)
                   .arg(summary.tokens);
    ctx.audit(e);
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("levels"), summary.levels }, { QStringLiteral("users"), summary.users },
            { QStringLiteral("tokens"), summary.tokens }, { QStringLiteral("administrators"), summary.administrators },
            { QStringLiteral("members"), summary.members }, { QStringLiteral("seconds"), seconds } });
    else
        ctx.out() << tr("Seeded %1 levels, %2 users, %3 tokens, %4 administrators and %5 members in %6 s.")
                         .arg(summary.levels)
                         .arg(summary.users)
                         .arg(summary.tokens)
                         .arg(summary.administrators)
                         .arg(summary.members)
                         .arg(seconds, 0, 'f', 1)
                  << '\n';
    return CommandContext::Ok;
}
