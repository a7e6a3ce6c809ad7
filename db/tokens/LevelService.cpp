#include "tokens/LevelService.h"

#include "audit/ControlText.h"
#include "sql/SqlDialect.h"
#include "sql/SqlTransaction.h"

#include <QSqlQuery>

namespace {
const QString ListLevels = QStringLiteral(R"(
SELECT l.id, l.level_title, COUNT(u.id)
FROM trongate_user_levels l
LEFT JOIN trongate_users u ON u.user_level_id = l.id
GROUP BY l.id, l.level_title
ORDER BY l.id)");
const QString UsersWithoutLevel = QStringLiteral(R"(
SELECT COUNT(*) FROM trongate_users u LEFT JOIN trongate_user_levels l ON l.id = u.user_level_id WHERE l.id IS NULL)");
const QString LevelTitle = QStringLiteral(R"(SELECT level_title FROM trongate_user_levels WHERE id = ?)");
const QString TitleTaken
    = QStringLiteral(R"(SELECT id FROM trongate_user_levels WHERE level_title = ? AND id <> ? ORDER BY id)");
const QString InsertLevel = QStringLiteral(R"(INSERT INTO trongate_user_levels (level_title) VALUES (?))");
const QString RenameLevel = QStringLiteral(R"(UPDATE trongate_user_levels SET level_title = ? WHERE id = ?)");
const QString UsersOfLevel = QStringLiteral(R"(SELECT COUNT(*) FROM trongate_users WHERE user_level_id = ?)");
const QString DeleteLevel = QStringLiteral(R"(DELETE FROM trongate_user_levels WHERE id = ?)");
} // namespace

LevelService::LevelService(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<QList<LevelRow>> LevelService::list(ServiceError *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString why;
    if (!Sql::exec(q, ListLevels, {}, &why)) {
        ServiceError::database(error, tr("The user levels could not be read: %1").arg(why));
        return std::nullopt;
    }
    QList<LevelRow> rows;
    while (q.next())
        rows.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong() });
    return rows;
}

std::optional<qint64> LevelService::usersWithoutLevel(ServiceError *error) const
{
    QSqlQuery q(m_db);
    QString why;
    if (!Sql::exec(q, UsersWithoutLevel, {}, &why) || !q.next()) {
        ServiceError::database(error, tr("The users could not be counted: %1").arg(why));
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<QString> LevelService::titleOf(qint64 id, ServiceError *error) const
{
    QSqlQuery q(m_db);
    QString why;
    if (!Sql::exec(q, LevelTitle, { id }, &why)) {
        ServiceError::database(error, tr("The user level could not be read: %1").arg(why));
        return std::nullopt;
    }
    if (!q.next()) {
        ServiceError::refuse(error, tr("There is no user level with id %1. List the levels to find its id.").arg(id));
        return std::nullopt;
    }
    return q.value(0).toString();
}

std::optional<QString> LevelService::checkTitle(const QString &title, qint64 exceptId, ServiceError *error) const
{
    const QString t = title.trimmed();
    if (t.isEmpty()) {
        ServiceError::refuse(error, tr("The level title is empty. Give it a name such as \"editor\"."));
        return std::nullopt;
    }
    if (t.size() > MaxTitleLength) {
        ServiceError::refuse(error,
            tr("The level title is %1 characters long; Trongate's level_title holds at most %2. Choose a shorter "
               "title.")
                .arg(t.size())
                .arg(MaxTitleLength));
        return std::nullopt;
    }
    if (const QString problem = ControlText::problem(t, tr("The level title")); !problem.isEmpty()) {
        ServiceError::refuse(error, problem);
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    QString why;
    if (!Sql::exec(q, TitleTaken, { t, exceptId }, &why)) {
        ServiceError::database(error, tr("The user levels could not be read: %1").arg(why));
        return std::nullopt;
    }
    if (q.next()) {
        ServiceError::refuse(error,
            tr("A level titled \"%1\" exists already (id %2). Choose another title.").arg(t, q.value(0).toString()));
        return std::nullopt;
    }
    return t;
}

std::optional<qint64> LevelService::add(const QString &title, ServiceError *error)
{
    const auto t = checkTitle(title, 0, error);
    if (!t)
        return std::nullopt;
    QSqlQuery q(m_db);
    QString why;
    if (!Sql::exec(q, InsertLevel, { *t }, &why)) {
        ServiceError::database(error, tr("The level could not be added: %1").arg(why));
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

bool LevelService::rename(qint64 id, const QString &title, ServiceError *error)
{
    if (!titleOf(id, error))
        return false;
    const auto t = checkTitle(title, id, error);
    if (!t)
        return false;
    QSqlQuery q(m_db);
    QString why;
    if (!Sql::exec(q, RenameLevel, { *t, id }, &why))
        return ServiceError::database(error, tr("The level could not be renamed: %1").arg(why));
    return true;
}

bool LevelService::remove(qint64 id, ServiceError *error)
{
    SqlTransaction tx(m_db);
    if (!tx.isActive())
        return ServiceError::database(error, tr("The level could not be removed: %1").arg(tx.beginError()));
    const auto title = titleOf(id, error);
    if (!title)
        return false;
    QString why;
    {
        QSqlQuery q(m_db);
        if (!Sql::exec(q, UsersOfLevel, { id }, &why) || !q.next())
            return ServiceError::database(error, tr("The level could not be removed: %1").arg(why));
        const qint64 users = q.value(0).toLongLong();
        if (users > 0)
            return ServiceError::refuse(error,
                tr("Level %1 (\"%2\") is the level of %3 users. Move them to another level first; the level was "
                   "not removed.")
                    .arg(id)
                    .arg(*title)
                    .arg(users));
    }
    QSqlQuery d(m_db);
    if (!Sql::exec(d, DeleteLevel, { id }, &why) || !tx.commit(&why))
        return ServiceError::database(error, tr("The level could not be removed: %1").arg(why));
    return true;
}
