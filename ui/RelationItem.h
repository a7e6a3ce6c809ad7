#pragma once

#include "schema/SchemaGraph.h"

#include <QGraphicsPathItem>

class TableItem;

// A line from a child column to its parent column: solid for a declared foreign key, dashed for a
// relation Trongate's conventions imply. Crow's foot (zero or many) at the child, a double bar
// (exactly one) at the parent, and the orphan count in the middle.
class RelationItem final : public QGraphicsPathItem {
public:
    RelationItem(const SchemaGraph::Relation &relation, TableItem *child, TableItem *parent);

    const SchemaGraph::Relation &relation() const { return m_relation; }
    void updatePath();
    void setInk(const QColor &ink);
    QRectF labelRect() const { return m_labelRect; }
    QString labelText() const;
    // The exact orphan count, once read after the line was drawn.
    void setOrphans(qint64 orphans, SchemaGraph::Count count);
    // In the query builder's query: drawn strong, with its join type on a clickable label.
    void setJoin(bool inQuery, bool left);
    bool inQuery() const { return m_inQuery; }
    bool isLeftJoin() const { return m_left; }
    QRectF joinLabelRect() const { return m_inQuery ? m_joinRect : QRectF(); }
    QString joinLabelText() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    SchemaGraph::Relation m_relation;
    TableItem *m_child;
    TableItem *m_parent;
    QColor m_ink = Qt::black;
    QPointF m_start, m_end;
    bool m_startRight = true, m_endRight = false;
    QRectF m_labelRect;
    QRectF m_joinRect;
    bool m_inQuery = false;
    bool m_left = false;
    QString m_relationTip;
};
