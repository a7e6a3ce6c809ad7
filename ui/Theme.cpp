#include "Theme.h"

#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>

#include <memory>

namespace {
// Fusion draws the box of a check indicator in a shade of the window colour, which vanishes on a
// dark window (the schema doctor's list). The box is drawn again here in the palette's text colour.
class PaletteAwareStyle final : public QProxyStyle {
public:
    PaletteAwareStyle()
        : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
    {
    }

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
        const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (element != PE_IndicatorCheckBox && element != PE_IndicatorItemViewItemCheck)
            return;
        QColor ink = option->palette.color(
            option->state & State_Enabled ? QPalette::Active : QPalette::Disabled, QPalette::Text);
        ink.setAlpha(170);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(ink);
        painter->setBrush(Qt::NoBrush);
        const int side = std::min(option->rect.width(), option->rect.height());
        QRect box(0, 0, side, side);
        box.moveCenter(option->rect.center());
        painter->drawRect(box.adjusted(0, 0, -1, -1));
        painter->restore();
    }
};

struct Original {
    QString style;
    QPalette palette;
    bool saved = false;
};

Original &original()
{
    static Original o;
    return o;
}

void setDisabled(QPalette &p, const QColor &text, const QColor &base, const QColor &button)
{
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, text);
    p.setColor(QPalette::Disabled, QPalette::Base, base);
    p.setColor(QPalette::Disabled, QPalette::Button, button);
    p.setColor(QPalette::Disabled, QPalette::Light, button);
    p.setColor(QPalette::Disabled, QPalette::Highlight, text);
}
} // namespace

QString Theme::name(Kind kind)
{
    switch (kind) {
    case Kind::Light:
        return QStringLiteral("light");
    case Kind::Dark:
        return QStringLiteral("dark");
    case Kind::System:
        break;
    }
    return QStringLiteral("system");
}

Theme::Kind Theme::fromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Kind::Light;
    if (name == QLatin1String("dark"))
        return Kind::Dark;
    return Kind::System;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor text(0xe8, 0xe8, 0xe8);
    for (QPalette::ColorGroup g : { QPalette::Active, QPalette::Inactive, QPalette::Disabled }) {
        p.setColor(g, QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        p.setColor(g, QPalette::WindowText, text);
        p.setColor(g, QPalette::Base, QColor(0x1f, 0x1f, 0x1f));
        p.setColor(g, QPalette::AlternateBase, QColor(0x27, 0x27, 0x27));
        p.setColor(g, QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
        p.setColor(g, QPalette::ToolTipText, text);
        p.setColor(g, QPalette::Text, text);
        p.setColor(g, QPalette::Button, QColor(0x35, 0x35, 0x35));
        p.setColor(g, QPalette::ButtonText, text);
        p.setColor(g, QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
        p.setColor(g, QPalette::Highlight, QColor(0x3d, 0x7a, 0xe0));
        p.setColor(g, QPalette::HighlightedText, Qt::white);
        p.setColor(g, QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
        p.setColor(g, QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        p.setColor(g, QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
        p.setColor(g, QPalette::Midlight, QColor(0x40, 0x40, 0x40));
        p.setColor(g, QPalette::Mid, QColor(0x55, 0x55, 0x55));
        p.setColor(g, QPalette::Dark, QColor(0x18, 0x18, 0x18));
        p.setColor(g, QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    }
    setDisabled(p, QColor(0x7a, 0x7a, 0x7a), QColor(0x26, 0x26, 0x26), QColor(0x30, 0x30, 0x30));
    return p;
}

QPalette Theme::lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = fusion->standardPalette();
    setDisabled(p, QColor(0x9a, 0x9a, 0x9a), QColor(0xf0, 0xf0, 0xf0), QColor(0xee, 0xee, 0xee));
    return p;
}

void Theme::apply(Kind kind)
{
    Original &o = original();
    if (!o.saved) {
        o.style = QApplication::style()->name();
        o.palette = QApplication::palette();
        o.saved = true;
    }
    switch (kind) {
    case Kind::System:
        QApplication::setStyle(o.style);
        QApplication::setPalette(o.palette);
        break;
    case Kind::Light:
        QApplication::setStyle(new PaletteAwareStyle);
        QApplication::setPalette(lightPalette());
        break;
    case Kind::Dark:
        QApplication::setStyle(new PaletteAwareStyle);
        QApplication::setPalette(darkPalette());
        break;
    }
}
