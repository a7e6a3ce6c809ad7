#include "ConnectionController.h"

#include "AppSettings.h"
#include "DatabaseSession.h"
#include "DemoDatabase.h"
#include "ProfileStore.h"
#include "Prompter.h"
#include "SecretStore.h"

#include <QApplication>
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

bool ConnectionController::openProfile(
    QWidget *parent, const ConnectionProfile &profile, const std::optional<QString> &knownPassword, bool remember)
{
    QString password;
    bool fromKeychain = false;
    QString reason;
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
                reason = stored.message;
                auto answer = m_prompter.askPassword(parent, profile, reason, keychainAvailable());
                if (!answer)
                    return false;
                password = answer->password;
                remember = answer->remember;
            }
        }
    }

    QApplication::setOverrideCursor(Qt::WaitCursor);
    ConnectResult r = m_session.open(profile, password);
    QApplication::restoreOverrideCursor();
    // A stored or typed password the server refuses: ask again rather than give up.
    for (int attempt = 0; !r.ok() && r.error == ConnectResult::Error::WrongPassword && attempt < 3; ++attempt) {
        auto answer = m_prompter.askPassword(parent, profile, r.message, keychainAvailable());
        if (!answer) {
            m_lastResult = r;
            return false;
        }
        password = answer->password;
        remember = answer->remember;
        fromKeychain = false;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        r = m_session.open(profile, password);
        QApplication::restoreOverrideCursor();
    }
    m_lastResult = r;
    if (!r.ok()) {
        m_prompter.warn(parent, tr("Could not connect"), r.message, r.detail);
        return false;
    }
    if (profile.isServer() && remember && !fromKeychain) {
        const SecretStore::Result stored = m_secrets.write(SecretStore::keyForProfile(profile.name), password);
        if (!stored.ok())
            emit statusMessage(tr("Connected, but the password could not be stored: %1").arg(stored.message));
    }
    password.fill(QLatin1Char('\0'));
    if (m_profiles.contains(profile.name))
        m_settings.setLastConnection(profile.name);
    emit connectionReady();
    return true;
}

bool ConnectionController::openDemo(QWidget *parent, bool reset)
{
    const QFileInfo fi(m_demoPath);
    if (!QDir().mkpath(fi.absolutePath())) {
        m_prompter.warn(parent, tr("Demo database"),
            tr("The folder %1 could not be created. Check the permissions of your data directory.")
                .arg(QDir::toNativeSeparators(fi.absolutePath())));
        return false;
    }
    QString error;
    if (reset) {
        if (m_session.isOpen() && m_session.profile().sqlitePath == m_demoPath)
            m_session.close();
        if (!DemoDatabase::resetFile(m_demoPath, &error)) {
            m_prompter.warn(parent, tr("Demo database"), error);
            return false;
        }
    }
    Connector::Options options;
    options.createSqliteFile = true;
    ConnectResult r = m_session.open(DemoDatabase::profile(m_demoPath), {}, options);
    m_lastResult = r;
    if (!r.ok()) {
        m_prompter.warn(parent, tr("Demo database"), r.message, r.detail);
        return false;
    }
    DemoDatabase::Summary summary;
    if (!DemoDatabase::ensureSeeded(m_session.database(), {}, &summary, &error)) {
        m_prompter.warn(parent, tr("Demo database"), tr("The demo database could not be filled: %1").arg(error));
        return false;
    }
    if (!DemoDatabase::keepAlive(m_session.database(), QDateTime::currentSecsSinceEpoch(), &error))
        emit statusMessage(tr("The demo's expiries could not be moved to the present: %1").arg(error));
    if (summary.seeded)
        emit statusMessage(
            tr("Created the demo database with %1 users and %2 tokens.").arg(summary.users).arg(summary.tokens));
    m_settings.setLastConnection(QString());
    emit connectionReady();
    return true;
}

bool ConnectionController::openStartup(QWidget *parent)
{
    const QString last = m_settings.lastConnection();
    if (!last.isEmpty()) {
        if (const auto profile = m_profiles.load(last)) {
            if (openProfile(parent, *profile))
                return true;
        }
    }
    return openDemo(parent);
}
