package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The descriptive form says what the MMU did: a hit (no walk), a walk, or a fault with its error
 * code and CR2, from the translation itself rather than from counters read before and after.
 */
class AccessOutcomeTest {
    private static final int W = EntryBits.WRITE;
    private static final int U = EntryBits.USER;

    @Test
    void aWalkThenAHitThenAFault() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W | U, W | U);
        AccessResult first = t.m.translateAccess(0x00403010, Access.USER_READ);
        assertFalse(first.isFault());
        assertFalse(first.hit(), "the first access walks");
        assertEquals(0x00200010, first.physical());
        assertEquals(Tables.DIR + 4, first.translation().pdeAddress());
        assertEquals(Tables.tableFor(0x00403000) + 3 * 4, first.translation().pteAddress());

        AccessResult second = t.m.access(0x00403020, Access.USER_READ, 0, 4);
        assertTrue(second.hit(), "the second access to the page hits");
        assertTrue(second.translation().isFromTlb());
        assertEquals(0x00200020, second.physical());

        AccessResult fault = t.m.access(0x00800000, Access.USER_WRITE, 7, 4);
        assertTrue(fault.isFault());
        assertFalse(fault.hit());
        assertNull(fault.translation());
        // Not present at the PDE, a user write: W/R = 1, U/S = 1, P = 0.
        assertEquals(0x6, fault.fault().errorCode());
        assertEquals(0x00800000, fault.fault().linear());
        assertEquals(0x00800000, t.m.cr().cr2());
        assertEquals(PageFault.LEVEL_PDE, fault.fault().level());
        assertEquals(Tables.DIR + 2 * 4, fault.fault().entryAddress());
    }

    @Test
    void aHitDoesNotDependOnTheCounters() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        t.m.read32(0x00403000, Access.KERNEL_READ);
        t.m.tlb().resetCounters();
        AccessResult r = t.m.access(0x00403004, Access.KERNEL_READ, 0, 4);
        assertTrue(r.hit());
        // A rollback that restores the counters does not turn a hit into a miss either.
        t.m.begin();
        AccessResult inside = t.m.translateAccess(0x00403008, Access.KERNEL_READ);
        t.m.rollback();
        assertTrue(inside.hit());
    }

    @Test
    void aWriteThroughACleanEntryWalksAgainAndSaysSo() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        assertFalse(t.m.access(0x00403000, Access.KERNEL_READ, 0, 4).hit());
        AccessResult write = t.m.access(0x00403000, Access.KERNEL_WRITE, 0x55, 4);
        assertFalse(write.hit(), "D was clear in the entry: the write re-walked to set it");
        assertEquals(0x55, t.m.readPhysical32(0x00200000));
        assertTrue(t.m.access(0x00403000, Access.KERNEL_WRITE, 0x66, 4).hit());
    }

    @Test
    void readsCarryTheirValueAndBytesTheirByte() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        t.m.writePhysical32(0x00200100, 0xCAFEBABE);
        assertEquals(0xCAFEBABE, t.m.access(0x00403100, Access.KERNEL_READ, 0, 4).value());
        assertEquals(0xBA, t.m.access(0x00403101, Access.KERNEL_READ, 0, 1).value());
        AccessResult w = t.m.access(0x00403102, Access.KERNEL_WRITE, 0x11, 1);
        assertEquals(0, w.value());
        assertEquals(0xCA11BABE, t.m.readPhysical32(0x00200100));
    }

    @Test
    void withPagingOffTheTranslationIsTheIdentityAndNoHit() {
        Machine m = new Machine();
        AccessResult r = m.translateAccess(0x00123456, Access.KERNEL_READ);
        assertEquals(0x00123456, r.physical());
        assertFalse(r.hit());
    }

    @Test
    void aPageCrossingAccessDescribesTheFirstPage() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W).map4k(0x00404000, 0x00500000, W, W);
        t.m.read32(0x00403000, Access.KERNEL_READ); // caches the first page only
        t.m.writePhysical32(0x00200FFC, 0x44332211);
        t.m.writePhysical32(0x00500000, 0x88776655);
        AccessResult r = t.m.access(0x00403FFE, Access.KERNEL_READ, 0, 4);
        assertTrue(r.hit(), "the first page came from the TLB");
        assertEquals(0x00200FFE, r.physical());
        assertEquals(0x66554433, r.value());
    }

    @Test
    void probeAndPreviewAreTypedAndChangeNothing() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        AccessResult probe = t.m.probe(0x00403000, Access.KERNEL_READ);
        assertFalse(probe.hit());
        assertEquals(0x00200000, probe.physical());
        assertEquals(0, t.m.tlb().validEntries());
        t.m.read32(0x00403000, Access.KERNEL_READ);
        assertTrue(t.m.preview(0x00403000, Access.KERNEL_READ).hit(), "the TLB would serve it");
        assertFalse(t.m.probe(0x00403000, Access.KERNEL_READ).hit(), "the tables' verdict is never a hit");
        AccessResult fault = t.m.probe(0x00800000, Access.KERNEL_READ);
        assertEquals(0, fault.fault().errorCode());
        assertEquals(0, t.m.cr().cr2(), "a probe leaves CR2 alone");
    }
}
