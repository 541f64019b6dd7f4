package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** A bad value is explained beside its field, and nothing happens to the machine or any view. */
@InBrowser
class BadInputTest {

    @Test
    void badValuesAreExplainedBesideTheirFieldsAndChangeNothing(Browser browser) {
        PanelsPage page = PanelsPage.open(browser, "js");
        page.api("memMapPage 0x08048000 0x00300000 WRITE|USER");
        page.api("read user 0x08048000");
        Map<String, Object> before = page.views();

        // An unaligned address for memMapPage.
        page.tab("kernel");
        page.type("kernel-memMapPage-virtual", "0x08048010");
        page.type("kernel-memMapPage-physical", "0x00301000");
        page.press("kernel-memMapPage-submit");
        page.assertInvalid("kernel-memMapPage-virtual", "0x08048010 is not page aligned");
        assertTrue(page.error("kernel-memMapPage-virtual").contains("0x08048000"), "it suggests the aligned address");
        page.assertFocused("kernel-memMapPage-virtual");
        assertEquals("none", page.outcomeKind("kernel-outcome"), "nothing ran");

        // A malformed hexadecimal number.
        page.type("kernel-memMapPage-physical", "0x1G");
        page.press("kernel-memMapPage-submit");
        page.assertInvalid("kernel-memMapPage-physical", "'0x1G' is not a hexadecimal number: 'G' is not a digit 0-9 or A-F");
        assertTrue(page.error("kernel-memMapPage-physical").contains("Allowed:"), "it says what is allowed");

        // A value out of range: a byte write of 0x1FF.
        page.tab("access");
        page.type("access-address", "0x08048000");
        browser.find("#access-size-byte").click();
        page.type("access-value", "0x1FF");
        page.press("access-write");
        page.assertInvalid("access-value", "out of range for a byte");
        assertEquals("none", page.outcomeKind("access-outcome"));

        // A heap size beyond what the kernel allows, and a number too big for 32 bits.
        page.tab("kernel");
        new org.openqa.selenium.support.ui.Select(browser.find("#kernel-fn")).selectByVisibleText("changeHeapSize");
        page.type("kernel-changeHeapSize-size", "0x20000000");
        page.press("kernel-changeHeapSize-submit");
        page.assertInvalid("kernel-changeHeapSize-size", "out of range");
        page.tab("cpu");
        page.type("cpu-invlpg-address", "0x123456789");
        page.press("cpu-invlpg-submit");
        page.assertInvalid("cpu-invlpg-address", "does not fit in 32 bits");

        // PG without PE, and a TLB geometry that has no power-of-two sets.
        browser.find("#cpu-cr0-PE").click();
        page.press("cpu-cr0-submit");
        assertTrue(page.text("#cpu-cr0-error").contains("PG without PE"), page.text("#cpu-cr0-error"));
        page.tab("boot");
        page.type("boot-tlb-entries", "48");
        page.type("boot-tlb-ways", "4");
        page.press("boot-form-submit");
        page.assertInvalid("boot-tlb-ways", "must be a power of two");
        page.type("boot-ram", "2M");
        page.press("boot-form-submit");
        // The image's end: the pool of 256 page directories ends at 0x00150000 + 256 x 4 KiB (the arithmetic: ViewProbe's class comment).
        page.assertInvalid("boot-ram", "CeanOS's kernel image ends at 0x00250000");

        page.settle();
        assertEquals(before, page.views(), "every view is as it was");
        browser.screenshot("panels-bad-input");

        // Fixing the value clears its message as you type.
        page.tab("kernel");
        new org.openqa.selenium.support.ui.Select(browser.find("#kernel-fn")).selectByVisibleText("memMapPage");
        page.type("kernel-memMapPage-virtual", "0x08049000");
        assertEquals("", page.error("kernel-memMapPage-virtual"));
        assertEquals(null, browser.find("#kernel-memMapPage-virtual").getAttribute("aria-invalid"));
        browser.assertClean();
    }
}
