#include "schema/DemoDatabase.h"

#include "sql/BatchInsert.h"
#include "schema/SchemaInspector.h"
#include "sql/Dialect.h"
#include "sql/SqlDialect.h"
#include "tokens/TokenGenerator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace {
// The password of every demo administrator is "admin", hashed the way PHP's password_hash does.
const QString DemoPasswordHash = QStringLiteral("$2y$10$t4rUjqMt245JH85XbSp/w.rr5jHhtOYzKrJ1TLHDmfrGuk9YTCQLe");

const char *const FirstNames[] = { "Ada", "Ben", "Chloe", "Dmitri", "Elif", "Farah", "Gustav", "Hana", "Ivan", "Julia",
    "Kwame", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tomoko", "Ugo", "Vera", "Wen",
    "Ximena", "Yusuf", "Zoe" };
const char *const LastNames[] = { "Andersen", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hoffmann",
    "Ibrahim", "Jansen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt",
    "Tanaka", "Usman", "Varga", "Weber", "Yilmaz", "Zimmer" };
const char *const Domains[] = { "example.com", "example.org", "mail.example.net", "shop.example" };

// Heads of multi-row INSERTs: BatchInsert appends "(?, ?), (?, ?), ..." and binds the values.
const QString InsertLevels = QStringLiteral("INSERT INTO trongate_user_levels (id, level_title) VALUES");
const QString InsertUsers = QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id) VALUES");
const QString InsertTokens = QStringLiteral("INSERT INTO trongate_tokens (token, user_id, expiry_date, code) VALUES");
const QString InsertAdmins = QStringLiteral(
    "INSERT INTO trongate_administrators (username, email, password, trongate_user_id, active) VALUES");
const QString InsertMembers = QStringLiteral(
    "INSERT INTO members (username, email, first_name, last_name, date_joined, trongate_user_id) VALUES");
const QString CountLevels = QStringLiteral("SELECT COUNT(*) FROM trongate_user_levels");

enum Level { Admin = 1, Member = 2, Support = 3, Guest = 4, Removed = 9 };

int levelFor(int userId, int users)
{
    if (userId <= 4)
        return Admin;
    if (userId <= 16)
        return Support;
    if (userId == users)
        return Removed; // a user whose level row was deleted: Trongate databases have those
    return userId <= users * 85 / 100 ? Member : Guest;
}

// Seconds from now: the expired backlog, a few minutes, the default 24 h, "remember me" 30 days.
qint64 expiryOffset(QRandomGenerator &rng)
{
    const int band = rng.bounded(100);
    if (band < 15)
        return -rng.bounded(60, 3 * 86400);
    if (band < 22)
        return rng.bounded(20, 15 * 60);
    if (band < 37)
        return rng.bounded(15 * 60, 3600);
    if (band < 75)
        return rng.bounded(3600, 86400);
    if (band < 95)
        return rng.bounded(86400, 7 * 86400);
    return rng.bounded(29 * 86400, 30 * 86400);
}
} // namespace

QString DemoDatabase::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo.sqlite");
}

QString DemoDatabase::profileName()
{
    return tr("Demo (SQLite)");
}

ConnectionProfile DemoDatabase::profile(const QString &path)
{
    ConnectionProfile p;
    p.name = profileName();
    p.driver = DriverKind::Sqlite;
    p.sqlitePath = path;
    return p;
}

QStringList DemoDatabase::applicationTableStatements(DriverKind kind)
{
    const Dialect &d = Dialect::of(kind);
    auto q = [&d](const char *n) { return d.quoteIdentifier(QString::fromLatin1(n)); };
    QString id = q("id") + QLatin1Char(' ') + d.autoIncrementColumnType();
    const QString key = d.primaryKeyClause(q("id"));
    if (!key.isEmpty())
        id += QStringLiteral(",\n  ") + key;
    const QString tail = d.tableOptions();
    const QString tiny = d.smallIntegerType(1);
    return {
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS %1 (\n  %2,\n  %3 varchar(65) DEFAULT NULL,\n  %4 varchar(255) DEFAULT NULL,\n"
            "  %5 varchar(60) DEFAULT NULL,\n  %6 int DEFAULT NULL,\n  %7 %8 NOT NULL DEFAULT 0\n)%9")
            .arg(q("trongate_administrators"), id, q("username"), q("email"), q("password"), q("trongate_user_id"),
                q("active"), tiny, tail),
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS %1 (\n  %2,\n  %3 varchar(65) DEFAULT NULL,\n  %4 varchar(255) DEFAULT NULL,\n"
            "  %5 varchar(65) DEFAULT NULL,\n  %6 varchar(65) DEFAULT NULL,\n  %7 int DEFAULT NULL,\n"
            "  %8 int DEFAULT NULL\n)%9")
            .arg(q("members"), id, q("username"), q("email"), q("first_name"), q("last_name"), q("date_joined"),
                q("trongate_user_id"), tail),
    };
}

