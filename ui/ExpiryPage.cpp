#include "ExpiryPage.h"

#include "connection/DbWorker.h"
#include "ExpiryReader.h"

#include "AppSettings.h"
#include "connection/Connector.h"
#include "Prompter.h"
#include "TimelineWidget.h"
#include "TokenActions.h"
#include "UserPickerDialog.h"

#include <climits>
#include <utility>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QSqlQuery>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {
enum Action { Revoke, Extend, Regenerate, Inspect };
} // namespace

ExpiryPage::ExpiryPage(Prompter &prompter, AppSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_prompter(prompter)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("ExpiryPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Expiring in the next"), this));
    m_span = new QComboBox(this);
    m_span->setObjectName(QStringLiteral("spanCombo"));
    m_span->addItem(tr("hour"), int(ExpiryTimeline::Span::Hour));
    m_span->addItem(tr("day"), int(ExpiryTimeline::Span::Day));
    m_span->addItem(tr("week"), int(ExpiryTimeline::Span::Week));
    top->addWidget(m_span);
    top->addStretch(1);
    m_now = new QPushButton(tr("Go to now"), this);
    m_now->setObjectName(QStringLiteral("nowButton"));
    m_now->setToolTip(tr("Scroll to the first token that has not expired yet"));
    top->addWidget(m_now);
    m_pause = new QPushButton(tr("&Pause"), this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Freeze the list for reading; nothing is queried while paused"));
    top->addWidget(m_pause);
    layout->addLayout(top);

    m_timeline = new TimelineWidget(this);
    layout->addWidget(m_timeline);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("indexBanner"));
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    layout->addWidget(m_banner);
    connect(m_banner, &QLabel::linkActivated, this, &ExpiryPage::doctorRequested);

    auto *filters = new QHBoxLayout;
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("textFilter"));
    m_text->setAccessibleName(tr("Filter tokens"));
    m_text->setPlaceholderText(tr("token, user code, username or e-mail…"));
    m_text->setClearButtonEnabled(true);
    m_within = new QComboBox(this);
    m_within->setObjectName(QStringLiteral("withinFilter"));
    m_within->addItem(tr("any time"), qint64(0));
    m_within->addItem(tr("only expiring within 5 min"), qint64(300));
    m_within->addItem(tr("only expiring within 1 h"), qint64(3600));
    m_within->addItem(tr("only expiring within 24 h"), qint64(86400));
    m_within->addItem(tr("only expiring within 7 days"), qint64(7 * 86400));
    m_within->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_within->setMinimumContentsLength(14);
    filters->addWidget(new QLabel(tr("Level:"), this));
    filters->addWidget(m_level);
    m_user = new QPushButton(tr("Any user…"), this);
    m_user->setObjectName(QStringLiteral("userFilter"));
    m_user->setToolTip(tr("Show one user's tokens: search by id, code, username or e-mail"));
    filters->addWidget(m_user);
    filters->addWidget(m_text, 2);
    filters->addWidget(m_within);
    m_count = new QLabel(this);
    // A long notice ("No trongate_tokens table…") wraps instead of widening the whole window.
    m_count->setWordWrap(true);
    m_count->setObjectName(QStringLiteral("countLabel"));
    filters->addWidget(m_count);
    layout->addLayout(filters);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("expiryView"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false); // "name · e-mail" elided at the end, not wrapped away after the name
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_view, 1);

    auto *actions = new QHBoxLayout;
    const QList<QPair<QString, QKeySequence>> labels
        = { { tr("&Revoke"), QKeySequence::Delete }, { tr("E&xtend 24 h"), QKeySequence(Qt::CTRL | Qt::Key_X) },
              { tr("Re&generate"), QKeySequence(Qt::CTRL | Qt::Key_G) },
              { tr("&Inspect"), QKeySequence(Qt::CTRL | Qt::Key_I) } };
    for (int i = 0; i < labels.size(); ++i) {
        auto *a = new QAction(labels.at(i).first, this);
        a->setShortcut(labels.at(i).second);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setObjectName(QStringList { QStringLiteral("revokeAction"), QStringLiteral("extendAction"),
            QStringLiteral("regenerateAction"), QStringLiteral("inspectAction") }
                             .at(i));
        addAction(a);
        m_view->addAction(a);
        m_actionList << a;
        auto *b = new QPushButton(a->text(), this);
        connect(b, &QPushButton::clicked, a, &QAction::trigger);
        connect(a, &QAction::enabledChanged, b, &QPushButton::setEnabled);
        connect(a, &QAction::triggered, this, [this, i] { actOnSelection(i); });
        actions->addWidget(b);
    }
    actions->addStretch(1);
    layout->addLayout(actions);
    // Auto-purge on a row of its own, so the page fits a window of 800 pixels.
    auto *purgeRow = new QHBoxLayout;
    m_autoPurge = new QCheckBox(tr("Auto-purge expired tokens every"), this);
    m_autoPurge->setObjectName(QStringLiteral("autoPurgeCheck"));
    m_purgeMinutes = new QSpinBox(this);
    m_purgeMinutes->setRange(1, 1440);
    m_purgeMinutes->setSuffix(tr(" min"));
    m_purgeStatus = new QLabel(tr("Auto-purge is off."), this);
    m_purgeStatus->setObjectName(QStringLiteral("purgeStatus"));
    m_purgeMinutes->setAccessibleName(tr("Auto-purge interval"));
    m_purgeStatus->setWordWrap(true);
    purgeRow->addWidget(m_autoPurge);
    purgeRow->addWidget(m_purgeMinutes);
    purgeRow->addWidget(m_purgeStatus, 1);
    layout->addLayout(purgeRow);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ExpiryPage::tickNow);
    m_purgeTimer = new QTimer(this);
    connect(m_purgeTimer, &QTimer::timeout, this, &ExpiryPage::runAutoPurge);

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(300);
    connect(m_text, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &ExpiryPage::applyFilter);
    connect(m_level, &QComboBox::currentIndexChanged, this, &ExpiryPage::applyFilter);
    connect(m_within, &QComboBox::currentIndexChanged, this, [this] {
        m_sliceFrom.reset();
        m_sliceTo.reset();
        m_timeline->setSelectedSlice(-2);
        applyFilter();
    });
    connect(m_span, &QComboBox::currentIndexChanged, this, &ExpiryPage::refreshTimelineInBackground);
    connect(m_now, &QPushButton::clicked, this, &ExpiryPage::scrollToNow);
    connect(m_user, &QPushButton::clicked, this, [this] {
        if (m_userId > 0) {
            setUserFilter(0);
            return;
        }
        if (!m_db.isValid())
            return;
        UserPickerDialog picker(m_db, m_actions ? m_actions->sessionWorker() : nullptr, this);
        if (picker.exec() == QDialog::Accepted && picker.selectedUserId() > 0)
            setUserFilter(picker.selectedUserId());
    });
    connect(m_pause, &QPushButton::toggled, this, &ExpiryPage::setPaused);
    connect(m_timeline, &TimelineWidget::sliceClicked, this, [this](int slice, qint64 from, qint64 to) {
        if (slice == -1)
            m_sliceFrom.reset();
        else
            m_sliceFrom = from;
        m_sliceTo = to;
        applyFilter();
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &ExpiryPage::updateVisibleRows);
    connect(m_autoPurge, &QCheckBox::toggled, this, &ExpiryPage::updateAutoPurge);
    connect(m_purgeMinutes, &QSpinBox::valueChanged, this, &ExpiryPage::updateAutoPurge);
}

