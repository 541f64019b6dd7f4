package org.pagewalk.machine;

import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.InvalidationCause;
import org.pagewalk.trace.TraceListener;

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
    private final TraceListener trace;
    // What the last translate did, for the descriptive form (translateAccess): the fault it
    // raised, or the TLB index that served (hit) or was filled by it (walk).
    private PageFault lastFault;
    private int lastTlbIndex = -1;
    private boolean lastHit;

    Mmu(ControlRegisters cr, Tlb tlb, PageWalker walker, TraceListener trace) {
        this.cr = cr;
        this.tlb = tlb;
        this.walker = walker;
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
        lastTlbIndex = -1;
        lastHit = false;
        if (!cr.paging()) {
            return linear;
        }
        trace.event(EventKind.WALK_START, linear, access, 0, 0);
        int index = tlb.lookup(linear);
        if (index >= 0) {
            int flags = tlb.flags(index);
            if (AccessRights.permits(cr.writeProtect(), access, flags) && (!Access.isWrite(access) || (flags & Tlb.DIRTY) != 0)) {
                return hit(index, linear, access, flags);
            }
            dropForRewalk(index, linear, access, flags);
            tlb.countMiss();
            return walkAndFill(linear, access);
        }
        trace.event(EventKind.TLB_MISS, linear, tlb.setOf(linear), 0, 0);
        tlb.countMiss();
        // A second call site on purpose: TeaVM inlines a method called from one place whatever its
        // size, and with the walk inside it this method is too big for V8 to inline into its callers.
        return walkAndFill(linear, access);
    }

    // translate's parts are methods of their own so that each stays small enough for the JIT to
    // compile hot paths together (HotSpot inlines a hot method only up to 325 bytes of bytecode).

    private int hit(int index, int linear, int access, int flags) {
        tlb.touch(index);
        tlb.countHit();
        lastTlbIndex = index;
        lastHit = true;
        int physical = tlb.physical(index, linear);
        trace.event(EventKind.TLB_HIT, linear, tlb.setOfIndex(index), tlb.wayOfIndex(index), physical);
        trace.event(EventKind.TRANSLATED, linear, physical, (flags & Tlb.LARGE) != 0 ? 4096 : 4, access);
        return physical;
    }

    /** The cached rights refuse the access, or a write needs D set: the entry goes and the walk decides. */
    private void dropForRewalk(int index, int linear, int access, int flags) {
        EventKind why = AccessRights.permits(cr.writeProtect(), access, flags) ? EventKind.TLB_DIRTY_REWALK
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
     * A miss: the walk and the fill. The usual miss (entries present, A already set, D already
     * set for a write, rights granted, no reserved bit) is walked and filled here in one method
     * that HotSpot compiles whole, emitting the walker's events in the walker's order; every
     * other walk (a fault, an A or D bit to write) goes to {@link PageWalker#walk}, which reads
     * the same entries again. Reading has no side effect, so whichever path runs, memory, TLB and
     * trace end the same.
     */
    private int walkAndFill(int linear, int access) {
        int directoryIndex = linear >>> 22;
        int pdeAddress = (cr.cr3() & ControlRegisterBits.CR3_BASE) | (directoryIndex << 2);
        int pde = walker.directories().read32(pdeAddress);
        boolean pse = cr.pse();
        int leafBits = Access.isWrite(access) ? EntryBits.PRESENT | EntryBits.ACCESSED | EntryBits.DIRTY
                : EntryBits.PRESENT | EntryBits.ACCESSED;
        boolean large = pse && (pde & EntryBits.PAGE_SIZE) != 0;
        int tableIndex = (linear >>> 12) & 0x3FF;
        int pteAddress = 0;
        int pte = 0;
        int leaf = pde;
        if (large) {
            if ((pde & EntryBits.PDE4M_RESERVED) != 0) {
                return walkAndFillSlowly(linear, access);
            }
        } else {
            pteAddress = (pde & EntryBits.FRAME_4K) | (tableIndex << 2);
            // A PTE beyond RAM reports its bus access between PDE_READ and PTE_READ: the walker's case.
            if ((pde & (EntryBits.PRESENT | EntryBits.ACCESSED)) != (EntryBits.PRESENT | EntryBits.ACCESSED)
                    || !walker.tables().isInstalled(pteAddress)) {
                return walkAndFillSlowly(linear, access);
            }
            pte = walker.tables().read32(pteAddress);
            leaf = pte;
        }
        int rights = pde & leaf;
        if ((leaf & leafBits) != leafBits || !AccessRights.permits(cr.writeProtect(), access, rights)) {
            return walkAndFillSlowly(linear, access);
        }
        trace.event(EventKind.PDE_READ, pdeAddress, pde, directoryIndex, pse ? 1 : 0);
        if (!large) {
            trace.event(EventKind.PTE_READ, pteAddress, pte, tableIndex, 0);
        }
        return fill(linear, access, large, leaf & (large ? EntryBits.FRAME_4M : EntryBits.FRAME_4K), rights,
                pdeAddress, pde, pteAddress, pte);
    }

    /** The walker's way: faults, and walks that write A or D. */
    private int walkAndFillSlowly(int linear, int access) {
        PageFault fault = walker.walk(cr.cr3(), cr.pse(), cr.pge(), cr.writeProtect(), linear, access, true);
        if (fault != null) {
            raise(fault);
            return 0;
        }
        int base = walker.large ? walker.physical & EntryBits.FRAME_4M : walker.physical & EntryBits.FRAME_4K;
        return fill(linear, access, walker.large, base, walker.rights, walker.pdeAddress, walker.pde,
                walker.pteAddress, walker.pte);
    }

    /** Caches a successful walk; its leaf is the PTE, or the PDE of a 4 MiB page. */
    private int fill(int linear, int access, boolean large, int base, int rights, int pdeAddress, int pde,
                     int pteAddress, int pte) {
        int leaf = large ? pde : pte;
        lastTlbIndex = tlb.fill(linear, large, base, rights, (leaf & EntryBits.DIRTY) != 0,
                cr.pge() && (leaf & EntryBits.GLOBAL) != 0, pdeAddress, pde, pteAddress, pte);
        int physical = large ? base | (linear & 0x003FFFFF) : base | (linear & 0xFFF);
        trace.event(EventKind.TRANSLATED, linear, physical, large ? 4096 : 4, access);
        return physical;
    }

    /** #PF: CR2, and (SDM §4.10.4.1) every TLB entry for the faulting page goes. */
    private void raise(PageFault fault) {
        lastFault = fault;
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
        if (lastTlbIndex < 0) {
            return identity(linear);
        }
        // On a miss, the entry just filled holds exactly what the walk found.
        return tlb.translation(lastTlbIndex, linear, lastHit);
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
