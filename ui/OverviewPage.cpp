#include "OverviewPage.h"

#include "connection/DatabaseSession.h"
#include "TableSummaryModel.h"
#include "connection/DbWorker.h"
#include "schema/RowEstimate.h"
#include "schema/TrongateSchema.h"

#include <QSqlError>
#include "tokens/TokenStatistics.h"

#include <QDateTime>
#include <QLocale>

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

OverviewPage::OverviewPage(DatabaseSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("OverviewPage"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("titleLabel"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    layout->addWidget(m_title);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    layout->addWidget(m_details);

    auto *schemaFrame = new QFrame(this);
    schemaFrame->setFrameShape(QFrame::StyledPanel);
    auto *schemaRow = new QHBoxLayout(schemaFrame);
    m_schemaStatus = new QLabel(schemaFrame);
    m_schemaStatus->setObjectName(QStringLiteral("schemaStatusLabel"));
    m_schemaStatus->setWordWrap(true);
    schemaRow->addWidget(m_schemaStatus, 1);
    m_install = new QPushButton(tr("&Install missing tables…"), schemaFrame);
    m_install->setObjectName(QStringLiteral("installButton"));
    m_verify = new QPushButton(style()->standardIcon(QStyle::SP_DialogApplyButton), tr("&Verify schema…"), schemaFrame);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    schemaRow->addWidget(m_install);
    schemaRow->addWidget(m_verify);
    layout->addWidget(schemaFrame);

    m_stats = new QWidget(this);
    auto *statsRow = new QHBoxLayout(m_stats);
    statsRow->setContentsMargins(0, 4, 0, 4);
    const QList<QPair<QString, QString>> tiles = {
        { QStringLiteral("valid"), tr("valid tokens") },
        { QStringLiteral("hour"), tr("expire within the hour") },
        { QStringLiteral("purgeable"), tr("expired, awaiting purge") },
        { QStringLiteral("noExpiry"), tr("without expiry (never valid)") },
        { QStringLiteral("orphans"), tr("orphans (user row missing)") },
    };
    for (const auto &[key, caption] : tiles) {
        auto *tile = new QFrame(m_stats);
        tile->setFrameShape(QFrame::StyledPanel);
        tile->setBackgroundRole(QPalette::Base);
        tile->setAutoFillBackground(true);
        auto *v = new QVBoxLayout(tile);
        auto *value = new QLabel(QStringLiteral("–"), tile);
        value->setObjectName(QStringLiteral("stat_") + key);
        QFont f = value->font();
        f.setPointSizeF(f.pointSizeF() * 1.8);
        f.setBold(true);
        value->setFont(f);
        auto *label = new QLabel(caption, tile);
        label->setWordWrap(true);
        label->setForegroundRole(QPalette::PlaceholderText);
        v->addWidget(value);
        v->addWidget(label);
        statsRow->addWidget(tile, 1);
        m_statValues.insert(key, value);
    }
    layout->addWidget(m_stats);

    auto *tablesLabel = new QLabel(tr("Tables"), this);
    QFont bold = tablesLabel->font();
    bold.setBold(true);
    tablesLabel->setFont(bold);
    layout->addWidget(tablesLabel);
    m_model = new TableSummaryModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("tablesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(TableSummaryModel::NameColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TableSummaryModel::RoleColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(TableSummaryModel::RowsColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);

    connect(m_verify, &QPushButton::clicked, this, &OverviewPage::verifyRequested);
    connect(m_install, &QPushButton::clicked, this, &OverviewPage::installRequested);
}

void OverviewPage::invalidate()
{
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void OverviewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void OverviewPage::refresh()
{
    m_stale = false;
    ++m_generation;
    m_loading = false;
    m_counting = false;
    m_readingStats = false;
    if (!m_session.isOpen()) {
        m_title->setText(tr("No database open"));
        m_details->setText(tr("Open a connection with File ▸ Connections… (Ctrl+O)."));
        m_schemaStatus->clear();
        m_model->clear();
        m_verify->setEnabled(false);
        m_install->setVisible(false);
        m_stats->setVisible(false);
        return;
    }
    const ConnectionProfile &p = m_session.profile();
    const ConnectResult &info = m_session.info();
    m_title->setText(p.name);
    QString details = ConnectionProfile::driverLabel(p.driver) + QStringLiteral(" · ") + p.displayName();
    if (!info.serverVersion.isEmpty())
        details += QStringLiteral(" · ") + info.serverVersion;
    if (p.isServer())
        details += QStringLiteral(" · ") + (info.tlsActive ? tr("encrypted (TLS)") : tr("not encrypted"));
    m_details->setText(details);

    // The counts and statistics scan whole tables: they are read on the session's worker threads
    // while the page shows what it knows already. First the tables with the engine's estimates of
    // the big ones (and everything of a small database), then, on the count worker, the exact
    // counts and the statistics of big tables.
    DbWorker *worker = m_session.worker();
    if (!worker)
        return;
    m_loading = true;
    m_counting = false;
    m_schemaStatus->setText(tr("Counting rows…"));
    const quint64 generation = ++m_generation;
    const qint64 exactBelow = RowEstimate::exactCountBelow();
    auto statsNext = std::make_shared<bool>(false); // set by the first job, read by the second
    worker->run<Counted>(
        this,
        [exactBelow, statsNext](QSqlDatabase &db) {
            Counted c;
            if (!db.isOpen()) {
                c.error = tr("the database could not be reached: %1").arg(db.lastError().text());
                return c;
            }
            c.rows = TableSummaryModel::read(db, &c.ok, &c.error, exactBelow);
            bool tokensCounted = false;
            int missing = 0;
            for (const auto &r : c.rows) {
                missing += r.trongate && !r.present;
                if (r.table == TrongateSchema::Tokens)
                    tokensCounted = r.count == TableSummaryModel::Row::Count::Exact;
            }
            // The statistics scan trongate_tokens as a count does: right behind the tables (a
            // statement more, the tables on screen meanwhile) when it was counted, else later.
            if (c.ok && missing == 0) {
                c.statsNext = tokensCounted;
                c.statsLater = !tokensCounted;
            }
            *statsNext = c.statsNext;
            return c;
        },
        [this, generation](Counted c) {
            if (generation != m_generation)
                return; // a newer refresh is on its way
            m_loading = false;
            m_readingStats = c.statsNext;
            showCounts(c);
            if (c.ok && (c.statsLater || !TableSummaryModel::allExact(c.rows)))
                countExactly(c, generation);
        });
    struct Read {
        bool asked = false;
        bool ok = false;
        QString error;
        TokenStatistics stats;
    };
    worker->run<Read>(
        this,
        [statsNext](QSqlDatabase &db) {
            Read r;
            r.asked = *statsNext && !DbWorker::stopRequested();
            if (r.asked)
                r.ok = TokenStatistics::read(db, QDateTime::currentSecsSinceEpoch(), &r.stats, &r.error);
            return r;
        },
        [this, generation](Read r) {
            if (generation != m_generation || !r.asked)
                return;
            m_readingStats = false;
            if (m_tablesFailed) // the page says the tables could not be read: nothing beside that
                return;
            if (r.ok)
                showStatistics(r.stats);
            else
                showStatisticsFailed(r.error);
        });
}

void OverviewPage::showStatisticsFailed(const QString &error)
{
    // Said rather than left at "…".
    for (QLabel *value : std::as_const(m_statValues)) {
        value->setText(tr("not read", "a token statistic whose read failed"));
        value->setToolTip(tr("The token statistics could not be read: %1").arg(error));
    }
    m_stats->setVisible(true);
}

void OverviewPage::showStatistics(const TokenStatistics &stats)
{
    const QLocale locale;
    m_statValues[QStringLiteral("valid")]->setText(locale.toString(stats.valid));
    m_statValues[QStringLiteral("hour")]->setText(locale.toString(stats.expiringWithinHour));
    m_statValues[QStringLiteral("purgeable")]->setText(locale.toString(stats.purgeable));
    m_statValues[QStringLiteral("noExpiry")]->setText(locale.toString(stats.noExpiry));
    m_statValues[QStringLiteral("orphans")]->setText(locale.toString(stats.orphans));
    for (QLabel *value : std::as_const(m_statValues))
        value->setToolTip({});
    m_stats->setVisible(true);
}

void OverviewPage::countExactly(const Counted &first, quint64 generation)
{
    DbWorker *worker = m_session.countWorker();
    if (!worker)
        return;
    m_counting = true;
    worker->run<Counted>(
        this,
        [first](QSqlDatabase &db) {
            Counted c = first;
            c.statsNext = false; // those arrive on their own
            c.rows = TableSummaryModel::countExactly(db, first.rows, &c.ok, &c.error);
            if (c.ok && first.statsLater && !DbWorker::stopRequested()) {
                c.statsLater = false;
                c.haveStats = TokenStatistics::read(db, QDateTime::currentSecsSinceEpoch(), &c.stats, &c.statsError);
                c.statsFailed = !c.haveStats;
            }
            return c;
        },
        [this, generation](Counted c) {
            if (generation != m_generation)
                return;
            m_counting = false;
            showCounts(c);
        });
}

void OverviewPage::showCounts(const Counted &c)
{
    m_model->setRows(c.rows);
    m_tablesFailed = !c.ok;
    if (!c.ok) {
        m_schemaStatus->setText(tr("The tables could not be read: %1").arg(c.error));
        m_install->setVisible(false);
        m_stats->setVisible(false);
        return;
    }
    const int missing = m_model->missingTrongateTables();
    const bool following = c.statsLater || c.statsNext;
    // Statistics shown by their own read (statsNext) stay when the exact counts arrive after them.
    m_stats->setVisible(c.haveStats || following || (m_stats->isVisibleTo(this) && missing == 0));
    if (c.haveStats)
        showStatistics(c.stats);
    else if (c.statsFailed)
        showStatisticsFailed(c.statsError);
    // While they are read again (a refresh after a change) the figures say "…": the old ones
    // could be off by what changed.
    for (QLabel *value : std::as_const(m_statValues)) {
        if (following) {
            value->setText(QStringLiteral("…"));
            value->setToolTip(tr("Counting the tokens; the figures follow."));
        }
    }
    m_verify->setEnabled(missing < 3);
    m_install->setVisible(missing > 0);
    if (missing == 0)
        m_schemaStatus->setText(tr("✔ Trongate's three tables are present. Verify them against Trongate's definitions "
                                   "at any time; verifying changes nothing."));
    else if (missing == 3)
        m_schemaStatus->setText(tr("This database has none of Trongate's tables: it is not a Trongate database yet. "
                                   "Install them (you see the SQL first), or open another connection."));
    else
        m_schemaStatus->setText(
            tr("Trongate's tables missing here: %1 of 3. Install them (you see the SQL first).").arg(missing));
}

QString OverviewPage::schemaStatusText() const
{
    return m_schemaStatus->text();
}

QString OverviewPage::statText(const QString &key) const
{
    const QLabel *l = m_statValues.value(key);
    return l && m_stats->isVisibleTo(this) ? l->text() : QString();
}