void ExpiryPage::setDatabase(const QSqlDatabase &db, TokenActions *actions, ExpiryModel::Clock clock,
    bool hasExpiryIndex, const QString &connectionKey, DbWorker *liveWorker, std::optional<RowEstimate> tokensEstimate)
{
    stopPoller();
    m_sessionLive = liveWorker;
    m_tokensEstimate = tokensEstimate;
    m_connectionKey = connectionKey;
    {
        // This connection's own choice (off unless turned on for it), not the last database's.
        const QSignalBlocker blockCheck(m_autoPurge);
        const QSignalBlocker blockMinutes(m_purgeMinutes);
        m_autoPurge->setChecked(m_settings.autoPurge(connectionKey));
        m_purgeMinutes->setValue(m_settings.autoPurgeMinutes(connectionKey));
    }
    delete m_model;
    m_db = db;
    m_actions = actions;
    m_clock = clock;
    m_model = new ExpiryModel(db, clock, this);
    // Rows scrolled to are read on the poller's thread; until they come they are blank.
    m_model->setPageReader([this](quint64 generation, int page, const QString &sql, const QVariantList &values) {
        if (!m_poller)
            return;
        using Page = std::pair<QList<ExpiryRow>, QString>;
        m_poller->run<Page>(
            this,
            [reader = m_reader, sql, values](QSqlDatabase &db) {
                Page p;
                p.first = reader->readPage(db, sql, values, &p.second);
                return p;
            },
            [this, epoch = m_pollEpoch, generation, page](const Page &p) {
                if (epoch == m_pollEpoch && m_model)
                    m_model->pageRead(generation, page, p.first, p.second);
            });
    });
    m_view->setModel(m_model);
    sizeTimeColumns();
    m_view->setColumnWidth(ExpiryModel::ExpiresColumn, 150);
    m_view->setColumnWidth(ExpiryModel::UserColumn, 150);
    m_view->setColumnWidth(ExpiryModel::IdentityColumn, 280);
    // Rows inserted or removed above the first visible one would shift what the person reads:
    // the scroll position follows them so the same tokens stay in view.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] { m_topBefore = m_view->rowAt(0); });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_topBefore = m_view->rowAt(0); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        if (m_topBefore > 0 && first <= m_topBefore)
            m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->value() + (last - first + 1));
        updateVisibleRows();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int last) {
        if (m_topBefore > 0 && last < m_topBefore)
            m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->value() - (last - first + 1));
        updateVisibleRows();
    });
    connect(m_model, &ExpiryModel::countChanged, this, &ExpiryPage::updateCountLabel);
    if (actions) // an issue, purge or extend anywhere in the console: look at once
        connect(actions, &TokenActions::changed, m_model, [this] { requestPoll(true); });
    m_hasExpiryIndex = hasExpiryIndex;
    updateAutoPurge(); // this connection's own choice, whether the page is on screen or not
    // Behind another page, the list, its levels, the timeline and the poller start when the page is
    // first shown: opening a database costs the round trips of the page on screen.
    m_needsLoad = window()->isVisible() && !isVisible();
    if (!m_needsLoad)
        load();
}

