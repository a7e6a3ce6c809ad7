#pragma once

#include "sql/ServiceError.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

struct LevelRow {
    qint64 id = 0;
    QString title;
    qint64 users = 0; // trongate_users rows with this user_level_id
};

// trongate_user_levels on a named connection, with bound values throughout.
class LevelService final {
    Q_DECLARE_TR_FUNCTIONS(LevelService)

public:
    static constexpr int MaxTitleLength = 125; // level_title is varchar(125)

    explicit LevelService(QSqlDatabase db);

    std::optional<QList<LevelRow>> list(ServiceError *error = nullptr) const;
    // Users whose user_level_id has no level row (Trongate's get_user_obj fails for them).
    std::optional<qint64> usersWithoutLevel(ServiceError *error = nullptr) const;
    // The new level's id. Refuses an empty title, one longer than 125 and one already taken.
    std::optional<qint64> add(const QString &title, ServiceError *error = nullptr);
    bool rename(qint64 id, const QString &title, ServiceError *error = nullptr);
    // Refuses a level that users still have, naming how many.
    bool remove(qint64 id, ServiceError *error = nullptr);

private:
    std::optional<QString> checkTitle(const QString &title, qint64 exceptId, ServiceError *error) const;
    std::optional<QString> titleOf(qint64 id, ServiceError *error) const;

    QSqlDatabase m_db;
};
