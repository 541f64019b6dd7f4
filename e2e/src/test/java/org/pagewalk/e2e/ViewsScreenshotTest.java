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
 * Screenshots of the page after a mapping and a walk, at desktop and phone widths, in light and
 * dark (target/screenshots/views-*.png), with the canvases sharp for the device pixel ratio.
 */
@InBrowser
class ViewsScreenshotTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"desktop, light, 1440, 1800, 1", "desktop, dark, 1440, 1800, 1", "phone, light, 360, 2400, 3",
        "phone, dark, 360, 2400, 3", "desktop4k, light, 1920, 1600, 2"})
    void page(String device, String scheme, int width, int height, double ratio, Browser browser) throws Exception {
        browser.emulateColorScheme(scheme);
        browser.emulateViewport(width, height, ratio, width < 600);
        browser.open("");
        ViewProbe v = new ViewProbe(browser);
        v.run("memMapPage 0x08048000 0x00600000 WRITE|USER");
        v.run("read 0x08048000");
        v.walkToEnd();
        browser.waitUntil("document.getElementById('address-input').value === '0x08048000'");
        // Sharp: each canvas has devicePixelRatio times its CSS pixels.
        for (String c : ViewProbe.CANVASES) {
            Number cssWidth = (Number) browser.script("return document.querySelector(arguments[0]).getBoundingClientRect().width;", c);
            Number pixels = (Number) browser.script("return document.querySelector(arguments[0]).width;", c);
            assertEquals(Math.round(cssWidth.doubleValue() * ratio), pixels.longValue(), 1.0, c + " device pixels");
        }
        Path shot = browser.screenshot("views-" + device + "-" + scheme);
        assertTrue(Files.size(shot) > 10_000);
        browser.assertClean();
    }
}
