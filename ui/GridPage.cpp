#include "GridPage.h"

#include "CsvExporter.h"
#include "ExportBar.h"
#include "GuardedDelegate.h"
#include "TokensModel.h"
#include "Prompter.h"

#include <QAbstractButton>
#include <climits>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QKeyEvent>
#include <QAbstractItemView>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMetaProperty>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

GridPage::GridPage(const QString &pageName, Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_pageName(pageName)
    , m_prompter(prompter)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    layout->addWidget(m_toolBar);

    m_save = addPageAction(tr("&Save"), QKeySequence::Save, QStringLiteral("saveAction"));
    m_save->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_save->setToolTip(tr("Write every change in one transaction (Ctrl+S)"));
    m_revert
        = addPageAction(tr("&Revert"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QStringLiteral("revertAction"));
    m_revert->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
    m_revert->setToolTip(tr("Discard the unsaved changes and show the saved state (Ctrl+Shift+Z)"));
    m_toolBar->addSeparator();
    QAction *add = addPageAction(tr("&Add"), QKeySequence(Qt::CTRL | Qt::Key_N), QStringLiteral("addAction"));
    add->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    QAction *duplicate
        = addPageAction(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), QStringLiteral("duplicateAction"));
    QAction *remove = addPageAction(tr("&Delete"), QKeySequence::Delete, QStringLiteral("deleteAction"));
    remove->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    remove->setToolTip(tr("Mark the selected rows for deletion; Save deletes them (Del toggles)"));
    m_toolBar->addSeparator();
    m_editActions = { add, duplicate, remove };
    m_export = addPageAction(tr("&Export CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E), QStringLiteral("exportAction"));

    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(6, 0, 6, 0);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F)…"));
    m_filterColumn = new QComboBox(this);
    m_filterColumn->setObjectName(QStringLiteral("filterColumnCombo"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("countLabel"));
    filterRow->addWidget(m_filter, 2);
    filterRow->addWidget(new QLabel(tr("in"), this));
    filterRow->addWidget(m_filterColumn);
    filterRow->addStretch(1);
    filterRow->addWidget(m_count);
    layout->addLayout(filterRow);

    // Every filter in force, said in one line with a way to drop them all: no row stays hidden unseen.
    m_filterBar = new QWidget(this);
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    m_filterBar->setVisible(false);
    m_filterBar->setAutoFillBackground(true);
    m_filterBar->setBackgroundRole(QPalette::AlternateBase);
    auto *barLayout = new QHBoxLayout(m_filterBar);
    barLayout->setContentsMargins(6, 2, 6, 2);
    m_filterSummary = new QLabel(m_filterBar);
    m_filterSummary->setObjectName(QStringLiteral("filterSummaryLabel"));
    m_filterSummary->setTextFormat(Qt::PlainText);
    auto *clear = new QToolButton(m_filterBar);
    clear->setObjectName(QStringLiteral("clearFiltersButton"));
    clear->setText(tr("✕ Show all rows"));
    clear->setToolTip(tr("Turn every filter off (Esc in the grid or the filter box)"));
    clear->setAccessibleName(tr("Clear the filters"));
    clear->setFocusPolicy(Qt::StrongFocus);
    barLayout->addWidget(m_filterSummary, 1);
    barLayout->addWidget(clear);
    connect(clear, &QToolButton::clicked, this, &GridPage::clearFilters);
    layout->addWidget(m_filterBar);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(m_message);

    m_exportBar = new ExportBar(this);
    layout->addWidget(m_exportBar);
    connect(m_exportBar, &ExportBar::finished, this, [this](const CsvExporter::Result &result, const QString &text) {
        m_export->setEnabled(true);
        showMessage(text, !result.ok && !result.cancelled);
        emit exportFinished(result.ok);
    });

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("gridView"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    // One line per row: with wrapping, "lena · lena.fischer@example.org" broke at its spaces and the
    // e-mail vanished behind "…" even in a wide column. Now text is elided only when it does not fit.
    m_view->setWordWrap(false);
    m_view->setSortingEnabled(true);
    m_view->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setMinimumWidth(22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    layout->addWidget(m_view, 1);
    m_delegate = new GuardedDelegate(m_view);
    m_view->setItemDelegate(m_delegate);
    // A refused edit comes back in its editor, as typed, next to the message saying why.
    connect(m_delegate, &GuardedDelegate::refused, this, [this](const QModelIndex &index, const QVariant &value) {
        QTimer::singleShot(0, this, [this, cell = QPersistentModelIndex(index), value] {
            if (!cell.isValid() || m_view->model() != cell.model())
                return;
            m_view->setCurrentIndex(cell);
            m_view->edit(cell);
            if (QWidget *editor = m_view->indexWidget(cell); editor && editor->metaObject()->userProperty().isValid())
                editor->metaObject()->userProperty().write(editor, value);
        });
    });
    m_filter->setAccessibleName(tr("Filter rows"));
    m_filterColumn->setAccessibleName(tr("Filter in column"));
    m_filterColumn->setToolTip(tr("The column the filter searches"));
    m_view->setAccessibleName(tr("%1 grid").arg(pageName));
    // Tab leaves the grid (arrow keys move between cells) and runs filter -> column -> grid.
    m_view->setTabKeyNavigation(false);
    // The corner button selects every row (Ctrl+A in the grid does the same).
    for (QAbstractButton *corner : m_view->findChildren<QAbstractButton *>())
        corner->setAccessibleName(tr("Select all rows (Ctrl+A)"));
    setTabOrder(m_filter, m_filterColumn);
    setTabOrder(m_filterColumn, m_view);

    // Right click, Shift+F10 and the Menu key offer the page's actions at the rows.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
        [this](const QPoint &pos) { showContextMenu(m_view->viewport()->mapToGlobal(pos)); });
    auto *menuKey = new QAction(this);
    // The Menu key arrives as a keyboard context-menu event; Shift+F10 needs a shortcut of its own.
    menuKey->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F10));
    menuKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(menuKey);
    connect(menuKey, &QAction::triggered, this, [this] {
        const QRect cell = m_view->visualRect(m_view->currentIndex());
        const QPoint at = cell.isValid() ? cell.bottomLeft() : QPoint(0, 0);
        showContextMenu(m_view->viewport()->mapToGlobal(at));
    });

    m_view->installEventFilter(this);
    m_filter->installEventFilter(this);

    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    focusFilter->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(focusFilter);
    connect(focusFilter, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });

    // Typing filters after a short pause, so a million rows are not counted per keystroke.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(300);
    connect(m_filter, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &GridPage::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &GridPage::applyFilter);
    connect(m_filterColumn, &QComboBox::currentIndexChanged, this, [this] {
        updateFilterChoices();
        applyFilter();
    });

    connect(m_save, &QAction::triggered, this, &GridPage::save);
    connect(m_revert, &QAction::triggered, this, &GridPage::revert);
    connect(add, &QAction::triggered, this, [this] {
        if (m_model)
            addRow();
    });
    connect(duplicate, &QAction::triggered, this, [this] {
        if (m_model)
            m_model->duplicateRows(selectedRows());
    });
    connect(remove, &QAction::triggered, this, [this] {
        if (m_model)
            deleteSelected();
    });
    connect(m_export, &QAction::triggered, this, &GridPage::onExport);
    updateCounts();
}

