package org.pagewalk.guest;

import static org.pagewalk.guest.KernelLayout.GLOBALS;
import static org.pagewalk.guest.KernelLayout.INITIAL_PAGE_DIR;
import static org.pagewalk.guest.KernelLayout.KERNEL_START;
import static org.pagewalk.guest.KernelLayout.NUM_PAGE_DIRS;
import static org.pagewalk.guest.KernelLayout.virt;

import org.pagewalk.machine.ControlRegisterBits;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.Machine;
import org.pagewalk.text.Hex;
import org.pagewalk.trace.EventKind;

/**
 * CeanOS's memory manager (mm/mem.c, mm/malloc.c) running as a guest on the emulated machine.
 *
 * <p>Every global, the bitmap, pageDirs and every page-table entry live in emulated memory and
 * are read and written through kernel virtual addresses and the MMU, as the C code does: page
 * tables through the recursive window at 0xFFFFF000 / 0xFFC00000, globals through the kernel's
 * 4 MiB mapping at 0xC0000000. Nothing is kept on the Java side but the configuration, so a
 * machine snapshot captures the kernel's whole state.
 *
 * <p>Each public function is one step of the trace (entry with arguments, the machine events,
 * exit with the result). In the fixed variant a refused call restores the machine to exactly
 * the state before it; in the as-written variant the C code's defects play out, and a page
 * fault inside the kernel stops the call where it happened, as a panic would.
 */
public final class CeanOs {
    public static final int REC_PAGEDIR = 0xFFFFF000;
    public static final int REC_PAGETABLES = 0xFFC00000;
    public static final int HEADER_SIZE = 16;
    public static final int TYPE_FREE = 56;
    /** Fixed variant: the heap may grow to 256 MiB (0xD0000000..0xDFFFFFFF). */
    public static final int MAX_HEAP = 0x10000000;

    private final Machine m;
    private final GuestConfig config;
    private final KernelLayout layout;
    private final int kernelMalloc;
    private final KernelMemory mem;
    private final FrameAllocator frames;
    private int depth;

    private CeanOs(Machine m, GuestConfig config) {
        this.m = m;
        this.config = config;
        this.layout = new KernelLayout(config.has(Defect.BITMAP_512_MIB));
        this.kernelMalloc = config.has(Defect.HEAP_IN_USER_HALF) ? KernelLayout.KERNEL_MALLOC_AS_WRITTEN
                : KernelLayout.KERNEL_MALLOC_FIXED;
        this.mem = new KernelMemory(m);
        this.frames = new FrameAllocator(m, config, layout, mem);
    }

    /**
     * The state CeanOS's boot.s leaves: {@code initial_page_dir} with PDE 0 = 0x83 (4 MiB identity)
     * and PDEs 768..771 mapping 0xC0000000..0xC0FFFFFF to physical 0..16 MiB, CR3 = its physical
     * address, CR4.PSE = 1, CR0.PG = 1. The kernel image must fit in installed RAM; PDEs that map
     * beyond it are kept as boot.s writes them (accesses there read all ones).
     */
    public static CeanOs boot(Machine m, GuestConfig config) {
        CeanOs os = new CeanOs(m, config);
        if (!m.memory().isInstalled(os.layout.kernelEnd() - 1)) {
            throw new IllegalArgumentException("CeanOS's kernel image ends at " + Hex.hex32(os.layout.kernelEnd())
                    + " and does not fit in " + m.memory().sizeText() + " of RAM: boot it with 4 MiB or more");
        }
        m.trace().text(EventKind.NOTE, "boot.s: initial_page_dir at " + Hex.hex32(INITIAL_PAGE_DIR)
                + ", PDE 0 and PDEs 768..771 are 4 MiB pages; CR3, CR4.PSE, CR0.PG", 0, 0);
        m.writePhysical32(INITIAL_PAGE_DIR, 0x83);
        for (int i = 0; i < 4; i++) {
            m.writePhysical32(INITIAL_PAGE_DIR + (768 + i) * 4, (i << 22) | 0x83);
        }
        m.cr().writeCr3(INITIAL_PAGE_DIR);
        m.cr().writeCr4(m.cr().cr4() | ControlRegisterBits.CR4_PSE);
        m.cr().writeCr0(m.cr().cr0() | ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG);
        return os;
    }

    /** Attaches to a machine that already holds a booted CeanOS (after restoring a snapshot). */
    public static CeanOs attach(Machine m, GuestConfig config) {
        return new CeanOs(m, config);
    }

