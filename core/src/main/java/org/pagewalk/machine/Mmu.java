package org.pagewalk.machine;

import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.InvalidationCause;
import org.pagewalk.trace.Trace;

/**
 * Linear -> physical for every access: the TLB first, the walk on a miss (SDM §4.10.2).
 *
 * <p>A hit is served only if the cached combined rights allow the access under the current
 * CR0.WP and CPL; otherwise the entry is dropped and the walk decides (as Bochs and QEMU do:
 * the SDM permits a fault straight from the TLB, but a re-walk shows the tables' verdict).
 * A write through an entry whose D is clear drops it and walks again to set D in memory
 * (§4.8). A fault sets CR2 and removes any entry for the faulting page; not-present
 * translations are never cached.
 */
public final class Mmu {
    private final ControlRegisters cr;
    private final Tlb tlb;
    private final PageWalker walker;
    // The walker's caches of the last directory and table frame read, for the usual miss's reads
    // (fields here: through the walker they were two loads each in TeaVM's output).
    private final FrameCache directories;
    private final FrameCache tables;
    private final Trace trace;
    // What the last translate did, for the descriptive form (translateAccess): the fault it
    // raised, and in one int (one store on a hit) the TLB index that served it (index >= 0),
    // the index a walk filled (FILLED - index), or none (NONE: paging off or a fault).
    private PageFault lastFault;
    private int lastTlbIndex = NONE;
    private static final int NONE = -1;
    private static final int FILLED = -2;

    Mmu(ControlRegisters cr, Tlb tlb, PageWalker walker, Trace trace) {
        this.cr = cr;
        this.tlb = tlb;
        this.walker = walker;
        this.directories = walker.directories();
        this.tables = walker.tables();
        this.trace = trace;
    }

    /**
     * The fast form: the physical address, or 0 with {@link #lastFault()} set when the access
     * faults. Allocates nothing unless it faults; the guest kernel's accesses use it.
     */
    int translate(int linear, int access) {
        if (lastFault != null) {
            lastFault = null; // tested first: storing a reference costs a GC barrier on every translation
        }
        // CR0 read once: PG and WP are both in it (ControlRegisters' getters are two calls that
        // V8 does not always inline into the hit).
        int cr0 = cr.cr0();
        if ((cr0 & ControlRegisterBits.CR0_PG) == 0) {
            lastTlbIndex = NONE;
            return linear;
        }
        // Every event is behind this test, so with no listener its arguments are not computed
        // (nor, in TeaVM's output, EventKind's class-initialisation check made).
        boolean listening = trace.isListening();
        if (listening) {
            trace.event(EventKind.WALK_START, linear, access, 0, 0);
        }
        int index = tlb.lookup(linear);
        boolean wp = (cr0 & ControlRegisterBits.CR0_WP) != 0;
        if (index >= 0) {
            if (tlb.allows(index, Tlb.hitRequires(wp, access))) {
                int physical = tlb.serve(index, linear); // counts the hit (Tlb.hits)
                lastTlbIndex = index;
                if (listening) {
                    hitEvents(index, linear, access, physical);
                }
                return physical;
            }
            return walkAndFill(linear, access, index, wp);
        }
        // A second call site on purpose: TeaVM inlines a method called from one place whatever its
        // size, and with the walk inside it this method is too big for V8 to inline into its callers.
        return walkAndFill(linear, access, -1, wp);
    }

    // translate's parts are methods of their own so that each stays small enough for the JIT to
    // compile hot paths together (HotSpot inlines a hot method only up to 325 bytes of bytecode).

    private void hitEvents(int index, int linear, int access, int physical) {
        trace.event(EventKind.TLB_HIT, linear, tlb.setOfIndex(index), tlb.wayOfIndex(index), physical);
        trace.event(EventKind.TRANSLATED, linear, physical, (tlb.flags(index) & Tlb.LARGE) != 0 ? 4096 : 4, access);
    }

    /** The cached rights refuse the access, or a write needs D set: the entry goes and the walk decides. */
    private void dropForRewalk(int index, int linear, int access) {
        EventKind why = AccessRights.permits(cr.writeProtect(), access, tlb.flags(index)) ? EventKind.TLB_DIRTY_REWALK
                : EventKind.TLB_RIGHTS_REWALK;
        trace.event(why, linear, tlb.setOfIndex(index), tlb.wayOfIndex(index), 0);
        tlb.invalidate(index, InvalidationCause.REWALK);
    }

    /** The descriptive form: the same translation, as a value that says hit, walk or fault. */
    AccessResult translateAccess(int linear, int access) {
        translate(linear, access);
        return lastFault != null ? AccessResult.faulted(lastFault) : AccessResult.ok(lastTranslation(linear), 0);
    }

