package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;
import org.pagewalk.web.build.HashedName;

/** When the Wasm build cannot load, the page still runs (or says clearly why it cannot). */
@InBrowser
class EngineFallbackTest {
    /** The page's WebAssembly module under its content-hashed name (pagewalk.3f9c2a1b.wasm). */
    private static final String WASM_MODULE = "*/pagewalk.*.wasm";

    @Test
    void unloadableWasmFallsBackToJavaScript(Browser browser) {
        browser.blockUrls(WASM_MODULE);
        browser.open("");
        assertEquals("JavaScript", browser.text("#engine"));
        assertEquals("js", browser.script("return document.body.dataset.engine;"));
        assertOnlyTheBlockedWasm(browser.pageErrors());
        browser.assertNoOtherOriginRequests();
    }

    @Test
    void forcedWasmThatCannotLoadSaysSoAndDoesNotFallBack(Browser browser) {
        browser.blockUrls(WASM_MODULE);
        browser.attempt("?engine=wasm");
        assertEquals("none", browser.script("return document.body.dataset.engine;"));
        assertTrue(browser.text("#status").startsWith("Pagewalk could not start: "), browser.text("#status"));
        assertTrue(browser.requests().stream().noneMatch(url -> HashedName.plain(url.substring(url.lastIndexOf('/') + 1)).equals("pagewalk.js")),
                "a forced engine has no fallback");
        assertOnlyTheBlockedWasm(browser.pageErrors());
    }

    private static void assertOnlyTheBlockedWasm(List<String> errors) {
        assertTrue(errors.stream().allMatch(e -> e.matches("(?s).*pagewalk\\.[0-9a-f]{8}\\.wasm.*") || e.contains("ERR_BLOCKED_BY_CLIENT")),
                () -> "only the blocked Wasm may fail: " + errors);
    }
}
