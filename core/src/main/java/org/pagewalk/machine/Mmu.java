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
        lastFault = null;
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
        } else {
            trace.event(EventKind.TLB_MISS, linear, tlb.setOf(linear), 0, 0);
        }
        tlb.countMiss();
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

    private int walkAndFill(int linear, int access) {
        PageFault fault = walker.walk(cr.cr3(), cr.pse(), cr.pge(), cr.writeProtect(), linear, access, true);
        if (fault != null) {
            raise(fault);
            return 0;
        }
        int base = walker.large ? walker.physical & EntryBits.FRAME_4M : walker.physical & EntryBits.FRAME_4K;
        lastTlbIndex = tlb.fill(linear, walker.large, base, walker.rights, walker.dirty, walker.global,
                walker.pdeAddress, walker.pde, walker.pteAddress, walker.pte);
        trace.event(EventKind.TRANSLATED, linear, walker.physical, walker.large ? 4096 : 4, access);
        return walker.physical;
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
        if (lastHit) {
            return tlb.translation(lastTlbIndex, linear);
        }
        return walked(linear);
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
