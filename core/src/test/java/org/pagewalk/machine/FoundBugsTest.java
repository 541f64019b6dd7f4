package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Bugs found while reading the core for the benchmarks and the architecture notes, each pinned
 * by a test that failed before its fix.
 */
class FoundBugsTest {
    private static final int W = EntryBits.WRITE;

    /**
     * A 4-byte access that crosses a page boundary translates both pages (first, then second),
     * and {@link Machine#access} described the MMU's last translation: the second page's. The
     * result then paired the second page's frame with the first byte's offset (0x00300FFE on a
     * hit, 0x00300000 on a miss) instead of 0x00200FFE, the physical address of the byte at the
     * linear address asked for, which the DATA_READ event already reports. A scenario's
     * {@code expect physical} and the page's access form read this value.
     */
    @Test
    void pageCrossingAccessReportsTheFirstBytesPhysicalAddress() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W).map4k(0x00404000, 0x00300000, W, W);
        t.m.writePhysical32(0x00200FFC, 0x2211FFFF);
        t.m.writePhysical32(0x00300000, 0xFFFF4433);

        AccessResult miss = t.m.access(0x00403FFE, Access.KERNEL_READ, 0, 4);
        assertEquals(0x44332211, miss.value());
        assertEquals(0x00200FFE, miss.physical(), "walked: " + miss);
        assertFalse(miss.translation().isFromTlb());

        AccessResult hit = t.m.access(0x00403FFE, Access.KERNEL_READ, 0, 4);
        assertEquals(0x44332211, hit.value());
        assertEquals(0x00200FFE, hit.physical(), "from the TLB: " + hit);
        assertTrue(hit.translation().isFromTlb());

        AccessResult write = t.m.access(0x00403FFF, Access.KERNEL_WRITE, 0xAABBCCDD, 4);
        assertEquals(0x00200FFF, write.physical(), "write: " + write);
        assertEquals(0xDD, t.m.readPhysical8(0x00200FFF));
        assertEquals(0xAABBCC, t.m.readPhysical32(0x00300000) & 0xFFFFFF);
    }
}
