#pragma once

#include "schema/SchemaInspector.h"

#include <QMainWindow>
#include <QMap>

#include <memory>

class ActivityPage;
class AppSettings;
class AuditLog;
class ExpiryPage;
class TokenActions;
class ConnectionController;
class GridPage;
class OverviewPage;
class RelationsPage;
class QLabel;
class QListWidget;
class QStackedWidget;

// The shell: a list of pages on the left, the page on the right, menus and a status bar.
// Pages are separate classes; this class only wires them to the session.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    // audit: the activity log; nullptr = the default file in the user's data directory.
    MainWindow(
        ConnectionController &connections, AppSettings &settings, AuditLog *audit = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    QStringList pageNames() const;
    bool showPage(const QString &name);
    QString currentPage() const;

    // Opens the connection dialog; returns true when a new connection was opened.
    bool manageConnections();
    ConnectionController &connections() { return m_connections; }
    // Data for the page on screen is still on its way (what --screenshot waits for).
    bool isBusy() const;
    // The page on screen shows its rows (or boxes and lines), though cells that follow (a user's
    // token counts, the diagram's orphans, the live page's exact count) may still say so.
    bool showsFirstScreen() const;
    bool resetDemo();
    SchemaReport verifySchema(bool showReport = true);
    bool installSchema();
    void restoreWindowState();
    GridPage *gridPage(const QString &name) const;
    RelationsPage *relationsPage() const { return m_relations; }
    TokenActions *tokenActions() const { return m_actions; }
    ExpiryPage *expiryPage() const { return m_expiry; }
    ActivityPage *activityPage() const { return m_activity; }
    void issueTokens(const QList<qint64> &userIds);
    // What the 5-second watchdog does: notice a lost server, reconnect when it is back.
    void checkConnection();
    QString connectionText() const;
    void inspectToken(const QString &token = {});
    // Asks about unsaved edits on every grid; true when it is fine to go on.
    bool confirmLeaveAll();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void addPage(const QString &name, const QString &title, const QIcon &icon, QWidget *page);
    void onSessionChanged();
    void offerInstallIfMissing();
    void setLanguage(const QString &code);
    void showAbout();
    void onPageRequested(int row);
    void openTable(const QString &table, const QString &conditionLabel = {}, const QString &condition = {});
    void updateModified();
    void applyPrivileges();

    ConnectionController &m_connections;
    AppSettings &m_settings;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    OverviewPage *m_overview = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_autoPurgeLabel = nullptr;
    QStringList m_pageNames;
    QString m_connectingMessage; // shown in the status bar while a connection is being made
    QList<GridPage *> m_grids;
    QAction *m_issueAction = nullptr;
    QAction *m_purgeAction = nullptr;
    QString m_privilegeNote;
    RelationsPage *m_relations = nullptr;
    ExpiryPage *m_expiry = nullptr;
    ActivityPage *m_activity = nullptr;
    std::unique_ptr<AuditLog> m_ownAudit;
    AuditLog *m_audit = nullptr;
    TokenActions *m_actions = nullptr;
    int m_currentRow = 0;
};
