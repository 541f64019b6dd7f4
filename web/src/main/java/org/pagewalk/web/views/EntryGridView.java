package org.pagewalk.web.views;

import org.pagewalk.inspect.EntryInfo;
import org.pagewalk.inspect.EntryTable;
import org.pagewalk.text.Hex;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.TextRectangle;

/**
 * A page directory (CR3's) or page table (the selected PDE's) as 32 × 32 cells, index growing
 * left to right, top to bottom. A cell's colour says its kind and a mark always says it too
 * (never colour alone): a bar and "4M" for a 4 MiB page, a ring and "↺" for the recursive entry,
 * a K corner for the kernel half, a U corner for user pages, a square for OWNER. Hover decodes
 * an entry in a tooltip; click or Enter drills in (directory) or selects the page (table);
 * arrows move a cursor; Escape goes back from the table to the directory.
 *
 * <p>Geometry for tests and tools: the canvas carries {@code data-cell} (cell side in device
 * pixels), {@code data-x0} and {@code data-y0} (the grid's top-left device pixel). Entry i's
 * plain fill is at (x0 + (i % 32) * cell + max(1, cell / 4), y0 + (i / 32) * cell + max(1, cell / 4)).
 */
final class EntryGridView extends CanvasView {
    private final boolean directory;
    private final Tooltip tooltip;
    private final Views views;
    private final HTMLElement caption;
    private final HTMLElement readout;
    private EntryTable table;
    private int cursor = -1;
    private int hover = -1;
    private boolean focused;
    private int cell;
    private boolean zoomed;
    private int x0;
    private int y0;
    /** What the canvas shows now: a draw with the same inputs paints nothing (most actions change no entry). */
    private final int[] drawnInfos = new int[EntryTable.ENTRIES];
    private final int[] drawnMarks = new int[9];
    private Palette drawnPalette;
    /**
     * The 1024 cells without rings, as last painted: when only the rings move (a new current
     * address, the pointer), the cells are copied back from here instead of painted again.
     */
    private HTMLCanvasElement cellsCopy;
    private CanvasRenderingContext2D cellsCopyContext;
    private boolean cellsCopied;

    EntryGridView(App app, Dom dom, HTMLElement root, Palette palette, Tooltip tooltip, Views views,
                  boolean directory) {
        super(app, dom, root, palette);
        this.directory = directory;
        this.tooltip = tooltip;
        this.views = views;
        title(directory ? "Page directory" : "Page table");
        caption = dom.add(root, dom.el("p", "grid-caption mono"));
        caption.setId(root.getId() + "-caption");
        root.appendChild(box);
        box.setClassName("view-canvas grid-canvas");
        canvas.setId(directory ? "directory-canvas" : "table-canvas");
        canvas.setTabIndex(0);
        canvas.setAttribute("aria-describedby", caption.getId());
        readout = dom.add(root, dom.el("p", "grid-readout mono"));
        readout.setAttribute("aria-live", "polite");
        // The directory's key folds away (the table's, below it, names the same marks), so the grid
        // and the TLB under it fit a 1280×800 screen.
        HTMLElement legendBox = root;
        if (directory) {
            legendBox = dom.add(root, dom.el("details", "legend-details"));
            dom.add(legendBox, "summary", "legend-summary", "Key: colours and marks");
        }
        HTMLElement legend = dom.add(legendBox, dom.el("ul", "legend"));
        legend.setAttribute("aria-label", directory ? "Directory legend" : "Table legend");
        if (directory) {
            dom.legendItem(legend, "none", "", "not present");
            dom.legendItem(legend, "table", "", "page table");
            dom.legendItem(legend, "large", "4M", "4 MiB page (bar)");
            dom.legendItem(legend, "recursive", "↺", "recursive (ring)");
        } else {
            dom.legendItem(legend, "none", "", "not present");
            dom.legendItem(legend, "page", "", "4 KiB page");
        }
        dom.legendItem(legend, "kernel", "K", "kernel half (corner)");
        dom.legendItem(legend, "user", "U", "user (corner)");
        if (directory) {
            dom.legendItem(legend, "owner", "■", "OWNER");
        }
        dom.legendItem(legend, "current", "", "current address");

        Guard.on(canvas, "pointermove", e -> {
            MouseEvent m = (MouseEvent) e;
            int i = hit(m.getOffsetX(), m.getOffsetY());
            if (i != hover) {
                hover = i;
                draw();
            }
            if (i >= 0 && table != null && table.exists()) {
                tooltip.show(table.describe(i), m.getClientX(), m.getClientY());
                Dom.text(readout, table.summary(i));
            } else {
                tooltip.hide();
            }
        });
        Guard.on(canvas, "pointerleave", e -> {
            hover = -1;
            tooltip.hide();
            showReadout();
            draw();
        });
        Guard.on(canvas, "click", e -> {
            MouseEvent m = (MouseEvent) e;
            int i = hit(m.getOffsetX(), m.getOffsetY());
            if (i >= 0) {
                cursor = i;
                activate(i, false);
            }
        });
        Guard.on(canvas, "focus", e -> {
            focused = true;
            if (cursor < 0) {
                cursor = home();
            }
            showReadout();
            draw();
        });
        Guard.on(canvas, "blur", e -> {
            focused = false;
            tooltip.hide();
            draw();
        });
        Guard.on(canvas, "keydown", e -> key((KeyboardEvent) e));
        // A pinch on a trackpad arrives as a wheel event with ctrlKey: zoom in or out (the panel scrolls inside itself).
        Guard.on(canvas, "wheel", e -> {
            org.teavm.jso.dom.events.WheelEvent w = (org.teavm.jso.dom.events.WheelEvent) e;
            if (w.getCtrlKey() && w.getDeltaY() != 0) {
                w.preventDefault();
                zoom(w.getDeltaY() < 0);
            }
        });
        Pinch.install(canvas, this::zoom);
    }

