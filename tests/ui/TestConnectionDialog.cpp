#include "ConnectionDialog.h"
#include "MemorySecretStore.h"
#include "connection/ProfileStore.h"
#include "ScriptedPrompter.h"
#include "TestDatabase.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The connection manager as a person uses it: typing into its fields and pressing its buttons.
class TestConnectionDialog final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void badPortIsRefusedAndNothingIsSaved_data();
    void badPortIsRefusedAndNothingIsSaved();
    void emptyHostIsRefused();
    void sqliteProblemsAreExplained();
    void passwordGoesOnlyToTheKeychain();
    void withoutKeychainItSaysSoAndStoresNoPassword();
    void renamingMovesTheStoredPassword();
    void testConnectionAgainstMariaDb();
    void connectReturnsTheProfileAndTypedPassword();

private:
    std::unique_ptr<ConnectionDialog> makeDialog(bool keychain = true);
    void fillServer(ConnectionDialog &d, const QString &name, const QString &host, const QString &port,
        const QString &database, const QString &user, const QString &password);
    template<typename T> static T *child(QWidget &w, const char *name)
    {
        T *c = w.findChild<T *>(QString::fromLatin1(name));
        if (!c)
            qFatal("no child %s", name);
        return c;
    }
    // With TGADMIN_SCREENSHOT_DIR set, the dialog is saved as a PNG for the README and for review.
    static void snapshot(QWidget &w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("TGADMIN_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            w.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }
    static void type(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    MemorySecretStore m_secrets;
    ScriptedPrompter m_prompter;
};

void TestConnectionDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_profiles = std::make_unique<ProfileStore>(*m_settings);
    m_secrets = MemorySecretStore();
    m_prompter = ScriptedPrompter();
}

void TestConnectionDialog::cleanup()
{
    m_profiles.reset();
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<ConnectionDialog> TestConnectionDialog::makeDialog(bool keychain)
{
    auto d = std::make_unique<ConnectionDialog>(*m_profiles, m_secrets, m_prompter, keychain);
    d->show();
    return d;
}

void TestConnectionDialog::fillServer(ConnectionDialog &d, const QString &name, const QString &host,
    const QString &port, const QString &database, const QString &user, const QString &password)
{
    auto *driver = child<QComboBox>(d, "driverCombo");
    driver->setCurrentIndex(driver->findData(int(DriverKind::MySql)));
    type(child<QLineEdit>(d, "nameEdit"), name);
    type(child<QLineEdit>(d, "hostEdit"), host);
    type(child<QLineEdit>(d, "portEdit"), port);
    type(child<QLineEdit>(d, "databaseEdit"), database);
    type(child<QLineEdit>(d, "userEdit"), user);
    type(child<QLineEdit>(d, "passwordEdit"), password);
}

void TestConnectionDialog::badPortIsRefusedAndNothingIsSaved_data()
{
    QTest::addColumn<QString>("port");
    QTest::addRow("zero") << "0";
    QTest::addRow("70000") << "70000";
    QTest::addRow("letters") << "mysql";
    QTest::addRow("negative") << "-1";
}

void TestConnectionDialog::badPortIsRefusedAndNothingIsSaved()
{
    QFETCH(QString, port);
    auto d = makeDialog();
    fillServer(*d, QStringLiteral("Shop"), QStringLiteral("db.example.com"), port, QStringLiteral("shop"),
        QStringLiteral("admin"), QStringLiteral("pw"));
    QTest::mouseClick(child<QPushButton>(*d, "saveButton"), Qt::LeftButton);
    QVERIFY2(d->message().contains(QLatin1String("1 to 65535")), qPrintable(d->message()));
    snapshot(*d, QStringLiteral("connection-dialog-bad-port"));
    QVERIFY(m_profiles->names().isEmpty());
    QVERIFY(m_settings->allKeys().isEmpty());
    QVERIFY(m_secrets.entries.isEmpty());
}

void TestConnectionDialog::emptyHostIsRefused()
{
    auto d = makeDialog();
    fillServer(*d, QStringLiteral("Shop"), QString(), QStringLiteral("3306"), QStringLiteral("shop"),
        QStringLiteral("admin"), QString());
    QTest::mouseClick(child<QPushButton>(*d, "saveButton"), Qt::LeftButton);
    QVERIFY2(d->message().contains(QLatin1String("host name")), qPrintable(d->message()));
    QVERIFY(m_profiles->names().isEmpty());
    // Test connection refuses the same way, without trying to connect.
    QTest::mouseClick(child<QPushButton>(*d, "testButton"), Qt::LeftButton);
    QVERIFY(!d->isTesting());
    QVERIFY(d->message().contains(QLatin1String("host name")));
}

void TestConnectionDialog::sqliteProblemsAreExplained()
{
    auto d = makeDialog();
    auto *driver = child<QComboBox>(*d, "driverCombo");
    driver->setCurrentIndex(driver->findData(int(DriverKind::Sqlite)));
    type(child<QLineEdit>(*d, "nameEdit"), QStringLiteral("Local"));
    auto *path = child<QLineEdit>(*d, "sqlitePathEdit");

    type(path, m_dir->filePath(QStringLiteral("missing-folder/app.sqlite")));
    QTest::mouseClick(child<QPushButton>(*d, "saveButton"), Qt::LeftButton);
    QVERIFY2(d->message().contains(QLatin1String("does not exist")), qPrintable(d->message()));
    QVERIFY(m_profiles->names().isEmpty());

    QFile junk(m_dir->filePath(QStringLiteral("readme.txt")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("plain text, not a database");
    junk.close();
    type(path, junk.fileName());
    QTest::mouseClick(child<QPushButton>(*d, "saveButton"), Qt::LeftButton);
    QVERIFY2(d->message().contains(QLatin1String("not an SQLite database")), qPrintable(d->message()));
    QVERIFY(m_profiles->names().isEmpty());

    // A file that is not there yet: the test says it will be created on connect.
    type(path, m_dir->filePath(QStringLiteral("new.sqlite")));
    child<QCheckBox>(*d, "createCheck")->setChecked(true);
    QTest::mouseClick(child<QPushButton>(*d, "testButton"), Qt::LeftButton);
    QTRY_VERIFY(!d->isTesting());
    QVERIFY2(d->message().contains(QLatin1String("will be created")), qPrintable(d->message()));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("new.sqlite"))));
}

void TestConnectionDialog::passwordGoesOnlyToTheKeychain()
{
    auto d = makeDialog();
    fillServer(*d, QStringLiteral("Production"), QStringLiteral("db.example.com"), QStringLiteral("3307"),
        QStringLiteral("shop"), QStringLiteral("admin"), QStringLiteral("hunter2-secret"));
    QVERIFY(child<QCheckBox>(*d, "rememberCheck")->isChecked());
    QTest::mouseClick(child<QPushButton>(*d, "saveButton"), Qt::LeftButton);
    QVERIFY2(d->message().contains(QLatin1String("keychain")), qPrintable(d->message()));
    QCOMPARE(m_profiles->names(), QStringList { QStringLiteral("Production") });
    QCOMPARE(m_profiles->load(QStringLiteral("Production"))->port, 3307);
    QCOMPARE(m_secrets.entries.value(QStringLiteral("connection/Production")), QStringLiteral("hunter2-secret"));
    m_settings->sync();
    QFile f(m_settings->fileName());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("hunter2"));
    QCOMPARE(child<QListWidget>(*d, "profileList")->count(), 1);
}

