package org.pagewalk.web.views;

import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A view drawn on a canvas that fills its box's width: sized in CSS pixels times the device
 * pixel ratio (sharp on a 4K screen), resized when the layout changes, and redrawn only when the
 * app reports a change that matters to it ({@link App.Listener} bits) or an animation runs.
 * Colours come from the theme's CSS tokens ({@link Palette}).
 */
abstract class CanvasView {
    final App app;
    final Dom dom;
    final HTMLElement root;
    final HTMLElement box;
    final HTMLCanvasElement canvas;
    /** The context drawn on: the canvas's own, or for a moment another's ({@link #paintOn}). */
    CanvasRenderingContext2D g;
    Palette palette;
    /** Size in CSS pixels. */
    int cssWidth;
    int cssHeight;
    /** Size in device pixels (the canvas's own pixels). */
    int width;
    int height;
    double ratio = 1;
    /**
     * The styles last given to the context, so that setting the same one again (a grid sets a
     * fill per cell) costs no string and no CSS parse. A canvas resize resets the context.
     */
    private int fillRgb = -1;
    private int strokeRgb = -1;
    /** px, with 1 << 16 for bold and 1 << 17 for mono: the font last set, or -1. */
    private int fontSet = -1;
    /** The box's width read by {@link #measure} for the next {@link #layout}, or -1. */
    private int measured = -1;
    /** The CSS font text of each key {@link #font} was asked for. */
    private final java.util.Map<Integer, String> fonts = new java.util.HashMap<>();

    CanvasView(App app, Dom dom, HTMLElement root, Palette palette) {
        this.app = app;
        this.dom = dom;
        this.root = root;
        this.palette = palette;
        box = dom.el("div", "view-canvas");
        canvas = dom.el("canvas").cast();
        canvas.setAttribute("role", "img");
        box.appendChild(canvas);
        g = (CanvasRenderingContext2D) canvas.getContext("2d");
    }

    /** The canvas's height in CSS pixels for a given width. */
    abstract int heightFor(int cssWidth);

    /** Re-reads what the view shows after a change ({@link App} bits); draws nothing. */
    abstract void update(int what);

    /** Paints the whole canvas from the view's state. */
    abstract void draw();

    /** Which {@link App} bits make this view update and redraw. */
    int interest() {
        return App.MACHINE | App.SELECTION;
    }

    /**
     * Forgets what the view remembers of its canvas, so that the next draw paints everything
     * (what a theme or size change does; the front-end figures time it).
     */
    void invalidate() {
        forgetStyles();
    }

    /** Runs {@code paint} drawing on {@code other} instead of this view's canvas. */
    void paintOn(CanvasRenderingContext2D other, Runnable paint) {
        CanvasRenderingContext2D own = g;
        g = other;
        forgetStyles();
        try {
            paint.run();
        } finally {
            g = own;
            forgetStyles();
        }
    }

    private void forgetStyles() {
        fillRgb = -1;
        strokeRgb = -1;
        fontSet = -1;
    }

    /** Matches the canvas to its box and the device pixel ratio; true if its size changed. */
    boolean layout() {
        double r = Js.devicePixelRatio();
        if (!(r > 0) || r > 8) {
            r = 1;
        }
        int w = measured > 0 ? measured : boxWidth();
        measured = -1;
        ratio = r;
        int h = Math.max(1, heightFor(w));
        int dw = Math.max(1, (int) Math.floor(w * r + 0.5));
        int dh = Math.max(1, (int) Math.floor(h * r + 0.5));
        if (w == cssWidth && h == cssHeight && dw == width && dh == height) {
            return false;
        }
        cssWidth = w;
        cssHeight = h;
        width = dw;
        height = dh;
        canvas.setWidth(dw);
        canvas.setHeight(dh);
        forgetStyles();
        canvas.getStyle().setProperty("width", w + "px");
        canvas.getStyle().setProperty("height", h + "px");
        return true;
    }

    /** Whether the view's box starts at or below {@code y} (CSS pixels from the viewport's top). */
    boolean isBelow(double y) {
        return box.getBoundingClientRect().getTop() >= y;
    }

    /**
     * Reads the box's width ahead of {@link #layout}: the coordinator reads every view's before
     * any view resizes its canvas, so the page is laid out once, not once per view.
     */
    void measure() {
        measured = boxWidth();
    }

    private int boxWidth() {
        int w = box.getClientWidth();
        if (w <= 0) {
            w = root.getClientWidth() > 0 ? root.getClientWidth() : 320;
        }
        return w;
    }

    /** Drawing in CSS pixels from here on (vector views); grids that need whole device pixels skip it. */
    void cssUnits() {
        g.setTransform(ratio, 0, 0, ratio, 0, 0);
    }

    void deviceUnits() {
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    void fill(int rgb) {
        if (rgb != fillRgb) {
            fillRgb = rgb;
            g.setFillStyle(Colors.css(rgb));
        }
    }

    void stroke(int rgb) {
        if (rgb != strokeRgb) {
            strokeRgb = rgb;
            g.setStrokeStyle(Colors.css(rgb));
        }
    }

    /** A font in CSS pixels: {@code mono} for addresses and entries, the UI face otherwise. */
    void font(int px, boolean bold, boolean mono) {
        int key = px | (bold ? 1 << 16 : 0) | (mono ? 1 << 17 : 0);
        if (key != fontSet) {
            fontSet = key;
            String css = fonts.get(key);
            if (css == null) {
                // Built once per size and face: a view sets a font many times per draw.
                css = (bold ? "600 " : "") + px + "px " + (mono ? "ui-monospace, Menlo, Consolas, monospace"
                        : "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif");
                fonts.put(key, css);
            }
            g.setFont(css);
        }
    }

    void roundRect(double x, double y, double w, double h, double r) {
        if (!(w > 0) || !(h > 0)) {
            // A box squeezed to nothing (a tiny viewport): no shape, and no negative arcTo radius.
            g.beginPath();
            return;
        }
        double rr = Math.max(0, Math.min(r, Math.min(w, h) / 2));
        g.beginPath();
        g.moveTo(x + rr, y);
        g.lineTo(x + w - rr, y);
        g.arcTo(x + w, y, x + w, y + rr, rr);
        g.lineTo(x + w, y + h - rr);
        g.arcTo(x + w, y + h, x + w - rr, y + h, rr);
        g.lineTo(x + rr, y + h);
        g.arcTo(x, y + h, x, y + h - rr, rr);
        g.lineTo(x, y + rr);
        g.arcTo(x, y, x + rr, y, rr);
        g.closePath();
    }

    /**
     * The view's heading, which is also the canvas's accessible name until its first update
     * gives a fuller one (the first redraw may come a frame or two after the page is ready).
     */
    void title(String text) {
        dom.viewTitle(root, text);
        label(text);
    }

    void label(String text) {
        Dom.attr(canvas, "aria-label", text);
    }
}
