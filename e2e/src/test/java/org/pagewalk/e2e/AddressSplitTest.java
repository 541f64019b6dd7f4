package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** The address split and its field: validated in place, nothing changes on bad input. */
@InBrowser
class AddressSplitTest {

    @Test
    void aMalformedAddressIsExplainedAndChangesNothing(Browser browser) {
        PanelsPage.openBare(browser, "?engine=js");
        ViewProbe v = new ViewProbe(browser);
        v.run("read 0xD0000000");
        v.walkToEnd();
        Map<String, Integer> before = v.fingerprint();
        String address = v.state("address");
        WebElement input = browser.find("#address-input");
        input.clear();
        input.sendKeys("0x1G\n");
        assertEquals("'0x1G' is not a hexadecimal number: 'G' is not a digit 0-9 or A-F. Nothing changes until the address is valid.",
                browser.text("#address-message"));
        assertEquals("true", input.getAttribute("aria-invalid"));
        browser.find("#walk h2").click();  // leaving the field (change event) must not select either
        assertEquals(address, v.state("address"));
        assertEquals(before, v.fingerprint(), "every canvas is unchanged");

        input.clear();
        input.sendKeys("99999999999\n");
        assertTrue(browser.text("#address-message").contains("does not fit in 32 bits"), browser.text("#address-message"));
        assertEquals(before, v.fingerprint(), "still unchanged");
        browser.assertClean();
    }

    @Test
    void aValidAddressSelectsItEverywhere(Browser browser) {
        PanelsPage.openBare(browser, "?engine=wasm");
        ViewProbe v = new ViewProbe(browser);
        Map<String, Integer> splitBefore = v.fingerprint();
        WebElement input = browser.find("#address-input");
        input.clear();
        input.sendKeys("0xFFC20120");
        // Typing previews; only Enter selects.
        assertTrue(browser.text("#address-message").startsWith("Press Enter to select 0xFFC20120"), browser.text("#address-message"));
        assertEquals("0xC0100000", v.state("address"));
        input.sendKeys("\n");
        browser.waitUntil("JSON.parse(window.pagewalk.state()).address === '0xFFC20120'");
        browser.waitUntil("document.getElementById('address-split').dataset.address === '0xFFC20120'");
        assertEquals("D  directory index 1023", browser.text("#address-split .level-d"));
        assertEquals("T  table index 32", browser.text("#address-split .level-t"));
        assertEquals("F  offset 0x120 = 288", browser.text("#address-split .level-f"));
        assertEquals("1023", browser.script("return document.getElementById('table-view').dataset.directoryIndex;"));
        String label = browser.find("#address-canvas").getAttribute("aria-label");
        assertTrue(label.startsWith("Linear address 0xFFC20120 in bits: directory index 1023"), label);
        assertNotEquals(splitBefore, v.fingerprint());
        v.assertColour("--pw-directory", browser.pixel("#address-canvas", 3, 20), "bit 31 is 1: a full directory-blue box");
        browser.assertClean();
    }

    @Test
    void aGroupShowsItsLevelOfTheWalk(Browser browser) {
        PanelsPage.openBare(browser, "?engine=js");
        ViewProbe v = new ViewProbe(browser);
        v.run("memMapPage 0x08048000 0x00600000 WRITE|USER");
        v.run("read 0x08048000");
        browser.find("#address-split .level-t").click();
        // PDE 32's table is the first frame allocated after init_mm, 0x255 (the arithmetic: ViewProbe's class comment).
        assertTrue(browser.text("#walk-sentence").startsWith("PTE 72 at physical 0x00255120"), browser.text("#walk-sentence"));
        browser.find("#address-split .level-d").click();
        assertTrue(browser.text("#walk-sentence").startsWith("PDE 32 at physical 0x0010B080"), browser.text("#walk-sentence"));
        browser.assertClean();
    }
}
