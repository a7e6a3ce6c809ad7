#include "connection/KeychainSecretStore.h"

#include <QRandomGenerator>
#include <QTest>

// The real OS keychain through QtKeychain: scripts/test.sh runs this inside a D-Bus session with
// gnome-keyring, and once more (TestKeychain_unavailable) with no session bus at all.
class TestKeychain final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void storesReadsAndDeletes();
    void saysPlainlyWhenNoKeychainExists();

private:
    bool m_expectNone = false;
};

void TestKeychain::initTestCase()
{
    m_expectNone = qEnvironmentVariableIntValue("TGADMIN_EXPECT_NO_KEYCHAIN") == 1;
    if (!m_expectNone && !qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS")) {
        if (qEnvironmentVariableIntValue("TGADMIN_REQUIRE_SERVERS") == 1)
            QFAIL("scripts/test.sh should have started a D-Bus session with gnome-keyring");
        QSKIP("no D-Bus session: run through scripts/test.sh");
    }
}

void TestKeychain::storesReadsAndDeletes()
{
    if (m_expectNone)
        QSKIP("this run has no keychain on purpose");
    // A service name of our own, so a developer's real keyring is never touched by the test.
    KeychainSecretStore store(QStringLiteral("trongate-admin-test-%1").arg(QRandomGenerator::global()->generate()));
    QVERIFY2(store.probe().ok(), qPrintable(store.probe().message));
    const QString key = SecretStore::keyForProfile(QStringLiteral("Production"));
    const QString secret = QStringLiteral("s3cret with spaces, ümlauts and ; = & characters");

    QCOMPARE(store.read(key).status, SecretStore::Status::NotFound);
    const SecretStore::Result written = store.write(key, secret);
    QVERIFY2(written.ok(), qPrintable(written.message));
    const SecretStore::Result read = store.read(key);
    QVERIFY2(read.ok(), qPrintable(read.message));
    QCOMPARE(read.secret, secret);
    // Keys are scoped per profile.
    QCOMPARE(store.read(SecretStore::keyForProfile(QStringLiteral("Staging"))).status, SecretStore::Status::NotFound);

    QVERIFY(store.write(key, QStringLiteral("changed")).ok());
    QCOMPARE(store.read(key).secret, QStringLiteral("changed"));
    QVERIFY(store.remove(key).ok());
    QCOMPARE(store.read(key).status, SecretStore::Status::NotFound);
}

void TestKeychain::saysPlainlyWhenNoKeychainExists()
{
    if (!m_expectNone)
        QSKIP("covered by TestKeychain_unavailable, which runs without a session bus");
    KeychainSecretStore store(QStringLiteral("trongate-admin-test"), 10000);
    const SecretStore::Result probe = store.probe();
    QCOMPARE(probe.status, SecretStore::Status::Unavailable);
    QVERIFY2(probe.message.contains(QLatin1String("No keychain is available")), qPrintable(probe.message));
    QVERIFY(probe.message.contains(QLatin1String("never stored anywhere else")));
    const SecretStore::Result write = store.write(QStringLiteral("k"), QStringLiteral("pw"));
    QCOMPARE(write.status, SecretStore::Status::Unavailable);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "TestKeychain.moc"
