#include "schema/AccountPrivileges.h"

#include "sql/Dialect.h"
#include "schema/TrongateSchema.h"


namespace {
const QString Tokens = QStringLiteral("trongate_tokens");
const QString Users = QStringLiteral("trongate_users");
const QString Levels = QStringLiteral("trongate_user_levels");
} // namespace

AccountPrivileges AccountPrivileges::unrestricted()
{
    AccountPrivileges a;
    for (const QString &t : TrongateSchema::tableNames())
        a.m_tables.insert(t.toLower(), { true, true, true, true });
    return a;
}

TablePrivileges AccountPrivileges::table(const QString &name) const
{
    return m_tables.value(name.toLower());
}

bool AccountPrivileges::canRevokeTokens() const
{
    const TablePrivileges t = table(Tokens);
    return t.select && t.del;
}

bool AccountPrivileges::canIssueTokens() const
{
    const TablePrivileges t = table(Tokens);
    return t.select && t.insert && table(Users).select;
}

bool AccountPrivileges::canChangeTokens() const
{
    const TablePrivileges t = table(Tokens);
    return t.select && t.update;
}

bool AccountPrivileges::readOnly() const
{
    for (const QString &name : TrongateSchema::tableNames()) {
        const TablePrivileges t = table(name);
        if (t.insert || t.update || t.del)
            return false;
    }
    return true;
}

QString AccountPrivileges::summary() const
{
    bool everything = true;
    bool readsAll = true;
    QStringList parts;
    for (const QString &name : TrongateSchema::tableNames()) {
        const TablePrivileges t = table(name);
        everything = everything && t.all();
        readsAll = readsAll && t.select;
        QStringList p;
        if (t.select)
            p << QStringLiteral("SELECT");
        if (t.insert)
            p << QStringLiteral("INSERT");
        if (t.update)
            p << QStringLiteral("UPDATE");
        if (t.del)
            p << QStringLiteral("DELETE");
        parts << QStringLiteral("%1: %2").arg(name, p.isEmpty() ? tr("nothing") : p.join(QStringLiteral(", ")));
    }
    if (everything)
        return tr("This account may read and change all three Trongate tables.");
    if (readOnly() && readsAll)
        return tr("Read-only account: it may read the Trongate tables but change nothing.");
    return tr("Limited account (%1).").arg(parts.join(QStringLiteral("; ")));
}

std::optional<AccountPrivileges> AccountPrivileges::read(
    const QSqlDatabase &db, QString *error, const QList<QVariantList> *readAlready)
{
    auto fail = [error](const QString &why) -> std::optional<AccountPrivileges> {
        if (error)
            *error = tr("The account's privileges could not be read: %1").arg(why);
        return std::nullopt;
    };
    if (!db.isOpen())
        return fail(tr("the database is not open."));

    AccountPrivileges a;
    for (const QString &t : TrongateSchema::tableNames())
        a.m_tables.insert(t.toLower(), {});
    QString why;
    if (!Dialect::of(db).readPrivileges(db, a.m_tables, &a.m_account, &why, readAlready))
        return fail(why);
    return a;
}