bool DemoDatabase::ensureSeeded(QSqlDatabase db, const Options &o, Summary *summary, QString *error)
{
    QString localError;
    QString &err = error ? *error : localError;
    Summary s;
    const qint64 now = o.now ? o.now : QDateTime::currentSecsSinceEpoch();
    QRandomGenerator rng = o.seed ? QRandomGenerator(o.seed) : QRandomGenerator(QRandomGenerator::global()->generate());
    const TokenGenerator generator;

    if (!db.transaction()) {
        err = db.lastError().text();
        return false;
    }
    auto fail = [&](const QString &why) {
        err = why;
        db.rollback();
        return false;
    };

    // The refusal comes before any DDL: a database that is not ours to fill gets no new tables either.
    const DriverKind dialect = Dialect::kindOf(db);
    const QStringList existing = Sql::tables(db);
    if (existing.contains(QStringLiteral("trongate_user_levels"), Qt::CaseInsensitive)) {
        QSqlQuery q(db);
        if (!Sql::exec(q, CountLevels, {}, &err) || !q.next())
            return fail(err);
        if (q.value(0).toLongLong() > 0) {
            if (!db.commit())
                return fail(db.lastError().text());
            if (summary)
                *summary = s;
            return true;
        }
    }

    QStringList ddl = TrongateSchema::installStatements(dialect, existing);
    ddl += applicationTableStatements(dialect);
    for (const QString &sql : ddl) {
        QSqlQuery q(db);
        if (!Sql::execDdl(q, sql, &err))
            return fail(err);
    }

    BatchInsert levels(db, InsertLevels, 2);
    const QList<QPair<int, QString>> levelRows
        = { { Admin, QStringLiteral("admin") }, { Member, QStringLiteral("member") },
              { Support, QStringLiteral("support") }, { Guest, QStringLiteral("guest") } };
    for (const auto &[id, title] : levelRows) {
        if (!levels.add({ id, title }, &err))
            return fail(err);
        ++s.levels;
    }
    if (!levels.finish(&err))
        return fail(err);

    BatchInsert users(db, InsertUsers, 3);
    BatchInsert admins(db, InsertAdmins, 5);
    BatchInsert members(db, InsertMembers, 6);
    const QStringList adminNames
        = { QStringLiteral("admin"), QStringLiteral("dana.k"), QStringLiteral("marco.r"), QStringLiteral("li.wei") };
    for (int id = 1; id <= o.users; ++id) {
        const auto code = generator.generate(32, &err);
        if (!code)
            return fail(err);
        const int level = levelFor(id, o.users);
        if (!users.add({ id, *code, level }, &err))
            return fail(err);
        ++s.users;
        const QString first = QString::fromLatin1(FirstNames[rng.bounded(int(std::size(FirstNames)))]);
        const QString last = QString::fromLatin1(LastNames[rng.bounded(int(std::size(LastNames)))]);
        const QString domain = QString::fromLatin1(Domains[rng.bounded(int(std::size(Domains)))]);
        if (level == Admin || level == Support) {
            const QString username
                = id <= adminNames.size() ? adminNames.at(id - 1) : QStringLiteral("support.%1").arg(first.toLower());
            const QString email = QStringLiteral("%1.%2@%3").arg(first.toLower(), last.toLower(), domain);
            if (!admins.add({ username, email, DemoPasswordHash, id, 1 }, &err))
                return fail(err);
            ++s.administrators;
        } else if (level == Member) {
            const QString username = QStringLiteral("%1%2%3").arg(first.toLower(), last.left(1).toLower()).arg(id);
            const QString email = QStringLiteral("%1.%2%3@%4").arg(first.toLower(), last.toLower()).arg(id).arg(domain);
            const qint64 joined = now - rng.bounded(1, 900) * 86400LL;
            if (!members.add({ username, email, first, last, joined, id }, &err))
                return fail(err);
            ++s.members;
        }
    }
    if (!users.finish(&err) || !admins.finish(&err) || !members.finish(&err))
        return fail(err);

    BatchInsert tokens(db, InsertTokens, 4);
    for (int i = 0; i < o.tokens; ++i) {
        const auto token = generator.generate(32, &err);
        if (!token)
            return fail(err);
        int userId = o.users > 0 ? int(rng.bounded(o.users)) + 1 : 0;
        QVariant expiry = now + expiryOffset(rng);
        if (i == 0 || i == 1)
            expiry = now + 120 + i * 90; // always something about to expire while the demo is watched
        if (i == 2)
            expiry = QVariant(QMetaType::fromType<int>()); // NULL: never valid, never purged
        if (i >= 3 && i < 6)
            userId = o.users + 10 + i; // orphans: their user rows were deleted
        if (!tokens.add({ *token, userId, expiry, QStringLiteral("0") }, &err))
            return fail(err);
        ++s.tokens;
    }
    if (!tokens.finish(&err))
        return fail(err);

    if (!db.commit())
        return fail(db.lastError().text());
    s.seeded = true;
    if (summary)
        *summary = s;
    return true;
}

