package org.pagewalk.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;

/**
 * The silent-remap switch alone decides whether memMapPage overwrites a present PTE: the
 * as-written kernel with every other defect on behaves as the fixed one here (refuses, counts
 * nothing), and only with silent-remap on does mem.c's unconditional {@code pt[ptIndex] = ...;
 * mem_num_vpages++;} happen.
 */
class SilentRemapDefectTest {
    private static final int VIRTUAL = 0x08048000;
    // The page table's frame depends on the allocator's defects, so pte() follows the PDE to it.
    private static final int PTE_INDEX = (VIRTUAL >>> 12) & 0x3FF; // 0x48

    private static CeanOs boot(GuestConfig config) {
        CeanOs os = CeanOs.boot(new Machine(MachineConfig.ofMiB(32, 64, 4)), config);
        assertTrue(os.initMemory(0x02000000, 0x00400000).ok());
        return os;
    }

    private static int pte(CeanOs os) {
        int pde = os.machine().readPhysical32(KernelLayout.INITIAL_PAGE_DIR + (VIRTUAL >>> 22) * 4);
        return os.machine().readPhysical32((pde & 0xFFFFF000) + PTE_INDEX * 4);
    }

    @Test
    void withoutTheDefectTheAsWrittenKernelRefusesToMapOverAPresentPage() {
        CeanOs os = boot(new GuestConfig(Variant.AS_WRITTEN, Defect.all() & ~Defect.SILENT_REMAP.bit()));
        assertTrue(os.memMapPage(VIRTUAL, 0x00300000, PageFlags.WRITE).ok());
        assertEquals(1, os.globals().memNumVpages());

        CallResult again = os.memMapPage(VIRTUAL, 0x00300000, PageFlags.WRITE);

        assertFalse(again.ok());
        assertEquals("0x08048000 is already mapped to 0x00300000: unmap it first, or ask for a remap", again.error());
        assertEquals(1, os.globals().memNumVpages(), "the page is counted once");
    }

    @Test
    void withoutTheDefectAnExplicitRemapReplacesTheFrameAndCountsNothing() {
        CeanOs os = boot(new GuestConfig(Variant.AS_WRITTEN, Defect.all() & ~Defect.SILENT_REMAP.bit()));
        assertTrue(os.memMapPage(VIRTUAL, 0x00300000, PageFlags.WRITE).ok());
        assertTrue(os.memMapPage(VIRTUAL, 0x00310000, PageFlags.WRITE, true).ok());
        assertEquals(0x00310000, pte(os) & 0xFFFFF000);
        assertEquals(1, os.globals().memNumVpages());
    }

    @Test
    void withTheDefectTheSecondMapOverwritesAndCountsTwice() {
        CeanOs os = boot(new GuestConfig(Variant.AS_WRITTEN, Defect.SILENT_REMAP.bit()));
        assertTrue(os.memMapPage(VIRTUAL, 0x00300000, PageFlags.WRITE).ok());
        assertTrue(os.memMapPage(VIRTUAL, 0x00310000, PageFlags.WRITE).ok());
        assertEquals(0x00310000, pte(os) & 0xFFFFF000);
        assertEquals(2, os.globals().memNumVpages());
    }
}
