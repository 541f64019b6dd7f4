package org.pagewalk.machine;

import org.pagewalk.text.Hex;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.InvalidationCause;
import org.pagewalk.trace.Trace;

/**
 * The emulated x86 as far as paging goes: physical memory, CR0/CR2/CR3/CR4, the TLB and the
 * walker, behind one facade that the guest kernel, scenarios and the page all drive.
 *
 * <p>Accesses come in two forms. The hot form ({@link #read32}, {@link #write32}, ...) returns
 * the value and leaves {@link #lastFault()} set when the access faulted; it allocates nothing on
 * a TLB hit, and the guest kernel uses it. The descriptive form ({@link #access},
 * {@link #translateAccess}) returns an {@link AccessResult}: hit or walk with the whole
 * translation, or the fault, for views, scenarios and the API.
 *
 * <p>A faulting access changes no memory beyond the A bit of a PDE that the walk used before
 * it faulted at the PTE (see {@link PageWalker}), and a page-crossing access checks both pages
 * before it writes anything.
 */
public final class Machine {
    private final MachineConfig config;
    private final Trace trace = new Trace();
    private final PhysicalMemory memory;
    private final Tlb tlb;
    private final ControlRegisters cr;
    private final Mmu mmu;
    private boolean pending;
    private int savedCr0;
    private int savedCr2;
    private int savedCr3;
    private int savedCr4;
    /** The first page's translation of the last page-crossing access (the MMU's last is the second's). */
    private Translation crossingFirst;

    public Machine() {
        this(MachineConfig.DEFAULT);
    }