void ExpiryPage::load()
{
    m_needsLoad = false;
    const bool hasExpiryIndex = m_hasExpiryIndex;
    {
        const QSignalBlocker block(m_level);
        m_level->clear();
        m_level->addItem(tr("all levels"), QVariant());
    }
    // The levels for the filter: read on the session's worker when there is one.
    using Levels = QList<QPair<qint64, QString>>;
    const auto readLevels = [](const QSqlDatabase &db) {
        Levels out;
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT id, level_title FROM trongate_user_levels ORDER BY id LIMIT 1000")))
            while (q.next())
                out << qMakePair(q.value(0).toLongLong(), q.value(1).toString());
        return out;
    };
    const auto showLevels = [this](const Levels &levels) {
        const QSignalBlocker block(m_level);
        for (const auto &l : levels)
            m_level->addItem(l.second, l.first);
    };
    if (DbWorker *worker = m_actions ? m_actions->sessionWorker() : nullptr)
        worker->run<Levels>(this, [readLevels](QSqlDatabase &db) { return readLevels(db); }, showLevels);
    else
        showLevels(readLevels(m_db));
    m_banner->setVisible(!hasExpiryIndex);
    m_banner->setText(
        tr("⚠ trongate_tokens has no index on expiry_date: each page of this list and each purge reads "
           "the whole table. <a href=\"doctor\">Open the schema doctor</a> to add one (you see the SQL first)."));
    // The count, the rows around "now" and the timeline come from the poller's first visit, on its
    // own thread and connection; until then the page says it is loading.
    m_model->setFilterDeferred(currentFilter());
    m_scrollPending = false;
    m_count->setText(tr("Loading…"));
    startPoller();
    requestPoll(true);
    if (isVisible())
        m_tick->start();
}

