package org.pagewalk.web.bench;

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
 * or WebAssembly GC), with performance.now() around the computation only. Each benchmark runs
 * in its own timer task so the page stays responsive; results go into a table and into
 * {@code window.pagewalkBench} for the e2e suite and docs/BENCHMARKS.md.
 */
public final class BenchPage {
    /** The size of session the saved-work benchmarks save and restore (issue #11: under 200 ms each). */
    private static final int SESSION_ACTIONS = 10_000;
    private static final String BENCH_KEY = "pagewalk.bench.session";

    private interface Work {
        /** Runs {@code n} operations; returns a checksum so nothing is optimised away. */
        int run(int n);
    }

    private final HTMLDocument document;
    private final HTMLElement table;
    private final StringBuilder json = new StringBuilder("[");
    private int index;
    private final String[] names;
    private final Work[] works;
    private final int[] counts;
    private final String[] units;

    private BenchPage(HTMLDocument document) {
        this.document = document;
        table = document.getElementById("bench-results");
        Machine hits = pagedMachine();
        Machine misses = pagedMachine();
        Machine undo = pagedMachine();
        names = new String[] {"TLB hit: Machine.translate", "TLB miss: INVLPG + translate (full walk)",
            "read32 through the MMU", "snapshot + write + restore", "memMapPage (fixed CeanOS, user page)",
            "pmmAllocPageFrame over a 1 GiB machine", "FrameMap of a 4 GiB machine",
            "autosave of a 10,000-action session (text + localStorage)", "restore of a 10,000-action session (parse + replay)",
            "parse of a 10,000-action session (the restore's first part)"};
        units = new String[] {"ns/op", "ns/op", "ns/op", "µs/op", "µs/op", "ns/frame", "ms/map", "ms/save", "ms/restore", "ms/parse"};
        counts = new int[] {2_000_000, 500_000, 1_000_000, 20_000, 2_000, 1, 3, 5, 3, 5};
        App saved = new App();
        for (String line : longSession(SESSION_ACTIONS)) {
            saved.run(line);
        }
        String savedText = SavedSession.encode(saved.history().log().text());
        works = new Work[] {
            n -> {
                int sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += hits.translate(0x00400000 + ((i & 31) << 12), Access.KERNEL_READ);
                }
                return sum;
            },
            n -> {
                int sum = 0;
                for (int i = 0; i < n; i++) {
                    int linear = 0x00400000 + ((i & 31) << 12);
                    misses.invlpg(linear);
                    sum += misses.translate(linear, Access.KERNEL_READ);
                }
                return sum;
            },
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

    /** Entry from Main when the page is bench.html. */
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
        if (i == 5) {
            per = elapsed * 1e6 / Math.max(1, checksum); // ns per frame allocated
        } else if (units[i].startsWith("µs")) {
            per = elapsed * 1e3 / counts[i];
        } else if (units[i].startsWith("ms")) {
            per = elapsed / counts[i];
        } else {
            per = elapsed * 1e6 / counts[i];
        }
        HTMLElement row = document.createElement("tr");
        row.setInnerHTML("<th scope=\"row\"></th><td></td><td></td>");
        ((HTMLElement) row.getChildNodes().get(0)).setInnerText(names[i]);
        ((HTMLElement) row.getChildNodes().get(1)).setInnerText(round(per) + " " + units[i]);
        ((HTMLElement) row.getChildNodes().get(2)).setInnerText(Integer.toString(checksum));
        table.appendChild(row);
        json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(names[i]).append("\",\"value\":").append(round(per))
                .append(",\"unit\":\"").append(units[i]).append("\"}");
        Guard.later(20, this::next);
    }

    private static String round(double v) {
        int hundredths = (int) Math.round(v * 100);
        return (hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") + (hundredths % 100);
    }
}
