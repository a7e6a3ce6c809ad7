#include "UsersPage.h"

#include "CodeDelegate.h"
#include "LevelDelegate.h"
#include "Prompter.h"
#include "UsersModel.h"

#include <QAction>
#include <QHeaderView>
#include <QTableView>

UsersPage::UsersPage(Prompter &prompter, QWidget *parent)
    : GridPage(QStringLiteral("users"), prompter, parent)
{
    setObjectName(QStringLiteral("UsersPage"));
    QAction *issue = addPageAction(tr("&Issue tokens…"), QKeySequence(), QStringLiteral("issueAction"));
    issue->setToolTip(tr("Issue tokens for the selected users, one set each (Ctrl+T)"));
    connect(issue, &QAction::triggered, this, [this] { emit issueRequested(selectedUserIds()); });
    QAction *revoke = addPageAction(
        tr("Re&voke all tokens"), QKeySequence(Qt::SHIFT | Qt::Key_Delete), QStringLiteral("revokeUserAction"));
    revoke->setToolTip(tr("Delete every token of the selected user now, as support staff do when a person leaves"));
    connect(revoke, &QAction::triggered, this, [this] {
        for (qint64 id : selectedUserIds())
            emit revokeAllRequested(id);
    });
}

QList<qint64> UsersPage::selectedUserIds() const
{
    QList<qint64> ids;
    if (!model())
        return ids;
    for (int row : selectedRows())
        if (const qint64 id = model()->idAt(row); id > 0)
            ids << id;
    return ids;
}

UsersModel *UsersPage::users() const
{
    return static_cast<UsersModel *>(model());
}

GridModel *UsersPage::createModel(const QSqlDatabase &db, GridModel::Clock clock)
{
    return new UsersModel(db, std::move(clock), this);
}

void UsersPage::configureView()
{
    view()->setItemDelegateForColumn(UsersModel::CodeColumn, new CodeDelegate(view()));
    UsersModel *m = users();
    view()->setItemDelegateForColumn(UsersModel::LevelColumn, new LevelDelegate([m] { return m->levels(); }, view()));
    view()->setColumnWidth(UsersModel::IdColumn, 70);
    view()->setColumnWidth(UsersModel::CodeColumn, 285);
    view()->setColumnWidth(UsersModel::LevelColumn, 130);
    view()->setColumnWidth(UsersModel::IdentityColumn, 300);
    view()->setColumnWidth(UsersModel::TokensColumn, 70);
}

void UsersPage::addRow()
{
    // A new user gets the level with the fewest rights, never silently admin; the level cell is
    // current so the person sees it and can change it at once.
    const int row = users()->addUser(users()->leastPrivilegedLevel());
    if (row >= 0)
        view()->setCurrentIndex(users()->index(row, UsersModel::LevelColumn));
}

void UsersPage::deleteSelected()
{
    const QList<int> rows = selectedRows();
    QList<qint64> ids;
    for (int row : rows)
        if (users()->idAt(row) > 0 && users()->rowState(row) != GridModel::RowState::Deleted)
            ids << users()->idAt(row);
    if (!ids.isEmpty()) {
        const int choice = prompter().choose(this, tr("Delete users"),
            tr("Delete %n user(s) when you save. Their tokens would stay valid as orphans; Trongate's documentation "
               "advises deleting them too.",
                nullptr, int(ids.size())),
            { tr("Delete their tokens too"), tr("Keep their tokens") }, 0);
        if (choice < 0)
            return;
        users()->setDeleteTokensWithUsers(ids, choice == 0);
    }
    users()->markDeleted(rows);
}
