package org.pagewalk.inspect;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.PageFault;
import org.pagewalk.text.Hex;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.InvalidationCause;
import org.pagewalk.trace.TraceEvent;

/**
 * Turns the trace of one access into the walk view's steps, one plain sentence each, with the
 * numbers filled in. The last translation in the events is narrated (a guest call makes many;
 * the page shows the one the user asked for).
 */
public final class WalkNarration {
    private WalkNarration() {
    }

    /** The steps of the last WALK_START .. TRANSLATED/PAGE_FAULT in {@code events}. */
    public static List<WalkStep> lastWalk(List<TraceEvent> events) {
        int start = -1;
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).kind() == EventKind.WALK_START) {
                start = i;
                break;
            }
        }
        List<WalkStep> steps = new ArrayList<>();
        if (start < 0) {
            return steps;
        }
        TraceEvent begin = events.get(start);
        int linear = begin.a();
        int access = begin.b();
        steps.add(new WalkStep(WalkStep.CR3, linear, access, "Translate " + Hex.hex32(linear) + " for a "
                + Access.describe(access) + ": directory index " + (linear >>> 22) + " (bits 31..22), table index "
                + ((linear >>> 12) & 0x3FF) + " (bits 21..12), offset " + Hex.hex(linear & 0xFFF, 3) + " (bits 11..0)."));
        for (int i = start + 1; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            switch (e.kind()) {
                case TLB_HIT:
                    steps.add(new WalkStep(WalkStep.TLB, e.d(), 0, "TLB hit in set " + e.b() + ", way " + e.c()
                            + ": the TLB already knows this page, so the CPU skips the walk and reads no entry."));
                    break;
                case TLB_MISS:
                    steps.add(new WalkStep(WalkStep.TLB, 0, 0, "TLB miss in set " + e.b()
                            + ": the CPU must walk the page tables in memory."));
                    break;
                case TLB_DIRTY_REWALK:
                    steps.add(new WalkStep(WalkStep.TLB, 0, 0, "The TLB has this page, but its Dirty bit is clear: "
                            + "a write makes the CPU walk again to set Dirty in memory."));
                    break;
                case TLB_RIGHTS_REWALK:
                    steps.add(new WalkStep(WalkStep.TLB, 0, 0, "The TLB has this page with rights that do not allow "
                            + "this access: the entry is dropped and the page tables decide."));
                    break;
                case PDE_READ: {
                    int dir = e.a() & EntryBits.FRAME_4K;
                    steps.add(new WalkStep(WalkStep.CR3, dir, dir, "CR3 holds the page directory's physical address: "
                            + Hex.hex32(dir) + "."));
                    steps.add(new WalkStep(WalkStep.DIRECTORY, e.a(), e.b(), "PDE " + e.c() + " at physical "
                            + Hex.hex32(e.a()) + " (" + Hex.hex32(dir) + " + 4 x " + e.c() + ") = "
                            + EntryBits.describe(e.b(), 2, e.d() != 0) + "."));
                    break;
                }
                case PTE_READ:
                    steps.add(new WalkStep(WalkStep.TABLE, e.a(), e.b(), "PTE " + e.c() + " at physical "
                            + Hex.hex32(e.a()) + " (" + Hex.hex32(e.a() & EntryBits.FRAME_4K) + " + 4 x " + e.c() + ") = "
                            + EntryBits.describe(e.b(), 1, true) + "."));
                    break;
                case ACCESSED_SET:
                    steps.add(new WalkStep(e.d() == 2 ? WalkStep.DIRECTORY : WalkStep.TABLE, e.a(), e.c(),
                            "The CPU sets Accessed in the " + (e.d() == 2 ? "PDE" : "PTE") + ": " + Hex.hex32(e.b())
                                    + " becomes " + Hex.hex32(e.c()) + " in memory."));
                    break;
                case DIRTY_SET:
                    steps.add(new WalkStep(e.d() == 2 ? WalkStep.DIRECTORY : WalkStep.TABLE, e.a(), e.c(),
                            "A write: the CPU sets Dirty in the " + (e.d() == 2 ? "PDE" : "PTE") + ": " + Hex.hex32(e.b())
                                    + " becomes " + Hex.hex32(e.c()) + "."));
                    break;
                case TLB_FILL:
                    steps.add(new WalkStep(WalkStep.TLB, e.d(), e.c(), "The translation is cached in TLB set " + e.a()
                            + ", way " + e.b() + ", so the next access to this page needs no walk."));
                    break;
                case TLB_EVICT:
                    steps.add(new WalkStep(WalkStep.TLB, e.d(), e.c(), "The set was full: the least recently used entry (page "
                            + Hex.hex32(e.c() << 12) + ") is evicted."));
                    break;
                case TLB_INVALIDATE:
                    if (e.d() == InvalidationCause.PAGE_FAULT) {
                        steps.add(new WalkStep(WalkStep.TLB, 0, 0, "The fault removes the TLB entry for this page."));
                    }
                    break;
                case TRANSLATED:
                    steps.add(new WalkStep(WalkStep.FRAME, e.b(), 0, (e.c() == 4096
                            ? "4 MiB page: frame " + Hex.hex32(e.b() & EntryBits.FRAME_4M) + " + offset "
                                    + Hex.hex(e.a() & 0x3FFFFF, 6) + " (bits 21..0)"
                            : "Frame " + Hex.hex32(e.b() & EntryBits.FRAME_4K) + " + offset " + Hex.hex(e.a() & 0xFFF, 3))
                            + " = physical " + Hex.hex32(e.b()) + "."));
                    return steps;
                case PAGE_FAULT:
                    steps.add(new WalkStep(WalkStep.FAULT, e.a(), e.b(), "Page fault (#PF): error code " + Hex.hex(e.b(), 1)
                            + " = " + PageFault.spell(e.b()) + "; CR2 = " + Hex.hex32(e.a()) + " (the faulting address)."));
                    return steps;
                default:
                    break;
            }
        }
        return steps;
    }
}