    @Override
    int heightFor(int w) {
        int s = Math.max(3, (int) Math.floor(w * ratio / 32));
        return (int) Math.ceil(32 * s / ratio);
    }

    @Override
    boolean layout() {
        boolean changed = super.layout();
        if (changed) {
            drawnPalette = null;
        }
        cell = Math.max(3, Math.min(width, height) / 32);
        x0 = Math.max(0, (width - 32 * cell) / 2);
        y0 = 0;
        Dom.attr(canvas, "data-cell", Integer.toString(cell));
        Dom.attr(canvas, "data-x0", Integer.toString(x0));
        Dom.attr(canvas, "data-y0", Integer.toString(y0));
        return changed;
    }

    /** The entry under CSS point (x, y), or -1. */
    private int hit(int x, int y) {
        if (cell <= 0) {
            return -1;
        }
        int dx = (int) Math.floor(x * ratio) - x0;
        int dy = (int) Math.floor(y * ratio) - y0;
        if (dx < 0 || dy < 0 || dx >= 32 * cell || dy >= 32 * cell) {
            return -1;
        }
        return (dy / cell) * 32 + dx / cell;
    }

    /** The entry the current address uses here, or -1 (a table of another PDE). */
    private int currentEntry() {
        int a = app.currentAddress();
        if (directory) {
            return a >>> 22;
        }
        return (a >>> 22) == app.selectedDirectoryIndex() ? (a >>> 12) & 0x3FF : -1;
    }

    private int home() {
        if (directory) {
            return app.selectedDirectoryIndex();
        }
        int c = currentEntry();
        return c >= 0 ? c : 0;
    }

    @Override
    void update(int what) {
        table = directory ? EntryTable.directory(app.session().machine())
                : EntryTable.table(app.session().machine(), app.selectedDirectoryIndex());
        if ((what & App.SELECTION) != 0 && !focused) {
            cursor = -1;
        }
        if (directory) {
            String cap = "CR3 = " + Hex.hex32(app.session().machine().cr().cr3()) + " → directory at " + Hex.hex32(table.base());
            Dom.text(caption, table.note() == null ? cap : cap + ". " + table.note());
        } else {
            int pdeIndex = app.selectedDirectoryIndex();
            String cap = table.exists() ? "PDE " + pdeIndex + " → table at " + Hex.hex32(table.base()) + ": maps "
                    + Hex.hex32(pdeIndex << 22) + ".." + Hex.hex32((pdeIndex << 22) | 0x3FFFFF) : null;
            Dom.text(caption, cap == null ? table.note() : table.note() == null ? cap : cap + " " + table.note());
            Dom.attr(root, "data-directory-index", Integer.toString(pdeIndex));
        }
        label((table.exists() ? table.overview() : table.note())
                + (directory ? " Arrow keys move; Enter opens an entry's page table." : " Arrow keys move; Enter selects a page; Escape goes back to the directory."));
        showReadout();
    }

