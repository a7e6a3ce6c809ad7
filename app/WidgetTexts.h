#pragma once

#include <QStringList>

class QWidget;

// What a person can read in a window: the texts of its visible labels, buttons, menu titles, list
// items, table headers and placeholders, one entry each, rich text as plain text. For the
// diagnostic TGADMIN_DUMP_TEXTS of --screenshot, so tests can check what the rendered page says
// (e.g. that it is in German).
namespace WidgetTexts {
QStringList collect(const QWidget &window);
} // namespace WidgetTexts
