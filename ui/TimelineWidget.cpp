#include "TimelineWidget.h"

#include <climits>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace {
constexpr qreal BacklogWidth = 70;
constexpr qreal Gap = 14;
constexpr qreal Top = 18;
constexpr qreal Bottom = 20;
} // namespace

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timelineWidget"));
    setMinimumHeight(120);
    setMouseTracking(true);
    setCursor(Qt::PointingHandCursor);
    setAccessibleName(tr("Expiry timeline"));
}

QSize TimelineWidget::sizeHint() const
{
    return QSize(800, 140);
}

void TimelineWidget::setSlices(const ExpiryTimeline::Slices &slices, ExpiryTimeline::Span span)
{
    m_slices = slices;
    m_span = span;
    update();
}

void TimelineWidget::setNote(const QString &note)
{
    if (note == m_note)
        return;
    m_note = note;
    setAccessibleDescription(note);
    update();
}

void TimelineWidget::setSelectedSlice(int slice)
{
    m_selected = slice;
    update();
}

QRectF TimelineWidget::barRect(int slice) const
{
    const qreal h = height() - Top - Bottom;
    qint64 max = 1;
    for (qint64 c : m_slices.counts)
        max = std::max(max, c);
    if (slice < 0) {
        // The backlog has its own scale: it can dwarf every slice.
        const qreal bh = m_slices.expired > 0 ? h * 0.9 : 1;
        return QRectF(4, Top + h - bh, BacklogWidth - 8, bh);
    }
    const int n = std::max<int>(1, int(m_slices.counts.size()));
    const qreal x0 = BacklogWidth + Gap;
    const qreal w = (width() - x0 - 4) / n;
    const qreal bh = std::max<qreal>(1, h * m_slices.counts.value(slice) / max);
    return QRectF(x0 + slice * w + 1, Top + h - bh, std::max<qreal>(2, w - 2), bh);
}

int TimelineWidget::sliceAt(const QPointF &pos) const
{
    if (pos.x() < BacklogWidth)
        return -1;
    const int n = int(m_slices.counts.size());
    const qreal x0 = BacklogWidth + Gap;
    const qreal w = (width() - x0 - 4) / std::max(1, n);
    const int i = int((pos.x() - x0) / w);
    return i >= 0 && i < n ? i : -2;
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QLocale locale;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);

    // The backlog: expired tokens waiting for Trongate's purge.
    const QRectF backlog = barRect(-1);
    p.fillRect(backlog, m_selected == -1 ? pal.color(QPalette::Highlight) : QColor(0x9e, 0x9e, 0x9e));
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRectF(0, 0, BacklogWidth, Top), Qt::AlignCenter, locale.toString(m_slices.expired));
    p.drawText(QRectF(0, height() - Bottom, BacklogWidth, Bottom), Qt::AlignCenter, tr("expired"));

    // The "now" line.
    const qreal nowX = BacklogWidth + Gap / 2;
    QPen nowPen(QColor(0xe5, 0x39, 0x35), 2);
    p.setPen(nowPen);
    p.drawLine(QPointF(nowX, Top - 6), QPointF(nowX, height() - Bottom + 2));
    p.drawText(QRectF(nowX - 30, 0, 60, Top - 4), Qt::AlignCenter, tr("now"));

    const int n = int(m_slices.counts.size());
    const int labelEvery = n > 14 ? (n > 24 ? 4 : 3) : 2;
    for (int i = 0; i < n; ++i) {
        const QRectF r = barRect(i);
        QColor c = i == m_selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Highlight).lighter(130);
        if (i != m_selected)
            c.setAlpha(170);
        p.fillRect(r, c);
        p.setPen(pal.color(QPalette::Text));
        if (m_slices.counts.at(i) > 0 && r.width() > 14)
            p.drawText(QRectF(r.left() - 10, r.top() - 15, r.width() + 20, 14), Qt::AlignCenter, locale.toString(m_slices.counts.at(i)));
        if (i % labelEvery == 0) {
            const QDateTime t = QDateTime::fromSecsSinceEpoch(m_slices.start + i * m_slices.sliceSeconds);
            const QString label = t.toString(m_span == ExpiryTimeline::Span::Week ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm"));
            p.drawText(QRectF(r.left() - 4, height() - Bottom, 80, Bottom), Qt::AlignLeft | Qt::AlignVCenter, label);
        }
    }
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(QPointF(BacklogWidth + Gap, height() - Bottom), QPointF(width() - 4, height() - Bottom));
    if (!m_note.isEmpty()) {
        // Over the bars' figures if it must: they are the ones it qualifies.
        const qreal w = p.fontMetrics().horizontalAdvance(m_note) + 8;
        const QRectF box(width() - 4 - w, 0, w, Top - 2);
        p.fillRect(box, pal.color(QPalette::Base));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(box, Qt::AlignCenter, m_note);
    }
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    const int i = sliceAt(event->position());
    if (i == -2)
        return;
    m_selected = i;
    update();
    if (i == -1)
        emit sliceClicked(-1, 0, m_slices.start);
    else
        emit sliceClicked(i, m_slices.start + i * m_slices.sliceSeconds, m_slices.start + (i + 1) * m_slices.sliceSeconds);
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = sliceAt(help->pos());
        const QLocale locale;
        if (i == -1)
            QToolTip::showText(help->globalPos(), tr("%Ln expired token(s), waiting for Trongate's purge", nullptr, int(std::min<qint64>(m_slices.expired, INT_MAX))), this);
        else if (i >= 0)
            QToolTip::showText(help->globalPos(),
                               tr("%1: %Ln token(s) expire", nullptr, int(std::min<qint64>(m_slices.counts.value(i), INT_MAX)))
                                   .arg(ExpiryTimeline::sliceLabel(m_span, i, m_slices.start)),
                               this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}
