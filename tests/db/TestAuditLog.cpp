#include "audit/AuditLog.h"
#include "tokens/TokenGenerator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// The activity log: JSON lines a person (and the Activity panel) can read, holding no whole token.
class TestAuditLog final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void everyLineIsAJsonObject();
    void wholeTokenNeverReachesTheFile();
    void fingerprint_data();
    void fingerprint();
    void lastEntriesFilteredByText_data();
    void lastEntriesFilteredByText();
    void damagedLinesAreSkipped();
    void hugeChangesStayOneReadableLine();
    void fileIsPrivateToItsOwner();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("data/activity.jsonl")); }
    QList<QByteArray> lines() const;
    static AuditEntry entry(const QString &action, const QString &detail = {});
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAuditLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

QList<QByteArray> TestAuditLog::lines() const
{
    QFile f(path());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out = f.readAll().split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

AuditEntry TestAuditLog::entry(const QString &action, const QString &detail)
{
    AuditEntry e;
    e.action = action;
    e.connection = QStringLiteral("app@127.0.0.1:3306/shop");
    e.detail = detail;
    e.count = 1;
    return e;
}

void TestAuditLog::everyLineIsAJsonObject()
{
    const AuditLog log(path()); // the folder does not exist yet
    AuditEntry issue = entry(QStringLiteral("issue"), QStringLiteral("user 5 \"quoted\"\nnew line"));
    issue.table = QStringLiteral("trongate_tokens");
    issue.addId(17);
    issue.addId(18);
    issue.count = 2;
    QString error;
    QVERIFY2(log.append(issue, &error), qPrintable(error));
    QVERIFY(log.append(entry(QStringLiteral("purge")), &error));
    QVERIFY(log.append(entry(QStringLiteral("schema")), &error));

    const QList<QByteArray> all = lines();
    QCOMPARE(all.size(), 3);
    for (const QByteArray &line : all) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        QVERIFY2(doc.isObject(), qPrintable(parseError.errorString() + QLatin1Char(' ') + QString::fromUtf8(line)));
        const QJsonObject o = doc.object();
        for (const char *key : { "time", "os_user", "connection", "action", "count" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
        // ISO 8601 in UTC.
        const QString time = o.value(QStringLiteral("time")).toString();
        QVERIFY2(
            QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")).match(time).hasMatch(),
            qPrintable(time));
        QVERIFY(!o.value(QStringLiteral("os_user")).toString().isEmpty());
    }
    const QJsonObject first = QJsonDocument::fromJson(all.first()).object();
    QCOMPARE(first.value(QStringLiteral("action")).toString(), QStringLiteral("issue"));
    QCOMPARE(first.value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(first.value(QStringLiteral("ids")).toArray().size(), 2);
    QCOMPARE(first.value(QStringLiteral("detail")).toString(), QStringLiteral("user 5 \"quoted\"\nnew line"));
}

void TestAuditLog::wholeTokenNeverReachesTheFile()
{
    const AuditLog log(path());
    const QString token = *TokenGenerator().generate();
    AuditEntry e = entry(QStringLiteral("revoke"));
    e.addToken(token);
    QVERIFY(log.append(e));
    QFile f(path());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray content = f.readAll();
    QVERIFY(!content.contains(token.toUtf8()));
    QVERIFY(!content.toLower().contains(token.toLower().toUtf8()));
    // Not even a long stretch of it: only the first four characters are kept.
    QVERIFY(!content.contains(token.left(8).toUtf8()));
    QVERIFY(content.contains(AuditLog::fingerprint(token).toUtf8()));
    const QList<AuditEntry> read = log.last(5);
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.first().tokens, QStringList { AuditLog::fingerprint(token) });
}

void TestAuditLog::fingerprint_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("expected");
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    QTest::addRow("known SHA-256 vector") << "abc"
                                          << "abc:ba7816bf8f01";
    // SHA-256 of the empty string starts e3b0c44298fc.
    QTest::addRow("empty token") << ""
                                 << ":e3b0c44298fc";
    const QString token = *TokenGenerator().generate();
    QTest::addRow("a generated token") << token
                                       << token.left(4) + QLatin1Char(':')
            + QString::fromLatin1(
                QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
}

void TestAuditLog::fingerprint()
{
    QFETCH(QString, token);
    QFETCH(QString, expected);
    const QString print = AuditLog::fingerprint(token);
    QCOMPARE(print, expected);
    if (token.size() >= 4)
        QVERIFY(QRegularExpression(QStringLiteral("^.{4}:[0-9a-f]{12}$")).match(print).hasMatch());
}

void TestAuditLog::lastEntriesFilteredByText_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("details"); // newest first
    QTest::addRow("no filter, the last three") << "" << 3 << QStringList { "e6", "e5", "e4" };
    QTest::addRow("by action") << "purge" << 10 << QStringList { "e5", "e2" };
    QTest::addRow("ignores case") << "PURGE" << 10 << QStringList { "e5", "e2" };
    QTest::addRow("by action, only the newest") << "purge" << 1 << QStringList { "e5" };
    QTest::addRow("by detail text") << "user 7" << 10 << QStringList { "e3" };
    QTest::addRow("a whole token finds it by fingerprint") << "TOKEN" << 10 << QStringList { "e4" };
    QTest::addRow("nothing matches") << "regenerate" << 10 << QStringList {};
}

void TestAuditLog::lastEntriesFilteredByText()
{
    QFETCH(QString, filter);
    QFETCH(int, count);
    QFETCH(QStringList, details);
    const QString token = QStringLiteral("Xy7kPq2mZr9aB4cD6eF8gH3jK5nM7pQ2");
    const AuditLog log(path());
    QVERIFY(log.append(entry(QStringLiteral("issue"), QStringLiteral("e1"))));
    QVERIFY(log.append(entry(QStringLiteral("purge"), QStringLiteral("e2"))));
    QVERIFY(log.append(entry(QStringLiteral("revoke"), QStringLiteral("e3 user 7"))));
    AuditEntry withToken = entry(QStringLiteral("revoke"), QStringLiteral("e4"));
    withToken.addToken(token);
    QVERIFY(log.append(withToken));
    QVERIFY(log.append(entry(QStringLiteral("purge"), QStringLiteral("e5"))));
    QVERIFY(log.append(entry(QStringLiteral("extend"), QStringLiteral("e6"))));

    QString error;
    const QList<AuditEntry> found = log.last(count, filter == QLatin1String("TOKEN") ? token : filter, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList got;
    for (const AuditEntry &e : found)
        got << e.detail.section(QLatin1Char(' '), 0, 0);
    QCOMPARE(got, details);
}

void TestAuditLog::damagedLinesAreSkipped()
{
    const AuditLog log(path());
    QVERIFY(log.append(entry(QStringLiteral("issue"), QStringLiteral("before"))));
    {
        QFile f(path());
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"action\":\"purge\",\"ti"); // cut short by a crash
        f.write("\n");
    }
    QVERIFY(log.append(entry(QStringLiteral("purge"), QStringLiteral("after"))));
    const QList<AuditEntry> read = log.last(10);
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(0).detail, QStringLiteral("after"));
    QCOMPARE(read.at(1).detail, QStringLiteral("before"));
    QVERIFY(AuditLog(m_dir->filePath(QStringLiteral("missing.jsonl"))).last(10).isEmpty());
}

void TestAuditLog::hugeChangesStayOneReadableLine()
{
    const AuditLog log(path());
    AuditEntry e = entry(QStringLiteral("issue"));
    const TokenGenerator generator;
    for (int i = 1; i <= 1500; ++i) {
        e.addId(i);
        e.addToken(*generator.generate());
    }
    e.count = 1500;
    QVERIFY(log.append(e));
    QCOMPARE(lines().size(), 1);
    const AuditEntry read = log.last(1).first();
    QCOMPARE(read.count, 1500);
    QCOMPARE(read.ids.size(), AuditEntry::MaxListed);
    QCOMPARE(read.tokens.size(), AuditEntry::MaxListed);
    QVERIFY(read.isTruncated());
}

void TestAuditLog::fileIsPrivateToItsOwner()
{
    const AuditLog log(path());
    QVERIFY(log.append(entry(QStringLiteral("schema"))));
    const QFile::Permissions p = QFile::permissions(path());
    QVERIFY(p & QFile::ReadOwner);
    QVERIFY(!(p & QFile::ReadOther));
    QVERIFY(!(p & QFile::ReadGroup));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
