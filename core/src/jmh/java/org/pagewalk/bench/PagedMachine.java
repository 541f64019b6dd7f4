package org.pagewalk.bench;

import org.pagewalk.machine.ControlRegisterBits;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;

/**
 * A bare machine with paging on, built by hand as a boot loader would: one page directory and
 * one page table that maps the 1024 pages of 0x00400000..0x007FFFFF (4 KiB pages, supervisor,
 * writable) to physical 0x00800000..0x00BFFFFF. Default geometry: 32 MiB, TLB 64 entries 4-way.
 */
final class PagedMachine {
    static final int DIR = 0x00010000;
    static final int TABLE = 0x00011000;
    static final int LINEAR = 0x00400000;
    static final int PHYSICAL = 0x00800000;
    static final int PAGES = 1024;

    private PagedMachine() {
    }

    static Machine create() {
        Machine m = new Machine(MachineConfig.DEFAULT);
        int rw = EntryBits.PRESENT | EntryBits.WRITE;
        m.writePhysical32(DIR + (LINEAR >>> 22) * 4, TABLE | rw);
        for (int i = 0; i < PAGES; i++) {
            m.writePhysical32(TABLE + i * 4, (PHYSICAL + (i << 12)) | rw);
        }
        m.cr().writeCr3(DIR);
        m.cr().writeCr4(ControlRegisterBits.CR4_PSE);
        m.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG | ControlRegisterBits.CR0_WP);
        return m;
    }

    /** Fails the run loudly if a benchmark's premise (hit, miss, no fault) does not hold. */
    static void check(boolean premise, String what) {
        if (!premise) {
            throw new IllegalStateException("benchmark premise broken: " + what);
        }
    }
}
