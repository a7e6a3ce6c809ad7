#include "TestDatabase.h"

#include "connection/Connector.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QCoreApplication>
#include <QTranslator>

namespace {
// The tests read English as the program shows it: with its plural forms ("1 token", "3 orphans"),
// which come from the plurals-only translation the program installs (app/Translations.cpp).
void installEnglishPlurals()
{
    auto *plurals = new QTranslator(QCoreApplication::instance());
    if (plurals->load(QStringLiteral(TGADMIN_QM_DIR "/trongate-admin_en.qm")))
        QCoreApplication::installTranslator(plurals);
    else
        qWarning("English plural forms not found in %s: build trongate-admin first", TGADMIN_QM_DIR);
}
} // namespace
Q_COREAPP_STARTUP_FUNCTION(installEnglishPlurals)

TestDatabase::~TestDatabase()
{
    for (const QString &c : m_extraConnections)
        Connector::close(c);
    Connector::close(m_connection);
    if (!m_adminConnection.isEmpty()) {
        {
            QSqlDatabase admin = QSqlDatabase::database(m_adminConnection, false);
            QSqlQuery q(admin);
            if (m_backend == QLatin1String("postgres"))
                q.exec(QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_profile.database));
            else
                q.exec(QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(m_profile.database));
        }
        Connector::close(m_adminConnection);
    }
}

bool TestDatabase::serversRequired()
{
    return qEnvironmentVariableIntValue("TGADMIN_REQUIRE_SERVERS") == 1;
}

void TestDatabase::addBackendRows(bool withPostgres)
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("mariadb") << QStringLiteral("mariadb");
    if (withPostgres)
        QTest::newRow("postgres") << QStringLiteral("postgres");
}

std::optional<ConnectionProfile> TestDatabase::serverProfile(const QString &backend, QString *password)
{
    const QByteArray prefix = backend == QLatin1String("postgres") ? "TGADMIN_TEST_PG_" : "TGADMIN_TEST_MYSQL_";
    if (!qEnvironmentVariableIsSet(prefix + "PORT"))
        return std::nullopt;
    ConnectionProfile p;
    p.name = backend;
    p.driver = backend == QLatin1String("postgres") ? DriverKind::Postgres : DriverKind::MySql;
    p.host = qEnvironmentVariable(prefix + "HOST", QStringLiteral("127.0.0.1"));
    p.port = qEnvironmentVariableIntValue(prefix + "PORT");
    p.user = qEnvironmentVariable(prefix + "USER");
    p.database = backend == QLatin1String("postgres") ? QStringLiteral("postgres") : QStringLiteral("mysql");
    *password = qEnvironmentVariable(prefix + "PASSWORD");
    return p;
}

std::unique_ptr<TestDatabase> TestDatabase::create(const QString &backend, QString *problem)
{
    std::unique_ptr<TestDatabase> t(new TestDatabase);
    t->m_backend = backend;
    t->m_connection = Connector::uniqueName(QStringLiteral("testdb"));
    if (backend == QLatin1String("sqlite")) {
        t->m_dir = std::make_unique<QTemporaryDir>();
        t->m_profile.name = QStringLiteral("sqlite test");
        t->m_profile.driver = DriverKind::Sqlite;
        t->m_profile.sqlitePath = t->m_dir->filePath(QStringLiteral("test.sqlite"));
        Connector::Options o;
        o.createSqliteFile = true;
        const ConnectResult r = Connector::open(t->m_profile, {}, t->m_connection, o);
        if (!r.ok()) {
            *problem = r.message;
            return nullptr;
        }
        return t;
    }

    QString password;
    const auto server = serverProfile(backend, &password);
    if (!server) {
        *problem = QStringLiteral("No %1 server for the tests: run them through scripts/test.sh, which starts one.")
                       .arg(backend);
        return nullptr;
    }
    t->m_adminConnection = Connector::uniqueName(QStringLiteral("testadmin"));
    const ConnectResult admin = Connector::open(*server, password, t->m_adminConnection);
    if (!admin.ok()) {
        *problem = QStringLiteral("The %1 test server refused the admin connection: %2").arg(backend, admin.detail);
        t->m_adminConnection.clear();
        return nullptr;
    }
    const QString dbName = QStringLiteral("tgtest_%1").arg(QRandomGenerator::global()->generate64() % 1000000000000ULL);
    {
        QSqlQuery q(QSqlDatabase::database(t->m_adminConnection, false));
        const QString sql = backend == QLatin1String("postgres")
            ? QStringLiteral("CREATE DATABASE \"%1\"").arg(dbName)
            : QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci").arg(dbName);
        if (!q.exec(sql)) {
            *problem = q.lastError().text();
            return nullptr;
        }
    }
    t->m_profile = *server;
    t->m_profile.name = backend + QStringLiteral(" test");
    t->m_profile.database = dbName;
    t->m_password = password;
    const ConnectResult r = Connector::open(t->m_profile, password, t->m_connection);
    if (!r.ok()) {
        *problem = r.detail;
        return nullptr;
    }
    return t;
}

std::unique_ptr<TestDatabase> TestDatabase::createSeeded(const QString &backend, const DemoDatabase::Options &demo,
                                                       QString *problem)
{
    auto t = create(backend, problem);
    if (!t)
        return t;
    QString error;
    if (!DemoDatabase::ensureSeeded(t->db(), demo, nullptr, &error)) {
        *problem = QStringLiteral("seeding the demo rows failed: ") + error;
        return nullptr;
    }
    return t;
}

QSqlDatabase TestDatabase::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

QString TestDatabase::openSecondConnection()
{
    const QString name = Connector::uniqueName(QStringLiteral("testdb-second"));
    const ConnectResult r = Connector::open(m_profile, m_password, name);
    if (!r.ok())
        return {};
    m_extraConnections << name;
    return name;
}