    /**
     * A miss (no entry: {@code refused} is -1), or an entry at {@code refused} that cannot serve
     * this access and goes first: the walk and the fill, in one method. The usual miss (entries
     * present, A already set, D already set for a write, rights granted, no reserved bit) is
     * walked here, emitting the walker's events in the walker's order; every other walk (a fault,
     * an A or D bit to write) goes to {@link PageWalker#walk}, which reads the same entries again.
     * Reading has no side effect, so whichever path runs, memory, TLB and trace end the same.
     *
     * <p>Kept whole on purpose: at over 325 bytes of bytecode HotSpot compiles it on its own
     * ("hot method too big") instead of into {@link #translate}, whose machine code then stays
     * small enough ({@code InlineSmallCode}) to be inlined into its callers, so a TLB hit is no
     * call. Split into parts under that size, the walk and fill were inlined into translate and
     * every hit paid a call.
     */
    private int walkAndFill(int linear, int access, int refused, boolean wp) {
        // Read once: every event of the miss is behind it (a listener is not attached mid-walk).
        boolean listening = trace.isListening();
        if (refused >= 0) {
            dropForRewalk(refused, linear, access);
        } else if (listening) {
            trace.event(EventKind.TLB_MISS, linear, tlb.setOf(linear), 0, 0);
        }
        tlb.countMiss();
        int directoryIndex = linear >>> 22;
        int pdeAddress = (cr.cr3() & ControlRegisterBits.CR3_BASE) | (directoryIndex << 2);
        int pde = directories.read32(pdeAddress);
        // CR4 read once, WP taken from translate's CR0: the getters were calls in TeaVM's output.
        int cr4 = cr.cr4();
        boolean pse = (cr4 & ControlRegisterBits.CR4_PSE) != 0;
        boolean pge = (cr4 & ControlRegisterBits.CR4_PGE) != 0;
        boolean large = pse && (pde & EntryBits.PAGE_SIZE) != 0;
        int tableIndex = (linear >>> 12) & 0x3FF;
        int pteAddress = large ? 0 : (pde & EntryBits.FRAME_4K) | (tableIndex << 2);
        boolean usual;
        int pte = 0;
        if (large) {
            usual = (pde & EntryBits.PDE4M_RESERVED) == 0;
        } else {
            // A PTE beyond RAM reports its bus access between PDE_READ and PTE_READ: the walker's case.
            usual = (pde & (EntryBits.PRESENT | EntryBits.ACCESSED)) == (EntryBits.PRESENT | EntryBits.ACCESSED)
                    && tables.isInstalled(pteAddress);
            if (usual) {
                pte = tables.read32(pteAddress);
            }
        }
        int leaf = large ? pde : pte;
        int rights = pde & leaf;
        int leafBits = Access.isWrite(access) ? EntryBits.PRESENT | EntryBits.ACCESSED | EntryBits.DIRTY
                : EntryBits.PRESENT | EntryBits.ACCESSED;
        // AccessRights.permits as its mask test, written here: a call in TeaVM's WebAssembly.
        int required = AccessRights.required(wp, access);
        int base;
        if (usual && (leaf & leafBits) == leafBits && (rights & required) == required) {
            if (listening) {
                trace.event(EventKind.PDE_READ, pdeAddress, pde, directoryIndex, pse ? 1 : 0);
                if (!large) {
                    trace.event(EventKind.PTE_READ, pteAddress, pte, tableIndex, 0);
                }
            }
            base = leaf & (large ? EntryBits.FRAME_4M : EntryBits.FRAME_4K);
        } else {
            PageFault fault = walker.walk(cr.cr3(), pse, pge, wp, linear, access, true);
            if (fault != null) {
                raise(fault);
                return 0;
            }
            large = walker.large;
            base = walker.physical & (large ? EntryBits.FRAME_4M : EntryBits.FRAME_4K);
            rights = walker.rights;
            pdeAddress = walker.pdeAddress;
            pde = walker.pde;
            pteAddress = walker.pteAddress;
            pte = walker.pte;
            leaf = large ? pde : pte;
        }
        lastTlbIndex = FILLED - tlb.fill(linear, large, base, rights, (leaf & EntryBits.DIRTY) != 0,
                pge && (leaf & EntryBits.GLOBAL) != 0, pdeAddress, pde, pteAddress, pte);
        int physical = large ? base | (linear & 0x003FFFFF) : base | (linear & 0xFFF);
        if (listening) {
            trace.event(EventKind.TRANSLATED, linear, physical, large ? 4096 : 4, access);
        }
        return physical;
    }

    /** #PF: CR2, and (SDM §4.10.4.1) every TLB entry for the faulting page goes. */
    private void raise(PageFault fault) {
        lastFault = fault;
        lastTlbIndex = NONE;
        cr.faulted(fault.linear());
        tlb.invalidatePage(fault.linear(), InvalidationCause.PAGE_FAULT);
        trace.event(EventKind.PAGE_FAULT, fault.linear(), fault.errorCode(), fault.level(), fault.entryValue());
    }

    /** The fault of the last {@link #translate}, or {@code null} if it succeeded. */
    PageFault lastFault() {
        return lastFault;
    }

    /**
     * The last successful translation as a value (allocates; not for hot paths): the TLB entry's
     * view on a hit, the walk's on a miss, the identity with paging off.
     */
    Translation lastTranslation(int linear) {
        if (lastTlbIndex == NONE) {
            return identity(linear);
        }
        // On a miss, the entry just filled holds exactly what the walk found.
        boolean hit = lastTlbIndex >= 0;
        return tlb.translation(hit ? lastTlbIndex : FILLED - lastTlbIndex, linear, hit);
    }

    /**
     * The debugger's walk: what the page tables in memory say now, ignoring the TLB, setting no
     * A/D, reporting nothing and leaving CR2 alone.
     */
    AccessResult probe(int linear, int access) {
        if (!cr.paging()) {
            return AccessResult.ok(identity(linear), 0);
        }
        PageFault fault = walker.walk(cr.cr3(), cr.pse(), cr.pge(), cr.writeProtect(), linear, access, false);
        return fault != null ? AccessResult.faulted(fault) : AccessResult.ok(walked(linear), 0);
    }

    private Translation walked(int linear) {
        return new Translation(linear, walker.physical, walker.large, walker.rights, walker.global, false,
                walker.pdeAddress, walker.pde, walker.pteAddress, walker.pte);
    }

    private static Translation identity(int linear) {
        return new Translation(linear, linear, false, EntryBits.WRITE | EntryBits.USER, false, false, 0, 0, 0, 0);
    }
}
