#include "connection/ConnectionProfile.h"
#include "CsvExporter.h"
#include "tokens/Duration.h"
#include "schema/SchemaDoctor.h"
#include "schema/SchemaGraph.h"
#include "schema/SchemaInspector.h"
#include "TableSummaryModel.h"
#include "TestDatabase.h"
#include "tokens/TokenService.h"
#include "TokensModel.h"
#include "schema/TrongateSchema.h"
#include "UserSearch.h"
#include "UsersModel.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

namespace {
// Every random choice comes from this seed: a failure names the case number, and running the
// test again reproduces it exactly.
constexpr quint32 Seed = 20261122;
// Time budgets: each loop stops at its count or its budget, whichever comes first, so a slow
// (sanitizer) build runs fewer cases of the same reproducible sequence.
constexpr qint64 ParserBudgetMs = 3000;
constexpr qint64 DatabaseBudgetMs = 3000;
constexpr int CliRuns = 40;
// Messages quote what was typed, but never a whole overlong paste.
constexpr qsizetype MaxMessageLength = 2000;

const char *const Fragments[] = {
    "' OR 1=1 --",
    "\" OR \"\"=\"",
    "'; DROP TABLE trongate_tokens; --",
    "; DROP TABLE trongate_tokens;",
    "') OR ('1'='1",
    "1; DELETE FROM trongate_users",
    "UNION SELECT token FROM trongate_tokens",
    "%",
    "_",
    "\\",
    "\\'",
    "''",
    "`",
    "$(id)",
    "${HOME}",
    "%s%s%n%x",
    "%1%2%3",
    "../../../etc/passwd",
    "NULL",
    "null",
    "\r\n",
    "\n",
    "\t",
    "\x1b[31m",
    "\x7f",
    "\xe2\x80\xae",
    "\xef\xbb\xbf",
    "\xef\xbf\xbf",
    "\xf0\x9f\x98\x80",
    "e\xcc\x81",
    "-1",
    "-0",
    "0",
    "+0",
    "-9223372036854775808",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "99999999999999999999999999",
    "2147483647",
    "2147483648",
    "-2147483649",
    "4294967296",
    "1e309",
    "NaN",
    "inf",
    "0x7fffffff",
    "0777",
    "1.5",
    "1,5",
    "65536",
    "70000",
    "1h-1h",
    "99999999999w",
    "1h30m15s9999999999d",
    "3600s ",
    "0000-00-00 00:00:00",
    "9999-12-31T23:59:59Z",
    "10000-01-01T00:00:00Z",
    "-0001-01-01T00:00:00Z",
    "1969-12-31T23:59:59Z",
    "2038-01-19T03:14:08Z",
    "mysql://",
    "mysql://u:secret@h/d",
    "postgres://@:/",
    "sqlite:",
    "sqlite://",
    "?tls=require&ca=",
    "&password=",
    "?socket=",
    "@",
    ":",
    "/",
    "//",
    "#",
    "[::1]",
    "[",
    "]",
    "localhost",
    "127.0.0.1:0",
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "+1",
    "-2+3",
    ",",
    "\"\"\"",
    " ",
    "\xc2\xa0",
    "\xe3\x80\x80",
    "\xc0\xaf",
    "\xed\xa0\x80",
    "\xff\xfe",
};

class Hostile final {
public:
    explicit Hostile(quint32 seed)
        : m_rng(seed)
    {
    }

    quint32 below(quint32 n) { return m_rng.bounded(n); }

    QString fragment() { return QString::fromUtf8(Fragments[below(std::size(Fragments))]); }

    // Invalid UTF-8 included: QString::fromUtf8 turns it into replacement characters, as a paste would.
    QString randomBytes()
    {
        QByteArray b(qsizetype(below(48)), Qt::Uninitialized);
        for (char &c : b)
            c = char(below(256));
        return QString::fromUtf8(b);
    }

    // Raw UTF-16 units: lone surrogates, control characters, NUL.
    QString randomUnits()
    {
        QString s;
        const int n = 1 + int(below(32));
        for (int i = 0; i < n; ++i) {
            switch (below(4)) {
            case 0:
                s += QChar(char16_t(below(0x20)));
                break;
            case 1:
                s += QChar(char16_t(0xD800 + below(0x800)));
                break;
            case 2:
                s += QChar(char16_t(0x20 + below(0x5F)));
                break;
            default:
                s += QChar(char16_t(below(0x10000)));
                break;
            }
        }
        return s;
    }

    QString number()
    {
        const qint64 v = qint64(m_rng.generate64());
        switch (below(4)) {
        case 0:
            return QString::number(v);
        case 1:
            return QStringLiteral("+") + QString::number(quint64(v));
        case 2:
            return QString::number(v % 100000);
        default:
            return QString::number(v) + QString::number(quint64(m_rng.generate64()));
        }
    }

    QString piece()
    {
        switch (below(6)) {
        case 0:
        case 1:
            return fragment();
        case 2:
            return randomBytes();
        case 3:
            return randomUnits();
        case 4:
            return number();
        default:
            return QString(QChar(char16_t(below(0x80))));
        }
    }

    QString url()
    {
        switch (below(3)) {
        case 0:
            return QStringLiteral("mysql://%1@%2:%3/%4?%5=%6")
                .arg(piece(), piece(), piece(), piece(), piece(), piece());
        case 1:
            return QStringLiteral("sqlite:") + piece();
        default:
            return QStringLiteral("postgres://%1@%2/%3").arg(piece(), piece(), piece());
        }
    }

