#include "connection/ProfileStore.h"
#include "schema/SchemaInspector.h"
#include "TestDatabase.h"
#include "tokens/TokenGenerator.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// After a whole command-line session against a MariaDB server, neither the database password nor
// any whole token is anywhere a person or another program could find it later: not in the
// settings, not in the activity log, not in what the program printed (bar the one "tokens issue"
// output that exists to hand the tokens over), not in the command lines it was started with.
class TestSecrets final : public QObject {
    Q_OBJECT

private slots:
    void sessionLeavesNoSecretBehind();

private:
    struct Run {
        QStringList args;
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    // Runs trongate-admin --db URL ARGS (or --connection Saved ARGS when useProfile).
    Run run(const QStringList &args, const QByteArray &input = {}, const QString &password = {}, bool useProfile = false);
    QStringList tokensInDatabase() const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<TestDatabase> m_db;
    QString m_url;
    QList<Run> m_runs; // everything but the one output that hands tokens over
};

TestSecrets::Run TestSecrets::run(const QStringList &args, const QByteArray &input, const QString &password, bool useProfile)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home->filePath(QStringLiteral(".cache")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("TRONGATE_DB_PASSWORD"), password.isEmpty() ? m_db->password() : password);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_home->path());
    Run r;
    r.args = (useProfile ? QStringList { QStringLiteral("--connection"), QStringLiteral("Saved") }
                         : QStringList { QStringLiteral("--db"), m_url })
        + args;
    p.start(QStringLiteral(TGADMIN_BINARY), r.args);
    if (!p.waitForStarted(10000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList TestSecrets::tokensInDatabase() const
{
    QStringList out;
    QSqlQuery q(m_db->db());
    if (q.exec(QStringLiteral("SELECT token FROM trongate_tokens")))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

#define TG_RUN(var, expected, ...)                                                                                     \
    const Run var = run(__VA_ARGS__);                                                                                  \
    QVERIFY2(var.code == (expected),                                                                                   \
        qPrintable(var.args.mid(2).join(QLatin1Char(' ')) + QStringLiteral(" -> %1\n").arg(var.code)                   \
            + QString::fromUtf8(var.out + var.err)))

void TestSecrets::sessionLeavesNoSecretBehind()
{
    m_home = std::make_unique<QTemporaryDir>();
    QString problem;
    m_db = TestDatabase::create(QStringLiteral("mariadb"), &problem);
    if (!m_db) {
        if (TestDatabase::serversRequired())
            QFAIL(qPrintable(problem));
        QSKIP(qPrintable(problem));
    }
    const ConnectionProfile &p = m_db->profile();
    m_url = QStringLiteral("mysql://%1@%2:%3/%4").arg(p.user, p.host).arg(p.port).arg(p.database);
    const QString password = m_db->password();
    QVERIFY(password.size() >= 8);
    QStringList secrets { password };

    // A profile saved the way the console saves one, in the settings file the program reads.
    {
        QSettings settings(m_home->filePath(QStringLiteral(".config/Trongate/trongate-admin.conf")),
            QSettings::IniFormat);
        ConnectionProfile saved = p;
        saved.name = QStringLiteral("Saved");
        ProfileStore store(settings);
        QVERIFY(store.save(saved).isEmpty());
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }

    // The session: schema, a level and two users, tokens issued, looked at, changed and removed.
    { TG_RUN(r, 0, { QStringLiteral("schema"), QStringLiteral("install") }); m_runs << r; }
    { TG_RUN(r, 0, { QStringLiteral("levels"), QStringLiteral("add"), QStringLiteral("support") }); m_runs << r; }
    for (int i = 0; i < 2; ++i) {
        TG_RUN(r, 0, { QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("--level"), QStringLiteral("1") });
        m_runs << r;
    }
    TG_RUN(issue, 0,
        { QStringLiteral("tokens"), QStringLiteral("issue"), QStringLiteral("--user"), QStringLiteral("1,2"),
            QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--ttl"), QStringLiteral("1h"),
            QStringLiteral("--json") });
    QStringList issued;
    QList<qint64> ids;
    for (const QJsonValue &v : QJsonDocument::fromJson(issue.out).object().value(QStringLiteral("tokens")).toArray()) {
        issued << v.toObject().value(QStringLiteral("token")).toString();
        ids << v.toObject().value(QStringLiteral("id")).toInteger();
    }
    QCOMPARE(issued.size(), 6);
    for (const QString &t : std::as_const(issued))
        QVERIFY2(TokenGenerator::isTrongateString(t), qPrintable(t.left(6)));
    secrets += issued;
    QVERIFY(!issue.err.contains(password.toUtf8())); // the one output kept out of the scan, but not its stderr
    m_runs << Run { issue.args, issue.code, QByteArray(), issue.err };

    // An expired token for the purge, made through the database as an old one would be.
    TG_EXEC(m_db->db(), QStringLiteral("UPDATE trongate_tokens SET expiry_date = 1000 WHERE id = %1").arg(ids.at(5)));

    { TG_RUN(r, 0, { QStringLiteral("tokens"), QStringLiteral("list") }); m_runs << r; }
    { TG_RUN(r, 0, { QStringLiteral("tokens"), QStringLiteral("list"), QStringLiteral("--json") }); m_runs << r; }
    {
        TG_RUN(r, 0, { QStringLiteral("tokens"), QStringLiteral("inspect") }, issued.at(0).toUtf8() + "\n");
        QVERIFY2(r.out.contains("Row:"), r.out.constData());
        m_runs << r;
    }
    {
        TG_RUN(r, 0, { QStringLiteral("tokens"), QStringLiteral("inspect"), QStringLiteral("--json") },
            issued.at(1).toLower().toUtf8() + "\n");
        QVERIFY(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("found")).toBool());
        m_runs << r;
    }
    {
        TG_RUN(r, 0,
            { QStringLiteral("tokens"), QStringLiteral("extend"), QStringLiteral("--id"), QString::number(ids.at(2)),
                QStringLiteral("--ttl"), QStringLiteral("2h") });
        m_runs << r;
    }
    {
        TG_RUN(r, 0,
            { QStringLiteral("tokens"), QStringLiteral("regenerate"), QStringLiteral("--id"),
                QString::number(ids.at(3)), QStringLiteral("--yes") });
        m_runs << r;
    }
    secrets += tokensInDatabase(); // the regenerated one too, which was never printed whole
    {
        TG_RUN(r, 0, { QStringLiteral("tokens"), QStringLiteral("revoke"), QStringLiteral("--yes") },
            issued.at(0).toUtf8() + "\n");
        m_runs << r;
    }
    {
        TG_RUN(r, 0,
            { QStringLiteral("tokens"), QStringLiteral("revoke"), QStringLiteral("--id"), QString::number(ids.at(1)),
                QStringLiteral("--yes") });
        m_runs << r;
    }
    {
        TG_RUN(r, 0, { QStringLiteral("tokens"), QStringLiteral("purge"), QStringLiteral("--yes") });
        QVERIFY2(r.out.contains('1'), r.out.constData());
        m_runs << r;
    }
    {
        // Through the saved profile: the program found it in its settings file.
        TG_RUN(r, 0, { QStringLiteral("schema"), QStringLiteral("verify"), QStringLiteral("--json") }, {}, {}, true);
        m_runs << r;
    }
    // A wrong password is not repeated either.
    const QString wrong = password + QStringLiteral("-typo");
    secrets << wrong;
    {
        TG_RUN(r, 2, { QStringLiteral("tokens"), QStringLiteral("list") }, {}, wrong);
        m_runs << r;
    }
    QCOMPARE(tokensInDatabase().size(), 3); // six issued, two revoked, one purged

    // Every way a secret could be written down: plain, and encoded as a program might.
    QList<QByteArray> needles;
    for (const QString &s : std::as_const(secrets)) {
        needles << s.toUtf8() << s.toUtf8().toBase64() << s.toUtf8().toHex() << s.toLower().toUtf8();
        if (s != password && s != wrong)
            needles << s.toUpper().toUtf8(); // tokens compare case-insensitively
    }
    auto scan = [&needles](const QByteArray &haystack, const QString &where) {
        for (const QByteArray &n : std::as_const(needles))
            if (haystack.contains(n))
                return QStringLiteral("%1 holds a secret (starting %2)").arg(where, QString::fromUtf8(n.left(4)));
        return QString();
    };

    // The settings, the activity log and anything else the program left in its home.
    int files = 0;
    bool sawActivityLog = false;
    bool sawSettings = false;
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        const QString leak = scan(content, file);
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
        ++files;
        sawSettings = sawSettings || (file.endsWith(QLatin1String("trongate-admin.conf")) && content.contains("Saved"));
        if (file.endsWith(QLatin1String("activity.jsonl"))) {
            sawActivityLog = true;
            // The log is real: it recorded the issue, the revokes and the purge, by fingerprint.
            QVERIFY(content.contains("\"action\":\"issue\"") && content.contains("\"action\":\"revoke\"")
                && content.contains("\"action\":\"purge\""));
            QVERIFY(content.contains(issued.at(0).left(4).toUtf8() + ':'));
        }
    }
    QVERIFY2(sawActivityLog, "the session wrote no activity log: the scan would prove nothing");
    QVERIFY2(sawSettings, "no settings file was scanned");
    QVERIFY(files >= 2);

    // What every run printed (bar the issue output) and the command lines it ran with.
    for (const Run &r : std::as_const(m_runs)) {
        const QString what = r.args.mid(2).join(QLatin1Char(' '));
        QString leak = scan(r.out, what + QStringLiteral(": stdout"));
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
        leak = scan(r.err, what + QStringLiteral(": stderr"));
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
        leak = scan(r.args.join(QLatin1Char('\n')).toUtf8(), what + QStringLiteral(": arguments"));
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
    }
    // The scan can fail: the issue output it leaves out does hold every token.
    for (const QString &t : std::as_const(issued))
        QVERIFY(issue.out.contains(t.toUtf8()));
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "TestSecrets.moc"
