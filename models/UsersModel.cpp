#include "UsersModel.h"

#include "ExpiryText.h"
#include "sql/SqlDialect.h"
#include "tokens/TokenGenerator.h"

#include <QColor>
#include <QLocale>
#include <QSqlQuery>

namespace {
const QString LevelTitles = QStringLiteral("SELECT id, level_title FROM trongate_user_levels WHERE id IN (%1)");
const QString TokenCounts
    = QStringLiteral("SELECT user_id, COUNT(*), COALESCE(SUM(CASE WHEN expiry_date > ? THEN 1 ELSE 0 END), 0) "
                     "FROM trongate_tokens WHERE user_id IN (%1) GROUP BY user_id");
const QString AllLevels = QStringLiteral("SELECT id, level_title FROM trongate_user_levels ORDER BY id LIMIT ?");
const QString LevelTitle = QStringLiteral("SELECT level_title FROM trongate_user_levels WHERE id = ?");
const QString CodeHolder = QStringLiteral("SELECT id FROM trongate_users WHERE code = ? AND id <> ? ORDER BY id LIMIT 1");
const QString DeleteTokensOfUser = QStringLiteral("DELETE FROM trongate_tokens WHERE user_id = ?");
const QString LevelsMatching = QStringLiteral("SELECT id FROM trongate_user_levels WHERE level_title%1");
} // namespace

UsersModel::UsersModel(QSqlDatabase db, Clock clock, QObject *parent)
    : GridModel(db, std::move(clock), parent)
    , m_identities(db)
{
}

GridModel::TwinMaker UsersModel::twinMaker() const
{
    return [clock = m_clock](const QSqlDatabase &db) { return std::make_unique<UsersModel>(db, clock); };
}

QString UsersModel::tableName() const
{
    return QStringLiteral("trongate_users");
}

QStringList UsersModel::baseColumns() const
{
    return { QStringLiteral("code"), QStringLiteral("user_level_id") };
}

QList<GridModel::ColumnSpec> UsersModel::columnSpecs() const
{
    using S = ColumnSpec::Search;
    return {
        { tr("ID"), QStringLiteral("id"), QStringLiteral("id"), false, S::Number },
        { tr("Code"), QStringLiteral("code"), QStringLiteral("code"), true, S::Text },
        { tr("Level"), QStringLiteral("user_level_id"), QStringLiteral("user_level_id"), true, S::Number },
        { tr("Identity"), {}, {}, false, S::Text },
        { tr("Tokens"), {}, {}, false, S::None },
        { tr("Valid tokens"), {}, {}, false, S::None },
    };
}

QString UsersModel::validateCode(const QString &code)
{
    if (!TokenGenerator::isTrongateString(code, 32))
        return tr("A user code must be exactly 32 characters from Trongate's alphabet (digits 2-9 and letters "
                  "without i, l, o, I and O). Use Generate to make one.");
    return {};
}

QString UsersModel::codeHolder(const QString &code, qint64 exceptId) const
{
    struct Holder {
        qint64 id = 0;
        QString who;
    };
    const IdentityLookup &identities = m_identities; // its look-ups are safe from any thread
    const Holder holder = onDb([code, exceptId, &identities](QSqlDatabase &db) {
        Holder h;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (Sql::exec(q, CodeHolder, { code, exceptId }) && q.next()) {
            h.id = q.value(0).toLongLong();
            q.finish();
            h.who = identities.identities({ h.id }, db).value(h.id);
        }
        return h;
    }).value_or(Holder {});
    if (holder.id)
        return holder.who.isEmpty() ? tr("user %1").arg(holder.id) : tr("user %1 (%2)").arg(holder.id).arg(holder.who);
    // An unsaved row of this grid may hold it too.
    if (pendingValueExists(QStringLiteral("code"), code, exceptId))
        return tr("another unsaved row of this grid");
    return {};
}

QString UsersModel::convertEdit(int column, const QVariant &input, qint64 id, QVariant *stored) const
{
    if (column == CodeColumn) {
        const QString code = input.toString().trimmed();
        const QString problem = validateCode(code);
        if (!problem.isEmpty())
            return problem;
        if (const QString holder = codeHolder(code, id); !holder.isEmpty())
            return tr("This code already belongs to %1; user codes must be unique.").arg(holder);
        *stored = code;
        return {};
    }
    if (column == LevelColumn) {
        bool ok = false;
        const qint64 level = input.toLongLong(&ok);
        const std::optional<QString> title = !ok ? std::nullopt : onDb([level](QSqlDatabase &db) {
            QSqlQuery q(db);
            return Sql::exec(q, LevelTitle, { level }) && q.next() ? std::optional<QString>(q.value(0).toString())
                                                                  : std::nullopt;
        }).value_or(std::nullopt);
        if (!title)
            return tr("There is no level with id %1. Choose one of the existing levels.").arg(input.toString());
        m_levelTitles.insert(level, *title);
        *stored = level;
        return {};
    }
    return tr("This column cannot be edited.");
}

