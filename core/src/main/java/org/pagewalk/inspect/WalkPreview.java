package org.pagewalk.inspect;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.explain.Narrator;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.Machine;
import org.pagewalk.trace.TraceRecorder;

/**
 * What an access to an address would do now, narrated step by step, without changing anything:
 * the access runs on a copy of the machine (a snapshot is copy-on-write, so this is cheap), with
 * its TLB, so a cached page shows as the hit the CPU would have. The walk view shows this for
 * the current address when the last action did not translate it.
 */
public final class WalkPreview {
    private WalkPreview() {
    }

    public static List<WalkStep> of(Machine machine, int linear, int access) {
        if (!machine.cr().paging()) {
            List<WalkStep> steps = new ArrayList<>();
            steps.add(new WalkStep(WalkStep.FRAME, linear, 0, Narrator.pagingOff(linear)));
            return steps;
        }
        Machine copy = Machine.of(machine.snapshot());
        TraceRecorder recorder = new TraceRecorder(256);
        copy.trace().attach(recorder);
        copy.translate(linear, access & (Access.WRITE | Access.USER));
        return WalkNarration.lastWalk(recorder.events());
    }
}
