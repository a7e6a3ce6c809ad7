#include "BenchSupport.h"

#include "connection/ConnectionProfile.h"
#include "connection/Connector.h"
#include "sql/SqlDialect.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>

namespace Bench {

void report(const QJsonObject &o)
{
    QTextStream out(stdout);
    out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
}

void die(const QString &why)
{
    QTextStream err(stderr);
    err << "tgadmin_bench: " << why << '\n';
    err.flush();
    std::exit(2);
}

double seconds(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e9;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

Memory memory()
{
    Memory m;
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return m;
    // Lines look like "VmHWM:\t  123456 kB".
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() < 2)
            continue;
        if (parts.at(0) == "VmRSS:")
            m.rssKib = parts.at(1).toLongLong();
        else if (parts.at(0) == "VmHWM:")
            m.peakKib = parts.at(1).toLongLong();
    }
    return m;
}

QSqlDatabase open(const QString &url, const QString &connectionName)
{
    QString error;
    const auto profile = ConnectionProfile::fromUrl(url, &error);
    if (!profile)
        die(error);
    const ConnectResult r = Connector::open(*profile, qEnvironmentVariable("TRONGATE_DB_PASSWORD"), connectionName);
    if (!r.ok())
        die(r.message + QLatin1Char(' ') + r.detail);
    return QSqlDatabase::database(connectionName, false);
}

QString backendOf(const QSqlDatabase &db)
{
    return Sql::kindOf(db) == DriverKind::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("mariadb");
}

qint64 serverRowReads(const QSqlDatabase &db)
{
    if (Sql::kindOf(db) != DriverKind::MySql)
        return -1;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Handler_read%'")))
        return -1;
    qint64 sum = 0;
    while (q.next())
        sum += q.value(1).toLongLong();
    return sum;
}

} // namespace Bench