    QString next()
    {
        const quint32 kind = below(100);
        if (kind < 30)
            return fragment();
        if (kind < 45)
            return randomBytes();
        if (kind < 55)
            return randomUnits();
        if (kind < 80) {
            QString s;
            const int n = 2 + int(below(4));
            for (int i = 0; i < n; ++i)
                s += piece();
            return s;
        }
        if (kind < 90)
            return url();
        if (kind < 95)
            return number();
        // Overlong: up to 100,000 characters (a command-line argument may hold 128 KiB).
        const QString unit = piece() + QLatin1Char('x');
        return unit.repeated(1 + qsizetype(below(100000)) / unit.size());
    }

private:
    QRandomGenerator m_rng;
};

// What a table holds, as one hash over its rows in id order (and their count).
QString fingerprint(const QSqlDatabase &db)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    QStringList counts;
    for (const QString &table : TrongateSchema::tableNames()) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table)))
            return QStringLiteral("unreadable: ") + q.lastError().text();
        qint64 rows = 0;
        while (q.next()) {
            ++rows;
            const QSqlRecord r = q.record();
            for (int i = 0; i < r.count(); ++i) {
                const QVariant v = q.value(i);
                h.addData(v.isNull() ? QByteArray("\x01NULL") : v.toString().toUtf8());
                h.addData(QByteArray("\x1f"));
            }
            h.addData(QByteArray("\x1e"));
        }
        counts << QStringLiteral("%1=%2").arg(table).arg(rows);
    }
    return counts.join(QLatin1Char(' ')) + QLatin1Char(' ') + QString::fromLatin1(h.result().toHex());
}

// Table (and column) names that a quoting which does not always wrap, does not double the quote
// character inside, or splits at dots turns into another table, a comment or a second statement.
const QList<QPair<const char *, QString>> HostileNames = {
    { "backtick, then a hash comment", QStringLiteral("trongate_tokens` #") },
    { "double quote, then a dash comment", QStringLiteral("trongate_tokens\" --") },
    { "already in backticks", QStringLiteral("`trongate_tokens`") },
    { "already in double quotes", QStringLiteral("\"trongate_tokens\"") },
    { "in brackets", QStringLiteral("[trongate_tokens]") },
    { "schema-like prefix main.", QStringLiteral("main.trongate_tokens") },
    { "schema-like prefix public.", QStringLiteral("public.trongate_tokens") },
    { "single quotes", QStringLiteral("it's o'clock") },
    { "backtick, semicolon, second statement", QStringLiteral("t`; DELETE FROM trongate_tokens; --") },
    { "double quote, semicolon, second statement", QStringLiteral("t\"; DELETE FROM trongate_tokens; --") },
    { "block comment", QStringLiteral("a /* b */ c") },
    { "dash comment", QStringLiteral("y -- z") },
    { "spaces", QStringLiteral("with  two spaces") },
    { "unicode", QStringLiteral("t\u00f8kens \u2713") },
};

// The test's own quoting, so that creating the tables does not depend on the code under test.
QString ident(const QString &backend, const QString &name)
{
    const QChar q = backend == QLatin1String("mariadb") ? QLatin1Char('`') : QLatin1Char('"');
    return q + QString(name).replace(q, QString(2, q)) + q;
}

struct HostileTable {
    const char *what;
    QString name;
    qint64 rows;
    qint64 orphans;
    QString marker; // the username in its rows, found by no other table
};

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QString show(const QString &s)
{
    return QString::fromLatin1(s.left(60).toUtf8().toHex())
        + (s.size() > 60 ? QStringLiteral("… (%1 chars)").arg(s.size()) : QString());
}
} // namespace

// Thousands of hostile values (SQL fragments, NUL bytes, invalid UTF-8, overlong text, extreme
// numbers and dates, control characters) against the parsers, the token service and the command
// line: a clear refusal or "not found" every time, never a crash, and the tables unchanged.
class TestHostileInput final : public QObject {
    Q_OBJECT

private slots:
    void urlsPortsAndProfiles();
    void passwordInUrlIsNeverEchoed();
    void durations();
    void csvEscapeRoundTrips();
    void inspectAndRevokeChangeNothing_data() { TestDatabase::addBackendRows(); }
    void inspectAndRevokeChangeNothing();
    void issueRefusesHostileValues_data() { TestDatabase::addBackendRows(); }
    void issueRefusesHostileValues();
    void commandLineRefusesHostileArguments();
    void hostileTableNamesCountTheirOwnRows_data() { TestDatabase::addBackendRows(true); }
    void hostileTableNamesCountTheirOwnRows();
    void doctorCleansOnlyTheHostileTable_data() { TestDatabase::addBackendRows(true); }
    void doctorCleansOnlyTheHostileTable();
    void searchWorksBesideHostileTables_data() { TestDatabase::addBackendRows(true); }
    void searchWorksBesideHostileTables();
    void commandLineBesideHostileTables_data() { TestDatabase::addBackendRows(true); }
    void commandLineBesideHostileTables();

private:
    static std::unique_ptr<TestDatabase> prepared(const QString &backend, QString *problem);
    static std::unique_ptr<TestDatabase> seeded(const QString &backend, QString *problem);
    // Creates one table per HostileNames entry, each linked to trongate_users by trongate_user_id,
    // with its own number of rows (all unlike trongate_tokens') and of orphans.
    static bool addHostileTables(const TestDatabase &t, qint64 userId, QList<HostileTable> *out, QString *problem);
    // The user with the most tokens: the one whose identity the hostile tables hold.
    static qint64 busiestUser(const QSqlDatabase &db, qint64 *tokens);
};

