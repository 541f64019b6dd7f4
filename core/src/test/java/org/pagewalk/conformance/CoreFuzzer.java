package org.pagewalk.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.pagewalk.guest.CallResult;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.guest.GuestFunction;
import org.pagewalk.guest.GuestGlobals;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;
import org.pagewalk.machine.MachineDump;
import org.pagewalk.machine.MachineSnapshot;
import org.pagewalk.machine.PageFault;
import org.pagewalk.machine.Translation;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceListener;

/**
 * Model-based fuzzing of the whole core: long random sequences of CeanOS calls, accesses,
 * control-register writes and INVLPGs on a booted machine, each step checked against the
 * invariants of docs/CONFORMANCE.md. A broken invariant throws {@link AssertionError} whose
 * message starts with the seed and the step, and lists the last operations.
 */
final class CoreFuzzer {
    /**
     * The machine as the fuzzer drives it. The default passes everything through; a test
     * subclasses it to build a deliberately wrong machine and shows that the fuzzer notices.
     */
    static class Cpu {
        final Machine m;

        Cpu(Machine m) {
            this.m = m;
        }

        AccessResult translate(int linear, int access) {
            return m.translateAccess(linear, access);
        }

        AccessResult write(int linear, int access, int value) {
            return m.access(linear, access, value, 4);
        }

        void invlpg(int linear) {
            m.invlpg(linear);
        }

        void writeCr0(int value) {
            m.cr().writeCr0(value);
        }

        void writeCr3(int value) {
            m.cr().writeCr3(value);
        }

        void writeCr4(int value) {
            m.cr().writeCr4(value);
        }
    }

    private static final int CR0_WP = 1 << 16;
    private static final int CR4_PSE = 1 << 4;
    private static final int CR4_PGE = 1 << 7;
    private static final int CHECK_TABLES_EVERY = 128;
    /** Directories in use at most: syncPageDirs costs a page of accesses per directory. */
    private static final int MAX_DIRECTORIES = 4;
    private static final int SNAPSHOT_EVERY = 5003;
    private static final int[] USER_PAGES = userPages();
    /** -Dpagewalk.fuzz.log=true prints every operation as it runs. */
    private static final boolean LOG = Boolean.getBoolean("pagewalk.fuzz.log");
    /** -Dpagewalk.fuzz.watch=0x00164080 prints each step that changes that physical word. */
    private static final String WATCH = System.getProperty("pagewalk.fuzz.watch", "");
    private int watched;

    private final long seed;
    private final SplittableRandom random;
    private final GuestConfig config;
    private final Machine m;
    private final Cpu cpu;
    private final CeanOs os;
    private final int heap;
    private TlbModel model = new TlbModel();
    private Books books = new Books();
    private boolean inGuest;
    // The last operations, kept unformatted (formatting every step would cost more than the step).
    private final String[] recent = new String[16];
    private final int[] recentValue = new int[16];
    private final long[] recentStep = new long[16];
    private long step;
    private int notes;
    /** Counts for the report: [guest ok, refused, kernel fault, hits, walks, faults, flush checks]. */
    final long[] counts = new long[7];

    /** The fuzzer's own bookkeeping of the frames it allocated and where it mapped them. */
    private static final class Books {
        List<Integer> owned = new ArrayList<>();
        /** (directory physical address, or 0 for the shared kernel half) and page -> frame. */
        Map<Long, Integer> mapped = new HashMap<>();

        Books copy() {
            Books b = new Books();
            b.owned = new ArrayList<>(owned);
            b.mapped = new HashMap<>(mapped);
            return b;
        }
    }

