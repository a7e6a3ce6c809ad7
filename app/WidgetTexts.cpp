#include "WidgetTexts.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QTextDocumentFragment>

namespace WidgetTexts {

namespace {
void add(QStringList &out, QString text)
{
    text.remove(QLatin1Char('&'));
    text = text.simplified();
    if (!text.isEmpty())
        out << text;
}
} // namespace

QStringList collect(const QWidget &window)
{
    QStringList out;
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (const QWidget *w : widgets) {
        if (!w->isVisibleTo(&window) || qobject_cast<const QMenu *>(w))
            continue;
        if (auto *label = qobject_cast<const QLabel *>(w))
            add(out, Qt::mightBeRichText(label->text()) ? QTextDocumentFragment::fromHtml(label->text()).toPlainText()
                                                       : label->text());
        else if (auto *button = qobject_cast<const QAbstractButton *>(w))
            add(out, button->text());
        else if (auto *edit = qobject_cast<const QLineEdit *>(w))
            add(out, edit->text().isEmpty() ? edit->placeholderText() : edit->text());
        else if (auto *combo = qobject_cast<const QComboBox *>(w))
            add(out, combo->currentText());
        else if (auto *group = qobject_cast<const QGroupBox *>(w))
            add(out, group->title());
        else if (auto *tabs = qobject_cast<const QTabBar *>(w))
            for (int i = 0; i < tabs->count(); ++i)
                add(out, tabs->tabText(i));
        else if (auto *header = qobject_cast<const QHeaderView *>(w); header && header->model())
            for (int i = 0; i < header->count(); ++i)
                if (!header->isSectionHidden(i))
                    add(out, header->model()->headerData(i, header->orientation()).toString());
        if (auto *list = qobject_cast<const QListWidget *>(w))
            for (int i = 0; i < list->count(); ++i)
                add(out, list->item(i)->text());
        if (auto *bar = qobject_cast<const QMenuBar *>(w))
            for (const QAction *a : bar->actions())
                add(out, a->text());
    }
    return out;
}

} // namespace WidgetTexts
