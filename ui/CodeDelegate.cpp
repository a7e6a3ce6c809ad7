#include "CodeDelegate.h"

#include "tokens/TokenGenerator.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

QWidget *CodeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *box = new QWidget(parent);
    box->setObjectName(QStringLiteral("codeEditor"));
    box->setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *edit = new QLineEdit(box);
    edit->setMaxLength(32);
    auto *generate = new QToolButton(box);
    generate->setObjectName(QStringLiteral("generateButton"));
    generate->setText(tr("Generate"));
    generate->setToolTip(tr("A new random code in Trongate's alphabet"));
    layout->addWidget(edit, 1);
    layout->addWidget(generate);
    box->setFocusProxy(edit);
    // The delegate watches the container; Return in the line edit inside must commit too.
    auto *self = const_cast<CodeDelegate *>(this);
    connect(edit, &QLineEdit::returnPressed, self, [self, box] {
        emit self->commitData(box);
        emit self->closeEditor(box, QAbstractItemDelegate::NoHint);
    });
    connect(generate, &QToolButton::clicked, edit, [edit] {
        if (const auto code = TokenGenerator().generate(32))
            edit->setText(*code);
    });
    return box;
}

void CodeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    editor->findChild<QLineEdit *>()->setText(index.data(Qt::EditRole).toString());
}

void CodeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, editor->findChild<QLineEdit *>()->text(), Qt::EditRole);
}
