#include "TokensModel.h"

#include "audit/ControlText.h"
#include "ExpiryText.h"
#include "sql/SqlDialect.h"
#include "tokens/TokenGenerator.h"
#include "tokens/TokenService.h"

#include <QColor>
#include <QDateTime>
#include <QRegularExpression>

#include <limits>
#include <optional>
#include <QSqlQuery>

namespace {
const QString UserExists = QStringLiteral("SELECT COUNT(*) FROM trongate_users WHERE id = ?");
const QString UsersMatching = QStringLiteral("SELECT id FROM trongate_users WHERE code%1");
// What the Status column calls an orphan: the user row is missing, or the user's level row is.
const QString OrphanCondition = QStringLiteral(
    "(%1 IS NULL OR %1 NOT IN (SELECT id FROM trongate_users) OR %1 IN (SELECT u.id FROM trongate_users u "
    "WHERE u.user_level_id IS NULL OR u.user_level_id NOT IN (SELECT id FROM trongate_user_levels)))");

// The "Time left" filter's choices: seconds left in (from, to]; to < 0 = no upper bound.
struct TimeLeftChoice {
    const char *label;
    qint64 from;
    qint64 to;
};
constexpr TimeLeftChoice TimeLeftChoices[] = {
    { QT_TRANSLATE_NOOP("TokensModel", "expired (… ago)"), std::numeric_limits<qint64>::min(), -1 },
    { QT_TRANSLATE_NOOP("TokensModel", "within 1 h"), 0, 3600 },
    { QT_TRANSLATE_NOOP("TokensModel", "within 24 h"), 0, 86400 },
    { QT_TRANSLATE_NOOP("TokensModel", "within 7 days"), 0, 7 * 86400 },
    { QT_TRANSLATE_NOOP("TokensModel", "within 30 days"), 0, 30 * 86400 },
    { QT_TRANSLATE_NOOP("TokensModel", "more than 30 days"), 30 * 86400, -1 },
};

// "2026", "2026-12", "2026-12-01", "2026-12-01 14", "… 14:05", "… 14:05:09": the local times a
// displayed expiry starting with that text covers, as [start, end).
std::optional<std::pair<qint64, qint64>> datePrefixRange(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[ T](\d{2})(?::(\d{2})(?::(\d{2}))?)?)?)?)?$)"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    auto part = [&m](int i, int fallback) { return m.captured(i).isEmpty() ? fallback : m.captured(i).toInt(); };
    const QDate date(part(1, 1), part(2, 1), part(3, 1));
    const QTime time(part(4, 0), part(5, 0), part(6, 0));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QDateTime start(date, time);
    QDateTime end;
    if (m.hasCaptured(6))
        end = start.addSecs(1);
    else if (m.hasCaptured(5))
        end = start.addSecs(60);
    else if (m.hasCaptured(4))
        end = start.addSecs(3600);
    else if (m.hasCaptured(3))
        end = start.addDays(1);
    else if (m.hasCaptured(2))
        end = start.addMonths(1);
    else
        end = start.addYears(1);
    return std::make_pair(start.toSecsSinceEpoch(), end.toSecsSinceEpoch());
}
} // namespace

TokensModel::TokensModel(QSqlDatabase db, Clock clock, QObject *parent)
    : GridModel(db, std::move(clock), parent)
    , m_identities(db)
    , m_owners(db)
{
    m_identities = m_owners.identities(); // one discovery of the linked tables for both
}

GridModel::TwinMaker TokensModel::twinMaker() const
{
    return [clock = m_clock](const QSqlDatabase &db) { return std::make_unique<TokensModel>(db, clock); };
}

QString TokensModel::tableName() const
{
    return QStringLiteral("trongate_tokens");
}

QStringList TokensModel::baseColumns() const
{
    return { QStringLiteral("token"), QStringLiteral("user_id"), QStringLiteral("expiry_date"),
        QStringLiteral("code") };
}

