#pragma once

#include "connection/ConnectionProfile.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

// The embedded demo: Trongate's tables plus two application tables linked by trongate_user_id,
// filled with realistic rows whose token expiries spread from days ago into the coming days.
class DemoDatabase final {
    Q_DECLARE_TR_FUNCTIONS(DemoDatabase)

public:
    struct Options {
        int users = 300;
        int tokens = 700;
        qint64 now = 0; // Unix time the expiries are spread around; 0 = the current time
        quint32 seed = 0; // for names and the spread; 0 = random. Token strings always come from the CSPRNG.
    };
    struct Summary {
        bool seeded = false; // false: the database held data already and was left alone
        int levels = 0;
        int users = 0;
        int tokens = 0;
        int administrators = 0;
        int members = 0;
    };

    static QString defaultPath(); // in the user's data directory
    static ConnectionProfile profile(const QString &path = defaultPath());
    static QString profileName();

    // Fills the database if trongate_user_levels is missing or empty, creating the tables that are
    // missing first. A database with user levels is left alone: no rows and no tables are added.
    // Runs in one transaction: on failure nothing is left half-written.
    static bool ensureSeeded(QSqlDatabase db, const Options &options, Summary *summary, QString *error);
    // Removes the file and creates it anew. The caller closes its connections first.
    static bool resetFile(const QString &path, QString *error);

    static QStringList applicationTableStatements(DriverKind dialect);
    // The demo's expiries were spread around the time it was made. Opened hours or days later it
    // would show only expired tokens, so the demo's own rows move forward by the time that has passed:
    // the live view stays alive. Tokens the person issued or changed (their expiry is not the one the
    // demo gave them, recorded in tgadmin_demo_tokens) are never moved. Only for the demo file.
    static bool keepAlive(QSqlDatabase db, qint64 now, QString *error);
};