    private void showReadout() {
        int i = focused && cursor >= 0 ? cursor : currentEntry();
        if (table == null) {
            return;
        }
        if (!table.exists()) {
            Dom.text(readout, "");
        } else if (i >= 0) {
            Dom.text(readout, table.summary(i));
        } else {
            Dom.text(readout, "Point at an entry to decode it.");
        }
    }

    private void key(KeyboardEvent k) {
        String key = k.getKey();
        int c = cursor < 0 ? home() : cursor;
        int next = c;
        if ("+".equals(key) || "=".equals(key) || "-".equals(key)) {
            k.preventDefault();
            zoom(!"-".equals(key));
            return;
        }
        switch (key) {
            case "ArrowLeft":
                next = c % 32 == 0 ? c : c - 1;
                break;
            case "ArrowRight":
                next = c % 32 == 31 ? c : c + 1;
                break;
            case "ArrowUp":
                next = c < 32 ? c : c - 32;
                break;
            case "ArrowDown":
                next = c >= 992 ? c : c + 32;
                break;
            case "Home":
                next = k.isCtrlKey() ? 0 : c - c % 32;
                break;
            case "End":
                next = k.isCtrlKey() ? 1023 : c - c % 32 + 31;
                break;
            case "PageUp":
                next = Math.max(c % 32, c - 256);
                break;
            case "PageDown":
                next = Math.min(992 + c % 32, c + 256);
                break;
            case "Enter":
            case " ":
                k.preventDefault();
                activate(c, true);
                return;
            case "Escape":
                if (!directory) {
                    k.preventDefault();
                    tooltip.hide();
                    views.focusDirectory(app.selectedDirectoryIndex());
                }
                return;
            default:
                return;
        }
        k.preventDefault();
        cursor = next;
        showReadout();
        showCursorTip();
        draw();
    }

    /** The keyboard's tooltip: beside the cursor's cell. */
    private void showCursorTip() {
        if (table == null || !table.exists() || cursor < 0) {
            tooltip.hide();
            return;
        }
        TextRectangle r = canvas.getBoundingClientRect();
        int cx = r.getLeft() + (int) ((x0 + (cursor % 32 + 1) * cell) / ratio);
        int cy = r.getTop() + (int) ((y0 + (cursor / 32 + 1) * cell) / ratio);
        tooltip.show(table.describe(cursor), cx, cy);
    }

    private void activate(int i, boolean keyboard) {
        if (directory) {
            // One selection: the entry's region becomes the current address (its directory bits
            // change, the table index and offset stay), so the split, the walk and the table follow.
            app.select((i << 22) | (app.currentAddress() & 0x003FFFFF));
            if (keyboard) {
                tooltip.hide();
                views.focusTable();
            }
        } else if (table != null && table.exists()) {
            app.select(table.linear(i));
        }
    }

    /**
     * Zoom ×2 (+ and - on the grid, or a pinch): cells twice as large, so every second cue is drawn
     * in them (the K and U letters, "4M"); the panel scrolls inside itself to the cursor or the
     * current entry, and the page never scrolls sideways.
     */
    private void zoom(boolean in) {
        if (in == zoomed) {
            return;
        }
        zoomed = in;
        Dom.toggle(root, "grid-zoomed", in);
        box.getStyle().setProperty("width", in ? "200%" : "");
        Dom.attr(canvas, "data-zoom", in ? "2" : "1");
        app.changed(App.LAYOUT);
        int at = cursor >= 0 ? cursor : home();
        Guard.later(0, () -> {
            int x = (int) ((x0 + (at % 32) * cell) / ratio) - root.getClientWidth() / 2;
            root.setScrollLeft(Math.max(0, x));
        });
    }

    /** Moves focus here with the cursor on entry {@code i} (Escape from the table). */
    void focusOn(int i) {
        cursor = i & 0x3FF;
        canvas.focus();
        showReadout();
        draw();
    }

    void focus() {
        canvas.focus();
    }

    // ---- Drawing --------------------------------------------------------------------------

