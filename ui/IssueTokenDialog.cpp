#include "IssueTokenDialog.h"

#include "SecretClipboard.h"

#include "TokenActions.h"
#include "UserPickerDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

IssueTokenDialog::IssueTokenDialog(TokenActions &actions, const QList<qint64> &userIds, int clipboardSeconds, QWidget *parent)
    : QDialog(parent)
    , m_actions(actions)
    , m_clipboardSeconds(clipboardSeconds)
{
    setObjectName(QStringLiteral("IssueTokenDialog"));
    setWindowTitle(tr("Issue tokens"));
    auto *layout = new QVBoxLayout(this);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    // Step 1: who, how long, how many.
    auto *form = new QWidget(m_stack);
    auto *fl = new QFormLayout(form);
    auto *usersRow = new QVBoxLayout;
    m_userList = new QListWidget(form);
    m_userList->setObjectName(QStringLiteral("userList"));
    m_userList->setMaximumHeight(110);
    auto *pick = new QPushButton(tr("&Add a user…"), form);
    pick->setObjectName(QStringLiteral("addUserButton"));
    usersRow->addWidget(m_userList);
    usersRow->addWidget(pick, 0, Qt::AlignLeft);
    fl->addRow(tr("Users:"), usersRow);
    m_lifetime = new QComboBox(form);
    m_lifetime->setObjectName(QStringLiteral("lifetimeCombo"));
    m_lifetime->addItem(tr("15 minutes"), 900);
    m_lifetime->addItem(tr("1 hour"), 3600);
    m_lifetime->addItem(tr("24 hours (Trongate's default)"), 86400);
    m_lifetime->addItem(tr("7 days"), 7 * 86400);
    m_lifetime->addItem(tr("30 days (\"remember me\")"), 30 * 86400);
    m_lifetime->addItem(tr("until an exact date and time…"), 0);
    m_lifetime->setCurrentIndex(2);
    fl->addRow(tr("&Lifetime:"), m_lifetime);
    m_exact = new QDateTimeEdit(QDateTime::currentDateTime().addDays(1), form);
    m_exact->setObjectName(QStringLiteral("exactExpiry"));
    m_exact->setCalendarPopup(true);
    m_exact->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_exact->setEnabled(false);
    fl->addRow(tr("&Expires at (local time):"), m_exact);
    m_code = new QLineEdit(QStringLiteral("0"), form);
    m_code->setObjectName(QStringLiteral("codeEdit"));
    m_code->setMaxLength(3);
    m_code->setToolTip(tr("trongate_tokens.code: at most 3 characters, \"0\" unless your application uses it"));
    fl->addRow(tr("&Code:"), m_code);
    m_count = new QSpinBox(form);
    m_count->setObjectName(QStringLiteral("countSpin"));
    m_count->setRange(1, 1000);
    fl->addRow(tr("Tokens per &user:"), m_count);
    m_message = new QLabel(form);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    fl->addRow(m_message);
    m_stack->addWidget(form);

    // Step 2: the tokens, shown once.
    auto *result = new QWidget(m_stack);
    auto *rl = new QVBoxLayout(result);
    m_resultNote = new QLabel(result);
    m_resultNote->setWordWrap(true);
    rl->addWidget(m_resultNote);
    m_result = new QTableWidget(0, 4, result);
    m_result->setObjectName(QStringLiteral("resultTable"));
    m_result->setHorizontalHeaderLabels({tr("ID"), tr("User"), tr("Token"), tr("Expires")});
    m_result->verticalHeader()->hide();
    m_result->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_result->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_result->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_result->horizontalHeader()->setStretchLastSection(true);
    rl->addWidget(m_result, 1);
    auto *copyRow = new QHBoxLayout;
    auto *copy = new QPushButton(tr("&Copy token"), result);
    auto *header = new QPushButton(tr("Copy as HTTP &header"), result);
    auto *curl = new QPushButton(tr("Copy a c&url example"), result);
    copyRow->addWidget(copy);
    copyRow->addWidget(header);
    copyRow->addWidget(curl);
    copyRow->addStretch(1);
    rl->addLayout(copyRow);
    m_stack->addWidget(result);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *issueButton = buttons->addButton(tr("&Issue"), QDialogButtonBox::ActionRole);
    issueButton->setObjectName(QStringLiteral("issueButton"));
    issueButton->setDefault(true);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(issueButton, &QPushButton::clicked, this, [this, issueButton] {
        if (issue())
            issueButton->setEnabled(false);
    });
    connect(m_lifetime, &QComboBox::currentIndexChanged, this, &IssueTokenDialog::updateExpiry);
    connect(m_exact, &QDateTimeEdit::dateTimeChanged, this, &IssueTokenDialog::updateExpiry);
    connect(pick, &QPushButton::clicked, this, [this] {
        qint64 id = 0;
        if (m_picker) {
            id = m_picker();
        } else {
            UserPickerDialog dialog(m_actions.database(), m_actions.sessionWorker(), this);
            if (dialog.exec() == QDialog::Accepted)
                id = dialog.selectedUserId();
        }
        if (id > 0)
            addUser(id);
    });
    auto current = [this] { return std::max(0, m_result->currentRow()); };
    connect(copy, &QPushButton::clicked, this, [this, current] { copyToken(current(), false); });
    connect(header, &QPushButton::clicked, this, [this, current] { copyToken(current(), true); });
    connect(curl, &QPushButton::clicked, this, [this, current] {
        if (current() < m_issued.size()) {
            const QString text = curlExample(m_issued.at(current()).token);
            SecretClipboard::copy(text, m_clipboardSeconds);
        }
    });
    // One look-up of the people for all chosen users.
    const QHash<qint64, QString> names = m_actions.describeUsers(userIds);
    for (qint64 id : userIds)
        addUser(id, names.value(id));
    updateExpiry();
    resize(720, 460);
}

