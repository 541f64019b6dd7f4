package org.pagewalk.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.machine.Access;
import org.pagewalk.scenario.Interpreter;
import org.pagewalk.scenario.Session;
import org.pagewalk.trace.TraceRecorder;

/** What the page's views compute: entry tables for the grids, walk previews, frame map layouts. */
class ViewModelTest {
    private static Session booted(String... more) {
        Session s = new Session();
        Interpreter.runLine(s, "boot ceanos");
        Interpreter.runLine(s, "init_mm");
        for (String line : more) {
            Interpreter.runLine(s, line);
        }
        return s;
    }

    @Test
    void directoryOfTheBootState() {
        EntryTable dir = EntryTable.directory(booted().machine());
        assertEquals(KernelLayout.INITIAL_PAGE_DIR, dir.base());
        assertEquals(EntryTable.DIRECTORY, dir.level());
        assertEquals(EntryInfo.NOT_PRESENT, dir.kind(0), "init_mm clears PDE 0");
        for (int i = 768; i <= 771; i++) {
            assertEquals(EntryInfo.LARGE_PAGE, dir.kind(i), "PDE " + i);
        }
        assertEquals(EntryInfo.TABLE, dir.kind(832), "the heap's page table at 0xD0000000");
        assertEquals(EntryInfo.RECURSIVE, dir.kind(1023));
        assertEquals(0x0010BC00, dir.entryAddress(768));
        assertEquals(0xC0000000, dir.linear(768));
        assertEquals("PDE 768 at 0x0010BC00 = 0x000000E3: present, 4 MiB page at 0x00000000, supervisor, writable, accessed, dirty",
                dir.summary(768));
        assertTrue(dir.describe(768).contains("Translates 0xC0000000..0xC03FFFFF"), dir.describe(768));
        assertTrue(dir.describe(768).contains("Kernel half"), dir.describe(768));
        assertEquals("Page directory at 0x0010B000: 1 page table, 4 4 MiB pages, 1 recursive entry, 1018 entries not present.",
                dir.overview());
        assertNull(dir.note());
    }

    @Test
    void tableOfAMappedPage() {
        Session s = booted("memMapPage 0x08048000 0x00600000 WRITE|USER");
        EntryTable dir = EntryTable.directory(s.machine());
        assertEquals(EntryInfo.TABLE, dir.kind(32));
        assertTrue(EntryInfo.has(dir.info(32), EntryInfo.MARK_OWNER));
        assertTrue(EntryInfo.has(dir.info(32), EntryInfo.MARK_USER));
        EntryTable table = EntryTable.table(s.machine(), 32);
        assertTrue(table.exists());
        // init_mm took frames 0x250..0x254 (pageFrameMin 0x250 = kernel end 0x00250000 / 4 KiB; kmallocInit's
        // four heap pages and one table), so PDE 32's new table is frame 0x255; PTE 72 is at + 4 x 72 = 0x120.
        assertEquals(0x00255000, table.base());
        assertEquals(EntryInfo.PAGE, table.kind(72));
        assertEquals(0x08048000, table.linear(72));
        assertEquals(0x00255120, table.entryAddress(72));
        assertEquals("PTE 72 at 0x00255120 = 0x00600007: present, 4 KiB page at 0x00600000, user, writable", table.summary(72));
        assertEquals("Page table of PDE 32 at 0x00255000: 1 4 KiB page, 1023 entries not present.", table.overview());
    }

    @Test
    void noTableBehindANotPresentOrLargePde() {
        Session s = booted();
        EntryTable none = EntryTable.table(s.machine(), 5);
        assertFalse(none.exists());
        assertEquals("PDE 5 is not present: no page table maps 0x01400000..0x017FFFFF.", none.note());
        EntryTable large = EntryTable.table(s.machine(), 768);
        assertFalse(large.exists());
        assertEquals("PDE 768 maps a 4 MiB page (0xC0000000..0xC03FFFFF to physical 0x00000000): there is no page table.",
                large.note());
        EntryTable recursive = EntryTable.table(s.machine(), 1023);
        assertTrue(recursive.exists());
        assertEquals(KernelLayout.INITIAL_PAGE_DIR, recursive.base());
        assertTrue(recursive.note().contains("recursive entry"), recursive.note());
    }

    @Test
    void previewChangesNothing() {
        TraceRecorder rec = new TraceRecorder();
        Session s = new Session(rec);
        Interpreter.runLine(s, "boot ceanos");
        Interpreter.runLine(s, "init_mm");
        Interpreter.runLine(s, "memMapPage 0x08048000 0x00600000 WRITE|USER");
        int pte = s.machine().readPhysical32(0x00255120);
        int misses = s.machine().tlb().misses();
        int events = rec.size();
        List<WalkStep> steps = WalkPreview.of(s.machine(), 0x08048010, Access.KERNEL_READ);
        assertEquals("Frame 0x00600000 + offset 0x010 = physical 0x00600010.", steps.get(steps.size() - 1).sentence());
        assertEquals(pte, s.machine().readPhysical32(0x00255120), "no Accessed bit set in the real machine");
        assertEquals(misses, s.machine().tlb().misses());
        assertEquals(-1, s.machine().tlb().lookup(0x08048000), "nothing cached in the real TLB");
        assertEquals(events, rec.size(), "no events in the real trace");

        Interpreter.runLine(s, "read 0x08048000");
        steps = WalkPreview.of(s.machine(), 0x08048010, Access.KERNEL_READ);
        assertEquals(WalkStep.TLB, steps.get(1).station(), "a cached page previews as a hit");
        assertTrue(steps.get(1).sentence().startsWith("TLB hit"), steps.get(1).sentence());

        steps = WalkPreview.of(s.machine(), 0x09000000, Access.USER_WRITE);
        assertEquals(WalkStep.FAULT, steps.get(steps.size() - 1).station());
        assertEquals(0, s.machine().cr().cr2(), "CR2 untouched");
    }

    @Test
    void previewWithPagingOff() {
        Session s = new Session();
        Interpreter.runLine(s, "boot bare");
        List<WalkStep> steps = WalkPreview.of(s.machine(), 0x1234, Access.KERNEL_READ);
        assertEquals(1, steps.size());
        assertEquals(WalkStep.FRAME, steps.get(0).station());
    }

    @Test
    void frameMapLayoutPrefersBigCells() {
        FrameMapLayout l = FrameMapLayout.fit(8192, 880, 520);
        assertEquals(1, l.group());
        assertEquals(128, l.columns());
        assertEquals(64, l.rows());
        assertEquals(6, l.cell());
        assertEquals(768, l.width());
        assertEquals(384, l.height());
        assertEquals(0, l.cellAt(0, 0));
        assertEquals(129, l.cellAt(6, 6));
        assertEquals(-1, l.cellAt(768, 0));
    }

    @Test
    void aFourGigabyteWindowGroupsFramesOnlyWhenItMust() {
        FrameMapLayout retina = FrameMapLayout.fit(1 << 20, 1760, 1040);
        assertEquals(1, retina.group(), "one device pixel per frame at 2x");
        assertEquals(1024, retina.columns());
        FrameMapLayout plain = FrameMapLayout.fit(1 << 20, 880, 520);
        assertEquals(4, plain.group());
        assertEquals(1, plain.cell());
        assertTrue(plain.width() <= 880 && plain.height() <= 520);
        FrameMapLayout tiny = FrameMapLayout.fit(256, 0, 0);
        assertEquals(256, tiny.group() * tiny.columns() * tiny.rows());
    }
}
