#pragma once

#include "GridModel.h"
#include "schema/IdentityLookup.h"
#include "TokenOwners.h"

#include <QSet>

// trongate_tokens: the token (masked unless revealed), its user (code, level and the person in the
// application tables), its expiry as local time and as time left, its status under Trongate's rules
// (orphans included and marked, never hidden) and its code.
class TokensModel final : public GridModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        TokenColumn,
        UserColumn,
        IdentityColumn,
        ExpiryColumn,
        ExpiresInColumn,
        StatusColumn,
        CodeColumn,
        ColumnCount
    };

    explicit TokensModel(QSqlDatabase db, Clock clock, QObject *parent = nullptr);
    ~TokensModel() override { detachFromWorker(); }

    // The first 6 characters and an ellipsis: enough to recognise, too little to use.
    static QString mask(const QString &token);
    void setRevealed(const QList<qint64> &ids, bool revealed);
    bool isRevealed(qint64 id) const { return m_revealed.contains(id); }
    QString tokenAt(int row) const; // the whole token, for Copy
    int addToken(qint64 userId, qint64 expiry);
    static QString validateExpiry(qint64 expiry);
    static QString validateCode(const QString &code);
    QString exportText(const Row &row, int column, bool includeSecrets) const override;
    QStringList filterChoices(int column) const override;

protected:
    QString tableName() const override;
    QStringList baseColumns() const override;
    QList<ColumnSpec> columnSpecs() const override;
    QVariant cellData(const Row &row, const QVariantList &values, int column, int role) const override;
    TwinMaker twinMaker() const override;
    QString convertEdit(int column, const QVariant &input, qint64 id, QVariant *stored) const override;
    QStringList extraFilterClauses(
        const QSqlDatabase &db, const QString &text, int column, QVariantList *values) const override;
    void enrich(const QSqlDatabase &db, QList<Row> &rows) const override;
    // Who each token's user is (the application's tables): the first screen shows the rows with
    // their users and levels, this column says "…" for a statement more.
    bool hasLaterLookups() const override { return true; }
    void enrichLater(const QSqlDatabase &db, QList<Row> &rows) const override;
    QStringList alongColumns(const QSqlDatabase &db) const override;
    void takeAlong(Row &row, const QVariantList &values) const override;
    // What a row shows of its user: the user's code, level and who they are, or that a row is missing.
    void setOwner(Row &row, bool userExists, const QString &code, qint64 level, const QVariant &levelTitle,
        const QString &identity) const;
    QString validateRow(const QVariantList &values) const override;
    QVariantList duplicateValues(const QVariantList &values) const override;

private:
    // Status, Time left and Expires filter on what they show (not on the stored number).
    QStringList displayedFilterClauses(const QString &text, int column, QVariantList *values) const;

    IdentityLookup m_identities;
    TokenOwners m_owners;
    QSet<qint64> m_revealed;
    // The users a text filter matched, looked up once per filter rather than per page.
};
