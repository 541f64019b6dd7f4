package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;
import org.pagewalk.web.build.BundleTable;
import org.pagewalk.web.build.HashedName;

/**
 * static/boot.js loads the bundle the page and its URL ask for (docs/ARCHITECTURE.md, "Bundles"):
 * the main page's; the full one, with exercises, labs and the postMessage API, for those URLs and
 * for a page another window can message; or bench.html's. Each runs its page, served and from disk.
 */
@InBrowser
class BundleTest {
    /** Each bundle's file in the built site (its boot.js's table). */
    private static final Map<String, String> FILES = files();

    @Test
    void theMainPageLoadsOnlyTheMainBundle(Browser b) {
        b.open("?engine=js");
        assertEquals(List.of("pagewalk.js"), bundles(b));
        assertEquals(Boolean.TRUE, b.script("return typeof window.pagewalk === 'object';"), "the main page's API is there");
        assertTrue(!b.find("#exercise-view").isDisplayed(), "no exercise");
        assertEquals(Boolean.TRUE, b.script("return window.__pagewalkTake === undefined;"), "no postMessage API: no window can message this page");
        b.assertClean();
    }

    @Test
    void aFramedPageLoadsTheFullBundleAndTakesMessages(Browser b) {
        b.open("?engine=js");
        b.script("var f = document.createElement('iframe'); f.id = 'inner'; f.src = 'index.html?engine=js';"
                + " document.body.appendChild(f);");
        b.waitUntil("(function () { var f = document.getElementById('inner');"
                + " var d = f && f.contentDocument; return !!(d && d.body && d.body.dataset.ready === '1'); })()");
        assertEquals(FILES.get("pagewalk-full.js"), b.script("var s = document.getElementById('inner').contentDocument.scripts;"
                + " for (var i = 0; i < s.length; i++) { if (/pagewalk[^/]*\\.js$/.test(s[i].src) && !/wasm-runtime/.test(s[i].src)) {"
                + " return s[i].src.slice(s[i].src.lastIndexOf('/') + 1); } } return null;"));
        // The API takes the waiting messages once it has read pagewalk-config.json.
        b.waitUntil("typeof document.getElementById('inner').contentWindow.__pagewalkTake === 'function'");
        b.assertClean();
    }

    @Test
    void anExerciseOrALabLoadsTheFullBundleAndRunsIt(Browser b) {
        b.open("?engine=js&exercise=42&level=1");
        assertEquals(List.of("pagewalk-full.js"), bundles(b));
        assertEquals("Score: 0 of 8 right · 0 checks", b.text(".exercise-score"));
        b.open("?lab=frame-multiply&engine=js");
        assertEquals(List.of("pagewalk-full.js"), bundles(b));
        assertEquals("Find the bug: frame-multiply", b.text(".exercise-title"));
        b.assertClean();
    }

    @Test
    void anEmbeddedPageLoadsTheFullBundleWhichAloneCarriesTheEmbeddedLayout(Browser b) {
        // The main page's bundle leaves ?embed=1's layout out (web.lessons.Lessons): only the full one can show it.
        b.open("?engine=js&embed=1&view=walk");
        assertEquals(List.of("pagewalk-full.js"), bundles(b));
        assertEquals(Boolean.TRUE, b.script("return document.body.classList.contains('embed')"
                + " && document.querySelector('#embed-views #walk') !== null;"), "the embedded layout, with the walk view only");
        b.assertClean();
    }

    @Test
    void fromDiskAnExerciseRunsInJavaScript(Browser b) {
        b.openFile("?exercise=42&level=1");
        assertEquals("js", b.script("return document.body.dataset.engine;"));
        assertEquals("Score: 0 of 8 right · 0 checks", b.text(".exercise-score"));
        b.assertClean();
    }

    @Test
    void webAssemblyServesEveryPageUrlWithOneModule(Browser b) {
        b.open("?engine=wasm&exercise=42&level=1");
        assertEquals("wasm", b.script("return document.body.dataset.engine;"));
        assertEquals("Score: 0 of 8 right · 0 checks", b.text(".exercise-score"));
        assertEquals(List.of("pagewalk.wasm"), bundles(b));
        b.assertClean();
    }

