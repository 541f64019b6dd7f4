package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The TLB table scrolls (inside its own box, not the page) to the row an action used or filled,
 * after the browser's own layout: with 1,024 rows shown, a fill in the last set and then one in
 * an early set each bring that row into the box's view.
 */
@InBrowser
class TlbRevealTest {
    /** Whether set {@code set}'s row lies wholly inside the TLB scroll box's visible area. */
    private static String rowInView(int set) {
        return "var box = document.querySelector('#tlb-view .tlb-scroll').getBoundingClientRect();"
                + "var rows = document.querySelectorAll('#tlb-table tr.tlb-row'); var r = rows[" + set + "].getBoundingClientRect();"
                + "return r.height > 0 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;";
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void theRowAnActionFilledIsScrolledIntoTheTablesView(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        // 1,024 sets of one way: row i is set i. Page 0x083FF is in set 1023, page 0x08005 in set 5.
        assertTrue(page.api("boot ceanos tlb=1024x1").startsWith("ok"));
        assertTrue(page.api("init_mm").startsWith("ok"));
        assertTrue(page.api("memMapPage 0x083FF000 0x00300000 USER|WRITE").startsWith("ok"));
        assertTrue(page.api("memMapPage 0x08005000 0x00301000 USER|WRITE").startsWith("ok"));
        browser.find("#tlb-show-empty").click();
        page.settle();
        assertEquals(Boolean.FALSE, browser.script(rowInView(1023)), "set 1023's row starts out of the box's view");

        page.api("read user 0x083FF000");
        browser.waitUntil("(function () {" + rowInView(1023) + "})()");
        assertEquals("0x083FF000", browser.script("return document.querySelectorAll('#tlb-table tr.tlb-row')[1023]"
                + ".querySelector('.tlb-addr').textContent;"), "the row in view is the one the read filled");

        page.api("read user 0x08005000");
        browser.waitUntil("(function () {" + rowInView(5) + "})()");
        assertEquals(0L, browser.script("return Math.round(window.scrollY);"), "the page itself did not scroll");
        browser.assertClean();
    }
}
