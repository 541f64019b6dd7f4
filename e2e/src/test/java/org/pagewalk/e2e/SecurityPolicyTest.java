package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * Both engines start and work under the Content-Security-Policy, served (header and meta tag) and
 * from file:// (meta tag only), with no violation; and the policy is really in force there.
 */
@InBrowser
class SecurityPolicyTest {
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; "
            + "style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'";

    /** Installed before any page script, so a violation while the engine loads is seen too. */
    private static final String VIOLATION_HOOK = String.join("\n",
            "(function () {",
            "  var seen = window.__cspViolations = [];",
            "  document.addEventListener('securitypolicyviolation', function (e) {",
            "    seen.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at '",
            "        + e.sourceFile + ':' + e.lineNumber);",
            "  });",
            "})();");

    @Test
    void javaScriptEngineOverHttp(Browser browser) {
        withViolationHook(browser, () -> {
            browser.open("?engine=js");
            assertWorks(browser, "js");
            assertHeaders(browser);
            assertNoViolations(browser);
            browser.assertClean();
        });
    }

    @Test
    void webAssemblyEngineOverHttp(Browser browser) {
        withViolationHook(browser, () -> {
            browser.open("");
            assertWorks(browser, "wasm");
            assertHeaders(browser);
            assertNoViolations(browser);
            browser.assertClean();
        });
    }

    @Test
    void javaScriptEngineFromFile(Browser browser) {
        withViolationHook(browser, () -> {
            browser.openFile("");
            assertWorks(browser, "js");
            assertNoViolations(browser);
            browser.assertClean();
        });
    }

    @Test
    void benchmarkPageStartsUnderThePolicy(Browser browser) {
        withViolationHook(browser, () -> {
            browser.openPage("bench.html?engine=wasm");
            assertEquals("wasm", browser.script("return document.body.dataset.engine;"));
            assertNoViolations(browser);
            browser.assertClean();
        });
    }

    /** The other tests' "no violation" means something only if a violation would be seen. */
    @Test
    void inlineScriptIsBlockedServedAndFromFile(Browser browser) {
        withViolationHook(browser, () -> {
            browser.open("?engine=js");
            assertInlineScriptBlocked(browser);
            browser.openFile("");
            assertInlineScriptBlocked(browser);
        });
    }

    private static void assertWorks(Browser browser, String engine) {
        assertEquals("1", browser.script("return document.body.dataset.ready;"), "the page started");
        assertEquals(engine, browser.script("return document.body.dataset.engine;"), "engine that started");
        String result = (String) browser.script("return window.pagewalk.run('translate kernel 0xC0100000');");
        assertTrue(result.startsWith("ok") && result.contains("-> physical 0x00100000"), result);
    }

    @SuppressWarnings("unchecked")
    private static void assertHeaders(Browser browser) {
        // From the page itself: also shows that connect-src lets it fetch its own origin.
        Map<String, Object> headers = (Map<String, Object>) browser.driver().executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "fetch('./').then(function (r) { done({status: r.status,"
                + " csp: r.headers.get('Content-Security-Policy'),"
                + " nosniff: r.headers.get('X-Content-Type-Options'),"
                + " referrer: r.headers.get('Referrer-Policy'), server: r.headers.get('Server')}); },"
                + " function (e) { done({error: String(e)}); });");
        assertEquals(200L, headers.get("status"), headers.toString());
        assertEquals(PAGE_POLICY + "; frame-ancestors *", headers.get("csp"));
        assertEquals("nosniff", headers.get("nosniff"));
        assertEquals("no-referrer", headers.get("referrer"));
        assertEquals(null, headers.get("server"), "no Server header");
        assertEquals(PAGE_POLICY, browser.script(
                "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content;"));
    }

    private static void assertInlineScriptBlocked(Browser browser) {
        browser.script("var s = document.createElement('script'); s.textContent = 'window.__inlineRan = true;';"
                + " document.head.appendChild(s);");
        browser.waitUntil("window.__cspViolations.length > 0");
        assertEquals(null, browser.script("return window.__inlineRan || null;"), "the inline script did not run");
        List<?> seen = (List<?>) browser.script("return window.__cspViolations;");
        assertTrue(String.valueOf(seen.get(0)).startsWith("script-src-elem blocked inline"), seen.toString());
    }

    private static void assertNoViolations(Browser browser) {
        assertEquals(List.of(), browser.script("return window.__cspViolations;"), "CSP violations");
    }

    private static void withViolationHook(Browser browser, Runnable test) {
        browser.withInitScript(VIOLATION_HOOK, test);
    }
}
