package org.pagewalk.inspect;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.explain.Narrator;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.PageFault;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;

/**
 * The walk view's steps for one translation: which station each event of it reaches, what it
 * read there, and the {@link Narrator}'s sentence. The last translation in the events is the one
 * shown (a guest call makes many; the page shows the one the user asked for).
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
        steps.add(new WalkStep(WalkStep.CR3, begin.linear(), begin.access(), Narrator.walkStart(begin)));
        for (int i = start + 1; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            String sentence = Narrator.step(e);
            if (sentence == null) {
                continue;
            }
            switch (e.kind()) {
                case TLB_HIT:
                    steps.add(WalkStep.tlbHit(e.physical(), sentence));
                    break;
                case TLB_FILL:
                    steps.add(new WalkStep(WalkStep.TLB, e.frame(), e.pageNumber(), sentence));
                    break;
                case TLB_EVICT:
                    steps.add(new WalkStep(WalkStep.TLB, e.frame(), e.pageNumber(), sentence));
                    break;
                case PDE_READ: {
                    int dir = e.entryAddress() & EntryBits.FRAME_4K;
                    steps.add(new WalkStep(WalkStep.CR3, dir, dir, Narrator.directoryBase(e)));
                    steps.add(new WalkStep(WalkStep.DIRECTORY, e.entryAddress(), e.entry(), sentence));
                    break;
                }
                case PTE_READ:
                    steps.add(new WalkStep(WalkStep.TABLE, e.entryAddress(), e.entry(), sentence));
                    break;
                case ACCESSED_SET:
                case DIRTY_SET:
                    steps.add(new WalkStep(e.level() == PageFault.LEVEL_PDE ? WalkStep.DIRECTORY : WalkStep.TABLE,
                            e.entryAddress(), e.newValue(), sentence));
                    break;
                case TRANSLATED:
                    steps.add(new WalkStep(WalkStep.FRAME, e.physical(), 0, sentence));
                    return steps;
                case PAGE_FAULT:
                    steps.add(new WalkStep(WalkStep.FAULT, e.linear(), e.errorCode(), sentence));
                    return steps;
                default:
                    // TLB_MISS, the re-walks, the fault's invalidation: a TLB step with no address.
                    steps.add(new WalkStep(WalkStep.TLB, 0, 0, sentence));
                    break;
            }
        }
        return steps;
    }
}
