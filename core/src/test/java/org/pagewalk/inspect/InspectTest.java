package org.pagewalk.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.scenario.Interpreter;
import org.pagewalk.scenario.Session;
import org.pagewalk.trace.TraceRecorder;

class InspectTest {
    private static Session run(TraceRecorder rec, String... lines) {
        Session s = new Session(rec);
        for (String l : lines) {
            Interpreter.runLine(s, l);
        }
        return s;
    }

    @Test
    void frameMapClassifiesEveryFrame() {
        Session s = run(null, "boot ceanos", "init_mm", "pd = memAllocPageDir", "memMapPage 0x08048000 0x00500000 USER");
        FrameMap map = FrameMap.of(s.machine(), s.os());
        assertEquals(FrameKind.LOW, map.kind(0));
        assertEquals(FrameKind.KERNEL_IMAGE, map.kind(0x100));
        assertEquals(FrameKind.DIRECTORY, map.kind(KernelLayout.INITIAL_PAGE_DIR >>> 12));
        assertEquals(FrameKind.DIRECTORY, map.kind(0x150), "pageDirs[0] is in use (inside the kernel image)");
        // init_mm: the kernel image ends at 0x00250000 (bitmap 0x00130000 + 128 KiB = pageDirs 0x00150000,
        // + 256 directories of 4 KiB), so pageFrameMin = 0x250; kmallocInit(0x4000) then takes frame 0x250
        // (heap page 0 at 0xD0000000), 0x251 (its page table, PDE 832) and 0x252..0x254 (heap pages 1..3).
        // pageDirs[0] is at 0x00150000 (frame 0x150), inside the image.
        assertEquals(FrameKind.PAGE_TABLE, map.kind(0x251), "the heap's page table");
        assertEquals(FrameKind.MAPPED, map.kind(0x250), "the first heap page");
        assertEquals(FrameKind.MAPPED, map.kind(0x500));
        assertEquals(FrameKind.FREE, map.kind(0x600));
        assertEquals(FrameKind.BEYOND_RAM, map.kind(0x2000));
        assertTrue(map.bitmapUsed(0x250));
        assertTrue(map.disagrees(0x500), "mapped by hand, never allocated: the allocator may hand it out");
    }

    @Test
    void frameMapShowsWhereTheBitmapDisagrees() {
        Session s = run(null, "boot ceanos", "init_mm", "memMapPage 0x08048000 0x00600000 USER");
        FrameMap map = FrameMap.of(s.machine(), s.os());
        assertTrue(map.disagrees(0x600), "mapped, yet free in the bitmap");
        // init_mm took frames 0x250..0x254 (see above), so PDE 32's new table is the next, 0x255.
        assertFalse(map.disagrees(0x255), "the new table was allocated");
    }

    @Test
    void entryKinds() {
        int dir = KernelLayout.INITIAL_PAGE_DIR;
        assertEquals(EntryInfo.LARGE_PAGE, EntryInfo.kind(EntryInfo.directoryEntry(0x83, 768, dir, true)));
        assertTrue(EntryInfo.has(EntryInfo.directoryEntry(0x83, 768, dir, true), EntryInfo.MARK_KERNEL_HALF));
        assertEquals(EntryInfo.TABLE, EntryInfo.kind(EntryInfo.directoryEntry(0x83, 768, dir, false)));
        assertEquals(EntryInfo.RECURSIVE, EntryInfo.kind(EntryInfo.directoryEntry(dir | 3, 1023, dir, true)));
        int owned = EntryInfo.directoryEntry(0x00400207, 32, dir, true);
        assertEquals(EntryInfo.TABLE, EntryInfo.kind(owned));
        assertTrue(EntryInfo.has(owned, EntryInfo.MARK_OWNER));
        assertTrue(EntryInfo.has(owned, EntryInfo.MARK_USER));
        assertEquals(EntryInfo.NOT_PRESENT, EntryInfo.kind(EntryInfo.tableEntry(0x00400006, 32)));
    }

    @Test
    void narrationOfAWalkAndOfAHit() {
        TraceRecorder rec = new TraceRecorder();
        Session s = run(rec, "boot ceanos", "init_mm", "memMapPage 0x08048000 0x00500000 USER|WRITE");
        int mark = rec.size();
        Interpreter.runLine(s, "read user 0x08048004");
        List<WalkStep> steps = WalkNarration.lastWalk(rec.since(mark));
        assertEquals("Translate 0x08048004 for a user read: directory index 32 (bits 31..22), table index 72 (bits 21..12), offset 0x004 (bits 11..0).",
                steps.get(0).sentence());
        assertEquals("CR3 holds the page directory's physical address: 0x0010B000.", steps.get(2).sentence());
        // PDE 32's table is frame 0x255, the first after init_mm's 0x250..0x254 (frameMapClassifiesEveryFrame).
        assertEquals("PDE 32 at physical 0x0010B080 (0x0010B000 + 4 x 32) = 0x00255267: present, page table at 0x00255000, user, writable, accessed.",
                steps.get(3).sentence());
        assertEquals(WalkStep.TABLE, steps.get(4).station());
        assertTrue(steps.stream().noneMatch(WalkStep::isTlbHit), "a walk, not a hit");
        assertEquals("Frame 0x00500000 + offset 0x004 = physical 0x00500004.", steps.get(steps.size() - 1).sentence());
        mark = rec.size();
        Interpreter.runLine(s, "read user 0x08048008");
        steps = WalkNarration.lastWalk(rec.since(mark));
        assertEquals(3, steps.size());
        assertTrue(steps.get(1).sentence().startsWith("TLB hit in set 8, way"), steps.get(1).sentence());
        assertTrue(steps.get(1).isTlbHit());
        assertEquals(WalkStep.TLB, steps.get(1).station());
        assertEquals(0x00500008, steps.get(1).address());
        mark = rec.size();
        Interpreter.runLine(s, "read user 0xC0000000");
        steps = WalkNarration.lastWalk(rec.since(mark));
        assertEquals("Page fault (#PF): error code 0x5 = P=1 W/R=0 U/S=1 RSVD=0; CR2 = 0xC0000000 (the faulting address).",
                steps.get(steps.size() - 1).sentence());
    }
}
