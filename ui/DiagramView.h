#pragma once

#include <QGraphicsView>

// Ctrl+wheel and Ctrl+plus/minus zoom, Ctrl+0 fits the whole diagram.
class DiagramView final : public QGraphicsView {
    Q_OBJECT

public:
    explicit DiagramView(QWidget *parent = nullptr);
    void zoomBy(qreal factor);
    void fitAll();
    qreal zoom() const { return transform().m11(); }

protected:
    void wheelEvent(QWheelEvent *event) override;
};
