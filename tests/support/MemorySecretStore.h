#pragma once

#include "connection/SecretStore.h"

#include <QHash>

// A keychain for tests: a map, or (available = false) a desktop without any keychain.
class MemorySecretStore final : public SecretStore {
public:
    bool available = true;
    QHash<QString, QString> entries;
    int writes = 0;

    Result read(const QString &key) override
    {
        if (!available)
            return { Status::Unavailable, {}, unavailableText() };
        if (!entries.contains(key))
            return { Status::NotFound, {}, QStringLiteral("not found") };
        return { Status::Ok, entries.value(key), {} };
    }
    Result write(const QString &key, const QString &secret) override
    {
        if (!available)
            return { Status::Unavailable, {}, unavailableText() };
        ++writes;
        entries.insert(key, secret);
        return { Status::Ok, {}, {} };
    }
    Result remove(const QString &key) override
    {
        if (!available)
            return { Status::Unavailable, {}, unavailableText() };
        entries.remove(key);
        return { Status::Ok, {}, {} };
    }
    Result probe() override
    {
        return available ? Result { Status::Ok, {}, {} } : Result { Status::Unavailable, {}, unavailableText() };
    }
};
