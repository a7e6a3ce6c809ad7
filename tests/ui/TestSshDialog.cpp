// The connection dialog's SSH part as a person uses it, against the real sshd of tg_start_sshd
// and the MariaDB behind it that listens only on its socket.
#include "AppSettings.h"
#include "ConnectionController.h"
#include "ConnectionDialog.h"
#include "connection/DatabaseSession.h"
#include "MemorySecretStore.h"
#include "connection/ProfileStore.h"
#include "ScriptedPrompter.h"
#include "SshTestServer.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString env(const char *name)
{
    return QString::fromLocal8Bit(qgetenv(name));
}
} // namespace

class TestSshDialog final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    template<typename T> static T *child(QWidget &w, const char *name)
    {
        T *c = w.findChild<T *>(QString::fromLatin1(name));
        if (!c)
            qFatal("no child %s", name);
        return c;
    }
    static void type(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

private slots:
    void initTestCase()
    {
        // The sshd of scripts/test.sh, or one started here; a skip only without openssh-server.
        if (const QString why = SshTestServer::ensure(); !why.isEmpty()) {
            if (qEnvironmentVariableIsSet("TGADMIN_REQUIRE_SERVERS"))
                QFAIL(qPrintable(
                    QStringLiteral("TGADMIN_REQUIRE_SERVERS is set but there is no SSH test server: ") + why));
            QSKIP(qPrintable(QStringLiteral("No SSH test server: ") + why));
        }
        qputenv("HOME", QFile::encodeName(m_home.path())); // an empty known_hosts of our own
        qunsetenv("SSH_AUTH_SOCK");
    }

    void unknownHostIsAskedOnTheWindowsThreadAndTheSecretGoesToTheKeychainOnly()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ProfileStore profiles(settings);
        MemorySecretStore secrets;
        ScriptedPrompter prompter;
        prompter.confirmAnswers.enqueue(true); // "Trust and save"
        ConnectionDialog d(profiles, secrets, prompter, true);
        d.show();
        d.startNewProfile();
        type(child<QLineEdit>(d, "nameEdit"), QStringLiteral("Production via SSH"));
        auto *driver = child<QComboBox>(d, "driverCombo");
        driver->setCurrentIndex(driver->findData(int(DriverKind::MySql)));
        type(child<QLineEdit>(d, "databaseEdit"), env("TGADMIN_TEST_SSH_DB_NAME"));
        type(child<QLineEdit>(d, "userEdit"), env("TGADMIN_TEST_SSH_DB_USER"));
        type(child<QLineEdit>(d, "passwordEdit"), env("TGADMIN_TEST_SSH_DB_PASSWORD"));
        type(child<QLineEdit>(d, "socketEdit"), env("TGADMIN_TEST_SSH_DB_SOCKET"));
        auto *ssh = child<QGroupBox>(d, "sshGroup");
        ssh->setChecked(true);
        type(child<QLineEdit>(d, "sshHostEdit"), env("TGADMIN_TEST_SSH_HOST"));
        type(child<QLineEdit>(d, "sshPortEdit"), env("TGADMIN_TEST_SSH_PORT"));
        type(child<QLineEdit>(d, "sshUserEdit"), env("TGADMIN_TEST_SSH_USER"));
        auto *auth = child<QComboBox>(d, "sshAuthCombo");
        auth->setCurrentIndex(auth->findData(int(SshSettings::Auth::KeyFile)));
        QVERIFY(child<QLineEdit>(d, "sshKeyEdit")->isEnabled());
        type(child<QLineEdit>(d, "sshKeyEdit"), env("TGADMIN_TEST_SSH_KEY_PASSPHRASED"));
        type(child<QLineEdit>(d, "sshSecretEdit"), env("TGADMIN_TEST_SSH_PASSPHRASE"));

        // What a screen reader says for each control of the SSH part.
        for (QWidget *w : ssh->findChildren<QWidget *>()) {
            // Qt's clear button inside a line edit is part of that line edit.
            if (!w->isVisible() || w->inherits("QLineEditIconButton"))
                continue;
            if (!(qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QLineEdit *>(w))
                || (qobject_cast<QLineEdit *>(w) && qobject_cast<QComboBox *>(w->parentWidget())))
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY2(iface && !iface->text(QAccessible::Name).trimmed().isEmpty(),
                qPrintable(QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName()));
        }
        QAccessibleInterface *group = QAccessible::queryAccessibleInterface(ssh);
        QVERIFY(group && group->text(QAccessible::Name).contains(QLatin1String("SSH")));

        // Test connection: the host-key question comes from the connecting thread to this one.
        QSignalSpy finished(&d, &ConnectionDialog::testFinished);
        QTest::mouseClick(child<QPushButton>(d, "testButton"), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        const auto r = finished.first().first().value<ConnectResult>();
        QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char(' ') + r.detail));
        QCOMPARE(prompter.asked.size(), 1);
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"), { QStringLiteral("-lf"), env("TGADMIN_TEST_SSH_HOSTKEY_PUB") });
        QVERIFY(keygen.waitForFinished(10000));
        const QString fingerprint = QString::fromLatin1(keygen.readAllStandardOutput()).section(QLatin1Char(' '), 1, 1);
        QVERIFY2(prompter.asked.first().contains(fingerprint), qPrintable(prompter.asked.first()));
        QVERIFY(QFile::exists(m_home.filePath(QStringLiteral(".ssh/known_hosts"))));
        QVERIFY(child<QLabel>(d, "messageLabel")->text().contains(QLatin1String("Connected")));
        const QString screenshots = qEnvironmentVariable("TGADMIN_SCREENSHOT_DIR");
        if (!screenshots.isEmpty()) {
            child<QScrollArea>(d, "serverScroll")->ensureWidgetVisible(ssh);
            d.grab().save(screenshots + QStringLiteral("/connections-ssh.png"));
        }

        // Saved: where and how in the settings, the passphrase only in the keychain.
        QTest::mouseClick(child<QPushButton>(d, "saveButton"), Qt::LeftButton);
        const auto saved = profiles.load(QStringLiteral("Production via SSH"));
        QVERIFY(saved);
        QCOMPARE(saved->ssh.port, env("TGADMIN_TEST_SSH_PORT").toInt());
        QCOMPARE(saved->ssh.auth, SshSettings::Auth::KeyFile);
        QCOMPARE(saved->ssh.keyFile, env("TGADMIN_TEST_SSH_KEY_PASSPHRASED"));
        QCOMPARE(secrets.entries.value(SecretStore::keyForSsh(saved->name)), env("TGADMIN_TEST_SSH_PASSPHRASE"));
        settings.sync();
        QFile ini(settings.fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(text.contains("ssh"));
        QVERIFY(!text.contains(env("TGADMIN_TEST_SSH_PASSPHRASE").toUtf8()));
        QVERIFY(!text.contains(env("TGADMIN_TEST_SSH_DB_PASSWORD").toUtf8()));
    }

    void openingASavedProfileUsesTheKeychainAndAsksAboutTheHost()
    {
        // What "Connect" does for a saved profile: the database password and the key's passphrase
        // from the keychain, the unknown host asked about, the session open.
        QFile::remove(m_home.filePath(QStringLiteral(".ssh/known_hosts")));
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ProfileStore profiles(settings);
        AppSettings app(settings);
        MemorySecretStore secrets;
        ScriptedPrompter prompter;
        prompter.confirmAnswers.enqueue(true);
        ConnectionProfile p;
        p.name = QStringLiteral("prod");
        p.driver = DriverKind::MySql;
        p.unixSocket = env("TGADMIN_TEST_SSH_DB_SOCKET");
        p.database = env("TGADMIN_TEST_SSH_DB_NAME");
        p.user = env("TGADMIN_TEST_SSH_DB_USER");
        p.ssh.host = env("TGADMIN_TEST_SSH_HOST");
        p.ssh.port = env("TGADMIN_TEST_SSH_PORT").toInt();
        p.ssh.user = env("TGADMIN_TEST_SSH_USER");
        p.ssh.auth = SshSettings::Auth::KeyFile;
        p.ssh.keyFile = env("TGADMIN_TEST_SSH_KEY_PASSPHRASED");
        QVERIFY(profiles.save(p, {}).isEmpty());
        secrets.entries.insert(SecretStore::keyForProfile(p.name), env("TGADMIN_TEST_SSH_DB_PASSWORD"));
        secrets.entries.insert(SecretStore::keyForSsh(p.name), env("TGADMIN_TEST_SSH_PASSPHRASE"));
        DatabaseSession session;
        ConnectionController controller(session, profiles, secrets, prompter, app);
        QVERIFY2(controller.openProfile(nullptr, p), qPrintable(controller.lastResult().message));
        QVERIFY(session.isOpen());
        QCOMPARE(prompter.asked.size(), 1);
        QVERIFY(Connector::tunnelOf(session.connectionName()));
        session.close();

        // Without the passphrase in the keychain the key cannot be opened, and the person reads why.
        secrets.entries.remove(SecretStore::keyForSsh(p.name));
        QVERIFY(!controller.openProfile(nullptr, p));
        QCOMPARE(controller.lastResult().error, ConnectResult::Error::SshAuthFailed);
        QVERIFY(!prompter.warnings.isEmpty());
        QVERIFY2(prompter.warnings.last().contains(QLatin1String("passphrase")), qPrintable(prompter.warnings.last()));
    }

    void aRefusedQuestionRefusesTheConnection()
    {
        QFile::remove(m_home.filePath(QStringLiteral(".ssh/known_hosts")));
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ProfileStore profiles(settings);
        MemorySecretStore secrets;
        ScriptedPrompter prompter; // answers "no"
        ConnectionProfile p;
        p.name = QStringLiteral("ssh");
        p.driver = DriverKind::MySql;
        p.unixSocket = env("TGADMIN_TEST_SSH_DB_SOCKET");
        p.database = env("TGADMIN_TEST_SSH_DB_NAME");
        p.user = env("TGADMIN_TEST_SSH_DB_USER");
        p.ssh.host = env("TGADMIN_TEST_SSH_HOST");
        p.ssh.port = env("TGADMIN_TEST_SSH_PORT").toInt();
        p.ssh.user = env("TGADMIN_TEST_SSH_USER");
        p.ssh.auth = SshSettings::Auth::KeyFile;
        p.ssh.keyFile = env("TGADMIN_TEST_SSH_KEY");
        QVERIFY(profiles.save(p, {}).isEmpty());
        secrets.entries.insert(SecretStore::keyForProfile(p.name), env("TGADMIN_TEST_SSH_DB_PASSWORD"));
        ConnectionDialog d(profiles, secrets, prompter, true);
        d.selectProfile(p.name);
        QVERIFY(child<QGroupBox>(d, "sshGroup")->isChecked());
        QSignalSpy finished(&d, &ConnectionDialog::testFinished);
        QTest::mouseClick(child<QPushButton>(d, "testButton"), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        const auto r = finished.first().first().value<ConnectResult>();
        QCOMPARE(r.error, ConnectResult::Error::SshHostKeyUnknown);
        QCOMPARE(prompter.asked.size(), 1);
        QVERIFY(child<QLabel>(d, "messageLabel")->text().contains(QLatin1String("not known yet")));
    }
};

QTEST_MAIN(TestSshDialog)
#include "TestSshDialog.moc"