    CoreFuzzer(long seed, GuestConfig config, Function<Machine, Cpu> cpus) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.config = config;
        int[] tlbShapes = {16, 4, 64, 4, 32, 2, 8, 8};
        int shape = random.nextInt(tlbShapes.length / 2) * 2;
        this.m = new Machine(MachineConfig.ofMiB(16, tlbShapes[shape], tlbShapes[shape + 1]));
        this.cpu = cpus.apply(m);
        m.trace().attach(new Listener());
        this.os = CeanOs.boot(m, config);
        this.heap = os.kernelMalloc();
        inGuest = true;
        CallResult init = GuestFunction.INIT_MM.invoke(os, new int[0], false);
        inGuest = false;
        if (!init.ok()) {
            throw new IllegalStateException("init_mm failed: " + init);
        }
    }

    /** Forwards what the guest kernel does inside a call to the model; fills from any source. */
    private final class Listener implements TraceListener {
        @Override
        public void event(EventKind kind, int a, int b, int c, int d) {
            if (kind == EventKind.TLB_FILL) {
                model.filled(m, c);
            } else if (inGuest) {
                if (kind == EventKind.INVLPG || kind == EventKind.PAGE_FAULT) {
                    model.invalidatePage(a);
                } else if (kind == EventKind.CR_WRITE) {
                    crWritten(a, b, c);
                }
            }
        }

        @Override
        public void text(EventKind kind, String text, int a, int b) {
        }
    }

    private void crWritten(int register, int old, int value) {
        if (register == 3) {
            model.writeCr3();
        } else if (register == 4) {
            model.writeCr4(old, value);
        } else if (register == 0) {
            model.writeCr0(old, value);
        }
    }

    void run(long ops) {
        MachineSnapshot snapshot = null;
        String dump = null;
        TlbModel snapshotModel = null;
        Books snapshotBooks = null;
        for (step = 0; step < ops; step++) {
            if (step % SNAPSHOT_EVERY == 0) {
                if (snapshot != null && random.nextBoolean()) {
                    note("restore the snapshot of the step", (int) (step - SNAPSHOT_EVERY));
                    m.restore(snapshot);
                    check(dump.equals(MachineDump.of(m)), "the snapshot did not restore to an equal state");
                    model = snapshotModel.copy();
                    books = snapshotBooks.copy();
                }
                snapshot = m.snapshot();
                dump = MachineDump.of(m);
                snapshotModel = model.copy();
                snapshotBooks = books.copy();
            }
            int kind = random.nextInt(100);
            if (kind < 15) {
                guestCall();
            } else if (kind < 75) {
                access();
            } else if (kind < 88) {
                invlpg();
            } else {
                controlRegister();
            }
            check(model.checkContents(m.tlb()), null);
            watch();
            if (config.isFixed()) {
                checkBitmapCount();
                if (step % CHECK_TABLES_EVERY == 0) {
                    checkTables();
                }
            }
        }
        if (config.isFixed()) {
            checkTables();
        }
    }

    // ---- Operations ---------------------------------------------------------------------------

    private void access() {
        int linear = address();
        int access = random.nextInt(4) << 1;
        AccessResult r;
        ReferenceWalk.Result expected = reference(linear, access);
        boolean dataWrite = Access.isWrite(access) && writableData(linear, access);
        if (dataWrite) {
            int value = random.nextInt();
            note(WRITE_NAMES[access >>> 1], linear);
            r = cpu.write(linear, access, value);
        } else {
            note(TRANSLATE_NAMES[access >>> 1], linear);
            r = cpu.translate(linear, access);
        }
        if (r.hit()) {
            counts[3]++;
            check(model.checkHit(r.translation()), null);
            return;
        }
        if (r.isFault()) {
            counts[5]++;
            model.invalidatePage(linear);
        } else {
            counts[4]++;
        }
        compare("access", linear, access, r, expected);
        if (m.readPhysical32(expected.pdeAddress) != (expected.pteAddress == expected.pdeAddress ? expected.pteAfter
                : expected.pdeAfter)) {
            fail("PDE after the walk is " + ReferenceWalk.hex(m.readPhysical32(expected.pdeAddress))
                    + ", expected " + expected);
        }
        if (expected.pteAddress != -1 && m.readPhysical32(expected.pteAddress) != expected.pteAfter) {
            fail("PTE after the walk is " + ReferenceWalk.hex(m.readPhysical32(expected.pteAddress)) + ", expected "
                    + expected);
        }
    }

    /** A data write only where the fuzzer's own frame lies behind the address (never a kernel structure). */
    private boolean writableData(int linear, int access) {
        if (!config.isFixed()) {
            return false;
        }
        AccessResult now = m.preview(linear, access);
        return !now.isFault() && books.owned.contains(now.physical() & 0xFFFFF000)
                && (now.physical() & 0xFFF) <= 0xFFC;
    }

    private void invlpg() {
        int linear = address();
        note("invlpg", linear);
        cpu.invlpg(linear);
        model.invalidatePage(linear);
        afterFlush(linear);
    }

    private void controlRegister() {
        int which = random.nextInt(4);
        if (which == 0) {
            int value = m.cr().cr0() ^ CR0_WP;
            note("mov cr0,", value);
            int old = m.cr().cr0();
            cpu.writeCr0(value);
            model.writeCr0(old, value);
        } else if (which == 1) {
            int value = m.cr().cr4() ^ (random.nextBoolean() ? CR4_PGE : CR4_PSE);
            setCr4(value);
        } else {
            List<Integer> dirs = directories();
            int value = dirs.get(random.nextInt(dirs.size())) - KernelLayout.KERNEL_START;
            if (random.nextInt(8) == 0) {
                value |= random.nextBoolean() ? 0x8 : 0x10;
            }
            note("mov cr3,", value);
            cpu.writeCr3(value);
            model.writeCr3();
        }
        afterFlush(address());
    }

    private void setCr4(int value) {
        note("mov cr4,", value);
        int old = m.cr().cr4();
        cpu.writeCr4(value);
        model.writeCr4(old, value);
    }

    /** After a flush the page tables decide: the machine's walk against the reference, every access kind. */
    private void afterFlush(int linear) {
        counts[6]++;
        for (int i = 0; i < 3; i++) {
            int at = i == 0 ? linear : address();
            for (int access = 0; access < 8; access += 2) {
                compare("walk after a flush", at, access, m.probe(at, access), reference(at, access));
            }
        }
    }

    private void guestCall() {
        if (!m.cr().pse()) {
            // The kernel reaches its globals through 4 MiB pages: a real kernel would not drop PSE under itself.
            setCr4(m.cr().cr4() | CR4_PSE);
        }
        GuestFunction f = pickFunction();
        int[] args = arguments(f);
        boolean remap = random.nextInt(4) == 0;
        StringBuilder line = new StringBuilder(f.functionName()).append('(');
        for (int i = 0; i < args.length; i++) {
            line.append(i == 0 ? "" : ", ").append(ReferenceWalk.hex(args[i]));
        }
        note(line.append(remap && f.takesRemap() ? ", remap)" : ")").toString(), NO_VALUE);
        TlbModel before = model.copy();
        int cr3 = m.cr().cr3() & 0xFFFFF000;
        inGuest = true;
        CallResult r;
        try {
            r = f.invoke(os, args, remap);
        } finally {
            inGuest = false;
        }
        if (LOG) {
            System.out.println("    " + r);
        }
        if (r.ok()) {
            counts[0]++;
            book(f, args, r, cr3);
        } else if (r.fault() == null || config.isFixed()) {
            counts[r.fault() == null ? 1 : 2]++;
            model = before; // the call was rolled back: TLB and control registers as before it
        } else {
            counts[2]++;
        }
    }

    private GuestFunction pickFunction() {
        while (true) {
            GuestFunction f = GuestFunction.values()[random.nextInt(GuestFunction.values().length)];
            boolean poolFull = f == GuestFunction.MEM_ALLOC_PAGE_DIR && os.globals().pageDirsInUse() >= MAX_DIRECTORIES;
            if (f != GuestFunction.INIT_MEMORY && f != GuestFunction.PMM_INIT && f != GuestFunction.INIT_MM && !poolFull) {
                return f;
            }
        }
    }

    private int[] arguments(GuestFunction f) {
        switch (f) {
            case MEM_MAP_PAGE:
                return new int[] {page(), frameToMap(), flags()};
            case MEM_UNMAP_PAGE:
                // The fixed kernel refuses the recursive window (RecursiveWindowUnmapTest); the as-written
                // one unmaps it and faults from then on, as mem.c's logic would.
                return new int[] {random.nextInt(16) == 0 ? address() : page()};
            case MEM_IS_PAGE_PRESENT:
            case INVALIDATE:
                return new int[] {random.nextInt(16) == 0 ? address() : page()};
            case PMM_FREE_PAGE_FRAME:
                return new int[] {frameToFree()};
            case MEM_CHANGE_PAGE_DIR:
            case MEM_FREE_PAGE_DIR:
                return new int[] {directory(f == GuestFunction.MEM_FREE_PAGE_DIR)};
            case KMALLOC_INIT:
            case CHANGE_HEAP_SIZE:
                return new int[] {random.nextInt(0x8000)};
            case PMM_ALLOC_PAGE_FRAME:
            case MEM_ALLOC_PAGE_DIR:
            case SYNC_PAGE_DIRS:
            case MEM_GET_CURRENT_PAGE_DIR:
                return new int[0];
            default:
                throw new IllegalStateException("no arguments for " + f);
        }
    }

    /** Keeps the fuzzer's books after a successful call, so that it frees only frames nothing maps. */
    private void book(GuestFunction f, int[] args, CallResult r, int cr3) {
        if (!config.isFixed()) {
            return;
        }
        switch (f) {
            case PMM_ALLOC_PAGE_FRAME:
                books.owned.add(r.value());
                break;
            case PMM_FREE_PAGE_FRAME:
                books.owned.remove(Integer.valueOf(args[0]));
                break;
            case MEM_MAP_PAGE:
                books.mapped.put(key(args[0], cr3), args[1]);
                break;
            case MEM_UNMAP_PAGE:
                books.mapped.remove(key(args[0], cr3));
                break;
            case MEM_FREE_PAGE_DIR:
                int pd = args[0] - KernelLayout.KERNEL_START;
                books.mapped.keySet().removeIf(k -> (int) (k >>> 32) == pd);
                break;
            default:
                break;
        }
    }

    private static long key(int page, int cr3) {
        int directory = Integer.compareUnsigned(page, KernelLayout.KERNEL_START) >= 0 ? 0 : cr3;
        return ((long) directory << 32) | (page & 0xFFFFFFFFL);
    }

    // ---- Arguments and addresses ------------------------------------------------------------

    private static int[] userPages() {
        int[] pages = new int[28];
        for (int i = 0; i < 16; i++) {
            pages[i] = 0x08048000 + (i << 12);
        }
        for (int i = 0; i < 4; i++) {
            pages[16 + i] = 0x40000000 + (i << 12);
            pages[20 + i] = 0xE0000000 + (i << 12);
            pages[24 + i] = 0x083FE000 + (i << 12); // across the edge of a page table
        }
        return pages;
    }

    private int page() {
        int pick = random.nextInt(40);
        if (pick < USER_PAGES.length) {
            return USER_PAGES[pick];
        }
        if (pick < 36) {
            return heap + (random.nextInt(10) << 12);
        }
        if (pick < 38) {
            return 0xFFC00000 + (random.nextInt(1024) << 12); // the recursive window: refused by the fixed kernel
        }
        return random.nextInt() & (random.nextBoolean() ? 0xFFFFF000 : -1);
    }

    /** An address for an access, an INVLPG or a check: the pages above, kernel structures, edges. */
    private int address() {
        int base;
        int pick = random.nextInt(16);
        if (pick < 9) {
            base = page();
        } else if (pick < 11) {
            base = KernelLayout.KERNEL_START + (random.nextInt(0x1000) << 12);
        } else if (pick < 13) {
            int[] tables = {32, 256, 832, 896, 1023, 0, 768};
            base = 0xFFC00000 + (tables[random.nextInt(tables.length)] << 12);
        } else if (pick < 14) {
            base = 0xFFFFF000;
        } else {
            base = random.nextInt() & 0xFFFFF000;
        }
        int offset = random.nextInt(4);
        return base + (offset == 0 ? 0 : offset == 1 ? 0xFFC : random.nextInt(0x400) << 2);
    }

    private int frameToMap() {
        int pick = random.nextInt(20);
        if ((pick > 0 || !config.isFixed()) && !books.owned.isEmpty()) {
            return books.owned.get(random.nextInt(books.owned.size()));
        }
        // Refused by the fixed kernel: not aligned, or beyond the machine's 16 MiB.
        return random.nextBoolean() ? 0x00300010 : 0x7FFFF000;
    }

    private int frameToFree() {
        if (random.nextInt(8) == 0 || books.owned.isEmpty()) {
            // Refused by the fixed kernel: never allocated by anyone, below the allocator's range, or not aligned.
            int[] bad = {0x00FFF000, 0x00100000, 0x00300800};
            return bad[random.nextInt(bad.length)];
        }
        int frame = books.owned.get(random.nextInt(books.owned.size()));
        return config.isFixed() && books.mapped.containsValue(frame) ? 0x00100000 : frame;
    }

    private int flags() {
        if (random.nextInt(16) == 0) {
            return PageFlags.ACCESSED; // refused by the fixed kernel
        }
        return random.nextInt(32) & (PageFlags.WRITE | PageFlags.USER | PageFlags.PWT | PageFlags.PCD)
                | (random.nextInt(4) == 0 ? PageFlags.GLOBAL : 0);
    }

    /** initial_page_dir and the pool's directories in use, as kernel virtual addresses. */
    private List<Integer> directories() {
        GuestGlobals g = os.globals();
        List<Integer> dirs = new ArrayList<>();
        dirs.add(os.initialPageDir());
        for (int i = 0; i < KernelLayout.NUM_PAGE_DIRS; i++) {
            if (g.pageDirUsed(i)) {
                dirs.add(os.pageDir(i));
            }
        }
        return dirs;
    }

    private int directory(boolean forFree) {
        List<Integer> dirs = directories();
        if (random.nextInt(8) == 0) {
            return os.pageDir(random.nextInt(KernelLayout.NUM_PAGE_DIRS)); // maybe not in use: refused
        }
        if (forFree && dirs.size() > 1) {
            return dirs.get(1 + random.nextInt(dirs.size() - 1));
        }
        return dirs.get(random.nextInt(dirs.size()));
    }

    // ---- Checks -------------------------------------------------------------------------------

    private ReferenceWalk.Result reference(int linear, int access) {
        return ReferenceWalk.walk(m::readPhysical32, m.cr().cr3(), m.cr().cr0(), m.cr().cr4(), linear,
                Access.isUser(access), Access.isWrite(access), true);
    }

    /** The machine's outcome against the reference's: fault and error code, or frame, size, rights, G. */
    private void compare(String what, int linear, int access, AccessResult r, ReferenceWalk.Result expected) {
        String problem = null;
        if (r.isFault() != expected.faulted()) {
            problem = "fault or not";
        } else if (r.isFault()) {
            PageFault f = r.fault();
            if (f.errorCode() != expected.errorCode || f.linear() != linear) {
                problem = "error code";
            }
        } else {
            Translation t = r.translation();
            if (t.physical() != expected.physical || t.isLargePage() != expected.large || t.rights() != expected.rights
                    || t.isGlobal() != expected.global) {
                problem = "translation";
            }
        }
        if (problem != null) {
            fail(what + " " + kindName(access) + " " + ReferenceWalk.hex(linear) + " differs in " + problem
                    + " (CR0 " + ReferenceWalk.hex(m.cr().cr0()) + " CR3 " + ReferenceWalk.hex(m.cr().cr3()) + " CR4 "
                    + ReferenceWalk.hex(m.cr().cr4()) + "): Pagewalk " + r + ", reference " + expected);
        }
    }

    /** totalAlloc is the number of frames the bitmap marks used. */
    private void checkBitmapCount() {
        int min = m.readPhysical32(KernelLayout.GLOBALS + KernelLayout.PAGE_FRAME_MIN);
        int max = m.readPhysical32(KernelLayout.GLOBALS + KernelLayout.PAGE_FRAME_MAX);
        int total = m.readPhysical32(KernelLayout.GLOBALS + KernelLayout.TOTAL_ALLOC);
        int used = 0;
        for (int word = min >>> 5; word <= (max - 1) >>> 5; word++) {
            used += Integer.bitCount(m.readPhysical32(KernelLayout.BITMAP + (word << 2)));
        }
        if (used != total) {
            fail("bitmap marks " + used + " frames used, totalAlloc is " + total);
        }
    }

    /** Every present PTE in every directory the kernel uses points at an allocated or a reserved frame. */
    private void checkTables() {
        GuestGlobals g = os.globals();
        List<Integer> dirs = directories();
        dirs.add(m.cr().cr3() + KernelLayout.KERNEL_START & 0xFFFFF000);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int pdVirtual : dirs) {
            int pd = pdVirtual - KernelLayout.KERNEL_START;
            for (int i = 0; i < 1023; i++) {
                int pde = m.readPhysical32(pd + (i << 2));
                if ((pde & 1) == 0 || (pde & PageFlags.PS) != 0) {
                    continue;
                }
                int table = pde & 0xFFFFF000;
                checkFrame(g, table, "page table", pde, table, i, pd);
                if (!seen.add(table)) {
                    continue;
                }
                for (int j = 0; j < 1024; j++) {
                    int pte = m.readPhysical32(table + (j << 2));
                    if ((pte & 1) != 0) {
                        checkFrame(g, pte & 0xFFFFF000, "PTE " + j, pte, table, i, pd);
                    }
                }
            }
        }
    }

    private void checkFrame(GuestGlobals g, int physical, String what, int entry, int table, int pdeIndex, int pd) {
        int frame = physical >>> 12;
        boolean reserved = frame < g.pageFrameMin() || frame >= g.pageFrameMax();
        if (!reserved && !GuestGlobals.bitmapBit(m, frame)) {
            fail(what + " = " + ReferenceWalk.hex(entry) + " of table " + ReferenceWalk.hex(table) + " (PDE " + pdeIndex
                    + " in directory " + ReferenceWalk.hex(pd) + ") points at frame " + ReferenceWalk.hex(physical) + ", which is neither allocated nor reserved");
        }
    }

    private void check(String problem, String unused) {
        if (problem != null) {
            fail(problem);
        }
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            fail(problem);
        }
    }

    private void fail(String problem) {
        {
            StringBuilder sb = new StringBuilder("seed ").append(seed).append(" (").append(config).append(") step ")
                    .append(step).append(": ").append(problem).append("\n  rerun: -Dpagewalk.fuzz.seed=").append(seed)
                    .append(" -Dpagewalk.fuzz.ops=").append(step + 1).append("\n  last operations, oldest first:");
            for (int i = 0; i < recent.length; i++) {
                int at = (notes + i) % recent.length;
                if (recent[at] != null) {
                    sb.append("\n    ").append(noteText(at));
                }
            }
            throw new AssertionError(sb.toString());
        }
    }

    private void watch() {
        if (WATCH.isEmpty()) {
            return;
        }
        int value = m.readPhysical32(Integer.parseUnsignedInt(WATCH.substring(2), 16));
        if (value != watched) {
            System.out.println("watch " + WATCH + ": " + ReferenceWalk.hex(watched) + " -> " + ReferenceWalk.hex(value)
                    + " at step " + step + " (" + noteText((notes - 1) % recent.length) + "), CR3 "
                    + ReferenceWalk.hex(m.cr().cr3()) + " CR4 " + ReferenceWalk.hex(m.cr().cr4()));
            watched = value;
        }
    }

    private void note(String op, int value) {
        int at = notes++ % recent.length;
        recent[at] = op;
        recentValue[at] = value;
        recentStep[at] = step;
        if (LOG) {
            System.out.println(noteText(at));
        }
    }

    private String noteText(int at) {
        return recentStep[at] + ": " + recent[at] + (recentValue[at] == NO_VALUE && recent[at].endsWith(")") ? ""
                : " " + ReferenceWalk.hex(recentValue[at]));
    }

    private static final int NO_VALUE = 0x7EADBEEF;
    private static final String[] TRANSLATE_NAMES = {"kernel read translate", "kernel write translate",
        "user read translate", "user write translate"};
    private static final String[] WRITE_NAMES = {"", "kernel write of a random value at", "",
        "user write of a random value at"};

    private static String kindName(int access) {
        return (Access.isUser(access) ? "user " : "kernel ") + (Access.isWrite(access) ? "write" : "read");
    }
}
