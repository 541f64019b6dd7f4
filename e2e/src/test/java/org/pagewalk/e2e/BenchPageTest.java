package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * bench.html runs every core benchmark on each engine and reports a positive figure with the
 * expected checksum; Pagewalk and the baseline did the same work on each ratio workload (equal
 * checksums). No timing is asserted here: the figures go to {@code target/bench/browser.tsv}
 * (key, engine, value, unit), which bench.sh turns into docs/BENCHMARKS.md's table.
 */
@InBrowser
class BenchPageTest {
    private static final Path OUT = Paths.get("target", "bench", "browser.tsv");

    @Test
    void javascriptAndWebAssemblyBothReport(Browser b) throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (String engine : new String[] {"js", "wasm"}) {
            b.openPage("bench.html?engine=" + engine);
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(180))
                    .until(d -> "done".equals(b.script("return document.body.dataset.bench || null;")));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> results = (List<Map<String, Object>>) b.script("return window.pagewalkBench;");
            assertEquals(16, results.size(), engine + " " + results);
            Map<String, Number> checksums = new HashMap<>();
            for (Map<String, Object> r : results) {
                assertTrue(((Number) r.get("value")).doubleValue() > 0, engine + " " + r);
                checksums.put((String) r.get("key"), (Number) r.get("checksum"));
                tsv.append(r.get("key")).append('\t').append(engine).append('\t').append(r.get("value")).append('\t')
                        .append(r.get("unit")).append('\n');
            }
            for (String workload : new String[] {"hit4K", "hit4M", "miss4K", "miss4M"}) {
                assertEquals(checksums.get(workload + ".baseline").intValue(), checksums.get(workload + ".pagewalk").intValue(),
                        engine + " " + workload + ": Pagewalk and the baseline translated alike");
            }
            String rows = b.text("#bench-results");
            assertTrue(rows.contains("pmmAllocPageFrame over a 1 GiB machine"), rows);
            assertEquals(261120, checksums.get("pmmAlloc1G").intValue(), "every frame of 1 GiB above 4 MiB was allocated");
            assertEquals(10000, checksums.get("restore10k").intValue(), "every action of the long session replays");
            System.out.println("bench " + engine + ": " + results);
            b.assertClean();
        }
        Files.createDirectories(OUT.getParent());
        Files.write(OUT, tsv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** bench.html?profile=miss4M runs Pagewalk alone on that one workload (for a profiler) and reports one row. */
    @Test
    void aProfileRunReportsTheWorkloadItWasAskedFor(Browser b) {
        b.openPage("bench.html?engine=js&profile=miss4M");
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(60))
                .until(d -> "done".equals(b.script("return document.body.dataset.bench || null;")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) b.script("return window.pagewalkBench;");
        assertEquals(1, results.size(), results.toString());
        assertEquals("miss4M.pagewalk", results.get(0).get("key"));
        assertEquals("ns/op", results.get(0).get("unit"));
        b.assertClean();
    }
}
