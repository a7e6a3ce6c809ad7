#pragma once

#include "schema/SchemaGraph.h"

#include <QGraphicsScene>
#include <QHash>

class RelationItem;
class TableItem;

// The relation diagram: a box per table, a line per relation. Builds itself from a SchemaGraph,
// lays itself out (parents left of children) unless positions are given, and exports itself.
class DiagramScene final : public QGraphicsScene {
    Q_OBJECT

public:
    explicit DiagramScene(QObject *parent = nullptr);

    void build(const SchemaGraph &graph, const QHash<QString, QPointF> &positions = {});
    // The counts read after the diagram was drawn (SchemaGraph::countRemaining): the boxes' rows and
    // the lines' orphans change in place; the layout, the selection and the query stay.
    void updateCounts(const SchemaGraph &counted);
    void autoLayout();
    QHash<QString, QPointF> positions() const;
    const SchemaGraph &graph() const { return m_graph; }
    TableItem *tableItem(const QString &name) const { return m_tables.value(name); }
    QList<RelationItem *> relationItems() const { return m_relations; }
    QList<TableItem *> tableItems() const { return m_tables.values(); }
    void setInk(const QColor &ink);
    // The query builder's state drawn on the diagram: ticked columns per table, the tables in the
    // query, and the joined relations (by Relation::key()) with whether each is a left join.
    void setQueryState(
        const QHash<QString, QStringList> &picked, const QStringList &tables, const QHash<QString, bool> &joins);

    // The diagram's extent with a margin, in scene coordinates.
    QRectF contentRect() const;
    bool exportPng(const QString &path, qreal scale = 2.0) const;
    bool exportSvg(const QString &path) const;
    bool exportPdf(const QString &path) const;
    // By the file's suffix: .png, .svg or .pdf.
    bool exportTo(const QString &path, QString *error) const;

signals:
    void tableOpened(const QString &table);
    void orphansClicked(const SchemaGraph::Relation &relation);
    void layoutChanged();
    void columnToggled(const QString &table, const QString &column);
    void joinTypeClicked(const QString &relationKey);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void renderForExport(QPainter *painter, const QRectF &target) const;
    void showQuery(bool show);

    QHash<QString, QStringList> m_picked;
    QStringList m_queryTables;
    QHash<QString, bool> m_joins;

    SchemaGraph m_graph;
    QHash<QString, TableItem *> m_tables;
    QList<RelationItem *> m_relations;
    QColor m_ink = Qt::black;
};
