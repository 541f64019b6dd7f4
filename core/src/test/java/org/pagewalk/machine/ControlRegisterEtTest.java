package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CR0.ET (bit 4): "in P6 family ... this flag is hardwired to 1" (SDM Vol. 3A §2.5). */
class ControlRegisterEtTest {
    @Test
    void aNewMachineReadsPeAndEt() {
        assertEquals(0x00000011, new Machine().cr().cr0());
    }

    @Test
    void writesCannotClearEt() {
        Machine m = new Machine();
        m.cr().writeCr0(0x00000001);
        assertEquals(0x00000011, m.cr().cr0());
        m.cr().writeCr0(0x80010001);
        assertEquals(0x80010011, m.cr().cr0());
        m.cr().writeCr0(0x80000011);
        assertEquals(0x80000011, m.cr().cr0());
        m.cr().writeCr0(0);
        assertEquals(0x00000010, m.cr().cr0(), "real mode, ET still 1");
    }

    @Test
    void restoringASnapshotKeepsEt() {
        Machine m = new Machine();
        m.cr().writeCr0(0x80000001);
        Machine copy = Machine.of(m.snapshot());
        assertEquals(0x80000011, copy.cr().cr0());
    }
}
