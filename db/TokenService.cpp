#include "TokenService.h"

#include "BatchInsert.h"
#include "SqlDialect.h"
#include "SqlTransaction.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString MaxTokenId = QStringLiteral(R"(SELECT COALESCE(MAX(id), 0) FROM trongate_tokens)");
const QString InsertTokensHead
    = QStringLiteral(R"(INSERT INTO trongate_tokens (token, user_id, expiry_date, code) VALUES)");
const QString TokensAfterId = QStringLiteral(R"(SELECT id, token FROM trongate_tokens WHERE id > ? ORDER BY id)");
const QString TokenIdByToken = QStringLiteral(R"(SELECT id FROM trongate_tokens WHERE token = ? ORDER BY id DESC)");
// The IN lists below get "(?, ?, ...)" appended: placeholders only, never values.
const QString ExistingUsersIn = QStringLiteral(R"(SELECT id FROM trongate_users WHERE id IN )");
const QString ExistingTokensIn = QStringLiteral(R"(SELECT id FROM trongate_tokens WHERE id IN )");
const QString DeleteByToken = QStringLiteral(R"(DELETE FROM trongate_tokens WHERE token = ?)");
const QString DeleteByIdsIn = QStringLiteral(R"(DELETE FROM trongate_tokens WHERE id IN )");
const QString DeleteByUser = QStringLiteral(R"(DELETE FROM trongate_tokens WHERE user_id = ?)");
const QString DeleteByLevel = QStringLiteral(
    R"(DELETE FROM trongate_tokens WHERE user_id IN (SELECT id FROM trongate_users WHERE user_level_id = ?))");
// Trongate's delete_old_tokens, without its optional "OR user_id = ?".
const QString DeleteExpired = QStringLiteral(R"(DELETE FROM trongate_tokens WHERE expiry_date < ?)");
const QString TokenForRegenerate = QStringLiteral(R"(SELECT user_id, code FROM trongate_tokens WHERE id = ?)");
const QString UpdateTokenAndExpiry
    = QStringLiteral(R"(UPDATE trongate_tokens SET token = ?, expiry_date = ? WHERE id = ?)");
const QString UpdateExpiryIn = QStringLiteral(R"(UPDATE trongate_tokens SET expiry_date = ? WHERE id IN )");
// The comparison is the database's own (t.token = ?), so letter case is treated as Trongate sees it.
const QString InspectToken = QStringLiteral(R"(
SELECT t.id, t.token, t.user_id, t.expiry_date, t.code, u.id, u.user_level_id, l.id, l.level_title
FROM trongate_tokens t
LEFT JOIN trongate_users u ON u.id = t.user_id
LEFT JOIN trongate_user_levels l ON l.id = u.user_level_id
WHERE t.token = ?
ORDER BY t.id)");
const QString ListTokens = QStringLiteral(R"(
SELECT t.id, t.token, t.user_id, t.expiry_date, t.code, u.id, u.user_level_id
FROM trongate_tokens t
LEFT JOIN trongate_users u ON u.id = t.user_id
WHERE 1 = 1)");
const QString ListByUser = QStringLiteral(R"( AND t.user_id = ?)");
const QString ListByLevel = QStringLiteral(R"( AND u.user_level_id = ?)");
const QString ListValid = QStringLiteral(R"( AND t.expiry_date > ?)");
const QString ListNotValid = QStringLiteral(R"( AND (t.expiry_date IS NULL OR t.expiry_date <= ?))");
const QString ListOrder = QStringLiteral(R"( ORDER BY t.id)");
const QString ListLimit = QStringLiteral(R"( LIMIT ?)");

constexpr int IdsPerStatement = 500;

// "(?, ?, ...)" for an IN list.
QString placeholders(qsizetype n)
{
    return QLatin1Char('(') + Sql::placeholders(n) + QLatin1Char(')');
}

QList<qint64> unique(const QList<qint64> &ids)
{
    QList<qint64> out;
    QSet<qint64> seen;
    for (qint64 id : ids)
        if (!seen.contains(id)) {
            seen.insert(id);
            out << id;
        }
    return out;
}

