package org.pagewalk.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.ControlRegisterBits;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.TlbEntry;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.InvalidationCause;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceRecorder;

/** The sentences the log, the walk view, the TLB panel and {@code --trace} print. */
class NarratorTest {
    private static final int DIR = 0x00010000;
    private static final int TABLE = 0x00011000;

    /** 0xC0403000 -> 0x00200000 through PDE 769 and PTE 3, paging on with PSE and WP. */
    private static Machine machine() {
        Machine m = new Machine();
        m.writePhysical32(DIR + 769 * 4, TABLE | EntryBits.PRESENT | EntryBits.WRITE);
        m.writePhysical32(TABLE + 3 * 4, 0x00200000 | EntryBits.PRESENT | EntryBits.WRITE);
        m.cr().writeCr3(DIR);
        m.cr().writeCr4(ControlRegisterBits.CR4_PSE);
        m.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG | ControlRegisterBits.CR0_WP);
        return m;
    }

    private static List<String> lines(List<TraceEvent> events) {
        List<String> out = new ArrayList<>();
        for (TraceEvent e : events) {
            out.add(e.kind() + " " + Narrator.line(e));
        }
        return out;
    }

    @Test
    void aMissThenAHitInTheLog() {
        Machine m = machine();
        TraceRecorder rec = new TraceRecorder();
        m.trace().attach(rec);
        m.read32(0xC0403008, Access.KERNEL_READ);
        m.read32(0xC040300C, Access.KERNEL_READ);
        assertEquals(List.of(
                "WALK_START Translate 0xC0403008 for a kernel read: directory index 769, table index 3, offset 0x008",
                "TLB_MISS TLB miss for 0xC0403008 (set 3): walk the page tables",
                "PDE_READ PDE 769 at physical 0x00010C04 = 0x00011003: present, page table at 0x00011000, supervisor, writable",
                "ACCESSED_SET Set Accessed in the PDE at 0x00010C04: 0x00011003 -> 0x00011023",
                "PTE_READ PTE 3 at physical 0x0001100C = 0x00200003: present, 4 KiB page at 0x00200000, supervisor, writable",
                "ACCESSED_SET Set Accessed in the PTE at 0x0001100C: 0x00200003 -> 0x00200023",
                "TLB_FILL TLB fill set 3 way 0: page 0xC0403000 -> 0x00200000",
                "TRANSLATED Linear 0xC0403008 is physical 0x00200008 (4 KiB page)",
                "DATA_READ Read 0x00000000 from 0xC0403008 (physical 0x00200008)",
                "WALK_START Translate 0xC040300C for a kernel read: directory index 769, table index 3, offset 0x00C",
                "TLB_HIT TLB hit for 0xC040300C in set 3 way 0: physical 0x0020000C, no walk",
                "TRANSLATED Linear 0xC040300C is physical 0x0020000C (4 KiB page)",
                "DATA_READ Read 0x00000000 from 0xC040300C (physical 0x0020000C)"), lines(rec.events()));
    }

    @Test
    void aFaultInTheLogAndTheWalkView() {
        Machine m = machine();
        m.read32(0xC0403000, Access.KERNEL_READ);
        m.writePhysical32(TABLE + 3 * 4, 0x00200000 | EntryBits.PRESENT); // read-only now, no INVLPG
        TraceRecorder rec = new TraceRecorder();
        m.trace().attach(rec);
        m.write32(0xC0403000, 1, Access.KERNEL_WRITE);
        List<TraceEvent> events = rec.events();
        assertEquals(List.of(
                "WALK_START Translate 0xC0403000 for a kernel write: directory index 769, table index 3, offset 0x000",
                "TLB_DIRTY_REWALK TLB entry for 0xC0403000 (set 3 way 0) has Dirty clear: a write walks again to set Dirty",
                "TLB_INVALIDATE TLB entry set 3 way 0 (page 0xC0403000) removed by re-walk",
                "PDE_READ PDE 769 at physical 0x00010C04 = 0x00011023: present, page table at 0x00011000, supervisor, writable, accessed",
                "PTE_READ PTE 3 at physical 0x0001100C = 0x00200001: present, 4 KiB page at 0x00200000, supervisor, read-only",
                "PAGE_FAULT Page fault at 0xC0403000: error code 0x3 (P=1 W/R=1 U/S=0 RSVD=0), CR2 = 0xC0403000"),
                lines(events));
        TraceEvent fault = events.get(events.size() - 1);
        assertEquals("Page fault (#PF): error code 0x3 = P=1 W/R=1 U/S=0 RSVD=0; CR2 = 0xC0403000 (the faulting address).",
                Narrator.step(fault));
        assertEquals("CR3 holds the page directory's physical address: 0x00010000.", Narrator.directoryBase(events.get(3)));
        assertEquals("a kernel write to a read-only page with CR0.WP=1", Words.reason(m.lastFault()));
    }

    @Test
    void otherEvents() {
        assertEquals("CR3 = 0x00010000 (was 0x00000000)", Narrator.line(new TraceEvent(EventKind.CR_WRITE, 3, 0, DIR, 0, null)));
        assertEquals("CR3 write flushed 1 TLB entry, kept 2 global",
                Narrator.line(new TraceEvent(EventKind.TLB_FLUSH, InvalidationCause.CR3_WRITE, 1, 2, 0, null)));
        assertEquals("INVLPG 0x08048000: 2 TLB entries removed", Narrator.line(new TraceEvent(EventKind.INVLPG, 0x08048000, 2, 0, 0, null)));
        assertEquals("Write of 0x12345678 to 0x00100000 beyond installed RAM: dropped",
                Narrator.line(new TraceEvent(EventKind.BUS_UNMAPPED, 0x00100000, 1, 0x12345678, 4, null)));
        assertEquals("Frame 1024 allocated (physical 0x00400000), totalAlloc = 3",
                Narrator.line(new TraceEvent(EventKind.FRAME_ALLOC, 0x00400000, 1024, 3, 0, null)));
        assertEquals("failed: no frame", Narrator.line(new TraceEvent(EventKind.GUEST_EXIT, 0, 1, 0, 0, "no frame")));
        assertNull(Narrator.step(new TraceEvent(EventKind.TLB_INVALIDATE, 0, 0, 0x403, InvalidationCause.INVLPG, null)),
                "the walk view shows only the fault's invalidation");
        assertEquals("The fault removes the TLB entry for this page.",
                Narrator.step(new TraceEvent(EventKind.TLB_INVALIDATE, 0, 0, 0x403, InvalidationCause.PAGE_FAULT, null)));
    }

    @Test
    void staleEntriesInWords() {
        Machine m = machine();
        m.read32(0xC0403000, Access.KERNEL_READ);
        TlbEntry e = m.tlb().entry(m.tlb().lookup(0xC0403000));
        assertNull(Words.staleness(m.staleness(e.set(), e.way())));
        m.writePhysical32(TABLE + 3 * 4, 0x00300000 | EntryBits.PRESENT | EntryBits.WRITE);
        assertEquals("the TLB says 0xC0403000 -> 0x00200000; memory says 0xC0403000 -> 0x00300000",
                Words.staleness(m.staleness(e.set(), e.way())));
        m.writePhysical32(TABLE + 3 * 4, 0x00200000 | EntryBits.PRESENT); // read-only now
        assertEquals("the TLB says 0xC0403000 -> 0x00200000 supervisor writable; memory says supervisor read-only",
                Words.staleness(m.staleness(e.set(), e.way())));
        m.writePhysical32(TABLE + 3 * 4, 0);
        assertEquals("the TLB says 0xC0403000 -> 0x00200000; memory says not mapped (the page-table entry is not present)",
                Words.staleness(m.staleness(e.set(), e.way())));
    }

    @Test
    void valuesInWords() {
        assertEquals("user write", Words.access(Access.USER_WRITE));
        assertEquals("P=1 W/R=0 U/S=1 RSVD=1", Words.errorCode(0xD));
        assertEquals("G PS d A pcd pwt us RW P", Words.flags(0x1A3, 2));
        assertEquals("0x000000E3: present, 4 MiB page at 0x00000000, supervisor, writable, accessed, dirty",
                Words.entry(0xE3, 2, true));
        assertEquals("0x000000E3: present, page table at 0x00000000, supervisor, writable, accessed",
                Words.entry(0xE3, 2, false), "PS means nothing without CR4.PSE");
    }
}
