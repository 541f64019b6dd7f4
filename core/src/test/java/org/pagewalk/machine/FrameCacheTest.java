package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The walker keeps the arrays of the directory and table frames it last read. Copy-on-write
 * (the first write after a snapshot), a frame getting storage, and a restore all replace those
 * arrays: the walk must then read the new ones, never the snapshot's.
 */
class FrameCacheTest {
    private static final int DIR = 0x00010000;
    private static final int TABLE = 0x00011000;

    private static Machine paged() {
        Machine m = new Machine();
        m.writePhysical32(DIR, TABLE | 3);
        m.writePhysical32(TABLE + 4, 0x00005000 | 0x23);
        m.cr().writeCr3(DIR);
        m.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG);
        return m;
    }

    @Test
    void aWalkAfterCopyOnWriteAndRestoreReadsTheTablesAsTheyAreNow() {
        Machine m = paged();
        assertEquals(0x00005010, m.translate(0x00001010, Access.KERNEL_READ));
        MachineSnapshot before = m.snapshot();
        m.writePhysical32(TABLE + 4, 0x00009000 | 0x23); // copies the table's frame
        m.invlpg(0x00001000);
        assertEquals(0x00009010, m.translate(0x00001010, Access.KERNEL_READ));
        m.restore(before);
        m.invlpg(0x00001000);
        assertEquals(0x00005010, m.translate(0x00001010, Access.KERNEL_READ));
        m.writePhysical32(DIR, 0x00012000 | 3);           // a directory entry to a table with no storage yet
        m.invlpg(0x00001000);
        assertEquals(0, m.translate(0x00001010, Access.KERNEL_READ));
        m.writePhysical32(0x00012000 + 4, 0x00007000 | 0x23); // that frame gets storage now
        assertEquals(0x00007010, m.translate(0x00001010, Access.KERNEL_READ));
    }

    @Test
    void aRolledBackJournalIsWhatTheNextWalkReads() {
        Machine m = paged();
        m.translate(0x00001010, Access.KERNEL_READ);
        m.snapshot();
        m.begin();
        m.writePhysical32(TABLE + 4, 0x00009000 | 0x23);
        m.rollback();
        m.invlpg(0x00001000);
        assertEquals(0x00005010, m.translate(0x00001010, Access.KERNEL_READ));
    }
}
