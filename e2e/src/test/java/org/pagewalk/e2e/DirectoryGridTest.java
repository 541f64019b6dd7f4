package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** The page directory and page table grids: CeanOS's boot state, mapping, hover, click and keyboard. */
@InBrowser
class DirectoryGridTest {
    private static final String DIR = "#directory-canvas";
    private static final String TABLE = "#table-canvas";

    @Test
    void bootStateShowsTheKernelPagesAndTheRecursiveEntry(Browser browser) {
        PanelsPage.openBare(browser, "?engine=js");
        ViewProbe v = new ViewProbe(browser);
        v.assertColour("--pw-free", v.entry(DIR, 0), "PDE 0 (cleared by initMemory)");
        for (int i = 768; i <= 771; i++) {
            v.assertColour("--pw-directory-4m", v.entry(DIR, i), "PDE " + i + " (4 MiB kernel page)");
        }
        v.assertColour("--pw-directory", v.entry(DIR, 832), "PDE 832 (the heap's page table)");
        v.assertColour("--pw-directory", v.entryEdge(DIR, 1023), "PDE 1023's ring");
        assertFalse(ViewProbe.same(v.token("--pw-directory"), v.entry(DIR, 1023)), "the recursive entry is a ring, not a fill");
        v.assertColour("--pw-free", v.entry(DIR, 5), "PDE 5");
        assertTrue(browser.text("#directory-view .grid-caption").startsWith("CR3 = " + v.state("cr3")),
                browser.text("#directory-view .grid-caption"));
        String label = browser.find(DIR).getAttribute("aria-label");
        assertTrue(label.startsWith("Page directory at 0x0010B000: 1 page table, 4 4 MiB pages, 1 recursive entry"), label);
        assertEquals("img", browser.find(DIR).getAttribute("role"));
        assertEquals("Page directory", browser.script("return document.querySelector('#directory-view h2').textContent;"));
        assertEquals("directory-view-title", browser.find("#directory-view").getAttribute("aria-labelledby"));
        browser.assertClean();
    }

    @Test
    void bootAsmStateBeforeInitMemoryHasTheIdentityPage(Browser browser) {
        // The Boot tab without "then init_mm": the state boot.s leaves, PDE 0 still the 4 MiB identity page.
        PanelsPage.openBare(browser, "?engine=js");
        browser.script("return window.pagewalk.run('boot ceanos');");
        ViewProbe v = new ViewProbe(browser);
        v.settle();
        for (int i : new int[] {0, 768, 769, 770, 771}) {
            v.assertColour("--pw-directory-4m", v.entry(DIR, i), "PDE " + i + " (4 MiB page from boot.s)");
        }
        v.assertColour("--pw-free", v.entry(DIR, 1023), "no recursive entry before initMemory");
        assertEquals("0x0010B000", v.state("cr3"));
        assertTrue(browser.text("#registers-view").contains("0x0010B000"), browser.text("#registers-view"));
        browser.assertClean();
    }

    @Test
    void mappingAPageChangesItsEntryAndTheFrameMap(Browser browser) {
        PanelsPage.openBare(browser, "?engine=wasm");
        ViewProbe v = new ViewProbe(browser);
        v.assertColour("--pw-free", v.entry(DIR, 32), "PDE 32 before");
        // The new table for PDE 32 will be the first frame allocated after init_mm, 0x255 (the arithmetic: ViewProbe's class comment).
        v.assertColour("--pw-free", v.frame(0x255), "frame 0x255 before");
        v.run("memMapPage 0x08048000 0x00600000 WRITE|USER");
        v.assertColour("--pw-directory", v.entry(DIR, 32), "PDE 32 now points to a page table");
        v.assertColour("--pw-table", v.frame(0x255), "the new page table's frame");
        v.assertColour("--pw-frame", v.frame(0x600), "the mapped frame");

        // Clicking the entry opens its table; clicking a page there selects its address.
        browser.find("#directory-view h2").click();
        clickEntry(browser, DIR, 32);
        browser.waitUntil("document.getElementById('table-view').dataset.directoryIndex === '32'");
        v.assertColour("--pw-table", v.entry(TABLE, 72), "PTE 72 maps the page");
        assertTrue(browser.text("#table-view .grid-caption").startsWith("PDE 32 → table at 0x00255000"),
                browser.text("#table-view .grid-caption"));
        clickEntry(browser, TABLE, 72);
        browser.waitUntil("JSON.parse(window.pagewalk.state()).address === '0x08048000'");
        browser.waitUntil("document.getElementById('address-input').value === '0x08048000'");
        browser.assertClean();
    }

