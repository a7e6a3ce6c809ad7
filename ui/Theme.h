#pragma once

#include <QPalette>
#include <QString>

// The window's palette: the desktop's own, or a light or dark one of ours. Ours come complete
// (the Disabled group too, so greyed-out actions look greyed out) on a style whose check
// indicators are drawn from the palette, so they stay visible on dark backgrounds.
class Theme final {
public:
    enum class Kind { System, Light, Dark };

    static QString name(Kind kind); // "system", "light", "dark": the settings' spelling
    static Kind fromName(const QString &name); // anything unknown -> System
    static QPalette darkPalette();
    static QPalette lightPalette();
    // Applies it to the running application; System brings back the style and palette it started with.
    static void apply(Kind kind);
};
