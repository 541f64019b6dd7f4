package org.pagewalk.web.views;

import org.pagewalk.web.dom.Js;
/**
 * The theme's colours, read from the CSS custom properties (style.css), so the canvases and the
 * DOM use one set of tokens and both themes work. Read again whenever the theme changes.
 */
final class Palette {
    final int directory;
    final int directory4m;
    final int table;
    final int frame;
    final int kernel;
    final int user;
    final int fault;
    final int free;
    final int noRam;
    final int bg;
    final int surface;
    final int raised;
    final int border;
    final int text;
    final int textMuted;
    final int accent;
    final int focus;
    final int onAccent;
    final boolean dark;

    private Palette() {
        directory = read("--pw-directory", 0x2563eb);
        directory4m = read("--pw-directory-4m", 0x1e40af);
        table = read("--pw-table", 0x15803d);
        frame = read("--pw-frame", 0xb45309);
        kernel = read("--pw-kernel", 0x7c3aed);
        user = read("--pw-user", 0x0f766e);
        fault = read("--pw-fault", 0xdc2626);
        free = read("--pw-free", 0xe5e7eb);
        noRam = read("--pw-no-ram", 0x4b5563);
        bg = read("--pw-bg", 0xffffff);
        surface = read("--pw-surface", 0xf8fafc);
        raised = read("--pw-raised", 0xffffff);
        border = read("--pw-border", 0xd1d5db);
        text = read("--pw-text", 0x111827);
        textMuted = read("--pw-text-muted", 0x4b5563);
        accent = read("--pw-accent", 0x2563eb);
        focus = read("--pw-focus", 0x2563eb);
        onAccent = read("--pw-on-accent", 0xffffff);
        dark = Colors.luminance(bg) < 500;
    }

    static Palette read() {
        return new Palette();
    }

    private static int read(String name, int fallback) {
        return Colors.parse(Js.cssVar(name), fallback);
    }

    /** Text that reads on {@code fill}: the theme's darkest or lightest. */
    int textOn(int fill) {
        return Colors.luminance(fill) > 560 ? (dark ? bg : text) : (dark ? text : 0xffffff);
    }

    /** A light (or, in the dark theme, deep) tint of {@code color} for backgrounds. */
    int tint(int color, int percent) {
        return Colors.mix(surface, color, percent);
    }
}