void TestConnectionDialog::withoutKeychainItSaysSoAndStoresNoPassword()
{
    m_secrets.available = false;
    auto d = makeDialog(false);
    auto *note = child<QLabel>(*d, "keychainLabel");
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QLatin1String("No keychain is available")));
    QVERIFY(note->text().contains(QLatin1String("asked for each time")));
    snapshot(*d, QStringLiteral("connection-dialog-no-keychain"));
    QVERIFY(!child<QCheckBox>(*d, "rememberCheck")->isEnabled());
    fillServer(*d, QStringLiteral("Prod"), QStringLiteral("db"), QString(), QStringLiteral("shop"),
        QStringLiteral("admin"), QStringLiteral("pw-not-stored"));
    QTest::mouseClick(child<QPushButton>(*d, "saveButton"), Qt::LeftButton);
    QCOMPARE(m_profiles->names(), QStringList { QStringLiteral("Prod") });
    QCOMPARE(m_secrets.writes, 0);
    m_settings->sync();
    QFile f(m_settings->fileName());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("pw-not-stored"));
}

void TestConnectionDialog::renamingMovesTheStoredPassword()
{
    auto d = makeDialog();
    fillServer(*d, QStringLiteral("Old"), QStringLiteral("db"), QString(), QStringLiteral("shop"),
        QStringLiteral("admin"), QStringLiteral("pw1"));
    QTest::mouseClick(child<QPushButton>(*d, "saveButton"), Qt::LeftButton);
    type(child<QLineEdit>(*d, "nameEdit"), QStringLiteral("New"));
    child<QLineEdit>(*d, "passwordEdit")->clear();
    QTest::mouseClick(child<QPushButton>(*d, "saveButton"), Qt::LeftButton);
    QCOMPARE(m_profiles->names(), QStringList { QStringLiteral("New") });
    QCOMPARE(m_secrets.entries.value(QStringLiteral("connection/New")), QStringLiteral("pw1"));
    QVERIFY(!m_secrets.entries.contains(QStringLiteral("connection/Old")));
}

