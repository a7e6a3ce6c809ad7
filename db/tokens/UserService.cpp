#include "tokens/UserService.h"

#include "sql/SqlDialect.h"
#include "sql/SqlTransaction.h"

#include <QHash>
#include <QSqlQuery>

namespace {
const QString ListUsers = QStringLiteral(R"(
SELECT u.id, u.code, u.user_level_id, l.id, l.level_title
FROM trongate_users u
LEFT JOIN trongate_user_levels l ON l.id = u.user_level_id
WHERE 1 = 1)");
const QString ListByLevel = QStringLiteral(R"( AND u.user_level_id = ?)");
const QString ListOrder = QStringLiteral(R"( ORDER BY u.id)");
const QString ListLimit = QStringLiteral(R"( LIMIT ?)");
const QString TokenCounts = QStringLiteral(R"(
SELECT user_id, COUNT(*), COALESCE(SUM(CASE WHEN expiry_date > ? THEN 1 ELSE 0 END), 0)
FROM trongate_tokens)");
const QString TokenCountsWhereIn = QStringLiteral(R"( WHERE user_id IN )"); // + "(?, ?, ...)"
const QString TokenCountsGroup = QStringLiteral(R"( GROUP BY user_id)");
const QString LevelExists = QStringLiteral(R"(SELECT COUNT(*) FROM trongate_user_levels WHERE id = ?)");
const QString UserExists = QStringLiteral(R"(SELECT COUNT(*) FROM trongate_users WHERE id = ?)");
const QString CodeTaken = QStringLiteral(R"(SELECT id FROM trongate_users WHERE code = ?)");
const QString InsertUser = QStringLiteral(R"(INSERT INTO trongate_users (code, user_level_id) VALUES (?, ?))");
const QString UpdateLevel = QStringLiteral(R"(UPDATE trongate_users SET user_level_id = ? WHERE id = ?)");
const QString DeleteUser = QStringLiteral(R"(DELETE FROM trongate_users WHERE id = ?)");
const QString DeleteUserTokens = QStringLiteral(R"(DELETE FROM trongate_tokens WHERE user_id = ?)");

// Up to this many users the counts are read for their ids; beyond it one pass over the table is cheaper.
constexpr int IdsPerStatement = 500;

// "(?, ?, ...)" for an IN list.
QString placeholders(qsizetype n)
{
    return QLatin1Char('(') + Sql::placeholders(n) + QLatin1Char(')');
}
} // namespace

UserService::UserService(QSqlDatabase db, TokenGenerator generator)
    : m_db(std::move(db))
    , m_generator(std::move(generator))
{
}

std::optional<QList<UserRow>> UserService::list(
    std::optional<qint64> levelId, int limit, qint64 now, ServiceError *error) const
{
    QString sql = ListUsers;
    QVariantList values;
    if (levelId) {
        sql += ListByLevel;
        values << *levelId;
    }
    sql += ListOrder;
    if (limit > 0) {
        sql += ListLimit;
        values << limit;
    }
    QString why;
    QList<UserRow> rows;
    QHash<qint64, qsizetype> index;
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!Sql::exec(q, sql, values, &why)) {
            ServiceError::database(error, tr("The users could not be read: %1").arg(why));
            return std::nullopt;
        }
        while (q.next()) {
            UserRow r;
            r.id = q.value(0).toLongLong();
            r.code = q.value(1).toString();
            if (!q.value(2).isNull())
                r.levelId = q.value(2).toLongLong();
            if (!q.value(3).isNull())
                r.levelTitle = q.value(4).toString();
            index.insert(r.id, rows.size());
            rows << r;
        }
    }
    if (rows.isEmpty())
        return rows;
    auto readCounts = [&](const QString &countSql, const QVariantList &countValues) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!Sql::exec(q, countSql, countValues, &why))
            return false;
        while (q.next()) {
            const auto it = index.constFind(q.value(0).toLongLong());
            if (it == index.constEnd())
                continue;
            rows[*it].tokens = q.value(1).toLongLong();
            rows[*it].validTokens = q.value(2).toLongLong();
        }
        return true;
    };
    bool ok = true;
    if (rows.size() <= IdsPerStatement) {
        QVariantList countValues { now };
        for (const UserRow &r : std::as_const(rows))
            countValues << r.id;
        ok = readCounts(TokenCounts + TokenCountsWhereIn + placeholders(rows.size()) + TokenCountsGroup, countValues);
    } else {
        ok = readCounts(TokenCounts + TokenCountsGroup, { now });
    }
    if (!ok) {
        ServiceError::database(error, tr("The users' tokens could not be counted: %1").arg(why));
        return std::nullopt;
    }
    return rows;
}

