package org.pagewalk.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Events are read by name, in the order their kind declares. */
class TraceEventTest {
    @Test
    void fieldsAreReadByName() {
        TraceEvent hit = new TraceEvent(EventKind.TLB_HIT, 0xD0000010, 3, 1, 0x00400010, null);
        assertEquals(0xD0000010, hit.linear());
        assertEquals(3, hit.set());
        assertEquals(1, hit.way());
        assertEquals(0x00400010, hit.physical());
        TraceEvent fill = new TraceEvent(EventKind.TLB_FILL, 3, 1, 0xD0000, 0x00400000, null);
        assertEquals(3, fill.set());
        assertEquals(1, fill.way());
        assertEquals(0xD0000, fill.pageNumber());
        assertEquals(0x00400000, fill.frame());
        TraceEvent dirty = new TraceEvent(EventKind.DIRTY_SET, 0x00401008, 0x23, 0x63, 1, null);
        assertEquals(0x00401008, dirty.entryAddress());
        assertEquals(0x23, dirty.oldValue());
        assertEquals(0x63, dirty.newValue());
        assertEquals(1, dirty.level());
    }

    @Test
    void aFieldTheKindDoesNotCarryIsAnError() {
        TraceEvent fill = new TraceEvent(EventKind.TLB_FILL, 3, 1, 0xD0000, 0x00400000, null);
        assertFalse(fill.has(EventField.LINEAR));
        assertEquals("TLB_FILL events carry no LINEAR",
                assertThrows(IllegalStateException.class, fill::linear).getMessage());
        assertTrue(new TraceEvent(EventKind.TLB_MISS, 0x1000, 1, 0, 0, null).has(EventField.LINEAR));
    }

    @Test
    void textEventsCarryTheirNumbersToo() {
        TraceRecorder r = new TraceRecorder();
        r.text(EventKind.GUEST_ENTER, "memMapPage(0x08048000, 0x00300000, 0x2)", 1, 0);
        r.text(EventKind.GUEST_EXIT, "memMapPage", 0, 1);
        assertEquals(1, r.events().get(0).depth());
        assertTrue(r.events().get(1).failed());
        assertEquals("GUEST_EXIT RESULT=0x0 FAILED=0x1 memMapPage", r.events().get(1).toString());
    }

    @Test
    void noKindCarriesAFieldTwice() {
        for (EventKind k : EventKind.values()) {
            EventField[] fields = k.fields();
            for (int i = 0; i < fields.length; i++) {
                assertEquals(i, k.slot(fields[i]), k + " " + fields[i]);
            }
        }
    }
}
