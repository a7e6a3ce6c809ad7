#include "TableItem.h"

#include "RelationItem.h"

#include "schema/RowEstimate.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <climits>

namespace {
constexpr qreal HeaderHeight = 40;
constexpr qreal RowHeight = 18;
constexpr qreal Padding = 8;
constexpr qreal CheckWidth = 16; // the query builder's tick box before each column

QFont baseFont()
{
    // Pixel sizes, not points: the same layout on screen and in PNG, SVG and PDF at any resolution.
    QFont f = QGuiApplication::font();
    f.setPixelSize(12);
    return f;
}

QColor headerColor(const SchemaGraph::Table &t)
{
    if (t.trongate)
        return QColor(0x2f, 0x6f, 0xd6);
    for (const SchemaGraph::Column &c : t.columns)
        if (c.name == QLatin1String("trongate_user_id"))
            return QColor(0x2e, 0x7d, 0x6b);
    return QColor(0x6b, 0x6b, 0x6b);
}

QString markers(const SchemaGraph::Column &c)
{
    QStringList m;
    if (c.primaryKey)
        m << QStringLiteral("PK");
    if (c.foreignKey)
        m << QStringLiteral("FK");
    if (c.indexed && !c.primaryKey)
        m << QStringLiteral("IX");
    return m.join(QLatin1Char(' '));
}
} // namespace

TableItem::TableItem(const SchemaGraph::Table &table, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_table(table)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setCursor(Qt::OpenHandCursor);
    updateToolTip();
    if (table.indexes.isEmpty())
        m_indexLines << tr("none besides the row id");
    for (const SchemaGraph::Index &i : table.indexes)
        m_indexLines << QStringLiteral("%1%2 (%3)")
                            .arg(i.primary ? QStringLiteral("PRIMARY") : i.name,
                                i.unique && !i.primary ? QStringLiteral(" UNIQUE") : QString(),
                                i.columns.join(QStringLiteral(", ")));
    const QFontMetricsF fm(baseFont());
    QFont bold = baseFont();
    bold.setBold(true);
    const QFontMetricsF bfm(bold);
    qreal w = bfm.horizontalAdvance(table.name) + 2 * Padding;
    for (const SchemaGraph::Column &c : table.columns)
        w = std::max(w,
            fm.horizontalAdvance(c.name) + fm.horizontalAdvance(c.type) + fm.horizontalAdvance(markers(c)) + 2 * Padding
                + 40 + CheckWidth);
    for (const QString &l : m_indexLines)
        w = std::max(w, fm.horizontalAdvance(l) + 2 * Padding);
    m_width = std::max<qreal>(180, w);
}

void TableItem::updateToolTip()
{
    QString tip
        = tr("%1: drag to move, double-click to open its grid, tick a column to add it to the query").arg(m_table.name);
    if (m_table.count == SchemaGraph::Count::About)
        tip += QLatin1Char('\n') + tr("The row count is the database's own estimate until the exact count arrives.");
    setToolTip(tip);
}

QString TableItem::rowsText() const
{
    switch (m_table.count) {
    case SchemaGraph::Count::Counting:
        return tr("counting rows…");
    case SchemaGraph::Count::About:
        // As the grids and the overview say an estimate: two significant figures, "about".
        return tr("about %Ln row(s)", nullptr, int(std::min<qint64>(RowEstimate::rounded(m_table.rows), INT_MAX)));
    case SchemaGraph::Count::Exact:
        break;
    }
    return m_table.rows < 0 ? tr("rows unknown") : tr("%Ln row(s)", nullptr, int(std::min<qint64>(m_table.rows, INT_MAX)));
}

void TableItem::setRows(qint64 rows, SchemaGraph::Count count)
{
    if (rows == m_table.rows && count == m_table.count)
        return;
    m_table.rows = rows;
    m_table.count = count;
    updateToolTip();
    update();
}

QRectF TableItem::boundingRect() const
{
    const qreal indexBlock = m_indexLines.isEmpty() ? 0 : 6 + RowHeight * (m_indexLines.size() + 1);
    return QRectF(0, 0, m_width, HeaderHeight + RowHeight * m_table.columns.size() + indexBlock + 6);
}

void TableItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF r = boundingRect();
    p->setRenderHint(QPainter::Antialiasing);
    const bool inQuery = m_inQuery && m_showChecks;
    const QColor frame = isSelected() ? QColor(0xff, 0xa0, 0x00)
        : inQuery                     ? QColor(0x2f, 0x6f, 0xd6)
                                      : QColor(0x55, 0x55, 0x55);
    p->setPen(QPen(frame, isSelected() || inQuery ? 2 : 1));
    p->setBrush(Qt::white);
    p->drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    // Header: name and row count.
    QPainterPath header;
    header.setFillRule(Qt::WindingFill); // the square bottom overlaps the rounded top; odd-even would cut a hole
    header.addRoundedRect(QRectF(0.5, 0.5, r.width() - 1, HeaderHeight), 6, 6);
    header.addRect(QRectF(0.5, HeaderHeight - 8, r.width() - 1, 8));
    p->fillPath(header.simplified(), headerColor(m_table));
    QFont bold = baseFont();
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(Qt::white);
    p->drawText(QRectF(Padding, 3, r.width() - 2 * Padding, 18), Qt::AlignLeft | Qt::AlignVCenter, m_table.name);
    QFont small = baseFont();
    small.setPixelSize(11);
    p->setFont(small);
    p->drawText(QRectF(Padding, 20, r.width() - 2 * Padding, 16), Qt::AlignLeft | Qt::AlignVCenter,
        rowsText());
    // Columns.
    p->setFont(baseFont());
    qreal y = HeaderHeight;
    for (const SchemaGraph::Column &c : m_table.columns) {
        const qreal shift = m_showChecks ? CheckWidth : 0;
        if (m_showChecks) {
            const QRectF box = checkRect(c.name);
            const bool ticked = m_picked.contains(c.name);
            p->setPen(QPen(QColor(0x80, 0x80, 0x80), 1));
            p->setBrush(ticked ? QColor(0x2f, 0x6f, 0xd6) : QColor(Qt::white));
            p->drawRoundedRect(box, 2, 2);
            if (ticked) {
                p->setPen(QPen(Qt::white, 1.6));
                p->drawPolyline(QPolygonF({ box.topLeft() + QPointF(2.5, 5.5), box.topLeft() + QPointF(4.5, 8),
                    box.topLeft() + QPointF(8.5, 2.5) }));
            }
            p->setBrush(Qt::NoBrush);
        }
        const QRectF line(Padding + shift, y, r.width() - 2 * Padding - shift, RowHeight);
        QFont f = baseFont();
        f.setBold(c.primaryKey);
        p->setFont(f);
        p->setPen(QColor(0x22, 0x22, 0x22));
        p->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, c.name);
        p->setFont(baseFont());
        p->setPen(QColor(0x70, 0x70, 0x70));
        const QString right = markers(c).isEmpty() ? c.type : c.type + QStringLiteral("  ") + markers(c);
        p->drawText(line, Qt::AlignRight | Qt::AlignVCenter, right);
        y += RowHeight;
    }
    if (!m_indexLines.isEmpty()) {
        y += 3;
        p->setPen(QColor(0xdd, 0xdd, 0xdd));
        p->drawLine(QPointF(1, y), QPointF(r.width() - 1, y));
        y += 3;
        p->setFont(small);
        p->setPen(QColor(0x70, 0x70, 0x70));
        p->drawText(
            QRectF(Padding, y, r.width() - 2 * Padding, RowHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("Indexes:"));
        y += RowHeight;
        for (const QString &l : m_indexLines) {
            p->drawText(QRectF(Padding, y, r.width() - 2 * Padding, RowHeight), Qt::AlignLeft | Qt::AlignVCenter, l);
            y += RowHeight;
        }
    }
}

QPointF TableItem::anchor(const QString &column, bool rightSide) const
{
    qreal y = HeaderHeight / 2;
    for (int i = 0; i < m_table.columns.size(); ++i)
        if (m_table.columns.at(i).name == column)
            y = HeaderHeight + RowHeight * i + RowHeight / 2;
    return mapToScene(QPointF(rightSide ? m_width : 0, y));
}

QVariant TableItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (RelationItem *r : std::as_const(m_relations))
            r->updatePath();
        emit moved();
    }
    return QGraphicsObject::itemChange(change, value);
}

void TableItem::setPicked(const QStringList &columns, bool inQuery)
{
    if (columns == m_picked && inQuery == m_inQuery)
        return;
    m_picked = columns;
    m_inQuery = inQuery;
    update();
}

QRectF TableItem::checkRect(const QString &column) const
{
    for (int i = 0; i < m_table.columns.size(); ++i)
        if (m_table.columns.at(i).name == column)
            return QRectF(Padding, HeaderHeight + RowHeight * i + (RowHeight - 11) / 2, 11, 11);
    return {};
}

void TableItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // The whole row up to the name is the tick's target: a box of 11 px is hard to hit.
    const QPointF at = event->pos();
    if (m_showChecks && event->button() == Qt::LeftButton && at.x() < Padding + CheckWidth && at.y() >= HeaderHeight) {
        const int row = int((at.y() - HeaderHeight) / RowHeight);
        if (row >= 0 && row < m_table.columns.size()) {
            emit columnToggled(m_table.name, m_table.columns.at(row).name);
            event->accept();
            return;
        }
    }
    QGraphicsObject::mousePressEvent(event);
}

void TableItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    emit opened(m_table.name);
    QGraphicsObject::mouseDoubleClickEvent(event);
}
