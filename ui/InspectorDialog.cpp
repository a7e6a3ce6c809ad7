#include "InspectorDialog.h"

#include "ExpiryText.h"
#include "TokenActions.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

InspectorDialog::InspectorDialog(TokenActions &actions, QWidget *parent)
    : QDialog(parent)
    , m_actions(actions)
{
    setObjectName(QStringLiteral("InspectorDialog"));
    setWindowTitle(tr("Token inspector"));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("tokenEdit"));
    m_input->setPlaceholderText(tr("Paste a token (from the trongateToken header or cookie)"));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_input->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_input->setClearButtonEnabled(true);
    auto *go = new QPushButton(tr("&Inspect"), this);
    go->setDefault(true);
    row->addWidget(m_input, 1);
    row->addWidget(go);
    layout->addLayout(row);
    m_output = new QLabel(this);
    m_output->setObjectName(QStringLiteral("resultLabel"));
    m_output->setWordWrap(true);
    m_output->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_output->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_output->setMinimumHeight(200);
    layout->addWidget(m_output, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_revoke = buttons->addButton(tr("&Revoke this token"), QDialogButtonBox::ActionRole);
    m_revoke->setObjectName(QStringLiteral("revokeButton"));
    m_revoke->setEnabled(false);
    layout->addWidget(buttons);
    connect(go, &QPushButton::clicked, this, [this] { inspect(m_input->text()); });
    connect(m_input, &QLineEdit::returnPressed, this, [this] { inspect(m_input->text()); });
    connect(m_revoke, &QPushButton::clicked, this, &InspectorDialog::revoke);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(640, 380);
}

void InspectorDialog::inspect(const QString &pasted)
{
    m_input->setText(pasted);
    QString error;
    m_result = m_actions.inspect(pasted, &error);
    m_revoke->setEnabled(m_result && m_result->found);
    if (!m_result) {
        m_output->setText(error);
        return;
    }
    const TokenInspection &r = *m_result;
    const auto yes = [](bool b) { return b ? tr("<b style='color:#2e7d32'>yes</b>") : tr("<b style='color:#c62828'>no</b>"); };
    if (!r.found) {
        m_output->setText(tr("<p><b>Not found.</b> No trongate_tokens row holds this token, so Trongate rejects it "
                             "everywhere.</p><p>%1</p>")
                              .arg(r.note.toHtmlEscaped()));
        return;
    }
    QString html;
    html += tr("<p><b>Found</b>: token %1, user %2%3.</p>")
                .arg(r.tokenId)
                .arg(r.userId)
                .arg(r.userMissing ? tr(" (no trongate_users row: an orphan)")
                                   : r.levelMissing ? tr(", level %1 (no trongate_user_levels row)").arg(r.userLevelId.value_or(0))
                                                    : tr(", level \"%1\" (%2)").arg(r.levelTitle.value_or(QString()).toHtmlEscaped()).arg(r.userLevelId.value_or(0)));
    if (r.noExpiry)
        html += tr("<p>Expiry: <b>none</b> (NULL): never valid, never purged.</p>");
    else
        html += tr("<p>Expiry: %1 (%2)%3</p>")
                    .arg(ExpiryText::localDateTime(*r.expiryDate), ExpiryText::relative(*r.expiryDate, m_actions.now()),
                         r.purgeable ? tr(" — Trongate's next purge deletes it") : QString());
    html += QStringLiteral("<table cellspacing='6'>");
    html += tr("<tr><td>Any level (validate any level, no user join):</td><td>%1</td></tr>").arg(yes(r.validAny));
    QStringList levels;
    for (qint64 l : r.validForLevels)
        levels << QString::number(l);
    html += tr("<tr><td>Single-level and list-of-levels checks pass for:</td><td>%1</td></tr>")
                .arg(levels.isEmpty() ? yes(false) : tr("level %1").arg(levels.join(QStringLiteral(", "))));
    html += QStringLiteral("</table>");
    if (r.orphan && r.validAny)
        html += tr("<p>⚠ An orphan token that still passes Trongate's any-level check until it expires. Revoke it if the "
                   "person is gone.</p>");
    if (r.caseDiffers)
        html += tr("<p>The stored token differs in letter case; this database compares case-insensitively, so Trongate "
                   "accepts it as typed.</p>");
    if (r.matches > 1)
        html += tr("<p>%1 rows match this token.</p>").arg(r.matches);
    if (!r.note.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(r.note.toHtmlEscaped());
    m_output->setText(html);
}

QString InspectorDialog::resultText() const
{
    return m_output->text();
}

bool InspectorDialog::revoke()
{
    if (!m_result || !m_result->found)
        return false;
    if (!m_actions.revoke(this, {m_result->tokenId}))
        return false;
    inspect(m_input->text());
    return true;
}
