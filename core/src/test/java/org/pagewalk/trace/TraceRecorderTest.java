package org.pagewalk.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceRecorderTest {
    @Test
    void keepsTheNewestEventsInOrderAndCountsTheRest() {
        TraceRecorder r = new TraceRecorder(3);
        for (int i = 0; i < 5; i++) {
            r.event(EventKind.INVLPG, i, 0, 0, 0);
        }
        assertEquals(5, r.size());
        assertEquals(2, r.dropped());
        List<TraceEvent> held = r.events();
        assertEquals(3, held.size());
        assertEquals(2, held.get(0).linear());
        assertEquals(4, held.get(2).linear());
        assertEquals(1, r.since(4).size());
        assertEquals(4, r.since(4).get(0).linear());
        assertEquals(3, r.since(0).size(), "a mark older than the ring gives what is still held");
        assertEquals("INVLPG LINEAR=0x4 REMOVED=0x0", r.since(4).get(0).toString());
    }
}
