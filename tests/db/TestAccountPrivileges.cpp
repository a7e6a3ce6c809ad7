#include "schema/AccountPrivileges.h"
#include "tokens/ChangeWriter.h"
#include "connection/Connector.h"
#include "schema/SchemaInspector.h"
#include "TestDatabase.h"
#include "tokens/TokenService.h"
#include "tokens/UserService.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

#include <unistd.h>

// What a limited account may do, read from the server, and the server's own refusals when the
// account tries more: a support account may read everything and revoke tokens, nothing else.
class TestAccountPrivileges final : public QObject {
    Q_OBJECT

private slots:
    void sqliteFileIsWritableOrReadOnly();
    void fullAccountMayDoEverything_data();
    void fullAccountMayDoEverything();
    void mariaDbSupportAccount();
    void mariaDbSchemaWildcardAndRole();
    void postgresSupportRole();

private:
    static QString suffix() { return QString::number(QRandomGenerator::global()->generate64() % 1000000000ULL); }
    // Trongate's tables with level 1, users 1 and 2, and three tokens of user 2.
    static bool fill(TestDatabase *t, QList<IssuedToken> *tokens);
    static qint64 count(const QSqlDatabase &db, const QString &sql);
    // Connects as another account to the same database; the connection name, or empty.
    static QString connectAs(const TestDatabase *t, const QString &user, const QString &password, QString *problem);
};

bool TestAccountPrivileges::fill(TestDatabase *t, QList<IssuedToken> *tokens)
{
    QString problem;
    QSqlQuery q(t->db());
    if (!SchemaInspector(t->db()).install(nullptr, &problem)
        || !q.exec(QStringLiteral("INSERT INTO trongate_user_levels (id, level_title) VALUES (1, 'admin'), (2, 'member')"))
        || !q.exec(QStringLiteral("INSERT INTO trongate_users (id, code, user_level_id) VALUES (1, 'c1', 1), (2, 'c2', 2)")))
        return false;
    TokenService service(t->db());
    const auto issued = service.issue({ 2 }, service.now() + 3600, QStringLiteral("0"), 3);
    if (!issued)
        return false;
    *tokens = *issued;
    return true;
}

qint64 TestAccountPrivileges::count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QString TestAccountPrivileges::connectAs(
    const TestDatabase *t, const QString &user, const QString &password, QString *problem)
{
    ConnectionProfile p = t->profile();
    p.user = user;
    const QString name = Connector::uniqueName(QStringLiteral("limited"));
    const ConnectResult r = Connector::open(p, password, name);
    if (!r.ok()) {
        *problem = r.message + QLatin1Char('\n') + r.detail;
        return {};
    }
    return name;
}

void TestAccountPrivileges::sqliteFileIsWritableOrReadOnly()
{
    TG_OPEN_DATABASE(t, QStringLiteral("sqlite"));
    QList<IssuedToken> tokens;
    QVERIFY(fill(t.get(), &tokens));
    QString error;
    auto a = AccountPrivileges::read(t->db(), &error);
    QVERIFY2(a, qPrintable(error));
    QVERIFY(a->canEdit(QStringLiteral("trongate_users")) && a->canRevokeTokens() && a->canIssueTokens());
    QVERIFY(!a->readOnly());
    QCOMPARE(a->summary(), QStringLiteral("This account may read and change all three Trongate tables."));

    // Opened read-only: reading only, and the file really refuses a change.
    const QString name = Connector::uniqueName(QStringLiteral("ro"));
    {
        QSqlDatabase ro = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        ro.setDatabaseName(t->profile().sqlitePath);
        ro.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(ro.open());
        a = AccountPrivileges::read(ro, &error);
        QVERIFY2(a, qPrintable(error));
        QVERIFY(a->readOnly());
        QVERIFY(a->canRead(QStringLiteral("trongate_tokens")));
        QVERIFY(!a->canRevokeTokens() && !a->canIssueTokens() && !a->canEdit(QStringLiteral("trongate_users")));
        QVERIFY2(a->summary().startsWith(QLatin1String("Read-only account")), qPrintable(a->summary()));
        ServiceError e;
        QVERIFY(!TokenService(ro).revokeIds({ tokens.at(0).id }, &e));
        QCOMPARE(e.kind, ServiceError::Kind::Database);
    }
    Connector::close(name);

    // A file this user may not write (root may write anything, so only for other users).
    if (::geteuid() != 0) {
        QFile::setPermissions(t->profile().sqlitePath, QFileDevice::ReadOwner);
        a = AccountPrivileges::read(t->db(), &error);
        QFile::setPermissions(t->profile().sqlitePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(a && a->readOnly());
    }
}

void TestAccountPrivileges::fullAccountMayDoEverything_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("mariadb admin (ALL PRIVILEGES ON *.*)") << QStringLiteral("mariadb");
    QTest::newRow("postgres owner") << QStringLiteral("postgres");
}

