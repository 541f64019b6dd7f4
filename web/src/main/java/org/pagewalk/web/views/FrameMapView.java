package org.pagewalk.web.views;

import org.pagewalk.inspect.FrameKind;
import org.pagewalk.inspect.FrameMap;
import org.pagewalk.inspect.FrameMapLayout;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.Machine;
import org.pagewalk.text.Hex;
import org.pagewalk.text.Sizes;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * Physical memory as a frame map: a window of 1 MiB to 4 GiB of the physical address space,
 * one cell of one or more device pixels per frame (or, when the box is too small, one pixel per
 * power-of-two group of frames, showing the most notable of them), coloured by {@link FrameKind}.
 * Where the allocator's bitmap calls a frame free that memory uses, the cell is split: memory's
 * truth above the diagonal, the bitmap's view (free) below it, with a red line between.
 *
 * <p>Pixels are written in bulk: an int per pixel in a Java array, copied into an ImageData's
 * Int32Array and put on the canvas. The {@link FrameMap} is kept up to date rather than rebuilt,
 * and paints come from its per-group summaries: a whole 4 GiB map costs one pass over the
 * pixels, not over the 1,048,576 frames, and an action repaints only the blocks it changed.
 */
final class FrameMapView extends CanvasView {
    private static final int MIN_LOG = 8;
    private static final int MAX_LOG = 20;
    private static final int DIFFERS = 8;
    private static final int TABLE_KIND = FrameKind.PAGE_TABLE.ordinal();
    private static final int KERNEL_KIND = FrameKind.KERNEL_IMAGE.ordinal();
    private static final int DIRECTORY_KIND = FrameKind.DIRECTORY.ordinal();
    private static final int ALLOCATED_KIND = FrameKind.ALLOCATED.ordinal();
    private static final int LOW_KIND = FrameKind.LOW.ordinal();
    private static final String[] GLYPH = {"", "K", "D", "T", "M", "A", "R", ""};
    private static final String[] SWATCH = {"free", "kernel", "directory", "table", "mapped", "allocated", "reserved",
        "noram"};

    private final HTMLSelectElement zoom;
    private final HTMLElement earlier;
    private final HTMLElement later;
    private final HTMLElement range;
    private final HTMLElement readout;
    private final HTMLElement[] counts = new HTMLElement[9];

    private FrameMap map;
    private int installed;
    private final int[] kindCounts = new int[9];
    private int spanLog = 13;
    private int start;
    private boolean userZoom;
    private FrameMapLayout layoutModel;
    private int[] pixels = new int[0];
    private byte[] cells = new byte[0];
    /** Per cell of the window, the summary its pixels show now (valid for the window, size and palette below). */
    private byte[] shown = new byte[0];
    private int shownStart = -1;
    /** The window and layout {@link #showWindow} last described. */
    private int shownWindowStart = -1;
    private int shownWindowLog;
    private int shownWindowCell;
    private int shownWindowGroup;
    private int shownWindowColumns;
    private int shownCell;
    private int shownGroup;
    private int shownColumns;
    private int shownColours;
    /** The cells the last {@link #paint}s changed, and the rows of pixels the next put must copy. */
    private int paintedFirst;
    private int paintedLast;
    private int uploadFrom;
    private int uploadTo;
    private final int[] colour = new int[9];
    private final int[] cue = new int[9];
    private int gapColour;
    /** Counts the palettes read by {@link #colours}: the painted cell tiles belong to one. */
    private int coloursSet;
    private int[][] tiles;
    /** The map's pixels as last rendered, on a canvas of their own. */
    private HTMLCanvasElement painted;
    private CanvasRenderingContext2D paintedContext;
    private int tilesCell;
    private int tilesInner;
    private int tilesColours;
    private int hatch;
    private ImageData image;
    /** The window, size or palette may have changed: the next draw renders, and render sees which (if any) did. */
    private boolean dirty = true;
    private Palette rendered;
    private int currentFrame = -1;
    private int hoverCell = -1;
    private int cursorCell = -1;
    private boolean focused;