bool ExpiryPage::isLoading() const
{
    return m_model && m_model->awaitsFirstSnapshot();
}

bool ExpiryPage::isLookingUp() const
{
    return m_model && m_identitiesPending;
}

void ExpiryPage::startPoller()
{
    ++m_pollEpoch;
    // The session's live worker has usually logged in while the session did: the first visit
    // then sends its statements at once. Without one (tests), a worker of the page's own.
    m_poller = m_sessionLive;
    if (!m_poller) {
        m_ownLive = std::make_unique<DbWorker>(m_db.connectionName());
        m_poller = m_ownLive.get();
    }
    m_reader = std::make_shared<ExpiryReader>(m_db.connectionName(), m_budgetOptions);
    m_pollInFlight = false;
    m_forcePending = false;
    m_exactPending = false;
    m_locating = false;
    m_placeEstimated = false;
    m_countAgeMs.reset();
}

void ExpiryPage::setLiveWorker(DbWorker *liveWorker)
{
    m_sessionLive = liveWorker;
    if (!m_model)
        return;
    stopPoller();
    startPoller();
    m_model->askPagesAgain();
    requestPoll(true);
}

void ExpiryPage::stopPoller()
{
    // Answers still on their way belong to the old start: dropped. A worker of the page's own is
    // deleted here, which waits for its running read (as stopping the poll's thread did) and
    // closes its connection on its thread; the session's goes with the session (it may be gone
    // already, after a lost connection: the state is reset all the same).
    ++m_pollEpoch;
    m_poller = nullptr;
    m_reader.reset();
    m_ownLive.reset();
    m_pollInFlight = false;
    m_identitiesPending = false;
    m_locating = false;
}

void ExpiryPage::sendPoll(const ExpiryPollRequest &r)
{
    auto owed = std::make_shared<QList<qint64>>(); // written by the first job, read by the second
    m_poller->run<ExpiryPollSnapshot>(
        this,
        [reader = m_reader, r, owed](QSqlDatabase &db) {
            ExpiryPollSnapshot s = reader->poll(db, r);
            *owed = s.identityUsers;
            return s;
        },
        [this, epoch = m_pollEpoch](const ExpiryPollSnapshot &s) {
            if (epoch == m_pollEpoch)
                applySnapshot(s);
        });
    if (!r.identitiesLater)
        return;
    // Who the rows' users are, right behind on the same connection: the rows are on screen
    // meanwhile, their identity column says "…" for a round trip or two.
    // Only the newest look-up's answer ends the wait (a first read that came back stale is read
    // again, with a look-up of its own behind it).
    const quint64 lookUp = ++m_identityLookUps;
    m_identitiesPending = true;
    using Found = std::pair<QList<qint64>, QHash<qint64, QString>>; // the users asked about, who they are
    m_poller->run<Found>(
        this, [reader = m_reader, owed](QSqlDatabase &db) { return Found { *owed, reader->identities(db, *owed) }; },
        [this, epoch = m_pollEpoch, lookUp](const Found &found) {
            if (epoch != m_pollEpoch)
                return;
            if (lookUp == m_identityLookUps)
                m_identitiesPending = false;
            if (m_model)
                m_model->addIdentities(found.first, found.second);
        });
}

