package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The first render draws the views a reader sees at once; those whose box starts below the
 * viewport (at 1280×800 the frame map; the page-table grid's box starts above the fold until the
 * TLB panel, which fills in after the views, pushes it down) draw right after that frame is
 * painted, so the first screen is painted sooner and the rest is there before anyone can scroll
 * to it. What each canvas held when the page marked its first paint (pagewalk-painted) is
 * recorded by a script that runs before the page's own.
 */
@InBrowser
class BelowTheFoldTest {
    private static final String[] VIEWS = {"split", "walk", "directory", "table", "memory"};
    /** How many pixels of each view's canvas are drawn (alpha > 0). */
    private static final String DRAWN = "function drawn(id) { var c = document.getElementById(id); if (!c || !c.width) { return 0; }"
            + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
            + " for (var i = 3; i < d.length; i += 4) { if (d[i]) { n++; } } return n; }"
            + " function views() { return {split: drawn('address-canvas'), walk: drawn('walk-canvas'),"
            + " directory: drawn('directory-canvas'), table: drawn('table-canvas'), memory: drawn('memory-canvas'),"
            + " redraws: window.pagewalkRedraws || 0}; }";
    /** At the pagewalk-painted mark: what the views held then, and (if asked) a read at that moment. */
    private static final String AT_PAINT_HOOK = "(function () { var mark = performance.mark.bind(performance); " + DRAWN
            + " performance.mark = function (name) { if (name === 'pagewalk-painted') { window.atPaint = views();"
            + "   if (window.actAtPaint) { window.pagewalk.run('read user 0x08048000'); } }"
            + " return mark.apply(null, arguments); }; })();";

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void theViewsBelowTheFoldDrawAfterTheFirstScreenIsPainted(String engine, Browser b) {
        b.emulateViewport(1280, 800, 1, false);
        Map<String, Number> atPaint = firstPaint(b, engine, false);
        assertTrue(atPaint.get("split").intValue() > 0, "the address split is on the first screen: " + atPaint);
        assertTrue(atPaint.get("walk").intValue() > 0, "the walk: " + atPaint);
        assertTrue(atPaint.get("directory").intValue() > 0, "the directory grid: " + atPaint);
        assertEquals(0, atPaint.get("memory").intValue(), "the frame map (below the fold) waits: " + atPaint);
        assertEquals(0, atPaint.get("redraws").intValue(), "no complete redraw yet");

        // Then they draw: the frame map shows the 32 MiB machine, and the whole page drew once.
        assertAllDrawn(b);
        assertEquals(1L, b.script("return window.pagewalkRedraws;"));
        b.assertClean();
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void onAScreenTallEnoughForEveryViewTheFirstPaintHasThemAll(String engine, Browser b) {
        b.emulateViewport(1280, 1800, 1, false);
        Map<String, Number> atPaint = firstPaint(b, engine, false);
        for (String view : VIEWS) {
            assertTrue(atPaint.get(view).intValue() > 0, view + " drawn at the first paint: " + atPaint);
        }
        b.assertClean();
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void anActionBeforeTheyDrewDrawsThemWithIt(String engine, Browser b) {
        b.emulateViewport(1280, 800, 1, false);
        // A read at the moment of the first paint, before the frame map and the table grid drew.
        Map<String, Number> atPaint = firstPaint(b, engine, true);
        assertEquals(0, atPaint.get("memory").intValue(), "the frame map had not drawn: " + atPaint);
        assertEquals("Last access: user read of 0x08048000.", b.text("#walk-mode"));
        assertAllDrawn(b);
        assertEquals("32", b.script("return document.getElementById('table-view').dataset.directoryIndex;"));
        b.assertClean();
    }

    /** Every view has drawn, and the frame map shows the 32 MiB machine. */
    @SuppressWarnings("unchecked")
    private static void assertAllDrawn(Browser b) {
        Map<String, Number> now = (Map<String, Number>) b.script(DRAWN + " return views();");
        for (String view : VIEWS) {
            assertTrue(now.get(view).intValue() > 0, view + " drawn: " + now);
        }
        assertEquals("8192", b.script("return document.getElementById('memory-canvas').dataset.frames;"));
    }

    /** A newcomer's load (no saved work) with the hook; returns what the canvases held at the first paint. */
    @SuppressWarnings("unchecked")
    private static Map<String, Number> firstPaint(Browser b, String engine, boolean act) {
        String hook = (act ? "window.actAtPaint = true; " : "") + AT_PAINT_HOOK;
        Map<String, Number>[] out = new Map[1];
        b.withInitScript(hook, () -> {
            b.open("?engine=" + engine);
            b.script("try { localStorage.clear(); } catch (e) {}");
            b.driver().get("about:blank");
            b.open("?engine=" + engine);
            b.waitUntil("!!window.atPaint && document.body.dataset.rendered === '1'");
            out[0] = (Map<String, Number>) b.script("return window.atPaint;");
        });
        return out[0];
    }
}
