#include "ExpiryPoller.h"

#include "ExpiryReader.h"

#include "connection/Connector.h"
#include "connection/DbWorker.h"
#include "sql/Dialect.h"
#include "sql/SqlDialect.h"
#include "schema/RowEstimate.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {
using Part = ExpiryReadBudget::Part;
const QString Columns = QStringLiteral("id, expiry_date, token, user_id");
// (expiry_date, id) < (?, ?), written out: row-value comparison is not in every engine we support.
const QString BeforeKey = QStringLiteral(R"((expiry_date < ? OR (expiry_date = ? AND id < ?)))");
const QString FromKey = QStringLiteral(R"((expiry_date > ? OR (expiry_date = ? AND id >= ?)))");

double secondsOf(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

QString timelineKey(const ExpiryPollRequest &r)
{
    return QStringLiteral("%1/%2/%3")
        .arg(int(r.span))
        .arg(r.levelId ? QString::number(*r.levelId) : QString())
        .arg(r.userId ? QString::number(*r.userId) : QString());
}
} // namespace

void ExpiryChangeSignal::chooseKind(const QSqlDatabase &db, int *queries)
{
    m_kind = Kind::ServerCounter;
    const QString storage = Dialect::of(db).tokensTableStorageSql();
    if (storage.isEmpty())
        return;
    QSqlQuery q(db);
    ++*queries;
    if (!q.exec(storage) || !q.next()
        || q.value(0).toString().compare(QLatin1String("InnoDB"), Qt::CaseInsensitive) != 0) {
        m_kind = Kind::EveryPoll;
        return;
    }
    // MySQL 8 answers information_schema.TABLES from a cache (information_schema_stats_expiry, a
    // day by default): its UPDATE_TIME would not move.
    if (q.value(1).toString().contains(QLatin1String("MariaDB"), Qt::CaseInsensitive))
        m_kind = Kind::Table;
}

QString ExpiryChangeSignal::counter(const QSqlDatabase &db, int *queries) const
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const Dialect::ChangeCounter counter = Dialect::of(db).changeCounterQuery();
    ++*queries;
    return q.exec(counter.sql) && q.next() ? q.value(counter.column).toString() : QString();
}

std::optional<bool> ExpiryChangeSignal::tableChanged(const QSqlDatabase &db, int *queries)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    ++*queries;
    if (!q.exec(Dialect::of(db).tokensTableChangeSql()) || !q.next())
        return std::nullopt;
    if (m_kind == Kind::Table && !m_seen && q.record().count() > 4) {
        // The first look also tells the table's engine and the server (columns 3 and 4), as
        // chooseKind() would: the table's stamp moves only for InnoDB on MariaDB.
        if (q.value(3).toString().compare(QLatin1String("InnoDB"), Qt::CaseInsensitive) != 0) {
            m_kind = Kind::EveryPoll;
            return true;
        }
        if (!q.value(4).toString().contains(QLatin1String("MariaDB"), Qt::CaseInsensitive)) {
            m_kind = Kind::ServerCounter;
            return std::nullopt;
        }
    }
    if (q.record().count() > 5)
        m_tableRows = q.isNull(5) ? std::nullopt : std::optional<qint64>(q.value(5).toLongLong());
    const std::optional<qint64> stamp = q.isNull(0) ? std::nullopt : std::optional<qint64>(q.value(0).toLongLong());
    const qint64 now = q.value(1).toLongLong();
    const QString lsn = q.value(2).toString();
    bool moved = true;
    if (!m_seen || lsn.isEmpty())
        moved = true;
    else if (!stamp)
        moved = m_updateTime.has_value() || lsn != m_lsn;
    else if (stamp != m_updateTime)
        moved = true;
    else // the same stamp: a transaction that began in its second may have committed since
        moved = lsn != m_lsn && now <= *stamp + m_options.longestTransactionSeconds;
    m_seen = true;
    m_updateTime = stamp;
    m_lsn = lsn;
    return moved;
}

