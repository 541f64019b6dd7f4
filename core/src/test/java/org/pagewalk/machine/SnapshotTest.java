package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Snapshots for undo and checkpoints. */
class SnapshotTest {
    private static final int W = EntryBits.WRITE;

    @Test
    void restoreBringsBackMemoryRegistersAndTlb() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, W, W);
        t.m.write32(0x00403000, 0x11111111, Access.KERNEL_WRITE);
        MachineSnapshot s = t.m.snapshot();
        String before = MachineDump.of(t.m);

        t.m.write32(0x00403000, 0x22222222, Access.KERNEL_WRITE);
        t.m.writePhysical32(0x01000000, 0x33333333);
        t.m.cr().writeCr3(0x00050000);
        t.m.invlpg(0x00403000);
        assertEquals(-1, t.m.tlb().lookup(0x00403000), "the entry is gone before the restore");
        t.m.restore(s);

        assertEquals(0x11111111, t.m.readPhysical32(0x00200000));
        assertEquals(0, t.m.readPhysical32(0x01000000));
        assertEquals(Tables.DIR, t.m.cr().cr3());
        assertTrue(t.m.tlb().lookup(0x00403000) >= 0);
        assertEquals(before, MachineDump.of(t.m));

        // The snapshot stays valid after being restored and written over again.
        t.m.writePhysical32(0x00200000, 0x44444444);
        t.m.restore(s);
        assertEquals(0x11111111, t.m.readPhysical32(0x00200000));
    }

    @Test
    void manySnapshotsShareUnchangedFrames() {
        Machine m = new Machine();
        for (int f = 0; f < 2000; f++) {
            m.writePhysical32(f << 12, f + 1);
        }
        MachineSnapshot[] undo = new MachineSnapshot[500];
        for (int i = 0; i < undo.length; i++) {
            undo[i] = m.snapshot();
            m.writePhysical32(0x00005000, i);
        }
        m.restore(undo[123]);
        assertEquals(122, m.readPhysical32(0x00005000));
        assertEquals(1000, m.readPhysical32(999 << 12));
        m.restore(undo[0]);
        assertEquals(6, m.readPhysical32(0x00005000));
    }

    @Test
    void aCopyFromASnapshotIsTheWholeMachine() {
        Tables t = Tables.pagingOn();
        t.m.cr().writeCr4(ControlRegisterBits.CR4_PSE | ControlRegisterBits.CR4_PGE);
        t.map4k(0xC0403000, 0x00200000, W, W | EntryBits.GLOBAL);
        t.pde(0x100, 0x01000000 | EntryBits.PRESENT | EntryBits.PAGE_SIZE | W);
        t.m.write32(0xC0403000, 0xFEEDFACE, Access.KERNEL_WRITE);
        t.m.read32(0x40012345, Access.KERNEL_READ);
        t.m.read32(0x12345678, Access.KERNEL_READ); // a fault: CR2
        Machine copy = Machine.of(t.m.snapshot());
        assertEquals(MachineDump.of(t.m), MachineDump.of(copy));
        assertEquals(0x12345678, copy.cr().cr2());
        assertEquals(2, copy.tlb().validEntries());
        assertEquals(0xFEEDFACE, copy.read32(0xC0403000, Access.KERNEL_READ));
        assertEquals(1, copy.tlb().hits() - t.m.tlb().hits());
    }
}
