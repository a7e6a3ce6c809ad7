#pragma once

#include "connection/ConnectionProfile.h"
#include "schema/DemoDatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A fresh, empty database on one of the backends the suite runs against:
//   "sqlite"   a file in a temporary directory;
//   "mariadb"  a new database on the MariaDB server scripts/test.sh started (TGADMIN_TEST_MYSQL_*);
//   "postgres" a new database on the PostgreSQL server it started (TGADMIN_TEST_PG_*).
// When the suite runs through scripts/test.sh (TGADMIN_REQUIRE_SERVERS=1) a missing server is a
// failure, not a skip.
class TestDatabase final {
public:
    ~TestDatabase();

    static std::unique_ptr<TestDatabase> create(const QString &backend, QString *problem);
    // The start of most tests: a fresh database with Trongate's tables and demo rows.
    static std::unique_ptr<TestDatabase> createSeeded(const QString &backend, const DemoDatabase::Options &demo,
                                                      QString *problem);
    // Adds the "backend" column with one row per backend, for initTestCase_data().
    static void addBackendRows(bool withPostgres = false);
    static bool serversRequired();
    // The server account of a backend (with an empty database name) and its password.
    static std::optional<ConnectionProfile> serverProfile(const QString &backend, QString *password);

    const ConnectionProfile &profile() const { return m_profile; }
    const QString &password() const { return m_password; }
    QString connectionName() const { return m_connection; }
    QSqlDatabase db() const;
    QString backend() const { return m_backend; }
    // Another independent connection to the same database (for concurrent-change tests).
    QString openSecondConnection();

private:
    TestDatabase() = default;
    QString m_backend;
    ConnectionProfile m_profile;
    QString m_password;
    QString m_connection;
    QString m_adminConnection;
    QStringList m_extraConnections;
    std::unique_ptr<QTemporaryDir> m_dir;
};

// Runs a statement on db and fails the test with the database's own words when it does not work.
#define TG_EXEC(db, sql)                                                                                               \
    do {                                                                                                               \
        QSqlQuery tg_q(db);                                                                                            \
        QVERIFY2(tg_q.exec(sql), qPrintable(QStringLiteral("%1\n  SQL: %2").arg(tg_q.lastError().text(), sql)));       \
    } while (false)

// Skips (or, under scripts/test.sh, fails) when a database could not be had.
#define TG_REQUIRE(database, problem)                                                                                   \
    if (!(database)) {                                                                                                 \
        if (TestDatabase::serversRequired())                                                                           \
            QFAIL(qPrintable(problem));                                                                                \
        QSKIP(qPrintable(problem));                                                                                    \
    }

// Skips (or, under scripts/test.sh, fails) when the backend is not reachable.
#define TG_OPEN_DATABASE(var, backend)                                                                                 \
    QString var##_problem;                                                                                             \
    auto var = TestDatabase::create(backend, &var##_problem);                                                          \
    if (!var) {                                                                                                        \
        if (TestDatabase::serversRequired())                                                                           \
            QFAIL(qPrintable(var##_problem));                                                                          \
        QSKIP(qPrintable(var##_problem));                                                                              \
    }
