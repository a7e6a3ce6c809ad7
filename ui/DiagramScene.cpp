#include "DiagramScene.h"

#include "RelationItem.h"
#include "TableItem.h"

#include <QFileInfo>
#include <QGraphicsSceneMouseEvent>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace {
constexpr qreal Margin = 30;
constexpr qreal ColumnGap = 140;
constexpr qreal RowGap = 40;
} // namespace

DiagramScene::DiagramScene(QObject *parent)
    : QGraphicsScene(parent)
{
}

void DiagramScene::build(const SchemaGraph &graph, const QHash<QString, QPointF> &positions)
{
    clear();
    m_tables.clear();
    m_relations.clear();
    m_graph = graph;
    for (const SchemaGraph::Table &t : graph.tables) {
        auto *item = new TableItem(t);
        addItem(item);
        m_tables.insert(t.name, item);
        connect(item, &TableItem::opened, this, &DiagramScene::tableOpened);
        connect(item, &TableItem::moved, this, &DiagramScene::layoutChanged);
        connect(item, &TableItem::columnToggled, this, &DiagramScene::columnToggled);
    }
    for (const SchemaGraph::Relation &r : graph.relations) {
        TableItem *child = m_tables.value(r.childTable);
        TableItem *parent = m_tables.value(r.parentTable);
        if (!child || !parent)
            continue;
        auto *item = new RelationItem(r, child, parent);
        item->setInk(m_ink);
        addItem(item);
        m_relations << item;
    }
    bool complete = !positions.isEmpty();
    for (const QString &name : m_tables.keys())
        complete = complete && positions.contains(name);
    if (complete) {
        for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it) {
            const QSignalBlocker block(it.value());
            it.value()->setPos(positions.value(it.key()));
        }
        for (RelationItem *r : std::as_const(m_relations))
            r->updatePath();
    } else {
        autoLayout();
    }
    setSceneRect(contentRect().adjusted(-400, -400, 400, 400));
}

void DiagramScene::updateCounts(const SchemaGraph &counted)
{
    for (SchemaGraph::Table &t : m_graph.tables)
        if (const SchemaGraph::Table *c = counted.table(t.name)) {
            t.rows = c->rows;
            t.count = c->count;
            if (TableItem *item = m_tables.value(t.name))
                item->setRows(c->rows, c->count);
        }
    for (SchemaGraph::Relation &r : m_graph.relations)
        if (const SchemaGraph::Relation *c = counted.relation(r.childTable, r.childColumn)) {
            r.orphans = c->orphans;
            r.orphanCount = c->orphanCount;
        }
    for (RelationItem *item : std::as_const(m_relations))
        if (const SchemaGraph::Relation *c = counted.relation(item->relation().childTable, item->relation().childColumn))
            item->setOrphans(c->orphans, c->orphanCount);
}

void DiagramScene::autoLayout()
{
    // Depth = the longest chain of parents above a table: levels, then users, then tokens and the
    // application tables. Unrelated tables form a last column.
    QHash<QString, int> depth;
    for (const SchemaGraph::Table &t : m_graph.tables)
        depth.insert(t.name, 0);
    for (int pass = 0; pass < m_graph.tables.size(); ++pass)
        for (const SchemaGraph::Relation &r : m_graph.relations)
            if (r.childTable != r.parentTable && depth.contains(r.childTable) && depth.contains(r.parentTable))
                depth[r.childTable] = std::max(depth[r.childTable], depth[r.parentTable] + 1);
    QSet<QString> related;
    for (const SchemaGraph::Relation &r : m_graph.relations)
        related << r.childTable << r.parentTable;
    int maxDepth = 0;
    for (int d : depth)
        maxDepth = std::max(maxDepth, d);
    QList<QList<TableItem *>> columns(maxDepth + 2);
    for (const SchemaGraph::Table &t : m_graph.tables) {
        const int c = related.contains(t.name) || m_graph.relations.isEmpty() ? depth.value(t.name) : maxDepth + 1;
        columns[c] << m_tables.value(t.name);
    }
    qreal x = 0;
    for (const QList<TableItem *> &column : std::as_const(columns)) {
        if (column.isEmpty())
            continue;
        qreal y = 0;
        qreal width = 0;
        for (TableItem *item : column) {
            const QSignalBlocker block(item);
            item->setPos(x, y);
            y += item->boundingRect().height() + RowGap;
            width = std::max(width, item->boundingRect().width());
        }
        x += width + ColumnGap;
    }
    for (RelationItem *r : std::as_const(m_relations))
        r->updatePath();
    emit layoutChanged();
}

