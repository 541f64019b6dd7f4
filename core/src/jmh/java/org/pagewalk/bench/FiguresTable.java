package org.pagewalk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bench.sh's last step: reads the figures of one run ({@code key<TAB>engine<TAB>value<TAB>unit}
 * files: JvmFigures' jvm.tsv, BenchPageTest's browser.tsv, FrontEndFiguresTest's frontend.tsv)
 * and rewrites the part of docs/BENCHMARKS.md between {@code <!-- figures:begin -->} and
 * {@code <!-- figures:end -->}: each figure of issue #12 with Pagewalk's value, the baseline's,
 * their ratio, the target and whether it is met, then the command, machine, JDK, Chromium, date
 * and commit. A file or figure that is missing is said to be missing in its row.
 *
 * <pre>java -cp core/target/benchmarks.jar org.pagewalk.bench.FiguresTable DOC COMMAND CHROMIUM COMMIT NOTE TSV...</pre>
 */
public final class FiguresTable {
    static final String BEGIN = "<!-- figures:begin -->";
    static final String END = "<!-- figures:end -->";

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private final List<String> missingFiles = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    public static void main(String[] args) throws IOException {
        if (args.length < 6) {
            System.err.println("usage: FiguresTable DOC COMMAND CHROMIUM COMMIT NOTE TSV... (see bench.sh)");
            System.exit(2);
        }
        FiguresTable t = new FiguresTable();
        for (int i = 5; i < args.length; i++) {
            t.read(Paths.get(args[i]));
        }
        Path doc = Paths.get(args[0]);
        String text = new String(Files.readAllBytes(doc), StandardCharsets.UTF_8);
        String table = t.table(args[1], args[2], args[3], args[4]);
        Files.write(doc, replaceSection(text, table).getBytes(StandardCharsets.UTF_8));
        System.out.print(table);
    }