QString idListText(const QList<qint64> &ids)
{
    QStringList parts;
    for (qsizetype i = 0; i < ids.size() && i < 10; ++i)
        parts << QString::number(ids.at(i));
    QString s = parts.join(QStringLiteral(", "));
    if (ids.size() > 10)
        s += QStringLiteral(", …");
    return s;
}

std::optional<qint64> optionalInt(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}
} // namespace

TokenService::TokenService(QSqlDatabase db, Clock clock, TokenGenerator generator)
    : m_db(std::move(db))
    , m_clock(clock ? std::move(clock) : systemClock())
    , m_generator(std::move(generator))
{
}

TokenService::Clock TokenService::systemClock()
{
    return [] { return QDateTime::currentSecsSinceEpoch(); };
}

QString TokenService::mask(const QString &token)
{
    return token.left(6) + QChar(0x2026);
}

QString TokenService::utcText(qint64 unixSeconds)
{
    // Beyond year 9999 a date means nothing to a person; the number is clearer.
    if (unixSeconds > 253402300799LL || unixSeconds < -62135596800LL)
        return QString::number(unixSeconds);
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + QStringLiteral(" UTC");
}

bool TokenService::checkExpiry(qint64 expiry, ServiceError *error) const
{
    const qint64 current = now();
    if (expiry <= current)
        return ServiceError::refuse(error,
            tr("The expiry %1 is a time in the past (or exactly now, %2): Trongate would never accept the token. "
               "Choose a time in the future.")
                .arg(utcText(expiry), utcText(current)));
    if (expiry > MaxExpiry)
        return ServiceError::refuse(error,
            tr("The expiry %1 is after 2038-01-19 03:14:07 UTC, the latest time Trongate's expiry_date column "
               "(a signed 32-bit integer) can hold. Choose an earlier expiry or a shorter lifespan.")
                .arg(utcText(expiry)));
    return true;
}

std::optional<QList<qint64>> TokenService::missingIds(
    const QString &sqlHead, const QList<qint64> &ids, QString *dbError) const
{
    QSet<qint64> found;
    for (qsizetype start = 0; start < ids.size(); start += IdsPerStatement) {
        const QList<qint64> chunk = ids.mid(start, IdsPerStatement);
        QVariantList values;
        for (qint64 id : chunk)
            values << id;
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!Sql::exec(q, sqlHead + placeholders(chunk.size()), values, dbError))
            return std::nullopt;
        while (q.next())
            found.insert(q.value(0).toLongLong());
    }
    QList<qint64> missing;
    for (qint64 id : ids)
        if (!found.contains(id))
            missing << id;
    return missing;
}

// A transaction that lost to another session or cluster node (Galera certification, deadlock)
// wrote nothing, so issuing and purging are tried once more: issuing makes new strings, and a purge
// deletes by a condition, not by rows it read. Revoke, extend and regenerate act on rows the person
// chose and are reported as the conflict instead.
std::optional<QList<IssuedToken>> TokenService::issue(
    const QList<qint64> &userIds, qint64 expiry, const QString &code, int countPerUser, ServiceError *error)
{
    ServiceError first;
    if (auto out = issueOnce(userIds, expiry, code, countPerUser, &first))
        return out;
    if (!first.conflict) {
        if (error)
            *error = first;
        return std::nullopt;
    }
    return issueOnce(userIds, expiry, code, countPerUser, error);
}

std::optional<qint64> TokenService::purge(ServiceError *error)
{
    ServiceError first;
    if (auto n = purgeOnce(&first))
        return n;
    if (!first.conflict) {
        if (error)
            *error = first;
        return std::nullopt;
    }
    return purgeOnce(error);
}

