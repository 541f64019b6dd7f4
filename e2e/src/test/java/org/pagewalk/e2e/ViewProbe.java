package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.pagewalk.e2e.harness.Browser;

/**
 * What the canvas views show, read the way a test can: colours of grid entries and frames (from
 * the geometry the views publish as data attributes), the theme's tokens, and whole-canvas
 * fingerprints for "nothing changed" checks.
 *
 * <p>Where the page's machine puts things (the golden addresses of the e2e tests): the page
 * starts as boot ceanos + init_mm on 32 MiB. CeanOS's image ends at 0x00250000 (the frame bitmap
 * at 0x00130000 is 128 KiB, one bit per frame of 4 GiB, so the pool of 256 page directories is
 * at 0x00150000..0x0024FFFF), and init_mm passes that end as physicalAllocStart: pageFrameMin =
 * 0x250. kmallocInit(0x4000) then takes frame 0x250 (heap page 0, so 0xD0000000 -> 0x00250000),
 * 0x251 (its page table, PDE 832) and 0x252..0x254 (heap pages 1..3). So the first frame a test
 * causes to be allocated, such as the page table memMapPage 0x08048000 makes for PDE 32, is
 * 0x255 = 0x00255000, and PTE 72 of it is at 0x00255000 + 4 x 72 = 0x00255120. The first
 * memAllocPageDir takes pageDirs[0]: 0xC0150000, CR3 0x00150000.
 */
final class ViewProbe {
    /** Every canvas view on the page. */
    static final List<String> CANVASES = List.of("#address-canvas", "#walk-canvas", "#directory-canvas",
            "#table-canvas", "#memory-canvas");

    private final Browser browser;

    ViewProbe(Browser browser) {
        this.browser = browser;
    }

    /** Runs a scenario line as a user action through window.pagewalk; returns "status: message". */
    String run(String line) {
        Object result = browser.script("return window.pagewalk.run(arguments[0]);", line);
        String text = String.valueOf(result);
        assertTrue(text.startsWith("ok") || text.startsWith("passed"), () -> line + " -> " + text);
        return text;
    }

    /** A field of window.pagewalk.state(). */
    String state(String field) {
        return String.valueOf(browser.script("return JSON.parse(window.pagewalk.state())[arguments[0]];", field));
    }

    private int data(String canvas, String name) {
        Object v = browser.script("return document.querySelector(arguments[0]).dataset[arguments[1]];", canvas, name);
        assertTrue(v != null, () -> canvas + " has no data-" + name);
        return Integer.parseInt(String.valueOf(v));
    }

    /**
     * The plain fill of grid entry {@code i}, at half its width and two thirds of its height: clear
     * of every mark EntryGridView draws (the 4M glyph near the top, the 4 MiB bar across the middle
     * sixth, the corner triangles, the owner square at the bottom left, rings up to a fifth of the
     * cell from its edges), at every cell size.
     */
    int[] entry(String canvas, int i) {
        int s = data(canvas, "cell");
        return browser.pixel(canvas, data(canvas, "x0") + (i % 32) * s + s / 2, data(canvas, "y0") + (i / 32) * s + (2 * s) / 3);
    }

    /** The left edge of grid entry {@code i}, half-way down (where a ring is drawn). */
    int[] entryEdge(String canvas, int i) {
        int s = data(canvas, "cell");
        return browser.pixel(canvas, data(canvas, "x0") + (i % 32) * s, data(canvas, "y0") + (i / 32) * s + s / 2);
    }

    /** The top-left pixel of the frame map's cell for physical frame {@code frame}. */
    int[] frame(int frame) {
        String c = "#memory-canvas";
        int start = data(c, "start");
        int group = data(c, "group");
        int columns = data(c, "columns");
        int cell = data(c, "cell");
        int unit = (frame - start) / group;
        return browser.pixel(c, (unit % columns) * cell, (unit / columns) * cell);
    }

    /** A theme token (--pw-...) as RGB. */
    int[] token(String name) {
        String css = String.valueOf(browser.script(
                "return getComputedStyle(document.documentElement).getPropertyValue(arguments[0]).trim();", name));
        assertTrue(css.startsWith("#") && css.length() == 7, () -> name + " is " + css);
        int v = Integer.parseInt(css.substring(1), 16);
        return new int[] {v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF};
    }

