#include "RelationItem.h"

#include "TableItem.h"

#include <climits>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>

namespace {
QFont labelFont()
{
    QFont f = QGuiApplication::font();
    f.setPixelSize(11);
    return f;
}
} // namespace

RelationItem::RelationItem(const SchemaGraph::Relation &relation, TableItem *child, TableItem *parent)
    : m_relation(relation)
    , m_child(child)
    , m_parent(parent)
{
    setZValue(-1);
    child->addRelation(this);
    parent->addRelation(this);
    setToolTip(relation.declared
            ? QCoreApplication::translate("RelationItem", "Foreign key %1: %2.%3 → %4.%5")
                  .arg(relation.constraintName, relation.childTable, relation.childColumn, relation.parentTable,
                      relation.parentColumn)
            : QCoreApplication::translate("RelationItem",
                "Inferred from Trongate's conventions (no foreign key "
                "declared): %1.%2 → %3.%4")
                  .arg(relation.childTable, relation.childColumn, relation.parentTable, relation.parentColumn));
    m_relationTip = toolTip();
    updatePath();
}

QString RelationItem::labelText() const
{
    if (m_relation.orphanCount != SchemaGraph::Count::Exact)
        return QCoreApplication::translate("RelationItem", "checking orphans…");
    if (m_relation.orphans < 0)
        return QCoreApplication::translate("RelationItem", "orphans unknown");
    const int orphans = int(std::min<qint64>(m_relation.orphans, INT_MAX));
    return QCoreApplication::translate("RelationItem", "%Ln orphan(s)", nullptr, orphans);
}

void RelationItem::setOrphans(qint64 orphans, SchemaGraph::Count count)
{
    if (orphans == m_relation.orphans && count == m_relation.orphanCount)
        return;
    m_relation.orphans = orphans;
    m_relation.orphanCount = count;
    updatePath(); // the label's width follows its text
    update();
}

QString RelationItem::joinLabelText() const
{
    // Short: the gap between two boxes is narrow. The tooltip says what each keeps.
    return m_left ? QCoreApplication::translate("RelationItem", "LEFT JOIN ⇄")
                  : QCoreApplication::translate("RelationItem", "INNER JOIN ⇄");
}

void RelationItem::setJoin(bool inQuery, bool left)
{
    if (inQuery == m_inQuery && left == m_left)
        return;
    m_inQuery = inQuery;
    m_left = left;
    if (m_inQuery)
        setToolTip(m_left ? QCoreApplication::translate("RelationItem",
                       "Left join: keeps the rows without a match, with empty (NULL) columns. Click the label "
                       "for an inner join.")
                          : QCoreApplication::translate("RelationItem",
                              "Inner join: only rows that have a match on both sides. Click the label for a left "
                              "join, which keeps orphans."));
    else
        setToolTip(m_relationTip);
    updatePath();
    update();
}

void RelationItem::setInk(const QColor &ink)
{
    m_ink = ink;
    update();
}

void RelationItem::updatePath()
{
    prepareGeometryChange();
    const QRectF c = m_child->sceneBoundingRect();
    const QRectF p = m_parent->sceneBoundingRect();
    // Leave each box on the side facing the other one.
    m_startRight = p.center().x() > c.center().x();
    m_endRight = !m_startRight;
    if (c.right() > p.left() && c.left() < p.right()) { // overlapping horizontally: go around on the right
        m_startRight = true;
        m_endRight = true;
    }
    m_start = m_child->anchor(m_relation.childColumn, m_startRight);
    m_end = m_parent->anchor(m_relation.parentColumn, m_endRight);
    const qreal dx = std::max<qreal>(50, std::abs(m_end.x() - m_start.x()) / 2);
    QPainterPath path(m_start);
    path.cubicTo(m_start + QPointF(m_startRight ? dx : -dx, 0), m_end + QPointF(m_endRight ? dx : -dx, 0), m_end);
    setPath(path);
    const QFontMetricsF fm(labelFont());
    const QPointF mid = path.pointAtPercent(0.5);
    const qreal w = fm.horizontalAdvance(labelText()) + 10;
    m_labelRect = QRectF(mid.x() - w / 2, mid.y() - fm.height() / 2 - 2, w, fm.height() + 4);
    const qreal jw = fm.horizontalAdvance(joinLabelText()) + 10;
    m_joinRect = QRectF(mid.x() - jw / 2, m_labelRect.bottom() + 3, jw, fm.height() + 4);
}

QRectF RelationItem::boundingRect() const
{
    return QGraphicsPathItem::boundingRect().united(m_labelRect).united(m_joinRect).adjusted(-14, -14, 14, 14);
}

QPainterPath RelationItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath s = stroker.createStroke(path());
    s.addRect(m_labelRect);
    if (m_inQuery)
        s.addRect(m_joinRect);
    return s;
}

void RelationItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    const QColor joined(0x2f, 0x6f, 0xd6);
    QPen pen(m_inQuery ? joined : m_ink, m_inQuery ? 2.6 : 1.4);
    if (!m_relation.declared)
        pen.setStyle(Qt::DashLine);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(path());

    pen.setStyle(Qt::SolidLine);
    p->setPen(pen);
    // Crow's foot with a circle at the child (zero or many).
    const qreal cs = m_startRight ? 1 : -1;
    const QPointF a = m_start;
    p->drawLine(a + QPointF(cs * 12, 0), a + QPointF(0, -6));
    p->drawLine(a + QPointF(cs * 12, 0), a + QPointF(0, 6));
    p->drawLine(a + QPointF(cs * 12, 0), a);
    p->setBrush(Qt::white);
    p->drawEllipse(a + QPointF(cs * 17, 0), 4, 4);
    // Two bars at the parent (exactly one).
    const qreal ps = m_endRight ? 1 : -1;
    const QPointF b = m_end;
    p->drawLine(b + QPointF(ps * 6, -6), b + QPointF(ps * 6, 6));
    p->drawLine(b + QPointF(ps * 11, -6), b + QPointF(ps * 11, 6));

    // The orphan count: red when there are some; clickable.
    const bool bad = m_relation.orphans > 0;
    p->setPen(QPen(bad ? QColor(0xc6, 0x28, 0x28) : QColor(0x9e, 0x9e, 0x9e), 1));
    p->setBrush(bad ? QColor(0xff, 0xeb, 0xee) : QColor(0xf5, 0xf5, 0xf5));
    p->drawRoundedRect(m_labelRect, 4, 4);
    p->setFont(labelFont());
    p->setPen(bad ? QColor(0xb7, 0x1c, 0x1c) : QColor(0x55, 0x55, 0x55));
    p->drawText(m_labelRect, Qt::AlignCenter, labelText());
    if (m_inQuery) {
        // The join type, clickable: inner <-> left.
        p->setPen(QPen(joined, 1));
        p->setBrush(m_left ? QColor(0xff, 0xf3, 0xe0) : QColor(0xe3, 0xee, 0xfb));
        p->drawRoundedRect(m_joinRect, 4, 4);
        p->setPen(QColor(0x1a, 0x3d, 0x7a));
        p->drawText(m_joinRect, Qt::AlignCenter, joinLabelText());
    }
}
