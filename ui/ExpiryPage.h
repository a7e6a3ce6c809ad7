#pragma once

#include "ExpiryModel.h"
#include "ExpiryTimeline.h"

#include <QPointer>
#include <QThread>
#include <QWidget>

#include <memory>

class AppSettings;
class DbWorker;
class ExpiryReader;
class Prompter;
class TimelineWidget;
class TokenActions;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

// The live expiry view: every token by time left, ticking each second, with a timeline of what
// expires when, filters, actions on the selection, a pause button and optional auto-purge.
class ExpiryPage final : public QWidget {
    Q_OBJECT

public:
    ExpiryPage(Prompter &prompter, AppSettings &settings, QWidget *parent = nullptr);
    ~ExpiryPage() override;

    // hasExpiryIndex: without one, each page of the list reads the whole table; the page says so.
    // connectionKey (AppSettings::connectionKey): auto-purge is remembered per connection, off by default.
    // liveWorker (DatabaseSession::liveWorker): where the poll reads, on that worker's connection,
    // which may have logged in beside the session's; without one the page makes a worker of its own.
    // tokensEstimate: the engine's estimate of trongate_tokens' rows, when the session read it.
    void setDatabase(const QSqlDatabase &db, TokenActions *actions, ExpiryModel::Clock clock, bool hasExpiryIndex,
        const QString &connectionKey = {}, DbWorker *liveWorker = nullptr,
        std::optional<RowEstimate> tokensEstimate = std::nullopt);
    void clearDatabase(const QString &reason);
    ExpiryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    TimelineWidget *timeline() const { return m_timeline; }

    // What the one-second timer does: repaint the countdowns and ask the poller, on its own
    // thread, whether anything changed; its answer is applied when it comes back.
    void tickNow();
    // The timeline on the poller's thread with its own connection: at a million tokens the grouped
    // count takes half a second, which neither the per-second ticks nor the window may wait for.
    void refreshTimelineInBackground();
    void refreshTimeline() { refreshTimelineInBackground(); }
    // Scrolls to the first token that has not expired yet once the poller has counted where it is
    // (the "Go to now" button).
    void scrollToNow();
    bool isLocatingNow() const { return m_locating; }
    // Asks the poller to read now even if the engine's change counter did not move, and to count
    // everything now whatever it costs (after the console's own change). Returns at once.
    void requestPoll(bool force);
    // What the poller may spend on recounts that grow with the table (tests shrink it to see the
    // page while a recount is owed). Takes effect when the poller next starts (setDatabase).
    void setReadBudget(const ExpiryReadBudget::Options &options) { m_budgetOptions = options; }
    int pollsApplied() const { return m_pollsApplied; }
    // The first screen is on its way from the poller's thread.
    bool isLoading() const;
    // The first screen's rows are shown and who their users are is still on its way.
    bool isLookingUp() const;
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void runAutoPurge();
    QString purgeStatus() const;
    bool autoPurgeActive() const;
    QString bannerText() const;
    QList<qint64> selectedIds() const;
    // Rows not read yet can be read by their place in the list: the count and the rows above the
    // screen are exact (false while a big table's first screen stands on the engine's estimate).
    bool placesExactly() const;
    // Only this user's tokens (0: everyone), as the "User…" button's picker sets it.
    void setUserFilter(qint64 userId);
    // After a reconnect: the session's live worker is a new one. The poll goes on there; a read
    // that was on its way on the old one is given up, and rows not read yet are asked again.
    void setLiveWorker(DbWorker *liveWorker);
    void setTokenPermissions(bool revoke, bool change);

signals:
    void doctorRequested();
    void inspectRequested(const QString &token);
    // Whether auto-purge runs for the open connection, and how often: the window shows it on every page.
    void autoPurgeChanged(bool on, int minutes);

protected:
    void showEvent(QShowEvent *event) override;
    void load(); // the list, its level choices, the timeline and the poller
    void hideEvent(QHideEvent *event) override;

private:
    ExpiryModel::Filter currentFilter() const;
    void applyFilter();
    void sizeTimeColumns();
    void updateVisibleRows();
    void updateAutoPurge();
    void actOnSelection(int action);
    void locateNow();
    void nowLocated(quint64 generation, qint64 row, const QString &error);
    void startPoller();
    void stopPoller();
    void applySnapshot(const ExpiryPollSnapshot &snapshot);
    void sendPoll(const ExpiryPollRequest &request);
    void requestRead(bool force, bool exact);
    void updateCountLabel();

    Prompter &m_prompter;
    AppSettings &m_settings;
    TokenActions *m_actions = nullptr;
    ExpiryModel::Clock m_clock;
    ExpiryModel *m_model = nullptr;
    QSqlDatabase m_db;
    TimelineWidget *m_timeline = nullptr;
    QComboBox *m_span = nullptr;
    QComboBox *m_level = nullptr;
    QLineEdit *m_text = nullptr;
    QComboBox *m_within = nullptr;
    QPushButton *m_user = nullptr;
    qint64 m_userId = 0;
    QPushButton *m_pause = nullptr;
    QPushButton *m_now = nullptr;
    QCheckBox *m_autoPurge = nullptr;
    QSpinBox *m_purgeMinutes = nullptr;
    QLabel *m_purgeStatus = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_view = nullptr;
    QTimer *m_tick = nullptr;
    QTimer *m_purgeTimer = nullptr;
    QString m_connectionKey;
    bool m_paused = false;
    // The live poll: one worker thread, one connection of its own, one request in flight. The
    // worker is the session's (m_sessionLive) or, without one, the page's own.
    QPointer<DbWorker> m_sessionLive;
    std::unique_ptr<DbWorker> m_ownLive;
    QPointer<DbWorker> m_poller; // the one in use while the poll runs
    std::shared_ptr<ExpiryReader> m_reader; // used on m_poller's thread only
    quint64 m_pollEpoch = 0; // answers read for an earlier start are dropped
    bool m_pollInFlight = false;
    bool m_identitiesPending = false;
    quint64 m_identityLookUps = 0; // the newest identities look-up sent
    std::optional<RowEstimate> m_tokensEstimate;
    bool m_forcePending = false;
    bool m_exactPending = false;
    ExpiryReadBudget::Options m_budgetOptions;
    std::optional<qint64> m_countAgeMs; // since the count was last exact, as of the last snapshot
    // The first screen came before its counts (a big table's estimate): the rows on screen sit at
    // the top until the exact read puts the backlog above them.
    bool m_placeEstimated = false;
    bool m_timelineDue = false;
    int m_pollsApplied = 0;
    QList<QAction *> m_actionList;
    bool m_scrollPending = false;
    bool m_locating = false; // a count of the rows before "now" is on its way
    int m_locateTries = 0;
    bool m_needsLoad = false; // set while the page waits to be shown before it loads
    bool m_hasExpiryIndex = false;
    int m_ticks = 0;
    int m_topBefore = 0;
    std::optional<qint64> m_sliceFrom;
    std::optional<qint64> m_sliceTo;
};
