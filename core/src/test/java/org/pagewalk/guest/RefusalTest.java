package org.pagewalk.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineDump;
import org.pagewalk.machine.MachineConfig;

/** Every refused call of the fixed variant: its message, and the machine exactly as before. */
class RefusalTest {
    /** initMemory(32 MiB, 0x00400000): the allocator's range is frames 0x400..0x1FFF (0x00400000..0x01FFFFFF). */
    private static CeanOs booted() {
        CeanOs os = CeanOs.boot(new Machine(), GuestConfig.FIXED);
        os.initMemory(0x02000000, 0x00400000);
        os.kmallocInit(0x4000);
        os.memMapPage(0x08048000, 0x00500000, PageFlags.USER);
        return os;
    }

    private static void refused(CeanOs os, String message, Supplier<CallResult> call) {
        String before = MachineDump.of(os.machine());
        CallResult r = call.get();
        assertFalse(r.ok());
        assertEquals(message, r.error());
        assertEquals(before, MachineDump.of(os.machine()), "machine changed by a refused " + r.function());
    }

    @Test
    void memMapPageArguments() {
        CeanOs os = booted();
        refused(os, "the virtual address 0x08049010 is not page aligned (its low 12 bits must be 0)",
                () -> os.memMapPage(0x08049010, 0x00600000, 0));
        refused(os, "the physical address 0x00600800 is not page aligned (its low 12 bits must be 0)",
                () -> os.memMapPage(0x08049000, 0x00600800, 0));
        refused(os, "the physical address 0x02000000 is beyond installed RAM (32 MiB)",
                () -> os.memMapPage(0x08049000, 0x02000000, 0));
        refused(os, "flags PS are not allowed: use WRITE, USER, PWT, PCD and GLOBAL (PRESENT is always set)",
                () -> os.memMapPage(0x08049000, 0x00600000, PageFlags.PS));
        refused(os, "0xFFC01000 is inside the recursive window (PDE 1023, 0xFFC00000 and up), where the page tables themselves appear",
                () -> os.memMapPage(0xFFC01000, 0x00600000, 0));
        refused(os, "0xC0123000 lies inside the 4 MiB page of PDE 768: it has no page table to put a PTE in",
                () -> os.memMapPage(0xC0123000, 0x00600000, 0));
        refused(os, "0x08048000 is already mapped to 0x00500000: unmap it first, or ask for a remap",
                () -> os.memMapPage(0x08048000, 0x00600000, PageFlags.USER));
    }

    @Test
    void outOfFramesInTheMiddleOfAMapUndoesEverything() {
        CeanOs os = CeanOs.boot(new Machine(), GuestConfig.FIXED);
        os.initMemory(0x00401000, 0x00400000); // one frame
        os.pmmAllocPageFrame();
        refused(os, "out of physical frames: every frame from 0x00400000 to 0x00400FFF is allocated",
                () -> os.memMapPage(0x40000000, 0x00600000, 0));
        refused(os, "out of physical frames: every frame from 0x00400000 to 0x00400FFF is allocated",
                () -> os.pmmAllocPageFrame());
        // Kernel address: the call switched CR3 before failing; the refusal switches nothing.
        int pd = os.memAllocPageDir().value();
        os.memChangePageDir(pd);
        refused(os, "out of physical frames: every frame from 0x00400000 to 0x00400FFF is allocated",
                () -> os.memMapPage(0xE0000000, 0x00600000, 0));
    }

    @Test
    void allocatorRangeAndFrees() {
        CeanOs os = booted();
        refused(os, "memHigh 0x04000000 is beyond installed RAM (32 MiB, the highest allowed is 0x02000000)",
                () -> os.initMemory(0x04000000, 0x00400000));
        refused(os, "the allocation start 0x00100000 lies below the end of the kernel image (0x00250000): the allocator would hand out the kernel's own frames",
                () -> os.initMemory(0x02000000, 0x00100000));
        refused(os, "the allocation start 0x01000000 must be below memHigh 0x00800000",
                () -> os.pmm_init(0x01000000, 0x00800000));
        refused(os, "frame 0x00700000 is not allocated: freeing it twice would corrupt totalAlloc",
                () -> os.pmmFreePageFrame(0x00700000));
        refused(os, "the physical address 0x00400004 is not page aligned (its low 12 bits must be 0)",
                () -> os.pmmFreePageFrame(0x00400004));
        refused(os, "0x00100000 is outside the allocator's range 0x00400000..0x01FFFFFF",
                () -> os.pmmFreePageFrame(0x00100000));
    }

    @Test
    void directories() {
        CeanOs os = booted();
        refused(os, "0x12345000 is not a page directory: expected initial_page_dir (0xC010B000) or pageDirs[0..255] (0xC0150000 + 4 KiB * i)",
                () -> os.memChangePageDir(0x12345000));
        refused(os, "pageDirs[3] at 0xC0153000 is not in use: allocate it with memAllocPageDir first",
                () -> os.memChangePageDir(0xC0153000));
        int pd = os.memAllocPageDir().value();
        os.memChangePageDir(pd);
        refused(os, "0xC0150000 is the current page directory (CR3): switch to another one first",
                () -> os.memFreePageDir(pd));
        for (int i = 1; i < 256; i++) {
            os.memAllocPageDir();
        }
        refused(os, "the page-directory pool is full: all 256 pageDirs are in use", os::memAllocPageDir);
    }

    @Test
    void unmapAndHeap() {
        CeanOs os = booted();
        refused(os, "0x40000000 is not mapped: PDE 256 is not present", () -> os.memUnmapPage(0x40000000));
        refused(os, "0x08049000 is not mapped: its PTE is not present", () -> os.memUnmapPage(0x08049000));
        refused(os, "heap size 0x10001000 is out of range: 0 to 0x10000000 (256 MiB)", () -> os.changeHeapSize(0x10001000));
    }

    @Test
    void bootNeedsRoomForTheKernel() {
        Machine small = new Machine(MachineConfig.ofMiB(2, 64, 4));
        assertEquals("CeanOS's kernel image ends at 0x00250000 and does not fit in 2 MiB of RAM: boot it with 4 MiB or more",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> CeanOs.boot(small, GuestConfig.FIXED)).getMessage());
    }
}
