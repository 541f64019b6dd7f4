package org.pagewalk.machine;

import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceListener;

/**
 * The 32-bit paging walk of SDM Vol. 3A §4.3: CR3 -> PDE -> (PTE) -> frame, one method per step.
 *
 * <p>Order of checks (as Bochs documents it): present, then reserved bits, then rights.
 * Accessed/Dirty policy (§4.8, following QEMU; see X86-FACTS.md): a PDE that points to a page
 * table gets A before the PTE is read, so a walk that then faults at the PTE leaves the PDE's A
 * set; the leaf gets A, and D on a write, only after the rights check passes. Only bits that
 * change are written, each write reported with its old and new value.
 *
 * <p>The result of the last walk lives in this object's fields rather than in a new object: the
 * walk runs on every TLB miss and must not allocate (TeaVM's JavaScript). {@link Mmu} turns them
 * into a {@link Translation} when asked. A failed walk returns its {@link PageFault}, built where
 * the walk stopped: faults are rare, so they may allocate.
 */
final class PageWalker {
    private final PhysicalMemory memory;
    private final TraceListener trace;
    private final FrameCache directories;
    private final FrameCache tables;

    // The last walk.
    int physical;
    boolean large;
    int rights;
    boolean global;
    boolean dirty;
    int pdeAddress;
    int pde;
    int pteAddress;
    int pte;

    PageWalker(PhysicalMemory memory, TraceListener trace) {
        this.memory = memory;
        this.trace = trace;
        this.directories = new FrameCache(memory);
        this.tables = new FrameCache(memory);
    }

    /** The directory reads' cache: {@link Mmu}'s fused miss reads the same frames through it. */
    FrameCache directories() {
        return directories;
    }

    /** The page-table reads' cache. */
    FrameCache tables() {
        return tables;
    }

    /**
     * Walks for {@code linear}. With {@code sideEffects} false it sets no A/D bit and reports
     * nothing: the debugger's walk, for previews and staleness checks. Returns {@code null} when the
     * walk succeeded (the result is in the fields), or the page fault it raises.
     */
    PageFault walk(int cr3, boolean pse, boolean pge, boolean wp, int linear, int access, boolean sideEffects) {
        pteAddress = 0;
        pte = 0;
        large = false;
        readPde(cr3, pse, linear, sideEffects);
        if (!isPresent(pde)) {
            return fault(PageFault.notPresent(), access, linear, PageFault.LEVEL_PDE);
        }
        if (isLargePage(pse)) {
            return largePage(pge, wp, linear, access, sideEffects);
        }
        if (sideEffects) {
            pde = setAccessed(pdeAddress, pde, PageFault.LEVEL_PDE);
        }
        readPte(linear, sideEffects);
        if (!isPresent(pte)) {
            return fault(PageFault.notPresent(), access, linear, PageFault.LEVEL_PTE);
        }
        rights = pde & pte & (EntryBits.WRITE | EntryBits.USER);
        if (!AccessRights.permits(wp, access, rights)) {
            return fault(PageFault.protection(), access, linear, PageFault.LEVEL_PTE);
        }
        if (sideEffects) {
            pte = setAccessedAndDirty(pteAddress, pte, access, PageFault.LEVEL_PTE);
        }
        global = pge && (pte & EntryBits.GLOBAL) != 0;
        dirty = (pte & EntryBits.DIRTY) != 0;
        physical = (pte & EntryBits.FRAME_4K) | (linear & 0xFFF);
        return null;
    }

    /** The PDE maps a 4 MiB page (a method of its own so that {@link #walk} stays small for the JIT). */
    private PageFault largePage(boolean pge, boolean wp, int linear, int access, boolean sideEffects) {
        large = true;
        if (!checkReservedBits()) {
            return fault(PageFault.reserved(), access, linear, PageFault.LEVEL_PDE);
        }
        rights = pde & (EntryBits.WRITE | EntryBits.USER);
        if (!AccessRights.permits(wp, access, rights)) {
            return fault(PageFault.protection(), access, linear, PageFault.LEVEL_PDE);
        }
        if (sideEffects) {
            pde = setAccessedAndDirty(pdeAddress, pde, access, PageFault.LEVEL_PDE);
        }
        global = pge && (pde & EntryBits.GLOBAL) != 0;
        dirty = (pde & EntryBits.DIRTY) != 0;
        physical = (pde & EntryBits.FRAME_4M) | (linear & 0x003FFFFF);
        return null;
    }

    private void readPde(int cr3, boolean pse, int linear, boolean sideEffects) {
        int directoryIndex = linear >>> 22;
        pdeAddress = (cr3 & ControlRegisterBits.CR3_BASE) | (directoryIndex << 2);
        pde = directories.read32(pdeAddress);
        if (sideEffects) {
            trace.event(EventKind.PDE_READ, pdeAddress, pde, directoryIndex, pse ? 1 : 0);
        }
    }

    private void readPte(int linear, boolean sideEffects) {
        int tableIndex = (linear >>> 12) & 0x3FF;
        pteAddress = (pde & EntryBits.FRAME_4K) | (tableIndex << 2);
        pte = tables.read32(pteAddress);
        if (sideEffects) {
            trace.event(EventKind.PTE_READ, pteAddress, pte, tableIndex, 0);
        }
    }

    private static boolean isPresent(int entry) {
        return (entry & EntryBits.PRESENT) != 0;
    }

    /** PS means a 4 MiB page only while CR4.PSE = 1; otherwise it is ignored (§4.3). */
    private boolean isLargePage(boolean pse) {
        return pse && (pde & EntryBits.PAGE_SIZE) != 0;
    }

    private boolean checkReservedBits() {
        return (pde & EntryBits.PDE4M_RESERVED) == 0;
    }

    private PageFault fault(PageFault.Builder kind, int access, int linear, int level) {
        return kind.access(access).at(linear).entry(level, level == PageFault.LEVEL_PDE ? pdeAddress : pteAddress,
                level == PageFault.LEVEL_PDE ? pde : pte).build();
    }

    private int setAccessed(int address, int entry, int level) {
        if ((entry & EntryBits.ACCESSED) != 0) {
            return entry;
        }
        int updated = entry | EntryBits.ACCESSED;
        memory.write32(address, updated);
        trace.event(EventKind.ACCESSED_SET, address, entry, updated, level);
        return updated;
    }

    private int setAccessedAndDirty(int address, int entry, int access, int level) {
        int updated = setAccessed(address, entry, level);
        if (Access.isWrite(access) && (updated & EntryBits.DIRTY) == 0) {
            int withDirty = updated | EntryBits.DIRTY;
            memory.write32(address, withDirty);
            trace.event(EventKind.DIRTY_SET, address, updated, withDirty, level);
            return withDirty;
        }
        return updated;
    }
}
