package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The messages issue 15 found wrong: ?engine=wasm from file:// blamed the browser's WebAssembly
 * GC (the cause is that file:// blocks the fetch), and tiny viewports showed an internal error
 * ("arcTo radius (-5.25) is negative"). A share link opening under the start card is in
 * FirstScreenTest.
 */
@InBrowser
class WrongMessagesTest {

    @Test
    void forcedWasmFromAFileSaysFileUrlsBlockTheFetch(Browser browser) {
        browser.attemptFile("?engine=wasm");
        assertEquals("none", browser.script("return document.body.dataset.engine;"));
        String status = browser.text("#status");
        assertTrue(status.startsWith("Pagewalk could not start: the WebAssembly build cannot load from a file (file://)"), status);
        assertTrue(status.contains("?engine=js"), "it says what works instead: " + status);
        assertTrue(!status.contains("WebAssembly GC"), "it does not blame the browser: " + status);
    }

    @Test
    void aTinyViewportDrawsWithoutAnInternalError(Browser browser) {
        browser.emulateViewport(100, 100, 1, true);
        browser.open("?engine=js");
        ViewProbe v = new ViewProbe(browser);
        v.run("read user 0x08048000");
        v.run("read user 0x40000000");
        browser.waitForStillCanvases();
        assertTrue(!browser.find("#fault").isDisplayed(), "no internal-error banner");
        browser.assertClean();
    }
}