std::unique_ptr<TestDatabase> TestHostileInput::prepared(const QString &backend, QString *problem)
{
    auto t = TestDatabase::create(backend, problem);
    if (!t)
        return nullptr;
    QSqlQuery q(t->db());
    if (!SchemaInspector(t->db()).install(nullptr, problem)
        || !q.exec(
            QStringLiteral("INSERT INTO trongate_user_levels (id, level_title) VALUES (1, 'admin'), (2, 'member')"))
        || !q.exec(
            QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id) VALUES (1, 'c1', 1), (2, 'c2', 2)"))) {
        *problem = QStringLiteral("preparing the database failed: ") + q.lastError().text();
        return nullptr;
    }
    TokenService service(t->db());
    ServiceError e;
    if (!service.issue({ 1, 2 }, service.now() + 3600, QStringLiteral("0"), 5, &e)
        || !service.issue({ 2 }, service.now() + 60, QStringLiteral("ab"), 2, &e)) {
        *problem = e.message;
        return nullptr;
    }
    return t;
}

#define TG_PREPARED(var, backend)                                                                                      \
    QString var##_problem;                                                                                             \
    auto var = prepared(backend, &var##_problem);                                                                      \
    if (!var) {                                                                                                        \
        if (TestDatabase::serversRequired())                                                                           \
            QFAIL(qPrintable(var##_problem));                                                                          \
        QSKIP(qPrintable(var##_problem));                                                                              \
    }

void TestHostileInput::urlsPortsAndProfiles()
{
    Hostile h(Seed);
    QElapsedTimer clock;
    clock.start();
    int cases = 0;
    for (; cases < 5000 && clock.elapsed() < ParserBudgetMs; ++cases) {
        const QString text = h.next();
        const QString where = QStringLiteral("case %1, input %2").arg(cases).arg(show(text));

        QString error;
        const auto p = ConnectionProfile::fromUrl(text, &error);
        if (p) {
            // What is accepted is a profile that passes its own checks and survives a round trip.
            QVERIFY2(p->validate(false).isEmpty(), qPrintable(where));
            QVERIFY2(!p->host.contains(QChar(0)) && !p->database.contains(QChar(0)) && !p->user.contains(QChar(0)),
                qPrintable(where));
            // Surrounding whitespace is trimmed from a URL, so only such a file cannot round-trip.
            if (p->sqlitePath == p->sqlitePath.trimmed()) {
                QString again;
                const auto back = ConnectionProfile::fromUrl(p->toUrl(), &again);
                QVERIFY2(back, qPrintable(where + QStringLiteral(": ") + again));
                QCOMPARE(back->driver, p->driver);
                QCOMPARE(back->sqlitePath, p->sqlitePath);
                QCOMPARE(back->host, p->host);
                QCOMPARE(back->port, p->port);
                QCOMPARE(back->database, p->database);
                QCOMPARE(back->user, p->user);
                QCOMPARE(back->tls, p->tls);
                QCOMPARE(back->unixSocket, p->unixSocket);
            }
        } else {
            QVERIFY2(!error.isEmpty(), qPrintable(where));
            QVERIFY2(error.size() < MaxMessageLength, qPrintable(where));
        }

        error.clear();
        const auto port = ConnectionProfile::parsePort(text, &error);
        if (port) {
            QVERIFY2(*port >= 0 && *port <= 65535, qPrintable(where));
            QVERIFY2(*port == 0 ? text.trimmed().isEmpty() : text.trimmed().toLongLong() == *port, qPrintable(where));
        } else {
            QVERIFY2(!error.isEmpty() && error.size() < MaxMessageLength, qPrintable(where));
        }

        // Every field of a profile filled with hostile text: each problem is named, none crashes.
        ConnectionProfile wild;
        wild.name = h.next();
        wild.driver = DriverKind(h.below(3));
        wild.sqlitePath = h.piece();
        wild.host = text;
        wild.port = int(h.below(200000)) - 100000;
        wild.database = h.piece();
        wild.user = h.piece();
        wild.unixSocket = h.below(4) == 0 ? h.piece() : QString();
        wild.tls.caFile = h.below(4) == 0 ? h.piece() : QString();
        const QStringList problems = wild.validate(false);
        for (const QString &problem : problems)
            QVERIFY2(!problem.isEmpty() && problem.size() < MaxMessageLength, qPrintable(where));
        if (wild.isServer() && (wild.port < 0 || wild.port > 65535))
            QVERIFY2(!problems.isEmpty(), qPrintable(where));
    }
    QVERIFY2(cases >= 500, qPrintable(QStringLiteral("only %1 cases in the time budget").arg(cases)));
    qInfo("%d hostile URLs, ports and profiles", cases);
}

void TestHostileInput::passwordInUrlIsNeverEchoed()
{
    Hostile h(Seed + 1);
    for (int i = 0; i < 500; ++i) {
        const QString secret = QStringLiteral("S3cr3t") + QString::number(h.below(1000000));
        const QString url = h.below(2) == 0
            ? QStringLiteral("mysql://%1:%2@db.example.com:3306/%3").arg(QStringLiteral("app"), secret, h.piece())
            : QStringLiteral("postgres://app@db.example.com/shop?password=%1&%2").arg(secret, h.piece());
        QString error;
        QVERIFY2(!ConnectionProfile::fromUrl(url, &error), qPrintable(show(url)));
        QVERIFY2(!error.contains(secret), qPrintable(error));
    }
}

void TestHostileInput::durations()
{
    Hostile h(Seed + 2);
    QElapsedTimer clock;
    clock.start();
    int cases = 0;
    for (; cases < 5000 && clock.elapsed() < ParserBudgetMs; ++cases) {
        const QString text = h.next();
        QString error;
        const auto seconds = Duration::parse(text, &error);
        if (seconds) {
            QVERIFY2(*seconds >= 1 && *seconds <= Duration::MaxSeconds, qPrintable(show(text)));
            QVERIFY(!Duration::format(*seconds).isEmpty());
        } else {
            // A message may quote what was typed (see below), but never grows beyond it.
            QVERIFY2(!error.isEmpty() && error.size() < text.size() + MaxMessageLength, qPrintable(show(text)));
        }
        // Formatting any time difference a database could produce (a signed 64-bit one, bar the
        // single value with no positive counterpart).
        const qint64 any = qint64(QRandomGenerator(cases).generate64());
        if (any != std::numeric_limits<qint64>::min())
            QVERIFY(!Duration::format(any).isEmpty());
    }
    QVERIFY(cases >= 500);
    // A refusal quotes at most the start of what was pasted, not 100,000 characters of it.
    QString error;
    QVERIFY(!Duration::parse(QStringLiteral("-") + QString(100000, QLatin1Char('9')), &error));
    QVERIFY2(error.size() < MaxMessageLength, qPrintable(QStringLiteral("%1 characters").arg(error.size())));
}

void TestHostileInput::csvEscapeRoundTrips()
{
    Hostile h(Seed + 3);
    QElapsedTimer clock;
    clock.start();
    int cases = 0;
    for (; cases < 5000 && clock.elapsed() < ParserBudgetMs; ++cases) {
        const QString field = h.next();
        const QString out = CsvExporter::escape(field);
        const bool formula = !field.isEmpty() && QStringLiteral("=+-@\t\r").contains(field.front());
        const QString expected = formula ? QLatin1Char('\'') + field : field;
        QString read = out;
        if (out.startsWith(QLatin1Char('"'))) {
            // A quoted field: ends with a quote, and inner quotes come in pairs.
            QVERIFY2(out.size() >= 2 && out.endsWith(QLatin1Char('"')), qPrintable(show(field)));
            read = out.mid(1, out.size() - 2);
            QVERIFY2(
                !read.replace(QStringLiteral("\"\""), QString()).contains(QLatin1Char('"')), qPrintable(show(field)));
            read = out.mid(1, out.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        } else {
            // Unquoted: nothing in it can end the cell or the row.
            for (const QChar c : { QLatin1Char(','), QLatin1Char('"'), QLatin1Char('\n'), QLatin1Char('\r') })
                QVERIFY2(!out.contains(c), qPrintable(show(field)));
        }
        QVERIFY2(read == expected, qPrintable(show(field)));
        // A spreadsheet never sees a formula: the cell's first character is not one that starts one.
        if (!read.isEmpty())
            QVERIFY2(!QStringLiteral("=+-@").contains(read.front()), qPrintable(show(field)));
    }
    QVERIFY(cases >= 500);
}

void TestHostileInput::inspectAndRevokeChangeNothing()
{
    QFETCH(QString, backend);
    TG_PREPARED(t, backend);
    const QString before = fingerprint(t->db());
    QVERIFY2(before.contains(QLatin1String("trongate_tokens=12")), qPrintable(before));
    TokenService service(t->db());
    Hostile h(Seed + 4);
    QElapsedTimer clock;
    clock.start();
    int cases = 0;
    QStringList batch;
    // A fixed number of cases: how many fit in a time budget depends on the machine's load.
    for (; cases < 200; ++cases) {
        const QString text = h.next();
        ServiceError e;
        const auto r = service.inspect(text, &e);
        if (!r) {
            // Only an empty paste is refused; hostile text never makes the database fail.
            QCOMPARE(e.kind, ServiceError::Kind::Refused);
            QVERIFY2(TokenService::normalize(text).isEmpty(), qPrintable(show(text)));
            QVERIFY(!e.message.isEmpty());
        } else {
            QVERIFY2(!r->found && r->matches == 0, qPrintable(show(text)));
            QVERIFY2(!r->note.isEmpty() && r->note.size() < MaxMessageLength, qPrintable(show(text)));
        }
        batch << text;
        if (batch.size() == 50) {
            const auto deleted = service.revokeTokens(batch, &e);
            QVERIFY2(deleted, qPrintable(e.message));
            QCOMPARE(*deleted, 0);
            batch.clear();
        }
    }
    qInfo("%d hostile tokens inspected and revoked on %s in %lld ms", cases, qPrintable(backend), clock.elapsed());
    QCOMPARE(fingerprint(t->db()), before);
}

void TestHostileInput::issueRefusesHostileValues()
{
    QFETCH(QString, backend);
    TG_PREPARED(t, backend);
    const QString before = fingerprint(t->db());
    TokenService service(t->db());
    const qint64 now = service.now();
    Hostile h(Seed + 5);

    // Expiries that Trongate could never accept: refused, nothing inserted.
    const QList<qint64> expiries { std::numeric_limits<qint64>::min(), -1, 0, 1, now - 86400, now - 1, now,
        TokenService::MaxExpiry + 1, std::numeric_limits<qint64>::max(), 253402300800LL, -62135596801LL };
    for (qint64 expiry : expiries) {
        ServiceError e;
        QVERIFY2(!service.issue({ 1 }, expiry, QStringLiteral("0"), 1, &e), qPrintable(QString::number(expiry)));
        QCOMPARE(e.kind, ServiceError::Kind::Refused);
        QVERIFY2(e.message.size() < MaxMessageLength, qPrintable(e.message));
    }
    // Hostile user ids and counts.
    for (const QList<qint64> &users : QList<QList<qint64>> { {}, { -1 }, { 0 }, { 3 }, { 1, 2, -5 },
             { std::numeric_limits<qint64>::max() }, { std::numeric_limits<qint64>::min() } }) {
        ServiceError e;
        QVERIFY(!service.issue(users, now + 60, QStringLiteral("0"), 1, &e));
        QCOMPARE(e.kind, ServiceError::Kind::Refused);
    }
    for (int count : { std::numeric_limits<int>::min(), -1, 0, TokenService::MaxCountPerUser + 1,
             std::numeric_limits<int>::max() }) {
        ServiceError e;
        QVERIFY(!service.issue({ 1 }, now + 60, QStringLiteral("0"), count, &e));
        QCOMPARE(e.kind, ServiceError::Kind::Refused);
    }
    // Codes longer than the column: refused, nothing inserted.
    QElapsedTimer clock;
    clock.start();
    QList<QString> shortCodes;
    int cases = 0;
    for (; cases < 1000 && clock.elapsed() < DatabaseBudgetMs; ++cases) {
        const QString code = h.next();
        if (code.toUcs4().size() <= TokenService::MaxCodeLength) {
            if (!code.contains(QChar(0xFFFD)) && shortCodes.size() < 40)
                shortCodes << code;
            continue;
        }
        ServiceError e;
        QVERIFY2(!service.issue({ 1, 2 }, now + 60, code, 1, &e), qPrintable(show(code)));
        QCOMPARE(e.kind, ServiceError::Kind::Refused);
        QVERIFY2(e.message.size() < MaxMessageLength, qPrintable(show(code)));
    }
    QCOMPARE(fingerprint(t->db()), before);

    // A short hostile code fits the column: stored exactly as given, as a value and nothing else.
    QSqlQuery q(t->db());
    for (const QString &code : std::as_const(shortCodes)) {
        // No text column can hold half a character, and SQLite stores the noncharacters U+FFFE and
        // U+FFFF as U+FFFD: neither is something a person types.
        const auto ucs4 = code.toUcs4();
        if (!code.isValidUtf16()
            || std::any_of(ucs4.begin(), ucs4.end(), [](char32_t c) { return QChar::isNonCharacter(c); }))
            continue;
        ServiceError e;
        const auto issued = service.issue({ 1 }, now + 60, code, 1, &e);
        QVERIFY2(issued && issued->size() == 1, qPrintable(show(code) + QLatin1Char(' ') + e.message));
        q.prepare(QStringLiteral("SELECT code FROM trongate_tokens WHERE id = ?"));
        q.addBindValue(issued->at(0).id);
        QVERIFY(q.exec() && q.next());
        QVERIFY2(q.value(0).toString() == code,
            qPrintable(show(code) + QStringLiteral(" stored as ") + show(q.value(0).toString())));
        q.finish();
    }
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM trongate_users")) && q.next());
    QCOMPARE(q.value(0).toInt(), 2);
}

void TestHostileInput::commandLineRefusesHostileArguments()
{
    TG_PREPARED(t, QStringLiteral("sqlite"));
    QTemporaryDir home;
    QTemporaryDir cwd; // relative sqlite: paths land in an empty folder
    const QString db = QStringLiteral("--db=sqlite:") + t->profile().sqlitePath;
    const QString before = fingerprint(t->db());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Hostile h(Seed + 6);

    auto noNul = [](QString s) { return s.remove(QChar(0)); };
    auto validIds = [](const QString &value) {
        bool any = false;
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 v = part.trimmed().toLongLong(&ok);
            if (!ok || v < 0 || v > 2147483647)
                return false;
            any = true;
        }
        return any;
    };
    auto isCount = [](const QString &value, qint64 min, qint64 max) {
        bool ok = false;
        const qint64 v = value.trimmed().toLongLong(&ok);
        return ok && v >= min && v <= max;
    };

    // A fixed number of command lines, not a time budget: under the sanitizers on a busy machine a
    // budget ran fewer and failed for the machine's sake, not the program's.
    int runs = 0;
    int cases = 0;
    for (; cases < 2000 && runs < CliRuns; ++cases) {
        QString v = noNul(h.next());
        if (v.size() > 20000)
            v.truncate(20000); // an argument holds at most 128 KiB of UTF-8
        QStringList args;
        QByteArray input;
        bool inspect = false;
        switch (h.below(11)) {
        case 0: {
            // Hostile database URLs; never one that names a real host (no lookups, no network).
            QString error;
            const auto p = ConnectionProfile::fromUrl(v, &error);
            if (p && p->isServer() && p->host != QLatin1String("127.0.0.1") && p->host != QLatin1String("localhost"))
                continue;
            args = QStringList { QStringLiteral("--db=") + v, QStringLiteral("schema"), QStringLiteral("verify") };
            break;
        }
        case 1:
            if (validIds(v) || v.isEmpty())
                continue;
            args = QStringList { db, QStringLiteral("tokens"), QStringLiteral("issue"), QStringLiteral("--user=") + v };
            break;
        case 2: {
            const auto s = Duration::parse(v);
            if (v.isEmpty() || (s && now + *s <= TokenService::MaxExpiry))
                continue;
            args = QStringList { db, QStringLiteral("tokens"), QStringLiteral("issue"), QStringLiteral("--user=1"),
                QStringLiteral("--ttl=") + v };
            break;
        }
        case 3:
            if (v.isEmpty() || QDateTime::fromString(v.trimmed(), Qt::ISODate).isValid())
                continue;
            args = QStringList { db, QStringLiteral("tokens"), QStringLiteral("issue"), QStringLiteral("--user=2"),
                QStringLiteral("--expires=") + v };
            break;
        case 4:
            if (v.toUcs4().size() <= TokenService::MaxCodeLength)
                continue;
            args = QStringList { db, QStringLiteral("tokens"), QStringLiteral("issue"), QStringLiteral("--user=1"),
                QStringLiteral("--code=") + v };
            break;
        case 5:
            if (isCount(v, 1, TokenService::MaxCountPerUser))
                continue;
            args = QStringList { db, QStringLiteral("tokens"), QStringLiteral("issue"), QStringLiteral("--user=1"),
                QStringLiteral("--count=") + v };
            break;
        case 6:
            if (validIds(v) || v.isEmpty())
                continue;
            args = QStringList { db, QStringLiteral("tokens"), QStringLiteral("revoke"), QStringLiteral("--id=") + v,
                QStringLiteral("--yes") };
            break;
        case 7:
            if (isCount(v, 0, std::numeric_limits<int>::max()) || v.isEmpty())
                continue;
            args = QStringList { db, QStringLiteral("tokens"), QStringLiteral("list"), QStringLiteral("--limit=") + v };
            break;
        case 8:
            if (v.isEmpty())
                continue;
            args = QStringList { QStringLiteral("--connection=") + v, QStringLiteral("schema"),
                QStringLiteral("verify") };
            break;
        case 9:
            if (v.isEmpty() || v.startsWith(QLatin1Char('-'))
                || QStringList { QStringLiteral("issue"), QStringLiteral("list"), QStringLiteral("revoke"),
                    QStringLiteral("purge"), QStringLiteral("regenerate"), QStringLiteral("extend"),
                    QStringLiteral("inspect") }
                       .contains(v))
                continue;
            args = QStringList { db, QStringLiteral("tokens"), v };
            break;
        default:
            args = QStringList { db, QStringLiteral("tokens"), QStringLiteral("inspect") };
            input = h.next().toUtf8() + "\n";
            inspect = true;
            break;
        }
        ++runs;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
        env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), QStringLiteral("not-the-real-one"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(cwd.path());
        p.start(QStringLiteral(TGADMIN_BINARY), args);
        QVERIFY(p.waitForStarted(10000));
        p.write(input);
        p.closeWriteChannel();
        const QString where
            = QStringLiteral("case %1: trongate-admin %2").arg(cases).arg(show(args.join(QLatin1Char(' '))));
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished(5000);
            QFAIL(qPrintable(where + QStringLiteral(": did not finish in 30 s")));
        }
        const QString err = QString::fromUtf8(p.readAllStandardError());
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit, qPrintable(where + QStringLiteral(": crashed")));
        if (inspect && p.exitCode() == 0) {
            QVERIFY2(out.contains(QLatin1String("Found:     no")), qPrintable(where + QLatin1Char('\n') + out));
        } else {
            QVERIFY2(p.exitCode() == 1 || p.exitCode() == 2,
                qPrintable(where + QStringLiteral(": exit %1\n").arg(p.exitCode()) + out + err));
            QVERIFY2(!err.trimmed().isEmpty(), qPrintable(where + QStringLiteral(": no message")));
        }
        // Messages may quote an argument (an unknown subcommand is quoted whole), never more.
        QVERIFY2(
            err.size() < 2 * v.size() + 4 * MaxMessageLength, qPrintable(where + QStringLiteral(": message too long")));
    }
    QVERIFY2(runs == CliRuns, qPrintable(QStringLiteral("only %1 hostile command lines were made").arg(runs)));
    qInfo("%d hostile command lines", runs);
    QCOMPARE(fingerprint(t->db()), before);
    QCOMPARE(QDir(cwd.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

std::unique_ptr<TestDatabase> TestHostileInput::seeded(const QString &backend, QString *problem)
{
    DemoDatabase::Options o;
    o.users = 20;
    o.tokens = 40;
    o.seed = Seed;
    return TestDatabase::createSeeded(backend, o, problem);
}

qint64 TestHostileInput::busiestUser(const QSqlDatabase &db, qint64 *tokens)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT t.user_id, COUNT(*) FROM trongate_tokens t JOIN trongate_users u ON u.id = "
                               "t.user_id GROUP BY t.user_id ORDER BY COUNT(*) DESC, t.user_id LIMIT 1"))
        || !q.next())
        return -1;
    *tokens = q.value(1).toLongLong();
    return q.value(0).toLongLong();
}

bool TestHostileInput::addHostileTables(
    const TestDatabase &t, qint64 userId, QList<HostileTable> *out, QString *problem)
{
    const QString b = t.backend();
    QSqlDatabase db = t.db();
    for (int i = 0; i < HostileNames.size(); ++i) {
        HostileTable h { HostileNames.at(i).first, HostileNames.at(i).second, 3 + i, 1 + i % 3,
            QStringLiteral("zq%1hostile").arg(i) };
        QSqlQuery q(db);
        // A column with the same hostile name as its table, beside the ones Trongate links by.
        const QString create
            = QStringLiteral("CREATE TABLE %1 (id int NOT NULL PRIMARY KEY, trongate_user_id int DEFAULT NULL, "
                             "username varchar(65) DEFAULT NULL, %2 varchar(65) DEFAULT NULL)")
                  .arg(ident(b, h.name), ident(b, h.name));
        if (!q.exec(create)) {
            *problem = QStringLiteral("%1: %2\n  SQL: %3").arg(h.what, q.lastError().text(), create);
            return false;
        }
        for (qint64 r = 0; r < h.rows; ++r) {
            QSqlQuery insert(db);
            insert.prepare(QStringLiteral("INSERT INTO %1 (id, trongate_user_id, username, %1) VALUES (?, ?, ?, ?)")
                               .arg(ident(b, h.name)));
            insert.addBindValue(r + 1);
            insert.addBindValue(r < h.orphans ? 900000 + r : userId);
            insert.addBindValue(r < h.orphans ? QStringLiteral("gone") : h.marker);
            insert.addBindValue(QStringLiteral("v%1").arg(r));
            if (!insert.exec()) {
                *problem = QStringLiteral("%1: %2").arg(h.what, insert.lastError().text());
                return false;
            }
        }
        *out << h;
    }
    return true;
}

#define TG_HOSTILE_TABLES(var, tables, backend)                                                                       \
    QString var##_problem;                                                                                             \
    auto var = seeded(backend, &var##_problem);                                                                        \
    TG_REQUIRE(var, var##_problem);                                                                                    \
    qint64 var##_userTokens = 0;                                                                                       \
    const qint64 var##_user = busiestUser(var->db(), &var##_userTokens);                                              \
    QVERIFY(var##_user > 0 && var##_userTokens > 0);                                                                   \
    QList<HostileTable> tables;                                                                                        \
    QVERIFY2(addHostileTables(*var, var##_user, &tables, &var##_problem), qPrintable(var##_problem));

// The overview, the inspector and the relations diagram report each hostile table with its own
// rows, columns and orphans, never trongate_tokens' (or another table's) in its place.
void TestHostileInput::hostileTableNamesCountTheirOwnRows()
{
    QFETCH(QString, backend);
    TG_HOSTILE_TABLES(t, tables, backend);
    const QSqlDatabase db = t->db();
    const qint64 tokens = scalar(db, QStringLiteral("SELECT COUNT(*) FROM trongate_tokens"));
    QCOMPARE(tokens, 40);

    const SchemaInspector inspector(db);
    QString error;
    const QStringList linked = inspector.linkedApplicationTables(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const HostileTable &h : tables) {
        QVERIFY2(linked.contains(h.name), h.what);
        error.clear();
        QCOMPARE(inspector.rowCount(h.name, &error), h.rows);
        QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(h.what, error)));
        QStringList columns;
        for (const ActualColumn &c : inspector.columns(h.name, &error))
            columns << c.name;
        QCOMPARE(columns, (QStringList { QStringLiteral("id"), QStringLiteral("trongate_user_id"),
                              QStringLiteral("username"), h.name }));
    }

    // The overview page's table list.
    TableSummaryModel overview;
    error.clear();
    QVERIFY2(overview.refresh(db, &error), qPrintable(error));
    for (const HostileTable &h : tables) {
        const auto it = std::find_if(overview.rows().begin(), overview.rows().end(),
            [&](const TableSummaryModel::Row &r) { return r.table == h.name; });
        QVERIFY2(it != overview.rows().end(), h.what);
        QVERIFY2(it->rows == h.rows, qPrintable(QStringLiteral("%1: %2 rows shown").arg(h.what).arg(it->rows)));
    }

    // The relations diagram, with every table.
    error.clear();
    const SchemaGraph graph = SchemaGraph::read(db, true, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(graph.table(QStringLiteral("trongate_tokens")));
    QCOMPARE(graph.table(QStringLiteral("trongate_tokens"))->rows, tokens);
    for (const HostileTable &h : tables) {
        const SchemaGraph::Table *box = graph.table(h.name);
        QVERIFY2(box, h.what);
        QVERIFY2(box->rows == h.rows, qPrintable(QStringLiteral("%1: %2 rows drawn").arg(h.what).arg(box->rows)));
        QVERIFY2(box->column(h.name), h.what);
        const SchemaGraph::Relation *r = graph.relation(h.name, QStringLiteral("trongate_user_id"));
        QVERIFY2(r, h.what);
        QCOMPARE(r->parentTable, QStringLiteral("trongate_users"));
        QVERIFY2(r->orphans == h.orphans, qPrintable(QStringLiteral("%1: %2 orphans").arg(h.what).arg(r->orphans)));
    }

    // A name no database can hold is refused by name, not sent half-read.
    error.clear();
    QCOMPARE(inspector.rowCount(QStringLiteral("trongate_tokens") + QChar(0) + QStringLiteral("x"), &error), -1);
    QVERIFY2(error.contains(QLatin1String("NUL")), qPrintable(error));
}

// The schema doctor's clean-up for a hostile table deletes that table's orphans and nothing else.
void TestHostileInput::doctorCleansOnlyTheHostileTable()
{
    QFETCH(QString, backend);
    TG_HOSTILE_TABLES(t, tables, backend);
    QSqlDatabase db = t->db();
    const QString before = fingerprint(db);
    QVERIFY2(before.contains(QLatin1String("trongate_tokens=40")), qPrintable(before));

    for (int i = 0; i < tables.size(); ++i) {
        const HostileTable &h = tables.at(i);
        QString error;
        const SchemaGraph graph = SchemaGraph::read(db, false, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<SchemaDoctor::Suggestion> proposals = SchemaDoctor::suggest(db, graph);
        const QString id = QStringLiteral("orphans:") + h.name + QStringLiteral(".trongate_user_id");
        const auto it = std::find_if(
            proposals.begin(), proposals.end(), [&](const SchemaDoctor::Suggestion &s) { return s.id == id; });
        QVERIFY2(it != proposals.end(), h.what);
        QVERIFY2(it->affectedRows == h.orphans, qPrintable(QStringLiteral("%1: %2").arg(h.what).arg(it->affectedRows)));
        QVERIFY2(it->title.contains(h.name), qPrintable(it->title));
        QVERIFY2(SchemaDoctor::apply(db, *it, &error), qPrintable(QStringLiteral("%1: %2").arg(h.what, error)));

        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM %1").arg(ident(backend, h.name))), h.rows - h.orphans);
        QCOMPARE(scalar(db,
                     QStringLiteral("SELECT COUNT(*) FROM %1 WHERE trongate_user_id >= 900000").arg(ident(backend, h.name))),
            0);
        for (int j = 0; j < tables.size(); ++j) {
            const HostileTable &other = tables.at(j);
            const qint64 expected = j <= i ? other.rows - other.orphans : other.rows;
            QVERIFY2(scalar(db, QStringLiteral("SELECT COUNT(*) FROM %1").arg(ident(backend, other.name))) == expected,
                qPrintable(QStringLiteral("cleaning %1 changed %2").arg(h.what, other.what)));
        }
        QVERIFY2(fingerprint(db) == before, qPrintable(QStringLiteral("cleaning %1 changed Trongate's tables: %2")
                                                           .arg(h.what, fingerprint(db))));
    }
}

// The tokens' and users' text filters and the user search find what the hostile tables hold.
void TestHostileInput::searchWorksBesideHostileTables()
{
    QFETCH(QString, backend);
    TG_HOSTILE_TABLES(t, tables, backend);
    const QSqlDatabase db = t->db();
    const auto now = [] { return QDateTime::currentSecsSinceEpoch(); };
    for (const HostileTable &h : tables) {
        TokensModel tokensModel(db, now);
        for (int column : { -1, int(TokensModel::IdentityColumn) }) {
            tokensModel.setFilter(h.marker, column);
            QVERIFY2(tokensModel.lastError().isEmpty(), qPrintable(tokensModel.lastError()));
            QVERIFY2(tokensModel.filteredCount() == t_userTokens,
                qPrintable(QStringLiteral("%1, column %2: %3 tokens found")
                               .arg(h.what)
                               .arg(column)
                               .arg(tokensModel.filteredCount())));
        }

        UsersModel usersModel(db, now);
        usersModel.setFilter(h.marker, UsersModel::IdentityColumn);
        QVERIFY2(usersModel.lastError().isEmpty(), qPrintable(usersModel.lastError()));
        QVERIFY2(usersModel.filteredCount() == 1, h.what);

        QString error;
        const QList<UserSearch::Hit> hits = UserSearch(db).find(h.marker, 50, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(hits.size() == 1 && hits.first().id == t_user, h.what);
    }
    // A search that matches nothing still answers with nothing, not with an error.
    TokensModel tokensModel(db, now);
    tokensModel.setFilter(QStringLiteral("no-such-identity"));
    QVERIFY2(tokensModel.lastError().isEmpty(), qPrintable(tokensModel.lastError()));
    QCOMPARE(tokensModel.filteredCount(), 0);
}

// "schema diagram --all" counts the hostile tables, their relations and orphans; "schema verify"
// still judges Trongate's tables alone.
void TestHostileInput::commandLineBesideHostileTables()
{
    QFETCH(QString, backend);
    QString problem;
    auto t = seeded(backend, &problem);
    TG_REQUIRE(t, problem);
    QTemporaryDir home;
    auto run = [&](const QStringList &args, QString *out) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
        env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), t->password());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TGADMIN_BINARY), QStringList { QStringLiteral("--db=") + t->profile().toUrl() } + args);
        if (!p.waitForFinished(60000))
            return -1;
        // Only stdout holds the JSON; stderr may carry Qt's own warnings.
        *out = QString::fromUtf8(p.readAllStandardOutput());
        if (p.exitCode() != 0)
            *out += QString::fromUtf8(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    const QStringList diagram { QStringLiteral("schema"), QStringLiteral("diagram"), QStringLiteral("--all"),
        QStringLiteral("--json"), QStringLiteral("--output"), home.filePath(QStringLiteral("schema.svg")) };
    QString out;
    QVERIFY2(run(diagram, &out) == 0, qPrintable(out));
    const QJsonObject plain = QJsonDocument::fromJson(out.toUtf8()).object();
    QVERIFY2(plain.contains(QLatin1String("orphans")), qPrintable(out));

    qint64 userTokens = 0;
    const qint64 user = busiestUser(t->db(), &userTokens);
    QList<HostileTable> tables;
    QVERIFY2(addHostileTables(*t, user, &tables, &problem), qPrintable(problem));
    qint64 orphans = 0;
    for (const HostileTable &h : tables)
        orphans += h.orphans;

    QVERIFY2(run(diagram, &out) == 0, qPrintable(out));
    const QJsonObject hostile = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(hostile.value(QLatin1String("tables")).toInteger(),
        plain.value(QLatin1String("tables")).toInteger() + tables.size());
    QCOMPARE(hostile.value(QLatin1String("relations")).toInteger(),
        plain.value(QLatin1String("relations")).toInteger() + tables.size());
    QCOMPARE(hostile.value(QLatin1String("orphans")).toInteger(),
        plain.value(QLatin1String("orphans")).toInteger() + orphans);

    QVERIFY2(run({ QStringLiteral("schema"), QStringLiteral("verify") }, &out) == 0, qPrintable(out));
    QVERIFY2(run({ QStringLiteral("tokens"), QStringLiteral("list"), QStringLiteral("--limit=5") }, &out) == 0,
        qPrintable(out));
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "TestHostileInput.moc"
