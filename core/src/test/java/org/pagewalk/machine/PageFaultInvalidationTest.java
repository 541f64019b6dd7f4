package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * SDM Vol. 3A §4.10.4.1: "a page-fault exception resulting from an attempt to use a linear
 * address will invalidate any TLB entries that are for a page number corresponding to that
 * linear address".
 *
 * <p>An entry the lookup finds is dropped before the walk anyway (a refused hit re-walks), so
 * only a second entry for the same page shows the rule. §4.10.2.2 allows two: after the page
 * size of a range changes without an invalidation, the TLB may hold a 4 KiB and a 4 MiB
 * translation for the same page. Here the lookup finds the 4 KiB one (its set is probed first),
 * the walk faults, and only the page-fault rule removes the 4 MiB one.
 */
class PageFaultInvalidationTest {
    private static final int PAGE = 0x00403000;
    private static final int OTHER_PAGE_SAME_4M = 0x00405000;

    @Test
    void aPageFaultRemovesEveryEntryForTheFaultingPage() {
        Tables t = Tables.pagingOn(); // CR4.PSE = 1, CR0.WP = 1
        // PDE 1 -> page table, PTE 3 -> 0x00200000 read-only: a 4 KiB read-only entry for page 0x403.
        t.map4k(PAGE, 0x00200000, EntryBits.WRITE, 0);
        t.m.read32(PAGE, Access.KERNEL_READ);
        // The range becomes one read-only 4 MiB page, with no INVLPG: the 4 KiB entry stays.
        t.pde(1, 0x00800000 | EntryBits.PAGE_SIZE | EntryBits.PRESENT);
        t.m.read32(OTHER_PAGE_SAME_4M, Access.KERNEL_READ); // a miss: fills a 4 MiB entry

        Tlb tlb = t.m.tlb();
        // Page 0x403: 4 KiB set 0x403 mod 16 = 3; the 4 MiB entry's set is (0x403 >>> 10) mod 16 = 1.
        TlbEntry small = tlb.entry(tlb.lookup(PAGE));
        assertTrue(small.isValid() && !small.isLargePage(), "the 4 KiB entry is cached: " + small);
        assertEquals(3, small.set());
        TlbEntry large = tlb.entry(tlb.lookup(OTHER_PAGE_SAME_4M));
        assertTrue(large.isValid() && large.isLargePage(), "the 4 MiB entry is cached: " + large);
        assertEquals(1, large.set());
        assertEquals(0x00400000, large.linearBase());
        assertEquals(0x00800000, large.frame());
        assertEquals(2, tlb.validEntries());

        // A kernel write with WP = 1: the 4 KiB entry refuses it (dropped, re-walk), and the walk
        // faults at the read-only 4 MiB PDE: protection, write, supervisor = 0x3.
        AccessResult r = t.m.access(PAGE, Access.KERNEL_WRITE, 0x1234, 4);
        assertTrue(r.isFault());
        assertEquals(PageFault.P | PageFault.WR, r.fault().errorCode());
        assertEquals(PAGE, t.m.cr().cr2());

        assertEquals(-1, tlb.lookup(PAGE), "no entry for the faulting page is left");
        assertFalse(tlb.entry(large.set(), large.way()).isValid(), "the page fault removed the 4 MiB entry");
        assertEquals(0, tlb.validEntries());
        assertEquals(-1, tlb.lookup(OTHER_PAGE_SAME_4M));

        // So the next access to the 4 MiB page walks the tables again.
        int missesBefore = tlb.misses();
        AccessResult again = t.m.access(OTHER_PAGE_SAME_4M, Access.KERNEL_READ, 0, 4);
        assertFalse(again.isFault());
        assertFalse(again.translation().isFromTlb(), "served by a walk, not the TLB");
        assertEquals(0x00805000, again.physical());
        assertEquals(missesBefore + 1, tlb.misses());
    }
}