std::optional<QList<IssuedToken>> TokenService::issueOnce(
    const QList<qint64> &userIds, qint64 expiry, const QString &code, int countPerUser, ServiceError *error)
{
    const qsizetype codeLength = code.toUcs4().size();
    if (codeLength > MaxCodeLength) {
        ServiceError::refuse(error,
            tr("The code \"%1\" is %2 characters long; Trongate's code column holds at most 3. Use a shorter code, "
               "or leave it out for Trongate's default \"0\".")
                .arg(code.left(20))
                .arg(codeLength));
        return std::nullopt;
    }
    if (countPerUser < 1 || countPerUser > MaxCountPerUser) {
        ServiceError::refuse(error,
            tr("The number of tokens per user must be from 1 to %1; %2 was asked for.")
                .arg(MaxCountPerUser)
                .arg(countPerUser));
        return std::nullopt;
    }
    if (!checkExpiry(expiry, error))
        return std::nullopt;
    const QList<qint64> users = unique(userIds);
    if (users.isEmpty()) {
        ServiceError::refuse(error, tr("Choose at least one user to issue tokens for."));
        return std::nullopt;
    }
    if (qint64(users.size()) * countPerUser > MaxTokensPerIssue) {
        ServiceError::refuse(error,
            tr("%1 users with %2 tokens each would be more than %3 tokens at once. Issue them in smaller groups.")
                .arg(users.size())
                .arg(countPerUser)
                .arg(MaxTokensPerIssue));
        return std::nullopt;
    }

    // Every string is made before the first row is written, so a failing generator writes nothing.
    QList<IssuedToken> out;
    out.reserve(users.size() * countPerUser);
    QString why;
    for (qint64 user : users) {
        for (int i = 0; i < countPerUser; ++i) {
            const auto token = m_generator.generate(TokenGenerator::DefaultLength, &why);
            if (!token) {
                ServiceError::database(error, why);
                return std::nullopt;
            }
            out.append({ 0, user, *token, expiry, code });
        }
    }

    const QString nothingIssued = tr("Issuing the tokens failed and none was saved: %1");
    SqlTransaction tx(m_db);
    if (!tx.isActive()) {
        ServiceError::database(error, nothingIssued.arg(tx.beginError()));
        return std::nullopt;
    }
    const auto missing = missingIds(ExistingUsersIn, users, &why);
    if (!missing) {
        ServiceError::database(error, nothingIssued.arg(why));
        return std::nullopt;
    }
    if (!missing->isEmpty()) {
        ServiceError::refuse(error,
            tr("These user ids have no row in trongate_users: %1. Check the user ids; no token was issued.")
                .arg(idListText(*missing)));
        return std::nullopt;
    }

    // New rows get ids above every id present now; reading them back by that range costs one
    // primary-key range scan, where looking each token up would scan the unindexed token column.
    qint64 maxBefore = 0;
    {
        QSqlQuery q(m_db);
        if (!Sql::exec(q, MaxTokenId, {}, &why) || !q.next()) {
            ServiceError::database(error, nothingIssued.arg(why));
            return std::nullopt;
        }
        maxBefore = q.value(0).toLongLong();
    }
    {
        BatchInsert insert(m_db, InsertTokensHead, 4);
        for (const IssuedToken &t : std::as_const(out)) {
            if (!insert.add({ t.token, t.userId, t.expiry, t.code }, &why)) {
                ServiceError::database(error, nothingIssued.arg(why));
                return std::nullopt;
            }
        }
        if (!insert.finish(&why)) {
            ServiceError::database(error, nothingIssued.arg(why));
            return std::nullopt;
        }
    }
    QHash<QString, qsizetype> index;
    index.reserve(out.size());
    for (qsizetype i = 0; i < out.size(); ++i)
        index.insert(out.at(i).token, i);
    qsizetype assigned = 0;
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!Sql::exec(q, TokensAfterId, { maxBefore }, &why)) {
            ServiceError::database(error, nothingIssued.arg(why));
            return std::nullopt;
        }
        while (q.next()) {
            const auto it = index.constFind(q.value(1).toString());
            if (it != index.constEnd() && out[*it].id == 0) {
                out[*it].id = q.value(0).toLongLong();
                ++assigned;
            }
        }
    }
    // Only a sequence lagging behind explicit ids (PostgreSQL) gets here.
    if (assigned < out.size()) {
        for (IssuedToken &t : out) {
            if (t.id != 0)
                continue;
            QSqlQuery q(m_db);
            if (!Sql::exec(q, TokenIdByToken, { t.token }, &why) || !q.next()) {
                ServiceError::database(error, nothingIssued.arg(why.isEmpty() ? tr("a new row was not found") : why));
                return std::nullopt;
            }
            t.id = q.value(0).toLongLong();
        }
    }
    if (!tx.commit(&why)) {
        ServiceError::database(error, nothingIssued.arg(why));
        return std::nullopt;
    }
    return out;
}

