#include "ConnectionController.h"

#include "DialogHostKeyPrompter.h"

#include "AppSettings.h"
#include "connection/DatabaseSession.h"
#include "schema/DemoDatabase.h"
#include "connection/ProfileStore.h"
#include "Prompter.h"
#include "connection/SecretStore.h"

#include <QApplication>
#include <QEventLoop>
#include <QPointer>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

ConnectionController::ConnectionController(DatabaseSession &session, ProfileStore &profiles, SecretStore &secrets,
    Prompter &prompter, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_prompter(prompter)
    , m_settings(settings)
    , m_demoPath(DemoDatabase::defaultPath())
{
}

bool ConnectionController::keychainAvailable()
{
    if (!m_keychainProbed) {
        m_keychainAvailable = m_secrets.probe().ok();
        m_keychainProbed = true;
    }
    return m_keychainAvailable;
}

namespace {
// Runs an asynchronous open to its end, for callers that need the answer now (tests, --screenshot).
// The window keeps painting and answering meanwhile: nothing here blocks its thread.
bool waitFor(const std::function<void(std::function<void(bool)>)> &start)
{
    QEventLoop loop;
    std::optional<bool> outcome;
    start([&](bool ok) {
        outcome = ok;
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return *outcome;
}
} // namespace

bool ConnectionController::openProfile(
    QWidget *parent, const ConnectionProfile &profile, const std::optional<QString> &knownPassword, bool remember)
{
    return waitFor([&](std::function<void(bool)> done) {
        openProfileAsync(parent, profile, knownPassword, remember, std::move(done));
    });
}

bool ConnectionController::openDemo(QWidget *parent, bool reset)
{
    return waitFor([&](std::function<void(bool)> done) { openDemoAsync(parent, reset, std::move(done)); });
}

bool ConnectionController::openStartup(QWidget *parent)
{
    return waitFor([&](std::function<void(bool)> done) { openStartupAsync(parent, std::move(done)); });
}

void ConnectionController::openProfileAsync(QWidget *parent, const ConnectionProfile &profile,
    const std::optional<QString> &knownPassword, bool remember, std::function<void(bool)> done,
    const std::optional<SshTunnel::Credentials> &sshCredentials)
{
    Connector::Options options;
    if (profile.ssh.enabled()) {
        SshTunnel::Credentials credentials;
        if (sshCredentials) {
            credentials = *sshCredentials;
        } else {
            const SecretStore::Result stored = m_secrets.read(SecretStore::keyForSsh(profile.name));
            if (stored.ok())
                (profile.ssh.auth == SshSettings::Auth::Password ? credentials.password : credentials.passphrase)
                    = stored.secret;
        }
        options.sshCredentials = credentials;
        options.hostKeyPrompter = std::make_shared<DialogHostKeyPrompter>(m_prompter, parent);
    }
    QString password;
    bool fromKeychain = false;
    if (profile.isServer()) {
        if (knownPassword) {
            password = *knownPassword;
        } else {
            const SecretStore::Result stored = m_secrets.read(SecretStore::keyForProfile(profile.name));
            if (stored.ok()) {
                password = stored.secret;
                fromKeychain = true;
            } else {
                if (stored.status == SecretStore::Status::Unavailable) {
                    m_keychainAvailable = false;
                    m_keychainProbed = true;
                }
                auto answer = m_prompter.askPassword(parent, profile, stored.message, keychainAvailable());
                if (!answer) {
                    if (done)
                        done(false);
                    return;
                }
                password = answer->password;
                remember = answer->remember;
            }
        }
    }
    attemptOpen(parent, profile, password, fromKeychain, remember, 0, std::move(done), options);
}

void ConnectionController::attemptOpen(QWidget *parent, const ConnectionProfile &profile, QString password,
    bool fromKeychain, bool remember, int attempt, std::function<void(bool)> done, Connector::Options options)
{
    QPointer<QWidget> guardParent(parent);
    QPointer<ConnectionController> self(this);
    m_session.openAsync(profile, password, options, {},
        [self, guardParent, profile, password, fromKeychain, remember, attempt, done, options](
            const ConnectResult &r) mutable {
            if (!self) {
                password.fill(QLatin1Char('\0'));
                return;
            }
            ConnectionController &c = *self;
            if (!r.ok() && r.message.isEmpty()) { // superseded by a newer attempt
                password.fill(QLatin1Char('\0'));
                if (done)
                    done(false);
                return;
            }
            // A stored or typed password the server refuses: ask again rather than give up.
            if (!r.ok() && r.error == ConnectResult::Error::WrongPassword && attempt < 3) {
                auto answer = c.m_prompter.askPassword(guardParent, profile, r.message, c.keychainAvailable());
                password.fill(QLatin1Char('\0'));
                if (!answer) {
                    c.m_lastResult = r;
                    emit c.connectFailed(r.message);
                    if (done)
                        done(false);
                    return;
                }
                c.attemptOpen(guardParent, profile, answer->password, false, answer->remember, attempt + 1,
                    std::move(done), options);
                return;
            }
            c.m_lastResult = r;
            if (!r.ok()) {
                password.fill(QLatin1Char('\0'));
                emit c.connectFailed(r.message);
                c.m_prompter.warn(guardParent, tr("Could not connect"), r.message, r.detail);
                if (done)
                    done(false);
                return;
            }
            if (profile.isServer() && remember && !fromKeychain) {
                const SecretStore::Result stored
                    = c.m_secrets.write(SecretStore::keyForProfile(profile.name), password);
                if (!stored.ok())
                    emit c.statusMessage(
                        tr("Connected, but the password could not be stored: %1").arg(stored.message));
            }
            password.fill(QLatin1Char('\0'));
            if (c.m_profiles.contains(profile.name))
                c.m_settings.setLastConnection(profile.name);
            emit c.connectionReady();
            if (done)
                done(true);
        });
}

void ConnectionController::openDemoAsync(QWidget *parent, bool reset, std::function<void(bool)> done)
{
    const QFileInfo fi(m_demoPath);
    if (!QDir().mkpath(fi.absolutePath())) {
        m_prompter.warn(parent, tr("Demo database"),
            tr("The folder %1 could not be created. Check the permissions of your data directory.")
                .arg(QDir::toNativeSeparators(fi.absolutePath())));
        if (done)
            done(false);
        return;
    }
    QString error;
    if (reset) {
        if (m_session.isOpen() && m_session.profile().sqlitePath == m_demoPath)
            m_session.close();
        if (!DemoDatabase::resetFile(m_demoPath, &error)) {
            m_prompter.warn(parent, tr("Demo database"), error);
            if (done)
                done(false);
            return;
        }
    }
    Connector::Options options;
    options.createSqliteFile = true;
    // Seeding a new demo and moving its expiries to the present happen on the connecting thread.
    const auto prepare = [](QSqlDatabase &db, QString *note) -> QString {
        DemoDatabase::Summary summary;
        QString error;
        if (!DemoDatabase::ensureSeeded(db, {}, &summary, &error))
            return tr("The demo database could not be filled: %1").arg(error);
        if (!DemoDatabase::keepAlive(db, QDateTime::currentSecsSinceEpoch(), &error))
            *note = tr("The demo's expiries could not be moved to the present: %1").arg(error);
        else if (summary.seeded)
            *note = tr("Created the demo database with %1 users and %2 tokens.").arg(summary.users).arg(summary.tokens);
        return QString();
    };
    QPointer<QWidget> guardParent(parent);
    QPointer<ConnectionController> self(this);
    m_session.openAsync(DemoDatabase::profile(m_demoPath), {}, options, prepare,
        [self, guardParent, done](const ConnectResult &r) {
            if (!self)
                return;
            ConnectionController &c = *self;
            if (!r.ok() && r.message.isEmpty()) {
                if (done)
                    done(false);
                return;
            }
            c.m_lastResult = r;
            if (!r.ok()) {
                emit c.connectFailed(r.message);
                c.m_prompter.warn(guardParent, tr("Demo database"), r.message, r.detail);
                if (done)
                    done(false);
                return;
            }
            if (!c.m_session.facts().prepareMessage.isEmpty())
                emit c.statusMessage(c.m_session.facts().prepareMessage);
            c.m_settings.setLastConnection(QString());
            emit c.connectionReady();
            if (done)
                done(true);
        });
}

void ConnectionController::openStartupAsync(QWidget *parent, std::function<void(bool)> done)
{
    const QString last = m_settings.lastConnection();
    if (!last.isEmpty()) {
        if (const auto profile = m_profiles.load(last)) {
            QPointer<QWidget> guardParent(parent);
            QPointer<ConnectionController> self(this);
            openProfileAsync(parent, *profile, {}, false, [self, guardParent, done](bool ok) {
                if (ok || !self) {
                    if (done)
                        done(ok);
                    return;
                }
                self->openDemoAsync(guardParent, false, done);
            });
            return;
        }
    }
    openDemoAsync(parent, false, std::move(done));
}