    @Test
    void benchHasItsOwnBundleOnEachEngine(Browser b) {
        b.openPage("bench.html?engine=js");
        assertEquals(List.of("pagewalk-bench.js"), bundles(b));
        assertEquals("JavaScript", b.text("#engine"));
        b.openPage("bench.html?engine=wasm");
        assertEquals(List.of("pagewalk-bench.wasm"), bundles(b));
        assertEquals("WebAssembly", b.text("#engine"));
    }

    @Test
    void theEngineDownloadStartsBeforeThePageIsParsedAndMainWaitsForItInBothEngines(Browser b) {
        // boot.js runs before the style sheets and asks for its first script at once; main still
        // waits for the parsed, styled page. Before, the request went out on DOMContentLoaded.
        for (String[] engine : new String[][] {{"js", "pagewalk.js"}, {"wasm", "pagewalk.wasm-runtime.js"}}) {
            b.open("?engine=" + engine[0]);
            Object started = b.script("var nav = performance.getEntriesByType('navigation')[0];"
                    + " var r = performance.getEntriesByType('resource').filter(function (e) {"
                    + " return e.name.slice(e.name.lastIndexOf('/') + 1) === this[0]; }, arguments)[0];"
                    + " return r ? r.startTime < nav.domContentLoadedEventStart : 'no request';", FILES.get(engine[1]));
            assertEquals(Boolean.TRUE, started, engine[1] + " was requested before DOMContentLoaded");
            assertEquals(engine[0], b.script("return document.body.dataset.engine;"));
            assertEquals("1", b.script("return document.body.dataset.ready;"), "the page started");
            b.waitUntil("document.body.dataset.rendered === '1'");
            assertEquals(Boolean.TRUE, b.script("return performance.getEntriesByName('pagewalk-rendered')[0].startTime"
                    + " >= performance.getEntriesByType('navigation')[0].domContentLoadedEventStart;"),
                    "main ran after DOMContentLoaded (the scenario library and the style sheets are there)");
        }
        // Served, the module itself downloads beside its runtime loader, which then takes that one response.
        Object wasm = b.script("var r = {}; performance.getEntriesByType('resource').forEach(function (e) {"
                + " r[e.name.slice(e.name.lastIndexOf('/') + 1)] = e; });"
                + " var m = r[arguments[0]], rt = r[arguments[1]];"
                + " return m && rt ? m.startTime < rt.responseEnd : 'missing';", FILES.get("pagewalk.wasm"), FILES.get("pagewalk.wasm-runtime.js"));
        assertEquals(Boolean.TRUE, wasm, "pagewalk.wasm was requested before its runtime loader had arrived");
        assertEquals(1, b.requests().stream().filter(url -> url.endsWith("/" + FILES.get("pagewalk.wasm"))).count(),
                "the module was downloaded once: the runtime used the preloaded response");
        b.assertClean();
    }

    /**
     * The bundles this page load fetched (the Wasm runtime loader is not one), by the names boot.js
     * knows them by; each was asked for under the name the build gave it (its content's hash).
     */
    private static List<String> bundles(Browser b) {
        List<String> files = b.requests().stream()
                .map(url -> url.substring(url.lastIndexOf('/') + 1))
                .filter(name -> name.startsWith("pagewalk") && (name.endsWith(".js") || name.endsWith(".wasm"))
                        && !HashedName.plain(name).equals("pagewalk.wasm-runtime.js"))
                .distinct()
                .collect(Collectors.toList());
        for (String file : files) {
            assertEquals(file, FILES.get(HashedName.plain(file)), "a bundle under the name the build gave it");
        }
        return files.stream().map(HashedName::plain).collect(Collectors.toList());
    }

    private static Map<String, String> files() {
        try {
            return BundleTable.read(SiteCopy.built());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
