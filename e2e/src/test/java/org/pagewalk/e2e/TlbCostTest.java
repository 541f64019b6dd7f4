package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * What the TLB panel costs the page, read from the browser: the first screen's 64 rows are copies
 * of one row (the page creates a TLB cell element ten times, not 640) and still come out whole, and a
 * "replaced" pulse (which fades a row in with opacity) starting or ending on a row lays nothing out.
 */
@InBrowser
class TlbCostTest {
    /** Counts the elements the page creates, by tag, until it says it is ready (body[data-ready]). */
    private static final String CREATE_COUNTER = "(function () { var counts = window.createdBeforeReady = {};"
            + " var create = Document.prototype.createElement;"
            + " Document.prototype.createElement = function (tag) {"
            + "   if (!(document.body && document.body.dataset.ready === '1')) {"
            + "     var t = String(tag).toLowerCase(); counts[t] = (counts[t] || 0) + 1; }"
            + "   return create.apply(this, arguments); }; })();";

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void theFirstScreensTlbRowsAreCopiesOfOneRowAndComeOutWhole(String engine, Browser browser) {
        browser.withInitScript(CREATE_COUNTER, () -> {
            browser.driver().get("about:blank");
            browser.open("?engine=" + engine);
            // Built row by row the TLB alone created 704 (ten cells and a stale sentence's per way); the other panels a few.
            long tds = ((Number) browser.script("return window.createdBeforeReady.td || 0;")).longValue();
            assertTrue(tds > 0 && tds < 64, "the TLB's cells were created once for all 64 rows, not per row: " + tds + " td created");
            // Whole: 64 rows of ten cells, each way named by its set and way, the empty ones saying so.
            @SuppressWarnings("unchecked")
            List<String> rows = (List<String>) browser.script("return Array.prototype.map.call("
                    + "document.querySelectorAll('#tlb-table tr.tlb-row'), function (tr) {"
                    + " return tr.getAttribute('data-index') + ' ' + tr.getAttribute('aria-label') + ' | '"
                    + " + Array.prototype.map.call(tr.cells, function (td) { return td.getAttribute('role') + ':' + td.textContent; }).join('|'); });");
            assertEquals(64, rows.size());
            int empty = 0;
            for (int i = 0; i < 64; i++) {
                String row = rows.get(i);
                String set = Integer.toString(i / 4);
                String way = Integer.toString(i % 4);
                assertTrue(row.startsWith(i + " set " + set + " way " + way + ": "), row);
                assertTrue(row.contains("|cell:" + set + "|cell:" + way + "|cell:"), row);
                if (row.contains(": empty | ")) {
                    empty++;
                    assertTrue(row.endsWith("|cell:" + way + "|cell:empty|cell:|cell:|cell:|cell:|cell:|cell:"), row);
                }
            }
            // The first machine's five valid entries (FirstScreenTest names them); the rest are empty ways.
            assertEquals(59, empty, String.join("\n", rows));
            browser.assertClean();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"js"})
    void aReplacedPulseStartingOrEndingOnARowLaysNothingOut(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        browser.driver().executeCdpCommand("Performance.enable", Map.of());
        for (int k = 0; k < 3; k++) {
            page.settle();
            long before = layouts(browser);
            // What TlbPanel writes on the row an action replaced, then on the next action (nothing happened to it).
            Object name = browser.script("var row = document.querySelectorAll('#tlb-table tr.tlb-row:not(.empty)')[arguments[0]];"
                    + " document.body.offsetHeight;"
                    + " row.setAttribute('data-last', 'replaced'); row.setAttribute('data-pulse', 'a');"
                    + " document.body.offsetHeight; var style = getComputedStyle(row);"
                    + " var running = style.animationName + (parseFloat(style.opacity) < 1 ? ' fading in' : '');"
                    + " row.removeAttribute('data-last'); row.removeAttribute('data-pulse');"
                    + " document.body.offsetHeight; return running;", k);
            assertEquals("pw-replace-a fading in", name, "the pulse ran, the row faded");
            assertEquals(before, layouts(browser), "no layout for the pulse on row " + k);
        }
        browser.assertClean();
    }

    private static long layouts(Browser browser) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) browser.driver()
                .executeCdpCommand("Performance.getMetrics", Map.of()).get("metrics");
        return metrics.stream().filter(m -> "LayoutCount".equals(m.get("name")))
                .mapToLong(m -> ((Number) m.get("value")).longValue()).findFirst().orElseThrow();
    }
}