bool UserService::levelExists(qint64 levelId, ServiceError *error) const
{
    QSqlQuery q(m_db);
    QString why;
    if (!Sql::exec(q, LevelExists, { levelId }, &why) || !q.next())
        return ServiceError::database(error, tr("The user levels could not be read: %1").arg(why));
    if (q.value(0).toLongLong() == 0)
        return ServiceError::refuse(error,
            tr("There is no user level with id %1. List the levels to find its id, or add it first.").arg(levelId));
    return true;
}

bool UserService::userExists(qint64 id, ServiceError *error) const
{
    QSqlQuery q(m_db);
    QString why;
    if (!Sql::exec(q, UserExists, { id }, &why) || !q.next())
        return ServiceError::database(error, tr("The users could not be read: %1").arg(why));
    if (q.value(0).toLongLong() == 0)
        return ServiceError::refuse(error, tr("There is no user with id %1. List the users to find the id.").arg(id));
    return true;
}

std::optional<UserRow> UserService::add(qint64 levelId, const QString &code, ServiceError *error)
{
    const QString given = code.trimmed();
    if (!given.isEmpty() && !TokenGenerator::isTrongateString(given, TokenGenerator::DefaultLength)) {
        ServiceError::refuse(error,
            tr("A user code must be exactly 32 characters from Trongate's alphabet (%1: no 0, 1, i, l, o, I or O). "
               "Leave --code out to have one generated.")
                .arg(QString::fromLatin1(TokenGenerator::Alphabet)));
        return std::nullopt;
    }
    QString why;
    SqlTransaction tx(m_db);
    if (!tx.isActive()) {
        ServiceError::database(error, tr("The user could not be added: %1").arg(tx.beginError()));
        return std::nullopt;
    }
    if (!levelExists(levelId, error))
        return std::nullopt;
    QString chosen = given;
    // A generated code colliding is astronomically unlikely; a few attempts make it impossible in practice.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (given.isEmpty()) {
            const auto generated = m_generator.generate(TokenGenerator::DefaultLength, &why);
            if (!generated) {
                ServiceError::database(error, why);
                return std::nullopt;
            }
            chosen = *generated;
        }
        QSqlQuery q(m_db);
        if (!Sql::exec(q, CodeTaken, { chosen }, &why)) {
            ServiceError::database(error, tr("The user could not be added: %1").arg(why));
            return std::nullopt;
        }
        if (!q.next())
            break;
        if (!given.isEmpty()) {
            ServiceError::refuse(error,
                tr("User %1 has this code already; codes must be unique. Choose another code or leave --code out.")
                    .arg(q.value(0).toString()));
            return std::nullopt;
        }
        chosen.clear();
    }
    if (chosen.isEmpty()) {
        ServiceError::database(error, tr("No unused user code could be generated. Try again."));
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    if (!Sql::exec(q, InsertUser, { chosen, levelId }, &why)) {
        ServiceError::database(error, tr("The user could not be added: %1").arg(why));
        return std::nullopt;
    }
    UserRow r;
    r.id = q.lastInsertId().toLongLong();
    r.code = chosen;
    r.levelId = levelId;
    if (!tx.commit(&why)) {
        ServiceError::database(error, tr("The user could not be added: %1").arg(why));
        return std::nullopt;
    }
    return r;
}

bool UserService::setLevel(qint64 id, qint64 levelId, ServiceError *error)
{
    if (!userExists(id, error) || !levelExists(levelId, error))
        return false;
    QSqlQuery q(m_db);
    QString why;
    if (!Sql::exec(q, UpdateLevel, { levelId, id }, &why))
        return ServiceError::database(error, tr("The user's level could not be changed: %1").arg(why));
    return true;
}

std::optional<qint64> UserService::remove(qint64 id, bool keepTokens, ServiceError *error)
{
    const QString notRemoved = tr("The user could not be removed; nothing was changed: %1");
    SqlTransaction tx(m_db);
    if (!tx.isActive()) {
        ServiceError::database(error, notRemoved.arg(tx.beginError()));
        return std::nullopt;
    }
    if (!userExists(id, error))
        return std::nullopt;
    QString why;
    qint64 tokens = 0;
    if (!keepTokens) {
        QSqlQuery t(m_db);
        if (!Sql::exec(t, DeleteUserTokens, { id }, &why)) {
            ServiceError::database(error, notRemoved.arg(why));
            return std::nullopt;
        }
        tokens = t.numRowsAffected();
    }
    QSqlQuery u(m_db);
    if (!Sql::exec(u, DeleteUser, { id }, &why) || !tx.commit(&why)) {
        ServiceError::database(error, notRemoved.arg(why));
        return std::nullopt;
    }
    return tokens;
}
