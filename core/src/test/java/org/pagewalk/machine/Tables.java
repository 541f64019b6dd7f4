package org.pagewalk.machine;

/** Builds page tables by hand in physical memory, as a boot loader would, for tests. */
final class Tables {
    static final int DIR = 0x00010000;
    static final int TABLE = 0x00011000;

    final Machine m;

    Tables(Machine m) {
        this.m = m;
    }

    static Tables pagingOn(MachineConfig config, boolean pse, boolean wp) {
        Machine m = new Machine(config);
        m.cr().writeCr3(DIR);
        m.cr().writeCr4(pse ? ControlRegisterBits.CR4_PSE : 0);
        m.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG | (wp ? ControlRegisterBits.CR0_WP : 0));
        return new Tables(m);
    }

    static Tables pagingOn() {
        return pagingOn(MachineConfig.DEFAULT, true, true);
    }

    Tables pde(int index, int value) {
        m.memory().write32(DIR + index * 4, value);
        return this;
    }

    int pdeValue(int index) {
        return m.memory().read32(DIR + index * 4);
    }

    /** PTE {@code index} of the table at {@code tableBase}. */
    Tables pte(int tableBase, int index, int value) {
        m.memory().write32(tableBase + index * 4, value);
        return this;
    }

    int pteValue(int tableBase, int index) {
        return m.memory().read32(tableBase + index * 4);
    }

    /** Maps the 4 KiB page at {@code linear} through TABLE + 4 KiB * directory index. */
    Tables map4k(int linear, int physical, int pdeFlags, int pteFlags) {
        int dir = linear >>> 22;
        int table = TABLE + (dir << 12);
        pde(dir, table | pdeFlags | EntryBits.PRESENT);
        pte(table, (linear >>> 12) & 0x3FF, physical | pteFlags | EntryBits.PRESENT);
        return this;
    }

    static int tableFor(int linear) {
        return TABLE + ((linear >>> 22) << 12);
    }
}