void TestConnectionDialog::testConnectionAgainstMariaDb()
{
    QString password;
    const auto server = TestDatabase::serverProfile(QStringLiteral("mariadb"), &password);
    if (!server) {
        if (TestDatabase::serversRequired())
            QFAIL("no MariaDB test server");
        QSKIP("no MariaDB test server: run through scripts/test.sh");
    }
    auto d = makeDialog();
    fillServer(*d, QStringLiteral("Test server"), server->host, QString::number(server->port), server->database,
        server->user, password + QStringLiteral("x"));
    QSignalSpy finished(d.get(), &ConnectionDialog::testFinished);
    QTest::mouseClick(child<QPushButton>(*d, "testButton"), Qt::LeftButton);
    QVERIFY(finished.wait(15000));
    QVERIFY2(d->message().contains(QLatin1String("refused user")), qPrintable(d->message()));

    type(child<QLineEdit>(*d, "passwordEdit"), password);
    QTest::mouseClick(child<QPushButton>(*d, "testButton"), Qt::LeftButton);
    QVERIFY(finished.wait(15000));
    QVERIFY2(d->message().contains(QLatin1String("Connected to")), qPrintable(d->message()));
    // The server's "mysql" system database is not a Trongate database, and the dialog says so.
    QVERIFY2(d->message().contains(QLatin1String("none of Trongate's tables")), qPrintable(d->message()));
    QVERIFY(d->message().contains(QLatin1String("NOT encrypted")));
    snapshot(*d, QStringLiteral("connection-dialog-tested"));
    QVERIFY(m_profiles->names().isEmpty()); // testing saves nothing
}

void TestConnectionDialog::connectReturnsTheProfileAndTypedPassword()
{
    auto d = makeDialog();
    fillServer(*d, QStringLiteral("Shop"), QStringLiteral("db.example.com"), QString(), QStringLiteral("shop"),
        QStringLiteral("admin"), QStringLiteral("typed"));
    QTest::mouseClick(child<QPushButton>(*d, "connectButton"), Qt::LeftButton);
    QCOMPARE(d->result(), int(QDialog::Accepted));
    QCOMPARE(d->chosenProfile().name, QStringLiteral("Shop"));
    QCOMPARE(d->chosenProfile().effectivePort(), 3306);
    QCOMPARE(d->typedPassword().value_or(QString()), QStringLiteral("typed"));
    QVERIFY(m_profiles->contains(QStringLiteral("Shop"))); // connecting saves the profile
}

QTEST_MAIN(TestConnectionDialog)
#include "TestConnectionDialog.moc"