QList<GridModel::ColumnSpec> TokensModel::columnSpecs() const
{
    using S = ColumnSpec::Search;
    return {
        { tr("ID"), QStringLiteral("id"), QStringLiteral("id"), false, S::Number },
        { tr("Token"), QStringLiteral("token"), QStringLiteral("token"), false, S::Text },
        { tr("User"), QStringLiteral("user_id"), QStringLiteral("user_id"), true, S::Number },
        { tr("Identity"), {}, {}, false, S::Text },
        { tr("Expires"), QStringLiteral("expiry_date"), QStringLiteral("expiry_date"), true, S::Custom },
        { tr("Time left"), {}, QStringLiteral("expiry_date"), false, S::Custom },
        { tr("Status"), {}, QStringLiteral("expiry_date"), false, S::Custom },
        { tr("Code"), QStringLiteral("code"), QStringLiteral("code"), true, S::Text },
    };
}

QString TokensModel::mask(const QString &token)
{
    return token.size() <= 6 ? token : token.left(6) + QStringLiteral("…");
}

void TokensModel::setRevealed(const QList<qint64> &ids, bool revealed)
{
    for (qint64 id : ids) {
        if (revealed)
            m_revealed.insert(id);
        else
            m_revealed.remove(id);
    }
    emit dataChanged(index(0, TokenColumn), index(rowCount() - 1, TokenColumn));
}

QString TokensModel::tokenAt(int row) const
{
    return value(row, QStringLiteral("token")).toString();
}

QString TokensModel::validateExpiry(qint64 expiry)
{
    if (expiry < 0 || expiry > ExpiryText::MaxExpiry)
        return tr("Trongate stores expiry_date as a signed 32-bit number: the latest possible expiry is "
                  "2038-01-19 03:14:07 UTC. Choose an earlier date.");
    return {};
}

QString TokensModel::validateCode(const QString &code)
{
    if (code.size() > 3)
        return tr("A token's code can be at most 3 characters long (Trongate's default is \"0\").");
    return ControlText::problem(code, tr("The token's code"));
}

QString TokensModel::convertEdit(int column, const QVariant &input, qint64, QVariant *stored) const
{
    switch (column) {
    case UserColumn: {
        bool ok = false;
        const qint64 user = input.toLongLong(&ok);
        const bool exists = ok && onDb([user](QSqlDatabase &db) {
            QSqlQuery q(db);
            return Sql::exec(q, UserExists, { user }) && q.next() && q.value(0).toLongLong() != 0;
        }).value_or(false);
        if (!exists)
            return tr("There is no user with id %1. Pick the user from the list.").arg(input.toString());
        *stored = user;
        return {};
    }
    case ExpiryColumn: {
        qint64 expiry = 0;
        if (input.metaType().id() == QMetaType::QDateTime) {
            const QDateTime dt = input.toDateTime();
            if (!dt.isValid())
                return tr("That is not a valid date and time.");
            expiry = dt.toSecsSinceEpoch();
        } else {
            bool ok = false;
            expiry = input.toLongLong(&ok);
            if (!ok)
                return tr("The expiry must be a date and time.");
        }
        const QString problem = validateExpiry(expiry);
        if (!problem.isEmpty())
            return problem;
        *stored = expiry;
        return {};
    }
    case CodeColumn: {
        const QString code = input.toString();
        const QString problem = validateCode(code);
        if (!problem.isEmpty())
            return problem;
        *stored = code;
        return {};
    }
    default:
        return tr("This column cannot be edited.");
    }
}

QString TokensModel::validateRow(const QVariantList &values) const
{
    if (values.value(1).toLongLong() <= 0)
        return tr("A new token needs a user: pick one in the User column.");
    if (!values.value(2).isNull()) {
        const QString problem = validateExpiry(values.value(2).toLongLong());
        if (!problem.isEmpty())
            return problem;
    }
    return validateCode(values.value(3).toString());
}

QStringList TokensModel::filterChoices(int column) const
{
    QStringList out;
    switch (column) {
    case StatusColumn:
        for (auto s : { ExpiryText::Status::Valid, ExpiryText::Status::Expired, ExpiryText::Status::ExpiresNow,
                 ExpiryText::Status::NoExpiry })
            out << ExpiryText::statusText(s);
        out << tr("orphan");
        break;
    case ExpiresInColumn:
        for (const TimeLeftChoice &c : TimeLeftChoices)
            out << tr(c.label);
        break;
    case ExpiryColumn:
        out << tr("never (NULL)");
        break;
    default:
        break;
    }
    return out;
}