void ExpiryPage::requestPoll(bool force)
{
    requestRead(force, force);
}

void ExpiryPage::requestRead(bool force, bool exact)
{
    if (!m_model || !m_poller)
        return;
    if (m_pollInFlight) {
        m_forcePending = m_forcePending || force;
        m_exactPending = m_exactPending || exact;
        return;
    }
    const bool first = m_model->awaitsFirstSnapshot();
    const int rowHeight = std::max(1, m_view->verticalHeader()->defaultSectionSize());
    ExpiryPollRequest r = first ? m_model->firstLoadRequest(m_clock(), m_view->viewport()->height() / rowHeight + 1)
                                : m_model->pollRequest(force);
    r.exact = r.exact && (exact || first);
    r.identitiesLater = first;
    r.signalLater = first;
    r.countsWithRows = first;
    if (first)
        r.estimate = m_tokensEstimate;
    r.timeline = true;
    r.timelineDue = m_timelineDue || force || first;
    m_timelineDue = false;
    r.span = ExpiryTimeline::Span(m_span->currentData().toInt());
    r.now = m_clock();
    if (m_level->currentData().isValid())
        r.levelId = m_level->currentData().toLongLong();
    if (m_userId > 0)
        r.userId = m_userId;
    m_pollInFlight = true;
    m_forcePending = false;
    m_exactPending = false;
    sendPoll(r);
}

void ExpiryPage::updateCountLabel()
{
    if (!m_model || m_model->awaitsFirstSnapshot())
        return;
    const int n = int(std::min<qint64>(m_model->count(), INT_MAX));
    if (m_model->countExact()) {
        m_count->setText(tr("%Ln token(s)", nullptr, n));
        m_count->setToolTip({});
        return;
    }
    // Never a stale number shown as if exact: the recount was left for later (see ExpiryReadBudget).
    const QString tokens = tr("%Ln token(s)", nullptr, n);
    m_count->setText(m_countAgeMs ? tr("about %1 (full count %2 s ago)", "%1: the number of tokens")
                                        .arg(tokens)
                                        .arg(*m_countAgeMs / 1000)
            : m_placeEstimated
            ? tr("about %1 (the database's estimate; counting…)", "%1: the number of tokens").arg(tokens)
            : tr("about %1", "%1: the number of tokens").arg(tokens));
    m_count->setToolTip(tr("The rows on screen are the table's. Counting every token again costs the server a lot at "
                           "this size, so while tokens keep changing it is done every few seconds; until then the count "
                           "and the rows far above or below may be off by what changed there."));
}

