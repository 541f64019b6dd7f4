package org.pagewalk.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.ControlRegisterBits;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceRecorder;

/** The fixed variant: boot state, the seed's functions, processes, the kernel heap. */
class CeanOsTest {
    static final int DIR = KernelLayout.INITIAL_PAGE_DIR;

    /**
     * CeanOS after initMemory(32 MiB, 0x00400000), without kmallocInit: pageFrameMin = 0x00400000 / 4 KiB =
     * frame 0x400, and nothing is allocated yet, so the allocator hands out 0x00400000, 0x00401000, ...
     * in order. The golden frame addresses in these tests follow from that.
     */
    static CeanOs booted() {
        Machine m = new Machine();
        CeanOs os = CeanOs.boot(m, GuestConfig.FIXED);
        assertTrue(os.initMemory(0x02000000, 0x00400000).ok());
        return os;
    }

    @Test
    void bootStateIsWhatBootAsmLeaves() {
        Machine m = new Machine();
        CeanOs.boot(m, GuestConfig.FIXED);
        assertEquals(0x0010B000, m.cr().cr3());
        assertEquals(ControlRegisterBits.CR4_PSE, m.cr().cr4());
        assertTrue(m.cr().paging());
        assertEquals(0x00000083, m.readPhysical32(DIR));
        assertEquals(0x00000083, m.readPhysical32(DIR + 768 * 4));
        assertEquals(0x00400083, m.readPhysical32(DIR + 769 * 4));
        assertEquals(0x00800083, m.readPhysical32(DIR + 770 * 4));
        assertEquals(0x00C00083, m.readPhysical32(DIR + 771 * 4));
        assertEquals(0, m.readPhysical32(DIR + 772 * 4));
        // The kernel runs at 0xC0100000 = physical 0x00100000, and identity-mapped low memory works.
        assertEquals(0x00100000, m.translate(0xC0100000, Access.KERNEL_READ));
        assertEquals(0x00123456, m.translate(0x00123456, Access.KERNEL_READ));
    }

    @Test
    void initMemorySetsUpRecursionAndTheAllocator() {
        CeanOs os = booted();
        Machine m = os.machine();
        assertEquals(0, m.readPhysical32(DIR), "PDE 0 (identity) cleared");
        assertEquals(DIR | 3, m.readPhysical32(DIR + 1023 * 4));
        GuestGlobals g = os.globals();
        assertEquals(0x400, g.pageFrameMin());
        assertEquals(0x2000, g.pageFrameMax());
        assertEquals(0, g.totalAlloc());
        assertEquals(0, g.memNumVpages());
        // The directory appears at 0xFFFFF000: PDE i at 0xFFFFF000 + 4i.
        for (int i : new int[] {0, 768, 769, 771, 1023}) {
            assertEquals(m.readPhysical32(DIR + i * 4), m.read32(0xFFFFF000 + 4 * i, Access.KERNEL_READ), "PDE " + i);
        }
        // Identity mapping is gone.
        m.read32(0x00001000, Access.KERNEL_READ);
        assertEquals(0, m.lastFault().errorCode());
    }

    @Test
    void recursiveWindowShowsEveryPageTable() {
        CeanOs os = booted();
        Machine m = os.machine();
        assertTrue(os.memMapPage(0x08048000, 0x00500000, PageFlags.WRITE | PageFlags.USER).ok());
        assertTrue(os.memMapPage(0x0804A000, 0x00501000, PageFlags.USER).ok());
        int table = m.readPhysical32(DIR + 32 * 4) & 0xFFFFF000;
        // pageFrameMin 0x400 and nothing allocated yet: the table is frame 0x400.
        assertEquals(0x00400000, table, "the first frame the allocator hands out holds the new table");
        for (int j : new int[] {0, 0x48, 0x49, 0x4A, 1023}) {
            assertEquals(m.readPhysical32(table + j * 4), m.read32(0xFFC00000 + 4096 * 32 + 4 * j, Access.KERNEL_READ), "PTE " + j);
        }
        assertEquals(0x00500007, m.read32(0xFFC00000 + 4096 * 32 + 4 * 0x48, Access.KERNEL_READ));
        assertEquals(0x00501005, m.read32(0xFFC00000 + 4096 * 32 + 4 * 0x4A, Access.KERNEL_READ));
        // Through the window the 4 MiB PDE 768 reads as a PTE whose bit 7 is PAT.
        assertEquals(0x00000083, m.read32(0xFFC00000 + 4096 * 1023 + 4 * 768, Access.KERNEL_READ) & ~0x60);
    }

