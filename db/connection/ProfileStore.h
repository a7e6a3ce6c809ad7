#pragma once

#include "connection/ConnectionProfile.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStringList>

#include <optional>

// Connection profiles in QSettings, without their passwords (those go to a SecretStore).
// A profile is validated completely before the first key is written, so nothing is half-saved.
class ProfileStore final {
    Q_DECLARE_TR_FUNCTIONS(ProfileStore)

public:
    explicit ProfileStore(QSettings &settings);

    QStringList names() const;
    bool contains(const QString &name) const;
    std::optional<ConnectionProfile> load(const QString &name) const;
    // Returns the reasons it refused; empty on success. previousName renames the profile.
    QStringList save(const ConnectionProfile &profile, const QString &previousName = {});
    void remove(const QString &name);

private:
    static QString group(const QString &name);
    QSettings &m_settings;
};