void ExpiryPage::applySnapshot(const ExpiryPollSnapshot &s)
{
    m_pollInFlight = false;
    if (!m_model)
        return;
    const bool first = m_model->awaitsFirstSnapshot();
    if (s.ok && s.generation == m_model->generation())
        m_countAgeMs = s.countAgeMs;
    // After an estimated first screen, the first exact read inserts the backlog above the rows on
    // screen: the same tokens stay in view.
    const bool placing = m_placeEstimated && !first && s.ok && s.aboveKnown && s.generation == m_model->generation();
    const qint64 topId = placing ? m_model->idAt(std::max(0, m_view->rowAt(0))) : 0;
    const ExpiryModel::PollResult r = m_model->apply(s);
    ++m_pollsApplied;
    if (placing && !r.stale) {
        m_placeEstimated = false;
        if (const int row = m_model->rowOfId(topId); row > 0) {
            m_view->doItemsLayout();
            m_view->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
        }
        updateVisibleRows();
    }
    if (first && !m_model->awaitsFirstSnapshot() && s.estimated) {
        // The counts follow at once, on the poller's thread; the page says "about" until then.
        m_placeEstimated = true;
        m_forcePending = true;
        m_exactPending = true;
    }
    updateCountLabel();
    if (first && !m_model->awaitsFirstSnapshot()) {
        // Start at "now": what is about to expire first, the expired backlog just above.
        // At once, before the view paints the backlog's top rows (not read: each would be a read
        // on this thread); laying the items out first gives the scroll bar its new range.
        const int nowRow = int(std::min<qint64>(s.above, m_model->rowCount() - 1));
        if (nowRow >= 0) {
            m_view->doItemsLayout();
            m_view->scrollTo(m_model->index(nowRow, 0), QAbstractItemView::PositionAtTop);
        }
        // And again once the view has settled (a resize may still be on its way).
        QTimer::singleShot(0, this, [this, nowRow] {
            if (m_model && nowRow >= 0 && nowRow < m_model->rowCount())
                m_view->scrollTo(m_model->index(nowRow, 0), QAbstractItemView::PositionAtTop);
            updateVisibleRows();
        });
        updateVisibleRows();
    } else if (first && !r.stale && !s.ok) {
        // Said where the count would be, not an empty table that looks like "no tokens".
        m_count->setText(tr("The tokens could not be read: %1").arg(s.error));
    }
    // A stale snapshot's slices may be another user's or level's.
    if (!r.stale && s.slices && ExpiryTimeline::Span(m_span->currentData().toInt()) == s.span)
        m_timeline->setSlices(*s.slices, s.span);
    if (s.ok && !r.stale)
        m_timeline->setNote(!s.timelineOwed ? QString()
                : s.timelineAgeMs
                ? tr("counted %1 s ago", "the timeline's counts, while a recount is owed").arg(*s.timelineAgeMs / 1000)
                : tr("counting…", "the timeline, before its first count"));
    // The model changed while the snapshot was read (the console's own revoke, a new filter):
    // read again for the model as it is now.
    if (r.stale || m_forcePending)
        requestRead(true, m_exactPending);
    else if (m_timelineDue)
        requestRead(false, false); // a span chosen while this read was on its way
}

void ExpiryPage::clearDatabase(const QString &reason)
{
    m_needsLoad = false;
    stopPoller();
    m_view->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_actions = nullptr;
    m_count->setText(reason);
    m_tick->stop();
    m_purgeTimer->stop();
    m_connectionKey.clear();
    emit autoPurgeChanged(false, 0);
}

ExpiryModel::Filter ExpiryPage::currentFilter() const
{
    ExpiryModel::Filter f;
    if (m_level->currentData().isValid())
        f.levelId = m_level->currentData().toLongLong();
    if (m_userId > 0)
        f.userId = m_userId;
    f.text = m_text->text();
    if (const qint64 within = m_within->currentData().toLongLong(); within > 0)
        f.withinSeconds = within;
    f.from = m_sliceFrom;
    f.to = m_sliceTo;
    return f;
}

void ExpiryPage::applyFilter()
{
    if (!m_model)
        return;
    // The rows, the count, the text's users and the timeline come from the poller's thread, in one
    // visit; the list starts at "now" when they arrive. A filter changed again meanwhile makes
    // the answer stale (the model's generation moved): it is dropped and read again.
    m_model->setFilterDeferred(currentFilter());
    m_placeEstimated = false;
    m_count->setText(tr("Loading…"));
    m_count->setToolTip({});
    m_scrollPending = false;
    m_locating = false;
    requestPoll(true);
}

void ExpiryPage::setUserFilter(qint64 userId)
{
    m_userId = userId;
    m_user->setText(userId > 0 ? tr("User %1 ✕").arg(userId) : tr("Any user…"));
    applyFilter(); // the timeline follows in the same read
}

void ExpiryPage::scrollToNow()
{
    // Start at "now": what is about to expire first, the expired backlog just above. Where that is
    // is a count, made on the poller's thread; the first snapshot of a filter brings it along.
    m_scrollPending = false;
    if (!m_model || m_model->awaitsFirstSnapshot())
        return;
    if (!m_poller) {
        m_scrollPending = true; // when the page has loaded
        return;
    }
    m_locating = true;
    m_locateTries = 0;
    locateNow();
}

