#include "QueryCommands.h"

#include "AppSettings.h"
#include "CommandContext.h"
#include "CsvExporter.h"
#include "sql/QueryBuilder.h"
#include "sql/QueryCursor.h"
#include "QueryResultModel.h"
#include "schema/SchemaGraph.h"
#include "sql/SqlDialect.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QSettings>
#include <algorithm>
#include <climits>

namespace {
const QString Csv = QStringLiteral("csv");
const QString Set = QStringLiteral("set");

struct Found {
    QString id; // ready-made ones: the same in every language
    QString name;
    QString description;
    QueryBuilder::Query query;
    bool saved = false;
};

// Ready-made queries first, then the ones saved in the window for this connection.
QList<Found> available(CommandContext &ctx, const QSqlDatabase &db, QString *error)
{
    QList<Found> out;
    const SchemaGraph graph = SchemaGraph::read(db, false, error);
    for (const QueryBuilder::Named &n : QueryBuilder::readyMade(graph))
        out << Found { n.id, n.name, n.description, n.query, false };
    QString problem;
    if (const auto profile = ctx.resolveProfile(&problem)) {
        QSettings settings;
        const AppSettings app(settings);
        const auto saved = app.savedQueries(AppSettings::connectionKey(*profile));
        for (auto it = saved.cbegin(); it != saved.cend(); ++it)
            out << Found { {}, it.key(), {}, QueryBuilder::Query::fromJson(it.value()), true };
    }
    return out;
}
} // namespace

QList<CommandSpec> QueryCommands::commands()
{
    QList<CommandSpec> specs;
    CommandSpec s;
    s.group = QStringLiteral("query");
    s.name = QStringLiteral("list");
    s.summary = tr("list the ready-made queries and those saved in the query builder for this connection");
    s.description = tr("Lists the query builder's ready-made queries and the ones saved for this connection in the "
                       "window, with the parameters each takes.");
    s.run = [](CommandContext &c, const QCommandLineParser &, const QStringList &) { return list(c); };
    specs << s;

    s = {};
    s.group = QStringLiteral("query");
    s.name = QStringLiteral("run");
    s.usage = QStringLiteral("NAME|ID [--set PARAM=VALUE]... [--csv]");
    s.summary = tr("run a ready-made or saved query (read-only) and print its rows");
    s.description
        = tr("Runs one SELECT made by the query builder, in a read-only transaction under the account's "
             "own rights. NAME is a query saved in the window for this connection, or a ready-made one by its "
             "id (the same in every language, see \"query list\") or its name. Values come from the saved query or "
             "from --set (values marked secret are never "
             "saved, so they must be given). Token strings are masked as in the window. With --json the "
             "rows are JSON objects; with --csv, RFC 4180 CSV.");
    s.options = { QCommandLineOption(Csv, tr("Print the rows as CSV.")),
        QCommandLineOption(Set, tr("A parameter's value, by its :name (repeatable)."), QStringLiteral("PARAM=VALUE")) };
    s.minArguments = 1;
    s.maxArguments = 1;
    s.run = [](CommandContext &c, const QCommandLineParser &p, const QStringList &args) {
        return run(c, p, args.first());
    };
    specs << s;
    return specs;
}

int QueryCommands::list(CommandContext &ctx)
{
    const auto db = ctx.open(false, false);
    if (!db)
        return CommandContext::Failure;
    QString error;
    const QList<Found> all = available(ctx, *db, &error);
    const DriverKind kind = Sql::kindOf(*db);
    QJsonArray json;
    QList<QStringList> rows;
    for (const Found &f : all) {
        QStringList params;
        for (const QueryBuilder::Parameter &p : QueryBuilder::build(f.query, kind).parameters)
            if (!p.now)
                params << p.name;
        json.append(QJsonObject { { QStringLiteral("id"), f.id }, { QStringLiteral("name"), f.name },
            { QStringLiteral("saved"), f.saved }, { QStringLiteral("description"), f.description },
            { QStringLiteral("parameters"), QJsonArray::fromStringList(params) } });
        rows << QStringList { f.saved ? f.name : f.id, f.saved ? tr("saved") : f.name,
            params.join(QStringLiteral(", ")) };
    }
    if (ctx.json())
        ctx.printJson({ { QStringLiteral("queries"), json } });
    else
        ctx.printTable({ tr("Name or id"), tr("What"), tr("Parameters") }, rows);
    return CommandContext::Ok;
}