    @Override
    void draw() {
        if (width == 0 || table == null) {
            return;
        }
        boolean cellsSame = drawnPalette == palette && drawnMarks[0] == width && drawnMarks[1] == height
                && drawnMarks[2] == cell && drawnMarks[3] == x0 && drawnMarks[4] == (table.exists() ? 1 : 0)
                && sameInfos();
        if (unchanged()) {
            return;
        }
        deviceUnits();
        Palette p = palette;
        int s = cell;
        boolean exists = table.exists();
        if (cellsSame && exists) {
            // Only rings moved: the cells come from the copy (painted there the first time it is needed).
            if (!cellsCopied) {
                copyCells(p, s);
            }
            g.drawImage(cellsCopy, 0, 0);
        } else {
            paintCells(p, s, exists);
            cellsCopied = false;
        }
        int current = currentEntry();
        if (exists && current >= 0) {
            ring(current, p.text, Math.max(1, s / 8), 0);
        }
        if (directory) {
            int sel = app.selectedDirectoryIndex();
            if (sel != current) {
                ring(sel, p.textMuted, 1, 0);
            }
        }
        if (hover >= 0) {
            ring(hover, p.focus, Math.max(1, s / 8), 0);
        }
        if (focused && cursor >= 0) {
            ring(cursor, p.focus, Math.max(2, s / 5), 0);
        }
        if (!exists) {
            cssUnits();
            String t = directory ? "No directory" : "No page table";
            font(13, true, false);
            double w = g.measureText(t).getWidth() + 20;
            double cx = cssWidth / 2.0;
            double cy = cssHeight / 2.0;
            fill(p.raised);
            roundRect(cx - w / 2, cy - 14, w, 28, 6);
            g.fill();
            stroke(p.border);
            g.setLineWidth(1);
            g.stroke();
            fill(p.text);
            g.setTextAlign("center");
            g.setTextBaseline("middle");
            g.fillText(t, cx, cy + 0.5);
        }
    }

    /**
     * Paints the 1024 cells layer by layer, one path per colour (the plain fills, the 4 MiB bars,
     * the K and U corners, the OWNER squares) instead of a fill per cell: a full redraw was a
     * thousand fills and two thousand triangle paths. Cells never overlap (each is {@code s - 1}
     * wide at a stride of {@code s}, and within a cell the marks sit in different corners), so the
     * layers give the pixels the cell-by-cell order gave. The rare cells with more (the recursive
     * entry's ring, the zoomed grid's letters) are drawn one by one on top.
     */
    private void paintCells(Palette p, int s, boolean exists) {
        fill(p.surface);
        g.fillRect(0, 0, width, height);
        int inner = s >= 5 ? s - 1 : s;
        if (!exists) {
            fill(p.tint(p.free, 60));
            g.beginPath();
            for (int i = 0; i < 1024; i++) {
                g.rect(cellX(i), cellY(i), inner, inner);
            }
            g.fill();
            return;
        }
        int[] infos = new int[1024];
        for (int i = 0; i < 1024; i++) {
            infos[i] = table.info(i);
        }
        cellsOfKind(infos, EntryInfo.NOT_PRESENT, p.free, inner);
        cellsOfKind(infos, EntryInfo.TABLE, p.directory, inner);
        cellsOfKind(infos, EntryInfo.LARGE_PAGE, p.directory4m, inner);
        cellsOfKind(infos, EntryInfo.PAGE, p.table, inner);
        // The bar across a 4 MiB page: one solid stretch.
        int bar = Math.max(1, inner / 6);
        boolean any = false;
        for (int i = 0; i < 1024; i++) {
            if (EntryInfo.kind(infos[i]) == EntryInfo.LARGE_PAGE) {
                if (!any) {
                    fill(p.textOn(p.directory4m));
                    g.beginPath();
                    any = true;
                }
                g.rect(cellX(i), cellY(i) + (inner - bar) / 2, inner, bar);
            }
        }
        if (any) {
            g.fill();
        }
        int leg = Math.max(2, (inner * 2 + 4) / 5);
        corners(infos, EntryInfo.MARK_KERNEL_HALF, p.kernel, inner, leg, false);
        corners(infos, EntryInfo.MARK_USER, p.user, inner, leg, true);
        owners(infos, p, inner);
        for (int i = 0; i < 1024; i++) {
            int kind = EntryInfo.kind(infos[i]);
            if (kind == EntryInfo.RECURSIVE || inner >= 22 && kind != EntryInfo.NOT_PRESENT) {
                drawCell(p, infos[i], cellX(i), cellY(i), inner);
            }
        }
    }

