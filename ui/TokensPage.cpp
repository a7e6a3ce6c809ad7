#include "TokensPage.h"

#include "SecretClipboard.h"

#include "DateTimeDelegate.h"
#include "Prompter.h"
#include "ExpiryText.h"
#include "TokensModel.h"
#include "UserDelegate.h"
#include "UserPickerDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

TokensPage::TokensPage(Prompter &prompter, QWidget *parent)
    : GridPage(QStringLiteral("tokens"), prompter, parent)
{
    setObjectName(QStringLiteral("TokensPage"));
    toolBar()->addSeparator();
    // Shift+Del deletes at once, as file managers do; Del only marks rows for the next Save.
    QAction *revokeNow
        = addPageAction(tr("Revoke &now"), QKeySequence(Qt::SHIFT | Qt::Key_Delete), QStringLiteral("revokeNowAction"));
    revokeNow->setToolTip(tr("Delete the selected tokens at once (asks first), without waiting for Save"));
    QAction *extend = addPageAction(
        tr("E&xtend 24 h"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), QStringLiteral("extendAction"));
    extend->setToolTip(tr("Give the selected tokens a new expiry 24 hours from now (asks first)"));
    QAction *regenerate
        = addPageAction(tr("Re&generate"), QKeySequence(Qt::CTRL | Qt::Key_G), QStringLiteral("regenerateAction"));
    regenerate->setToolTip(tr("New token strings and expiries for the selected tokens, as regenerate_token does"));
    toolBar()->addSeparator();
    QAction *reveal = addPageAction(tr("Re&veal"), QKeySequence(Qt::CTRL | Qt::Key_R), QStringLiteral("revealAction"));
    reveal->setToolTip(tr("Show or mask the whole token of the selected rows (Ctrl+R)"));
    QAction *copy = addPageAction(
        tr("&Copy token"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), QStringLiteral("copyAction"));
    copy->setToolTip(tr("Copy the whole token; the clipboard is cleared after 30 s (Ctrl+Shift+C)"));
    QAction *header = addPageAction(
        tr("Copy as &header"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), QStringLiteral("copyHeaderAction"));
    header->setToolTip(tr("Copy \"trongateToken: …\" for an HTTP request"));
    // Copy as header stays off the tool bar so the token actions fit beside the others at the
    // window's opening size; it is in the grid's context menu and on Ctrl+Shift+H.
    toolBar()->removeAction(header);
    m_revokeNow = revokeNow;
    m_extend = extend;
    m_regenerate = regenerate;
    connect(revokeNow, &QAction::triggered, this, [this] { emit revokeRequested(selectedIds()); });
    connect(extend, &QAction::triggered, this, [this] { emit extendRequested(selectedIds()); });
    connect(regenerate, &QAction::triggered, this, [this] { emit regenerateRequested(selectedIds()); });
    connect(reveal, &QAction::triggered, this, &TokensPage::toggleReveal);
    connect(copy, &QAction::triggered, this, [this] { copyToken(false); });
    connect(header, &QAction::triggered, this, [this] { copyToken(true); });
}

TokensModel *TokensPage::tokens() const
{
    return static_cast<TokensModel *>(model());
}

GridModel *TokensPage::createModel(const QSqlDatabase &db, GridModel::Clock clock)
{
    return new TokensModel(db, std::move(clock), this);
}

void TokensPage::configureView()
{
    auto *users = new UserDelegate(view());
    view()->setItemDelegateForColumn(TokensModel::UserColumn, users);
    auto *expiry = new DateTimeDelegate(view());
    // The issue dialog refuses a past expiry; here it may be meant (to end a token now), so ask.
    expiry->setCheck([this](const QDateTime &when) {
        if (when.toSecsSinceEpoch() > tokens()->now())
            return true;
        return prompter().confirm(this, tr("Expiry in the past"),
            tr("%1 is in the past: the token stops working as soon as you save, and Trongate's next clean-up "
               "deletes it. Set this expiry anyway?")
                .arg(QLocale().toString(when, QLocale::ShortFormat)),
            tr("Set past expiry"));
    });
    view()->setItemDelegateForColumn(TokensModel::ExpiryColumn, expiry);
    connect(users, &UserDelegate::pickRequested, this, [this](const QModelIndex &index) {
        const qint64 user = pickUser();
        if (user > 0)
            model()->setData(index, user);
    });
    view()->setColumnWidth(TokensModel::IdColumn, 70);
    view()->setColumnWidth(TokensModel::TokenColumn, 90);
    view()->setColumnWidth(TokensModel::UserColumn, 190);
    view()->setColumnWidth(TokensModel::IdentityColumn, 250);
    view()->setColumnWidth(TokensModel::ExpiryColumn, 150);
    // Wide enough for the longest time left and status in the language shown ("vor 23 Std. 59 Min.").
    const QFontMetrics fm(view()->font());
    auto widest = [&fm](const QStringList &texts) {
        int w = 0;
        for (const QString &t : texts)
            w = std::max(w, fm.horizontalAdvance(t));
        return w + 16;
    };
    const qint64 now = 2'000'000'000;
    QStringList left;
    for (qint64 d : { 59, 3599, 86399, 2 * 86400 - 1, 999 * 86400 })
        left << ExpiryText::relative(now + d, now) << ExpiryText::relative(now - d, now);
    QStringList status;
    for (auto s : { ExpiryText::Status::Valid, ExpiryText::Status::Expired, ExpiryText::Status::ExpiresNow,
             ExpiryText::Status::NoExpiry })
        status << TokensModel::tr("%1 · orphan").arg(ExpiryText::statusText(s));
    view()->setColumnWidth(TokensModel::ExpiresInColumn, std::max(110, widest(left)));
    view()->setColumnWidth(TokensModel::StatusColumn, std::max(110, widest(status)));
}

qint64 TokensPage::pickUser()
{
    if (m_picker)
        return m_picker();
    UserPickerDialog dialog(model()->database(), model()->worker(), this);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedUserId() : 0;
}

void TokensPage::addRow()
{
    const qint64 user = pickUser();
    if (user <= 0)
        return;
    const int row = tokens()->addToken(user, tokens()->now() + 86400);
    if (row >= 0)
        view()->setCurrentIndex(tokens()->index(row, TokensModel::ExpiryColumn));
}

QList<qint64> TokensPage::selectedIds() const
{
    QList<qint64> ids;
    if (!model())
        return ids;
    for (int row : selectedRows())
        if (const qint64 id = model()->idAt(row); id > 0)
            ids << id;
    return ids;
}

void TokensPage::toggleReveal()
{
    QList<qint64> ids;
    bool reveal = false;
    for (int row : selectedRows()) {
        ids << tokens()->idAt(row);
        reveal = reveal || !tokens()->isRevealed(ids.last());
    }
    tokens()->setRevealed(ids, reveal);
}

void TokensPage::copyToken(bool asHeader)
{
    const QModelIndex current = view()->currentIndex();
    if (!current.isValid())
        return;
    const QString token = tokens()->tokenAt(current.row());
    const QString text = asHeader ? QStringLiteral("trongateToken: ") + token : token;
    SecretClipboard::copy(text, m_clipboardSeconds);
    showMessage(
        tr("Copied. The clipboard is cleared in %1 s if it still holds the token.").arg(m_clipboardSeconds), false);
}

void TokensPage::setTokenPermissions(bool revoke, bool change)
{
    m_revokeNow->setEnabled(revoke);
    m_extend->setEnabled(change);
    m_regenerate->setEnabled(change);
}