int QueryCommands::run(CommandContext &ctx, const QCommandLineParser &p, const QString &name)
{
    if (p.isSet(Csv) && ctx.json())
        return ctx.refuse(tr("Choose one output: --json or --csv."));
    QHash<QString, QString> values;
    for (const QString &set : p.values(Set)) {
        const qsizetype eq = set.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return ctx.refuse(tr("--set needs PARAM=VALUE, not \"%1\".").arg(set));
        values.insert(set.left(eq).remove(QLatin1Char(':')), set.mid(eq + 1));
    }
    const auto db = ctx.open(false, false);
    if (!db)
        return CommandContext::Failure;
    QString error;
    const QList<Found> all = available(ctx, *db, &error);
    // A saved name first: the person chose it; then a ready-made one by id or by its shown name.
    auto it = std::find_if(all.begin(), all.end(), [&name](const Found &f) { return f.saved && f.name == name; });
    if (it == all.end())
        it = std::find_if(
            all.begin(), all.end(), [&name](const Found &f) { return !f.saved && (f.id == name || f.name == name); });
    if (it == all.end())
        return ctx.refuse(tr("There is no query named \"%1\". \"trongate-admin query list\" shows them.").arg(name));
    // Parameter k belongs to the k-th criterion that takes a value: --set fills that criterion, and
    // the statement is made again (so a "contains" value gets its % wrapping the same way).
    QueryBuilder::Query query = it->query;
    QueryBuilder::Statement st = QueryBuilder::build(query, Sql::kindOf(*db));
    if (!st.isValid())
        return ctx.refuse(st.error);
    QStringList missing;
    for (qsizetype i = 0, k = 0; i < query.criteria.size(); ++i) {
        QueryBuilder::Criterion &c = query.criteria[i];
        if (!QueryBuilder::takesValue(c.op))
            continue;
        const QString param = st.parameters.value(k++).name;
        if (values.contains(param)) {
            c.value = values.take(param);
            c.now = false;
        } else if (!c.now && (c.secret || !c.value.isValid())) {
            missing << param;
        }
    }
    if (!missing.isEmpty())
        return ctx.refuse(tr("The query needs a value for: %1 (give it with --set NAME=VALUE).")
                              .arg(missing.join(QStringLiteral(", "))));
    if (!values.isEmpty())
        return ctx.refuse(tr("The query has no parameter named: %1.").arg(values.keys().join(QStringLiteral(", "))));
    st = QueryBuilder::build(query, Sql::kindOf(*db));

    QueryCursor cursor(*db);
    QueryCursor::Page page = cursor.open(st, ctx.now(), INT_MAX);
    if (!page.error.isEmpty()) {
        if (CommandContext::isPermissionDenial(page.error))
            return ctx.refuse(page.error);
        return ctx.failure(tr("The query failed: %1").arg(page.error));
    }
    QueryResultModel model;
    model.reset(page.headers, QueryResultModel::tokenColumns(query));
    model.append(page.rows, true);
    if (ctx.json()) {
        QJsonArray rows;
        for (int r = 0; r < model.rowCount(); ++r) {
            QJsonObject row;
            for (int c = 0; c < page.headers.size(); ++c) {
                const QVariant v = page.rows.at(r).at(c);
                row.insert(page.headers.at(c),
                    v.isNull()                                              ? QJsonValue()
                        : QueryResultModel::tokenColumns(query).contains(c) ? QJsonValue(model.text(r, c))
                                                                            : QJsonValue::fromVariant(v));
            }
            rows.append(row);
        }
        ctx.printJson({ { QStringLiteral("query"), name },
            { QStringLiteral("columns"), QJsonArray::fromStringList(page.headers) },
            { QStringLiteral("rows"), rows } });
    } else if (p.isSet(Csv)) {
        QStringList cells;
        for (const QString &h : page.headers)
            cells << CsvExporter::escape(h);
        ctx.out() << cells.join(QLatin1Char(',')) << "\r\n";
        for (int r = 0; r < model.rowCount(); ++r) {
            cells.clear();
            for (int c = 0; c < page.headers.size(); ++c)
                cells << CsvExporter::escape(model.text(r, c));
            ctx.out() << cells.join(QLatin1Char(',')) << "\r\n";
        }
    } else {
        QList<QStringList> rows;
        for (int r = 0; r < model.rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < page.headers.size(); ++c)
                cells << (page.rows.at(r).at(c).isNull() ? QStringLiteral("NULL") : model.text(r, c));
            rows << cells;
        }
        ctx.printTable(page.headers, rows);
        ctx.err() << tr("%n row(s).", nullptr, int(rows.size())) << '\n';
    }
    return CommandContext::Ok;
}
