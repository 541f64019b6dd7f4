package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;
import org.pagewalk.web.build.HashedName;

/** The page starts on each engine, from a server and from disk, cleanly and offline. */
@InBrowser
class EngineTest {

    @Test
    void forcedJavaScriptOverHttp(Browser browser) {
        browser.open("?engine=js");
        assertEngine(browser, "JavaScript", "js");
        assertTrue(requested(browser, "pagewalk.js"), "pagewalk.js was loaded");
        assertTrue(!requested(browser, "pagewalk.wasm"), "the Wasm build was not fetched");
        browser.assertClean();
    }

    @Test
    void forcedWebAssemblyOverHttp(Browser browser) {
        browser.open("?engine=wasm");
        assertEngine(browser, "WebAssembly", "wasm");
        assertTrue(!requested(browser, "pagewalk.js"), "the JavaScript build was not fetched");
        browser.assertClean();
    }

    @Test
    void httpDefaultsToWebAssembly(Browser browser) {
        browser.open("");
        assertEngine(browser, "WebAssembly", "wasm");
        browser.assertClean();
    }

    @Test
    void fileUrlRunsJavaScript(Browser browser) {
        browser.openFile("");
        assertEngine(browser, "JavaScript", "js");
        browser.assertClean();
    }

    @Test
    void statusSaysTheEmulatorIsReady(Browser browser) {
        browser.open("?engine=js");
        // The engine is one small indicator in the top bar; the status line is empty until there is news.
        assertEquals("JavaScript", browser.text("#engine"));
        assertEquals("", browser.script("return document.getElementById('status').textContent;"));
        assertTrue(!browser.find("#fault").isDisplayed(), "no internal-error box");
        browser.assertClean();
    }

    private static void assertEngine(Browser browser, String shown, String id) {
        assertEquals(shown, browser.text("#engine"), "engine named on the page");
        assertEquals(id, browser.script("return document.body.dataset.engine;"), "engine that started");
    }

    /** Whether the page asked for a bundle, under its content-hashed name (pagewalk.3f9c2a1b.js for pagewalk.js). */
    private static boolean requested(Browser browser, String file) {
        return browser.requests().stream().anyMatch(url -> HashedName.plain(url.substring(url.lastIndexOf('/') + 1)).equals(file));
    }
}
