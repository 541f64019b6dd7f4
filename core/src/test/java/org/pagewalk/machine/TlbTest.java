package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.explain.Words;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceRecorder;

/** SDM §4.10: what the TLB caches, how long it serves it, and what removes it. */
class TlbTest {
    private static final int P = EntryBits.PRESENT;
    private static final int W = EntryBits.WRITE;
    private static final int G = EntryBits.GLOBAL;
    private static final int PS = EntryBits.PAGE_SIZE;

    @Test
    void staleTranslationIsServedUntilInvlpg() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        t.m.writePhysical32(0x00200000, 0xAAAAAAAA);
        t.m.writePhysical32(0x00300000, 0xBBBBBBBB);
        assertEquals(0xAAAAAAAA, t.m.read32(0x00403000, Access.KERNEL_READ));
        // The kernel remaps the page but forgets INVLPG.
        t.pte(Tables.tableFor(0x00403000), 3, 0x00300000 | P | W);
        assertEquals(0xAAAAAAAA, t.m.read32(0x00403000, Access.KERNEL_READ), "the stale entry still serves the old frame");
        int set = t.m.tlb().setOf(0x00403000);
        int way = t.m.tlb().lookup(0x00403000) % 4;
        String why = Words.staleness(t.m.staleness(set, way));
        assertEquals("the TLB says 0x00403000 -> 0x00200000; memory says 0x00403000 -> 0x00300000", why);
        assertEquals(1, t.m.invlpg(0x00403FFF));
        assertEquals(0xBBBBBBBB, t.m.read32(0x00403000, Access.KERNEL_READ));
        assertFalse(t.m.isStale(set, t.m.tlb().lookup(0x00403000) % 4));
    }

    @Test
    void writesThroughADirtyStaleEntryLandInTheOldFrame() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        t.m.write32(0x00403000, 1, Access.KERNEL_WRITE); // fills with D = 1
        t.pte(Tables.tableFor(0x00403000), 3, 0x00300000 | P | W);
        t.m.write32(0x00403004, 0x5555, Access.KERNEL_WRITE);
        assertEquals(0x5555, t.m.readPhysical32(0x00200004));
        assertEquals(0, t.m.readPhysical32(0x00300004));
    }

    @Test
    void clearingPresentWithoutInvlpgKeepsThePageWorking() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        t.m.read32(0x00403000, Access.KERNEL_READ);
        t.pte(Tables.tableFor(0x00403000), 3, 0);
        t.m.read32(0x00403000, Access.KERNEL_READ);
        assertNull(t.m.lastFault());
        assertTrue(t.m.tlb().lookup(0x00403000) >= 0, "the entry is there before the CR3 write");
        t.m.cr().writeCr3(t.m.cr().cr3());
        assertEquals(-1, t.m.tlb().lookup(0x00403000), "the CR3 write removed it");
        t.m.read32(0x00403000, Access.KERNEL_READ);
        assertEquals(0, t.m.lastFault().errorCode(), "after a CR3 write the walk sees the cleared PTE");
    }

    @Test
    void aReadFillIsNotTrustedForAWriteUntilDirtyIsSet() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        TraceRecorder rec = new TraceRecorder();
        t.m.read32(0x00403000, Access.KERNEL_READ);
        t.m.trace().attach(rec);
        t.m.write32(0x00403000, 7, Access.KERNEL_WRITE);
        assertTrue(rec.events().stream().anyMatch(e -> e.kind() == EventKind.TLB_DIRTY_REWALK));
        assertTrue(rec.events().stream().anyMatch(e -> e.kind() == EventKind.DIRTY_SET));
        assertEquals(0x00200000 | P | W | EntryBits.ACCESSED | EntryBits.DIRTY, t.pteValue(Tables.tableFor(0x00403000), 3));
        assertTrue(t.m.tlb().entry(t.m.tlb().lookup(0x00403000)).isDirty());
        rec.clear();
        t.m.write32(0x00403000, 8, Access.KERNEL_WRITE);
        assertEquals(EventKind.TLB_HIT, rec.events().get(1).kind(), "the second write hits");
    }

    @Test
    void notPresentIsNeverCachedAndAFaultDropsThePage() {
        Tables t = Tables.pagingOn();
        t.m.read32(0x00403000, Access.KERNEL_READ);
        assertEquals(0, t.m.tlb().validEntries());
        t.map4k(0x00403000, 0x00200000, W, W);
        t.m.read32(0x00403000, Access.KERNEL_READ);
        assertNull(t.m.lastFault(), "no cached 'not present': the new mapping works at once");
        assertEquals(1, t.m.tlb().validEntries());
        assertTrue(t.m.tlb().lookup(0x00403000) >= 0, "the entry is there before the fault");
        // A user access to this supervisor page faults and removes the entry.
        t.m.read32(0x00403000, Access.USER_READ);
        assertEquals(PageFault.P | PageFault.US, t.m.lastFault().errorCode());
        assertEquals(-1, t.m.tlb().lookup(0x00403000));
    }

    @Test
    void cr3WriteKeepsGlobalEntriesOnlyWithPge() {
        Tables t = Tables.pagingOn();
        t.m.cr().writeCr4(ControlRegisterBits.CR4_PSE | ControlRegisterBits.CR4_PGE);
        t.map4k(0x00403000, 0x00200000, W, W | G);
        t.map4k(0x00404000, 0x00201000, W, W);
        t.m.read32(0x00403000, Access.KERNEL_READ);
        t.m.read32(0x00404000, Access.KERNEL_READ);
        assertEquals(2, t.m.tlb().validEntries());
        t.m.cr().writeCr3(Tables.DIR);
        assertEquals(1, t.m.tlb().validEntries());
        assertTrue(t.m.tlb().entry(t.m.tlb().lookup(0x00403000)).isGlobal());
        // Turning PGE off flushes everything, global entries too.
        t.m.cr().writeCr4(ControlRegisterBits.CR4_PSE);
        assertEquals(0, t.m.tlb().validEntries());
        // Without PGE, G in the PTE does not make the entry global.
        t.m.read32(0x00403000, Access.KERNEL_READ);
        assertTrue(t.m.tlb().lookup(0x00403000) >= 0, "the entry is there before the CR3 write");
        assertFalse(t.m.tlb().entry(t.m.tlb().lookup(0x00403000)).isGlobal());
        t.m.cr().writeCr3(Tables.DIR);
        assertEquals(0, t.m.tlb().validEntries());
    }

    @Test
    void invlpgRemovesGlobalEntriesToo() {
        Tables t = Tables.pagingOn();
        t.m.cr().writeCr4(ControlRegisterBits.CR4_PSE | ControlRegisterBits.CR4_PGE);
        t.map4k(0x00403000, 0x00200000, W, W | G);
        t.m.read32(0x00403000, Access.KERNEL_READ);
        assertTrue(t.m.tlb().entry(t.m.tlb().lookup(0x00403000)).isGlobal(), "a global entry is there before INVLPG");
        assertEquals(1, t.m.invlpg(0x00403000));
        assertEquals(0, t.m.tlb().validEntries());
    }

    @Test
    void lruEvictionOrderInOneSet() {
        // 16 sets x 4 ways: pages 0x10 apart share a set.
        Tables t = Tables.pagingOn();
        int[] pages = {0x00400000, 0x00410000, 0x00420000, 0x00430000, 0x00440000};
        for (int i = 0; i < pages.length; i++) {
            t.map4k(pages[i], 0x00200000 + (i << 12), W, W);
        }
        int set = t.m.tlb().setOf(pages[0]);
        for (int i = 0; i < 4; i++) {
            t.m.read32(pages[i], Access.KERNEL_READ);
            assertEquals(set, t.m.tlb().setOf(pages[i]));
        }
        t.m.read32(pages[0], Access.KERNEL_READ); // page 0 is now the most recent; page 1 the LRU
        assertEquals(3, t.m.tlb().entry(t.m.tlb().lookup(pages[1])).age());
        assertEquals(0, t.m.tlb().entry(t.m.tlb().lookup(pages[0])).age());
        TraceRecorder rec = new TraceRecorder();
        t.m.trace().attach(rec);
        t.m.read32(pages[4], Access.KERNEL_READ);
        TraceEvent evict = rec.events().stream().filter(e -> e.kind() == EventKind.TLB_EVICT).findFirst().orElseThrow();
        assertEquals(pages[1] >>> 12, evict.pageNumber());
        assertEquals(-1, t.m.tlb().lookup(pages[1]));
        assertTrue(t.m.tlb().lookup(pages[0]) >= 0);
        t.m.read32(pages[2], Access.KERNEL_READ);
        t.m.read32(pages[3], Access.KERNEL_READ);
        t.m.read32(pages[1], Access.KERNEL_READ); // evicts page 0 now
        assertEquals(-1, t.m.tlb().lookup(pages[0]));
        assertEquals(1, t.m.tlb().evictions() - 1);
    }

    @Test
    void fourMibEntryIsOneEntryAndInvlpgAnywhereInsideRemovesIt() {
        Tables t = Tables.pagingOn().pde(0x301, 0x01000000 | P | W | PS);
        t.m.read32(0xC0400000, Access.KERNEL_READ);
        t.m.read32(0xC07FF000, Access.KERNEL_READ);
        t.m.read32(0xC0523000, Access.KERNEL_READ);
        assertEquals(1, t.m.tlb().validEntries());
        assertEquals(2, t.m.tlb().hits());
        TlbEntry e = t.m.tlb().entry(t.m.tlb().lookup(0xC0523000));
        assertTrue(e.isLargePage());
        assertEquals(0xC0400000, e.linearBase());
        assertEquals(0x01000000, e.frame());
        assertEquals(1, t.m.invlpg(0xC06ABCDE));
        assertEquals(0, t.m.tlb().validEntries());
    }

    @Test
    void pseChangeFlushesEverything() {
        Tables t = Tables.pagingOn().pde(0x301, 0x01000000 | P | W | PS);
        t.m.read32(0xC0400000, Access.KERNEL_READ);
        assertTrue(t.m.tlb().lookup(0xC0400000) >= 0, "the entry is there before the CR4 write");
        t.m.cr().writeCr4(0);
        assertEquals(0, t.m.tlb().validEntries());
    }

    @Test
    void pagingOffFlushesEverything() {
        Tables t = Tables.pagingOn();
        t.m.cr().writeCr4(ControlRegisterBits.CR4_PSE | ControlRegisterBits.CR4_PGE);
        t.map4k(0x00403000, 0x00200000, W, W | G);
        t.m.read32(0x00403000, Access.KERNEL_READ);
        assertTrue(t.m.tlb().entry(t.m.tlb().lookup(0x00403000)).isGlobal(), "a global entry is there before the CR0 write");
        t.m.cr().writeCr0(ControlRegisterBits.CR0_PE);
        assertEquals(0, t.m.tlb().validEntries());
    }

    @Test
    void cr0WpIsCheckedAtHitTime() {
        Tables t = Tables.pagingOn(MachineConfig.DEFAULT, true, false).map4k(0x00403000, 0x00200000, W, 0);
        t.m.write32(0x00403000, 1, Access.KERNEL_WRITE);
        assertNull(t.m.lastFault(), "WP=0: a kernel write to a read-only page succeeds");
        t.m.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG | ControlRegisterBits.CR0_WP);
        assertEquals(1, t.m.tlb().validEntries(), "a WP change flushes nothing");
        t.m.write32(0x00403000, 2, Access.KERNEL_WRITE);
        assertEquals(PageFault.P | PageFault.WR, t.m.lastFault().errorCode());
        assertEquals(1, t.m.readPhysical32(0x00200000));
    }

    @Test
    void hitCounterCountsOnlyHitsThroughLoadsResetsRollbacksAndRestores() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W).map4k(0x00404000, 0x00201000, W, W);
        Tlb tlb = t.m.tlb();
        t.m.read32(0x00403000, Access.KERNEL_READ); // a miss
        t.m.read32(0x00403004, Access.KERNEL_READ);
        t.m.read32(0x00403008, Access.KERNEL_READ);
        assertEquals(2, tlb.hits());
        tlb.load(tlb.setOf(0x00405000), 3, 0x00405000, false, 0x00300000, W, true, false); // a debugger's entry, no hit
        t.m.read32(0x00404000, Access.KERNEL_READ); // a miss and a fill
        assertEquals(2, tlb.hits());
        tlb.resetCounters();
        assertEquals(0, tlb.hits());
        t.m.read32(0x00405000, Access.KERNEL_READ); // served by the loaded entry
        assertEquals(1, tlb.hits());
        MachineSnapshot before = t.m.snapshot();
        t.m.begin();
        t.m.read32(0x00403000, Access.KERNEL_READ);
        t.m.read32(0x00404000, Access.KERNEL_READ);
        assertEquals(3, tlb.hits());
        t.m.rollback();
        assertEquals(1, tlb.hits(), "a rollback puts the count back");
        t.m.read32(0x00403000, Access.KERNEL_READ);
        t.m.read32(0x00403000, Access.KERNEL_READ);
        assertEquals(3, tlb.hits());
        t.m.restore(before);
        assertEquals(1, tlb.hits(), "a restore puts the count back");
        t.m.read32(0x00404000, Access.KERNEL_READ);
        assertEquals(2, tlb.hits());
        assertEquals(0, tlb.misses(), "every access since the reset hit");
    }

    @Test
    void hitMissCounters() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        t.m.read32(0x00403000, Access.KERNEL_READ);
        t.m.read32(0x00403004, Access.KERNEL_READ);
        t.m.read32(0x00403008, Access.KERNEL_READ);
        assertEquals(1, t.m.tlb().misses());
        assertEquals(2, t.m.tlb().hits());
        AccessResult r = t.m.translateAccess(0x00403010, Access.KERNEL_READ);
        assertTrue(r.translation().isFromTlb());
        assertNotNull(t.m.tlb().entry(0, 0));
    }

    @Test
    void fullyAssociativeAndDirectMappedGeometries() {
        for (TlbGeometry g : new TlbGeometry[] {new TlbGeometry(8, 8), new TlbGeometry(8, 1), new TlbGeometry(1, 1)}) {
            Tables t = Tables.pagingOn(new MachineConfig(8192, g), true, true);
            for (int i = 0; i < 20; i++) {
                t.map4k(0x00400000 + (i << 12), 0x00200000 + (i << 12), W, W);
                assertEquals(0x00200000 + (i << 12) + 4, t.m.translate(0x00400004 + (i << 12), Access.KERNEL_READ), g.toString());
            }
            assertEquals(Math.min(8, g.entries()), t.m.tlb().validEntries(), g.toString());
        }
    }
}