GridPage::~GridPage() = default;

QAction *GridPage::addPageAction(const QString &text, const QKeySequence &shortcut, const QString &objectName)
{
    auto *a = new QAction(text, this);
    a->setObjectName(objectName);
    a->setShortcut(shortcut);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // The tooltip names the shortcut, whatever tooltip the page gives the action later.
    connect(a, &QAction::changed, a, [a] {
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        const QString suffix = QStringLiteral(" (%1)").arg(keys);
        if (!keys.isEmpty() && !a->toolTip().contains(suffix))
            a->setToolTip(a->toolTip() + suffix);
    });
    emit a->changed();
    addAction(a);
    m_toolBar->addAction(a);
    return a;
}

QMenu *GridPage::contextMenu()
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("gridContextMenu"));
    // Every action of the page, also those the tool bar leaves out, in tool bar order.
    QList<QAction *> own = actions();
    for (QAction *a : m_toolBar->actions()) {
        if (a->isSeparator() && !menu->isEmpty())
            menu->addSeparator();
        else if (own.removeOne(a))
            menu->addAction(a);
    }
    for (QAction *a : std::as_const(own))
        if (!a->text().isEmpty())
            menu->addAction(a);
    return menu;
}

void GridPage::showContextMenu(const QPoint &globalPos)
{
    QMenu *menu = contextMenu();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void GridPage::setDatabase(const QSqlDatabase &db, GridModel::Clock clock, DbWorker *worker, DbWorker *countWorker,
    const RowEstimate &estimate)
{
    clearDatabase();
    m_model = createModel(db, std::move(clock));
    m_model->setWorker(worker, countWorker);
    m_model->setEstimate(estimate);
    m_filterColumn->blockSignals(true);
    m_filterColumn->clear();
    m_filterColumn->addItem(tr("all columns"), -1);
    for (int c = 0; c < m_model->columnCount(); ++c)
        if (m_model->isFilterable(c))
            m_filterColumn->addItem(m_model->headerData(c, Qt::Horizontal).toString(), c);
    m_filterColumn->blockSignals(false);
    updateFilterChoices();
    // A page behind another one in the window counts and fetches when it is first shown: opening
    // a database costs the round trips of the page on screen, not of every page.
    m_needsRefresh = window()->isVisible() && !isVisible();
    if (!m_needsRefresh)
        m_model->refresh();
    m_view->setModel(m_model);
    m_view->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    connect(m_model, &GridModel::validationFailed, this, [this](const QString &text) { showMessage(text, true); });
    connect(m_model, &GridModel::pendingChanged, this, [this] {
        // "Saved: …" would contradict the "n unsaved" beside it.
        if (m_savedShown && hasPendingChanges())
            showMessage({}, false);
        updateCounts();
        emit pendingChanged(hasPendingChanges());
    });
    connect(m_model, &GridModel::countsChanged, this, [this] {
        updateCounts();
        // With a worker the answer (and so a refusal) comes after refresh() returned.
        if (m_model->worker() && !m_model->lastError().isEmpty())
            showMessage(m_model->lastError(), true);
    });
    connect(m_model, &GridModel::loadingChanged, this, &GridPage::updateCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this, &GridPage::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &GridPage::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &GridPage::updateCounts);
    configureView();
    m_model->setReadOnly(m_readOnly);
    if (!m_model->lastError().isEmpty())
        showMessage(m_model->lastError(), true);
    else
        showMessage({}, false);
    updateCounts();
}

void GridPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_needsRefresh && m_model) {
        m_needsRefresh = false;
        m_model->refresh();
        updateCounts();
        if (!m_model->lastError().isEmpty())
            showMessage(m_model->lastError(), true);
    }
}

