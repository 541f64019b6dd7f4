package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** The controls drive the machine, and the TLB, register and globals panels show what it did. */
@InBrowser
class ControlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void mappingThroughTheKernelFormChangesTheGlobals(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        assertEquals("5", page.global("totalAlloc"), "init_mm's five frames");
        assertEquals("4", page.global("mem_num_vpages"), "the heap's four pages");
        page.tab("kernel");
        assertEquals("memMapPage", browser.find("#kernel-fn").getAttribute("value"));
        page.type("kernel-memMapPage-virtual", "0x08048000");
        page.type("kernel-memMapPage-physical", "0x00300000");
        page.check("kernel-memMapPage-flag-USER", true);
        page.press("kernel-memMapPage-submit");

        assertEquals("ok", page.outcomeKind("kernel-outcome"));
        assertTrue(page.text("#kernel-outcome").contains("memMapPage done"), page.text("#kernel-outcome"));
        assertEquals("6", page.global("totalAlloc"), "a new page table for PDE 32");
        assertEquals("5", page.global("mem_num_vpages"), "one more page mapped");
        assertNotNull(browser.find("#g-totalAlloc").getAttribute("data-changed"), "the changed value is marked");
        assertEquals("passed: ok", page.api("expect physical user 0x08048000 = 0x00300000"), "the core agrees");
        browser.screenshot("panels-kernel-map-" + engine);
        browser.assertClean();
    }

    @Test
    void theRegistersShowCeanOsBootCr0WithEtHardwired(Browser browser) {
        // boot.s sets PG (bit 31) and PE (bit 0); ET (bit 4) reads 1 on a P6 and later whatever is
        // written (SDM Vol. 3A 2.5), so the register reads 0x80000011 as on a real CPU.
        PanelsPage page = PanelsPage.open(browser, "wasm");
        assertEquals("0x80000011", page.text("#reg-cr0"));
        assertEquals("PE=1 ET=1 WP=0 PG=1", page.text("#reg-cr0-bits"));
        browser.assertClean();
    }

    @Test
    void translationShowsThePhysicalAddressAndHitsTheTlbTheSecondTime(Browser browser) {
        PanelsPage page = PanelsPage.open(browser, "js");
        page.api("memMapPage 0x08048000 0x00300000 WRITE|USER");
        page.tab("access");
        page.type("access-address", "0x08048123");
        browser.find("#access-who-user").click();
        int hits = page.counter("tlb-hits");
        int misses = page.counter("tlb-misses");
        page.press("access-translate");

        String first = page.text("#access-outcome");
        assertEquals("ok", page.outcomeKind("access-outcome"), first);
        assertTrue(first.contains("0x08048123 -> physical 0x00300123") && first.contains("TLB miss"), first);
        assertEquals(misses + 1, page.counter("tlb-misses"));
        WebElement row = page.tlbRow("0x08048000");
        assertNotNull(row, "the translation was cached");
        assertEquals("filled", row.getAttribute("data-last"));
        assertTrue(row.getAttribute("class").contains("current"), "the row of the current address");

        page.press("access-translate");
        String second = page.text("#access-outcome");
        assertTrue(second.contains("physical 0x00300123") && second.contains("TLB hit"), second);
        assertEquals(hits + 1, page.counter("tlb-hits"), "the hit counter");
        assertEquals("hit", page.tlbRow("0x08048000").getAttribute("data-last"), "the row says hit");
        assertEquals("passed: ok", page.api("expect physical user 0x08048123 = 0x00300123"), "the core computes the same");
        browser.assertClean();
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void forgottenInvlpgShowsAStaleRowAndInvlpgClearsIt(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        page.api("memMapPage 0x08048000 0x00300000 WRITE|USER");
        page.tab("access");
        page.type("access-address", "0x08048000");
        page.press("access-read");
        assertNotNull(page.tlbRow("0x08048000"));
        assertEquals("0", page.text("#tlb-stale"));

        // Repoint the PTE through the recursive window, and forget INVLPG.
        page.type("access-address", "0xFFC20120");
        page.type("access-value", "0x00700007");
        page.press("access-write");
        assertEquals("ok", page.outcomeKind("access-outcome"), page.text("#access-outcome"));
        page.type("access-address", "0x08048000");
        page.press("access-read");
        assertTrue(page.text("#access-outcome").contains("physical 0x00300000 (TLB hit)"), page.text("#access-outcome"));

        WebElement row = page.tlbRow("0x08048000");
        assertTrue(row.getAttribute("class").contains("stale"), "the row is hatched");
        assertEquals("stale", page.text("#tlb-table tr.tlb-stale-detail:not([hidden]) .badge"), "the stale badge");
        assertEquals("1", page.text("#tlb-stale"));
        String sentence = page.text("#tlb-table tr.tlb-stale-detail:not([hidden])");
        assertTrue(sentence.contains("the TLB says 0x08048000 -> 0x00300000; memory says 0x08048000 -> 0x00700000"), sentence);
        assertTrue(browser.find("#tlb-table tr.tlb-stale-detail:not([hidden])").isDisplayed(), "the sentence shows");
        browser.screenshot("panels-stale-tlb-" + engine);

        page.tab("cpu");
        page.type("cpu-invlpg-address", "0x08048000");
        page.press("cpu-invlpg-submit");
        assertTrue(page.text("#cpu-outcome").contains("1 TLB entry removed"), page.text("#cpu-outcome"));
        assertNull(page.tlbRow("0x08048000"), "the entry is gone");
        assertEquals("0", page.text("#tlb-stale"));
        assertTrue(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#tlb-table tr.stale")).isEmpty());
        assertFalse(browser.find("#tlb-table tr[data-last=removed]").getAttribute("class").contains("stale"));
        browser.assertClean();
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void tlbRowPinsTheEntryBesideMemoryInTheInspector(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        page.api("memMapPage 0x08048000 0x00300000 WRITE|USER");
        page.api("read user 0x08048000");
        page.api("write kernel 0xFFC20120 0x00700007");
        page.tlbRow("0x08048000").click();
        page.settle();
        assertEquals("true", browser.find("#bottom-tabs-tab-inspector").getAttribute("aria-selected"));
        assertTrue(page.text("#inspector-verdict").contains("Stale"), page.text("#inspector-verdict"));
        String pinned = page.text("#inspector-pinned");
        // PDE 32's table is the first frame allocated after init_mm, 0x255 (the arithmetic: ViewProbe's class comment).
        assertTrue(pinned.contains("PTE at physical 0x00255120: changed since the fill"), pinned);
        assertEquals("0x08048000", ((String) browser.script("return window.pagewalk.state();")).replaceAll(".*\"address\":\"([^\"]+)\".*", "$1"),
                "the row's page is the current address");

        page.type("inspect-frame-address", "0x0010B000");
        page.press("inspect-frame-submit");
        String words = page.text("#inspector-words");
        assertTrue(words.startsWith("0x0010B000:"), words.substring(0, Math.min(80, words.length())));
        assertTrue(page.text("#inspector-pinned").contains("initial_page_dir"), "what the frame is");
        browser.assertClean();
    }

    @Test
    void processesAndBootForms(Browser browser) {
        PanelsPage page = PanelsPage.open(browser, "js");
        page.tab("processes");
        page.press("proc-alloc-submit");
        assertEquals("ok", page.outcomeKind("proc-outcome"), page.text("#proc-outcome"));
        assertTrue(page.global("pageDirs").startsWith("1 of 256 in use"), page.global("pageDirs"));
        new org.openqa.selenium.support.ui.Select(browser.find("#proc-change-pd")).selectByIndex(1);
        page.press("proc-change-submit");
        // pageDirs[0] is at 0x00150000, after the 128 KiB bitmap at 0x00130000 (the arithmetic: ViewProbe's class comment).
        assertEquals("0x00150000", page.text("#reg-cr3"), "CR3 holds pageDirs[0]");
        page.press("proc-free-submit");
        assertEquals("refused", page.outcomeKind("proc-outcome"), "the current directory cannot be freed");
        assertTrue(page.text("#proc-outcome").contains("current page directory"), page.text("#proc-outcome"));

        page.tab("boot");
        page.type("boot-ram", "64M");
        browser.find("#boot-variant-as-written").click();
        page.check("boot-defect-frame-multiply", false);
        page.type("boot-tlb-entries", "8");
        page.type("boot-tlb-ways", "8");
        page.press("boot-form-submit");
        assertEquals("ok", page.outcomeKind("boot-outcome"), page.text("#boot-outcome"));
        assertTrue(page.text("#machine-summary").startsWith("CeanOS (as written, 6 defects) \u00b7 64 MiB \u00b7 TLB 8\u00d78"),
                page.text("#machine-summary"));
        assertEquals(8, browser.driver().findElements(org.openqa.selenium.By.cssSelector("#tlb-table tr.tlb-row")).size());
        browser.assertClean();
    }

    /** Every TLB row as the table shows it: its cells' text, its accessible name, and whether it is empty or stale. */
    private static final String TLB_ROWS = "return Array.prototype.map.call(document.querySelectorAll('#tlb-table tr.tlb-row'),"
            + " function (r) { return Array.prototype.map.call(r.cells, function (c) { return c.textContent; }).join('|')"
            + " + ' ' + r.getAttribute('aria-label') + ' ' + r.classList.contains('empty') + r.classList.contains('stale'); }).join('\\n');";

    /**
     * A row is rewritten only where its entry changed (after most accesses, only the ages of the
     * set's other ways): after fills, evictions, hits that reorder the LRU ages, a write that sets
     * D and a stale entry, the table equals the one a fresh page draws from the same lines.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void tlbRowsUpdatedInPlaceEqualAFreshTable(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        // Six pages of set 8 (page number & 15), four ways: fills, two evictions, hits that reorder the ages.
        for (int k = 0; k < 6; k++) {
            page.api("memMapPage 0x" + Integer.toHexString(0x08048000 + k * 16 * 4096) + " 0x" + Integer.toHexString(0x00300000 + k * 4096)
                    + " WRITE|USER");
        }
        for (int k : new int[] {0, 1, 2, 3, 1, 0, 4, 5, 1, 4}) {
            page.api("read user 0x" + Integer.toHexString(0x08048000 + k * 16 * 4096));
        }
        page.api("write user 0x08098000 7");
        // PTE 72 of page 0x08048000 (cached) rewritten through the recursive window, no INVLPG: its row goes stale.
        page.api("write kernel 0xFFC20120 0x00400007");
        page.api("read user 0x08058000");
        String updated = (String) browser.script(TLB_ROWS);
        assertTrue(updated.contains("0x08098000"), updated);
        assertTrue(updated.contains("truefalse") && updated.contains("falsetrue"), "empty ways and a stale one: " + updated);
        PanelsPage.followShareLink(browser);
        browser.waitUntil("document.body.dataset.rendered === '1'");
        new PanelsPage(browser).settle();
        assertEquals(browser.script(TLB_ROWS), updated, "the rows rewritten in place, against a table drawn from scratch");
        browser.assertClean();
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void hiddenTabsBuildTheirFormsWhenFirstShownFromTheMachineAsItIsThen(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        for (String id : new String[] {"kernel-fn", "cpu-cr0-PG", "proc-alloc-submit", "boot-ram"}) {
            assertEquals(Boolean.TRUE, browser.script("return document.getElementById(arguments[0]) === null;", id),
                    id + " is not built before its tab is shown");
        }
        // The machine changes while the forms do not exist yet: each shows it as it is when first opened.
        String booted = page.api("boot ceanos ram=64M tlb=8x8");
        assertTrue(booted.startsWith("ok"), booted);
        assertTrue(page.api("init_mm").startsWith("ok"));
        assertTrue(page.api("mov cr4, PSE").startsWith("ok"));
        page.tab("boot");
        assertEquals("64M", browser.find("#boot-ram").getAttribute("value"));
        assertEquals("8", browser.find("#boot-tlb-entries").getAttribute("value"));
        assertEquals("8", browser.find("#boot-tlb-ways").getAttribute("value"));
        page.tab("cpu");
        assertTrue(browser.find("#cpu-cr4-PSE").isSelected(), "CR4.PSE as the mov set it");
        assertFalse(browser.find("#cpu-cr4-PGE").isSelected(), "CR4.PGE clear");
        page.tab("kernel");
        page.type("kernel-memMapPage-virtual", "0x08048000");
        page.type("kernel-memMapPage-physical", "0x00300000");
        page.press("kernel-memMapPage-submit");
        assertEquals("ok", page.outcomeKind("kernel-outcome"), page.text("#kernel-outcome"));
        assertEquals("passed: ok", page.api("expect physical kernel 0x08048000 = 0x00300000"), "the form ran on the machine");
        browser.assertClean();
    }

    /**
     * A register the last action changed is marked with the word "changed"; at 1280 px the
     * registers still fit their panel (beside the value, the word pushed CR0's bits out of it).
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void aChangedRegisterStillFitsItsPanel(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        assertEquals("ok: CR0 = 0x80010011", page.api("mov cr0, PE|PG|WP"));
        assertNotNull(browser.find("#registers-view [data-changed]"), "CR0 is marked as changed");
        String fit = (String) browser.script("var v = document.getElementById('registers-view');"
                + " var t = v.querySelector('table.registers'); var r = v.getBoundingClientRect();"
                + " var cells = t.querySelectorAll('td, th'); for (var i = 0; i < cells.length; i++) {"
                + "   var c = cells[i].getBoundingClientRect(); if (c.right > r.right + 0.5) return 'cell ' + i + ' ends at ' + c.right + ', panel at ' + r.right; }"
                + " return 'fits';");
        assertEquals("fits", fit);
        browser.assertClean();
    }
}