QStringList TokensModel::displayedFilterClauses(const QString &text, int column, QVariantList *values) const
{
    const QString expiry = quote(QStringLiteral("expiry_date"));
    const qint64 t = now();
    auto contains = [&text](const QString &shown) { return shown.contains(text, Qt::CaseInsensitive); };
    QStringList ors;
    if (column == StatusColumn) {
        // Each status as the column shows it, with and without "· orphan".
        const QString orphan = OrphanCondition.arg(quote(QStringLiteral("user_id")));
        const std::pair<ExpiryText::Status, QString> statuses[] = {
            { ExpiryText::Status::Valid, expiry + QStringLiteral(" > ?") },
            { ExpiryText::Status::Expired, expiry + QStringLiteral(" < ?") },
            { ExpiryText::Status::ExpiresNow, expiry + QStringLiteral(" = ?") },
            { ExpiryText::Status::NoExpiry, expiry + QStringLiteral(" IS NULL") },
        };
        for (const auto &[status, condition] : statuses) {
            const QString shown = ExpiryText::statusText(status);
            const bool plain = contains(shown);
            const bool asOrphan = contains(tr("%1 · orphan").arg(shown));
            if (!plain && !asOrphan)
                continue;
            QString clause = QLatin1Char('(') + condition;
            if (status != ExpiryText::Status::NoExpiry)
                values->append(t);
            if (!plain)
                clause += QStringLiteral(" AND ") + orphan;
            ors << clause + QLatin1Char(')');
        }
    } else if (column == ExpiresInColumn) {
        for (const TimeLeftChoice &c : TimeLeftChoices) {
            if (!contains(tr(c.label)))
                continue;
            if (c.to < 0 && c.from < 0) {
                ors << expiry + QStringLiteral(" < ?");
                values->append(t);
            } else if (c.to < 0) {
                ors << expiry + QStringLiteral(" > ?");
                values->append(t + c.from);
            } else {
                ors << QStringLiteral("(%1 > ? AND %1 <= ?)").arg(expiry);
                values->append(t + c.from);
                values->append(t + c.to);
            }
        }
    } else if (column == ExpiryColumn) {
        if (const auto range = datePrefixRange(text)) {
            ors << QStringLiteral("(%1 >= ? AND %1 < ?)").arg(expiry);
            values->append(range->first);
            values->append(range->second);
        } else if (contains(tr("never (NULL)"))) {
            ors << expiry + QStringLiteral(" IS NULL");
        }
    }
    return ors;
}

QStringList TokensModel::extraFilterClauses(
    const QSqlDatabase &db, const QString &text, int column, QVariantList *values) const
{
    if (column == StatusColumn || column == ExpiresInColumn || column == ExpiryColumn)
        return displayedFilterClauses(text, column, values);
    const bool byCode = column < 0 || column == UserColumn;
    const bool byIdentity = column < 0 || column == IdentityColumn;
    if (!byCode && !byIdentity)
        return {};
    // Resolved once per count: every page of it reuses the WHERE it made.
    const std::optional<QList<qint64>> matched = m_owners.matchingUserIds(text, byCode, byIdentity, 1000, db);
    if (matched) {
        if (matched->isEmpty())
            return {};
        for (qint64 id : *matched)
            values->append(id);
        return { quote(QStringLiteral("user_id")) + QStringLiteral(" IN (") + placeholders(int(matched->size()))
            + QLatin1Char(')') };
    }
    // Too many users match to list them: let the database join.
    const QString like = Sql::likeOperator(db);
    const QString pattern = Sql::likeContains(text);
    QStringList out;
    if (byCode) {
        out << quote(QStringLiteral("user_id")) + QStringLiteral(" IN (") + UsersMatching.arg(like) + QLatin1Char(')');
        values->append(pattern);
    }
    if (byIdentity)
        out += m_identities.matchClauses(quote(QStringLiteral("user_id")), like, pattern, values, db);
    return out;
}

