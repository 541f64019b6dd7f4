package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** Undo and redo put every view back exactly. */
@InBrowser
class UndoRedoTest {

    @Test
    void undoAndRedoRestoreTheViews(Browser browser) {
        PanelsPage page = PanelsPage.open(browser, "js");
        page.api("memMapPage 0x08048000 0x00300000 WRITE|USER");
        // The walk preview reads as the form's "who" (a form setting, not an action: undo keeps it), so choose it first.
        page.tab("access");
        browser.find("#access-who-user").click();
        page.settle();
        Map<String, String> s0 = page.viewTexts();
        List<String> before = page.canvasHashes();

        page.type("access-address", "0x08048000");
        page.type("access-value", "0xCAFEF00D");
        page.press("access-write");
        Map<String, String> s1 = page.viewTexts();
        assertNotEquals(s0, s1, "the write changed what the panels show");

        List<String> after = page.canvasHashes();
        assertNotEquals(before, after, "the write changed the canvases");
        page.press("undo");
        assertEquals(s0, page.viewTexts(), "undo restores the panels exactly");
        List<String> c0 = page.canvasHashes();
        assertEquals(before, c0, "undo restores every canvas exactly, walk and selection included");
        page.press("redo");
        assertEquals(s1, page.viewTexts(), "redo restores them too");
        List<String> c1 = page.canvasHashes();
        assertEquals(after, c1, "redo restores every canvas exactly");
        page.press("undo");
        assertEquals(s0, page.viewTexts());
        assertEquals(c0, page.canvasHashes(), "the canvases too");
        page.press("redo");
        assertEquals(c1, page.canvasHashes());

        // The keyboard shortcuts, outside text fields.
        browser.find("#tlb-title").click();
        chord(browser, Keys.CONTROL, "z");
        page.settle();
        assertEquals(s0, page.viewTexts(), "Ctrl+Z undoes");
        chord(browser, Keys.CONTROL, "y");
        page.settle();
        assertEquals(s1, page.viewTexts(), "Ctrl+Y redoes");
        chord(browser, Keys.CONTROL, Keys.SHIFT, "z");
        page.settle();
        assertEquals(s1, page.viewTexts(), "nothing more to redo");
        assertEquals("true", browser.find("#redo").getAttribute("aria-disabled"));
        assertTrue(page.text("#log-list").contains("Undone: write user 0x08048000 0xCAFEF00D"), "the log says what was undone");
        browser.assertClean();
    }

    private static void chord(Browser browser, CharSequence... keys) {
        org.openqa.selenium.interactions.Actions a = new org.openqa.selenium.interactions.Actions(browser.driver());
        for (int i = 0; i < keys.length - 1; i++) {
            a = a.keyDown(keys[i]);
        }
        a = a.sendKeys(keys[keys.length - 1]);
        for (int i = keys.length - 2; i >= 0; i--) {
            a = a.keyUp(keys[i]);
        }
        a.perform();
    }

    @Test
    void resetBootsTheSameMachineAgainAndCanBeUndone(Browser browser) {
        PanelsPage page = PanelsPage.open(browser, "js");
        page.api("memMapPage 0x08048000 0x00300000 WRITE|USER");
        Map<String, String> mapped = page.viewTexts();
        page.press("reset");
        assertEquals("5", page.global("totalAlloc"), "a fresh init_mm");
        assertEquals("CeanOS (fixed) \u00b7 32 MiB \u00b7 TLB 64\u00d74", page.text("#machine-summary"));
        page.press("undo");
        page.press("undo");
        assertEquals(mapped, page.viewTexts(), "undo brings the old machine back");
        browser.assertClean();
    }

    @Test
    void undoClearsTheFormsResultsInBothEngines(Browser browser) {
        // A form's result line describes the action just run; after undo that action is gone, so
        // a result left under the form would describe a machine that no longer exists.
        for (String engine : new String[] {"js", "wasm"}) {
            PanelsPage page = PanelsPage.open(browser, engine);
            page.tab("access");
            page.type("access-address", "0xC0100000");
            page.press("access-read");
            page.settle();
            assertEquals("ok", page.outcomeKind("access-outcome"), engine);
            page.tab("cpu");
            page.press("cpu-invlpg-submit");
            page.settle();
            assertEquals("ok", page.outcomeKind("cpu-outcome"), engine);
            page.press("undo");
            page.settle();
            assertEquals("none", page.outcomeKind("access-outcome"), engine);
            assertEquals("none", page.outcomeKind("cpu-outcome"), engine);
            assertEquals("", page.text("#access-outcome"), engine);
        }
    }
}