bool DemoDatabase::resetFile(const QString &path, QString *error)
{
    for (const QString &suffix :
        { QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        QFile f(path + suffix);
        if (f.exists() && !f.remove()) {
            if (error)
                *error = tr("The demo database %1 could not be removed: %2")
                             .arg(QDir::toNativeSeparators(path), f.errorString());
            return false;
        }
    }
    return true;
}

bool DemoDatabase::keepAlive(QSqlDatabase db, qint64 now, QString *error)
{
    static const QString CreateMeta = QStringLiteral("CREATE TABLE IF NOT EXISTS tgadmin_demo (seeded_at INTEGER NOT NULL)");
    // The demo's own token rows, with the expiry the demo last gave each. A row whose expiry differs
    // was issued, extended, regenerated or edited by the person: it is theirs and never moves again.
    static const QString CreateOwn = QStringLiteral(
        "CREATE TABLE IF NOT EXISTS tgadmin_demo_tokens (token_id INTEGER PRIMARY KEY, expiry_date INTEGER NOT NULL)");
    static const QString AdoptRows = QStringLiteral("INSERT INTO tgadmin_demo_tokens (token_id, expiry_date) "
                                                    "SELECT id, expiry_date FROM trongate_tokens WHERE expiry_date IS NOT NULL");
    static const QString ReadMeta = QStringLiteral("SELECT seeded_at FROM tgadmin_demo");
    static const QString InsertMeta = QStringLiteral("INSERT INTO tgadmin_demo (seeded_at) VALUES (?)");
    static const QString UpdateMeta = QStringLiteral("UPDATE tgadmin_demo SET seeded_at = ?");
    static const QString ForgetEdited = QStringLiteral(
        "DELETE FROM tgadmin_demo_tokens WHERE NOT EXISTS (SELECT 1 FROM trongate_tokens t "
        "WHERE t.id = tgadmin_demo_tokens.token_id AND t.expiry_date = tgadmin_demo_tokens.expiry_date)");
    static const QString Shift = QStringLiteral(
        "UPDATE trongate_tokens SET expiry_date = expiry_date + ? WHERE expiry_date IS NOT NULL AND expiry_date <= ? "
        "AND id IN (SELECT token_id FROM tgadmin_demo_tokens)");
    static const QString ShiftOwn = QStringLiteral(
        "UPDATE tgadmin_demo_tokens SET expiry_date = expiry_date + ? WHERE expiry_date <= ?");
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    auto fail = [&](const QSqlQuery &q) {
        if (error)
            *error = q.lastError().text();
        db.rollback();
        return false;
    };
    const bool ownRowsKnown = Sql::tables(db).contains(QStringLiteral("tgadmin_demo_tokens"), Qt::CaseInsensitive);
    QSqlQuery q(db);
    if (!Sql::execDdl(q, CreateMeta, error) || !Sql::execDdl(q, CreateOwn, error))
        return fail(q);
    if (!Sql::exec(q, ReadMeta, {}, error))
        return fail(q);
    const bool firstOpen = !q.next();
    const qint64 seededAt = firstOpen ? now : q.value(0).toLongLong();
    // Opened for the first time right after seeding, every token is the demo's. A demo file made
    // before the rows were recorded gets its present rows adopted once, as the old behaviour had it.
    if (!ownRowsKnown) {
        QSqlQuery adopt(db);
        if (!Sql::exec(adopt, AdoptRows, {}, error))
            return fail(adopt);
    }
    if (firstOpen) {
        QSqlQuery i(db);
        if (!Sql::exec(i, InsertMeta, { now }, error))
            return fail(i);
    } else {
        const qint64 delta = now - seededAt;
        if (delta > 300) {
            QSqlQuery u(db);
            // Keep expiries inside the signed 32-bit range Trongate's column holds.
            const qint64 highest = qint64(2147483647) - delta;
            if (!Sql::exec(u, ForgetEdited, {}, error) || !Sql::exec(u, Shift, { delta, highest }, error)
                || !Sql::exec(u, ShiftOwn, { delta, highest }, error) || !Sql::exec(u, UpdateMeta, { now }, error))
                return fail(u);
        }
    }
    if (!db.commit()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    return true;
}