    static String replaceSection(String text, String section) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("docs/BENCHMARKS.md needs a line " + BEGIN + " and, after it, a line " + END);
        }
        return text.substring(0, begin + BEGIN.length()) + "\n" + section + text.substring(end);
    }

    void read(Path file) throws IOException {
        if (!Files.exists(file)) {
            missingFiles.add(file.toString());
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length >= 4) {
                try {
                    values.put(f[0] + "|" + f[1], Double.parseDouble(f[2]));
                    units.put(f[0] + "|" + f[1], f[3]);
                } catch (NumberFormatException e) {
                    // a value that is not a number is left out, and its row says missing
                }
            }
        }
    }

    private Double get(String key, String engine) {
        return values.get(key + "|" + engine);
    }

    String table(String command, String chromium, String commit, String note) {
        out.append("\n| figure | Pagewalk | baseline | ratio | target | met? |\n|---|---|---|---|---|---|\n");
        String[] workloads = {"hit4K", "hit4M", "miss4K", "miss4M"};
        String[] titles = {"TLB hit, 4 KiB pages", "TLB hit, 4 MiB pages", "TLB miss, 4 KiB pages", "TLB miss, 4 MiB pages"};
        for (int k = 0; k < 4; k++) {
            double target = k < 2 ? 0.7 : 0.6;
            Double pw = get(workloads[k] + ".pagewalk", "jvm");
            Double base = get(workloads[k] + ".baseline", "jvm");
            ratioRow("JVM " + titles[k] + ", Pagewalk ÷ baseline (thread CPU time)", pw == null ? null : rate(pw),
                    base == null ? null : rate(base), pw == null || base == null ? null : base / pw, target);
        }
        for (int k = 0; k < 4; k++) {
            for (String engine : new String[] {"js", "wasm"}) {
                boolean hit = k < 2;
                double target = engine.equals("js") ? (hit ? 0.6 : 0.5) : (hit ? 0.8 : 0.6);
                Double pwJvm = get(workloads[k] + ".pagewalk", "jvm");
                Double baseJvm = get(workloads[k] + ".baseline", "jvm");
                Double pw = get(workloads[k] + ".pagewalk", engine);
                Double base = get(workloads[k] + ".baseline", engine);
                Double pwRatio = pw == null || pwJvm == null ? null : pwJvm / pw;
                Double baseRatio = base == null || baseJvm == null ? null : baseJvm / base;
                ratioRow("Browser " + titles[k] + ", " + (engine.equals("js") ? "JS" : "Wasm") + " ÷ JVM",
                        pw == null ? null : fmt(pwRatio) + "× (" + fmt(pw) + " ns)",
                        base == null ? null : fmt(baseRatio) + "× (" + fmt(base) + " ns)", pwRatio, target);
            }
        }
        Double undoJs = get("undo", "js");
        row("snapshot + write + restore (undo), JS", undoJs == null ? null : fmt(undoJs) + " µs", "—", "—", "< 10 µs",
                undoJs == null ? null : limit(undoJs < 10, undoJs / 10));
        Double undoWasm = get("undo", "wasm");
        Double undoJvm = get("undo", "jvm");
        row("snapshot + write + restore (undo), Wasm; JVM", (undoWasm == null ? "missing" : fmt(undoWasm) + " µs") + "; "
                + (undoJvm == null ? "missing" : fmt(undoJvm / 1000) + " µs"), "—", "—", "(for comparison)", "—");
        Double alloc = get("hit4K.pagewalk.alloc", "jvm");
        Double allocMiss = get("miss4K.pagewalk.alloc", "jvm");
        row("allocation per TLB hit; per 4 KiB miss (JVM, `-prof gc`)", alloc == null ? null : fmt(alloc) + " B; "
                + (allocMiss == null ? "missing" : fmt(allocMiss) + " B"), "0 B", "—", "0 B (keep)",
                alloc == null ? null : met(alloc < 0.01 && (allocMiss == null || allocMiss < 0.01), 0, ""));
        traceRow("hit4K", "TLB hit");
        traceRow("miss4K", "TLB miss");
        frontEnd("firstRender", "navigation → first render (the first screen painted)", 200, 200, "ms");
        Double completeJs = get("firstComplete", "js");
        Double completeWasm = get("firstComplete", "wasm");
        row("navigation → every view painted (below the fold too), JS; Wasm", (completeJs == null ? "missing" : fmt(completeJs) + " ms")
                + "; " + (completeWasm == null ? "missing" : fmt(completeWasm) + " ms"), "—", "—", "(for comparison)", "—");
        frontEnd("fullRedraw4G", "full redraw of all views, 4 GiB", 4, 4, "ms");
        frontEnd("action4G", "one action including redraw, 4 GiB", 8, 8, "ms");
        frontEnd("shareLink10k", "10,000-line scenario from a share link", 1000, 500, "ms");
        frontEnd("heap4G1000", "heap, 4 GiB machine with 1,000 mapped pages", 64, 64, "MiB");
        frontEnd("bundleGzipKB", "JS bundle, gzip", 100, 100, "KB");
        out.append('\n');
        for (String f : missingFiles) {
            out.append("Missing: `").append(f).append("` (the step that writes it did not run or failed), so its rows say missing.\n\n");
        }
        out.append("Command: `").append(command).append("`. ").append(machine()).append(" JDK: ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(". Chromium: ").append(chromium).append(". Date: ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(". Commit: `").append(commit).append("`. ").append(note).append("\n\n");
        return out.toString();
    }

    private void ratioRow(String figure, String pw, String base, Double ratio, double target) {
        row(figure, pw, base, ratio == null ? "—" : fmt(ratio) + "×", "≥ " + fmt(target) + "×",
                ratio == null ? null : met(ratio >= target, ratio / target, "of"));
    }

    private void traceRow(String workload, String what) {
        Double none = get(workload + ".pagewalk", "jvm");
        Double counting = get(workload + ".pagewalk.counting", "jvm");
        String cost = none == null || counting == null ? null
                : fmt(counting) + " vs " + fmt(none) + " ns: " + (counting >= none ? "+" : "") + fmt(100 * (counting - none) / none) + " %";
        row("trace: a counting listener vs none, " + what + " (JVM)", cost, "—", "—",
                "none attached costs one call (keep)", cost == null ? null : "—");
    }

    private void frontEnd(String key, String figure, double jsTarget, double wasmTarget, String unit) {
        boolean any = false;
        for (String engine : new String[] {"js", "wasm", "-"}) {
            Double v = get(key, engine);
            if (v == null) {
                continue;
            }
            any = true;
            double inUnit = convert(v, units.get(key + "|" + engine), unit);
            double target = engine.equals("wasm") ? wasmTarget : jsTarget;
            boolean atMost = key.equals("bundleGzipKB");
            row(figure + (engine.equals("-") ? "" : ", " + (engine.equals("js") ? "JS" : "Wasm")),
                    fmt(v) + " " + units.get(key + "|" + engine), "—", "—", (atMost ? "≤ " : "< ") + fmt(target) + " " + unit,
                    limit(atMost ? inUnit <= target : inUnit < target, inUnit / target));
        }
        if (!any) {
            row(figure, null, "—", "—", (key.equals("bundleGzipKB") ? "≤ " : "< ") + fmt(jsTarget) + " " + unit, null);
        }
    }

    /** {@code value} in {@code from} expressed in {@code to} (ms, s, µs; B, KB, KiB, MB, MiB). */
    static double convert(double value, String from, String to) {
        return value * scale(from) / scale(to);
    }

    private static double scale(String unit) {
        switch (unit == null ? "" : unit.trim()) {
            case "s":
                return 1000;
            case "µs":
            case "us":
                return 0.001;
            case "B":
                return 1.0 / 1024 / 1024;
            case "KB":
            case "kB":
                return 1000.0 / 1024 / 1024;
            case "KiB":
                return 1.0 / 1024;
            case "MB":
                return 1e6 / 1024 / 1024;
            default:
                return 1; // ms, MiB, or the target's own unit
        }
    }

    private void row(String figure, String pw, String base, String ratio, String target, String met) {
        out.append("| ").append(figure).append(" | ").append(pw == null ? "missing" : pw).append(" | ").append(base)
                .append(" | ").append(ratio).append(" | ").append(target).append(" | ").append(met == null ? "missing" : met)
                .append(" |\n");
    }

    private static String met(boolean met, double fraction, String word) {
        if (met) {
            return "yes";
        }
        return fraction == 0 ? "**no**" : "**no** (" + fmt(100 * fraction) + " % " + word + " the target)";
    }

    /** A figure that must stay under a limit: by how many times it is over. */
    private static String limit(boolean met, double times) {
        return met ? "yes" : "**no** (" + fmt(times) + "× the limit)";
    }

    private static String rate(double nsPerOp) {
        return fmt(nsPerOp) + " ns (" + fmt(1000 / nsPerOp) + " M/s)";
    }

    /** Three significant digits, no exponent. */
    static String fmt(Double v) {
        if (v == null) {
            return "missing";
        }
        double a = Math.abs(v);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
        double p = Math.pow(10, decimals);
        String s = Double.toString(Math.round(v * p) / p);
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s;
    }

    private static String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Paths.get("/proc/meminfo"))) {
                if (line.startsWith("MemTotal")) {
                    String kb = line.replaceAll("[^0-9]", "");
                    memory = ", " + Math.round(Long.parseLong(kb) / 1024.0 / 1024.0) + " GiB RAM";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the CPU stays unknown
        }
        return "Machine: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores" + memory + ".";
    }
}