void ExpiryPage::locateNow()
{
    const ExpiryModel::NowQuery q = m_model->nowQuery();
    using Located = std::pair<qint64, QString>;
    m_poller->run<Located>(
        this,
        [reader = m_reader, q](QSqlDatabase &db) {
            Located l;
            l.first = std::max<qint64>(0, reader->locateNow(db, q.where, q.values, q.now, &l.second));
            return l;
        },
        [this, epoch = m_pollEpoch, generation = q.generation](const Located &l) {
            if (epoch == m_pollEpoch)
                nowLocated(generation, l.first, l.second);
        });
}

void ExpiryPage::nowLocated(quint64 generation, qint64 row, const QString &error)
{
    if (!m_locating || !m_model)
        return;
    if (!error.isEmpty()) {
        m_locating = false;
        m_count->setText(tr("Could not find where \"now\" is in the list: %1").arg(error));
        return;
    }
    // The list changed while it was counted (a poll, a revoke): count again, a few times at most.
    if (generation != m_model->generation() && ++m_locateTries < 3) {
        locateNow();
        return;
    }
    m_locating = false;
    if (m_model->rowCount() > 0)
        m_view->scrollTo(m_model->index(m_model->clampRow(row), 0), QAbstractItemView::PositionAtTop);
    updateVisibleRows();
}

void ExpiryPage::updateVisibleRows()
{
    if (!m_model)
        return;
    const int first = std::max(0, m_view->rowAt(0));
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = m_model->rowCount() - 1;
    m_model->setVisibleRows(first, last);
}

void ExpiryPage::tickNow()
{
    if (!m_model || m_paused)
        return;
    updateVisibleRows();
    m_model->tick();
    ++m_ticks;
    // The slices move with the clock even when no row changes; every 30 s a look whatever the
    // engine's signal says, in case it misleads (a transaction open longer than the signal allows
    // for): the rows on screen at once, the counts when the read budget lets them.
    if (m_ticks % 10 == 0)
        m_timelineDue = true;
    requestRead(m_ticks % 30 == 0, false);
}

ExpiryPage::~ExpiryPage()
{
    stopPoller();
}

void ExpiryPage::refreshTimelineInBackground()
{
    m_timelineDue = true;
    requestRead(false, false);
}

void ExpiryPage::setPaused(bool paused)
{
    m_paused = paused;
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
}

void ExpiryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_needsLoad && m_model)
        load();
    if (m_model)
        m_tick->start();
    if (m_scrollPending)
        QTimer::singleShot(0, this, &ExpiryPage::scrollToNow); // after the layout has given the view its size
}

void ExpiryPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_tick->stop(); // no queries for a page nobody looks at
}

QList<qint64> ExpiryPage::selectedIds() const
{
    if (!m_view->selectionModel() || !m_model)
        return {};
    // Selected rows that were never shown (Ctrl+A) are read on the session's worker, by their
    // place in the list: only once that place is exact (not while the list still stands on the
    // engine's estimate, nor while a recount is owed), or the read could name other tokens.
    QList<int> rows;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        rows << i.row();
    if (!placesExactly() && !m_model->holdsRows(rows))
        return {};
    return m_model->idsAt(rows, m_actions ? m_actions->sessionWorker() : nullptr);
}

bool ExpiryPage::placesExactly() const
{
    return m_model && !m_placeEstimated && m_model->countExact();
}