    @Test
    void hoverDecodesAnEntry(Browser browser) {
        PanelsPage.openBare(browser, "?engine=js");
        moveToEntry(browser, DIR, 768);
        browser.waitUntil("!document.getElementById('pw-tooltip').hidden");
        String tip = browser.text("#pw-tooltip");
        assertTrue(tip.startsWith("PDE 768 at 0x0010BC00 = 0x000000E3: present, 4 MiB page at 0x00000000"), tip);
        assertTrue(tip.contains("Translates 0xC0000000..0xC03FFFFF"), tip);
        assertTrue(tip.contains("Bits: "), tip);
        new Actions(browser.driver()).moveToElement(browser.find("#walk h2")).perform();
        browser.waitUntil("document.getElementById('pw-tooltip').hidden");
        browser.assertClean();
    }

    @Test
    void keyboardMovesDrillsInAndComesBack(Browser browser) {
        PanelsPage.openBare(browser, "?engine=js");
        browser.script("document.getElementById('directory-canvas').focus();");
        // The cursor starts on the selected directory entry (768) and moves in the 32-wide grid.
        keys(browser, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertTrue(browser.text("#directory-view .grid-readout").startsWith("PDE 832 at 0x0010BD00"),
                browser.text("#directory-view .grid-readout"));
        keys(browser, Keys.ENTER);
        browser.waitUntil("document.getElementById('table-view').dataset.directoryIndex === '832'");
        assertEquals("table-canvas", browser.script("return document.activeElement.id;"), "focus went into the table");
        // One selection: Enter on PDE 832 made 0xD0100000 current (the directory bits of 0xC0100000
        // changed), so the table's cursor starts on its PTE, 256.
        browser.waitUntil("JSON.parse(window.pagewalk.state()).address === '0xD0100000'");
        keys(browser, Keys.ARROW_RIGHT);
        assertTrue(browser.text("#table-view .grid-readout").startsWith("PTE 257 at "), browser.text("#table-view .grid-readout"));
        keys(browser, Keys.ENTER);
        browser.waitUntil("JSON.parse(window.pagewalk.state()).address === '0xD0101000'");
        keys(browser, Keys.ESCAPE);
        assertEquals("directory-canvas", browser.script("return document.activeElement.id;"), "Escape goes back");
        assertTrue(browser.text("#directory-view .grid-readout").startsWith("PDE 832"), browser.text("#directory-view .grid-readout"));
        browser.assertClean();
    }

    @Test
    void aTapOnAPhoneDecodesTheEntryInTheLineUnderTheGrid(Browser b) {
        // A touch screen has no hover: the tour tells a phone user to tap a cell and read the line
        // under the grid, so a tap must put that entry's decode there.
        b.emulateViewport(390, 844, 3, true);
        b.driver().executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        b.open("?engine=js");
        b.find("#view-tab-directory").click();
        b.waitUntil("document.getElementById('directory-canvas').getBoundingClientRect().height > 0");
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) b.script("var c = document.getElementById('directory-canvas'); var d = c.dataset;"
                + "c.scrollIntoView({block: 'center'});"
                + "var r = c.getBoundingClientRect(); var k = c.width / r.width; var s = +d.cell;"
                + "return [r.left + (+d.x0 + (768 % 32) * s + s / 2) / k, r.top + (+d.y0 + Math.floor(768 / 32) * s + s / 2) / k];");
        Map<String, Object> finger = Map.of("x", p.get(0).doubleValue(), "y", p.get(1).doubleValue(), "id", 1);
        b.driver().executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(finger)));
        b.driver().executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
        // PDE 768 lives at CR3 (0x0010B000) + 768 * 4 = 0x0010BC00; the tap also made its region current.
        b.waitUntil("document.querySelector('#directory-view .grid-readout').textContent.indexOf('PDE 768 at 0x0010BC00') === 0");
        b.waitUntil("JSON.parse(window.pagewalk.state()).address.indexOf('0xC0') === 0");
        b.assertClean();
    }

    private static void keys(Browser browser, CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /** CSS offset of entry i's centre from the canvas's centre (what Actions.moveToElement takes). */
    private static int[] offset(Browser browser, String canvas, int i) {
        Object r = browser.script("var c = document.querySelector(arguments[0]); var d = c.dataset;"
                + "c.scrollIntoView({block: 'center'});"
                + "var k = c.width / c.getBoundingClientRect().width; var s = +d.cell;"
                + "var x = (+d.x0 + (arguments[1] % 32) * s + s / 2) / k, y = (+d.y0 + Math.floor(arguments[1] / 32) * s + s / 2) / k;"
                + "var b = c.getBoundingClientRect();"
                + "return [Math.round(x - b.width / 2), Math.round(y - b.height / 2)];", canvas, i);
        java.util.List<?> l = (java.util.List<?>) r;
        return new int[] {((Number) l.get(0)).intValue(), ((Number) l.get(1)).intValue()};
    }

    static void moveToEntry(Browser browser, String canvas, int i) {
        int[] o = offset(browser, canvas, i);
        new Actions(browser.driver()).moveToElement(browser.find(canvas), o[0], o[1]).perform();
    }

    static void clickEntry(Browser browser, String canvas, int i) {
        int[] o = offset(browser, canvas, i);
        new Actions(browser.driver()).moveToElement(browser.find(canvas), o[0], o[1]).click().perform();
    }
}
