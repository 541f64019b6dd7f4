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
    private PageFault lastFault;
    private int lastTlbIndex = -1;

    Mmu(ControlRegisters cr, Tlb tlb, PageWalker walker, TraceListener trace) {
        this.cr = cr;
        this.tlb = tlb;
        this.walker = walker;
        this.trace = trace;
    }

    /**
     * Translates for an access. Returns the physical address, or 0 with {@link #lastFault()}
     * set when the access faults. No allocation unless it faults.
     */
    int translate(int linear, int access) {
        lastFault = null;
        lastTlbIndex = -1;
        if (!cr.paging()) {
            return linear;
        }
        trace.event(EventKind.WALK_START, linear, access, 0, 0);
        int index = tlb.lookup(linear);
        if (index >= 0) {
            int flags = tlb.flags(index);
            if (!AccessRights.permits(cr.writeProtect(), access, flags)) {
                trace.event(EventKind.TLB_RIGHTS_REWALK, linear, index / tlb.geometry().ways(),
                        index % tlb.geometry().ways(), 0);
                tlb.invalidate(index, InvalidationCause.REWALK);
            } else if (Access.isWrite(access) && (flags & Tlb.DIRTY) == 0) {
                trace.event(EventKind.TLB_DIRTY_REWALK, linear, index / tlb.geometry().ways(),
                        index % tlb.geometry().ways(), 0);
                tlb.invalidate(index, InvalidationCause.REWALK);
            } else {
                tlb.touch(index);
                tlb.countHit();
                lastTlbIndex = index;
                int physical = tlb.physical(index, linear);
                trace.event(EventKind.TLB_HIT, linear, index / tlb.geometry().ways(),
                        index % tlb.geometry().ways(), physical);
                trace.event(EventKind.TRANSLATED, linear, physical, (flags & Tlb.LARGE) != 0 ? 4096 : 4, access);
                return physical;
            }
        } else {
            trace.event(EventKind.TLB_MISS, linear, tlb.setOf(linear), 0, 0);
        }
        tlb.countMiss();
        return walkAndFill(linear, access);
    }

    private int walkAndFill(int linear, int access) {
        int status = walker.walk(cr.cr3(), cr.pse(), cr.pge(), cr.writeProtect(), linear, access, true);
        if (status != PageWalker.OK) {
            raise(linear, access);
            return 0;
        }
        int base = walker.large ? walker.physical & EntryBits.FRAME_4M : walker.physical & EntryBits.FRAME_4K;
        lastTlbIndex = tlb.fill(linear, walker.large, base, walker.rights, walker.dirty, walker.global,
                walker.pdeAddress, walker.pde, walker.pteAddress, walker.pte);
        trace.event(EventKind.TRANSLATED, linear, walker.physical, walker.large ? 4096 : 4, access);
        return walker.physical;
    }

    private void raise(int linear, int access) {
        lastFault = faultOfWalk(linear, access);
        cr.faulted(linear);
        tlb.invalidatePage(linear, InvalidationCause.PAGE_FAULT);
        trace.event(EventKind.PAGE_FAULT, linear, lastFault.errorCode(), lastFault.level(), lastFault.entryValue());
    }

    private PageFault faultOfWalk(int linear, int access) {
        int level = walker.faultLevel;
        PageFault.Builder b = (walker.faultKind & PageFault.RSVD) != 0 ? PageFault.reserved()
                : (walker.faultKind & PageFault.P) != 0 ? PageFault.protection() : PageFault.notPresent();
        return b.access(access).at(linear).entry(level,
                level == PageFault.LEVEL_PDE ? walker.pdeAddress : walker.pteAddress,
                level == PageFault.LEVEL_PDE ? walker.pde : walker.pte).build();
    }

    /** The fault of the last {@link #translate}, or {@code null} if it succeeded. */
    PageFault lastFault() {
        return lastFault;
    }

    /** The TLB index that served or was filled by the last successful translation, or -1. */
    int lastTlbIndex() {
        return lastTlbIndex;
    }

    /** A value describing the last successful translation (allocates; not for hot paths). */
    Translation lastTranslation(int linear, boolean hit) {
        if (lastTlbIndex < 0) {
            return new Translation(linear, linear, false, EntryBits.WRITE | EntryBits.USER, false, false, 0, 0, 0, 0);
        }
        if (hit) {
            return tlb.translation(lastTlbIndex, linear);
        }
        return new Translation(linear, walker.physical, walker.large, walker.rights, walker.global, false,
                walker.pdeAddress, walker.pde, walker.pteAddress, walker.pte);
    }

    /**
     * The debugger's walk: what the page tables in memory say now, ignoring the TLB, setting no
     * A/D, reporting nothing and leaving CR2 alone. Returns a {@link Translation} or a
     * {@link PageFault}.
     */
    Object probe(int linear, int access) {
        if (!cr.paging()) {
            return new Translation(linear, linear, false, EntryBits.WRITE | EntryBits.USER, false, false, 0, 0, 0, 0);
        }
        int status = walker.walk(cr.cr3(), cr.pse(), cr.pge(), cr.writeProtect(), linear, access, false);
        if (status != PageWalker.OK) {
            return faultOfWalk(linear, access);
        }
        return new Translation(linear, walker.physical, walker.large, walker.rights, walker.global, false,
                walker.pdeAddress, walker.pde, walker.pteAddress, walker.pte);
    }
}