void ExpiryPage::actOnSelection(int action)
{
    if (!m_model || !m_actions)
        return;
    if (!placesExactly() && m_view->selectionModel()) {
        QList<int> rows;
        for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
            rows << i.row();
        if (!m_model->holdsRows(rows)) {
            m_prompter.inform(this, tr("Tokens"),
                tr("The list is still being counted, so the selected rows that were never on screen cannot be "
                   "told apart yet. Try again in a few seconds, or select rows on screen."));
            return;
        }
    }
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    switch (action) {
    case Revoke:
        // The count and the rows are right at once; the poller confirms in the background.
        if (m_actions->revoke(this, ids))
            m_model->removeIds(ids, 0);
        break;
    case Extend:
        m_actions->extend(this, ids, 86400);
        break;
    case Regenerate:
        m_actions->regenerate(this, ids, 86400);
        break;
    case Inspect:
        emit inspectRequested(m_model->tokenAt(m_view->selectionModel()->selectedRows().first().row()));
        return;
    }
    requestPoll(true); // show the change now rather than at the next tick
}

void ExpiryPage::updateAutoPurge()
{
    if (m_actions)
        m_settings.setAutoPurge(m_connectionKey, m_autoPurge->isChecked(), m_purgeMinutes->value());
    if (m_autoPurge->isChecked() && m_actions) {
        m_purgeTimer->start(m_purgeMinutes->value() * 60 * 1000);
        if (m_purgeStatus->text() == tr("Auto-purge is off."))
            m_purgeStatus->setText(tr("Auto-purge is on; it has not run yet."));
    } else {
        m_purgeTimer->stop();
        m_purgeStatus->setText(tr("Auto-purge is off."));
    }
    emit autoPurgeChanged(m_purgeTimer->isActive(), m_purgeMinutes->value());
}

bool ExpiryPage::autoPurgeActive() const
{
    return m_purgeTimer->isActive();
}

void ExpiryPage::runAutoPurge()
{
    if (!m_actions)
        return;
    const auto n = m_actions->purge(this, true);
    const QString when = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    if (n)
        m_purgeStatus->setText(tr("Last auto-purge at %1 removed %Ln token(s).", nullptr, int(*n)).arg(when));
    else
        m_purgeStatus->setText(tr("The auto-purge at %1 failed; see the status bar.").arg(when));
    requestPoll(true);
}

QString ExpiryPage::purgeStatus() const
{
    return m_purgeStatus->text();
}

QString ExpiryPage::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void ExpiryPage::setTokenPermissions(bool revoke, bool change)
{
    m_actionList.value(Revoke)->setEnabled(revoke);
    m_actionList.value(Extend)->setEnabled(change);
    m_actionList.value(Regenerate)->setEnabled(change);
    m_autoPurge->setEnabled(revoke);
    if (!revoke)
        m_autoPurge->setChecked(false);
}

void ExpiryPage::sizeTimeColumns()
{
    // As wide as the longest countdown and band in the language shown ("abgelaufen vor 23 h 59 min").
    const QFontMetrics fm(m_view->font());
    const int padding = 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 16;
    auto widest = [&](const QStringList &texts, int column) {
        int w = QFontMetrics(m_view->horizontalHeader()->font())
                    .horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString())
            + 24;
        for (const QString &t : texts)
            w = std::max(w, fm.horizontalAdvance(t) + padding);
        return w;
    };
    QStringList countdowns;
    for (qint64 s : { qint64(-59), qint64(-3599), qint64(-86399), qint64(-999) * 86400, qint64(59), qint64(3599),
             qint64(86399), qint64(999) * 86400 + 86399 })
        countdowns << ExpiryModel::countdown(s);
    QStringList bands;
    for (auto b : { ExpiryModel::Band::Expired, ExpiryModel::Band::UnderFiveMinutes, ExpiryModel::Band::UnderAnHour,
             ExpiryModel::Band::Later })
        bands << ExpiryModel::bandText(b);
    m_view->setColumnWidth(ExpiryModel::TimeLeftColumn, std::max(150, widest(countdowns, ExpiryModel::TimeLeftColumn)));
    m_view->setColumnWidth(ExpiryModel::BandColumn, std::max(100, widest(bands, ExpiryModel::BandColumn)));
}
