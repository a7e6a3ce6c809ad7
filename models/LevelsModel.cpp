#include "LevelsModel.h"

#include "audit/ControlText.h"
#include "sql/SqlDialect.h"

#include <QLocale>
#include <QSqlQuery>

namespace {
const QString UsersPerLevel = QStringLiteral(
    "SELECT user_level_id, COUNT(*) FROM trongate_users WHERE user_level_id IN (%1) GROUP BY user_level_id");
const QString UsersOfLevel = QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE user_level_id = ?");
const QString MoveUsers = QStringLiteral("UPDATE trongate_users SET user_level_id = ? WHERE user_level_id = ?");
} // namespace

LevelsModel::LevelsModel(QSqlDatabase db, Clock clock, QObject *parent)
    : GridModel(std::move(db), std::move(clock), parent)
{
}

GridModel::TwinMaker LevelsModel::twinMaker() const
{
    return [clock = m_clock](const QSqlDatabase &db) { return std::make_unique<LevelsModel>(db, clock); };
}

QString LevelsModel::tableName() const
{
    return QStringLiteral("trongate_user_levels");
}

QStringList LevelsModel::baseColumns() const
{
    return { QStringLiteral("level_title") };
}

QList<GridModel::ColumnSpec> LevelsModel::columnSpecs() const
{
    using S = ColumnSpec::Search;
    return {
        { tr("ID"), QStringLiteral("id"), QStringLiteral("id"), false, S::Number },
        { tr("Title"), QStringLiteral("level_title"), QStringLiteral("level_title"), true, S::Text },
        { tr("Users"), {}, {}, false, S::None },
    };
}

QString LevelsModel::validateTitle(const QString &title)
{
    if (title.trimmed().isEmpty())
        return tr("A level needs a title, for example \"editor\".");
    if (title.size() > 125)
        return tr("A level title can be at most 125 characters long; this one has %1.").arg(title.size());
    return ControlText::problem(title, tr("The level title"));
}

QString LevelsModel::convertEdit(int column, const QVariant &input, qint64, QVariant *stored) const
{
    if (column != TitleColumn)
        return tr("This column cannot be edited.");
    const QString title = input.toString().trimmed();
    const QString problem = validateTitle(title);
    if (!problem.isEmpty())
        return problem;
    *stored = title;
    return {};
}

QString LevelsModel::validateRow(const QVariantList &values) const
{
    return validateTitle(values.value(0).toString());
}

QVariant LevelsModel::cellData(const Row &row, const QVariantList &values, int column, int role) const
{
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case IdColumn:
            return row.id < 0 ? QVariant(tr("new")) : QVariant(row.id);
        case TitleColumn:
            return values.value(0);
        case UsersColumn:
            if (row.id < 0)
                return QVariant();
            return role == Qt::DisplayRole
                ? QVariant(QLocale().toString(row.extra.value(QStringLiteral("users")).toLongLong()))
                : row.extra.value(QStringLiteral("users"));
        }
    }
    if (role == Qt::TextAlignmentRole && (column == IdColumn || column == UsersColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == UsersColumn)
        return tr("Users with this level now");
    return {};
}

void LevelsModel::enrich(const QSqlDatabase &db, QList<Row> &rows) const
{
    QVariantList ids;
    for (const Row &r : rows)
        if (r.id > 0 && !r.extra.contains(QStringLiteral("users"))) // a page counted them along
            ids << r.id;
    if (ids.isEmpty())
        return;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(q, UsersPerLevel.arg(placeholders(int(ids.size()))), ids))
        return;
    QHash<qint64, qint64> counts;
    while (q.next())
        counts.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    for (Row &r : rows)
        if (!r.extra.contains(QStringLiteral("users")))
            r.extra.insert(QStringLiteral("users"), counts.value(r.id, 0));
}

QStringList LevelsModel::alongColumns(const QSqlDatabase &) const
{
    // A level's users counted by the page's own statement: a round trip less before the first
    // screen. Grouped once for all levels rather than counted per level: the users are read once
    // (at 100,000 users, 100,000 rows read instead of 400,000 for four levels).
    return { QStringLiteral("COALESCE((SELECT g.c FROM (SELECT user_level_id AS l, COUNT(*) AS c FROM trongate_users "
                            "GROUP BY user_level_id) g WHERE g.l = %1.%2), 0)")
                 .arg(quote(tableName()), quote(QStringLiteral("id"))) };
}

void LevelsModel::takeAlong(Row &row, const QVariantList &values) const
{
    row.extra.insert(QStringLiteral("users"), values.value(0).toLongLong());
}

qint64 LevelsModel::usersOfLevel(qint64 levelId) const
{
    return onDb([levelId](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!Sql::exec(q, UsersOfLevel, { levelId }) || !q.next())
            return qint64(-1);
        return q.value(0).toLongLong();
    }).value_or(-1);
}

void LevelsModel::setMoveTarget(qint64 levelId, qint64 targetLevelId)
{
    m_moveTargets.insert(levelId, targetLevelId);
}

int LevelsModel::addLevel(const QString &title)
{
    return addRow({ title });
}

void LevelsModel::prepareSave(ChangeSet &changes) const
{
    for (const ChangeSet::Delete &d : std::as_const(changes.deletes)) {
        const auto target = m_moveTargets.constFind(d.id);
        if (target != m_moveTargets.cend()) {
            // Moving first, inside the same transaction, so no user is left on a deleted level.
            changes.statements.prepend({ MoveUsers, { *target, d.id } });
        } else {
            changes.guards << ChangeSet::Guard { UsersOfLevel, { d.id },
                tr("Level %1 is still used by users. Move them to another level "
                   "before deleting it.")
                    .arg(d.id) };
        }
    }
}
