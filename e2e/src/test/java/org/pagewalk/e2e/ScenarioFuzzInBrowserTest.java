package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The scenario fuzz of core's ScenarioFuzzTest, in the browser builds. TeaVM's JavaScript does
 * not raise the JVM's exceptions for a null or an index out of bounds, and the WebAssembly build
 * traps instead, so a line the JVM rejects cleanly may do something else here. Every mutated
 * line must come back as a normal result or a scenario error: never the internal-error report,
 * never a thrown JavaScript error or trap, never a console error.
 *
 * <p>The lines are the shipped scenario library's, mutated (words swapped for words of other
 * lines or awkward pieces, lines cut, characters replaced), from a fixed seed; a failure names the
 * seed and the line. {@code -Dpagewalk.fuzz.seed=N} tries another seed, {@code -Dpagewalk.fuzz.lines=N}
 * more lines.
 */
@InBrowser
class ScenarioFuzzInBrowserTest {
    private static final long SEED = Long.getLong("pagewalk.fuzz.seed", 0xF022L);
    private static final int LINES = Integer.getInteger("pagewalk.fuzz.lines", 300);
    /** Lines per script call: a failure is located to its chunk's console errors. */
    private static final int CHUNK = 50;
    /** Every so many lines the machine boots again, so later lines meet a fresh kernel too. */
    private static final int REBOOT_EVERY = 75;
    private static final String[] PIECES = {"0x", "0xFFFFFFFF", "0x100000000", "4294967296", "-1", "-0x1", "=", "|",
        "||", "\"", "#", ",", "4G", "0M", "1K", "0x1G", "cr5", "", " ", "\t", "set=99", "way=-1", "tlb=0x0", "ram=",
        "frame=", "linear=", "byte", "mask", "99999999999", "é", "\uD83D\uDE00", "\uD83D", "NaN", "null", "undefined"};

    /** What a line may come back as: window.pagewalk.run's "status: message" for each status. */
    private static final List<String> STATUSES = List.of("ok: ", "passed: ", "failed: ", "error: ");

    /**
     * The run script: each line in order, stopping at the first throw or Guard report. Results
     * echo their line, and a lone surrogate cannot travel back to the test (the protocol's JSON
     * refuses it), so surrogates come back as '?'.
     */
    private static final String RUN_LINES = String.join("\n",
            "var lines = arguments[0], out = [];",
            "function clean(s) { return s.replace(/[\\uD800-\\uDFFF]/g, '?'); }",
            "for (var i = 0; i < lines.length; i++) {",
            "  var r;",
            "  try { r = String(window.pagewalk.run(lines[i])); }",
            "  catch (e) { out.push(clean('THREW ' + (e && (e.stack || e.message) || e))); break; }",
            "  if (document.body.dataset.faults) {",
            "    out.push(clean('GUARD ' + document.getElementById('fault').innerText)); break;",
            "  }",
            "  out.push(clean(r));",
            "}",
            "return out;");

    @ParameterizedTest(name = "engine={0}")
    @ValueSource(strings = {"js", "wasm"})
    void mutatedLinesGiveResultsOrScenarioErrorsOnly(String engine, Browser browser) throws IOException {
        List<String> corpus = libraryLines();
        List<String> words = words(corpus);
        Random rnd = new Random(SEED);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            if (i % REBOOT_EVERY == 0) {
                lines.add("boot ceanos");
                lines.add("init_mm");
            }
            lines.add(mutate(rnd, corpus.get(rnd.nextInt(corpus.size())), words));
        }

        browser.open("?engine=" + engine);
        assertEquals(engine, browser.script("return document.body.dataset.engine;"));
        int errors = 0;
        for (int from = 0; from < lines.size(); from += CHUNK) {
            List<String> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
            List<?> results = (List<?>) browser.script(RUN_LINES, chunk);
            for (int k = 0; k < results.size(); k++) {
                String result = String.valueOf(results.get(k));
                String where = where(engine, from + Math.min(k, chunk.size() - 1), lines);
                assertTrue(STATUSES.stream().anyMatch(result::startsWith), () -> where + " -> " + result);
                assertTrue(!result.contains("internal error"), () -> where + " -> " + result);
                if (result.startsWith("error: ")) {
                    errors++;
                }
            }
            List<String> console = browser.pageErrors();
            int first = from;
            assertTrue(console.isEmpty(), () -> "seed 0x" + Long.toHexString(SEED) + ", engine=" + engine
                    + ", one of lines " + first + ".." + (first + chunk.size() - 1) + " " + chunk
                    + " logged:\n  " + String.join("\n  ", console));
        }
        // The mutations must reach the parser's error paths, or the test proves little.
        assertTrue(errors > LINES / 4, "only " + errors + " of " + lines.size() + " lines were refused");
        browser.assertClean();
    }

    private static String where(String engine, int i, List<String> lines) {
        return "seed 0x" + Long.toHexString(SEED) + ", engine=" + engine + ", line " + i + ": '" + lines.get(i) + "'";
    }

    /** Every line of the shipped scenarios (the site's copy), headers and notes included. */
    private static List<String> libraryLines() throws IOException {
        Path dir = Path.of(System.getProperty("pagewalk.site", "../web/target/site")).resolve("scenarios");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pw")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
            }
        }
        assertTrue(lines.size() > 100, "the scenario library at " + dir);
        return lines;
    }

    private static List<String> words(List<String> lines) {
        List<String> words = new ArrayList<>();
        for (String line : lines) {
            for (String w : line.split(" ")) {
                if (!w.isEmpty() && !words.contains(w)) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static String piece(Random rnd, List<String> words) {
        return rnd.nextBoolean() ? PIECES[rnd.nextInt(PIECES.length)] : words.get(rnd.nextInt(words.size()));
    }

    private static String mutate(Random rnd, String line, List<String> words) {
        String[] parts = line.split(" ");
        switch (rnd.nextInt(6)) {
            case 0:
                return line;
            case 1:
                parts[rnd.nextInt(parts.length)] = piece(rnd, words);
                return String.join(" ", parts);
            case 2:
                return line + " " + piece(rnd, words);
            case 3:
                return line.substring(0, rnd.nextInt(line.length() + 1));
            case 4: {
                char[] c = line.toCharArray();
                c[rnd.nextInt(c.length)] = (char) (32 + rnd.nextInt(95));
                return new String(c);
            }
            default: {
                StringBuilder sb = new StringBuilder(parts[0]);
                int n = rnd.nextInt(5);
                for (int i = 0; i < n; i++) {
                    sb.append(rnd.nextBoolean() ? " " : "").append(piece(rnd, words));
                }
                return sb.toString();
            }
        }
    }
}
