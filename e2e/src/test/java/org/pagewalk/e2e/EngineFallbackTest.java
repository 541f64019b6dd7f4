package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** When the Wasm build cannot load, the page still runs (or says clearly why it cannot). */
@InBrowser
class EngineFallbackTest {

    @Test
    void unloadableWasmFallsBackToJavaScript(Browser browser) {
        browser.blockUrls("*/pagewalk.wasm");
        browser.open("");
        assertEquals("JavaScript", browser.text("#engine"));
        assertEquals("js", browser.script("return document.body.dataset.engine;"));
        assertOnlyTheBlockedWasm(browser.pageErrors());
        browser.assertNoOtherOriginRequests();
    }

    @Test
    void forcedWasmThatCannotLoadSaysSoAndDoesNotFallBack(Browser browser) {
        browser.blockUrls("*/pagewalk.wasm");
        browser.attempt("?engine=wasm");
        assertEquals("none", browser.script("return document.body.dataset.engine;"));
        assertTrue(browser.text("#status").startsWith("Pagewalk could not start: "), browser.text("#status"));
        assertTrue(browser.requests().stream().noneMatch(url -> url.endsWith("/pagewalk.js")),
                "a forced engine has no fallback");
        assertOnlyTheBlockedWasm(browser.pageErrors());
    }

    private static void assertOnlyTheBlockedWasm(List<String> errors) {
        assertTrue(errors.stream().allMatch(e -> e.contains("pagewalk.wasm") || e.contains("ERR_BLOCKED_BY_CLIENT")),
                () -> "only the blocked Wasm may fail: " + errors);
    }
}