    public Machine machine() {
        return m;
    }

    public GuestConfig config() {
        return config;
    }

    public KernelLayout layout() {
        return layout;
    }

    /** KERNEL_MALLOC: 0xD0000000, or 0x0D000000 with the as-written header's typo. */
    public int kernelMalloc() {
        return kernelMalloc;
    }

    /** The kernel virtual address of initial_page_dir. */
    public int initialPageDir() {
        return virt(INITIAL_PAGE_DIR);
    }

    /** The kernel virtual address of pageDirs[i]. */
    public int pageDir(int i) {
        return virt(layout.pageDir(i));
    }

    /** The globals as they are in memory now (a debugger's read: no MMU, no events). */
    public GuestGlobals globals() {
        return new GuestGlobals(m, layout);
    }

    // ---- Calls ------------------------------------------------------------------------------

    private interface Body {
        int run();
    }

    /** A call's arguments as text, built only when a trace listener will read it. */
    private interface Args {
        String text();
    }

    private static final Args NO_ARGS = () -> "";

    private CallResult call(String name, Args args, boolean returnsValue, Body body) {
        boolean traced = m.trace().isListening();
        if (depth > 0) {
            if (traced) {
                m.trace().text(EventKind.GUEST_ENTER, name + "(" + args.text() + ")", depth, 0);
            }
            depth++;
            try {
                int v = body.run();
                if (traced) {
                    m.trace().text(EventKind.GUEST_EXIT, returnsValue ? name + " = " + Hex.hex32(v) : name, v, 0);
                }
                return returnsValue ? CallResult.value(name, v) : CallResult.done(name);
            } finally {
                depth--;
            }
        }
        m.begin();
        if (traced) {
            m.trace().text(EventKind.GUEST_ENTER, name + "(" + args.text() + ")", 0, 0);
        }
        depth = 1;
        try {
            int v = body.run();
            m.commit();
            if (traced) {
                m.trace().text(EventKind.GUEST_EXIT, returnsValue ? name + " = " + Hex.hex32(v) : name, v, 0);
            }
            return returnsValue ? CallResult.value(name, v) : CallResult.done(name);
        } catch (GuestStop stop) {
            if (stop.fault != null) {
                CallResult r = CallResult.faulted(name, stop.fault);
                if (config.isFixed()) {
                    m.rollback();
                } else {
                    m.commit();
                }
                m.trace().text(EventKind.GUEST_EXIT, r.error(), 0, 1);
                return r;
            }
            m.rollback();
            m.trace().text(EventKind.GUEST_EXIT, name + " refused: " + stop.refusal + " (nothing changed)", 0, 1);
            return CallResult.refused(name, stop.refusal);
        } catch (RuntimeException bug) {
            // Never leave the journal open: undo the half-done call, then let the caller report it.
            m.rollback();
            throw bug;
        } finally {
            depth = 0;
        }
    }

    // ---- The seed's functions -----------------------------------------------------------------

    public CallResult initMemory(int memHigh, int physicalAllocStart) {
        return call("initMemory", () -> Hex.hex32(memHigh) + ", " + Hex.hex32(physicalAllocStart), false, () -> {
            if (config.isFixed()) {
                frames.checkRange(physicalAllocStart, memHigh);
            }
            mem.writeGlobal(KernelLayout.MEM_NUM_VPAGES, 0);
            mem.wr32(initialPageDir(), 0);
            invalidate(0);
            mem.wr32(initialPageDir() + 1023 * 4, INITIAL_PAGE_DIR | PageFlags.PRESENT | PageFlags.WRITE);
            invalidate(REC_PAGEDIR);
            pmm_init(physicalAllocStart, memHigh);
            mem.fill(virt(layout.pageDirs()), NUM_PAGE_DIRS * 1024);
            mem.fill(virt(GLOBALS + KernelLayout.PAGE_DIR_USED), NUM_PAGE_DIRS / 4);
            return 0;
        });
    }

    public CallResult pmm_init(int memLow, int memHigh) {
        return call("pmm_init", () -> Hex.hex32(memLow) + ", " + Hex.hex32(memHigh), false, () -> {
            if (config.isFixed()) {
                frames.checkRange(memLow, memHigh);
            }
            frames.init(memLow, memHigh);
            return 0;
        });
    }

    public CallResult pmmAllocPageFrame() {
        return call("pmmAllocPageFrame", NO_ARGS, true, frames::alloc);
    }