bool ExpiryChangeSignal::changed(const QSqlDatabase &db, int *queries)
{
    if (m_kind == Kind::Unknown && !Dialect::of(db).tokensTableChangeSql().isEmpty()) {
        // The table's stamp says which engine keeps the table and which server this is: a round
        // trip fewer than asking first (the page's first visit, over a far link).
        m_kind = Kind::Table;
        const std::optional<bool> moved = tableChanged(db, queries);
        if (m_kind == Kind::Table && moved)
            return *moved;
        if (m_kind == Kind::EveryPoll)
            return true;
        if (m_kind == Kind::Table)
            m_kind = Kind::Unknown; // refused (MySQL 8 has no information_schema.GLOBAL_STATUS): as before
    }
    if (m_kind == Kind::Unknown)
        chooseKind(db, queries);
    if (m_kind == Kind::Table) {
        if (const std::optional<bool> moved = tableChanged(db, queries))
            return *moved;
        m_kind = Kind::ServerCounter; // information_schema refused: the server's counter alone
        return true;
    }
    if (m_kind == Kind::EveryPoll)
        return true;
    const QString now = counter(db, queries);
    if (now.isEmpty()) {
        m_kind = Kind::EveryPoll;
        return true;
    }
    const bool moved = now != m_last;
    m_last = now;
    return moved;
}

