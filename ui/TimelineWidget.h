#pragma once

#include "ExpiryTimeline.h"

#include <QWidget>

// Bars of how many tokens expire in each slice of the span, the expired backlog on the left of a
// "now" line. Clicking a bar asks for the list to show that slice.
class TimelineWidget final : public QWidget {
    Q_OBJECT

public:
    explicit TimelineWidget(QWidget *parent = nullptr);
    void setSlices(const ExpiryTimeline::Slices &slices, ExpiryTimeline::Span span);
    const ExpiryTimeline::Slices &slices() const { return m_slices; }
    void setSelectedSlice(int slice); // -2 none, -1 the backlog
    // A word on the counts, drawn in the corner ("counted 8 s ago" while a recount is owed); empty: none.
    void setNote(const QString &note);
    QString note() const { return m_note; }
    QRectF barRect(int slice) const;  // -1: the backlog
    QSize sizeHint() const override;

signals:
    void sliceClicked(int slice, qint64 from, qint64 to); // slice -1: the backlog (to = now)

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    int sliceAt(const QPointF &pos) const;
    ExpiryTimeline::Slices m_slices;
    ExpiryTimeline::Span m_span = ExpiryTimeline::Span::Hour;
    int m_selected = -2;
    QString m_note;
};
