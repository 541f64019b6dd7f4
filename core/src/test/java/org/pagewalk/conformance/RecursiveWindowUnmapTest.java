package org.pagewalk.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.guest.CallResult;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.guest.GuestFunction;

/**
 * What the core fuzzer found in the fixed guest (docs/CONFORMANCE.md, "Findings"): memMapPage
 * refuses addresses in the recursive window (PDE 1023), memUnmapPage does not. Unmapping
 * 0xFFFFF000 clears PDE 1023 of initial_page_dir itself, and from then on every kernel call
 * faults at 0xFFFFFxxx and is rolled back: the kernel is dead.
 */
class RecursiveWindowUnmapTest {
    @Test
    void theFixedKernelRefusesToUnmapItsRecursiveWindow() {
        CeanOs os = CeanOs.boot(new org.pagewalk.machine.Machine(), GuestConfig.FIXED);
        assertTrue(GuestFunction.INIT_MM.invoke(os, new int[0], false).ok());
        CallResult unmap = os.memUnmapPage(CeanOs.REC_PAGEDIR);
        assertFalse(unmap.ok(), "unmapping the page directory's own window is refused");
        CallResult after = os.memIsPagePresent(0x08048000);
        assertTrue(after.ok(), "and the kernel still works: " + after);
    }
}