QHash<QString, QPointF> DiagramScene::positions() const
{
    QHash<QString, QPointF> out;
    for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it)
        out.insert(it.key(), it.value()->pos());
    return out;
}

void DiagramScene::setInk(const QColor &ink)
{
    m_ink = ink;
    for (RelationItem *r : std::as_const(m_relations))
        r->setInk(ink);
}

QRectF DiagramScene::contentRect() const
{
    QRectF r;
    for (QGraphicsItem *item : items())
        r = r.united(item->sceneBoundingRect());
    return r.adjusted(-Margin, -Margin, Margin, Margin);
}

void DiagramScene::setQueryState(
    const QHash<QString, QStringList> &picked, const QStringList &tables, const QHash<QString, bool> &joins)
{
    m_picked = picked;
    m_queryTables = tables;
    m_joins = joins;
    showQuery(true);
}

void DiagramScene::showQuery(bool show)
{
    const QHash<QString, QStringList> picked = show ? m_picked : QHash<QString, QStringList>();
    const QStringList tables = show ? m_queryTables : QStringList();
    const QHash<QString, bool> joins = show ? m_joins : QHash<QString, bool>();
    for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it) {
        it.value()->setPicked(picked.value(it.key()), tables.contains(it.key()));
        it.value()->setShowChecks(show);
    }
    for (RelationItem *r : std::as_const(m_relations))
        r->setJoin(joins.contains(r->relation().key()), joins.value(r->relation().key()));
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    for (RelationItem *r : std::as_const(m_relations)) {
        if (r->joinLabelRect().contains(event->scenePos())) {
            emit joinTypeClicked(r->relation().key());
            event->accept();
            return;
        }
        if (r->labelRect().contains(event->scenePos())) {
            emit orphansClicked(r->relation());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void DiagramScene::renderForExport(QPainter *painter, const QRectF &target) const
{
    // Exports are always black on white, whatever the screen's palette.
    auto *self = const_cast<DiagramScene *>(this);
    const QColor ink = m_ink;
    const QList<QGraphicsItem *> selected = selectedItems();
    for (QGraphicsItem *i : selected)
        i->setSelected(false);
    self->setInk(Qt::black);
    self->showQuery(false);
    painter->fillRect(target, Qt::white);
    self->render(painter, target, contentRect());
    self->showQuery(true);
    self->setInk(ink);
    for (QGraphicsItem *i : selected)
        i->setSelected(true);
}

bool DiagramScene::exportPng(const QString &path, qreal scale) const
{
    const QRectF source = contentRect();
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32);
    image.setDotsPerMeterX(3780); // 96 dpi; the fonts have pixel sizes, the scale comes from the target rectangle
    image.setDotsPerMeterY(3780);
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    renderForExport(&p, QRectF(QPointF(0, 0), image.size()));
    p.end();
    return image.save(path, "PNG");
}

bool DiagramScene::exportSvg(const QString &path) const
{
    const QRectF source = contentRect();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setResolution(96); // without it the size comes out scaled
    svg.setTitle(tr("Trongate schema"));
    svg.setDescription(tr("Tables and relations, drawn by Trongate Admin"));
    QPainter p;
    if (!p.begin(&svg))
        return false;
    renderForExport(&p, QRectF(QPointF(0, 0), source.size()));
    return p.end();
}

bool DiagramScene::exportPdf(const QString &path) const
{
    const QRectF source = contentRect();
    QPdfWriter pdf(path);
    pdf.setResolution(96);
    pdf.setPageSize(QPageSize(source.size(), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setTitle(tr("Trongate schema"));
    QPainter p;
    if (!p.begin(&pdf))
        return false;
    renderForExport(&p, QRectF(QPointF(0, 0), QSizeF(pdf.width(), pdf.height())));
    return p.end();
}

bool DiagramScene::exportTo(const QString &path, QString *error) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == QLatin1String("png"))
        ok = exportPng(path);
    else if (suffix == QLatin1String("svg"))
        ok = exportSvg(path);
    else if (suffix == QLatin1String("pdf"))
        ok = exportPdf(path);
    else {
        if (error)
            *error = tr("Choose a file ending in .png, .svg or .pdf.");
        return false;
    }
    if (!ok && error)
        *error = tr("%1 could not be written.").arg(path);
    return ok;
}