    @Test
    void memMapPageUserAddressNewAndExistingTable() {
        CeanOs os = booted();
        Machine m = os.machine();
        assertTrue(os.memMapPage(0x08048000, 0x00500000, PageFlags.WRITE | PageFlags.USER).ok());
        int pde = m.readPhysical32(DIR + 32 * 4);
        // The table is the first frame allocated, 0x400 (see booted()).
        // A and D too: zeroing the new table through the recursive window used this PDE as a PTE.
        assertEquals(0x00400000 | PageFlags.PRESENT | PageFlags.WRITE | PageFlags.OWNER | PageFlags.USER
                | PageFlags.ACCESSED | PageFlags.DIRTY, pde);
        assertEquals(1, os.globals().totalAlloc());
        assertEquals(1, os.globals().memNumVpages());
        assertTrue(os.memMapPage(0x08049000, 0x00501000, PageFlags.WRITE | PageFlags.USER).ok());
        assertEquals(1, os.globals().totalAlloc(), "the existing table is reused");
        assertEquals(2, os.globals().memNumVpages());
        m.write32(0x08049010, 0xABCD1234, Access.USER_WRITE);
        assertNull(m.lastFault());
        assertEquals(0xABCD1234, m.readPhysical32(0x00501010));
        assertEquals(1, os.memIsPagePresent(0x08049000).value());
        assertEquals(0, os.memIsPagePresent(0x0804B000).value());
    }

    @Test
    void kernelMappingIsSyncedIntoEveryProcessDirectoryAndCr3Restored() {
        CeanOs os = booted();
        Machine m = os.machine();
        int a = os.memAllocPageDir().value();
        int b = os.memAllocPageDir().value();
        assertEquals(os.pageDir(0), a);
        assertEquals(os.pageDir(1), b);
        assertTrue(os.memChangePageDir(a).ok());
        assertEquals(a - 0xC0000000, m.cr().cr3());
        assertTrue(os.memMapPage(0xD0400000, 0x00600000, PageFlags.WRITE).ok());
        assertEquals(a - 0xC0000000, m.cr().cr3(), "switched back to the process directory");
        int initialPde = m.readPhysical32(DIR + 833 * 4);
        assertEquals(PageFlags.OWNER, initialPde & PageFlags.OWNER, "initial_page_dir owns the new table");
        for (int pd : new int[] {a, b}) {
            int pde = m.readPhysical32(pd - 0xC0000000 + 833 * 4);
            assertEquals(initialPde & ~PageFlags.OWNER & ~0x60, pde & ~0x60, "PDE 833 of " + Integer.toHexString(pd));
        }
        m.write32(0xD0400008, 77, Access.KERNEL_WRITE);
        assertEquals(77, m.readPhysical32(0x00600008));
        assertTrue(os.memChangePageDir(b).ok());
        assertEquals(77, m.read32(0xD0400008, Access.KERNEL_READ), "the kernel half is shared");
        // Each directory maps itself at 0xFFFFF000.
        assertEquals((b - 0xC0000000) | 0x23, m.read32(0xFFFFFFFC, Access.KERNEL_READ), "with A: the walk used it");
    }

    @Test
    void staleTlbAfterAPteChangeWithoutInvalidateAndFixedByInvalidate() {
        CeanOs os = booted();
        Machine m = os.machine();
        os.memMapPage(0x08048000, 0x00500000, PageFlags.WRITE | PageFlags.USER);
        m.writePhysical32(0x00500000, 0x01D);
        m.writePhysical32(0x00600000, 0x2E0);
        assertEquals(0x01D, m.read32(0x08048000, Access.USER_READ));
        // Change the PTE through the recursive window, as kernel code would, and forget invlpg.
        m.write32(0xFFC00000 + 32 * 4096 + 0x48 * 4, 0x00600007, Access.KERNEL_WRITE);
        assertEquals(0x01D, m.read32(0x08048000, Access.USER_READ), "stale: still the old frame");
        int set = m.tlb().setOf(0x08048000);
        int way = m.tlb().lookup(0x08048000) % m.tlb().geometry().ways();
        assertTrue(m.isStale(set, way));
        assertTrue(os.invalidate(0x08048000).ok());
        assertEquals(-1, m.tlb().lookup(0x08048000), "invalidate removed the stale entry");
        assertEquals(0x2E0, m.read32(0x08048000, Access.USER_READ));
    }

