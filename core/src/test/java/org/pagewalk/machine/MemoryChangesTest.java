package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link PhysicalMemory#changes} moves on every path that can change a word — a write through
 * the MMU (A/D bits too), a physical write, a journal rollback, a snapshot restore — and stays
 * put when nothing changed (a read, a write of the value already there), so a reader may skip
 * its work while the stamp is the one it saw.
 */
class MemoryChangesTest {
    private static final int DIR = 0x00010000;
    private static final int TABLE = 0x00011000;

    @Test
    void everyPathThatChangesAWordMovesTheStampAndNothingElseDoes() {
        Machine m = new Machine();
        PhysicalMemory mem = m.memory();
        int stamp = mem.changes();
        m.writePhysical32(DIR, TABLE | 3);
        stamp = moved(mem, stamp, "a physical write");
        m.writePhysical32(TABLE + 4, 0x00005000 | 3);
        stamp = moved(mem, stamp, "a physical write to the table");
        m.writePhysical32(DIR, TABLE | 3);
        stamp = same(mem, stamp, "a write of the value already there");
        m.cr().writeCr3(DIR);
        m.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG);
        stamp = same(mem, stamp, "control registers are not memory");
        assertEquals(0x00005010, m.translate(0x00001010, Access.KERNEL_READ));
        stamp = moved(mem, stamp, "a walk that sets Accessed");
        assertEquals(0x00005010, m.translate(0x00001010, Access.KERNEL_READ));
        stamp = same(mem, stamp, "a TLB hit");
        m.write32(0x00001010, 7, Access.KERNEL_WRITE);
        stamp = moved(mem, stamp, "a write through the MMU (and Dirty)");
        assertEquals(7, m.readPhysical32(0x00005010));
        stamp = same(mem, stamp, "a physical read");
        MachineSnapshot saved = m.snapshot();
        stamp = same(mem, stamp, "a snapshot");
        m.begin();
        m.writePhysical8(0x00005011, 1);
        stamp = moved(mem, stamp, "a byte write in a journal");
        m.rollback();
        stamp = moved(mem, stamp, "a rollback");
        assertEquals(7, m.readPhysical32(0x00005010));
        m.restore(saved);
        moved(mem, stamp, "a restore");
    }

    private static int moved(PhysicalMemory mem, int before, String what) {
        assertNotEquals(before, mem.changes(), what + " moves the stamp");
        return mem.changes();
    }

    private static int same(PhysicalMemory mem, int before, String what) {
        assertEquals(before, mem.changes(), what + " leaves the stamp");
        return before;
    }
}