    /** A machine in protected mode with paging off (CR0 = 0x00000011: PE, and ET, hardwired) and empty memory. */
    public Machine(MachineConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("machine configuration must be given");
        }
        this.config = config;
        this.memory = new PhysicalMemory(config.ramFrames(), trace);
        this.tlb = new Tlb(config.tlb(), trace);
        this.cr = new ControlRegisters(tlb, trace);
        this.mmu = new Mmu(cr, tlb, new PageWalker(memory, trace), trace);
        cr.load(ControlRegisterBits.CR0_PE, 0, 0, 0);
    }

    public MachineConfig config() {
        return config;
    }

    /** Attach and detach trace listeners here. */
    public Trace trace() {
        return trace;
    }

    public PhysicalMemory memory() {
        return memory;
    }

    public Tlb tlb() {
        return tlb;
    }

    public ControlRegisters cr() {
        return cr;
    }

    // ---- Translation ----------------------------------------------------------------------

    /** Linear to physical for {@code access}, through TLB and walk; 0 and {@link #lastFault()} on a fault. */
    public int translate(int linear, int access) {
        return mmu.translate(linear, access);
    }

    /** The fault of the last access or translation, or {@code null} if it succeeded. */
    public PageFault lastFault() {
        return mmu.lastFault();
    }

    /** Translates (with every side effect: TLB, A/D, CR2) and describes the outcome. */
    public AccessResult translateAccess(int linear, int access) {
        return mmu.translateAccess(linear, access);
    }

    /** The page tables' verdict now, with no side effect at all (no TLB, no A/D, no CR2, no event). */
    public AccessResult probe(int linear, int access) {
        return mmu.probe(linear, access);
    }

    /**
     * What an access would do now, with no side effect: the TLB's answer if it holds the page
     * and would serve this access (stale or not, as the CPU would), the page tables' otherwise.
     */
    public AccessResult preview(int linear, int access) {
        if (cr.paging()) {
            int index = tlb.lookup(linear);
            if (index >= 0 && tlb.serves(index, access, cr.writeProtect())) {
                return AccessResult.ok(tlb.translation(index, linear, true), 0);
            }
        }
        return probe(linear, access);
    }

    // ---- Accesses through the MMU ---------------------------------------------------------

    public int read32(int linear, int access) {
        if ((linear & 0xFFF) > 0xFFC) {
            return readCrossing(linear, access);
        }
        int physical = mmu.translate(linear, access & ~Access.WRITE);
        return mmu.lastFault() != null ? 0 : readAt(linear, physical, 4);
    }

    public int read8(int linear, int access) {
        int physical = mmu.translate(linear, access & ~Access.WRITE);
        return mmu.lastFault() != null ? 0 : readAt(linear, physical, 1);
    }

    private int readAt(int linear, int physical, int size) {
        int value = size == 4 ? memory.read32(physical) : memory.read8(physical);
        trace.event(EventKind.DATA_READ, linear, physical, value, size);
        return value;
    }

    public void write32(int linear, int value, int access) {
        if ((linear & 0xFFF) > 0xFFC) {
            writeCrossing(linear, value, access);
            return;
        }
        int physical = mmu.translate(linear, access | Access.WRITE);
        if (mmu.lastFault() != null) {
            return;
        }
        writePhysical32(physical, value);
    }

    public void write8(int linear, int value, int access) {
        int physical = mmu.translate(linear, access | Access.WRITE);
        if (mmu.lastFault() != null) {
            return;
        }
        writePhysical8(physical, value);
    }

    /**
     * {@code rep stosd}: writes {@code value} to {@code words} consecutive 32-bit words from
     * {@code linear} (4-byte aligned). It translates once per page, as each page's first store
     * fills the TLB and the rest hit, and reports one {@link EventKind#PHYS_FILL} per page rather
     * than a thousand writes. Stops at the first fault, leaving the pages before it written.
     */
    public void fill32(int linear, int words, int value, int access) {
        if ((linear & 3) != 0 || words < 0) {
            throw new IllegalArgumentException("fill needs a 4-byte aligned address and a word count >= 0, was "
                    + Hex.hex32(linear) + " and " + words);
        }
        int at = linear;
        int left = words;
        while (left > 0) {
            int inPage = Math.min(left, (0x1000 - (at & 0xFFF)) >>> 2);
            int physical = mmu.translate(at, access | Access.WRITE);
            if (mmu.lastFault() != null) {
                return;
            }
            boolean changed = memory.fill32(physical, inPage, value);
            trace.event(EventKind.PHYS_FILL, physical, inPage, value, changed ? 1 : 0);
            at += inPage << 2;
            left -= inPage;
        }
    }

    /** A read or write with the full outcome, for views and scenarios. */
    public AccessResult access(int linear, int access, int value, int size) {
        if (size != 1 && size != 4) {
            throw new IllegalArgumentException("access size must be 1 or 4 bytes, was " + size);
        }
        boolean write = Access.isWrite(access);
        if (size == 4 && (linear & 0xFFF) > 0xFFC) {
            int result = 0;
            if (write) {
                writeCrossing(linear, value, access);
            } else {
                result = readCrossing(linear, access);
            }
            // Both pages were translated; describe the one holding the byte at linear.
            return mmu.lastFault() != null ? AccessResult.faulted(mmu.lastFault()) : AccessResult.ok(crossingFirst, result);
        }
        AccessResult r = mmu.translateAccess(linear, write ? access | Access.WRITE : access & ~Access.WRITE);
        if (r.isFault()) {
            return r;
        }
        if (!write) {
            return r.withValue(readAt(linear, r.physical(), size));
        }
        if (size == 4) {
            writePhysical32(r.physical(), value);
        } else {
            writePhysical8(r.physical(), value);
        }
        return r;
    }

    private int readCrossing(int linear, int access) {
        int[] physical = crossingPages(linear, access & ~Access.WRITE);
        if (physical == null) {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value |= memory.read8(physical[i]) << (i << 3);
        }
        trace.event(EventKind.DATA_READ, linear, physical[0], value, 4);
        return value;
    }

    private void writeCrossing(int linear, int value, int access) {
        int[] physical = crossingPages(linear, access | Access.WRITE);
        if (physical == null) {
            return;
        }
        for (int i = 0; i < 4; i++) {
            writePhysical8(physical[i], value >>> (i << 3));
        }
    }

    /** Both pages of a page-crossing access, translated before any byte moves. */
    private int[] crossingPages(int linear, int access) {
        int first = mmu.translate(linear, access);
        if (mmu.lastFault() != null) {
            return null;
        }
        crossingFirst = mmu.lastTranslation(linear);
        int secondLinear = (linear | 0xFFF) + 1;
        int second = mmu.translate(secondLinear, access);
        if (mmu.lastFault() != null) {
            return null;
        }
        int[] physical = new int[4];
        for (int i = 0; i < 4; i++) {
            int at = linear + i;
            physical[i] = (at & ~0xFFF) == (linear & ~0xFFF) ? first + i : second + (at - secondLinear);
        }
        return physical;
    }

    // ---- Physical accesses (a debugger's or boot loader's view, bypassing the MMU) ------------

    public int readPhysical32(int physical) {
        return memory.read32(physical);
    }

    public int readPhysical8(int physical) {
        return memory.read8(physical);
    }

    public void writePhysical32(int physical, int value) {
        int old = memory.write32(physical, value);
        if (memory.isInstalled(physical)) {
            trace.event(EventKind.PHYS_WRITE, physical, old, value, 4);
        }
    }

    public void writePhysical8(int physical, int value) {
        int old = memory.write8(physical, value);
        if (memory.isInstalled(physical)) {
            trace.event(EventKind.PHYS_WRITE, physical, old, value & 0xFF, 1);
        }
    }

    // ---- Instructions ---------------------------------------------------------------------

    /** INVLPG: drops the TLB entries for the page holding {@code linear}, global or not. */
    public int invlpg(int linear) {
        int removed = tlb.invalidatePage(linear, InvalidationCause.INVLPG);
        trace.event(EventKind.INVLPG, linear, removed, 0, 0);
        return removed;
    }

    // ---- Staleness ------------------------------------------------------------------------

    /**
     * How the TLB entry at (set, way) disagrees with what the page tables in memory say now for
     * its page (through the current CR3), or {@code null} if it agrees or is empty.
     */
    public Staleness staleness(int set, int way) {
        TlbEntry e = tlb.entry(set, way);
        return e.isValid() ? Staleness.of(e, mmu.probe(e.linearBase(), Access.KERNEL_READ)) : null;
    }

    public boolean isStale(int set, int way) {
        return staleness(set, way) != null;
    }

    // ---- Snapshots ------------------------------------------------------------------------

    public MachineSnapshot snapshot() {
        return new MachineSnapshot(config, memory.snapshot(), cr.cr0(), cr.cr2(), cr.cr3(), cr.cr4(), tlb.save());
    }

    public void restore(MachineSnapshot s) {
        if (!s.config.tlb().equals(config.tlb()) || s.config.ramFrames() != config.ramFrames()) {
            throw new IllegalArgumentException("snapshot of a machine with " + s.config
                    + " cannot be restored into one with " + config);
        }
        memory.restore(s.memory);
        cr.load(s.cr0, s.cr2, s.cr3, s.cr4);
        tlb.load(s.tlb);
    }

    /**
     * Begins an operation that may have to be undone as a whole (a guest kernel call): memory
     * writes are journalled, registers and TLB saved. End it with {@link #commit()} or
     * {@link #rollback()}. Cheaper than {@link #snapshot()} when the operation is usually kept.
     */
    public void begin() {
        if (pending) {
            throw new IllegalStateException("begin inside a transaction");
        }
        pending = true;
        savedCr0 = cr.cr0();
        savedCr2 = cr.cr2();
        savedCr3 = cr.cr3();
        savedCr4 = cr.cr4();
        memory.beginJournal();
        tlb.beginJournal();
    }

    public void commit() {
        memory.commitJournal();
        tlb.commitJournal();
        pending = false;
    }

    /** Puts memory, registers and TLB back as they were at {@link #begin()}. */
    public void rollback() {
        if (!pending) {
            throw new IllegalStateException("rollback without begin");
        }
        memory.rollback();
        tlb.rollbackJournal();
        cr.load(savedCr0, savedCr2, savedCr3, savedCr4);
        pending = false;
    }

    /** A new machine in the state of {@code s}. */
    public static Machine of(MachineSnapshot s) {
        Machine m = new Machine(s.config);
        m.restore(s);
        return m;
    }
}