    private int allocFrame() {
        return call("pmmAllocPageFrame", NO_ARGS, true, frames::alloc).value();
    }

    public CallResult memGetCurrentPageDir() {
        return call("memGetCurrentPageDir", NO_ARGS, true, this::currentPageDir);
    }

    private int currentPageDir() {
        return m.cr().cr3() + KERNEL_START;
    }

    public CallResult memChangePageDir(int pd) {
        return call("memChangePageDir", () -> Hex.hex32(pd), false, () -> {
            if (config.isFixed()) {
                checkDirectory(pd, false);
            }
            changePageDirBody(pd);
            return 0;
        });
    }

    private void changePageDir(int pd) {
        call("memChangePageDir", () -> Hex.hex32(pd), false, () -> {
            changePageDirBody(pd);
            return 0;
        });
    }

    private void changePageDirBody(int pd) {
        // MOV CR3 ignores bits 11:5 and 2:0 in 32-bit paging; keep PWT/PCD and the base.
        m.cr().writeCr3((pd - KERNEL_START) & (ControlRegisterBits.CR3_BASE | ControlRegisterBits.CR3_PWT
                | ControlRegisterBits.CR3_PCD));
    }

    /** Index of pageDirs[] that {@code pd} is, -1 for initial_page_dir; refuses anything else. */
    private int checkDirectory(int pd, boolean mustBeInPool) {
        if (pd == initialPageDir() && !mustBeInPool) {
            return -1;
        }
        int base = virt(layout.pageDirs());
        int offset = pd - base;
        if ((pd & 0xFFF) != 0 || Integer.compareUnsigned(offset, NUM_PAGE_DIRS << 12) >= 0) {
            throw GuestStop.refuse(Hex.hex32(pd) + " is not a page directory: expected " + (mustBeInPool ? "" : "initial_page_dir ("
                    + Hex.hex32(initialPageDir()) + ") or ") + "pageDirs[0..255] (" + Hex.hex32(base) + " + 4 KiB * i)");
        }
        int index = offset >>> 12;
        if (mem.rd8(virt(GLOBALS + KernelLayout.PAGE_DIR_USED) + index) == 0) {
            throw GuestStop.refuse("pageDirs[" + index + "] at " + Hex.hex32(pd) + " is not in use: allocate it with memAllocPageDir first");
        }
        return index;
    }

    public CallResult syncPageDirs() {
        return call("syncPageDirs", NO_ARGS, false, () -> {
            syncBody();
            return 0;
        });
    }

    private void syncBody() {
        int used = virt(GLOBALS + KernelLayout.PAGE_DIR_USED);
        for (int i = 0; i < NUM_PAGE_DIRS; i++) {
            if (mem.rd8(used + i) != 0) {
                int pd = pageDir(i);
                for (int j = 768; j < 1023; j++) {
                    int value = mem.rd32(initialPageDir() + j * 4) & ~PageFlags.OWNER;
                    if (mem.rd32(pd + j * 4) != value) {
                        mem.wr32(pd + j * 4, value);
                    }
                }
            }
        }
    }

    public CallResult memMapPage(int virtualAddr, int physAddr, int flags) {
        return memMapPage(virtualAddr, physAddr, flags, false);
    }

    /** {@code remap}: without the silent-remap defect a present mapping is replaced only when asked to. */
    public CallResult memMapPage(int virtualAddr, int physAddr, int flags, boolean remap) {
        return call("memMapPage", () -> Hex.hex32(virtualAddr) + ", " + Hex.hex32(physAddr) + ", " + PageFlags.format(flags)
                + (remap ? ", remap" : ""), false, () -> {
            mapBody(virtualAddr, physAddr, flags, remap);
            return 0;
        });
    }