namespace {
void computeTimeline(const QSqlDatabase &db, const ExpiryPollRequest &r, ExpiryReadBudget *budget, ExpiryPollSnapshot *s)
{
    QElapsedTimer t;
    t.start();
    ExpiryTimeline::Slices slices;
    if (ExpiryTimeline::compute(db, r.span, r.now, &slices, &s->error, r.levelId, r.userId, &s->queries)) {
        s->slices = slices;
        budget->ran(Part::Timeline, secondsOf(t));
    }
}

// The worker this read runs on is going (a switch, a quit): its running statement was stopped;
// the visit's next statements are not sent, so nobody waits for them. Nobody reads the snapshot.
bool stopped(ExpiryPollSnapshot *s)
{
    if (!DbWorker::stopRequested())
        return false;
    s->ok = false;
    s->error = QCoreApplication::translate("ExpiryPoller", "stopped");
    return true;
}

// A visit's reads in one statement (a round trip each to a far server otherwise): the rows from
// the top key on with their owners (user, level) when withRows, and whichever counts are due: the
// timeline's parts, the rows before the top key (-3), every matching row (-4). UNION ALL, each
// part with its own range on expiry_date as it has alone; the last column says which part a row
// is of (0: a token, 1: a count, keyed by the first column). The rows come back in any order and
// are sorted here. Each count is charged the statement's time, more than its share: so the rows
// come along only on the first visit (ExpiryPollRequest::countsWithRows), where the counts' first
// wait errs on the side of the server, and later visits read the rows apart.
struct Counts {
    std::optional<qint64> above;
    std::optional<qint64> count;
    std::optional<ExpiryTimeline::Slices> slices;
};

bool readTogether(const QSqlDatabase &db, const ExpiryPollRequest &r, bool withRows, bool above, bool count,
    bool timeline, ExpiryReadBudget *budget, Counts *out, ExpiryPollSnapshot *s)
{
    QElapsedTimer t;
    t.start();
    // Named apart: PostgreSQL names a subquery's column after what it selects ("id"), and ORDER BY
    // id would then be ambiguous.
    const QStringList ownerColumns
        = withRows ? TokenOwners::columns(QStringLiteral("trongate_tokens.user_id")) : QStringList();
    const int rowColumns = withRows ? 4 + int(ownerColumns.size()) : 2;
    QStringList parts;
    QVariantList values;
    if (withRows) {
        QStringList named;
        for (int i = 0; i < ownerColumns.size(); ++i)
            named << QStringLiteral("%1 AS tg_owner_%2").arg(ownerColumns.at(i)).arg(i);
        QString rows = QStringLiteral("SELECT %1, %2, 0 AS tg_part FROM trongate_tokens")
                           .arg(Columns, named.join(QStringLiteral(", ")))
            + r.where;
        values << r.values;
        if (r.hasTop) {
            rows += QStringLiteral(" AND ") + FromKey;
            values << r.topExpiry << r.topExpiry << r.topId;
        }
        rows += QStringLiteral(" ORDER BY expiry_date, id LIMIT ?");
        values << std::max(1, r.windowRows);
        // A derived table: an ORDER BY with LIMIT is a part of a UNION only there, in every engine.
        parts << (above || count || timeline ? QStringLiteral("SELECT * FROM (%1) tg_rows").arg(rows) : rows);
    }
    // A count's row: its key and count, NULL for the token's other columns, then its part.
    const QString more = QStringLiteral(", NULL").repeated(rowColumns - 2) + QStringLiteral(", 1");
    if (timeline) {
        const ExpiryTimeline::Statement st = ExpiryTimeline::statement(db, r.span, r.now, r.levelId, r.userId, more);
        parts << st.sql;
        values << st.values;
    }
    if (above) {
        parts << QStringLiteral("SELECT -3, COUNT(*)") + more + QStringLiteral(" FROM trongate_tokens") + r.where
                + QStringLiteral(" AND ") + BeforeKey;
        values << r.values << r.topExpiry << r.topExpiry << r.topId;
    }
    if (count) {
        parts << QStringLiteral("SELECT -4, COUNT(*)") + more + QStringLiteral(" FROM trongate_tokens") + r.where;
        values << r.values;
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    ++s->queries;
    if (!Sql::exec(q, parts.join(QStringLiteral(" UNION ALL ")), values, &s->error))
        return false;
    ExpiryTimeline::Slices slices = ExpiryTimeline::empty(r.span, r.now);
    while (q.next()) {
        if (q.value(rowColumns).toInt() == 0) {
            s->window << ExpiryRow { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                q.value(3).toLongLong(), TokenOwners::ownerOf(IdentityLookup::valuesAt(q, 4, ownerColumns.size())) };
            continue;
        }
        const qint64 key = q.value(0).toLongLong();
        const qint64 n = q.value(1).toLongLong();
        if (key == -3)
            out->above = n;
        else if (key == -4)
            out->count = n;
        else
            ExpiryTimeline::take(key, n, &slices);
    }
    std::sort(s->window.begin(), s->window.end(), [](const ExpiryRow &a, const ExpiryRow &b) {
        return a.expiry != b.expiry ? a.expiry < b.expiry : a.id < b.id;
    });
    // A COUNT(*) answers a row even over no rows: a part missing means the statement went wrong.
    if ((above && !out->above) || (count && !out->count)) {
        s->error = QCoreApplication::translate("ExpiryPoller", "the counts were not read");
        return false;
    }
    const double seconds = secondsOf(t);
    if (timeline) {
        out->slices = slices;
        budget->ran(Part::Timeline, seconds);
    }
    if (above)
        budget->ran(Part::Above, seconds);
    if (count)
        budget->ran(Part::Count, seconds);
    return true;
}

void finish(const ExpiryPollRequest &r, const ExpiryReadBudget &budget, ExpiryPollSnapshot *s)
{
    s->countOwed = budget.owes(Part::Count);
    s->countAgeMs = budget.age(Part::Count);
    s->timelineOwed = r.timeline && budget.owes(Part::Timeline);
    s->timelineAgeMs = budget.age(Part::Timeline);
}
} // namespace

QString expiryTextClause(const QSqlDatabase &db, const TokenOwners &owners, const QString &text, QVariantList *values)
{
    const QString like = Sql::likeOperator(db);
    QStringList ors { QStringLiteral("token") + like };
    values->append(Sql::likePrefix(text));
    if (const std::optional<QList<qint64>> users = owners.matchingUserIds(text, true, true, 1000, db)) {
        if (!users->isEmpty()) {
            QStringList marks;
            for (qint64 id : *users) {
                marks << QStringLiteral("?");
                values->append(id);
            }
            ors << QStringLiteral("user_id IN (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
        }
    } else {
        // More users match than an IN list should hold: subqueries.
        ors << QStringLiteral("user_id IN (SELECT id FROM trongate_users WHERE code") + like + QLatin1Char(')');
        values->append(Sql::likeContains(text));
        ors += owners.identities().matchClauses(QStringLiteral("user_id"), like, Sql::likeContains(text), values, db);
    }
    return QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

ExpiryPollSnapshot readExpirySnapshot(const QSqlDatabase &db, const ExpiryPollRequest &request,
    ExpiryChangeSignal *signal, ExpiryReadBudget *budget, const TokenOwners &owners)
{
    ExpiryPollSnapshot s;
    s.generation = request.generation;
    ExpiryPollRequest resolved;
    if (!request.resolveText.isEmpty()) {
        resolved = request;
        s.textClause = expiryTextClause(db, owners, request.resolveText, &s.textValues);
        s.textResolved = true;
        resolved.where += QStringLiteral(" AND ") + s.textClause;
        resolved.values += s.textValues;
    }
    const ExpiryPollRequest &r = request.resolveText.isEmpty() ? request : resolved;
    s.topRow = r.topRow;
    s.oldWindow = r.oldWindow;
    s.windowRows = r.windowRows;
    s.span = r.span;
    budget->setKey(Part::Count, r.filterKey);
    budget->setKey(Part::Above, r.filterKey);
    if (r.timeline)
        budget->setKey(Part::Timeline, timelineKey(r));
    // The signal is read BEFORE the rows: a commit after it moves it again for the next poll.
    const bool moved = r.signalLater || signal->changed(db, &s.queries);
    if (stopped(&s))
        return s;
    const bool look = moved || r.force || r.exact || r.timeDependent;
    if (look) {
        budget->owe(Part::Count);
        budget->owe(Part::Above);
        if (r.timeline)
            budget->owe(Part::Timeline);
    }
    if (r.timeline && r.timelineDue)
        budget->owe(Part::Timeline); // the slices move with the clock
    // The first screen of a table the engine says is big: its rows now, its counts right after
    // (each a pass over the whole table, or over the index on expiry_date).
    std::optional<qint64> estimate;
    if (r.estimateFirst && r.exact) {
        RowEstimate e;
        if (r.estimate) {
            e = *r.estimate;
        } else if (const std::optional<qint64> rows = signal->tableRows()) {
            e.kind = RowEstimate::Kind::Estimate;
            e.rows = *rows;
        } else {
            ++s.queries;
            e = RowEstimate::read(db, QStringLiteral("trongate_tokens"));
        }
        if (!e.countNow(RowEstimate::exactCountBelow()))
            estimate = e.rows;
    }
    const bool timelineNow = !estimate && r.timeline && budget->owes(Part::Timeline)
        && (r.exact || budget->due(Part::Timeline));
    const bool countNow = !estimate && (r.exact || budget->due(Part::Count));
    // With the count, the rows above too when owed (a prefix of what the count reads): an exact
    // count with the screen's place still off would put rows inserted above at the end.
    const bool aboveNow = !estimate && r.hasTop
        && (r.exact || budget->due(Part::Above) || (countNow && budget->owes(Part::Above)));
    if (!look && !countNow && !aboveNow) {
        s.unchanged = true;
        if (timelineNow)
            computeTimeline(db, r, budget, &s);
        finish(r, *budget, &s);
        return s;
    }
    // The rows from the top key on, by key (expiry_date, id): a range read, never an OFFSET. With an
    // index on expiry_date its cost does not grow with the table. On the first visit the counts
    // due come along; later, in a statement of their own after the rows (see readTogether).
    const bool along = r.countsWithRows;
    Counts together;
    if (!readTogether(db, r, true, along && r.hasTop && aboveNow, along && countNow, along && timelineNow, budget,
            &together, &s)) {
        s.ok = false;
        return s;
    }
    // Who each row's user is (the application's tables): a statement of its own, or the next job's
    // (identitiesLater: the rows go on screen first).
    {
        QHash<qint64, TokenOwners::Owner> found;
        for (const ExpiryRow &row : std::as_const(s.window))
            if (row.owner.userExists)
                found.insert(row.userId, row.owner);
        if (!found.isEmpty() && r.identitiesLater) {
            s.identityUsers = found.keys();
            for (ExpiryRow &row : s.window)
                row.identityOwed = row.owner.userExists;
        } else if (!found.isEmpty() && !stopped(&s)) {
            ++s.queries;
            owners.addIdentities(found, db);
            for (ExpiryRow &row : s.window)
                row.owner.identity = found.value(row.userId).identity;
        }
    }
    const bool reachesEnd = s.window.size() < std::max(1, r.windowRows);
    if (stopped(&s))
        return s;
    if (!along && ((r.hasTop && aboveNow) || countNow || timelineNow)
        && !readTogether(db, r, false, r.hasTop && aboveNow, countNow, timelineNow, budget, &together, &s)) {
        s.ok = false;
        return s;
    }
    // How many rows sort before the top key: a range count (an index range on expiry_date).
    s.aboveKnown = true;
    s.above = r.topRow;
    if (!r.hasTop) {
        s.above = 0;
        budget->settle(Part::Above);
    } else if (estimate) {
        s.above = 0; // the rows on screen first; the backlog above them arrives with its count
    } else if (together.above) {
        s.above = *together.above;
    } else if (budget->owes(Part::Above)) {
        s.aboveKnown = false; // the model keeps the top row where it is until the next count
    }
    // How many rows match: every entry counted, the part that grows with the table.
    s.countKnown = true;
    if (estimate) {
        s.estimated = true;
        s.count = std::max<qint64>(*estimate, s.window.size());
    } else if (together.count) {
        s.count = *together.count;
        if (!s.aboveKnown && reachesEnd) {
            s.above = s.count - s.window.size();
            s.aboveKnown = true;
            budget->settle(Part::Above);
        }
    } else if (s.aboveKnown && reachesEnd) {
        s.count = s.above + s.window.size(); // the read reached the end of the list
        budget->settle(Part::Count);
    } else {
        s.countKnown = false; // the model keeps its count (exact when none is owed)
    }
    s.slices = together.slices;
    finish(r, *budget, &s);
    return s;
}

ExpiryPoller::ExpiryPoller(const QString &sourceConnection, ExpiryReadBudget::Options budget)
    : m_source(sourceConnection)
    , m_budgetOptions(budget)
{
}

ExpiryPoller::~ExpiryPoller()
{
    m_reader.reset();
    if (!m_name.isEmpty())
        Connector::close(m_name);
}

bool ExpiryPoller::ensureOpen(QString *error)
{
    if (!m_name.isEmpty() && QSqlDatabase::database(m_name, false).isOpen())
        return true;
    if (m_name.isEmpty()) {
        m_name = Connector::uniqueName(QStringLiteral("live"));
        // The two-argument clone takes the source by NAME: the thread-safe overload.
        QSqlDatabase::cloneDatabase(m_source, m_name);
    }
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    m_reader = std::make_unique<ExpiryReader>(m_source, m_budgetOptions); // a new connection starts afresh
    return true;
}

void ExpiryPoller::poll(const ExpiryPollRequest &request)
{
    QString error;
    if (!ensureOpen(&error)) {
        ExpiryPollSnapshot s;
        s.generation = request.generation;
        s.ok = false;
        s.error = error;
        emit polled(s);
        return;
    }
    emit polled(m_reader->poll(QSqlDatabase::database(m_name, false), request));
}

void ExpiryPoller::locateNow(quint64 generation, const QString &where, const QVariantList &values, qint64 now)
{
    QString error;
    qint64 row = 0;
    if (ensureOpen(&error))
        row = std::max<qint64>(0, m_reader->locateNow(QSqlDatabase::database(m_name, false), where, values, now, &error));
    emit nowLocated(generation, row, error);
}

void ExpiryPoller::readPage(quint64 generation, int page, const QString &sql, const QVariantList &values)
{
    QString error;
    QList<ExpiryRow> rows;
    if (ensureOpen(&error))
        rows = m_reader->readPage(QSqlDatabase::database(m_name, false), sql, values, &error);
    emit pageRead(generation, page, rows, error);
}