void GridPage::clearDatabase(const QString &reason)
{
    m_needsRefresh = false;
    m_conditionLabel.clear();
    if (m_model) {
        m_view->setModel(nullptr);
        delete m_model;
        m_model = nullptr;
    }
    showMessage(reason, false);
    updateCounts();
}

bool GridPage::hasPendingChanges() const
{
    return m_model && m_model->hasPendingChanges();
}

QList<int> GridPage::selectedRows() const
{
    QList<int> rows;
    if (!m_view->selectionModel())
        return rows;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        rows << i.row();
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows << m_view->currentIndex().row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void GridPage::deleteSelected()
{
    m_model->markDeleted(selectedRows());
}

bool GridPage::save()
{
    if (!m_model || !m_model->hasPendingChanges())
        return true;
    // An editor still open holds the last edit: taking the focus away commits it first.
    if (QWidget *f = QApplication::focusWidget(); f && m_view->viewport()->isAncestorOf(f))
        m_view->setFocus();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    GridModel::SaveResult r = m_model->submitAll();
    QApplication::restoreOverrideCursor();
    if (r.ok) {
        showMessage(tr("Saved: %n row(s) written in one transaction.", nullptr, r.rowsWritten), false);
        m_savedShown = true;
        emit saved(m_pageName, r.rowsWritten);
        return true;
    }
    if (r.conflicts.isEmpty()) {
        showMessage(r.error + QLatin1Char(' ') + tr("Nothing was written; your edits are still here."), true);
        return false;
    }
    QList<Prompter::ConflictRow> rows;
    const QStringList names = m_model->columnNames();
    for (const ChangeWriter::Conflict &c : std::as_const(r.conflicts)) {
        const QString rowName = tr("row %1").arg(c.id);
        if (c.deletedElsewhere) {
            rows << Prompter::ConflictRow { rowName, QString(), tr("present"),
                c.mine.isEmpty() ? tr("delete") : tr("edited"), tr("deleted by someone else") };
            continue;
        }
        for (int i = 0; i < c.original.size(); ++i) {
            const QVariant loaded = c.original.value(i);
            const QVariant current = c.current.value(i);
            const QVariant mine = c.mine.value(i, loaded);
            if (loaded == current && mine == loaded)
                continue;
            auto text = [](const QVariant &v) { return v.isNull() ? QStringLiteral("NULL") : v.toString(); };
            const bool secret
                = qobject_cast<const TokensModel *>(m_model) && names.value(i) == QLatin1String("token");
            rows << Prompter::ConflictRow { rowName, names.value(i), text(loaded),
                c.mine.isEmpty() ? tr("(delete)") : text(mine), text(current), secret };
        }
    }
    switch (m_prompter.resolveConflicts(this, rows)) {
    case Prompter::ConflictAnswer::Overwrite:
        m_model->rebaseOnCurrent(r.conflicts);
        r = m_model->submitAll();
        if (r.ok) {
            showMessage(tr("Saved over the other changes: %n row(s) written.", nullptr, r.rowsWritten), false);
            m_savedShown = true;
            emit saved(m_pageName, r.rowsWritten);
            return true;
        }
        showMessage(
            r.error.isEmpty() ? tr("The rows changed again while saving. Nothing was written.") : r.error, true);
        return false;
    case Prompter::ConflictAnswer::DiscardMine: {
        QList<qint64> ids;
        for (const ChangeWriter::Conflict &c : std::as_const(r.conflicts))
            ids << c.id;
        m_model->discardEdits(ids);
        showMessage(
            tr("Dropped your changes to %n row(s) changed elsewhere; save again for the rest.", nullptr, int(ids.size())), false);
        return false;
    }
    case Prompter::ConflictAnswer::KeepEditing:
        break;
    }
    showMessage(tr("Nothing was saved: %n row(s) were changed by someone else. Your edits are still here.", nullptr,
                    int(r.conflicts.size())),
        true);
    return false;
}

void GridPage::revert()
{
    if (!m_model)
        return;
    m_model->revertAll();
    m_model->refresh();
    showMessage(tr("Reverted to the saved state."), false);
}

bool GridPage::confirmLeave()
{
    if (!hasPendingChanges())
        return true;
    switch (m_prompter.askUnsaved(
        this, tr("The %1 grid has %n unsaved change(s). Save them?", nullptr, m_model->pendingCount()).arg(m_pageName))) {
    case Prompter::UnsavedAnswer::Save:
        return save();
    case Prompter::UnsavedAnswer::Discard:
        m_model->revertAll();
        return true;
    case Prompter::UnsavedAnswer::Cancel:
        break;
    }
    return false;
}

void GridPage::applyFilter()
{
    if (!m_model)
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_model->setFilter(m_filter->text(), m_filterColumn->currentData().toInt());
    QApplication::restoreOverrideCursor();
    updateCounts();
}

void GridPage::updateFilterChoices()
{
    const QStringList choices = m_model ? m_model->filterChoices(m_filterColumn->currentData().toInt()) : QStringList();
    delete m_filter->completer();
    if (choices.isEmpty()) {
        m_filter->setPlaceholderText(tr("Filter (Ctrl+F)…"));
        return;
    }
    auto *completer = new QCompleter(choices, m_filter);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_filter->setCompleter(completer);
    m_filter->setPlaceholderText(tr("e.g. %1 (Ctrl+F)…").arg(choices.join(QStringLiteral(", "))));
}

bool GridPage::isFiltered() const
{
    return m_model && (!m_model->condition().isEmpty() || !m_model->filterText().trimmed().isEmpty());
}

QString GridPage::filterSummary() const
{
    if (!isFiltered())
        return {};
    QStringList parts;
    if (!m_model->condition().isEmpty())
        parts << m_conditionLabel;
    if (const QString text = m_model->filterText().trimmed(); !text.isEmpty()) {
        const int column = m_model->filterColumn();
        parts << (column < 0 ? tr("any column contains \"%1\"").arg(text)
                             : tr("%1 contains \"%2\"")
                                   .arg(m_model->headerData(column, Qt::Horizontal).toString(), text));
    }
    return tr("Filtered: %1").arg(parts.join(QStringLiteral(" · ")));
}

void GridPage::updateFilterBar()
{
    const QString summary = filterSummary();
    m_filterBar->setVisible(!summary.isEmpty());
    m_filterSummary->setText(summary);
}

void GridPage::clearFilters()
{
    if (!m_model)
        return;
    m_conditionLabel.clear();
    {
        const QSignalBlocker noDebounce(m_filter);
        const QSignalBlocker noApply(m_filterColumn);
        m_filter->clear();
        m_filterColumn->setCurrentIndex(0);
    }
    updateFilterChoices();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_model->setCondition({});
    m_model->setFilter({}, -1);
    QApplication::restoreOverrideCursor();
    updateCounts();
}

void GridPage::showOnly(const QString &label, const QString &sql)
{
    clearFilters();
    setCondition(label, sql);
}

bool GridPage::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_view || watched == m_filter) && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape
        && static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier && (isFiltered() || !m_filter->text().isEmpty())
        && !(m_filter->completer() && m_filter->completer()->popup()->isVisible())) {
        clearFilters();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void GridPage::setFilter(const QString &text, int column)
{
    m_filter->setText(text);
    m_filterColumn->setCurrentIndex(std::max(0, m_filterColumn->findData(column)));
    applyFilter();
}

void GridPage::setCondition(const QString &label, const QString &sql)
{
    if (!m_model)
        return;
    m_conditionLabel = sql.isEmpty() ? QString() : label;
    m_model->setCondition(sql);
    updateCounts();
}

void GridPage::setReadOnly(bool readOnly, const QString &reason)
{
    m_readOnly = readOnly;
    if (m_model)
        m_model->setReadOnly(readOnly);
    for (QAction *a : std::as_const(m_editActions))
        a->setEnabled(!readOnly);
    m_view->setEditTriggers(readOnly
            ? QAbstractItemView::NoEditTriggers
            : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    if (readOnly)
        showMessage(reason, false);
    updateCounts();
}

void GridPage::updateCounts()
{
    const bool pending = hasPendingChanges() && !m_readOnly;
    m_save->setEnabled(pending);
    m_revert->setEnabled(pending);
    updateFilterBar();
    if (!m_model) {
        m_count->clear();
        return;
    }
    if (!m_model->hasCounts()) {
        m_count->setText(m_model->isLoading() ? tr("Loading…") : QString());
        return;
    }
    QString text = countsText();
    const bool exact = m_model->totalCertainty() == GridModel::Certainty::Exact
        && m_model->countCertainty() == GridModel::Certainty::Exact;
    m_count->setToolTip(exact ? QString()
            : m_model->isCounting()
            ? tr("The exact count is on its way; the rows are shown meanwhile.")
            : tr("The exact count could not be read."));
    if (pending)
        text += QStringLiteral(" · ") + tr("%n unsaved", "", m_model->pendingCount());
    m_count->setText(text);
}

QString GridPage::countsText() const
{
    using Certainty = GridModel::Certainty;
    const QLocale l;
    const Certainty total = m_model->totalCertainty();
    const Certainty count = m_model->countCertainty();
    const int totalRows = int(std::min<qint64>(m_model->totalCount(), INT_MAX));
    const int aboutRows = int(std::min<qint64>(RowEstimate::rounded(m_model->totalCount()), INT_MAX));
    const QString counted = l.toString(m_model->filteredCount());
    if (count == Certainty::Exact && total == Certainty::Exact)
        return tr("%1 of %Ln row(s)", nullptr, totalRows).arg(counted);
    if (!m_model->isFiltered()) {
        return total == Certainty::Estimated ? tr("about %Ln row(s)", nullptr, aboutRows) : tr("counting rows…");
    }
    if (count == Certainty::Exact) {
        return total == Certainty::Estimated ? tr("%1 of about %Ln row(s)", nullptr, aboutRows).arg(counted)
                                             : tr("%Ln matching row(s), counting all…", nullptr,
                                                 int(std::min<qint64>(m_model->filteredCount(), INT_MAX)));
    }
    switch (total) {
    case Certainty::Exact:
        return tr("counting… of %Ln row(s)", nullptr, totalRows);
    case Certainty::Estimated:
        return tr("counting… of about %Ln row(s)", nullptr, aboutRows);
    case Certainty::Unknown:
        break;
    }
    return tr("counting rows…");
}

QString GridPage::countText() const
{
    return m_count->text();
}

void GridPage::showMessage(const QString &text, bool error)
{
    m_savedShown = false;
    m_message->setVisible(!text.isEmpty());
    m_message->setText(error ? QStringLiteral("⚠ ") + text : text);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    m_message->setPalette(pal);
}

QString GridPage::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

bool GridPage::exportCsv(const QString &path, bool includeSecrets)
{
    if (!m_model || isExporting())
        return false;
    // Copied here; the export's thread then needs nothing of the model, which may change or go.
    const GridModel::ExportSource source = m_model->exportSource();
    auto work = [source, path, includeSecrets](const CsvExporter::Progress &progress) {
        return CsvExporter::write(
            path, source.headers,
            [&source, includeSecrets](const CsvExporter::Sink &sink, QString *error) {
                return GridModel::exportRows(source, includeSecrets, sink, error);
            },
            progress);
    };
    if (!m_exportBar->start(work, path, source.rows))
        return false;
    m_export->setEnabled(false);
    showMessage({}, false);
    return true;
}

bool GridPage::isExporting() const
{
    return m_exportBar->isRunning();
}

void GridPage::onExport()
{
    if (!m_model)
        return;
    bool includeSecrets = false;
    if (exportHasSecrets()) {
        const int choice = m_prompter.choose(this, tr("Export CSV"),
            tr("Token strings are credentials. Export them masked (first 6 "
               "characters), or in full?"),
            { tr("Masked"), tr("Full tokens") }, 0);
        if (choice < 0)
            return;
        includeSecrets = choice == 1;
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export CSV"), dir + QLatin1Char('/') + m_pageName + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path, includeSecrets);
}