    private void mapBody(int virtualAddr, int physAddr, int flags, boolean remap) {
        if (config.isFixed()) {
            checkMapArguments(virtualAddr, physAddr, flags);
        }
        int prevPageDir = 0;
        if (Integer.compareUnsigned(virtualAddr, KERNEL_START) >= 0) {
            prevPageDir = currentPageDir();
            if (prevPageDir != initialPageDir()) {
                changePageDir(initialPageDir());
            }
        }
        int pdIndex = virtualAddr >>> 22;
        int ptIndex = (virtualAddr >>> 12) & 0x3FF;
        int pde = mem.rd32(REC_PAGEDIR + pdIndex * 4);
        int pt = REC_PAGETABLES + (pdIndex << 12);
        if (config.isFixed() && (pde & PageFlags.PRESENT) != 0 && (pde & PageFlags.PS) != 0) {
            throw GuestStop.refuse(Hex.hex32(virtualAddr) + " lies inside the 4 MiB page of PDE " + pdIndex
                    + ": it has no page table to put a PTE in");
        }
        if ((pde & PageFlags.PRESENT) == 0) {
            int ptPAddr = allocFrame();
            // mem.c puts the caller's flags in the new PDE too. GLOBAL means nothing in a PDE that
            // points at a page table (SDM Vol. 3A Table 4-5: bit 8 ignored), but through the recursive
            // window that PDE is the PTE of the window page, where bit 8 is G: with CR4.PGE the window
            // page would outlive CR3 writes and the next directory's mapping would land in this
            // directory's table. The fixed kernel leaves GLOBAL out of the PDE.
            int pdeFlags = config.isFixed() ? flags & ~PageFlags.GLOBAL : flags;
            mem.wr32(REC_PAGEDIR + pdIndex * 4, ptPAddr | PageFlags.PRESENT | PageFlags.WRITE | PageFlags.OWNER | pdeFlags);
            invalidate(virtualAddr);
            mem.fill(pt, 1024);
        }
        int oldPte = mem.rd32(pt + ptIndex * 4);
        boolean wasPresent = (oldPte & PageFlags.PRESENT) != 0;
        // mem.c overwrites a present PTE unconditionally; that is the silent-remap defect, so a kernel
        // without it (fixed, or as-written with the switch off) refuses unless asked to remap.
        boolean checksRemap = !config.has(Defect.SILENT_REMAP);
        if (checksRemap && wasPresent && !remap) {
            throw GuestStop.refuse(Hex.hex32(virtualAddr) + " is already mapped to " + Hex.hex32(oldPte & EntryBits.FRAME_4K)
                    + ": unmap it first, or ask for a remap");
        }
        mem.wr32(pt + ptIndex * 4, physAddr | PageFlags.PRESENT | flags);
        if (!(checksRemap && wasPresent)) {
            mem.writeGlobal(KernelLayout.MEM_NUM_VPAGES, mem.readGlobal(KernelLayout.MEM_NUM_VPAGES) + 1);
        }
        invalidate(virtualAddr);
        if (prevPageDir != 0) {
            syncPageDirs();
            if (prevPageDir != initialPageDir()) {
                changePageDir(prevPageDir);
            }
        }
    }

    private void checkMapArguments(int virtualAddr, int physAddr, int flags) {
        if ((virtualAddr & 0xFFF) != 0) {
            throw GuestStop.refuse("the virtual address " + Hex.hex32(virtualAddr) + " is not page aligned (its low 12 bits must be 0)");
        }
        if ((physAddr & 0xFFF) != 0) {
            throw GuestStop.refuse("the physical address " + Hex.hex32(physAddr) + " is not page aligned (its low 12 bits must be 0)");
        }
        checkPhysical(physAddr);
        if ((flags & ~PageFlags.MAPPABLE) != 0) {
            throw GuestStop.refuse("flags " + PageFlags.format(flags) + " are not allowed: use WRITE, USER, PWT, PCD and GLOBAL "
                    + "(PRESENT is always set)");
        }
        if ((virtualAddr >>> 22) == 1023) {
            throw GuestStop.refuse(Hex.hex32(virtualAddr) + " is inside the recursive window (PDE 1023, 0xFFC00000 and up), "
                    + "where the page tables themselves appear");
        }
    }

    private void checkPhysical(int physAddr) {
        if (!m.memory().isInstalled(physAddr)) {
            throw GuestStop.refuse("the physical address " + Hex.hex32(physAddr) + " is beyond installed RAM ("
                    + m.memory().sizeText() + ")");
        }
    }

    public CallResult invalidate(int vaddr) {
        return call("invalidate", () -> Hex.hex32(vaddr), false, () -> {
            invalidateBody(vaddr);
            return 0;
        });
    }

    private void invalidateBody(int vaddr) {
        if (config.has(Defect.INVALIDATE_STACK_SLOT)) {
            // The caller pushed vaddr; "invlpg %0" with an "m" operand names that stack slot.
            int slot = virt(KernelLayout.INVALIDATE_ARG_SLOT);
            mem.wr32(slot, vaddr);
            m.invlpg(slot);
        } else {
            m.invlpg(vaddr);
        }
    }

