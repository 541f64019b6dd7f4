package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.text.Hex;

/**
 * Paging homework in the manner of OSTEP's paging-linear-translate, for this machine: from a
 * seed, a random but sensible CeanOS address space (user pages with mixed rights in a few page
 * tables, some kernel heap) and a list of accesses to work out by hand. The emulator computes
 * the answers, which become the scenario's expect lines.
 *
 * <p>The random numbers come from a 32-bit xorshift generator so that the JVM, the JavaScript
 * and the WebAssembly builds produce the same exercise from the same seed.
 */
public final class ExerciseGenerator {
    private int state;

    /** The most pages, and the most questions, one exercise has. */
    public static final int MAX_COUNT = 64;

    public ExerciseGenerator(int seed) {
        this.state = seed == 0 ? 0x9E3779B9 : seed;
    }

    private int next() {
        int x = state;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        state = x;
        return x;
    }

    /** Uniform in [0, bound), bound > 0. */
    private int below(int bound) {
        return Integer.remainderUnsigned(next(), bound);
    }

    /**
     * Builds the exercise. {@code pages} user pages are mapped (1..64), then {@code questions}
     * accesses (1..64) are asked.
     */
    public String generate(int seed, int pages, int questions) {
        if (pages < 1 || pages > MAX_COUNT) {
            throw new IllegalArgumentException("pages must be 1 to " + MAX_COUNT + ", was " + pages);
        }
        if (questions < 1 || questions > MAX_COUNT) {
            throw new IllegalArgumentException("questions must be 1 to " + MAX_COUNT + ", was " + questions);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("title Exercise ").append(Integer.toUnsignedString(seed)).append(": translate by hand\n");
        sb.append("about For each access below, walk CR3 -> PDE -> PTE -> frame by hand: give the physical address, ");
        sb.append("or the page-fault error code (P, W/R, U/S bits) if it faults. Check your walk against the expect lines ");
        sb.append("(hidden in exercise mode) or run the scenario.\n");
        sb.append("boot ceanos ram=32M\n");
        sb.append("init_mm\n");
        Session session = new Session();
        List<String> setup = new ArrayList<>();
        setup.add("boot ceanos ram=32M");
        setup.add("init_mm");
        int[] tables = {0x08048000, 0x40000000, 0xBFC00000 - 0x400000, 0x00400000};
        int tableCount = 1 + below(3);
        List<Integer> mapped = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            int base = tables[below(tableCount)];
            int v = base + (below(256) << 12);
            if (mapped.contains(v)) {
                continue;
            }
            int flags = PageFlags.USER;
            int r = below(4);
            if (r != 0) {
                flags |= PageFlags.WRITE;
            }
            if (below(6) == 0) {
                flags &= ~PageFlags.USER;
            }
            int frame = 0x00800000 + (below(0x1000) << 12);
            String line = "memMapPage " + Hex.hex32(v) + " " + Hex.hex32(frame) + " " + PageFlags.format(flags);
            setup.add(line);
            mapped.add(v);
        }
        for (String line : setup) {
            StepResult r = Interpreter.runLine(session, line);
            if (r.status() == StepResult.Status.OK && line.startsWith("memMapPage")) {
                sb.append(line).append('\n');
            }
        }
        sb.append("note Work out each access before you look at its expect line.\n");
        sb.append("pause\n");
        for (int q = 0; q < questions; q++) {
            int linear;
            int pick = below(10);
            if (pick < 6 && !mapped.isEmpty()) {
                linear = mapped.get(below(mapped.size())) | (below(1024) << 2);
            } else if (pick < 8) {
                linear = tables[below(tableCount)] + (below(1024) << 12) + (below(1024) << 2);
            } else {
                linear = 0xD0000000 + (below(6) << 12) + (below(1024) << 2);
            }
            int access = (below(3) == 0 ? Access.KERNEL_READ : Access.USER_READ) | (below(2) == 0 ? Access.WRITE : 0);
            AccessResult r = session.machine().probe(linear, access);
            String acc = (Access.isUser(access) ? "user " : "kernel ") + (Access.isWrite(access) ? "write " : "read ");
            sb.append("note Q").append(q + 1).append(": a ").append(acc).append("of ").append(Hex.hex32(linear)).append('\n');
            if (r.isFault()) {
                sb.append("expect fault ").append(acc).append(Hex.hex32(linear)).append(" = ")
                        .append(Hex.hex(r.fault().errorCode(), 1)).append('\n');
            } else {
                sb.append("expect physical ").append(acc).append(Hex.hex32(linear)).append(" = ")
                        .append(Hex.hex32(r.physical())).append('\n');
            }
        }
        return sb.toString();
    }

    /** An exercise from a seed with the usual size: 12 pages, 10 questions. */
    public static String exercise(int seed) {
        return new ExerciseGenerator(seed).generate(seed, 12, 10);
    }
}
