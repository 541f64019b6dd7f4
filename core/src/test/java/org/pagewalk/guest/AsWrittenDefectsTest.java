package org.pagewalk.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceRecorder;

/** Each defect of the original mm/mem.c, with its visible consequence; the fixed variant without it. */
class AsWrittenDefectsTest {
    private static CeanOs asWritten(int ramMiB, Defect... defects) {
        int bits = 0;
        for (Defect d : defects) {
            bits |= d.bit();
        }
        return CeanOs.boot(new Machine(MachineConfig.ofMiB(ramMiB, 64, 4)), new GuestConfig(Variant.AS_WRITTEN, bits));
    }

    private static CeanOs fixed(int ramMiB) {
        return CeanOs.boot(new Machine(MachineConfig.ofMiB(ramMiB, 64, 4)), GuestConfig.FIXED);
    }

    @Test
    void frameAddressMultiplyHandsOutPhysicalZeroFirst() {
        CeanOs os = CeanOs.boot(new Machine(), GuestConfig.AS_WRITTEN);
        os.initMemory(0x02000000, 0x00400000);
        // pageFrameMin 0x400, start byte 0x80: b*8*i for i = 0, 1, 2.
        assertEquals(0x00000000, os.pmmAllocPageFrame().value());
        assertEquals(0x00400000, os.pmmAllocPageFrame().value());
        assertEquals(0x00800000, os.pmmAllocPageFrame().value());
        assertEquals(3, os.globals().totalAlloc());

        CeanOs f = fixed(32);
        f.initMemory(0x02000000, 0x00400000);
        assertEquals(0x00400000, f.pmmAllocPageFrame().value());
        assertEquals(0x00401000, f.pmmAllocPageFrame().value());
    }

    @Test
    void firstPageTableOverwritesPhysicalZero() {
        CeanOs os = CeanOs.boot(new Machine(), GuestConfig.AS_WRITTEN);
        Machine m = os.machine();
        os.initMemory(0x02000000, 0x00400000);
        m.writePhysical32(0x00000000, 0xF000FF53); // a real-mode IVT entry, as the BIOS leaves it
        assertTrue(os.memMapPage(0x08048000, 0x00500000, PageFlags.USER | PageFlags.WRITE).ok());
        assertEquals(0x00000000, m.readPhysical32(KernelLayout.INITIAL_PAGE_DIR + 32 * 4) & 0xFFFFF000, "the table is at physical 0");
        assertEquals(0, m.readPhysical32(0x00000000), "the IVT word was zeroed with the new table");
    }

    @Test
    void bitmapOf512MibOverrunsIntoPageDirs() {
        CeanOs os = asWritten(1024, Defect.BITMAP_512_MIB);
        Machine m = os.machine();
        os.initMemory(0x40000000, 0x20000000);
        assertEquals(0x20000000, os.pmmAllocPageFrame().value());
        int pageDirs0 = os.layout().pageDirs();
        assertEquals(0x00004000, os.layout().bitmapBytes());
        assertEquals(pageDirs0, KernelLayout.BITMAP + 0x4000);
        assertEquals(0x00000001, m.readPhysical32(pageDirs0), "frame 0x20000's bit landed in pageDirs[0][0]");

        CeanOs f = fixed(1024);
        f.initMemory(0x40000000, 0x20000000);
        assertEquals(0x20000000, f.pmmAllocPageFrame().value());
        assertEquals(0, f.machine().readPhysical32(f.layout().pageDirs()));
        assertTrue(GuestGlobals.bitmapBit(f.machine(), 0x20000));
    }

    @Test
    void byteRoundingSkipsFramesAtBothEnds() {
        CeanOs os = asWritten(32, Defect.BYTE_ROUNDING);
        os.initMemory(0x01FFF000, 0x00401000); // frames 0x401 .. 0x1FFE
        assertEquals(0x00408000, os.pmmAllocPageFrame().value(), "0x401..0x407 are skipped");
        int last = 0;
        for (int i = 0; i < 0x2000; i++) {
            CallResult r = os.pmmAllocPageFrame();
            if (!r.ok()) {
                break;
            }
            last = r.value();
        }
        assertEquals(0x01FEF000, last, "0x1FF0..0x1FFE are never handed out");

        CeanOs f = fixed(32);
        f.initMemory(0x01FFF000, 0x00401000);
        assertEquals(0x00401000, f.pmmAllocPageFrame().value());
    }

    @Test
    void noOutOfMemoryCheckPutsAPageTableAtPhysicalZero() {
        CeanOs os = asWritten(32, Defect.NO_OUT_OF_MEMORY_CHECK);
        Machine m = os.machine();
        os.initMemory(0x00402000, 0x00400000); // two frames
        os.pmmAllocPageFrame();
        os.pmmAllocPageFrame();
        assertEquals(0, os.pmmAllocPageFrame().value());
        assertTrue(os.memMapPage(0x40000000, 0x00500000, PageFlags.WRITE).ok());
        assertEquals(0x00000000, m.readPhysical32(KernelLayout.INITIAL_PAGE_DIR + 256 * 4) & 0xFFFFF000);
        assertEquals(0x00500003, m.readPhysical32(0x00000000) & ~0x60);

        CeanOs f = fixed(32);
        f.initMemory(0x00652000, 0x00650000);
        f.pmmAllocPageFrame();
        f.pmmAllocPageFrame();
        CallResult r = f.memMapPage(0x40000000, 0x00500000, PageFlags.WRITE);
        assertEquals("out of physical frames: every frame from 0x00650000 to 0x00651FFF is allocated", r.error());
    }

