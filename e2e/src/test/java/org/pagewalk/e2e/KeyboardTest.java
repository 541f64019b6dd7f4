package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** A keyboard-only journey, Tab, Enter and typing only: boot, map, translate, undo. */
@InBrowser
class KeyboardTest {
    private static final int MAX_TABS = 120;

    @Test
    void bootMapTranslateUndoWithTheKeyboardOnly(Browser browser) {
        PanelsPage page = PanelsPage.open(browser, "js");
        browser.script("document.activeElement && document.activeElement.blur && document.activeElement.blur();");

        // Boot: a 64 MiB machine.
        tabTo(browser, "controls-tabs-tab-boot", false);
        keys(browser, Keys.ENTER);
        tabTo(browser, "boot-ram", false);
        keys(browser, "64M");
        tabTo(browser, "boot-form-submit", false);
        keys(browser, Keys.ENTER);
        page.settle();
        assertEquals("ok", page.outcomeKind("boot-outcome"), page.text("#boot-outcome"));
        assertTrue(page.text("#machine-summary").contains("64 MiB"), page.text("#machine-summary"));

        // Map 0x08048000 to 0x00300000 (Enter in the last field submits).
        tabTo(browser, "controls-tabs-tab-kernel", true);
        keys(browser, Keys.ENTER);
        tabTo(browser, "kernel-memMapPage-virtual", false);
        keys(browser, "0x08048000");
        tabTo(browser, "kernel-memMapPage-physical", false);
        keys(browser, "0x00300000", Keys.ENTER);
        page.settle();
        assertEquals("ok", page.outcomeKind("kernel-outcome"), page.text("#kernel-outcome"));
        assertEquals("6", page.global("totalAlloc"));

        // Translate it.
        tabTo(browser, "controls-tabs-tab-access", true);
        keys(browser, Keys.ENTER);
        tabTo(browser, "access-address", false);
        keys(browser, "0x08048010");
        tabTo(browser, "access-translate", false);
        keys(browser, Keys.ENTER);
        page.settle();
        assertTrue(page.text("#access-outcome").contains("physical 0x00300010"), page.text("#access-outcome"));
        assertNotNull(page.tlbRow("0x08048000"), "the translation is in the TLB");

        // Undo it: the TLB forgets the translation, the mapping stays.
        tabTo(browser, "undo", true);
        keys(browser, Keys.ENTER);
        page.settle();
        assertNull(page.tlbRow("0x08048000"), "undone");
        assertEquals("6", page.global("totalAlloc"), "the mapping is still there");
        page.assertFocused("undo");
        assertEquals("none", page.outcomeKind("access-outcome"), "the undone translation's result is no longer shown");
        browser.screenshot("panels-keyboard-journey");
        browser.assertClean();
    }

    private static void keys(Browser browser, CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /** Presses Tab (or Shift+Tab) until the element with {@code id} has the focus, and checks it shows a focus ring. */
    private static void tabTo(Browser browser, String id, boolean backwards) {
        for (int i = 0; i < MAX_TABS; i++) {
            Object focused = browser.script("return document.activeElement ? document.activeElement.id : null;");
            if (id.equals(focused)) {
                Object outline = browser.script("var s = getComputedStyle(document.activeElement);"
                        + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;");
                assertEquals(Boolean.TRUE, outline, id + " shows where the focus is");
                return;
            }
            if (backwards) {
                new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }
}