    FrameMapView(App app, Dom dom, HTMLElement root, Palette palette) {
        super(app, dom, root, palette);
        title("Physical memory");
        HTMLElement controls = dom.add(root, dom.el("div", "map-controls"));
        HTMLElement zoomLabel = dom.add(controls, dom.el("label", "field-label", "Show"));
        zoomLabel.setAttribute("for", "map-zoom");
        zoom = dom.el("select").cast();
        zoom.setId("map-zoom");
        zoom.setClassName("map-zoom");
        for (int log = MIN_LOG; log <= MAX_LOG; log++) {
            HTMLElement option = dom.el("option", null, Sizes.ofFrames(1 << log));
            option.setAttribute("value", Integer.toString(log));
            zoom.appendChild(option);
        }
        controls.appendChild(zoom);
        earlier = dom.add(controls, dom.button("◀", "map-earlier", "Show lower addresses"));
        later = dom.add(controls, dom.button("▶", "map-later", "Show higher addresses"));
        range = dom.add(controls, dom.el("span", "map-range mono"));
        range.setId("map-range");
        root.appendChild(box);
        box.setClassName("view-canvas map-canvas");
        canvas.setId("memory-canvas");
        canvas.setTabIndex(0);
        readout = dom.add(root, dom.el("p", "map-readout mono", "Point at a frame to see what it holds."));
        readout.setId("map-readout");
        readout.setAttribute("aria-live", "polite");
        HTMLElement legend = dom.add(root, dom.el("ul", "legend map-legend"));
        legend.setAttribute("aria-label", "Frame map legend");
        FrameKind[] kinds = FrameKind.values();
        for (int k = 0; k < kinds.length; k++) {
            HTMLElement li = dom.legendItem(legend, "frame-" + SWATCH[k], GLYPH[k], kinds[k].label());
            li.setAttribute("title", kinds[k].description());
            counts[k] = dom.add(li, dom.el("span", "legend-count mono count-" + SWATCH[k]));
        }
        HTMLElement li = dom.legendItem(legend, "frame-differs", "", "bitmap says free, memory uses it");
        li.setAttribute("title", "Memory's truth above the diagonal, the allocator's bitmap (free) below: "
                + "the allocator may hand this frame out again.");
        counts[DIFFERS] = dom.add(li, dom.el("span", "legend-count mono count-differs"));

        Guard.on(zoom, "change", e -> {
            int log = parseLog(zoom.getValue());
            userZoom = true;
            setSpan(log, currentFrame >= 0 ? currentFrame : start);
        });
        Guard.on(earlier, "click", e -> move(-1));
        Guard.on(later, "click", e -> move(1));
        Guard.on(canvas, "pointermove", e -> {
            MouseEvent m = (MouseEvent) e;
            int c = cellAt(m.getOffsetX(), m.getOffsetY());
            if (c != hoverCell) {
                hoverCell = c;
                describeCell(c);
                draw();
            }
        });
        Guard.on(canvas, "pointerleave", e -> {
            hoverCell = -1;
            describeCell(focused ? cursorCell : -1);
            draw();
        });
        Guard.on(canvas, "focus", e -> {
            focused = true;
            if (cursorCell < 0) {
                cursorCell = currentFrame >= start && currentFrame < start + (1 << spanLog) && layoutModel != null
                        ? (currentFrame - start) / layoutModel.group() : 0;
            }
            describeCell(cursorCell);
            draw();
        });
        Guard.on(canvas, "blur", e -> {
            focused = false;
            draw();
        });
        Guard.on(canvas, "keydown", e -> key((KeyboardEvent) e));
    }