std::optional<qint64> TokenService::revokeTokens(const QStringList &tokens, ServiceError *error)
{
    QStringList wanted;
    for (const QString &t : tokens) {
        const QString n = normalize(t);
        // Longer than the column: no row can hold it, as inspect() explains.
        if (!n.isEmpty() && n.size() <= MaxTokenLength && !wanted.contains(n))
            wanted << n;
    }
    if (wanted.isEmpty()) {
        const bool anyText
            = std::any_of(tokens.begin(), tokens.end(), [](const QString &t) { return !normalize(t).isEmpty(); });
        if (anyText)
            return qint64(0);
        ServiceError::refuse(error, tr("No token was given: the pasted text is empty. Paste the token and try again."));
        return std::nullopt;
    }
    const QString nothingDeleted = tr("Revoking failed and no token was deleted: %1");
    QString why;
    SqlTransaction tx(m_db);
    if (!tx.isActive()) {
        ServiceError::database(error, nothingDeleted.arg(tx.beginError()));
        return std::nullopt;
    }
    qint64 deleted = 0;
    QSqlQuery q(m_db);
    if (!q.prepare(DeleteByToken)) {
        ServiceError::database(error, nothingDeleted.arg(q.lastError().text()));
        return std::nullopt;
    }
    for (const QString &t : std::as_const(wanted)) {
        q.bindValue(0, t);
        if (!q.exec()) {
            ServiceError::database(error, nothingDeleted.arg(q.lastError().text()));
            return std::nullopt;
        }
        deleted += q.numRowsAffected();
    }
    if (!tx.commit(&why)) {
        ServiceError::database(error, nothingDeleted.arg(why));
        return std::nullopt;
    }
    return deleted;
}

std::optional<qint64> TokenService::revokeIds(const QList<qint64> &ids, ServiceError *error)
{
    const QList<qint64> wanted = unique(ids);
    if (wanted.isEmpty()) {
        ServiceError::refuse(error, tr("Choose at least one token to revoke."));
        return std::nullopt;
    }
    const QString nothingDeleted = tr("Revoking failed and no token was deleted: %1");
    QString why;
    SqlTransaction tx(m_db);
    if (!tx.isActive()) {
        ServiceError::database(error, nothingDeleted.arg(tx.beginError()));
        return std::nullopt;
    }
    qint64 deleted = 0;
    for (qsizetype start = 0; start < wanted.size(); start += IdsPerStatement) {
        const QList<qint64> chunk = wanted.mid(start, IdsPerStatement);
        QVariantList values;
        for (qint64 id : chunk)
            values << id;
        QSqlQuery q(m_db);
        if (!Sql::exec(q, DeleteByIdsIn + placeholders(chunk.size()), values, &why)) {
            ServiceError::database(error, nothingDeleted.arg(why));
            return std::nullopt;
        }
        deleted += q.numRowsAffected();
    }
    if (!tx.commit(&why)) {
        ServiceError::database(error, nothingDeleted.arg(why));
        return std::nullopt;
    }
    return deleted;
}

std::optional<qint64> TokenService::revokeUser(qint64 userId, ServiceError *error)
{
    QSqlQuery q(m_db);
    QString why;
    if (!Sql::exec(q, DeleteByUser, { userId }, &why)) {
        ServiceError::database(error, tr("Revoking failed and no token was deleted: %1").arg(why));
        return std::nullopt;
    }
    return q.numRowsAffected();
}

