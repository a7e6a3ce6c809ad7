#include "LevelsPage.h"

#include "GuardedDelegate.h"
#include "LevelsModel.h"
#include "Prompter.h"

#include <QAction>
#include <QHeaderView>
#include <QTableView>

LevelsPage::LevelsPage(Prompter &prompter, QWidget *parent)
    : GridPage(QStringLiteral("levels"), prompter, parent)
{
    setObjectName(QStringLiteral("LevelsPage"));
    QAction *revoke = addPageAction(tr("Re&voke all tokens of the level"), QKeySequence(Qt::SHIFT | Qt::Key_Delete),
        QStringLiteral("revokeLevelAction"));
    revoke->setToolTip(tr("Delete every token of every user with the selected level now (asks first)"));
    connect(revoke, &QAction::triggered, this, [this] {
        for (int row : selectedRows())
            if (const qint64 id = levels()->idAt(row); id > 0)
                emit revokeAllRequested(id, levels()->value(row, QStringLiteral("level_title")).toString());
    });
}

LevelsModel *LevelsPage::levels() const
{
    return static_cast<LevelsModel *>(model());
}

GridModel *LevelsPage::createModel(const QSqlDatabase &db, GridModel::Clock clock)
{
    return new LevelsModel(db, std::move(clock), this);
}

void LevelsPage::configureView()
{
    cellDelegate()->setCheck([this](const QModelIndex &index, const QVariant &value) {
        return index.column() != LevelsModel::TitleColumn || acceptTitle(index.row(), value.toString().trimmed());
    });
    view()->setColumnWidth(LevelsModel::IdColumn, 70);
    view()->setColumnWidth(LevelsModel::TitleColumn, 320);
}

bool LevelsPage::acceptTitle(int row, const QString &title)
{
    // Trongate tells levels apart by id, but people pick them by title: two "editor" levels are a
    // trap. Titles compare as MySQL's utf8mb4_general_ci does, without regard to case.
    for (int r = 0; r < levels()->rowCount() && r < 1000; ++r) {
        if (r == row || levels()->rowState(r) == GridModel::RowState::Deleted)
            continue;
        if (levels()->value(r, QStringLiteral("level_title")).toString().compare(title, Qt::CaseInsensitive) != 0)
            continue;
        const qint64 id = levels()->idAt(r);
        const QString other = id > 0 ? tr("Level %1").arg(id) : tr("An unsaved new level");
        return prompter().confirm(this, tr("Duplicate level title"),
            tr("%1 is already called \"%2\". Users and administrators would not be able to tell the two levels "
               "apart. Use the same title twice?")
                .arg(other, title),
            tr("Use it twice"));
    }
    return true;
}

void LevelsPage::addRow()
{
    const int row = levels()->addLevel();
    view()->setCurrentIndex(levels()->index(row, LevelsModel::TitleColumn));
    view()->edit(levels()->index(row, LevelsModel::TitleColumn));
}

void LevelsPage::deleteSelected()
{
    QList<int> rows;
    for (int row : selectedRows()) {
        const qint64 id = levels()->idAt(row);
        const bool undelete = levels()->rowState(row) == GridModel::RowState::Deleted;
        const qint64 users = id > 0 && !undelete ? levels()->usersOfLevel(id) : 0;
        if (users > 0) {
            // A level in use: offer to move its users first, in the same transaction as the delete.
            QList<QPair<qint64, QString>> targets;
            for (int r = 0; r < levels()->rowCount() && r < 1000; ++r) {
                const qint64 other = levels()->idAt(r);
                if (other > 0 && other != id && levels()->rowState(r) != GridModel::RowState::Deleted)
                    targets << qMakePair(other, levels()->value(r, QStringLiteral("level_title")).toString());
            }
            QStringList options;
            for (const auto &[tid, title] : targets)
                options << tr("Move them to \"%1\"").arg(title);
            const QString title = levels()->value(row, QStringLiteral("level_title")).toString();
            const int choice = prompter().choose(this, tr("Level in use"),
                tr("The level \"%1\" is used by %n user(s); Trongate would no longer recognise their level. Move them "
                   "to another level first (when you save), or keep the level.",
                    nullptr, int(users))
                    .arg(title),
                options, 0);
            if (choice < 0) {
                showMessage(tr("Level \"%1\" kept: %n user(s) still have it.", nullptr, int(users)).arg(title), true);
                continue;
            }
            levels()->setMoveTarget(id, targets.at(choice).first);
        }
        rows << row;
    }
    if (!rows.isEmpty())
        levels()->markDeleted(rows);
}
