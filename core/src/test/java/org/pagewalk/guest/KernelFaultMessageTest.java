package org.pagewalk.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.pagewalk.machine.Machine;
import org.junit.jupiter.api.Test;

/** A page fault inside a kernel call is reported in words, with the numbers that caused it. */
class KernelFaultMessageTest {
    @Test
    void aFaultInsideMemMapPageNamesTheAddressTheBitsAndTheReason() {
        Machine m = new Machine();
        CeanOs os = CeanOs.boot(m, new GuestConfig(Variant.AS_WRITTEN, Defect.all()));
        os.initMemory(0x02000000, os.layout().kernelEnd());
        // CR3 = 0xC0000000 - KERNEL_START = physical 0: a "directory" of zeroes, so PDE 1023 (the
        // recursive window) is not present and memMapPage's first read of it at 0xFFFFF000 +
        // 4 * (0x08048000 >>> 22) = 0xFFFFF080 faults at the PDE: error code 0 (P=0, read, CPL 0).
        os.memChangePageDir(0xC0000000);
        CallResult r = os.memMapPage(0x08048000, 0x00300000, PageFlags.WRITE, false);
        assertFalse(r.ok());
        assertEquals("kernel page fault in memMapPage: #PF at 0xFFFFF080 error code 0x0 (P=0 W/R=0 U/S=0 RSVD=0): "
                + "the page-directory entry is not present", r.error());
    }
}