std::optional<qint64> TokenService::revokeLevel(qint64 levelId, ServiceError *error)
{
    QSqlQuery q(m_db);
    QString why;
    if (!Sql::exec(q, DeleteByLevel, { levelId }, &why)) {
        ServiceError::database(error, tr("Revoking failed and no token was deleted: %1").arg(why));
        return std::nullopt;
    }
    return q.numRowsAffected();
}

std::optional<qint64> TokenService::purgeOnce(ServiceError *error)
{
    QSqlQuery q(m_db);
    QString why;
    if (!Sql::exec(q, DeleteExpired, { now() }, &why)) {
        ServiceError::database(error, tr("Purging failed and no token was deleted: %1").arg(why));
        return std::nullopt;
    }
    return q.numRowsAffected();
}

std::optional<IssuedToken> TokenService::regenerate(qint64 id, qint64 newExpiry, ServiceError *error)
{
    if (!checkExpiry(newExpiry, error))
        return std::nullopt;
    QString why;
    const auto token = m_generator.generate(TokenGenerator::DefaultLength, &why);
    if (!token) {
        ServiceError::database(error, why);
        return std::nullopt;
    }
    const QString unchanged = tr("Regenerating failed and the token is unchanged: %1");
    SqlTransaction tx(m_db);
    if (!tx.isActive()) {
        ServiceError::database(error, unchanged.arg(tx.beginError()));
        return std::nullopt;
    }
    IssuedToken out { id, 0, *token, newExpiry, {} };
    {
        QSqlQuery q(m_db);
        if (!Sql::exec(q, TokenForRegenerate, { id }, &why)) {
            ServiceError::database(error, unchanged.arg(why));
            return std::nullopt;
        }
        if (!q.next()) {
            ServiceError::refuse(error,
                tr("There is no token with id %1; it may have been revoked or purged. List the tokens to find "
                   "the right id.")
                    .arg(id));
            return std::nullopt;
        }
        out.userId = q.value(0).toLongLong();
        out.code = q.value(1).toString();
    }
    QSqlQuery u(m_db);
    if (!Sql::exec(u, UpdateTokenAndExpiry, { out.token, newExpiry, id }, &why) || !tx.commit(&why)) {
        ServiceError::database(error, unchanged.arg(why));
        return std::nullopt;
    }
    return out;
}

std::optional<qint64> TokenService::extend(const QList<qint64> &ids, qint64 newExpiry, ServiceError *error)
{
    const QList<qint64> wanted = unique(ids);
    if (wanted.isEmpty()) {
        ServiceError::refuse(error, tr("Choose at least one token to extend."));
        return std::nullopt;
    }
    if (!checkExpiry(newExpiry, error))
        return std::nullopt;
    const QString unchanged = tr("Changing the expiry failed and no token was changed: %1");
    QString why;
    SqlTransaction tx(m_db);
    if (!tx.isActive()) {
        ServiceError::database(error, unchanged.arg(tx.beginError()));
        return std::nullopt;
    }
    const auto missing = missingIds(ExistingTokensIn, wanted, &why);
    if (!missing) {
        ServiceError::database(error, unchanged.arg(why));
        return std::nullopt;
    }
    if (!missing->isEmpty()) {
        ServiceError::refuse(error,
            tr("These token ids have no row in trongate_tokens: %1 (revoked or purged?). No expiry was changed.")
                .arg(idListText(*missing)));
        return std::nullopt;
    }
    for (qsizetype start = 0; start < wanted.size(); start += IdsPerStatement) {
        const QList<qint64> chunk = wanted.mid(start, IdsPerStatement);
        QVariantList values { newExpiry };
        for (qint64 id : chunk)
            values << id;
        QSqlQuery q(m_db);
        if (!Sql::exec(q, UpdateExpiryIn + placeholders(chunk.size()), values, &why)) {
            ServiceError::database(error, unchanged.arg(why));
            return std::nullopt;
        }
    }
    if (!tx.commit(&why)) {
        ServiceError::database(error, unchanged.arg(why));
        return std::nullopt;
    }
    return qint64(wanted.size());
}

