#include "MainWindow.h"

#include "connection/DbWorker.h"

#include "schema/AccountPrivileges.h"
#include "SecretClipboard.h"
#include "ActivityPage.h"
#include "AppSettings.h"
#include "audit/AuditLog.h"
#include "ConnectionController.h"
#include "ConnectionDialog.h"
#include "connection/DatabaseSession.h"
#include "schema/DemoDatabase.h"
#include "ExpiryPage.h"
#include "GridPage.h"
#include "InspectorDialog.h"
#include "IssueTokenDialog.h"
#include "LevelsPage.h"
#include "OverviewPage.h"
#include "connection/ProfileStore.h"
#include "Prompter.h"
#include "RelationsPage.h"
#include "SchemaReportDialog.h"
#include "sql/SqlDialect.h"
#include "Theme.h"
#include "TokenActions.h"
#include "TokensPage.h"
#include "UsersPage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QPointer>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

// An icon from the desktop's theme when it has one of these names, else our bundled drawing.
static QIcon themedIcon(const QStringList &names, const QString &fallback)
{
    for (const QString &n : names)
        if (QIcon::hasThemeIcon(n))
            return QIcon::fromTheme(n);
    return QIcon(fallback);
}

static void initUiResources()
{
    // The icons are compiled into this static library; its resources must be registered by hand.
    Q_INIT_RESOURCE(resources);
}

