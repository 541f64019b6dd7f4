package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * bench.html runs every core benchmark on each engine and reports a positive figure with the
 * expected checksum; Pagewalk and the baseline did the same work on each ratio workload (equal
 * checksums). No timing is asserted here: the figures go to {@code target/bench/browser.tsv}
 * (key, engine, value, unit), which bench.sh turns into docs/BENCHMARKS.md's table. With
 * {@code BENCH_LOADS=n} the ratio rows are the best of n fresh page loads per engine.
 */
@InBrowser
class BenchPageTest {
    private static final Path OUT = Paths.get("target", "bench", "browser.tsv");

    /** The four ratio workloads: their Pagewalk and baseline rows are kept from the best page load. */
    private static final String[] WORKLOADS = {"hit4K", "hit4M", "miss4K", "miss4M"};

    /**
     * Page loads per engine: {@code BENCH_LOADS} (bench.sh sets it), else one, so the suite's share
     * stays one load per engine. Each further load is a fresh page that runs the ratio rows only.
     */
    private static int loads() {
        String env = System.getenv("BENCH_LOADS");
        try {
            return env == null || env.isEmpty() ? 1 : Math.max(1, Integer.parseInt(env.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("BENCH_LOADS must be a whole number of page loads, not '" + env + "'", e);
        }
    }

    @Test
    void javascriptAndWebAssemblyBothReport(Browser b) throws IOException {
        String[] engines = {"js", "wasm"};
        // Per engine, each row's best value over the page loads (insertion order kept for the file).
        List<Map<String, Double>> best = new ArrayList<>();
        List<Map<String, String>> units = new ArrayList<>();
        for (int e = 0; e < engines.length; e++) {
            best.add(new LinkedHashMap<>());
            units.add(new HashMap<>());
        }
        int loads = loads();
        // Engines alternate load by load, so a slow spell of the machine falls on both.
        for (int load = 0; load < loads; load++) {
            for (int e = 0; e < engines.length; e++) {
                String engine = engines[e];
                boolean full = load == 0;
                List<Map<String, Object>> results = run(b, "bench.html?engine=" + engine + (full ? "" : "&only=ratios"));
                assertEquals(full ? 16 : 2 * WORKLOADS.length, results.size(), engine + " " + results);
                Map<String, Number> checksums = new HashMap<>();
                for (Map<String, Object> r : results) {
                    double value = ((Number) r.get("value")).doubleValue();
                    assertTrue(value > 0, engine + " " + r);
                    String key = (String) r.get("key");
                    checksums.put(key, (Number) r.get("checksum"));
                    best.get(e).merge(key, value, Math::min);
                    units.get(e).put(key, (String) r.get("unit"));
                }
                for (String workload : WORKLOADS) {
                    assertEquals(checksums.get(workload + ".baseline").intValue(), checksums.get(workload + ".pagewalk").intValue(),
                            engine + " " + workload + ": Pagewalk and the baseline translated alike");
                }
                if (full) {
                    String rows = b.text("#bench-results");
                    assertTrue(rows.contains("pmmAllocPageFrame over a 1 GiB machine"), rows);
                    assertEquals(261120, checksums.get("pmmAlloc1G").intValue(), "every frame of 1 GiB above 4 MiB was allocated");
                    assertEquals(10000, checksums.get("restore10k").intValue(), "every action of the long session replays");
                }
                System.out.println("bench " + engine + " load " + (load + 1) + "/" + loads + ": " + results);
                b.assertClean();
            }
        }
        StringBuilder tsv = new StringBuilder();
        for (int e = 0; e < engines.length; e++) {
            for (Map.Entry<String, Double> row : best.get(e).entrySet()) {
                tsv.append(row.getKey()).append('\t').append(engines[e]).append('\t').append(row.getValue()).append('\t')
                        .append(units.get(e).get(row.getKey())).append('\n');
            }
        }
        Files.createDirectories(OUT.getParent());
        Files.write(OUT, tsv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a bench page in a fresh page and returns its rows once it is done. */
    private static List<Map<String, Object>> run(Browser b, String page) {
        b.openPage(page);
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(180))
                .until(d -> "done".equals(b.script("return document.body.dataset.bench || null;")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) b.script("return window.pagewalkBench;");
        return results;
    }

    /** A further page load of bench.sh's (?only=ratios) runs the eight ratio rows alone, both sides alike, and is done. */
    @Test
    void aRatiosOnlyLoadReportsTheRatioRowsAlone(Browser b) {
        List<Map<String, Object>> results = run(b, "bench.html?engine=js&only=ratios");
        assertEquals(2 * WORKLOADS.length, results.size(), results.toString());
        Map<String, Number> checksums = new HashMap<>();
        for (Map<String, Object> r : results) {
            assertEquals("ns/op", r.get("unit"), r.toString());
            assertTrue(((Number) r.get("value")).doubleValue() > 0, r.toString());
            checksums.put((String) r.get("key"), (Number) r.get("checksum"));
        }
        for (String workload : WORKLOADS) {
            assertTrue(checksums.containsKey(workload + ".pagewalk"), checksums.toString());
            assertEquals(checksums.get(workload + ".baseline").intValue(), checksums.get(workload + ".pagewalk").intValue(), workload);
        }
        b.assertClean();
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