    @Test
    void silentRemapOverwritesAndCountsAgain() {
        CeanOs os = asWritten(32, Defect.SILENT_REMAP);
        os.initMemory(0x02000000, 0x00400000);
        os.memMapPage(0x08048000, 0x00500000, PageFlags.USER);
        assertTrue(os.memMapPage(0x08048000, 0x00600000, PageFlags.USER).ok());
        assertEquals(2, os.globals().memNumVpages());
        assertEquals(0x00600005, os.machine().readPhysical32(0x00400000 + 0x48 * 4) & ~0x60);

        CeanOs f = fixed(32);
        f.initMemory(0x02000000, 0x00400000);
        f.memMapPage(0x08048000, 0x00500000, PageFlags.USER);
        CallResult r = f.memMapPage(0x08048000, 0x00600000, PageFlags.USER);
        assertEquals("0x08048000 is already mapped to 0x00500000: unmap it first, or ask for a remap", r.error());
        assertTrue(f.memMapPage(0x08048000, 0x00600000, PageFlags.USER, true).ok());
        assertEquals(1, f.globals().memNumVpages(), "a remap is not a new page");
    }

    @Test
    void invalidateOnItsOwnStackSlotLeavesStaleTranslations() {
        CeanOs os = asWritten(32, Defect.SILENT_REMAP, Defect.INVALIDATE_STACK_SLOT);
        Machine m = os.machine();
        os.initMemory(0x02000000, 0x00400000);
        os.memMapPage(0x08048000, 0x00500000, PageFlags.USER | PageFlags.WRITE);
        m.writePhysical32(0x00500000, 0x0000AAAA);
        m.writePhysical32(0x00600000, 0x0000BBBB);
        assertEquals(0xAAAA, m.read32(0x08048000, Access.USER_READ));
        assertTrue(m.tlb().lookup(0x08048000) >= 0, "the read cached the page before the remap");
        TraceRecorder rec = new TraceRecorder();
        m.trace().attach(rec);
        os.memMapPage(0x08048000, 0x00600000, PageFlags.USER | PageFlags.WRITE);
        int slot = KernelLayout.virt(KernelLayout.INVALIDATE_ARG_SLOT);
        assertTrue(rec.events().stream().anyMatch(e -> e.kind() == EventKind.INVLPG && e.linear() == slot));
        assertTrue(rec.events().stream().noneMatch(e -> e.kind() == EventKind.INVLPG && e.linear() == 0x08048000));
        assertEquals(0x08048000, m.readPhysical32(KernelLayout.INVALIDATE_ARG_SLOT), "vaddr sits in the slot");
        assertEquals(0xAAAA, m.read32(0x08048000, Access.USER_READ), "the stale translation survived memMapPage");

        CeanOs f = fixed(32);
        Machine fm = f.machine();
        f.initMemory(0x02000000, 0x00400000);
        f.memMapPage(0x08048000, 0x00500000, PageFlags.USER | PageFlags.WRITE);
        fm.writePhysical32(0x00600000, 0x0000BBBB);
        fm.read32(0x08048000, Access.USER_READ);
        assertTrue(fm.tlb().lookup(0x08048000) >= 0, "the read cached the page before the remap");
        f.memMapPage(0x08048000, 0x00600000, PageFlags.USER | PageFlags.WRITE, true);
        assertEquals(0xBBBB, fm.read32(0x08048000, Access.USER_READ));
    }

    @Test
    void heapInTheUserHalfIsNotSharedWithProcesses() {
        CeanOs os = asWritten(32, Defect.HEAP_IN_USER_HALF);
        Machine m = os.machine();
        os.initMemory(0x02000000, 0x00400000);
        os.kmallocInit(0x4000);
        assertEquals(0x0D000000, os.globals().heapStart());
        assertEquals(0x3FF0, m.read32(0x0D000000, Access.KERNEL_READ));
        int pd = os.memAllocPageDir().value();
        os.memChangePageDir(pd);
        m.read32(0x0D000000, Access.KERNEL_READ);
        assertEquals(0, m.lastFault().errorCode(), "PDE 52 is not in the process directory");

        CeanOs f = fixed(32);
        Machine fm = f.machine();
        f.initMemory(0x02000000, 0x00400000);
        f.kmallocInit(0x4000);
        int fpd = f.memAllocPageDir().value();
        f.memChangePageDir(fpd);
        assertEquals(0x3FF0, fm.read32(0xD0000000, Access.KERNEL_READ));
        assertNull(fm.lastFault());
    }

    @Test
    void everyDefectIsDescribed() {
        for (Defect d : Defect.values()) {
            assertTrue(d.consequence().length() > 60, d.key());
            assertEquals(d, Defect.byKey(d.key()));
        }
        assertEquals("as written", GuestConfig.AS_WRITTEN.toString());
        assertEquals("as written (defects: silent-remap)", new GuestConfig(Variant.AS_WRITTEN, Defect.SILENT_REMAP.bit()).toString());
    }
}