MainWindow::MainWindow(ConnectionController &connections, AppSettings &settings, AuditLog *audit, QWidget *parent)
    : QMainWindow(parent)
    , m_connections(connections)
    , m_settings(settings)
{
    if (!audit) {
        m_ownAudit = std::make_unique<AuditLog>(AuditLog::defaultPath());
        audit = m_ownAudit.get();
    }
    m_audit = audit;
    m_actions = new TokenActions(
        m_connections.session(), m_connections.prompter(), *m_audit, [] { return QDateTime::currentSecsSinceEpoch(); },
        this);
    initUiResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/trongate-admin.svg")));
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_nav = new QListWidget(splitter);
    m_nav->setObjectName(QStringLiteral("pageList"));
    m_nav->setIconSize(QSize(22, 22));
    m_nav->setMinimumWidth(150);
    m_nav->setFrameShape(QFrame::NoFrame);
    m_stack = new QStackedWidget(splitter);
    splitter->addWidget(m_nav);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 190, 1000 });
    splitter->setCollapsible(1, false);
    setCentralWidget(splitter);

    m_overview = new OverviewPage(m_connections.session(), m_stack);
    addPage(QStringLiteral("overview"), tr("Overview"), style()->standardIcon(QStyle::SP_ComputerIcon), m_overview);
    connect(m_overview, &OverviewPage::verifyRequested, this, [this] { verifySchema(true); });
    connect(m_overview, &OverviewPage::installRequested, this, &MainWindow::installSchema);
    auto *levels = new LevelsPage(m_connections.prompter(), m_stack);
    auto *users = new UsersPage(m_connections.prompter(), m_stack);
    auto *tokens = new TokensPage(m_connections.prompter(), m_stack);
    addPage(QStringLiteral("levels"), tr("Levels"), style()->standardIcon(QStyle::SP_FileDialogListView), levels);
    addPage(QStringLiteral("users"), tr("Users"), style()->standardIcon(QStyle::SP_DirHomeIcon), users);
    addPage(QStringLiteral("tokens"), tr("Tokens"),
        themedIcon({ QStringLiteral("dialog-password"), QStringLiteral("password") },
            QStringLiteral(":/icons/token-key.svg")),
        tokens);
    m_grids = { levels, users, tokens };
    m_relations = new RelationsPage(m_connections.prompter(), m_settings, m_stack);
    addPage(QStringLiteral("relations"), tr("Relations"),
        themedIcon({ QStringLiteral("distribute-graph-directed"), QStringLiteral("network-workgroup") },
            QStringLiteral(":/icons/relations-diagram.svg")),
        m_relations);
    connect(m_relations, &RelationsPage::tableOpenRequested, this, [this](const QString &t) { openTable(t); });
    connect(m_relations, &RelationsPage::orphansRequested, this, [this](const SchemaGraph::Relation &r) {
        openTable(r.childTable,
            tr("Orphans of %1.%2: rows whose %3 row is missing").arg(r.childTable, r.childColumn, r.parentTable),
            SchemaGraph::orphanCondition(m_connections.session().database(), r));
    });
    connect(m_relations, &RelationsPage::schemaChanged, this, [this](const QString &id, const QStringList &statements) {
        m_actions->record(QStringLiteral("schema"), QString(), {}, int(statements.size()), {}, id);
        m_overview->invalidate();
    });
    m_expiry = new ExpiryPage(m_connections.prompter(), m_settings, m_stack);
    addPage(QStringLiteral("expiry"), tr("Live expiry"), style()->standardIcon(QStyle::SP_BrowserReload), m_expiry);
    connect(m_expiry, &ExpiryPage::doctorRequested, this, [this] {
        showPage(QStringLiteral("relations"));
        m_relations->runDoctor();
    });
    connect(m_expiry, &ExpiryPage::inspectRequested, this, &MainWindow::inspectToken);
    m_activity = new ActivityPage(*m_audit, m_stack);
    addPage(QStringLiteral("activity"), tr("Activity"), style()->standardIcon(QStyle::SP_FileDialogContentsView),
        m_activity);
    connect(users, &UsersPage::issueRequested, this, &MainWindow::issueTokens);
    connect(users, &UsersPage::revokeAllRequested, this, [this](qint64 id) { m_actions->revokeUser(this, id); });
    connect(levels, &LevelsPage::revokeAllRequested, this,
        [this](qint64 id, const QString &title) { m_actions->revokeLevel(this, id, title); });
    tokens->setClipboardClearSeconds(
        m_settings.raw().value(QStringLiteral("tokens/clipboardClearSeconds"), 30).toInt());
    connect(
        tokens, &TokensPage::revokeRequested, this, [this](const QList<qint64> &ids) { m_actions->revoke(this, ids); });
    connect(tokens, &TokensPage::extendRequested, this,
        [this](const QList<qint64> &ids) { m_actions->extend(this, ids, 86400); });
    connect(tokens, &TokensPage::regenerateRequested, this,
        [this](const QList<qint64> &ids) { m_actions->regenerate(this, ids, 86400); });
    for (GridPage *g : std::as_const(m_grids))
        connect(g, &GridPage::saved, this, [this](const QString &page, int rows) {
            const QHash<QString, QString> tables = { { QStringLiteral("levels"), TrongateSchema::Levels },
                { QStringLiteral("users"), TrongateSchema::Users },
                { QStringLiteral("tokens"), TrongateSchema::Tokens } };
            m_actions->record(QStringLiteral("edit"), tables.value(page), {}, rows);
        });
    connect(m_actions, &TokenActions::changed, this, [this](const QString &message) {
        statusBar()->showMessage(message, 10000);
        // Every count the console shows is the new one after its own action, wherever it is shown.
        m_overview->invalidate();
        m_relations->invalidate();
        for (const QString &name : { QStringLiteral("tokens"), QStringLiteral("users"), QStringLiteral("levels") })
            if (GridPage *grid = gridPage(name); grid && grid->model() && !grid->hasPendingChanges())
                grid->model()->refresh();
        if (m_activity->isVisible())
            m_activity->refresh();
    });
    connect(m_actions, &TokenActions::failed, this,
        [this](const QString &message) { m_connections.prompter().warn(this, tr("Tokens"), message); });
    for (GridPage *g : std::as_const(m_grids))
        connect(g, &GridPage::pendingChanged, this, &MainWindow::updateModified);
    connect(m_nav, &QListWidget::currentRowChanged, this, &MainWindow::onPageRequested);

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    // A long file path must not set the window's least width: the label gives way (the File menu
    // and the window title name the connection too).
    m_connectionLabel->setMinimumWidth(160);
    statusBar()->addPermanentWidget(m_connectionLabel);
    // Auto-purge deletes rows on its own: wherever the person is in the window, it says so.
    m_autoPurgeLabel = new QLabel(this);
    m_autoPurgeLabel->setObjectName(QStringLiteral("autoPurgeIndicator"));
    m_autoPurgeLabel->setHidden(true);
    statusBar()->addPermanentWidget(m_autoPurgeLabel);
    connect(m_expiry, &ExpiryPage::autoPurgeChanged, this, [this](bool on, int minutes) {
        m_autoPurgeLabel->setText(tr("Auto-purge every %n min is on for this connection", "", minutes));
        m_autoPurgeLabel->setHidden(!on);
    });
    connect(&m_connections, &ConnectionController::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(&m_connections, &ConnectionController::connectionReady, this, &MainWindow::onSessionChanged);
    connect(&m_connections.session(), &DatabaseSession::connecting, this, [this](const QString &where) {
        m_connectionLabel->setText(tr("Connecting to %1…").arg(where));
        m_connectingMessage = tr("Connecting to %1… The window stays usable meanwhile.").arg(where);
        statusBar()->showMessage(m_connectingMessage, 30000);
    });
    // Once the attempt has ended, its "Connecting to …" is no longer true.
    const auto dropConnectingMessage = [this] {
        if (!m_connectingMessage.isEmpty() && statusBar()->currentMessage() == m_connectingMessage)
            statusBar()->clearMessage();
        m_connectingMessage.clear();
    };
    connect(&m_connections, &ConnectionController::connectionReady, this, dropConnectingMessage);
    connect(&m_connections, &ConnectionController::connectFailed, this, dropConnectingMessage);
    connect(&m_connections, &ConnectionController::connectFailed, this, [this](const QString &why) {
        DatabaseSession &s = m_connections.session();
        m_connectionLabel->setText(s.isOpen() ? tr("Connected to %1").arg(s.profile().displayName())
                                              : tr("Not connected"));
        m_connectionLabel->setToolTip(why);
    });
    connect(&m_connections.session(), &DatabaseSession::closed, this, &MainWindow::onSessionChanged);
    connect(&m_connections.session(), &DatabaseSession::connectionLost, this, [this](const QString &why) {
        m_connectionLabel->setText(tr("⚠ Connection lost — retrying every 5 s; unsaved edits are kept"));
        m_connectionLabel->setToolTip(why);
        statusBar()->showMessage(why, 15000);
    });
    connect(&m_connections.session(), &DatabaseSession::connectionRestored, this, [this] {
        // The same named connection is open again: models keep their edits, nothing is reloaded.
        m_connectionLabel->setToolTip(QString());
        const DatabaseSession &s = m_connections.session();
        m_connectionLabel->setText(s.info().node.isEmpty()
                ? tr("Connected to %1").arg(s.profile().displayName())
                : tr("Connected to %1, node %2").arg(s.profile().displayName(), s.info().node));
        statusBar()->showMessage(s.info().node.isEmpty()
                ? tr("Reconnected. Unsaved edits can be saved now.")
                : tr("Reconnected, now to node %1. Unsaved edits can be saved now.").arg(s.info().node),
            10000);
        m_overview->invalidate();
        // The session's worker went down with the lost connection; the pages read on its successor.
        DatabaseSession &session = m_connections.session();
        for (GridPage *g : std::as_const(m_grids))
            if (g->model())
                g->model()->setWorker(session.worker(), session.countWorker());
        m_relations->setDatabase(session.database(), session.profile().name, session.worker(), {}, session.countWorker());
        m_expiry->setLiveWorker(session.liveWorker());
    });
    auto *watchdog = new QTimer(this);
    watchdog->setInterval(5000);
    connect(watchdog, &QTimer::timeout, this, &MainWindow::checkConnection);
    watchdog->start();

    // The » button of every page's tool bar opens the actions a narrow window cannot show.
    for (QToolBar *bar : findChildren<QToolBar *>())
        if (auto *more = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
            more->setAccessibleName(tr("More actions"));
    buildMenus();
    m_nav->setCurrentRow(0);
    m_currentRow = 0;
    resize(1100, 720);
    onSessionChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(const QString &name, const QString &title, const QIcon &icon, QWidget *page)
{
    auto *item = new QListWidgetItem(icon, title, m_nav);
    item->setData(Qt::UserRole, name);
    item->setSizeHint(QSize(0, 34));
    m_stack->addWidget(page);
    m_pageNames << name;
}

QStringList MainWindow::pageNames() const
{
    return m_pageNames;
}

bool MainWindow::showPage(const QString &name)
{
    const int i = int(m_pageNames.indexOf(name));
    if (i < 0)
        return false;
    m_nav->setCurrentRow(i);
    return true;
}

QString MainWindow::currentPage() const
{
    const int i = m_nav->currentRow();
    return i >= 0 && i < m_pageNames.size() ? m_pageNames.at(i) : QString();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(style()->standardIcon(QStyle::SP_DriveNetIcon), tr("&Connections…"));
    connectAction->setObjectName(QStringLiteral("connectAction"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(connectAction, &QAction::triggered, this, &MainWindow::manageConnections);
    QAction *demoAction = file->addAction(tr("Open the &demo database"));
    connect(demoAction, &QAction::triggered, this, [this] {
        if (confirmLeaveAll())
            m_connections.openDemoAsync(this, false, {});
    });
    QAction *resetAction = file->addAction(tr("&Reset the demo database…"));
    resetAction->setObjectName(QStringLiteral("resetDemoAction"));
    connect(resetAction, &QAction::triggered, this, &MainWindow::resetDemo);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *database = menuBar()->addMenu(tr("&Database"));
    QAction *verify = database->addAction(tr("&Verify schema…"));
    verify->setObjectName(QStringLiteral("verifyAction"));
    verify->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    connect(verify, &QAction::triggered, this, [this] { verifySchema(true); });
    QAction *install = database->addAction(tr("&Install Trongate's tables…"));
    connect(install, &QAction::triggered, this, &MainWindow::installSchema);
    QAction *refresh = database->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        m_overview->invalidate(); // its statistics scan whole tables: only when it is on screen
        if (auto *g = qobject_cast<GridPage *>(m_stack->currentWidget()); g && g->model())
            g->model()->refresh(); // pending edits are kept
    });

    QMenu *tokens = menuBar()->addMenu(tr("&Tokens"));
    QAction *issue = tokens->addAction(tr("&Issue tokens…"));
    issue->setObjectName(QStringLiteral("issueTokensAction"));
    issue->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_issueAction = issue;
    connect(issue, &QAction::triggered, this, [this] {
        auto *users = qobject_cast<UsersPage *>(gridPage(QStringLiteral("users")));
        issueTokens(users && currentPage() == QLatin1String("users") ? users->selectedUserIds() : QList<qint64>());
    });
    QAction *inspect = tokens->addAction(tr("Token &inspector…"));
    inspect->setObjectName(QStringLiteral("inspectAction"));
    inspect->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(inspect, &QAction::triggered, this, [this] { inspectToken(); });
    QAction *clipboard = tokens->addAction(tr("&Clipboard clearing…"));
    connect(clipboard, &QAction::triggered, this, [this] {
        bool ok = false;
        const int seconds = QInputDialog::getInt(this, tr("Clipboard clearing"),
            tr("Clear a copied token from the clipboard after this many seconds:"),
            m_settings.raw().value(QStringLiteral("tokens/clipboardClearSeconds"), 30).toInt(), 5, 3600, 5, &ok);
        if (ok) {
            m_settings.raw().setValue(QStringLiteral("tokens/clipboardClearSeconds"), seconds);
            if (auto *t = qobject_cast<TokensPage *>(gridPage(QStringLiteral("tokens"))))
                t->setClipboardClearSeconds(seconds);
        }
    });
    QAction *purge = tokens->addAction(tr("&Purge expired tokens…"));
    m_purgeAction = purge;
    connect(purge, &QAction::triggered, this, [this] {
        if (m_connections.session().isOpen())
            m_actions->purge(this, false);
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_pageNames.size(); ++i) {
        QAction *a = view->addAction(m_nav->item(i)->text());
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { m_nav->setCurrentRow(i); });
    }
    view->addSeparator();
    QMenu *language = view->addMenu(tr("&Language"));
    auto *group = new QActionGroup(language);
    const QList<QPair<QString, QString>> languages = { { QString(), tr("System default") },
        { QStringLiteral("en"), QStringLiteral("English") }, { QStringLiteral("de"), QStringLiteral("Deutsch") } };
    for (const auto &[code, label] : languages) {
        QAction *a = language->addAction(label);
        a->setCheckable(true);
        a->setChecked(m_settings.language() == code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { setLanguage(code); });
    }

    QMenu *palette = view->addMenu(tr("&Palette"));
    palette->setObjectName(QStringLiteral("paletteMenu"));
    auto *palettes = new QActionGroup(palette);
    const QList<QPair<Theme::Kind, QString>> themes = { { Theme::Kind::System, tr("&System") },
        { Theme::Kind::Light, tr("&Light") }, { Theme::Kind::Dark, tr("&Dark") } };
    for (const auto &[kind, label] : themes) {
        QAction *a = palette->addAction(label);
        a->setObjectName(QStringLiteral("palette_") + Theme::name(kind));
        a->setCheckable(true);
        a->setChecked(Theme::fromName(m_settings.theme()) == kind);
        palettes->addAction(a);
        connect(a, &QAction::triggered, this, [this, kind = kind] {
            m_settings.setTheme(Theme::name(kind));
            Theme::apply(kind);
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Trongate Admin"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::onSessionChanged()
{
    DatabaseSession &s = m_connections.session();
    const QStringList present = s.isOpen() ? s.facts().trongateTables : QStringList();
    const QStringList tables = { TrongateSchema::Levels, TrongateSchema::Users, TrongateSchema::Tokens };
    for (int i = 0; i < m_grids.size(); ++i) {
        if (!s.isOpen())
            m_grids[i]->clearDatabase(tr("No database is open. Open one with File ▸ Connections… (Ctrl+O)."));
        else if (!present.contains(tables.at(i)))
            m_grids[i]->clearDatabase(tr("This database has no %1 table. Install Trongate's tables from the Overview "
                                         "page first.")
                                          .arg(tables.at(i)));
        else
            m_grids[i]->setDatabase(s.database(), [] { return QDateTime::currentSecsSinceEpoch(); }, s.worker(),
                s.countWorker(), s.facts().rowEstimates.value(tables.at(i)));
    }
    // A database with a big table counts it in the background: its count worker connects now,
    // while the first page is read, so that the count starts at once (and, connected, can be
    // interrupted when the person moves on or quits).
    if (s.isOpen()) {
        const qint64 big = RowEstimate::exactCountBelow();
        for (const RowEstimate &e : s.facts().rowEstimates)
            if (!e.countNow(big)) {
                s.countWorker()->warmUp();
                break;
            }
    }
    if (s.isOpen())
        m_relations->setDatabase(
            s.database(), s.profile().name, s.worker(), AppSettings::connectionKey(s.profile()), s.countWorker());
    else
        m_relations->clearDatabase(tr("No database is open."));
    if (s.isOpen() && present.contains(TrongateSchema::Tokens))
        m_expiry->setDatabase(
            s.database(), m_actions, [] { return QDateTime::currentSecsSinceEpoch(); },
            s.facts().expiryIndexed, AppSettings::connectionKey(s.profile()), s.liveWorker(),
            s.facts().rowEstimates.contains(TrongateSchema::Tokens)
                ? std::optional<RowEstimate>(s.facts().rowEstimates.value(TrongateSchema::Tokens))
                : std::nullopt);
    else
        m_expiry->clearDatabase(tr("No trongate_tokens table in this database."));
    applyPrivileges();
    updateModified();
    if (s.isOpen()) {
        setWindowTitle(tr("%1[*] — Trongate Admin").arg(s.profile().name));
        QString text = s.info().node.isEmpty()
            ? tr("Connected to %1").arg(s.profile().displayName())
            : tr("Connected to %1, node %2").arg(s.profile().displayName(), s.info().node);
        if (!m_privilegeNote.isEmpty())
            text += QStringLiteral(" · ") + m_privilegeNote;
        if (s.profile().isServer())
            text += s.info().tlsActive ? tr(" (TLS)") : tr(" (not encrypted)");
        m_connectionLabel->setText(text);
    } else {
        setWindowTitle(tr("Trongate Admin"));
        m_connectionLabel->setText(tr("Not connected"));
    }
    // Its statistics scan whole tables: read when the page is on screen, not behind another one.
    m_overview->invalidate();
}

GridPage *MainWindow::gridPage(const QString &name) const
{
    for (GridPage *g : m_grids)
        if (g->pageName() == name)
            return g;
    return nullptr;
}

bool MainWindow::confirmLeaveAll()
{
    for (GridPage *g : std::as_const(m_grids)) {
        if (!g->hasPendingChanges())
            continue;
        showPage(g->pageName());
        if (!g->confirmLeave())
            return false;
    }
    return true;
}

void MainWindow::onPageRequested(int row)
{
    if (row == m_currentRow)
        return;
    // Leaving a grid with unsaved edits asks first; Cancel stays on it.
    auto *leaving = qobject_cast<GridPage *>(m_stack->widget(m_currentRow));
    if (leaving && leaving->hasPendingChanges() && !leaving->confirmLeave()) {
        const QSignalBlocker block(m_nav);
        m_nav->setCurrentRow(m_currentRow);
        return;
    }
    m_currentRow = row;
    m_stack->setCurrentIndex(row);
    // A connection opened while the live page is on screen logs its poll's connection in beside
    // its own: the page's first read then waits for no login.
    m_connections.session().setWarmLiveWorker(m_stack->widget(row) == m_expiry);
}

void MainWindow::openTable(const QString &table, const QString &conditionLabel, const QString &condition)
{
    const QHash<QString, QString> pages = { { TrongateSchema::Levels, QStringLiteral("levels") },
        { TrongateSchema::Users, QStringLiteral("users") }, { TrongateSchema::Tokens, QStringLiteral("tokens") } };
    const QString page = pages.value(table);
    GridPage *grid = gridPage(page);
    if (!grid) {
        statusBar()->showMessage(
            tr("%1 is an application table; Trongate Admin edits only Trongate's own tables.").arg(table), 10000);
        return;
    }
    if (!showPage(page) || currentPage() != page)
        return;
    // A jump shows what was asked for, not that AND whatever filter was left on the page.
    grid->showOnly(conditionLabel, condition);
}

void MainWindow::issueTokens(const QList<qint64> &userIds)
{
    if (!m_connections.session().isOpen())
        return;
    const int seconds = m_settings.raw().value(QStringLiteral("tokens/clipboardClearSeconds"), 30).toInt();
    IssueTokenDialog dialog(*m_actions, userIds, seconds, this);
    dialog.exec();
}

void MainWindow::inspectToken(const QString &token)
{
    if (!m_connections.session().isOpen())
        return;
    InspectorDialog dialog(*m_actions, this);
    if (!token.isEmpty())
        dialog.inspect(token);
    dialog.exec();
}

void MainWindow::applyPrivileges()
{
    // Offer only what the account may do; the server still decides and its refusals are reported.
    DatabaseSession &s = m_connections.session();
    const AccountPrivileges privileges = s.isOpen()
        ? s.facts().privileges.value_or(AccountPrivileges::unrestricted())
        : AccountPrivileges::unrestricted();
    const QStringList tables = { TrongateSchema::Levels, TrongateSchema::Users, TrongateSchema::Tokens };
    for (int i = 0; i < m_grids.size(); ++i) {
        const bool readOnly = !privileges.canEdit(tables.at(i));
        m_grids[i]->setReadOnly(
            readOnly, readOnly ? tr("Read-only: this account may not change %1.").arg(tables.at(i)) : QString());
    }
    if (auto *tokens = qobject_cast<TokensPage *>(gridPage(QStringLiteral("tokens"))))
        tokens->setTokenPermissions(privileges.canRevokeTokens(), privileges.canChangeTokens());
    m_expiry->setTokenPermissions(privileges.canRevokeTokens(), privileges.canChangeTokens());
    m_issueAction->setEnabled(privileges.canIssueTokens());
    m_purgeAction->setEnabled(privileges.canRevokeTokens());
    const bool restricted = s.isOpen()
        && !(privileges.canEdit(TrongateSchema::Levels) && privileges.canEdit(TrongateSchema::Users)
            && privileges.canEdit(TrongateSchema::Tokens));
    m_privilegeNote = restricted ? privileges.summary() : QString();
}

void MainWindow::checkConnection()
{
    DatabaseSession &s = m_connections.session();
    if (!s.isOpen() || !s.profile().isServer())
        return;
    if (s.isLost())
        s.reconnect();
    else
        s.checkAlive();
}

bool MainWindow::isBusy() const
{
    bool gridLoading = false;
    for (GridPage *g : m_grids)
        // The cells still saying "…" (token counts that follow the first screen) count as loading:
        // a screenshot shows the numbers a person sees a moment later.
        gridLoading = gridLoading || (g->isVisible() && (g->isLoading() || (g->model() && g->model()->isLookingUp())));
    return m_connections.session().isConnecting()
        || (m_overview->isVisible() && (m_overview->isLoading() || m_overview->isReadingStatistics()))
        || (m_relations->isVisible() && m_relations->isLoading())
        || (m_expiry->isVisible() && (m_expiry->isLoading() || m_expiry->isLookingUp()))
        || gridLoading;
}

bool MainWindow::showsFirstScreen() const
{
    if (m_connections.session().isConnecting() || (m_overview->isVisible() && m_overview->isLoading())
        || (m_relations->isVisible() && !m_relations->isDiagramShown())
        || (m_expiry->isVisible() && m_expiry->isLoading()))
        return false;
    for (GridPage *g : m_grids)
        if (g->isVisible() && g->isLoading())
            return false;
    return true;
}

QString MainWindow::connectionText() const
{
    return m_connectionLabel->text();
}

void MainWindow::updateModified()
{
    bool pending = false;
    for (GridPage *g : std::as_const(m_grids))
        pending = pending || g->hasPendingChanges();
    setWindowModified(pending);
}

bool MainWindow::manageConnections()
{
    if (!confirmLeaveAll())
        return false;
    ConnectionDialog dialog(m_connections.profiles(), m_connections.secrets(), m_connections.prompter(),
        m_connections.keychainAvailable(), this);
    if (m_connections.session().isOpen() && m_connections.profiles().contains(m_connections.session().profile().name))
        dialog.selectProfile(m_connections.session().profile().name);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    ConnectionProfile p = dialog.chosenProfile();
    if (p.driver == DriverKind::Sqlite && dialog.createSqliteFile() && !QFile::exists(p.sqlitePath)) {
        QFile f(p.sqlitePath);
        if (!f.open(QIODevice::WriteOnly)) {
            m_connections.prompter().warn(this, tr("Could not connect"),
                tr("The file %1 could not be created: %2").arg(p.sqlitePath, f.errorString()));
            return false;
        }
    }
    // The connection is made off the window's thread; the window stays usable meanwhile.
    QPointer<MainWindow> self(this);
    m_connections.openProfileAsync(
        this, p, dialog.typedPassword(), dialog.rememberPassword(),
        [self](bool ok) {
            if (ok && self)
                self->offerInstallIfMissing();
        },
        dialog.sshCredentials());
    return true;
}

bool MainWindow::resetDemo()
{
    if (!confirmLeaveAll())
        return false;
    if (!m_connections.prompter().confirm(this, tr("Reset the demo database"),
            tr("Delete the demo database and create it anew with fresh users and tokens? Your own connections are "
               "not touched."),
            tr("Reset")))
        return false;
    return m_connections.openDemo(this, true);
}

SchemaReport MainWindow::verifySchema(bool showReport)
{
    DatabaseSession &s = m_connections.session();
    if (!s.isOpen())
        return {};
    // On the session's worker: the comparison reads every column and index of three tables.
    statusBar()->showMessage(tr("Checking the schema…"));
    const std::optional<SchemaReport> checked
        = awaitOnWorker<SchemaReport>(s.worker(), s.database(), [](QSqlDatabase &db) {
              return SchemaInspector(db).verify();
          });
    if (!checked) {
        statusBar()->showMessage(tr("The connection was lost while checking the schema; check again once it is back."),
            10000);
        return {};
    }
    const SchemaReport &report = *checked;
    if (showReport) {
        auto *dialog = new SchemaReportDialog(s.profile().name, report, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    }
    statusBar()->showMessage(report.isClean() ? tr("Schema check: no differences.")
                                              : tr("Schema check: differences found: %1.").arg(report.problemCount()),
        10000);
    return report;
}

bool MainWindow::installSchema()
{
    DatabaseSession &s = m_connections.session();
    if (!s.isOpen())
        return false;
    const QSqlDatabase db = s.database();
    // Reads and DDL on the session's worker: the window paints on while a far server answers.
    struct Plan {
        QStringList present;
        QStringList tables;
    };
    const std::optional<Plan> plan = awaitOnWorker<Plan>(s.worker(), db, [](QSqlDatabase &wdb) {
        return Plan { SchemaInspector(wdb).presentTrongateTables(), Sql::tables(wdb) };
    });
    if (!plan) {
        m_connections.prompter().warn(this, tr("Install Trongate's tables"),
            tr("The connection was lost before the tables could be read. Nothing was changed."));
        return false;
    }
    QStringList missing;
    for (const QString &t : TrongateSchema::tableNames())
        if (!plan->present.contains(t))
            missing << t;
    const QStringList statements = TrongateSchema::installStatements(Sql::kindOf(db), plan->tables);
    if (statements.isEmpty()) {
        m_connections.prompter().inform(this, tr("Install Trongate's tables"),
            tr("All three Trongate tables are already present. Nothing to install."));
        return false;
    }
    const QString intro = tr("<p><b>%1</b> lacks these Trongate tables: %2.</p>"
                             "<p>The statements below create them exactly as Trongate's own setup.sql does. Tables "
                             "that already exist are left alone; no other table is touched.</p>")
                              .arg(s.profile().name.toHtmlEscaped(), missing.join(QStringLiteral(", ")));
    if (!m_connections.prompter().previewSql(
            this, tr("Install Trongate's tables"), intro, statements, tr("&Install tables")))
        return false;
    struct Installed {
        bool ok = false;
        QStringList executed;
        QString error;
        SessionFacts facts;
    };
    const std::optional<Installed> done = awaitOnWorker<Installed>(s.worker(), db, [](QSqlDatabase &wdb) {
        Installed i;
        i.ok = SchemaInspector(wdb).install(&i.executed, &i.error);
        if (i.ok)
            i.facts = DatabaseSession::readFacts(wdb);
        return i;
    });
    if (!done || !done->ok) {
        m_connections.prompter().warn(this, tr("Install Trongate's tables"),
            tr("The tables could not be created. Nothing else was changed."),
            done ? done->error : tr("The connection was lost while creating them; check the database before trying again."));
        m_overview->invalidate();
        return false;
    }
    m_actions->record(QStringLiteral("schema"), QString(), {}, int(done->executed.size()), {},
        QStringLiteral("installed Trongate's tables"));
    statusBar()->showMessage(tr("Tables created: %1.").arg(done->executed.size()), 10000);
    s.setFacts(done->facts);
    onSessionChanged(); // the grids and the live page can show the new tables now
    return true;
}

void MainWindow::offerInstallIfMissing()
{
    DatabaseSession &s = m_connections.session();
    if (!s.isOpen())
        return;
    const int present = int(s.facts().trongateTables.size());
    if (present == 3)
        return;
    const QString question = present == 0
        ? tr("%1 has none of Trongate's tables, so it is not a Trongate database yet. Install Trongate's "
             "tables now? You will see the SQL first.")
              .arg(s.profile().name)
        : tr("%1 lacks some of Trongate's tables (%2 of 3 present). Install the missing ones now? You will see "
             "the SQL first.")
              .arg(s.profile().name)
              .arg(present);
    if (m_connections.prompter().confirm(this, tr("Trongate tables missing"), question, tr("Show the SQL…")))
        installSchema();
}

void MainWindow::setLanguage(const QString &code)
{
    m_settings.setLanguage(code);
    m_connections.prompter().inform(
        this, tr("Language"), tr("The new language is used the next time you start Trongate Admin."));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Trongate Admin"),
        tr("<h3>Trongate Admin %1</h3>"
           "<p>A desktop console for the token system of the Trongate PHP framework: user levels, "
           "users and tokens, compatible with Trongate's own tables.</p>"
           "<p>Built with Qt %2. Passwords are kept only in your system keychain.</p>")
            .arg(QStringLiteral(TGADMIN_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_settings.windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = m_settings.windowState();
    if (!state.isEmpty())
        restoreState(state);
    showPage(m_settings.lastPage());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmLeaveAll()) {
        event->ignore();
        return;
    }
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setLastPage(currentPage());
    m_settings.raw().sync();
    // A token copied less than 30 s ago must not outlive the console on the clipboard.
    SecretClipboard::clearIfOurs();
    event->accept();
}
