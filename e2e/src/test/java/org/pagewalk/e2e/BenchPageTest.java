package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * bench.html runs every core benchmark on each engine and reports a positive figure with the
 * expected checksum. No timing is asserted here: the figures go into docs/BENCHMARKS.md.
 */
@InBrowser
class BenchPageTest {
    @Test
    void javascriptAndWebAssemblyBothReport(Browser b) {
        for (String engine : new String[] {"js", "wasm"}) {
            b.openPage("bench.html?engine=" + engine);
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(120))
                    .until(d -> "done".equals(b.script("return document.body.dataset.bench || null;")));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> results = (List<Map<String, Object>>) b.script("return window.pagewalkBench;");
            assertEquals(10, results.size());
            for (Map<String, Object> r : results) {
                assertTrue(((Number) r.get("value")).doubleValue() > 0, engine + " " + r);
            }
            String rows = b.text("#bench-results");
            assertTrue(rows.contains("pmmAllocPageFrame over a 1 GiB machine"), rows);
            assertTrue(rows.contains("261120"), "every frame of 1 GiB above 4 MiB was allocated: " + rows);
            assertTrue(rows.contains("restore of a 10,000-action session"), rows);
            assertTrue(rows.contains("10000"), "every action of the long session replays: " + rows);
            System.out.println("bench " + engine + ": " + results);
            b.assertClean();
        }
    }
}