    @Test
    void kmallocInitMapsFourHeapPagesAndWritesTheFirstHeader() {
        CeanOs os = booted();
        Machine m = os.machine();
        assertTrue(os.kmallocInit(0x4000).ok());
        assertEquals(0xD0000000, os.globals().heapStart());
        assertEquals(0x4000, os.globals().heapSize());
        assertEquals(5, os.globals().totalAlloc(), "one page table and four heap pages");
        assertEquals(4, os.globals().memNumVpages());
        // changeHeapSize allocates the page's frame first, then memMapPage the table: from
        // pageFrameMin 0x400, heap page 0 is frame 0x400, its table (PDE 832) 0x401, pages 1..3 0x402..0x404.
        int[] frames = {0x00400000, 0x00402000, 0x00403000, 0x00404000};
        for (int i = 0; i < 4; i++) {
            assertEquals(frames[i], m.translate(0xD0000000 + i * 0x1000, Access.KERNEL_READ));
        }
        assertEquals(0x00401000, m.readPhysical32(KernelLayout.INITIAL_PAGE_DIR + 832 * 4) & 0xFFFFF000);
        assertEquals(0x3FF0, m.read32(0xD0000000, Access.KERNEL_READ));
        assertEquals(56, m.read8(0xD000000C, Access.KERNEL_READ));
        m.read32(0xD0004000, Access.KERNEL_READ);
        assertEquals(0, m.lastFault().errorCode(), "the fifth page is not mapped");
        m.read32(0xD0000000, Access.USER_READ);
        assertEquals(5, m.lastFault().errorCode(), "the heap is supervisor-only");
    }

    @Test
    void unmapAndFree() {
        CeanOs os = booted();
        Machine m = os.machine();
        int frame = os.pmmAllocPageFrame().value();
        os.memMapPage(0x40000000, frame, PageFlags.WRITE);
        m.write32(0x40000000, 9, Access.KERNEL_WRITE);
        assertTrue(m.tlb().lookup(0x40000000) >= 0, "the write cached the page before the unmap");
        CallResult r = os.memUnmapPage(0x40000000);
        assertEquals(frame, r.value());
        m.read32(0x40000000, Access.KERNEL_READ);
        assertEquals(0, m.lastFault().errorCode(), "unmapped and invalidated");
        assertEquals(0, os.globals().memNumVpages());
        assertTrue(os.pmmFreePageFrame(frame).ok());
        assertEquals(1, os.globals().totalAlloc(), "only the page table is left");
        assertEquals(frame, os.pmmAllocPageFrame().value(), "the freed frame is handed out again");
    }

    @Test
    void freeingADirectoryReturnsItsTables() {
        CeanOs os = booted();
        int pd = os.memAllocPageDir().value();
        os.memChangePageDir(pd);
        os.memMapPage(0x00800000, 0x00700000, PageFlags.USER);
        assertEquals(1, os.globals().totalAlloc());
        os.memChangePageDir(os.initialPageDir());
        assertTrue(os.memFreePageDir(pd).ok());
        assertEquals(0, os.globals().totalAlloc());
        assertFalse(os.globals().pageDirUsed(0));
    }

    @Test
    void everyCallIsAStepInTheTrace() {
        CeanOs os = booted();
        TraceRecorder rec = new TraceRecorder();
        os.machine().trace().attach(rec);
        os.memMapPage(0x08048000, 0x00500000, PageFlags.USER);
        assertEquals(EventKind.GUEST_ENTER, rec.events().get(0).kind());
        assertEquals("memMapPage(0x08048000, 0x00500000, USER)", rec.events().get(0).text());
        assertTrue(rec.events().stream().anyMatch(e -> e.kind() == EventKind.GUEST_ENTER && e.text().equals("pmmAllocPageFrame()")));
        assertTrue(rec.events().stream().anyMatch(e -> e.kind() == EventKind.FRAME_ALLOC && e.physical() == 0x00400000));
        assertTrue(rec.events().stream().anyMatch(e -> e.kind() == EventKind.INVLPG && e.linear() == 0x08048000));
        assertEquals(EventKind.GUEST_EXIT, rec.events().get(rec.size() - 1).kind());
        assertEquals("memMapPage", rec.events().get(rec.size() - 1).text());
    }

    @Test
    void allocatingEveryFrameOfA4GibMachineIsLinear() {
        Machine m = new Machine(new MachineConfig(1 << 20, TlbGeometry.DEFAULT));
        CeanOs os = CeanOs.boot(m, GuestConfig.FIXED);
        assertTrue(os.initMemory(0xFFFFF000, 0x00400000).ok());
        int expected = 0xFFFFF - 0x400;
        int last = 0;
        for (int i = 0; i < expected; i++) {
            last = os.pmmAllocPageFrame().value();
        }
        assertEquals(0xFFFFE000, last);
        assertEquals(expected, os.globals().totalAlloc());
        CallResult none = os.pmmAllocPageFrame();
        assertEquals("out of physical frames: every frame from 0x00400000 to 0xFFFFEFFF is allocated", none.error());
    }
}
