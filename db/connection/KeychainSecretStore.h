#pragma once

#include "connection/SecretStore.h"

// Passwords in the operating system's keychain through QtKeychain (libsecret on Linux).
// Calls block in a local event loop until the keychain answers, with a timeout.
class KeychainSecretStore final : public SecretStore {
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("trongate-admin"), int timeoutMs = 15000);

    Result read(const QString &key) override;
    Result write(const QString &key, const QString &secret) override;
    Result remove(const QString &key) override;
    Result probe() override;

private:
    QString m_service;
    int m_timeoutMs;
};
