package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.explain.Narrator;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceRecorder;

/** The walk of SDM §4.3 and the A/D rules of §4.8, with the exact values in memory. */
class WalkTest {
    private static final int P = EntryBits.PRESENT;
    private static final int W = EntryBits.WRITE;
    private static final int U = EntryBits.USER;
    private static final int A = EntryBits.ACCESSED;
    private static final int D = EntryBits.DIRTY;
    private static final int PS = EntryBits.PAGE_SIZE;

    @Test
    void readSetsAccessedInBothEntriesButNotDirty() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        assertEquals(0x00200010, t.m.translate(0x00403010, Access.KERNEL_READ));
        assertEquals(Tables.tableFor(0x00403000) | P | W | A, t.pdeValue(1));
        assertEquals(0x00200000 | P | W | A, t.pteValue(Tables.tableFor(0x00403000), 3));
    }

    @Test
    void writeSetsDirtyInTheLeafOnly() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        t.m.write32(0x00403010, 0xCAFEBABE, Access.KERNEL_WRITE);
        assertEquals(Tables.tableFor(0x00403000) | P | W | A, t.pdeValue(1), "a PDE that points to a table has no D");
        assertEquals(0x00200000 | P | W | A | D, t.pteValue(Tables.tableFor(0x00403000), 3));
        assertEquals(0xCAFEBABE, t.m.readPhysical32(0x00200010));
    }

    @Test
    void fourMibPageGetsAccessedAndDirtyInThePde() {
        Tables t = Tables.pagingOn().pde(2, 0x00C00000 | P | W | PS);
        t.m.write8(0x00812345, 0x7F, Access.KERNEL_WRITE);
        assertEquals(0x00C00000 | P | W | PS | A | D, t.pdeValue(2));
        assertEquals(0x7F, t.m.readPhysical8(0x00C12345));
    }

    @Test
    void faultAtPteLeavesPdeAccessedAndTouchesNothingElse() {
        // QEMU's order (X86-FACTS.md §4.8): PDE.A is written before the PTE is read.
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, 0);
        t.pte(Tables.tableFor(0x00403000), 3, 0x00200000); // not present
        t.m.write32(0x00403000, 1, Access.KERNEL_WRITE);
        PageFault f = t.m.lastFault();
        assertEquals(PageFault.WR, f.errorCode());
        assertEquals(PageFault.LEVEL_PTE, f.level());
        assertEquals(Tables.tableFor(0x00403000) + 12, f.entryAddress());
        assertEquals(Tables.tableFor(0x00403000) | P | W | A, t.pdeValue(1));
        assertEquals(0x00200000, t.pteValue(Tables.tableFor(0x00403000), 3));
        assertEquals(0, t.m.readPhysical32(0x00200000));
    }

    @Test
    void protectionFaultSetsNoAccessedInTheLeaf() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W | U, 0);
        t.m.read32(0x00403000, Access.USER_READ);
        assertEquals(PageFault.P | PageFault.US, t.m.lastFault().errorCode());
        assertEquals(0x00200000 | P, t.pteValue(Tables.tableFor(0x00403000), 3));
    }

    @Test
    void notPresentPdeFaultsWithCodeZeroAndCr2() {
        Tables t = Tables.pagingOn();
        t.m.read32(0xDEADBEEF, Access.KERNEL_READ);
        assertEquals(0, t.m.lastFault().errorCode());
        assertEquals(PageFault.LEVEL_PDE, t.m.lastFault().level());
        assertEquals(0xDEADBEEF, t.m.cr().cr2());
        t.m.write32(0xCAFE0000, 5, Access.USER_WRITE);
        assertEquals(PageFault.WR | PageFault.US, t.m.lastFault().errorCode());
        assertEquals(0xCAFE0000, t.m.cr().cr2());
    }

    @Test
    void reservedBitsInA4MibPdeFaultWithRsvd() {
        for (int bit = 13; bit <= 21; bit++) {
            Tables t = Tables.pagingOn().pde(3, 0x00C00000 | P | W | PS | (1 << bit));
            t.m.read32(0x00C00000, Access.KERNEL_READ);
            PageFault f = t.m.lastFault();
            assertEquals(PageFault.P | PageFault.RSVD, f.errorCode(), "bit " + bit);
            assertEquals(0x00C00000 | P | W | PS | (1 << bit), t.pdeValue(3), "no A on a reserved-bit fault");
        }
        // Bit 12 is PAT, not reserved.
        Tables t = Tables.pagingOn().pde(3, 0x00C00000 | P | W | PS | EntryBits.PAT_4M);
        assertEquals(0x00C00004, t.m.translate(0x00C00004, Access.KERNEL_READ));
    }

    @Test
    void reservedCheckComesBeforeRights() {
        Tables t = Tables.pagingOn().pde(3, 0x00C00000 | P | PS | (1 << 15));
        t.m.write32(0x00C00000, 0, Access.USER_WRITE);
        assertEquals(PageFault.P | PageFault.RSVD | PageFault.WR | PageFault.US, t.m.lastFault().errorCode());
    }

    @Test
    void psIsIgnoredWithoutCr4Pse() {
        Tables t = Tables.pagingOn(MachineConfig.DEFAULT, false, true);
        // PDE 0 has PS set but points to a page table at 0x00011000 since PSE is off.
        t.pde(0, 0x00011000 | P | W | PS).pte(0x00011000, 5, 0x00777000 | P | W);
        assertEquals(0x00777123, t.m.translate(0x00005123, Access.KERNEL_READ));
        assertFalse(t.m.translateAccess(0x00005123, Access.KERNEL_READ).translation().isLargePage());
    }

    @Test
    void pagingOffMeansLinearIsPhysical() {
        Machine m = new Machine();
        m.write32(0x00123454, 0x11223344, Access.USER_WRITE);
        assertNull(m.lastFault());
        assertEquals(0x11223344, m.readPhysical32(0x00123454));
        assertEquals(0x00ABCDEF, m.translate(0x00ABCDEF, Access.USER_WRITE));
        assertEquals(0, m.tlb().validEntries());
    }

    @Test
    void lastByteOfRamAndBeyond() {
        Machine m = new Machine(new MachineConfig(256, TlbGeometry.DEFAULT)); // 1 MiB
        TraceRecorder rec = new TraceRecorder();
        m.trace().attach(rec);
        m.write8(0x000FFFFF, 0xAB, Access.KERNEL_WRITE);
        assertEquals(0xAB, m.read8(0x000FFFFF, Access.KERNEL_READ));
        m.write32(0x00100000, 0x12345678, Access.KERNEL_WRITE);
        assertEquals(0xFFFFFFFF, m.read32(0x00100000, Access.KERNEL_READ));
        assertEquals(0xFF, m.read8(0xFFFFFFFF, Access.KERNEL_READ));
        // A word straddling the end: the installed byte is real, the rest all ones.
        m.write32(0x000FFFFC, 0x0A0B0C0D, Access.KERNEL_WRITE);
        assertEquals(0xFFFF0A0B, m.readPhysical32(0x000FFFFE));
        List<TraceEvent> bus = rec.events().stream().filter(e -> e.kind() == EventKind.BUS_UNMAPPED).toList();
        assertEquals(0x00100000, bus.get(0).physical());
        assertTrue(bus.get(0).isWrite(), "the first unmapped access was the dropped write");
        assertEquals(0x12345678, bus.get(0).value());
        assertTrue(bus.size() >= 3);
    }

    @Test
    void fourGibMachineCostsOnlyTheFramesUsed() {
        Machine m = new Machine(new MachineConfig(PhysicalMemory.MAX_FRAMES, TlbGeometry.DEFAULT));
        m.writePhysical32(0xFFFFFFFC, 0x89ABCDEF);
        m.writePhysical32(0x00000000, 1);
        m.writePhysical32(0x80000000, 0); // zero into an unbacked frame costs nothing
        assertEquals(0x89ABCDEF, m.readPhysical32(0xFFFFFFFC));
        assertEquals(0x89, m.readPhysical8(0xFFFFFFFF));
        assertEquals(2, m.memory().backedFrames());
    }

    @Test
    void pageCrossingWriteChecksBothPagesFirst() {
        Tables t = Tables.pagingOn().map4k(0x00400000, 0x00200000, W, W);
        // 0x00401000 is not mapped: the write faults on the second page and the first is untouched.
        t.m.write32(0x00400FFE, 0x11223344, Access.KERNEL_WRITE);
        assertEquals(0x00401000, t.m.lastFault().linear());
        assertEquals(0, t.m.readPhysical32(0x00200FFC));
        t.map4k(0x00401000, 0x00300000, W, W);
        t.m.write32(0x00400FFE, 0x11223344, Access.KERNEL_WRITE);
        assertNull(t.m.lastFault());
        assertEquals(0x33440000, t.m.readPhysical32(0x00200FFC));
        assertEquals(0x00001122, t.m.readPhysical32(0x00300000));
        assertEquals(0x11223344, t.m.read32(0x00400FFE, Access.KERNEL_READ));
    }

    @Test
    void walkEventsCarryEntryAddressesAndValues() {
        Tables t = Tables.pagingOn().map4k(0xC0403000, 0x00200000, W, W);
        TraceRecorder rec = new TraceRecorder();
        t.m.trace().attach(rec);
        t.m.read32(0xC0403008, Access.KERNEL_READ);
        List<TraceEvent> e = rec.events();
        assertEquals(EventKind.WALK_START, e.get(0).kind());
        assertEquals(EventKind.TLB_MISS, e.get(1).kind());
        assertEquals(EventKind.PDE_READ, e.get(2).kind());
        assertEquals(Tables.DIR + 769 * 4, e.get(2).entryAddress());
        assertEquals(769, e.get(2).index());
        assertEquals(EventKind.ACCESSED_SET, e.get(3).kind());
        assertEquals(EventKind.PTE_READ, e.get(4).kind());
        assertEquals(Tables.tableFor(0xC0403000) + 3 * 4, e.get(4).entryAddress());
        assertEquals(0x00200000 | P | W, e.get(4).entry());
        assertEquals("PTE 3 at physical " + org.pagewalk.text.Hex.hex32(Tables.tableFor(0xC0403000) + 12)
                + " = 0x00200003: present, 4 KiB page at 0x00200000, supervisor, writable", Narrator.line(e.get(4)));
        t.m.trace().detach(rec);
        int before = rec.size();
        t.m.read32(0xC0403008, Access.KERNEL_READ);
        assertEquals(before, rec.size(), "a detached listener hears nothing");
    }

    @Test
    void probeHasNoSideEffects() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        AccessResult r = t.m.probe(0x00403010, Access.KERNEL_WRITE);
        assertEquals(0x00200010, r.physical());
        assertEquals(Tables.tableFor(0x00403000) | P | W, t.pdeValue(1));
        assertEquals(0, t.m.tlb().validEntries());
        AccessResult f = t.m.probe(0x12345678, Access.USER_READ);
        assertEquals(PageFault.US, f.fault().errorCode());
        assertEquals(0, t.m.cr().cr2());
    }
}
