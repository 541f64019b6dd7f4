package org.pagewalk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.guest.CallResult;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.guest.GuestFunction;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.Machine;

/**
 * What the core fuzzer found in the fixed guest (docs/CONFORMANCE.md, "Findings"): memMapPage
 * writes the caller's flags into a new PDE, GLOBAL included. Through the recursive window that
 * PDE is the PTE of the page at 0xFFC00000 + 4096 * index, so with CR4.PGE = 1 the window's
 * view of the page table is a global TLB entry and survives the next CR3 write; the kernel then
 * writes the next directory's PTEs into the previous directory's table. The machine does what
 * the SDM says; the guest should keep G out of PDEs or INVLPG the window page.
 */
class GlobalPageTableWindowTest {
    // RecursiveWindowUnmapTest is the fuzzer's other finding.
    @Test
    void aGlobalMappingDoesNotLeakPageTablesAcrossDirectories() {
        Machine m = new Machine();
        CeanOs os = CeanOs.boot(m, GuestConfig.FIXED);
        assertTrue(GuestFunction.INIT_MM.invoke(os, new int[0], false).ok());
        m.cr().writeCr4(m.cr().cr4() | (1 << 7));
        int pd = os.memAllocPageDir().value();
        assertTrue(os.memChangePageDir(pd).ok());
        int f1 = os.pmmAllocPageFrame().value();
        int f2 = os.pmmAllocPageFrame().value();
        CallResult first = os.memMapPage(0x08048000, f1, PageFlags.WRITE | PageFlags.USER | PageFlags.GLOBAL);
        assertTrue(first.ok(), first.toString());
        assertTrue(os.memChangePageDir(os.initialPageDir()).ok());
        CallResult second = os.memMapPage(0x08049000, f2, PageFlags.WRITE);
        assertTrue(second.ok(), second.toString());

        assertEquals(f2, m.probe(0x08049000, Access.KERNEL_READ).physical(), "initial_page_dir maps the second page");
        assertTrue(os.memChangePageDir(pd).ok());
        assertEquals(f1, m.probe(0x08048000, Access.KERNEL_READ).physical(), "the first directory keeps its page");
        assertTrue(m.probe(0x08049000, Access.KERNEL_READ).isFault(), "and did not get the second one");
    }
}
