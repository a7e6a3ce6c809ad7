#pragma once

#include <QCoreApplication>
#include <QString>

// The activity log stores what happened in neutral English words ("revoke", "all tokens of user 52"),
// the same whichever language wrote it; this turns them into the reader's language when shown.
// Text it does not recognise (an older record, a schema change's id) is shown as stored.
class ActivityText final {
    Q_DECLARE_TR_FUNCTIONS(ActivityText)

public:
    static QString action(const QString &stored);
    static QString detail(const QString &stored);
};
