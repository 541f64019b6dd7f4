package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The page after a mapping and a walk, at desktop and phone widths, in light and dark, at device
 * pixel ratios 1, 2 and 3: the canvases are sharp for the ratio, and the cells that show the
 * mapping have exactly their theme's colour. The screenshots (target/screenshots/views-*.png) are
 * saved for people to look at; they are not compared with anything, since text rendering changes
 * with every Chromium and font release and a pixel-perfect page comparison would fail on those.
 */
@InBrowser
class ViewsScreenshotTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"desktop, light, 1440, 1800, 1", "desktop, dark, 1440, 1800, 1", "phone, light, 360, 2400, 3",
        "phone, dark, 360, 2400, 3", "desktop4k, light, 1920, 1600, 2"})
    void page(String device, String scheme, int width, int height, double ratio, Browser browser) throws Exception {
        browser.emulateColorScheme(scheme);
        browser.emulateViewport(width, height, ratio, width < 600);
        PanelsPage.openBare(browser, "");
        ViewProbe v = new ViewProbe(browser);
        v.run("memMapPage 0x08048000 0x00600000 WRITE|USER");
        v.run("read 0x08048000");
        v.walkToEnd();
        browser.waitUntil("document.getElementById('address-input').value === '0x08048000'");
        // Sharp: each canvas has devicePixelRatio times its CSS pixels.
        for (String c : ViewProbe.CANVASES) {
            if (width < 600 && !browser.find(c).isDisplayed()) {
                continue; // on a phone the tabs show one of the grids, map and log at a time
            }
            Number cssWidth = (Number) browser.script("return document.querySelector(arguments[0]).getBoundingClientRect().width;", c);
            Number pixels = (Number) browser.script("return document.querySelector(arguments[0]).width;", c);
            assertEquals(Math.round(cssWidth.doubleValue() * ratio), pixels.longValue(), 1.0, c + " device pixels");
        }
        // The cells that show the mapping, in this theme's colours, at this ratio.
        v.assertColour("--pw-directory", v.entry("#directory-canvas", 32), "PDE 32: the new page table");
        v.assertColour("--pw-directory-4m", v.entry("#directory-canvas", 768), "PDE 768: the kernel's 4 MiB page");
        v.assertColour("--pw-free", v.entry("#directory-canvas", 33), "PDE 33: not present");
        if (width < 600) {
            browser.find("#view-tab-memory").click();
            browser.waitForStillCanvases();
        }
        v.assertColour("--pw-frame", v.frame(0x600), "frame 0x600: the mapped page");
        // memMapPage took the first free frame after init_mm for the table, 0x255 (the arithmetic: ViewProbe's class comment).
        v.assertColour("--pw-table", v.frame(0x255), "frame 0x255: the page table");
        Path shot = browser.screenshot("views-" + device + "-" + scheme);
        assertTrue(Files.size(shot) > 10_000, "a PNG of the whole page");
        browser.assertClean();
    }
}