QString UsersModel::validateRow(const QVariantList &values) const
{
    return validateCode(values.value(0).toString());
}

QStringList UsersModel::extraFilterClauses(
    const QSqlDatabase &db, const QString &text, int column, QVariantList *values) const
{
    const QString like = Sql::likeOperator(db);
    const QString pattern = Sql::likeContains(text);
    QStringList out;
    if (column < 0 || column == LevelColumn) {
        out << quote(QStringLiteral("user_level_id")) + QStringLiteral(" IN (") + LevelsMatching.arg(like)
                + QLatin1Char(')');
        values->append(pattern);
    }
    if (column < 0 || column == IdentityColumn)
        out += m_identities.matchClauses(quote(QStringLiteral("id")), like, pattern, values, db);
    return out;
}

void UsersModel::enrich(const QSqlDatabase &db, QList<Row> &rows) const
{
    QVariantList levelIds;
    for (const Row &r : rows) {
        if (!r.extra.contains(QStringLiteral("titleRead")) && !levelIds.contains(r.values.value(1)))
            levelIds << r.values.value(1);
    }
    QHash<qint64, QString> titles;
    if (!levelIds.isEmpty()) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (Sql::exec(q, LevelTitles.arg(placeholders(int(levelIds.size()))), levelIds))
            while (q.next())
                titles.insert(q.value(0).toLongLong(), q.value(1).toString());
    }
    for (Row &r : rows) {
        const qint64 level = r.values.value(1).toLongLong();
        if (titles.contains(level))
            r.extra.insert(QStringLiteral("levelTitle"), titles.value(level));
    }
}

QStringList UsersModel::alongColumns(const QSqlDatabase &db) const
{
    // The level's title and who the user is, read by the page's own statement (lookups by key for
    // each of the page's rows): the first screen is then one statement, the token counts follow.
    Q_UNUSED(db)
    return { QStringLiteral("(SELECT l.level_title FROM trongate_user_levels l WHERE l.id = %1.%2)")
                 .arg(quote(tableName()), quote(QStringLiteral("user_level_id"))) };
}

void UsersModel::takeAlong(Row &row, const QVariantList &values) const
{
    row.extra.insert(QStringLiteral("titleRead"), true);
    if (!values.value(0).isNull())
        row.extra.insert(QStringLiteral("levelTitle"), values.value(0).toString());
}

void UsersModel::enrichLater(const QSqlDatabase &db, QList<Row> &rows) const
{
    QVariantList ids;
    QList<qint64> userIds;
    for (const Row &r : rows)
        if (r.id > 0) {
            ids << r.id;
            userIds << r.id;
        }
    if (ids.isEmpty())
        return;
    const QHash<qint64, QString> who = m_identities.identities(userIds, db);
    for (Row &r : rows) {
        if (r.id <= 0)
            continue;
        r.extra.insert(QStringLiteral("identityRead"), true);
        if (who.contains(r.id))
            r.extra.insert(QStringLiteral("identity"), who.value(r.id));
    }
    QHash<qint64, QPair<qint64, qint64>> counts;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(q, TokenCounts.arg(placeholders(int(ids.size()))), QVariantList { now() } + ids))
        return; // the cells keep saying "…" rather than a count of 0
    while (q.next())
        counts.insert(q.value(0).toLongLong(), { q.value(1).toLongLong(), q.value(2).toLongLong() });
    for (Row &r : rows) {
        if (r.id <= 0)
            continue;
        r.extra.insert(QStringLiteral("tokens"), counts.value(r.id).first);
        r.extra.insert(QStringLiteral("validTokens"), counts.value(r.id).second);
    }
}

void UsersModel::rowsArrived(const QList<Row> &rows)
{
    for (const Row &r : rows)
        if (r.extra.contains(QStringLiteral("levelTitle")))
            m_levelTitles.insert(r.values.value(1).toLongLong(), r.extra.value(QStringLiteral("levelTitle")).toString());
}

