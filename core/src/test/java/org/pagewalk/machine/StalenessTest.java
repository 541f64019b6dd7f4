package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A stale TLB entry as a value: what the TLB says beside what a walk says now. */
class StalenessTest {
    private static final int P = EntryBits.PRESENT;
    private static final int W = EntryBits.WRITE;
    private static final int U = EntryBits.USER;
    private static final int PAGE = 0x00403000;

    private static Tables cached() {
        Tables t = Tables.pagingOn().map4k(PAGE, 0x00200000, W | U, W | U);
        t.m.read32(PAGE, Access.KERNEL_READ);
        return t;
    }

    private static Staleness of(Tables t) {
        TlbEntry e = t.m.tlb().entry(t.m.tlb().lookup(PAGE));
        return t.m.staleness(e.set(), e.way());
    }

    @Test
    void aFreshEntryHasNone() {
        Tables t = cached();
        assertNull(of(t));
        assertNull(t.m.staleness(0, 0), "an empty way is not stale");
    }

    @Test
    void anotherFrame() {
        Tables t = cached();
        t.pte(Tables.tableFor(PAGE), 3, 0x00300000 | P | W | U);
        Staleness s = of(t);
        assertEquals(Staleness.Kind.OTHER_FRAME, s.kind());
        assertEquals(0x00200000, s.cached().frame());
        assertEquals(0x00300000, s.frame());
        assertFalse(s.memory().isLargePage());
    }

    @Test
    void otherRights() {
        Tables t = cached();
        t.pte(Tables.tableFor(PAGE), 3, 0x00200000 | P);
        Staleness s = of(t);
        assertEquals(Staleness.Kind.OTHER_RIGHTS, s.kind());
        assertTrue(s.cached().isWritable() && s.cached().isUser());
        assertFalse(s.memory().isWritable());
        assertFalse(s.memory().isUser());
    }

    @Test
    void notMappedAnyMore() {
        Tables t = cached();
        t.pte(Tables.tableFor(PAGE), 3, 0);
        Staleness s = of(t);
        assertEquals(Staleness.Kind.NOT_MAPPED, s.kind());
        assertTrue(s.fault().isNotPresent());
        assertEquals(PageFault.LEVEL_PTE, s.fault().level());
        assertEquals(0, t.m.cr().cr2(), "checking staleness raises nothing");
    }

    @Test
    void equalWhenTheyDisagreeTheSameWay() {
        Tables a = cached();
        Tables b = cached();
        a.pte(Tables.tableFor(PAGE), 3, 0x00300000 | P | W | U);
        b.pte(Tables.tableFor(PAGE), 3, 0x00300000 | P | W | U);
        assertEquals(of(a), of(b));
        b.pte(Tables.tableFor(PAGE), 3, 0x00301000 | P | W | U);
        assertFalse(of(a).equals(of(b)));
    }
}
