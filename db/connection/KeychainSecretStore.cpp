#include "connection/KeychainSecretStore.h"

#include "audit/Log.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace {
SecretStore::Result fromJob(const QKeychain::Job &job, bool timedOut, bool reading)
{
    SecretStore::Result r;
    if (timedOut) {
        r.status = SecretStore::Status::Failed;
        r.message = SecretStore::tr("The keychain did not answer. It may be waiting for you to unlock it.");
        return r;
    }
    switch (job.error()) {
    case QKeychain::NoError:
        r.status = SecretStore::Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        r.status = SecretStore::Status::NotFound;
        r.message = reading ? SecretStore::tr("No password is stored for this connection in the keychain "
                                              "(or the keyring is locked).")
                            : SecretStore::tr("No password was stored for this connection.");
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        r.status = SecretStore::Status::Denied;
        r.message = SecretStore::tr("The keychain refused access: it is locked, or access was denied. "
                                    "Unlock it and try again.");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        r.status = SecretStore::Status::Unavailable;
        r.message = SecretStore::unavailableText();
        break;
    case QKeychain::CouldNotDeleteEntry:
        r.status = SecretStore::Status::Failed;
        r.message = SecretStore::tr("The keychain could not delete the stored password.");
        break;
    }
    if (r.status != SecretStore::Status::Ok)
        qCInfo(lcDb) << "keychain:" << job.error() << job.errorString();
    return r;
}

template<typename JobT, typename Setup>
SecretStore::Result runJob(const QString &service, int timeoutMs, bool reading, Setup setup)
{
    JobT job(service);
    job.setAutoDelete(false);
    setup(job);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    job.start();
    timer.start(timeoutMs);
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    SecretStore::Result r = fromJob(job, timedOut, reading);
    if constexpr (std::is_same_v<JobT, QKeychain::ReadPasswordJob>) {
        if (r.ok())
            r.secret = job.textData();
    }
    return r;
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{
}

SecretStore::Result KeychainSecretStore::read(const QString &key)
{
    return runJob<QKeychain::ReadPasswordJob>(m_service, m_timeoutMs, true, [&](auto &job) { job.setKey(key); });
}

SecretStore::Result KeychainSecretStore::write(const QString &key, const QString &secret)
{
    return runJob<QKeychain::WritePasswordJob>(m_service, m_timeoutMs, false, [&](auto &job) {
        job.setKey(key);
        job.setTextData(secret);
    });
}

SecretStore::Result KeychainSecretStore::remove(const QString &key)
{
    Result r = runJob<QKeychain::DeletePasswordJob>(m_service, m_timeoutMs, false, [&](auto &job) { job.setKey(key); });
    if (r.status == Status::NotFound)
        r.status = Status::Ok; // deleting what is not there is success
    return r;
}

SecretStore::Result KeychainSecretStore::probe()
{
    Result r = read(QStringLiteral("probe/availability"));
    if (r.status == Status::NotFound || r.ok())
        return Result { Status::Ok, {}, {} };
    return r;
}