QVariant UsersModel::cellData(const Row &row, const QVariantList &values, int column, int role) const
{
    const qint64 level = values.value(1).toLongLong();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case IdColumn:
            return row.id < 0 ? QVariant(tr("new")) : QVariant(row.id);
        case CodeColumn:
            return values.value(0);
        case LevelColumn: {
            // The title comes from the page's look-up, or for an edited level from the check of the edit.
            const bool edited = level != row.values.value(1).toLongLong();
            if (!edited && row.extra.contains(QStringLiteral("levelTitle")))
                return QStringLiteral("%1 (%2)")
                    .arg(row.extra.value(QStringLiteral("levelTitle")).toString())
                    .arg(level);
            if ((edited || row.id < 0) && m_levelTitles.contains(level))
                return QStringLiteral("%1 (%2)").arg(m_levelTitles.value(level)).arg(level);
            if (edited)
                return tr("level %1").arg(level);
            return row.id < 0 ? tr("level %1").arg(level) : tr("missing level %1").arg(level);
        }
        case IdentityColumn:
            if (row.id > 0 && !row.extra.contains(QStringLiteral("identityRead")))
                return tr("…", "who the user is, still being read");
            return row.extra.value(QStringLiteral("identity"));
        case TokensColumn:
        case ValidTokensColumn: {
            if (row.id < 0)
                return {};
            const QString key = column == TokensColumn ? QStringLiteral("tokens") : QStringLiteral("validTokens");
            if (!row.extra.contains(key))
                return tr("…", "a token count still being read");
            return QLocale().toString(row.extra.value(key).toLongLong());
        }
        }
    }
    if (role == Qt::EditRole) {
        if (column == CodeColumn)
            return values.value(0);
        if (column == LevelColumn)
            return level;
    }
    if (role == Qt::TextAlignmentRole && (column == IdColumn || column == TokensColumn || column == ValidTokensColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == LevelColumn && row.id > 0
        && !row.extra.contains(QStringLiteral("levelTitle")))
        return tr("No trongate_user_levels row has this id: Trongate's get_user_obj() returns false for this user.");
    if (role == Qt::ForegroundRole && column == LevelColumn && row.id > 0
        && !row.extra.contains(QStringLiteral("levelTitle")))
        return QColor(0xd3, 0x2f, 0x2f);
    return {};
}

int UsersModel::addUser(qint64 levelId)
{
    QString error;
    const auto code = TokenGenerator().generate(32, &error);
    if (!code) {
        emit validationFailed(error);
        return -1;
    }
    return addRow({ *code, levelId });
}

void UsersModel::setDeleteTokensWithUsers(const QList<qint64> &userIds, bool deleteTokens)
{
    for (qint64 id : userIds)
        m_deleteTokens.insert(id, deleteTokens);
}

QList<QPair<qint64, QString>> UsersModel::levels(int limit) const
{
    using Levels = QList<QPair<qint64, QString>>;
    const Levels out = onDb([limit](QSqlDatabase &db) {
        Levels read;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (Sql::exec(q, AllLevels, { limit }))
            while (q.next())
                read << qMakePair(q.value(0).toLongLong(), q.value(1).toString());
        return read;
    }).value_or(Levels {});
    for (const auto &[id, title] : out)
        m_levelTitles.insert(id, title);
    return out;
}

qint64 UsersModel::leastPrivilegedLevel() const
{
    // Trongate numbers levels as they are made, admin (1) first; the last level is the newest and,
    // by the framework's convention, the one with the fewest rights. Never admin while another exists.
    const auto all = levels();
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        if (it->first != 1 && it->second.compare(QLatin1String("admin"), Qt::CaseInsensitive) != 0)
            return it->first;
    return all.isEmpty() ? 0 : all.last().first;
}

void UsersModel::prepareSave(ChangeSet &changes) const
{
    for (const ChangeSet::Delete &d : std::as_const(changes.deletes))
        if (m_deleteTokens.value(d.id, true))
            changes.statements << ChangeSet::Statement { DeleteTokensOfUser, { d.id } };
}

QVariantList UsersModel::duplicateValues(const QVariantList &values) const
{
    // The code must be unique: a duplicate gets a fresh one from the CSPRNG.
    QVariantList copy = values;
    if (const auto fresh = TokenGenerator().generate(32))
        copy[0] = *fresh;
    return copy;
}
