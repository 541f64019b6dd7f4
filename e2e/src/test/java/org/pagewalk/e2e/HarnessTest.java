package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** The harness's own checks catch what they claim to, so a green suite means something. */
@InBrowser
class HarnessTest {

    @Test
    void readsCanvasPixels(Browser browser) {
        browser.open("?engine=js");
        browser.script("var c = document.createElement('canvas'); c.id = 'probe'; c.width = 4; c.height = 4;"
                + "document.body.appendChild(c); var g = c.getContext('2d');"
                + "g.fillStyle = '#2563eb'; g.fillRect(2, 1, 1, 1);");
        assertArrayEquals(new int[] {0x25, 0x63, 0xeb, 255}, browser.pixel("#probe", 2, 1));
        assertArrayEquals(new int[] {0, 0, 0, 0}, browser.pixel("#probe", 0, 0));
    }

    @Test
    void seesUncaughtErrorsAndRejections(Browser browser) {
        browser.open("?engine=js");
        browser.script("setTimeout(function () { throw new Error('boom'); }, 0);"
                + "Promise.reject(new Error('nope'));");
        browser.waitFor("both errors are reported", () -> browser.pageErrors().stream().anyMatch(e -> e.contains("boom"))
                && browser.pageErrors().stream().anyMatch(e -> e.contains("nope")));
        List<String> errors = browser.pageErrors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("boom")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("nope")), errors::toString);
    }

    @Test
    void seesConsoleErrors(Browser browser) {
        browser.open("?engine=js");
        browser.script("console.error('logged on purpose');");
        assertTrue(browser.pageErrors().stream().anyMatch(e -> e.contains("logged on purpose")));
    }

    @Test
    void seesOtherOriginRequests(Browser browser) {
        browser.open("?engine=js");
        assertTrue(browser.otherOriginRequests().isEmpty());
        // Nothing listens on port 9 of 127.0.0.2: the request fails at once, but it was made.
        browser.script("return new Promise(function (r) {"
                + " var i = new Image(); i.onload = i.onerror = function () { r(null); }; i.src = 'http://127.0.0.2:9/x.png'; });");
        // The network log reaches chromedriver on its own schedule: wait until it has.
        browser.waitFor("the request to 127.0.0.2 is logged", () -> !browser.otherOriginRequests().isEmpty());
        assertEquals(List.of("http://127.0.0.2:9/x.png"), browser.otherOriginRequests());
    }

    @Test
    void savesScreenshots(Browser browser) throws Exception {
        browser.open("?engine=js");
        Path shot = browser.screenshot("harness-probe");
        assertTrue(Files.size(shot) > 1000, "a real PNG");
    }

    @Test
    void emulatesAPhoneViewport(Browser browser) {
        browser.emulateViewport(360, 740, 3, true);
        browser.open("?engine=js");
        assertEquals(List.of(360L, 740L, 3L), browser.script(
                "return [window.innerWidth, window.innerHeight, window.devicePixelRatio];"));
        browser.screenshot("main-light-phone");
    }
}