    private static int parseLog(String value) {
        int log = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return MIN_LOG;
            }
            log = log * 10 + (c - '0');
        }
        return Math.max(MIN_LOG, Math.min(MAX_LOG, log));
    }

    // ---- Window --------------------------------------------------------------------------

    private void setSpan(int log, int aroundFrame) {
        spanLog = Math.max(MIN_LOG, Math.min(MAX_LOG, log));
        int frames = 1 << spanLog;
        start = Math.max(0, Math.min(FrameMap.FRAMES - frames, (aroundFrame >> spanLog) << spanLog));
        hoverCell = -1;
        cursorCell = -1;
        dirty = true;
        layout();
        showWindow();
        draw();
    }

    private void move(int direction) {
        int frames = 1 << spanLog;
        int next = start + direction * frames;
        if (next >= 0 && next + frames <= FrameMap.FRAMES) {
            start = next;
            hoverCell = -1;
            cursorCell = -1;
            dirty = true;
            showWindow();
            draw();
        }
    }

    private void showWindow() {
        // What the controls and the canvas's data attributes say: the window, and the layout's cell, group and columns.
        int cell = layoutModel == null ? -1 : layoutModel.cell();
        int group = layoutModel == null ? -1 : layoutModel.group();
        int columns = layoutModel == null ? -1 : layoutModel.columns();
        if (shownWindowStart == start && shownWindowLog == spanLog && shownWindowCell == cell && shownWindowGroup == group
                && shownWindowColumns == columns) {
            return;
        }
        shownWindowStart = start;
        shownWindowLog = spanLog;
        shownWindowCell = cell;
        shownWindowGroup = group;
        shownWindowColumns = columns;
        int frames = 1 << spanLog;
        zoom.setValue(Integer.toString(spanLog));
        Dom.attr(earlier, "disabled", start == 0 ? "" : null);
        Dom.attr(later, "disabled", start + frames >= FrameMap.FRAMES ? "" : null);
        String per = layoutModel == null ? "" : layoutModel.group() == 1 ? "1 cell = 1 frame"
                : "1 pixel = " + layoutModel.group() + " frames";
        Dom.text(range, Hex.hex32(start << 12) + ".." + Hex.hex32(((start + frames) << 12) - 1) + " · " + frames
                + " frames · " + per);
        if (layoutModel != null) {
            Dom.attr(canvas, "data-cell", Integer.toString(layoutModel.cell()));
            Dom.attr(canvas, "data-group", Integer.toString(layoutModel.group()));
            Dom.attr(canvas, "data-columns", Integer.toString(layoutModel.columns()));
        }
        Dom.attr(canvas, "data-start", Integer.toString(start));
        Dom.attr(canvas, "data-frames", Integer.toString(frames));
    }

    @Override
    int heightFor(int w) {
        // The layout says how tall the map may be (--pw-map-max-height): short where it shares a column with the log.
        int maxCss = cssPixels(Js.cssVar("--pw-map-max-height"), 520);
        int dw = Math.max(1, (int) Math.floor(w * ratio + 0.5));
        int dh = Math.max(1, (int) Math.floor(maxCss * ratio));
        layoutModel = FrameMapLayout.fit(1 << spanLog, dw, dh);
        dirty = true;
        return Math.max(24, (int) Math.ceil(layoutModel.height() / ratio));
    }

    private static int cssPixels(String value, int fallback) {
        int[] out = new int[1];
        return value != null && !value.isEmpty() && Hex.parseUnsigned(value, out) == null && out[0] >= 100 && out[0] <= 2000
                ? out[0] : fallback;
    }

    @Override
    void invalidate() {
        super.invalidate();
        dirty = true;
    }

    @Override
    boolean layout() {
        boolean changed = super.layout();
        showWindow();
        return changed;
    }

    // ---- Model ---------------------------------------------------------------------------

    @Override
    void update(int what) {
        Machine m = app.session().machine();
        if ((what & App.MACHINE) != 0 || map == null) {
            // Kept up to date, not rebuilt: an action that changes no frame's kind costs no frame walk and no paint.
            if (map == null) {
                map = FrameMap.of(m, app.session().os());
            } else {
                map.refresh(m, app.session().os());
            }
            installed = map.installedFrames();
            countKinds();
            if (!userZoom) {
                // Until someone picks a zoom, the window is the installed RAM (rounded up to a power of two).
                int log = MIN_LOG;
                while (log < MAX_LOG && (1 << log) < installed) {
                    log++;
                }
                if (log != spanLog || start != 0) {
                    spanLog = log;
                    start = 0;
                    layout();
                }
            }
        }
        AccessResult r = m.probe(app.currentAddress(), Access.KERNEL_READ);
        int frame = r.isFault() ? -1 : r.physical() >>> 12;
        if (frame != currentFrame) {
            currentFrame = frame;
        }
        int frames = 1 << spanLog;
        if ((what & App.SELECTION) != 0 && currentFrame >= 0 && (currentFrame < start || currentFrame >= start + frames)) {
            // Follow the current address into another window of the same size.
            start = (currentFrame >> spanLog) << spanLog;
            dirty = true;
        }
        showWindow();
        describeCell(focused ? cursorCell : hoverCell);
        label("Physical memory: " + Sizes.ofFrames(installed) + " installed (" + installed + " frames). Showing "
                + Hex.hex32(start << 12) + " to " + Hex.hex32(((start + frames) << 12) - 1) + ". "
                + summary() + " Arrow keys move a frame cursor.");
    }

    private void countKinds() {
        FrameKind[] kinds = FrameKind.values();
        for (int k = 0; k < kinds.length; k++) {
            kindCounts[k] = map.count(kinds[k]);
        }
        kindCounts[DIFFERS] = map.disagreeing();
        for (int k = 0; k < counts.length; k++) {
            Dom.text(counts[k], Integer.toString(kindCounts[k]));
        }
    }

    private String summary() {
        StringBuilder sb = new StringBuilder();
        FrameKind[] kinds = FrameKind.values();
        for (int k = 0; k < kinds.length; k++) {
            if (kinds[k] != FrameKind.BEYOND_RAM && kindCounts[k] > 0) {
                sb.append(kindCounts[k]).append(' ').append(kinds[k].label()).append(", ");
            }
        }
        if (sb.length() > 1) {
            sb.setLength(sb.length() - 2);
            sb.append(" frames. ");
        }
        sb.append(kindCounts[DIFFERS] == 0 ? "The bitmap agrees with memory."
                : kindCounts[DIFFERS] + " frames in use are free in the bitmap.");
        return sb.toString();
    }

    private int cellAt(int cssX, int cssY) {
        if (layoutModel == null) {
            return -1;
        }
        return layoutModel.cellAt((int) Math.floor(cssX * ratio), (int) Math.floor(cssY * ratio));
    }

    private void describeCell(int cell) {
        if (cell < 0 || map == null || layoutModel == null) {
            Dom.text(readout, currentFrame >= 0
                    ? "The current address " + Hex.hex32(app.currentAddress()) + " is in frame " + frameName(currentFrame)
                            + " (ringed). Point at a frame to see what it holds."
                    : "Point at a frame to see what it holds.");
            return;
        }
        int group = layoutModel.group();
        int first = start + cell * group;
        StringBuilder sb = new StringBuilder(160);
        if (group == 1) {
            sb.append("Frame ").append(frameName(first)).append(" · physical ").append(Hex.hex32(first << 12)).append("..")
                    .append(Hex.hex32((first << 12) + 0xFFF)).append(" · ").append(map.kind(first).description());
            if (first < installed) {
                sb.append(" · bitmap bit ").append(map.bitmapUsed(first) ? "1 (used)" : "0 (free)");
                if (map.disagrees(first)) {
                    sb.append(" · differs: memory uses it, the allocator may hand it out again");
                }
            }
        } else {
            int used = 0;
            int differs = 0;
            for (int f = first; f < first + group; f++) {
                if (map.bitmapUsed(f)) {
                    used++;
                }
                if (map.disagrees(f)) {
                    differs++;
                }
            }
            sb.append("Frames ").append(frameName(first)).append("..").append(frameName(first + group - 1))
                    .append(" · physical ").append(Hex.hex32(first << 12)).append("..")
                    .append(Hex.hex32(((first + group) << 12) - 1)).append(" · shown as ")
                    .append(map.notableKind(first, Integer.numberOfTrailingZeros(group)).label()).append(" (the most notable of ").append(group).append(")");
            if (first < installed) {
                sb.append(" · bitmap: ").append(used).append(" of ").append(group).append(" used");
            }
            if (differs > 0) {
                sb.append(" · ").append(differs).append(" differ from memory");
            }
        }
        Dom.text(readout, sb.toString());
    }

    private static String frameName(int frame) {
        return Hex.hex(frame, 5) + " (" + frame + ")";
    }

    private void key(KeyboardEvent k) {
        if (layoutModel == null) {
            return;
        }
        int cols = layoutModel.columns();
        int cells = cols * layoutModel.rows();
        int c = cursorCell < 0 ? 0 : cursorCell;
        int next;
        switch (k.getKey()) {
            case "ArrowLeft":
                next = c - 1;
                break;
            case "ArrowRight":
                next = c + 1;
                break;
            case "ArrowUp":
                next = c - cols;
                break;
            case "ArrowDown":
                next = c + cols;
                break;
            case "Home":
                next = 0;
                break;
            case "End":
                next = cells - 1;
                break;
            default:
                return;
        }
        k.preventDefault();
        cursorCell = Math.max(0, Math.min(cells - 1, next));
        describeCell(cursorCell);
        draw();
    }

    // ---- Drawing -------------------------------------------------------------------------

    /**
     * Paints the map into {@link #pixels} and the ImageData: every cell after a change of window,
     * size or colours; otherwise only the cells of the blocks the map says changed (none after
     * most actions and redraws) whose summary differs from what {@link #shown} says is painted
     * there. Just the rows holding painted cells are copied into the ImageData, and {@link #draw}
     * puts only those rows.
     */
    private void render() {
        FrameMapLayout l = layoutModel;
        int w = l.width();
        int h = l.height();
        if (rendered != palette) {
            colours(palette);
        }
        int units = l.columns() * l.rows();
        boolean all = image == null || image.getWidth() != w || image.getHeight() != h || pixels.length != w * h
                || shown.length != units || shownStart != start || shownCell != l.cell() || shownGroup != l.group()
                || shownColumns != l.columns() || shownColours != coloursSet;
        if (pixels.length != w * h) {
            pixels = new int[w * h];
        }
        if (cells.length < units) {
            cells = new byte[units];
        }
        if (shown.length != units) {
            shown = new byte[units];
        }
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = g.createImageData(w, h);
        }
        paintedFirst = units;
        paintedLast = -1;
        if (all) {
            paint(0, units, true);
        } else {
            // The same window, size and colours (an action, or a redraw after a theme or layout
            // change that changed none of them): what the pixels show is still true except where
            // the map says frames changed.
            int group = l.group();
            int frames = 1 << spanLog;
            for (int b = start / FrameMap.BLOCK; b < (start + frames) / FrameMap.BLOCK; b++) {
                if (map.blockChanged(b)) {
                    paint((b * FrameMap.BLOCK - start) / group, ((b + 1) * FrameMap.BLOCK - 1 - start) / group + 1, false);
                }
            }
        }
        if (paintedLast >= 0) {
            int c = l.cell();
            uploadFrom = (paintedFirst / l.columns()) * c;
            uploadTo = Math.min(h, (paintedLast / l.columns()) * c + c);
            if (uploadFrom == 0 && uploadTo == h) {
                Js.pixels(image).set(pixels);
            } else {
                int[] rows = new int[(uploadTo - uploadFrom) * w];
                System.arraycopy(pixels, uploadFrom * w, rows, 0, rows.length);
                Js.pixels(image).set(rows, uploadFrom * w);
            }
        } else {
            uploadFrom = 0;
            uploadTo = 0;
        }
        shownStart = start;
        shownCell = l.cell();
        shownGroup = l.group();
        shownColumns = l.columns();
        shownColours = coloursSet;
        map.clearChanged();
        dirty = false;
        rendered = palette;
    }

    /**
     * The palette's colours as pixels, per FrameKind ordinal (and DIFFERS): read once per palette.
     * A palette read again with the same colours (a redraw) keeps the painted cells valid.
     */
    private void colours(Palette p) {
        int[] rgb = kindColours(p);
        int[] was = new int[2 * colour.length + 2];
        System.arraycopy(colour, 0, was, 0, colour.length);
        System.arraycopy(cue, 0, was, colour.length, cue.length);
        was[2 * colour.length] = gapColour;
        was[2 * colour.length + 1] = hatch;
        for (int k = 0; k < 8; k++) {
            colour[k] = Colors.pixel(rgb[k]);
            // Never colour alone (UI.md): each kind also has its own texture, drawn in a lighter shade of its colour.
            cue[k] = Colors.pixel(Colors.mix(rgb[k], p.textOn(rgb[k]), 45));
        }
        colour[DIFFERS] = Colors.pixel(p.fault);
        gapColour = Colors.pixel(p.surface);
        hatch = Colors.pixel(Colors.mix(p.noRam, p.surface, 45));
        boolean same = coloursSet > 0 && was[2 * colour.length] == gapColour && was[2 * colour.length + 1] == hatch;
        for (int k = 0; k < colour.length && same; k++) {
            same = was[k] == colour[k] && was[colour.length + k] == cue[k];
        }
        if (!same) {
            coloursSet++;
        }
    }

    /**
     * Paints cells {@code u0} up to {@code u1} of the window from the map's summaries: with
     * {@code all} every one, else those whose summary differs from {@link #shown}. Widens
     * {@link #paintedFirst}..{@link #paintedLast} to the cells painted.
     */
    private void paint(int u0, int u1, boolean all) {
        FrameMapLayout l = layoutModel;
        int w = l.width();
        int group = l.group();
        int cols = l.columns();
        int c = l.cell();
        int inner = c >= 4 ? c - 1 : c;
        int noRam = FrameKind.BEYOND_RAM.ordinal();
        int freeColour = colour[FrameKind.FREE.ordinal()];
        int[] px = pixels;
        byte[] cs = cells;
        byte[] was = shown;
        map.cells(start + u0 * group, Integer.numberOfTrailingZeros(group), u1 - u0, cs, 0);
        int col = u0 % cols;
        int y = (u0 / cols) * c;
        int first = paintedFirst;
        int last = paintedLast;
        for (int u = u0; u < u1; u++) {
            int summary = cs[u - u0];
            if (!all && was[u] == summary) {
                if (++col == cols) {
                    col = 0;
                    y += c;
                }
                continue;
            }
            was[u] = (byte) summary;
            first = Math.min(first, u);
            last = u;
            int kind = summary & FrameMap.KIND_MASK;
            boolean differs = (summary & FrameMap.DIFFERS) != 0;
            int x = col * c;
            int base = colour[kind];
            if (c == 1) {
                px[y * w + x] = differs ? colour[DIFFERS] : kind == noRam && ((x + y) & 3) == 0 ? hatch : base;
            } else {
                paintCell(x, y, kind, differs, base, inner, freeColour);
            }
            if (++col == cols) {
                col = 0;
                y += c;
            }
        }
        paintedFirst = first;
        paintedLast = Math.max(paintedLast, last);
    }

    private void paintCell(int x, int y, int kind, boolean differs, int base, int inner, int freeColour) {
        int c = layoutModel.cell();
        int w = layoutModel.width();
        int[] tile = tile(kind, differs, (x + y) & 3, inner, freeColour);
        int[] px = pixels;
        for (int dy = 0, t = 0; dy < c; dy++) {
            int row = (y + dy) * w + x;
            for (int dx = 0; dx < c; dx++) {
                px[row + dx] = tile[t++];
            }
        }
    }

    /**
     * The pixels of one cell ({@code cell × cell}, row by row), painted once per cell size and
     * palette and then copied: a full paint of the map was a branchy choice per pixel.
     * Beyond-RAM hatching depends on the cell's position modulo 4 ({@code phase}).
     */
    private int[] tile(int kind, boolean differs, int phase, int inner, int freeColour) {
        int c = layoutModel.cell();
        if (tiles == null || tilesCell != c || tilesInner != inner || tilesColours != coloursSet) {
            tiles = new int[8 * 4 + 8 + 1][];
            tilesCell = c;
            tilesInner = inner;
            tilesColours = coloursSet;
        }
        boolean split = differs && c >= 4;
        int noRam = FrameKind.BEYOND_RAM.ordinal();
        int index = split ? 32 + kind : differs ? 40 : kind * 4 + (kind == noRam ? phase : 0);
        int[] t = tiles[index];
        if (t == null) {
            t = new int[c * c];
            int base = colour[kind];
            for (int dy = 0; dy < c; dy++) {
                for (int dx = 0; dx < c; dx++) {
                    int v;
                    if (dx >= inner || dy >= inner) {
                        v = gapColour;
                    } else if (split) {
                        int diag = dx + dy;
                        v = diag == inner - 1 || diag == inner ? colour[DIFFERS] : diag > inner ? freeColour : base;
                    } else if (differs) {
                        v = colour[DIFFERS];
                    } else if (kind == noRam) {
                        v = ((phase + dx + dy) & 3) == 0 ? hatch : base;
                    } else if (inner >= 4 && patterned(kind, dx, dy, inner)) {
                        v = cue[kind];
                    } else {
                        v = base;
                    }
                    t[dy * c + dx] = v;
                }
            }
            tiles[index] = t;
        }
        return t;
    }

    /**
     * The second cue of a frame kind inside a cell of {@code inner} device pixels (the top-left
     * pixel always keeps the kind's colour): kernel diagonal stripes, directory a bar across the
     * top, page table a dotted grid, allocated-but-unmapped a hollow centre, reserved horizontal
     * stripes; free and mapped frames are plain (grey and amber, the legend's glyphs name them).
     */
    static boolean patterned(int kind, int dx, int dy, int inner) {
        if (kind == KERNEL_KIND) {
            return ((dx + dy) % 4) == 2;
        }
        if (kind == DIRECTORY_KIND) {
            return dy > 0 && dy <= Math.max(1, inner / 4) && dx > 0 && dx < inner - 1;
        }
        if (kind == TABLE_KIND) {
            return (dx & 1) == 1 && (dy & 1) == 1;
        }
        if (kind == ALLOCATED_KIND) {
            return dx > 1 && dy > 1 && dx < inner - 2 && dy < inner - 2;
        }
        return kind == LOW_KIND && (dy % 3) == 2;
    }

    /** FrameKind ordinal → colour: the same tokens as everywhere (directory blue, table green, frame amber...). */
    static int[] kindColours(Palette p) {
        return new int[] {
            p.free,
            p.kernel,
            p.directory,
            p.table,
            p.frame,
            Colors.mix(p.frame, p.free, 55),
            Colors.mix(p.free, p.textMuted, 30),
            p.noRam,
        };
    }

    @Override
    void draw() {
        if (width == 0 || layoutModel == null || map == null) {
            return;
        }
        if (dirty || rendered != palette || map.anyChanged() || painted == null) {
            render();
            // The map's pixels go to a canvas of their own once per change; each draw copies that
            // canvas (a current frame, a pointer that moved) instead of putting all the pixels again.
            if (painted == null) {
                painted = dom.el("canvas").cast();
                paintedContext = (CanvasRenderingContext2D) painted.getContext("2d");
            }
            if (painted.getWidth() != image.getWidth() || painted.getHeight() != image.getHeight()) {
                painted.setWidth(image.getWidth());
                painted.setHeight(image.getHeight());
                uploadFrom = 0;
                uploadTo = image.getHeight();
            }
            if (uploadTo > uploadFrom) {
                paintedContext.putImageData(image, 0, 0, 0, uploadFrom, image.getWidth(), uploadTo - uploadFrom);
            }
        }
        deviceUnits();
        fill(palette.surface);
        g.fillRect(0, 0, width, height);
        // What putImageData did here: the map's pixels replace the canvas's, transparent ones included.
        g.clearRect(0, 0, painted.getWidth(), painted.getHeight());
        g.drawImage(painted, 0, 0);
        FrameMapLayout l = layoutModel;
        int c = l.cell();
        if (c >= 14 && l.group() == 1) {
            glyphs(l);
        }
        int frames = 1 << spanLog;
        if (currentFrame >= start && currentFrame < start + frames) {
            mark((currentFrame - start) / l.group(), palette.text, 2);
        }
        if (hoverCell >= 0) {
            mark(hoverCell, palette.focus, 2);
        }
        if (focused && cursorCell >= 0) {
            mark(cursorCell, palette.focus, 3);
        }
    }

    private void glyphs(FrameMapLayout l) {
        int c = l.cell();
        int[] rgb = kindColours(palette);
        font(Math.max(7, (int) (c * 0.5 / ratio)), true, false);
        g.setTextAlign("center");
        g.setTextBaseline("middle");
        cssUnits();
        int units = l.columns() * l.rows();
        for (int u = 0; u < units; u++) {
            int f = start + u;
            if (f >= installed) {
                break;
            }
            int kind = map.kindOrdinal(f);
            if (GLYPH[kind].isEmpty() || map.disagrees(f)) {
                continue;
            }
            double x = ((u % l.columns()) * c + (c - 1) / 2.0) / ratio;
            double y = ((u / l.columns()) * c + (c - 1) / 2.0) / ratio;
            fill(palette.textOn(rgb[kind]));
            g.fillText(GLYPH[kind], x, y + 0.5);
        }
        deviceUnits();
    }

    /** A ring around a cell, at least 7 device pixels across so a one-pixel frame still shows. */
    private void mark(int cell, int color, int w) {
        FrameMapLayout l = layoutModel;
        int c = l.cell();
        int x = (cell % l.columns()) * c;
        int y = (cell / l.columns()) * c;
        int size = Math.max(c, 7);
        int grow = (size - c) / 2 + w;
        int sx = x - grow;
        int sy = y - grow;
        int s = c + 2 * grow - (c >= 4 ? 1 : 0);
        fill(color);
        g.fillRect(sx, sy, s, w);
        g.fillRect(sx, sy + s - w, s, w);
        g.fillRect(sx, sy, w, s);
        g.fillRect(sx + s - w, sy, w, s);
    }
}