void TestAccountPrivileges::fullAccountMayDoEverything()
{
    QFETCH(QString, backend);
    TG_OPEN_DATABASE(t, backend);
    QList<IssuedToken> tokens;
    QVERIFY(fill(t.get(), &tokens));
    QString error;
    const auto a = AccountPrivileges::read(t->db(), &error);
    QVERIFY2(a, qPrintable(error));
    for (const QString &table : { QStringLiteral("trongate_user_levels"), QStringLiteral("trongate_users"),
             QStringLiteral("TRONGATE_TOKENS") })
        QVERIFY2(a->table(table).all(), qPrintable(table));
    QVERIFY(!a->table(QStringLiteral("some_other_table")).any());
    QVERIFY(a->account().contains(t->profile().user));
}

void TestAccountPrivileges::mariaDbSupportAccount()
{
    TG_OPEN_DATABASE(t, QStringLiteral("mariadb"));
    QList<IssuedToken> tokens;
    QVERIFY(fill(t.get(), &tokens));
    const QString user = QStringLiteral("tgsupport_") + suffix();
    const QString password = QStringLiteral("Pw-") + suffix();
    const QString db = t->profile().database;
    TG_EXEC(t->db(), QStringLiteral("CREATE USER '%1'@'127.0.0.1' IDENTIFIED BY '%2'").arg(user, password));
    auto dropUser = qScopeGuard([&] {
        QSqlQuery(t->db()).exec(QStringLiteral("DROP USER IF EXISTS '%1'@'127.0.0.1'").arg(user));
    });
    for (const QString &table : { QStringLiteral("trongate_user_levels"), QStringLiteral("trongate_users"),
             QStringLiteral("trongate_tokens") })
        TG_EXEC(t->db(), QStringLiteral("GRANT SELECT ON `%1`.`%2` TO '%3'@'127.0.0.1'").arg(db, table, user));
    TG_EXEC(t->db(), QStringLiteral("GRANT DELETE ON `%1`.`trongate_tokens` TO '%2'@'127.0.0.1'").arg(db, user));

    QString problem;
    const QString name = connectAs(t.get(), user, password, &problem);
    QVERIFY2(!name.isEmpty(), qPrintable(problem));
    auto closeConnection = qScopeGuard([&] { Connector::close(name); });
    const QSqlDatabase support = QSqlDatabase::database(name, false);

    QString error;
    const auto a = AccountPrivileges::read(support, &error);
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(a->account(), QStringLiteral("'%1'@'127.0.0.1'").arg(user));
    QCOMPARE(a->table(QStringLiteral("trongate_user_levels")), (TablePrivileges { true, false, false, false }));
    QCOMPARE(a->table(QStringLiteral("trongate_users")), (TablePrivileges { true, false, false, false }));
    QCOMPARE(a->table(QStringLiteral("trongate_tokens")), (TablePrivileges { true, false, false, true }));
    QVERIFY(a->canRevokeTokens());
    QVERIFY(!a->canIssueTokens());
    QVERIFY(!a->canChangeTokens());
    QVERIFY(!a->canEdit(QStringLiteral("trongate_users")) && !a->canEdit(QStringLiteral("trongate_tokens")));
    QVERIFY(!a->readOnly());
    QVERIFY2(a->summary().contains(QLatin1String("trongate_tokens: SELECT, DELETE")), qPrintable(a->summary()));

    // What the privileges say is what the server does: revoking works...
    TokenService service(support);
    ServiceError e;
    const auto revoked = service.revokeIds({ tokens.at(0).id }, &e);
    QVERIFY2(revoked && *revoked == 1, qPrintable(e.message));
    const auto byToken = service.revokeTokens({ tokens.at(1).token }, &e);
    QVERIFY2(byToken && *byToken == 1, qPrintable(e.message));
    QCOMPARE(count(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 1);

    // ...issuing is refused by the server, and nothing is inserted.
    e = {};
    QVERIFY(!service.issue({ 2 }, service.now() + 60, QStringLiteral("0"), 1, &e));
    QCOMPARE(e.kind, ServiceError::Kind::Database);
    QVERIFY2(e.message.contains(QLatin1String("none was saved")) && e.message.contains(QLatin1String("INSERT")),
        qPrintable(e.message));
    QCOMPARE(count(t->db(), QStringLiteral("SELECT COUNT(*) FROM trongate_tokens")), 1);

    // ...and changing a user is refused with words that say so; the row is as it was.
    e = {};
    QVERIFY(!UserService(support).setLevel(2, 1, &e));
    QCOMPARE(e.kind, ServiceError::Kind::Database);
    QVERIFY2(e.message.contains(QLatin1String("UPDATE command denied")), qPrintable(e.message));
    ChangeSet change;
    change.table = QStringLiteral("trongate_users");
    change.columns = { QStringLiteral("code"), QStringLiteral("user_level_id") };
    change.updates.append({ 2, { QStringLiteral("c2"), 2 }, { QStringLiteral("c2"), 1 } });
    const ChangeWriter::Result written = ChangeWriter::apply(support, change);
    QVERIFY(!written.ok);
    QVERIFY2(written.error.startsWith(QLatin1String("This account may not change the table")), qPrintable(written.error));
    QCOMPARE(count(t->db(), QStringLiteral("SELECT user_level_id FROM trongate_users WHERE id = 2")), 2);
}

void TestAccountPrivileges::mariaDbSchemaWildcardAndRole()
{
    TG_OPEN_DATABASE(t, QStringLiteral("mariadb"));
    QList<IssuedToken> tokens;
    QVERIFY(fill(t.get(), &tokens));
    const QString user = QStringLiteral("tgwild_") + suffix();
    const QString role = QStringLiteral("tgrole_") + suffix();
    const QString password = QStringLiteral("Pw-") + suffix();
    const QString db = t->profile().database; // tgtest_<digits>
    TG_EXEC(t->db(), QStringLiteral("CREATE USER '%1'@'127.0.0.1' IDENTIFIED BY '%2'").arg(user, password));
    TG_EXEC(t->db(), QStringLiteral("CREATE ROLE %1").arg(role));
    auto drop = qScopeGuard([&] {
        QSqlQuery q(t->db());
        q.exec(QStringLiteral("DROP USER IF EXISTS '%1'@'127.0.0.1'").arg(user));
        q.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    });
    // A database-level grant through a pattern (it also matches every other test database: harmless,
    // the account is dropped at the end), and UPDATE of the tokens only through a default role.
    TG_EXEC(t->db(), QStringLiteral("GRANT SELECT, INSERT ON `tgtest\\_%`.* TO '%1'@'127.0.0.1'").arg(user));
    TG_EXEC(t->db(), QStringLiteral("GRANT UPDATE ON `%1`.`trongate_tokens` TO %2").arg(db, role));
    TG_EXEC(t->db(), QStringLiteral("GRANT %1 TO '%2'@'127.0.0.1'").arg(role, user));
    TG_EXEC(t->db(), QStringLiteral("SET DEFAULT ROLE %1 FOR '%2'@'127.0.0.1'").arg(role, user));

    QString problem;
    const QString name = connectAs(t.get(), user, password, &problem);
    QVERIFY2(!name.isEmpty(), qPrintable(problem));
    auto closeConnection = qScopeGuard([&] { Connector::close(name); });
    const QSqlDatabase wild = QSqlDatabase::database(name, false);
    QString error;
    const auto a = AccountPrivileges::read(wild, &error);
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(a->table(QStringLiteral("trongate_users")), (TablePrivileges { true, true, false, false }));
    QCOMPARE(a->table(QStringLiteral("trongate_tokens")), (TablePrivileges { true, true, true, false }));
    QVERIFY(a->canIssueTokens());
    QVERIFY(a->canChangeTokens());
    QVERIFY(!a->canRevokeTokens());

    // The role's UPDATE is real: extending a token works; revoking is refused.
    TokenService service(wild);
    ServiceError e;
    const auto extended = service.extend({ tokens.at(0).id }, service.now() + 7200, &e);
    QVERIFY2(extended && *extended == 1, qPrintable(e.message));
    QVERIFY(!service.revokeIds({ tokens.at(0).id }, &e));
    QVERIFY2(e.message.contains(QLatin1String("DELETE command denied")), qPrintable(e.message));
}

void TestAccountPrivileges::postgresSupportRole()
{
    TG_OPEN_DATABASE(t, QStringLiteral("postgres"));
    QList<IssuedToken> tokens;
    QVERIFY(fill(t.get(), &tokens));
    const QString user = QStringLiteral("tgsupport_") + suffix();
    const QString password = QStringLiteral("Pw-") + suffix();
    TG_EXEC(t->db(), QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(user, password));
    auto drop = qScopeGuard([&] {
        QSqlQuery q(t->db());
        q.exec(QStringLiteral("DROP OWNED BY %1").arg(user));
        q.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(user));
    });
    TG_EXEC(t->db(),
        QStringLiteral("GRANT SELECT ON trongate_user_levels, trongate_users, trongate_tokens TO %1").arg(user));
    TG_EXEC(t->db(), QStringLiteral("GRANT DELETE ON trongate_tokens TO %1").arg(user));

    QString problem;
    const QString name = connectAs(t.get(), user, password, &problem);
    QVERIFY2(!name.isEmpty(), qPrintable(problem));
    auto closeConnection = qScopeGuard([&] { Connector::close(name); });
    const QSqlDatabase support = QSqlDatabase::database(name, false);
    QString error;
    const auto a = AccountPrivileges::read(support, &error);
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(a->account(), user);
    QCOMPARE(a->table(QStringLiteral("trongate_users")), (TablePrivileges { true, false, false, false }));
    QCOMPARE(a->table(QStringLiteral("trongate_tokens")), (TablePrivileges { true, false, false, true }));
    QVERIFY(a->canRevokeTokens() && !a->canIssueTokens() && !a->canEdit(QStringLiteral("trongate_users")));

    ServiceError e;
    QVERIFY(!UserService(support).setLevel(2, 1, &e));
    QVERIFY2(e.message.contains(QLatin1String("permission denied")), qPrintable(e.message));
    const auto revoked = TokenService(support).revokeIds({ tokens.at(0).id }, &e);
    QVERIFY2(revoked && *revoked == 1, qPrintable(e.message));
}

QTEST_GUILESS_MAIN(TestAccountPrivileges)
#include "TestAccountPrivileges.moc"
