package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** The frame map: kinds, zoom from 1 MiB to 4 GiB, the bitmap's disagreements, the pointer's readout. */
@InBrowser
class FrameMapTest {

    @Test
    void aFourGigabyteMachineDrawsItsMillionFrames(Browser browser) {
        PanelsPage.openBare(browser, "?engine=wasm");
        ViewProbe v = new ViewProbe(browser);
        v.run("boot ceanos ram=4G");
        long t0 = System.nanoTime();
        v.run("init_mm");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("1048576", browser.script("return document.getElementById('memory-canvas').dataset.frames;"));
        assertTrue(browser.text("#map-range").startsWith("0x00000000..0xFFFFFFFF · 1048576 frames"), browser.text("#map-range"));
        // Clear of the current address's ring (frame 0x100, 0xC0100000), which covers a few pixels around it.
        v.assertColour("--pw-kernel", v.frame(0x200), "kernel image at 0x00200000");
        v.assertColour("--pw-free", v.frame(0xFFFF0), "a free frame near 4 GiB");
        // 2^20 frames, less the 0x250 below pageFrameMin (the low area and the kernel image, none free)
        // and the 5 init_mm allocated (ViewProbe's class comment): 1048576 - 592 - 5.
        assertEquals("1047979", v.legendCount("free"));
        assertEquals("0", v.legendCount("noram"), "4 GiB: no frame beyond RAM");
        assertTrue(ms < 5000, "booting and drawing 4 GiB took " + ms + " ms");
        // Later actions redraw the whole map too, without a long pause.
        long t1 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            v.run("read 0xD0000000");
        }
        long each = (System.nanoTime() - t1) / 5_000_000;
        assertTrue(each < 500, "an action on a 4 GiB machine took " + each + " ms");
        browser.assertClean();
    }

    @Test
    void zoomAndPointerReadout(Browser browser) {
        PanelsPage.openBare(browser, "?engine=js");
        ViewProbe v = new ViewProbe(browser);
        assertEquals("8192", browser.script("return document.getElementById('memory-canvas').dataset.frames;"),
                "the default window is the installed 32 MiB");
        new Select(browser.find("#map-zoom")).selectByVisibleText("1 MiB");
        assertEquals("256", browser.script("return document.getElementById('memory-canvas').dataset.frames;"));
        int cell = Integer.parseInt((String) browser.script("return document.getElementById('memory-canvas').dataset.cell;"));
        assertTrue(cell >= 8, "1 MiB gets big cells, was " + cell);
        // Zooming keeps the current address's frame (0xC0100000 is physical 0x00100000) in view.
        assertTrue(browser.text("#map-range").startsWith("0x00100000..0x001FFFFF"), browser.text("#map-range"));
        v.assertColour("--pw-kernel", v.frame(0x100), "the kernel image's first frame");
        v.assertColour("--pw-directory", v.frame(0x10B), "initial_page_dir");
        browser.find(".map-earlier").click();
        assertTrue(browser.text("#map-range").startsWith("0x00000000..0x000FFFFF"), browser.text("#map-range"));
        assertEquals("true", browser.find(".map-earlier").getAttribute("disabled"), "nothing below 0");
        browser.find(".map-later").click();

        // Point at initial_page_dir (frame 0x10B, cell 0x0B of this window).
        Object offset = browser.script("var c = document.getElementById('memory-canvas'); var d = c.dataset;"
                + "c.scrollIntoView({block: 'center'});"
                + "var k = c.width / c.getBoundingClientRect().width; var s = +d.cell, cols = +d.columns, u = 0x0B;"
                + "var b = c.getBoundingClientRect();"
                + "return [Math.round(((u % cols) * s + s / 2) / k - b.width / 2), Math.round((Math.floor(u / cols) * s + s / 2) / k - b.height / 2)];");
        java.util.List<?> o = (java.util.List<?>) offset;
        new Actions(browser.driver()).moveToElement(browser.find("#memory-canvas"),
                ((Number) o.get(0)).intValue(), ((Number) o.get(1)).intValue()).perform();
        String readout = browser.text("#map-readout");
        assertTrue(readout.startsWith("Frame 0x0010B (267) · physical 0x0010B000..0x0010BFFF · page directory"), readout);
        assertTrue(readout.contains("bitmap bit"), readout);
        browser.assertClean();
    }

    @Test
    void theBitmapsViewShowsBesideMemorysTruth(Browser browser) {
        PanelsPage.openBare(browser, "?engine=js");
        ViewProbe v = new ViewProbe(browser);
        assertTrue(browser.text("#memory-canvas").isEmpty());
        assertEquals("0", v.legendCount("differs"));
        // Mapping a frame the allocator never handed out: memory uses it, the bitmap calls it free.
        v.run("memMapPage 0x08048000 0x00600000 WRITE|USER");
        assertEquals("1", v.legendCount("differs"));
        v.assertColour("--pw-frame", v.frame(0x600), "memory's truth (mapped) in the cell's top-left");
        String label = browser.find("#memory-canvas").getAttribute("aria-label");
        assertTrue(label.contains("1 frames in use are free in the bitmap"), label);
        browser.script("document.getElementById('memory-canvas').focus();");
        browser.assertClean();
    }

    /** Keeps the frame map's pixels (window.mapPixels) to compare later ones with. */
    private static final String KEEP_PIXELS = "var c = document.getElementById('memory-canvas');"
            + "window.mapPixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; return c.width * c.height;";
    /** How many of the frame map's pixels differ from the kept ones (-1: the canvas changed size). */
    private static final String CHANGED_PIXELS = "var c = document.getElementById('memory-canvas');"
            + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, a = window.mapPixels, n = 0;"
            + "if (!a || a.length !== d.length) { return -1; }"
            + "for (var i = 0; i < d.length; i += 4) {"
            + "  if (a[i] !== d[i] || a[i + 1] !== d[i + 1] || a[i + 2] !== d[i + 2] || a[i + 3] !== d[i + 3]) { n++; } }"
            + "return n;";

    /**
     * The map repaints only the cells whose kind changed (after an action, an undo, and after a
     * redraw that compares every cell with what it painted, and whose refresh of the frame map is
     * skipped while the machine is unchanged): what it shows then equals a paint from scratch,
     * pixel for pixel, with big cells (32 MiB) and with one pixel for 4 frames (4 GiB), in both engines.
     */
    @Test
    void cellsRepaintedAsFramesChangeEqualAPaintFromScratch(Browser browser) {
        for (String engine : new String[] {"js", "wasm"}) {
            PanelsPage.openBare(browser, "?engine=" + engine);
            ViewProbe v = new ViewProbe(browser);
            repaintedEqualsScratch(browser, v, "32 MiB, " + engine);
            // A fresh page: the zoom picked above would keep the map's window at 32 MiB.
            PanelsPage.openBare(browser, "?engine=" + engine);
            v.run("boot ceanos ram=4G");
            v.run("init_mm");
            assertEquals("1048576", browser.script("return document.getElementById('memory-canvas').dataset.frames;"));
            repaintedEqualsScratch(browser, v, "4 GiB, " + engine);
            browser.assertClean();
        }
    }

    private static void repaintedEqualsScratch(Browser browser, ViewProbe v, String what) {
        browser.waitForStillCanvases();
        String zoom = new Select(browser.find("#map-zoom")).getFirstSelectedOption().getAttribute("value");
        browser.script(KEEP_PIXELS);
        // Page tables (new directory slots), mapped frames the bitmap calls free, a frame the allocator hands out, one freed.
        v.run("memMapPage 0x08048000 0x00600000 WRITE|USER");
        v.run("memMapPage 0x40000000 0x00A00000 WRITE|USER");
        browser.script("window.pagewalk.redraw();");
        v.run("memMapPage 0x80001000 0x01400000 WRITE");
        v.run("read 0xD0000000");
        browser.script("window.pagewalk.redraw();");
        v.run("memUnmapPage 0x40000000");
        browser.script("window.pagewalk.redraw();");
        // Undo (a restored memory) and a poke into the bitmap (a physical write): the refresh the
        // redraws skip while nothing changed must not skip these.
        browser.find("#undo").click();
        browser.waitForStillCanvases();
        browser.script("window.pagewalk.redraw();");
        v.run("poke 0x00130000 0xFFFFFFFF");
        browser.waitForStillCanvases();
        long changed = ((Number) browser.script(CHANGED_PIXELS)).longValue();
        assertTrue(changed > 0, what + ": the actions changed the map");
        browser.script(KEEP_PIXELS);
        // Another zoom and back: a new window paints every cell from scratch.
        Select select = new Select(browser.find("#map-zoom"));
        select.selectByValue("8".equals(zoom) ? "9" : "8");
        new Select(browser.find("#map-zoom")).selectByValue(zoom);
        browser.waitForStillCanvases();
        assertEquals(0L, ((Number) browser.script(CHANGED_PIXELS)).longValue(),
                what + ": pixels that differ between the repainted map and a paint from scratch");
    }
}
