#pragma once

#include "tokens/TokenService.h"

#include <QDialog>

class TokenActions;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

// Issues tokens the way Trongate's generate_token does, for one or several users at once, in one
// transaction. The new tokens are shown in full exactly once, with copy helpers; the clipboard is
// cleared again after a while if it still holds a token.
class IssueTokenDialog final : public QDialog {
    Q_OBJECT

public:
    IssueTokenDialog(TokenActions &actions, const QList<qint64> &userIds, int clipboardSeconds, QWidget *parent = nullptr);
    ~IssueTokenDialog() override;

    void setUserPicker(std::function<qint64()> picker) { m_picker = std::move(picker); }
    // name: as TokenActions::describeUser gives it; looked up when empty.
    void addUser(qint64 id, const QString &name = {});
    void setLifetimePreset(int seconds);  // one of the presets
    void setExactExpiry(const QDateTime &when);
    void setCode(const QString &code);
    void setCount(int count);
    // Issues; false (nothing inserted) with the reason shown when refused.
    bool issue();
    QString message() const;
    QDateTime expiryShown() const; // what "Expires at" says
    QList<IssuedToken> issued() const { return m_issued; }
    void copyToken(int row, bool asHeader);
    static QString curlExample(const QString &token);

private:
    qint64 chosenExpiry(QString *error) const;
    void updateExpiry();

    TokenActions &m_actions;
    int m_clipboardSeconds;
    std::function<qint64()> m_picker;
    QList<qint64> m_users;
    QList<IssuedToken> m_issued;
    QStackedWidget *m_stack = nullptr;
    QListWidget *m_userList = nullptr;
    QComboBox *m_lifetime = nullptr;
    QDateTimeEdit *m_exact = nullptr;
    QLineEdit *m_code = nullptr;
    QSpinBox *m_count = nullptr;
    QLabel *m_message = nullptr;
    QTableWidget *m_result = nullptr;
    QLabel *m_resultNote = nullptr;
};
