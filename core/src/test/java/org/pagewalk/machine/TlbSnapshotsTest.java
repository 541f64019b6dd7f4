package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pagewalk.trace.Trace;

/**
 * A save shares the last one only when the TLB still holds all of it: what changes the counters
 * and nothing else, or only words the flags and counters do not show, is a save of its own, and
 * each save restores what it was taken from.
 */
class TlbSnapshotsTest {
    private static final int W = EntryBits.WRITE;
    private static final int LINEAR = 0x00403000;

    @Test
    void aCounterResetIsUndoneToTheHitsCountedBeforeIt() {
        Tables t = Tables.pagingOn().map4k(LINEAR, 0x00200000, W, W);
        t.m.read32(LINEAR, Access.KERNEL_READ);
        t.m.tlb().resetCounters();
        t.m.read32(LINEAR, Access.KERNEL_READ);
        t.m.read32(LINEAR, Access.KERNEL_READ);
        assertEquals(2, t.m.tlb().hits(), "two reads of a cached page");
        assertEquals(0, t.m.tlb().misses());
        MachineSnapshot counted = t.m.snapshot();
        // Only the hit count changes: the entries, the LRU clock, misses and evictions stay.
        t.m.tlb().resetCounters();
        MachineSnapshot reset = t.m.snapshot();

        t.m.restore(counted);
        assertEquals(2, t.m.tlb().hits());
        t.m.restore(reset);
        assertEquals(0, t.m.tlb().hits());
        assertEquals(1, t.m.tlb().validEntries());
    }

    @Test
    void aFillRolledBackAndRedoneElsewhereIsNotTheSaveTakenInside() {
        Tlb tlb = new Tlb(TlbGeometry.DEFAULT, new Trace());
        // Pages 0x403 and 0x443 share set 3 of 64; the same rights, D and size give the same
        // flags word, and after the rollback the clock and counters come back to where they were.
        int other = 0x00443000;
        tlb.beginJournal();
        tlb.fill(LINEAR, false, 0x00200000, W, true, false, 0x1004, 0x2003, 0x200C, 0x200003);
        TlbSnapshots.Image inside = tlb.save();
        tlb.rollbackJournal();
        tlb.fill(other, false, 0x00300000, W, true, false, 0x1004, 0x2003, 0x210C, 0x300003);
        TlbSnapshots.Image after = tlb.save();

        tlb.load(inside);
        assertEquals(0x00200000, tlb.entry(tlb.lookup(LINEAR)).frame());
        assertEquals(-1, tlb.lookup(other));
        tlb.load(after);
        assertEquals(0x00300000, tlb.entry(tlb.lookup(other)).frame());
        assertEquals(-1, tlb.lookup(LINEAR));
    }
}