std::optional<TokenInspection> TokenService::inspect(const QString &pasted, ServiceError *error) const
{
    TokenInspection r;
    r.input = normalize(pasted);
    if (r.input.isEmpty()) {
        ServiceError::refuse(error,
            tr("The pasted text is empty. Paste the token (from the trongateToken header, the trongatetoken cookie "
               "or the session) and try again."));
        return std::nullopt;
    }
    if (r.input.size() > MaxTokenLength) {
        r.note = tr("The pasted text is %1 characters long, but Trongate's token column holds at most 125, so no "
                    "row can have it. Check that only the token was copied (Trongate's tokens are 32 characters).")
                     .arg(r.input.size());
        return r;
    }
    const qint64 current = now();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString why;
    if (!Sql::exec(q, InspectToken, { r.input }, &why)) {
        ServiceError::database(error, tr("The token could not be looked up: %1").arg(why));
        return std::nullopt;
    }
    while (q.next()) {
        const std::optional<qint64> expiry = optionalInt(q.value(3));
        const bool userExists = !q.value(5).isNull();
        const std::optional<qint64> level = userExists ? optionalInt(q.value(6)) : std::nullopt;
        const bool valid = expiry && *expiry > current;
        if (r.matches++ == 0) {
            r.found = true;
            r.tokenId = q.value(0).toLongLong();
            r.caseDiffers = q.value(1).toString() != r.input;
            r.userId = q.value(2).toLongLong();
            r.expiryDate = expiry;
            r.code = q.value(4).toString();
            r.userMissing = !userExists;
            r.userLevelId = level;
            r.levelMissing = userExists && q.value(7).isNull();
            if (!q.value(7).isNull())
                r.levelTitle = q.value(8).toString();
            r.orphan = r.userMissing || r.levelMissing;
            r.noExpiry = !expiry;
            r.expired = expiry && *expiry <= current;
            r.purgeable = expiry && *expiry < current;
        }
        // Trongate accepts the token when any row with this token passes, so every match counts.
        if (valid) {
            r.validAny = true;
            if (userExists && level && !r.validForLevels.contains(*level))
                r.validForLevels << *level;
        }
    }
    std::sort(r.validForLevels.begin(), r.validForLevels.end());
    QStringList notes;
    if (!r.found)
        notes << tr("No row in trongate_tokens has this token: it was never issued on this database, or it has been "
                    "revoked or purged.");
    if (r.matches > 1)
        notes << tr("%1 rows have this token; the first is shown. Trongate accepts it when any of them is valid.")
                     .arg(r.matches);
    if (r.caseDiffers)
        notes << tr("The stored token differs in letter case; this database compares tokens without regard to case, "
                    "so Trongate accepts it all the same.");
    r.note = notes.join(QLatin1Char(' '));
    return r;
}

std::optional<QList<TokenRow>> TokenService::list(const TokenFilter &f, ServiceError *error) const
{
    QString sql = ListTokens;
    QVariantList values;
    if (f.userId) {
        sql += ListByUser;
        values << *f.userId;
    }
    if (f.levelId) {
        sql += ListByLevel;
        values << *f.levelId;
    }
    if (f.status == TokenFilter::Status::Valid) {
        sql += ListValid;
        values << now();
    } else if (f.status == TokenFilter::Status::Expired) {
        sql += ListNotValid;
        values << now();
    }
    sql += ListOrder;
    if (f.limit > 0) {
        sql += ListLimit;
        values << f.limit;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString why;
    if (!Sql::exec(q, sql, values, &why)) {
        ServiceError::database(error, tr("The tokens could not be read: %1").arg(why));
        return std::nullopt;
    }
    QList<TokenRow> rows;
    while (q.next()) {
        TokenRow r;
        r.id = q.value(0).toLongLong();
        r.token = q.value(1).toString();
        r.userId = q.value(2).toLongLong();
        r.expiry = optionalInt(q.value(3));
        r.code = q.value(4).toString();
        r.userExists = !q.value(5).isNull();
        r.userLevelId = r.userExists ? optionalInt(q.value(6)) : std::nullopt;
        rows << r;
    }
    return rows;
}
