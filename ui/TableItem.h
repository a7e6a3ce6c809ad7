#pragma once

#include "schema/SchemaGraph.h"

#include <QGraphicsObject>

class RelationItem;

// A table as a box: its name and row count in the header, one line per column with type and
// key markers (PK, FK, IX), and its indexes listed at the bottom. Boxes can be dragged; the
// relation lines attached to them follow.
class TableItem final : public QGraphicsObject {
    Q_OBJECT

public:
    explicit TableItem(const SchemaGraph::Table &table, QGraphicsItem *parent = nullptr);

    QString name() const { return m_table.name; }
    const SchemaGraph::Table &table() const { return m_table; }
    // The row count as the header says it: exact, "about" the engine's estimate, or being counted.
    QString rowsText() const;
    // The exact count, once read after the box was drawn.
    void setRows(qint64 rows, SchemaGraph::Count count);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    // Where a line to this column attaches, on the left or right edge, in scene coordinates.
    QPointF anchor(const QString &column, bool rightSide) const;
    void addRelation(RelationItem *relation) { m_relations << relation; }
    // The query builder's ticks: which columns the query shows, and whether the table is in it.
    void setPicked(const QStringList &columns, bool inQuery);
    QStringList picked() const { return m_picked; }
    // Off for exports: a drawing of the schema, not of the window's query.
    void setShowChecks(bool show)
    {
        m_showChecks = show;
        update();
    }
    // The tick box of a column, in item coordinates (for clicks and tests).
    QRectF checkRect(const QString &column) const;

signals:
    void moved();
    void opened(const QString &table);
    void columnToggled(const QString &table, const QString &column);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void updateToolTip();

    SchemaGraph::Table m_table;
    QList<RelationItem *> m_relations;
    qreal m_width = 200;
    QStringList m_indexLines;
    QStringList m_picked;
    bool m_inQuery = false;
    bool m_showChecks = true;
};
