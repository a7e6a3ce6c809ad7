#pragma once

#include <QCoreApplication>
#include <QString>

// Where passwords live. The only production implementation is the OS keychain; tests use a fake.
// There is deliberately no fallback store: when the keychain is unavailable the caller asks the
// person for the password each time.
class SecretStore {
    Q_DECLARE_TR_FUNCTIONS(SecretStore)

public:
    enum class Status {
        Ok,
        NotFound, // nothing stored under that key (or, with libsecret, a locked keyring)
        Unavailable, // no keychain service at all (no D-Bus session, no secret service)
        Denied, // the keyring is locked or the user refused access
        Failed, // anything else, described in message
    };
    struct Result {
        Status status = Status::Failed;
        QString secret;
        QString message; // for a person; never contains the secret
        bool ok() const { return status == Status::Ok; }
    };

    virtual ~SecretStore() = default;
    virtual Result read(const QString &key) = 0;
    virtual Result write(const QString &key, const QString &secret) = 0;
    virtual Result remove(const QString &key) = 0;
    // Whether storing would work right now; message explains why not.
    virtual Result probe() = 0;

    // The key under which a connection profile's password is kept.
    static QString keyForProfile(const QString &profileName);
    // The key for the profile's SSH password or key passphrase (whichever its SSH settings use).
    static QString keyForSsh(const QString &profileName);
    static QString unavailableText();
};
