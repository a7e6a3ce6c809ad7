#include "connection/SecretStore.h"

QString SecretStore::keyForProfile(const QString &profileName)
{
    return QStringLiteral("connection/") + profileName;
}

QString SecretStore::keyForSsh(const QString &profileName)
{
    return QStringLiteral("ssh/") + profileName;
}

QString SecretStore::unavailableText()
{
    return tr("No keychain is available on this desktop (no Secret Service such as GNOME Keyring or KWallet "
              "is running, or it is locked). The password will be asked for each time you connect; it is "
              "never stored anywhere else.");
}
