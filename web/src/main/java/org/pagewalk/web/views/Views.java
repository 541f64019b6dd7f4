package org.pagewalk.web.views;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.pagewalk.web.dom.MediaQuery;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Installs the canvas views (address split, walk, directory and table grids, frame map) into
 * their containers and keeps them in step with the app: one listener that, per change bit,
 * re-reads the palette (THEME), re-sizes the canvases (LAYOUT) and lets each view update and
 * redraw (MACHINE, SELECTION). Window resizes, container resizes and theme changes (the system
 * setting or the toggle's {@code <html data-theme>}) are turned into app changes here, so a
 * view never draws outside the app's once-per-frame flush (except its own animation).
 */
public final class Views implements App.Listener {
    private final App app;
    private final List<CanvasView> views = new ArrayList<>();
    private Palette palette;
    private WalkView walk;
    private EntryGridView directory;
    private EntryGridView table;
    /** Every view has drawn once (the first complete render). */
    private boolean drawnOnce;
    /** The views in the first screen have drawn. */
    private boolean firstScreenDrawn;
    /** The views below the fold at the first render, until they have drawn, and the changes they owe. */
    private final List<CanvasView> belowFold = new ArrayList<>();
    private int belowFoldWhat;

    private Views(App app) {
        this.app = app;
    }

    public static void install(App app, Dom dom) {
        Views v = new Views(app);
        v.build(dom);
    }

    private void build(Dom dom) {
        palette = Palette.read();
        Tooltip tooltip = new Tooltip(dom);
        HTMLElement split = dom.byId("address-split");
        if (split != null) {
            views.add(new AddressSplitView(app, dom, split, palette, this));
        }
        HTMLElement walkBox = dom.byId("walk");
        if (walkBox != null) {
            walk = new WalkView(app, dom, walkBox, palette);
            views.add(walk);
        }
        HTMLElement dirBox = dom.byId("directory-view");
        if (dirBox != null) {
            directory = new EntryGridView(app, dom, dirBox, palette, tooltip, this, true);
            views.add(directory);
        }
        HTMLElement tableBox = dom.byId("table-view");
        if (tableBox != null) {
            table = new EntryGridView(app, dom, tableBox, palette, tooltip, this, false);
            views.add(table);
        }
        HTMLElement memory = dom.byId("memory-view");
        if (memory != null) {
            views.add(new FrameMapView(app, dom, memory, palette));
        }
        layoutAll();
        app.addListener(this);
        // Every view repainted at once, as after a theme and layout change; the panels are not views.
        Js.exposeRedraw(() -> Guard.run(() -> {
            for (CanvasView view : views) {
                view.invalidate();
            }
            changed(app, App.ALL);
        }));

        Guard.on(Window.current(), "resize", e -> app.changed(App.LAYOUT));
        for (CanvasView view : views) {
            // Layout can change without a window resize (panels filling in, a scrollbar appearing):
            // a width change of a view's box re-sizes its canvas at the next frame.
            Js.onResize(view.box, () -> Guard.run(() -> {
                if (view.box.getClientWidth() != view.cssWidth) {
                    app.changed(App.LAYOUT);
                }
            }));
        }
        MediaQuery system = Js.matchMedia("(prefers-color-scheme: dark)");
        if (system != null) {
            Guard.on(system, "change", e -> app.changed(App.THEME));
        }
        Js.onThemeAttribute(() -> Guard.run(() -> app.changed(App.THEME)));
        // A change of devicePixelRatio (browser zoom, moving to another screen) comes as a resize.
    }

    @Override
    public void changed(App app, int what) {
        if (what == 0) {
            return;
        }
        if ((what & App.THEME) != 0) {
            palette = Palette.read();
            for (CanvasView view : views) {
                view.palette = palette;
            }
        }
        if ((what & App.LAYOUT) != 0) {
            layoutAll();
        }
        if (!belowFold.isEmpty()) {
            // A change before the views below the fold drew: they draw now, owing the first render's changes too.
            belowFold.clear();
            drawFrom(0, what | belowFoldWhat);
            belowFoldWhat = 0;
            return;
        }
        drawFrom(0, what);
    }

    /** Every view's width read first, then every canvas resized: one page layout for all of them. */
    private void layoutAll() {
        for (CanvasView view : views) {
            Guard.run(view::measure);
        }
        for (CanvasView view : views) {
            Guard.run(view::layout);
        }
    }

    /** How long one animation frame's task may draw views before the rest wait for the next frame. */
    private static final double FRAME_BUDGET_MS = 24;

    /**
     * Updates and draws the views from {@code first} on; past the budget the rest go to the next
     * animation frame, so a redraw that has much to catch up on (a long run, a 4 GiB frame map)
     * is not one long task. The first time, the views below the fold wait until the first screen
     * is painted (drawBelowFold): a reader sees the top of the page sooner, and nobody can scroll
     * to them before the next frame.
     */
    private void drawFrom(int first, int what) {
        boolean firstScreen = !firstScreenDrawn;
        firstScreenDrawn = true;
        if (firstScreen) {
            // All read before any view draws, in the layout its sizing left: drawing changes texts.
            double fold = Window.current().getInnerHeight();
            for (CanvasView view : views) {
                if (view.isBelow(fold)) {
                    belowFold.add(view);
                }
            }
        }
        double start = Js.now();
        for (int i = first; i < views.size(); i++) {
            CanvasView view = views.get(i);
            if (firstScreen && belowFold.contains(view)) {
                continue;
            }
            draw(view, what);
            // Until the first complete render nothing is on screen to keep responsive: waiting a frame would only delay it.
            if (drawnOnce && i + 1 < views.size() && Js.now() - start > FRAME_BUDGET_MS) {
                int next = i + 1;
                Js.viewsDeferred();
                Guard.frame(t -> drawFrom(next, what));
                return;
            }
        }
        if (firstScreen) {
            Js.firstScreenDrawn();
        }
        if (!belowFold.isEmpty()) {
            belowFoldWhat |= what;
            Js.viewsDeferred();
            // The first screen's frame first: a task queued from its animation callback runs once it is painted.
            Guard.frame(t -> Guard.later(0, this::drawBelowFold));
            return;
        }
        drawnOnce = true;
        Js.viewsDrawn();
    }

    /** The views the first screen left out; a redraw before them (an action at once) draws them too. */
    private void drawBelowFold() {
        if (belowFold.isEmpty()) {
            return;
        }
        int what = belowFoldWhat;
        belowFoldWhat = 0;
        List<CanvasView> waiting = new ArrayList<>(belowFold);
        belowFold.clear();
        for (CanvasView view : waiting) {
            draw(view, what);
        }
        drawnOnce = true;
        Js.viewsDrawn();
    }

    private static void draw(CanvasView view, int what) {
        boolean update = (what & view.interest()) != 0;
        if (update || (what & (App.THEME | App.LAYOUT)) != 0) {
            Guard.run(() -> {
                if (update) {
                    view.update(what);
                }
                view.draw();
            });
        }
    }

    /** The address split's D / T / F: show that level's step in the walk. */
    void showLevel(int station) {
        if (walk != null) {
            walk.showStation(station);
        }
    }

    /** Enter on a directory entry: keyboard focus moves into the table it opened. */
    void focusTable() {
        if (table != null) {
            table.focus();
        }
    }

    /** Escape in the table: back to the directory, on the entry whose table it was. */
    void focusDirectory(int index) {
        if (directory != null) {
            directory.focusOn(index);
        }
    }
}