void TokensModel::enrich(const QSqlDatabase &db, QList<Row> &rows) const
{
    // A page read its owners along with its rows (takeAlong): only who they are is missing, which
    // enrichLater() reads. An export's batch has neither: both here, in a statement each.
    QList<qint64> userIds;
    for (const Row &r : rows)
        if (const qint64 u = r.values.value(1).toLongLong(); !userIds.contains(u))
            userIds << u;
    if (userIds.isEmpty())
        return;
    const bool ownersRead = rows.first().extra.contains(QStringLiteral("userCode"))
        || rows.first().extra.contains(QStringLiteral("orphan"));
    if (ownersRead)
        return;
    const QHash<qint64, TokenOwners::Owner> owners = m_owners.lookup(userIds, db);
    for (Row &r : rows) {
        const TokenOwners::Owner o = owners.value(r.values.value(1).toLongLong());
        setOwner(r, o.userExists, o.code, o.levelId, o.levelExists ? QVariant(o.levelTitle) : QVariant(), o.identity);
        r.extra.insert(QStringLiteral("identityRead"), true);
    }
}

void TokensModel::enrichLater(const QSqlDatabase &db, QList<Row> &rows) const
{
    QHash<qint64, TokenOwners::Owner> owners;
    for (const Row &r : rows)
        if (r.extra.contains(QStringLiteral("userCode")) && !r.extra.contains(QStringLiteral("identityRead")))
            owners.insert(r.values.value(1).toLongLong(), TokenOwners::Owner { true, {}, 0, true, {}, {} });
    if (owners.isEmpty())
        return;
    m_owners.addIdentities(owners, db);
    for (Row &r : rows) {
        if (!r.extra.contains(QStringLiteral("userCode")) || r.extra.contains(QStringLiteral("identityRead")))
            continue;
        r.extra.insert(QStringLiteral("identityRead"), true);
        if (const QString who = owners.value(r.values.value(1).toLongLong()).identity; !who.isEmpty())
            r.extra.insert(QStringLiteral("identity"), who);
    }
}

void TokensModel::setOwner(Row &r, bool userExists, const QString &code, qint64 level, const QVariant &levelTitle,
    const QString &identity) const
{
    if (!userExists) {
        r.extra.insert(QStringLiteral("orphan"), tr("user row missing"));
        return;
    }
    r.extra.insert(QStringLiteral("userCode"), code);
    r.extra.insert(QStringLiteral("levelId"), level);
    if (levelTitle.isNull())
        r.extra.insert(QStringLiteral("orphan"), tr("level row missing"));
    else
        r.extra.insert(QStringLiteral("levelTitle"), levelTitle);
    if (!identity.isEmpty())
        r.extra.insert(QStringLiteral("identity"), identity);
}

QStringList TokensModel::alongColumns(const QSqlDatabase &) const
{
    return TokenOwners::columns(quote(tableName()) + QLatin1Char('.') + quote(QStringLiteral("user_id")));
}

void TokensModel::takeAlong(Row &row, const QVariantList &v) const
{
    const TokenOwners::Owner o = TokenOwners::ownerOf(v);
    setOwner(row, o.userExists, o.code, o.levelId, o.levelExists ? QVariant(o.levelTitle) : QVariant(), o.identity);
}