    private int cellX(int i) {
        return x0 + (i & 31) * cell;
    }

    private int cellY(int i) {
        return y0 + (i >>> 5) * cell;
    }

    /** The plain fill of every cell of {@code kind}, as one path. */
    private void cellsOfKind(int[] infos, int kind, int color, int inner) {
        boolean any = false;
        for (int i = 0; i < 1024; i++) {
            if (EntryInfo.kind(infos[i]) == kind) {
                if (!any) {
                    fill(color);
                    g.beginPath();
                    any = true;
                }
                g.rect(cellX(i), cellY(i), inner, inner);
            }
        }
        if (any) {
            g.fill();
        }
    }

    /** The corner triangles of every present cell with {@code mark}: top right, or bottom right for {@code bottom}. */
    private void corners(int[] infos, int mark, int color, int s, int leg, boolean bottom) {
        boolean any = false;
        for (int i = 0; i < 1024; i++) {
            int info = infos[i];
            if (EntryInfo.kind(info) != EntryInfo.NOT_PRESENT && EntryInfo.has(info, mark)) {
                if (!any) {
                    fill(color);
                    g.beginPath();
                    any = true;
                }
                int cx = cellX(i) + s;
                int cy = cellY(i) + (bottom ? s : 0);
                int dy = bottom ? -leg : leg;
                g.moveTo(cx, cy);
                g.lineTo(cx - leg, cy);
                // No closePath: a fill closes each triangle, and closePath on a long path costs time proportional to it.
                g.lineTo(cx, cy + dy);
            }
        }
        if (any) {
            g.fill();
        }
    }