IssueTokenDialog::~IssueTokenDialog()
{
    // The tokens were shown once; do not keep them around in widgets.
    m_result->clearContents();
    for (IssuedToken &t : m_issued)
        t.token.fill(QLatin1Char('\0'));
}

void IssueTokenDialog::addUser(qint64 id, const QString &name)
{
    if (m_users.contains(id))
        return;
    m_users << id;
    m_userList->addItem(name.isEmpty() ? m_actions.describeUser(id) : name);
}

void IssueTokenDialog::setLifetimePreset(int seconds)
{
    m_lifetime->setCurrentIndex(std::max(0, m_lifetime->findData(seconds)));
}

void IssueTokenDialog::setExactExpiry(const QDateTime &when)
{
    m_lifetime->setCurrentIndex(m_lifetime->findData(0));
    m_exact->setDateTime(when);
}

void IssueTokenDialog::setCode(const QString &code)
{
    m_code->setText(code);
}

void IssueTokenDialog::setCount(int count)
{
    m_count->setValue(count);
}

QString IssueTokenDialog::message() const
{
    return m_message->text();
}

QDateTime IssueTokenDialog::expiryShown() const
{
    return m_exact->dateTime();
}

void IssueTokenDialog::updateExpiry()
{
    // A preset shows the time it gives (not what an earlier choice gave); the exact field is the
    // person's own. Either way a refusal about the old choice no longer applies.
    const int preset = m_lifetime->currentData().toInt();
    m_exact->setEnabled(preset == 0);
    if (preset > 0) {
        const QSignalBlocker noLoop(m_exact);
        m_exact->setDateTime(QDateTime::fromSecsSinceEpoch(m_actions.now() + preset));
    }
    QString error;
    chosenExpiry(&error);
    m_message->setText(error);
}

qint64 IssueTokenDialog::chosenExpiry(QString *error) const
{
    const int preset = m_lifetime->currentData().toInt();
    if (preset > 0)
        return m_actions.now() + preset;
    const qint64 when = m_exact->dateTime().toSecsSinceEpoch();
    if (when <= m_actions.now())
        *error = tr("That time is in the past: a token must expire in the future.");
    return when;
}

bool IssueTokenDialog::issue()
{
    if (m_users.isEmpty()) {
        m_message->setText(tr("Add at least one user."));
        return false;
    }
    QString error;
    const qint64 expiry = chosenExpiry(&error);
    if (!error.isEmpty()) {
        m_message->setText(error);
        return false;
    }
    QString failure;
    const auto connection = connect(&m_actions, &TokenActions::failed, this, [&failure](const QString &m) { failure = m; });
    const auto issued = m_actions.issue(this, m_users, expiry, m_code->text(), m_count->value());
    disconnect(connection);
    if (!issued) {
        m_message->setText(failure);
        return false;
    }
    m_issued = *issued;
    m_result->setRowCount(int(m_issued.size()));
    for (int i = 0; i < m_issued.size(); ++i) {
        const IssuedToken &t = m_issued.at(i);
        m_result->setItem(i, 0, new QTableWidgetItem(QString::number(t.id)));
        m_result->setItem(i, 1, new QTableWidgetItem(QString::number(t.userId)));
        m_result->setItem(i, 2, new QTableWidgetItem(t.token));
        m_result->setItem(i, 3, new QTableWidgetItem(TokenService::utcText(t.expiry)));
    }
    m_result->resizeColumnsToContents();
    m_resultNote->setText(tr("<b>%n token(s) issued.</b> They are shown in full only now: copy what you need before "
                             "closing. The clipboard is cleared after %1 s if it still holds a token.",
                              nullptr, int(m_issued.size()))
                              .arg(m_clipboardSeconds));
    m_stack->setCurrentIndex(1);
    return true;
}

QString IssueTokenDialog::curlExample(const QString &token)
{
    return QStringLiteral("curl -H 'trongateToken: %1' https://example.com/api/...").arg(token);
}

void IssueTokenDialog::copyToken(int row, bool asHeader)
{
    if (row < 0 || row >= m_issued.size())
        return;
    const QString text = asHeader ? QStringLiteral("trongateToken: ") + m_issued.at(row).token : m_issued.at(row).token;
    SecretClipboard::copy(text, m_clipboardSeconds);
}