    /**
     * Exactly the same colour, opaque. No tolerance: the pixels read are inside solid fills drawn
     * with the token's own #rrggbb (away from edges and text, which are anti-aliased), and a
     * canvas gives those back unchanged, as HarnessTest.readsCanvasPixels shows.
     */
    static boolean same(int[] rgb, int[] pixel) {
        return rgb[0] == pixel[0] && rgb[1] == pixel[1] && rgb[2] == pixel[2] && (pixel.length < 4 || pixel[3] == 255);
    }

    /**
     * The device pixel under CSS point (x, y) of a canvas drawn in CSS units (the walk), and the
     * canvas's CSS width, for geometry the view computes from it: {r, g, b, a}.
     */
    int[] cssPixel(String canvas, double x, double y) {
        double ratio = ((Number) browser.script("return window.devicePixelRatio;")).doubleValue();
        return browser.pixel(canvas, (int) Math.floor(x * ratio), (int) Math.floor(y * ratio));
    }

    /** The CSS width a canvas view lays itself out in (its box's client width, a whole number). */
    int cssWidth(String canvas) {
        return ((Number) browser.script("return Math.round(document.querySelector(arguments[0]).getBoundingClientRect().width);",
                canvas)).intValue();
    }

    void assertColour(String token, int[] pixel, String what) {
        int[] rgb = token(token);
        assertTrue(same(rgb, pixel), () -> what + ": expected " + token + " " + Arrays.toString(rgb) + ", saw "
                + Arrays.toString(pixel));
    }

    /**
     * Every canvas's pixels, hashed: equal fingerprints mean nothing visible changed. Waits for
     * animations to settle first.
     */
    Map<String, Integer> fingerprint() {
        settle();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String c : CANVASES) {
            out.put(c, String.valueOf(browser.script("return document.querySelector(arguments[0]).toDataURL();", c)).hashCode());
        }
        return out;
    }

    /** Lets a running walk, highlight or redraw finish: waits until the walk is at its end and the canvases are still. */
    void settle() {
        settle(browser);
    }

    /**
     * A walk plays step by step for seconds after an access: jump it to its last step (as a user
     * pressing Last would), so that both sides of a comparison show the same frame, then wait
     * until its highlight has moved there and nothing draws any more.
     */
    static void settle(Browser browser) {
        browser.script("var w = document.querySelector('#walk'), last = document.querySelector('#walk .walk-last');"
                + " if (w && last && w.dataset.steps && (w.dataset.playing === '1'"
                + " || +w.dataset.step !== +w.dataset.steps - 1)) { last.click(); }");
        browser.waitUntil("!document.querySelector('#walk') || !document.querySelector('#walk').dataset.steps"
                + " || (document.querySelector('#walk').dataset.playing !== '1' && +document.querySelector('#walk').dataset.step"
                + " === +document.querySelector('#walk').dataset.steps - 1)");
        browser.waitForStillCanvases();
    }

    /** The number in a frame map legend entry ("free", "table", "differs", ...). */
    String legendCount(String kind) {
        return String.valueOf(browser.script("return document.querySelector('#memory-view .count-' + arguments[0]).textContent;", kind));
    }

    /**
     * How many pixels of a canvas have a token's colour, give or take 2 per channel: for "none of
     * this colour" checks, where counting near misses too (anti-aliased edges) makes the check stricter.
     */
    long count(String canvas, String token) {
        int[] rgb = token(token);
        Object n = browser.script("var c = document.querySelector(arguments[0]);"
                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;"
                + "for (var i = 0; i < d.length; i += 4) {"
                + "  if (Math.abs(d[i] - arguments[1]) <= 2 && Math.abs(d[i + 1] - arguments[2]) <= 2"
                + "      && Math.abs(d[i + 2] - arguments[3]) <= 2) n++; }"
                + "return n;", canvas, rgb[0], rgb[1], rgb[2]);
        return ((Number) n).longValue();
    }

    /** Shows the walk's last step (the walk animates otherwise), once its highlight has arrived. */
    void walkToEnd() {
        browser.script("document.querySelector('#walk .walk-last').click();");
        browser.waitUntil("document.getElementById('walk').dataset.step == document.getElementById('walk').dataset.steps - 1");
        browser.waitForStillCanvases();
    }

    /** The sentences of every step of the walk on show. */
    List<String> walkSentences() {
        @SuppressWarnings("unchecked")
        List<String> items = (List<String>) browser.script(
                "return Array.prototype.map.call(document.querySelectorAll('#walk-steps li'), function (li) { return li.textContent; });");
        return items;
    }
}
