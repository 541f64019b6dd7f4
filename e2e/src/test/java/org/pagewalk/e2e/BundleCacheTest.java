package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;
import org.pagewalk.web.build.BundleHasher;
import org.pagewalk.web.build.BundleTable;
import org.pagewalk.web.server.SiteServer;

/**
 * The bundles have content-hashed names the server lets a browser keep for a year: a second load
 * takes them from the browser's cache without asking the server (Resource Timing's transferSize
 * 0), while boot.js, which names them, is asked for again; so a plain reload after a rebuild loads
 * the new bundle and runs the new code. On a copy of the site, served on its own port, so the
 * simulated rebuild touches nothing else.
 */
@InBrowser
class BundleCacheTest {
    @TempDir
    Path site;
    @TempDir
    Path bundles;

    @Test
    void aSecondLoadTakesTheBundleFromTheCacheAndAReloadAfterARebuildRunsTheNewOne(Browser b) throws Exception {
        SiteCopy.into(site);
        Map<String, String> built = BundleTable.read(site);
        try (SiteServer server = SiteServer.start(site, 0)) {
            for (String[] engine : new String[][] {{"wasm", "pagewalk.wasm"}, {"js", "pagewalk.js"}}) {
                String page = server.uri().resolve("index.html?engine=" + engine[0]).toString();
                load(b, page);
                assertTrue(transferSize(b, built.get(engine[1])) > 0, engine[1] + " came from the server the first time");
                b.driver().get("about:blank");
                load(b, page);
                assertEquals(0, transferSize(b, built.get(engine[1])), engine[1] + " came from the cache, with no request");
                assertTrue(transferSize(b, "boot.js") > 0, "boot.js was revalidated");
            }

            // With the JavaScript build's page open, a rebuild: the main page's bundle with a line more, under the new name its content gives.
            for (Map.Entry<String, String> e : built.entrySet()) {
                Files.copy(site.resolve(e.getValue()), bundles.resolve(e.getKey()));
            }
            Files.writeString(bundles.resolve("pagewalk.js"), Files.readString(bundles.resolve("pagewalk.js"))
                    + "\nwindow.pagewalkBuild = 'the rebuild';\n");
            BundleHasher.main(new String[] {bundles.toString(), site.toString()});
            Map<String, String> rebuilt = BundleTable.read(site);
            assertNotEquals(built.get("pagewalk.js"), rebuilt.get("pagewalk.js"));
            assertEquals(built.get("pagewalk.wasm"), rebuilt.get("pagewalk.wasm"), "an unchanged bundle keeps its name");

            assertEquals(null, b.script("return window.pagewalkBuild || null;"), "the page runs the first build");
            b.driver().navigate().refresh();
            waitReady(b);
            assertEquals("the rebuild", b.script("return window.pagewalkBuild || null;"), "a plain reload runs the rebuilt bundle");
            assertTrue(transferSize(b, rebuilt.get("pagewalk.js")) > 0, "the new name was fetched");
            List<String> errors = b.pageErrors();
            assertTrue(errors.isEmpty(), () -> "errors: " + errors);
        }
    }

    private static void load(Browser b, String url) {
        b.driver().get(url);
        waitReady(b);
    }

    private static void waitReady(Browser b) {
        b.waitUntil("document.body && document.body.dataset.ready === '1'");
    }

    /** Resource Timing's transferSize of this load's request for a file: 0 when the cache answered alone. */
    private static long transferSize(Browser b, String file) {
        Object size = b.script("var file = arguments[0], e = performance.getEntriesByType('resource').filter(function (r) {"
                + " return r.name.slice(r.name.lastIndexOf('/') + 1) === file; });"
                + " return e.length ? e[0].transferSize : -1;", file);
        long bytes = ((Number) size).longValue();
        assertTrue(bytes >= 0, file + " was not requested by this load");
        return bytes;
    }
}
