package org.pagewalk.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The hub forwards each event to every attached listener, and to none once all are detached. */
class TraceTest {
    @Test
    void eventsReachExactlyTheListenersAttachedAtTheTime() {
        Trace trace = new Trace();
        TraceRecorder first = new TraceRecorder();
        TraceRecorder second = new TraceRecorder();
        trace.event(EventKind.TLB_MISS, 0x1000, 1, 0, 0);
        assertFalse(trace.isListening());

        trace.attach(first);
        assertTrue(trace.isListening());
        trace.event(EventKind.TLB_MISS, 0x2000, 2, 0, 0);
        trace.attach(second);
        trace.text(EventKind.NOTE, "both", 0, 0);
        trace.detach(first);
        trace.event(EventKind.TLB_MISS, 0x3000, 3, 0, 0);
        assertTrue(trace.isListening());
        trace.detach(second);
        assertFalse(trace.isListening());
        trace.event(EventKind.TLB_MISS, 0x4000, 4, 0, 0);
        trace.text(EventKind.NOTE, "nobody", 0, 0);
        trace.attach(first);
        trace.event(EventKind.TLB_MISS, 0x5000, 5, 0, 0);

        assertEquals("[0x2000, both, 0x5000]", seen(first));
        assertEquals("[both, 0x3000]", seen(second));
    }

    private static String seen(TraceRecorder recorder) {
        StringBuilder sb = new StringBuilder("[");
        for (TraceEvent e : recorder.events()) {
            sb.append(sb.length() > 1 ? ", " : "").append(e.text() != null ? e.text() : "0x" + Integer.toHexString(e.linear()));
        }
        return sb.append(']').toString();
    }
}