    // ---- What a usable lab needs beyond the seed, in the same style -------------------------

    public CallResult pmmFreePageFrame(int physAddr) {
        return call("pmmFreePageFrame", () -> Hex.hex32(physAddr), false, () -> {
            frames.free(physAddr);
            return 0;
        });
    }

    /** Clears the PTE of {@code virtualAddr} and returns the frame it mapped (the caller frees it). */
    public CallResult memUnmapPage(int virtualAddr) {
        return call("memUnmapPage", () -> Hex.hex32(virtualAddr), true, () -> {
            if (config.isFixed() && (virtualAddr & 0xFFF) != 0) {
                throw GuestStop.refuse("the virtual address " + Hex.hex32(virtualAddr) + " is not page aligned (its low 12 bits must be 0)");
            }
            if (config.isFixed() && (virtualAddr >>> 22) == 1023) {
                // Its "PTEs" are the directory's own entries: clearing one unmaps a page table, or
                // (at 0xFFFFF000) the recursive entry itself, and every later kernel call faults.
                throw GuestStop.refuse(Hex.hex32(virtualAddr) + " is inside the recursive window (PDE 1023, 0xFFC00000 and up), "
                        + "where the page tables themselves appear");
            }
            int prevPageDir = 0;
            if (Integer.compareUnsigned(virtualAddr, KERNEL_START) >= 0) {
                prevPageDir = currentPageDir();
                if (prevPageDir != initialPageDir()) {
                    changePageDir(initialPageDir());
                }
            }
            int pdIndex = virtualAddr >>> 22;
            int pde = mem.rd32(REC_PAGEDIR + pdIndex * 4);
            int frame = 0;
            if ((pde & PageFlags.PRESENT) == 0 || (pde & PageFlags.PS) != 0) {
                if (config.isFixed()) {
                    throw GuestStop.refuse((pde & PageFlags.PRESENT) == 0
                            ? Hex.hex32(virtualAddr) + " is not mapped: PDE " + pdIndex + " is not present"
                            : Hex.hex32(virtualAddr) + " lies inside the 4 MiB page of PDE " + pdIndex + ": there is no PTE to clear");
                }
            } else {
                int pteAddress = REC_PAGETABLES + (pdIndex << 12) + ((virtualAddr >>> 12) & 0x3FF) * 4;
                int pte = mem.rd32(pteAddress);
                if ((pte & PageFlags.PRESENT) == 0) {
                    if (config.isFixed()) {
                        throw GuestStop.refuse(Hex.hex32(virtualAddr) + " is not mapped: its PTE is not present");
                    }
                } else {
                    frame = pte & EntryBits.FRAME_4K;
                    mem.wr32(pteAddress, 0);
                    mem.writeGlobal(KernelLayout.MEM_NUM_VPAGES, mem.readGlobal(KernelLayout.MEM_NUM_VPAGES) - 1);
                    invalidate(virtualAddr);
                }
            }
            if (prevPageDir != 0 && prevPageDir != initialPageDir()) {
                changePageDir(prevPageDir);
            }
            return frame;
        });
    }

    /** 1 if {@code virtualAddr} is mapped in the current directory (read through the recursive window). */
    public CallResult memIsPagePresent(int virtualAddr) {
        return call("memIsPagePresent", () -> Hex.hex32(virtualAddr), true, () -> {
            int pdIndex = virtualAddr >>> 22;
            int pde = mem.rd32(REC_PAGEDIR + pdIndex * 4);
            if ((pde & PageFlags.PRESENT) == 0) {
                return 0;
            }
            if ((pde & PageFlags.PS) != 0 && (m.cr().cr4() & ControlRegisterBits.CR4_PSE) != 0) {
                return 1;
            }
            return mem.rd32(REC_PAGETABLES + (pdIndex << 12) + ((virtualAddr >>> 12) & 0x3FF) * 4) & PageFlags.PRESENT;
        });
    }

