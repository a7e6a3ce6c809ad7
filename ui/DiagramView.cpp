#include "DiagramView.h"

#include "DiagramScene.h"

#include <QWheelEvent>

DiagramView::DiagramView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("diagramView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setBackgroundRole(QPalette::Base);
}

void DiagramView::zoomBy(qreal factor)
{
    const qreal next = zoom() * factor;
    if (next < 0.1 || next > 4)
        return;
    scale(factor, factor);
}

void DiagramView::fitAll()
{
    if (auto *s = qobject_cast<DiagramScene *>(scene()))
        fitInView(s->contentRect(), Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        setTransform(QTransform()); // never blow a small diagram up beyond 100 %
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}