QVariant TokensModel::cellData(const Row &row, const QVariantList &values, int column, int role) const
{
    const QString token = values.value(0).toString();
    const qint64 userId = values.value(1).toLongLong();
    const QVariant expiry = values.value(2);
    const bool userEdited = userId != row.values.value(1).toLongLong() || row.id < 0;
    const ExpiryText::Status status = ExpiryText::status(expiry, now());
    const QString orphan = userEdited ? QString() : row.extra.value(QStringLiteral("orphan")).toString();

    if (role == Qt::DisplayRole) {
        switch (column) {
        case IdColumn:
            return row.id < 0 ? QVariant(tr("new")) : QVariant(row.id);
        case TokenColumn:
            return isRevealed(row.id) ? token : mask(token);
        case UserColumn:
            if (userId <= 0 && row.id < 0)
                return tr("(pick a user)");
            if (userEdited || !row.extra.contains(QStringLiteral("userCode")))
                return orphan.isEmpty() ? tr("user %1").arg(userId) : tr("user %1 (missing)").arg(userId);
            return QStringLiteral("%1 · %2… · %3")
                .arg(userId)
                .arg(row.extra.value(QStringLiteral("userCode")).toString().left(6),
                    row.extra.contains(QStringLiteral("levelTitle"))
                        ? row.extra.value(QStringLiteral("levelTitle")).toString()
                        : tr("missing level %1").arg(row.extra.value(QStringLiteral("levelId")).toLongLong()));
        case IdentityColumn:
            if (userEdited)
                return {};
            if (row.extra.contains(QStringLiteral("userCode")) && !row.extra.contains(QStringLiteral("identityRead")))
                return tr("…", "who the user is, still being read");
            return row.extra.value(QStringLiteral("identity"));
        case ExpiryColumn:
            if (expiry.isNull())
                return tr("never (NULL)");
            if (const auto seconds = TokenService::expirySeconds(expiry))
                return ExpiryText::localDateTime(*seconds);
            return expiry.toString(); // text in an SQLite column: shown as stored
        case ExpiresInColumn: {
            const auto seconds = TokenService::expirySeconds(expiry);
            return seconds ? ExpiryText::relative(*seconds, now()) : QString();
        }
        case StatusColumn:
            return orphan.isEmpty() ? ExpiryText::statusText(status)
                                    : tr("%1 · orphan").arg(ExpiryText::statusText(status));
        case CodeColumn:
            return values.value(3);
        }
    }
    if (role == Qt::EditRole) {
        switch (column) {
        case UserColumn:
            return userId;
        case ExpiryColumn:
            return expiry.isNull() ? QDateTime::currentDateTime().addDays(1)
                                   : QDateTime::fromSecsSinceEpoch(expiry.toLongLong());
        case CodeColumn:
            return values.value(3);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (column == StatusColumn && !orphan.isEmpty())
            return tr("Trongate's any-level check still accepts this token while it is valid; its single-level checks "
                      "and get_user_obj() do not, because the %1.")
                .arg(orphan);
        if (column == StatusColumn && status == ExpiryText::Status::NoExpiry)
            return tr("A token without expiry_date is never valid and never purged by Trongate.");
        if (column == TokenColumn && !isRevealed(row.id))
            return tr("Masked. Use Reveal or Copy to see or use the whole token.");
        if (column == ExpiryColumn && !expiry.isNull())
            return QStringLiteral("expiry_date = %1").arg(expiry.toLongLong());
    }
    if (role == Qt::ForegroundRole && column == StatusColumn) {
        if (!orphan.isEmpty() || status == ExpiryText::Status::NoExpiry)
            return QColor(0xd3, 0x2f, 0x2f);
        if (status != ExpiryText::Status::Valid)
            return QColor(0x8a, 0x8a, 0x8a);
    }
    if (role == Qt::TextAlignmentRole && column == IdColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

int TokensModel::addToken(qint64 userId, qint64 expiry)
{
    QString error;
    const auto token = TokenGenerator().generate(32, &error);
    if (!token) {
        emit validationFailed(error);
        return -1;
    }
    const int row = addRow({ *token, userId, expiry, QStringLiteral("0") });
    m_revealed.insert(idAt(row));
    return row;
}

QVariantList TokensModel::duplicateValues(const QVariantList &values) const
{
    // The token must be unique: a duplicate gets a fresh one from the CSPRNG.
    QVariantList copy = values;
    if (const auto fresh = TokenGenerator().generate(32))
        copy[0] = *fresh;
    return copy;
}

QString TokensModel::exportText(const Row &row, int column, bool includeSecrets) const
{
    if (column == TokenColumn) {
        const QString token = row.values.value(0).toString();
        return includeSecrets ? token : mask(token);
    }
    if (column == ExpiryColumn && !row.values.value(2).isNull())
        return ExpiryText::localDateTime(row.values.value(2).toLongLong());
    return GridModel::exportText(row, column, includeSecrets);
}