    /**
     * Takes a free directory from the pageDirs pool: zeroed, its own recursive entry at PDE 1023,
     * the kernel half (PDEs 768..1022) copied by syncPageDirs. Returns its kernel virtual address.
     */
    public CallResult memAllocPageDir() {
        return call("memAllocPageDir", NO_ARGS, true, () -> {
            int used = virt(GLOBALS + KernelLayout.PAGE_DIR_USED);
            for (int i = 0; i < NUM_PAGE_DIRS; i++) {
                if (mem.rd8(used + i) == 0) {
                    mem.wr8(used + i, 1);
                    int pd = pageDir(i);
                    mem.fill(pd, 1024);
                    mem.wr32(pd + 1023 * 4, layout.pageDir(i) | PageFlags.PRESENT | PageFlags.WRITE);
                    syncPageDirs();
                    return pd;
                }
            }
            if (config.isFixed()) {
                throw GuestStop.refuse("the page-directory pool is full: all " + NUM_PAGE_DIRS + " pageDirs are in use");
            }
            return 0;
        });
    }

    /** Returns a directory to the pool and frees the page tables it owns (OWNER) in the user half. */
    public CallResult memFreePageDir(int pd) {
        return call("memFreePageDir", () -> Hex.hex32(pd), false, () -> {
            int index;
            if (config.isFixed()) {
                index = checkDirectory(pd, true);
                if (currentPageDir() == pd) {
                    throw GuestStop.refuse(Hex.hex32(pd) + " is the current page directory (CR3): switch to another one first");
                }
            } else {
                index = (pd - virt(layout.pageDirs())) >>> 12;
                if (index >= NUM_PAGE_DIRS) {
                    return 0;
                }
            }
            for (int j = 0; j < 768; j++) {
                int pde = mem.rd32(pd + j * 4);
                if ((pde & (PageFlags.PRESENT | PageFlags.OWNER | PageFlags.PS)) == (PageFlags.PRESENT | PageFlags.OWNER)) {
                    call("pmmFreePageFrame", () -> Hex.hex32(pde & EntryBits.FRAME_4K), false, () -> {
                        frames.free(pde & EntryBits.FRAME_4K);
                        return 0;
                    });
                    mem.wr32(pd + j * 4, 0);
                }
            }
            mem.wr8(virt(GLOBALS + KernelLayout.PAGE_DIR_USED) + index, 0);
            return 0;
        });
    }

    /** malloc.c's kmallocInit: the heap at KERNEL_MALLOC, grown page by page, then its first header. */
    public CallResult kmallocInit(int initialHeapSize) {
        return call("kmallocInit", () -> Hex.hex32(initialHeapSize), false, () -> {
            mem.writeGlobal(KernelLayout.HEAP_START, kernelMalloc);
            mem.writeGlobal(KernelLayout.HEAP_SIZE, 0);
            mem.writeGlobal(KernelLayout.THRESHOLD, 0);
            changeHeapSize(initialHeapSize);
            int heapSize = mem.readGlobal(KernelLayout.HEAP_SIZE);
            mem.writeGlobal(KernelLayout.FIRST_MEMORY_SEGMENT, kernelMalloc);
            mem.wr32(kernelMalloc + 8, 0);                       // next
            mem.wr32(kernelMalloc, heapSize - HEADER_SIZE);      // length
            mem.wr32(kernelMalloc + 4, 0);                       // prev
            mem.wr8(kernelMalloc + 12, TYPE_FREE);               // flag
            mem.writeGlobal(KernelLayout.KMALLOC_INITIALIZED, 1);
            return 0;
        });
    }

    public CallResult changeHeapSize(int newSize) {
        return call("changeHeapSize", () -> Hex.hex32(newSize), true, () -> heapBody(newSize));
    }

    private int heapBody(int newSize) {
        if (config.isFixed() && (newSize < 0 || newSize > MAX_HEAP)) {
            throw GuestStop.refuse("heap size " + Hex.hex32(newSize) + " is out of range: 0 to " + Hex.hex32(MAX_HEAP) + " (256 MiB)");
        }
        int heapSize = mem.readGlobal(KernelLayout.HEAP_SIZE);
        // malloc.c computes with int: CEIL_DIV(x, 0x1000) = (x + 0xFFF) / 0x1000.
        int oldPageTop = (heapSize + 0xFFF) / 0x1000;
        int newPageTop = (newSize + 0xFFF) / 0x1000;
        if (newPageTop > oldPageTop) {
            int diff = newPageTop - oldPageTop;
            for (int i = 0; i < diff; i++) {
                int phys = allocFrame();
                memMapPage(kernelMalloc + oldPageTop * 0x1000 + i * 0x1000, phys, PageFlags.WRITE);
            }
        }
        mem.writeGlobal(KernelLayout.HEAP_SIZE, newSize);
        return 0;
    }
}
