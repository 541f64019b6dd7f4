package org.pagewalk.web.bench;

import org.pagewalk.baseline.BaselineMmu;
import org.pagewalk.baseline.RatioWorkload;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.inspect.FrameMap;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.text.Hex;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.lessons.SavedSession;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * bench.html: the core's hot paths timed in the browser, on whichever engine runs (JavaScript
 * or WebAssembly GC), with performance.now() around the computation only. Results go into a table
 * and into {@code window.pagewalkBench} (each row's key, name, value and unit) for the e2e suite,
 * which writes them to e2e/target/bench/ for bench.sh and docs/BENCHMARKS.md.
 *
 * <p>First the ratio rows: Pagewalk and the bare baseline ({@link BaselineMmu}) on the same four
 * workloads as JMH's RatioBenchmark ({@link RatioWorkload}), interleaved round by round so both
 * share whatever else the machine is doing; each keeps its best round. Then the other paths, each
 * in its own timer task so the page stays responsive.
 */
public final class BenchPage {
    /** The size of session the saved-work benchmarks save and restore (issue #11: under 200 ms each). */
    private static final int SESSION_ACTIONS = 10_000;
    private static final String BENCH_KEY = "pagewalk.bench.session";
    /** Interleaved rounds of the ratio rows; the first ones warm the engine up and are not kept. */
    private static final int RATIO_ROUNDS = 15;
    private static final int RATIO_WARMUP_ROUNDS = 3;

    private interface Work {
        /** Runs {@code n} operations; returns a checksum so nothing is optimised away. */
        int run(int n);
    }

    private final HTMLDocument document;
    private final HTMLElement table;
    private final StringBuilder json = new StringBuilder("[");
    private int index;
    private final String[] keys;
    private final String[] names;
    private final Work[] works;
    private final int[] counts;
    private final String[] units;

    private BenchPage(HTMLDocument document) {
        this.document = document;
        table = document.getElementById("bench-results");
        Machine hits = pagedMachine();
        Machine undo = pagedMachine();
        keys = new String[] {"read32", "undo", "memMapPage", "pmmAlloc1G", "frameMap4G", "autosave10k", "restore10k",
            "parse10k"};
        names = new String[] {"read32 through the MMU", "snapshot + write + restore", "memMapPage (fixed CeanOS, user page)",
            "pmmAllocPageFrame over a 1 GiB machine", "FrameMap of a 4 GiB machine",
            "autosave of a 10,000-action session (text + localStorage)", "restore of a 10,000-action session (parse + replay)",
            "parse of a 10,000-action session (the restore's first part)"};
        units = new String[] {"ns/op", "µs/op", "µs/op", "ns/frame", "ms/map", "ms/save", "ms/restore", "ms/parse"};
        counts = new int[] {1_000_000, 20_000, 2_000, 1, 3, 5, 3, 5};
        App saved = new App();
        for (String line : longSession(SESSION_ACTIONS)) {
            saved.run(line);
        }
        String savedText = SavedSession.encode(saved.history().log().text());
        works = new Work[] {
            n -> {
                int sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += hits.read32(0x00400000 + ((i & 1023) << 2), Access.KERNEL_READ);
                }
                return sum;
            },
            n -> {
                int sum = 0;
                for (int i = 0; i < n; i++) {
                    org.pagewalk.machine.MachineSnapshot s = undo.snapshot();
                    undo.write32(0x00400000, i, Access.KERNEL_WRITE);
                    undo.restore(s);
                    sum += undo.readPhysical32(0x00200000);
                }
                return sum;
            },
            n -> {
                Machine m = new Machine();
                CeanOs os = CeanOs.boot(m, GuestConfig.FIXED);
                os.initMemory(0x02000000, 0x00400000);
                int sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += os.memMapPage(0x40000000 + (i << 12), 0x00800000 + ((i & 1023) << 12), PageFlags.USER).ok() ? 1 : 0;
                }
                return sum;
            },
            n -> {
                Machine m = new Machine(MachineConfig.ofMiB(1024, 64, 4));
                CeanOs os = CeanOs.boot(m, GuestConfig.FIXED);
                os.initMemory(0x40000000, 0x00400000);
                int sum = 0;
                while (os.pmmAllocPageFrame().ok()) {
                    sum++;
                }
                return sum;
            },
            n -> {
                Machine m = new Machine(new MachineConfig(1 << 20, TlbGeometry.DEFAULT));
                CeanOs os = CeanOs.boot(m, GuestConfig.FIXED);
                os.initMemory(0xFFFFF000, 0x00400000);
                os.kmallocInit(0x4000);
                int sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += FrameMap.of(m, os).kindOrdinal(0x250);
                }
                return sum;
            },
            n -> {
                // What the page does after each action: the log as text, the header, one localStorage write.
                int sum = 0;
                for (int i = 0; i < n; i++) {
                    String text = SavedSession.encode(saved.history().log().text());
                    sum += Js.store(BENCH_KEY, text) == null ? text.length() : -1;
                }
                Js.unstore(BENCH_KEY);
                return sum;
            },
            n -> {
                // What the page does at start: read the saved text, then run every action in a new app.
                int ok = 0;
                for (int i = 0; i < n; i++) {
                    App app = new App();
                    java.util.List<org.pagewalk.scenario.Command> steps = SavedSession.read(savedText).scenario().steps();
                    // What Lessons does: one batch (App.replay), so the checksum is every action or none.
                    ok = app.replay(steps) == null ? steps.size() : 0;
                }
                return ok;
            },
            n -> {
                int steps = 0;
                for (int i = 0; i < n; i++) {
                    steps = SavedSession.read(savedText).scenario().steps().size();
                }
                return steps;
            },
        };
    }

    /**
     * The ratio rows: for each workload, Pagewalk's and the baseline's best time per translation
     * over interleaved rounds, with the two checksums (equal when both did the same work).
     */
    private void ratios() {
        Machine machine = RatioWorkload.pagewalk();
        BaselineMmu baseline = RatioWorkload.baseline();
        int workloads = RatioWorkload.NAMES.length;
        double[] best = new double[2 * workloads];
        int[] sums = new int[2 * workloads];
        for (int round = 0; round < RATIO_ROUNDS; round++) {
            for (int k = 0; k < workloads; k++) {
                int[] addresses = RatioWorkload.addresses(k);
                int batches = k == RatioWorkload.HIT_4K || k == RatioWorkload.HIT_4M ? 300 : 80;
                for (int turn = 0; turn < 2; turn++) {
                    int side = (turn + round) & 1; // who goes first alternates, so neither always follows the other
                    double start = Js.now();
                    int sum = batches(side, machine, baseline, addresses, batches);
                    double per = (Js.now() - start) * 1e6 / ((double) batches * addresses.length);
                    int at = 2 * k + side;
                    if (round >= RATIO_WARMUP_ROUNDS && (best[at] == 0 || per < best[at])) {
                        best[at] = per;
                    }
                    sums[at] = sum;
                }
            }
        }
        for (int k = 0; k < workloads; k++) {
            String name = RatioWorkload.NAMES[k];
            row(name + ".pagewalk", "Pagewalk " + name + ": Machine.translate", best[2 * k], "ns/op", sums[2 * k]);
            row(name + ".baseline", "baseline " + name + ": BaselineMmu.translate", best[2 * k + 1], "ns/op", sums[2 * k + 1]);
        }
    }

    /**
     * {@code n} batches of one side (0 Pagewalk, 1 the baseline). The only call sites of the two
     * workload loops, so that TeaVM inlines each (a second call site of Pagewalk's loop made the
     * JavaScript rows of both sides about 50 % slower).
     */
    private static int batches(int side, Machine machine, BaselineMmu baseline, int[] addresses, int n) {
        int sum = 0;
        for (int b = 0; b < n; b++) {
            sum += side == 0 ? RatioWorkload.run(machine, addresses) : RatioWorkload.run(baseline, addresses);
        }
        return sum;
    }

    /**
     * bench.html?profile=hit4K (or another ratio workload's name): Pagewalk alone on that workload
     * for about five seconds and one row, so that a profiler's samples are of that path only.
     */
    private void profile(String workload) {
        int k = RatioWorkload.NAMES.length - 1;
        while (k > 0 && !RatioWorkload.NAMES[k].equals(workload)) {
            k--;
        }
        Machine machine = RatioWorkload.pagewalk();
        int[] addresses = RatioWorkload.addresses(k);
        double start = Js.now();
        int batches = 0;
        int sum = 0;
        while (Js.now() - start < 5000) {
            sum += batches(0, machine, null, addresses, 100);
            batches += 100;
        }
        row(RatioWorkload.NAMES[k] + ".pagewalk", "Pagewalk " + RatioWorkload.NAMES[k] + " (profile run)",
                (Js.now() - start) * 1e6 / ((double) batches * addresses.length), "ns/op", sum);
        json.append(']');
        Js.publishBench(json.toString());
    }

    /**
     * A session of {@code n} actions since boot, a mix of what a student does: map a user page,
     * read it, write it, read the kernel heap. Every action succeeds (the restore's checksum is n).
     */
    private static String[] longSession(int n) {
        String[] lines = new String[n];
        lines[0] = "boot ceanos";
        lines[1] = "init_mm";
        for (int i = 2; i < n; i++) {
            int j = i - 2;
            int page = 0x40000000 + ((j >>> 2) << 12);
            switch (j & 3) {
                case 0:
                    lines[i] = "memMapPage " + Hex.hex32(page) + " " + Hex.hex32(0x00800000 + (((j >>> 2) & 1023) << 12))
                            + " WRITE|USER";
                    break;
                case 1:
                    lines[i] = "read user " + Hex.hex32(page);
                    break;
                case 2:
                    lines[i] = "write user " + Hex.hex32(page + 16) + " " + Hex.hex32(i);
                    break;
                default:
                    lines[i] = "read kernel 0xD0000010";
                    break;
            }
        }
        return lines;
    }

    private static Machine pagedMachine() {
        Machine m = new Machine();
        m.writePhysical32(0x00010000 + 4, 0x00011000 | 3);
        for (int i = 0; i < 1024; i++) {
            m.writePhysical32(0x00011000 + i * 4, (0x00200000 + (i << 12)) | 3);
        }
        m.cr().writeCr3(0x00010000);
        m.cr().writeCr0(0x80000001);
        return m;
    }

    /** Entry from BenchMain (bench.html). */
    public static void start(HTMLDocument document, String engineName) {
        HTMLElement engine = document.getElementById("engine");
        if (engine != null) {
            engine.setInnerText(engineName);
        }
        HTMLElement status = document.getElementById("status");
        if (status != null) {
            status.setInnerText("Running the benchmarks on " + engineName + "…");
        }
        BenchPage page = new BenchPage(document);
        Guard.later(50, page::next);
    }

    private void next() {
        String only = Js.queryParameter("profile");
        if (only != null) {
            profile(only);
            return;
        }
        if (index == 0 && json.length() == 1) {
            ratios();
            if ("ratios".equals(Js.queryParameter("only"))) {
                // A further page load of bench.sh's: the ratio rows again in a fresh engine, so that
                // one page load's JIT decisions do not decide them.
                index = works.length;
            }
            Guard.later(20, this::next);
            return;
        }
        if (index >= works.length) {
            json.append(']');
            HTMLElement status = document.getElementById("status");
            if (status != null) {
                status.setInnerText("Done.");
            }
            Js.publishBench(json.toString());
            return;
        }
        int i = index++;
        works[i].run(Math.max(1, counts[i] / 20)); // warm up (JIT, caches)
        double start = Js.now();
        int checksum = works[i].run(counts[i]);
        double elapsed = Js.now() - start;
        double per;
        if (keys[i].equals("pmmAlloc1G")) {
            per = elapsed * 1e6 / Math.max(1, checksum); // ns per frame allocated
        } else if (units[i].startsWith("µs")) {
            per = elapsed * 1e3 / counts[i];
        } else if (units[i].startsWith("ms")) {
            per = elapsed / counts[i];
        } else {
            per = elapsed * 1e6 / counts[i];
        }
        row(keys[i], names[i], per, units[i], checksum);
        Guard.later(20, this::next);
    }

    private void row(String key, String name, double per, String unit, int checksum) {
        HTMLElement row = document.createElement("tr");
        row.setInnerHTML("<th scope=\"row\"></th><td></td><td></td>");
        ((HTMLElement) row.getChildNodes().get(0)).setInnerText(name);
        ((HTMLElement) row.getChildNodes().get(1)).setInnerText(round(per) + " " + unit);
        ((HTMLElement) row.getChildNodes().get(2)).setInnerText(Integer.toString(checksum));
        table.appendChild(row);
        json.append(json.length() == 1 ? "" : ",").append("{\"key\":\"").append(key).append("\",\"name\":\"").append(name)
                .append("\",\"value\":").append(round(per)).append(",\"unit\":\"").append(unit)
                .append("\",\"checksum\":").append(checksum).append('}');
    }

    private static String round(double v) {
        int hundredths = (int) Math.round(v * 100);
        return (hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") + (hundredths % 100);
    }
}