    /** The OWNER squares: filled, then outlined, each as one path. */
    private void owners(int[] infos, Palette p, int s) {
        int o = Math.max(2, s / 4);
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            n = 0;
            for (int i = 0; i < 1024; i++) {
                int info = infos[i];
                if (EntryInfo.kind(info) == EntryInfo.NOT_PRESENT || !EntryInfo.has(info, EntryInfo.MARK_OWNER)) {
                    continue;
                }
                if (n++ == 0) {
                    if (pass == 0) {
                        fill(p.dark ? p.text : p.bg);
                    } else {
                        stroke(p.text);
                        g.setLineWidth(1);
                    }
                    g.beginPath();
                }
                int x = cellX(i);
                int y = cellY(i);
                if (pass == 0) {
                    g.rect(x + 1, y + s - o - 1, o, o);
                } else {
                    g.rect(x + 1.5, y + s - o - 0.5, o - 1, o - 1);
                }
            }
            if (n > 0) {
                if (pass == 0) {
                    g.fill();
                } else {
                    g.stroke();
                }
            }
        }
    }

    private void copyCells(Palette p, int s) {
        if (cellsCopy == null) {
            cellsCopy = dom.el("canvas").cast();
            cellsCopyContext = (CanvasRenderingContext2D) cellsCopy.getContext("2d");
        }
        if (cellsCopy.getWidth() != width || cellsCopy.getHeight() != height) {
            cellsCopy.setWidth(width);
            cellsCopy.setHeight(height);
        }
        paintOn(cellsCopyContext, () -> {
            deviceUnits();
            paintCells(p, s, true);
        });
        cellsCopied = true;
    }

    @Override
    void invalidate() {
        super.invalidate();
        drawnPalette = null;
        cellsCopied = false;
    }

    private boolean sameInfos() {
        boolean exists = table.exists();
        for (int i = 0; i < EntryTable.ENTRIES; i++) {
            if ((exists ? table.info(i) : 0) != drawnInfos[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the canvas already shows this table, selection, pointer and size; if not, remembers them as drawn. */
    private boolean unchanged() {
        boolean exists = table.exists();
        int[] marks = {width, height, cell, x0, exists ? 1 : 0, currentEntry(), directory ? app.selectedDirectoryIndex() : -1,
            hover, focused ? cursor : -2};
        boolean same = drawnPalette == palette;
        for (int i = 0; i < marks.length; i++) {
            same &= marks[i] == drawnMarks[i];
            drawnMarks[i] = marks[i];
        }
        for (int i = 0; i < EntryTable.ENTRIES; i++) {
            int info = exists ? table.info(i) : 0;
            same &= info == drawnInfos[i];
            drawnInfos[i] = info;
        }
        drawnPalette = palette;
        return same;
    }

    private void drawCell(Palette p, int info, int x, int y, int s) {
        int kind = EntryInfo.kind(info);
        boolean present = kind != EntryInfo.NOT_PRESENT;
        switch (kind) {
            case EntryInfo.NOT_PRESENT:
                fill(p.free);
                g.fillRect(x, y, s, s);
                return;
            case EntryInfo.TABLE:
                fill(p.directory);
                g.fillRect(x, y, s, s);
                break;
            case EntryInfo.LARGE_PAGE: {
                fill(p.directory4m);
                g.fillRect(x, y, s, s);
                // The bar across: 4 MiB pages are one solid stretch.
                int bar = Math.max(1, s / 6);
                fill(p.textOn(p.directory4m));
                g.fillRect(x, y + (s - bar) / 2, s, bar);
                if (s >= 22) {
                    glyph("4M", x, y + s / 4 - 1, s, p.textOn(p.directory4m), s / 3);
                }
                break;
            }
            case EntryInfo.RECURSIVE: {
                fill(p.surface);
                g.fillRect(x, y, s, s);
                int w = Math.max(1, s / 5);
                fill(p.directory);
                g.fillRect(x, y, s, w);
                g.fillRect(x, y + s - w, s, w);
                g.fillRect(x, y, w, s);
                g.fillRect(x + s - w, y, w, s);
                if (s >= 12) {
                    glyph("↺", x, y + s / 2, s, p.directory, (s * 2) / 3);
                }
                break;
            }
            default:
                fill(p.table);
                g.fillRect(x, y, s, s);
                break;
        }
        if (!present) {
            return;
        }
        int leg = Math.max(2, (s * 2 + 4) / 5);
        if (EntryInfo.has(info, EntryInfo.MARK_KERNEL_HALF)) {
            corner(x + s, y, -leg, leg, p.kernel);
            if (s >= 24) {
                glyph("K", x + s - leg / 3 - 1, y + leg / 3, 0, p.textOn(p.kernel), leg / 2 + 1);
            }
        }
        if (EntryInfo.has(info, EntryInfo.MARK_USER)) {
            corner(x + s, y + s, -leg, -leg, p.user);
            if (s >= 24) {
                glyph("U", x + s - leg / 3 - 1, y + s - leg / 3, 0, p.textOn(p.user), leg / 2 + 1);
            }
        }
        if (EntryInfo.has(info, EntryInfo.MARK_OWNER)) {
            int o = Math.max(2, s / 4);
            fill(p.dark ? p.text : p.bg);
            g.fillRect(x + 1, y + s - o - 1, o, o);
            stroke(p.text);
            g.setLineWidth(1);
            g.strokeRect(x + 1.5, y + s - o - 0.5, o - 1, o - 1);
        }
    }

    /** A right triangle in a corner: the corner at (cx, cy), legs dx and dy long. */
    private void corner(int cx, int cy, int dx, int dy, int color) {
        fill(color);
        g.beginPath();
        g.moveTo(cx, cy);
        g.lineTo(cx + dx, cy);
        g.lineTo(cx, cy + dy);
        g.closePath();
        g.fill();
    }

    private void glyph(String text, int x, int y, int s, int color, int px) {
        font(Math.max(6, px), true, false);
        fill(color);
        g.setTextAlign("center");
        g.setTextBaseline("middle");
        g.fillText(text, s > 0 ? x + s / 2.0 : x, y);
    }

    private void ring(int i, int color, int w, int grow) {
        int s = cell;
        int inner = s >= 5 ? s - 1 : s;
        int x = x0 + (i & 31) * s - grow;
        int y = y0 + (i >>> 5) * s - grow;
        int size = inner + 2 * grow;
        fill(color);
        g.fillRect(x, y, size, w);
        g.fillRect(x, y + size - w, size, w);
        g.fillRect(x, y, w, size);
        g.fillRect(x + size - w, y, w, size);
    }
}
