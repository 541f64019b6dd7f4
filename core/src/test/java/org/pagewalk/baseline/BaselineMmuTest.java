package org.pagewalk.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.ControlRegisterBits;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;

/**
 * The benchmark baseline does the same work as Pagewalk: for the same page tables and the same
 * accesses it gives the same physical address or fault as {@link Machine}, and leaves the same
 * A and D bits in memory, TLB staleness and LRU eviction included.
 */
class BaselineMmuTest {
    private static final int RAM = 32 << 20;
    private static final int DIR = 0x00010000;
    private static final int TABLES = 0x00011000;
    private static final int RW = 3;
    private static final int PS = 0x80;

    private Machine machine;
    private BaselineMmu baseline;

    private void boot(boolean wp) {
        machine = new Machine(MachineConfig.ofMiB(32, 64, 4));
        baseline = new BaselineMmu(RAM, DIR, true, wp);
        machine.cr().writeCr3(DIR);
        machine.cr().writeCr4(ControlRegisterBits.CR4_PSE);
        machine.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG | (wp ? ControlRegisterBits.CR0_WP : 0));
    }

    private void poke(int physical, int value) {
        machine.writePhysical32(physical, value);
        baseline.write32(physical, value);
    }

    @Test
    void translatesHandWrittenMappingsOfBothSizes() {
        boot(true);
        poke(DIR + 1 * 4, TABLES | RW);                    // 0x00400000..: a page table
        poke(TABLES + 0x3 * 4, 0x00803000 | RW);           // 0x00403000 -> 0x00803000
        poke(DIR + 2 * 4, 0x01400000 | PS | RW | 4);       // 0x00800000..: a 4 MiB user page at 0x01400000
        assertEquals(0x00803234, baseline.translate(0x00403234, 0));
        assertEquals(0x014ABCDE, baseline.translate(0x008ABCDE, BaselineMmu.USER | BaselineMmu.WRITE));
        assertEquals(0x00803000 | RW | 0x20, baseline.read32(TABLES + 0x3 * 4), "A set on the PTE by a read");
        assertEquals(0x01400000 | PS | RW | 4 | 0x60, baseline.read32(DIR + 2 * 4), "A and D on the 4 MiB PDE");
        baseline.translate(0x00404000, 0);
        assertTrue(baseline.faulted(), "a not-present PTE faults");
        baseline.translate(0x00403000, BaselineMmu.USER);
        assertTrue(baseline.faulted(), "a supervisor page refuses a user read");
        assertEquals(0x00803000, machine.translate(0x00403000, Access.KERNEL_READ));
        assertEquals(0x014ABCDE, machine.translate(0x008ABCDE, Access.USER_WRITE));
    }

    /** Random tables, random accesses, tables changed behind the TLB's back: both agree at every step. */
    @Test
    void agreesWithMachineOnRandomAccesses() {
        for (int seed = 1; seed <= 40; seed++) {
            Random r = new Random(seed);
            boot(seed % 3 != 0);
            for (int d = 0; d < 48; d++) {
                poke(DIR + d * 4, directoryEntry(r, d));
            }
            for (int i = 0; i < 48 * 1024; i += 1 + r.nextInt(7)) {
                poke(TABLES + i * 4, tableEntry(r));
            }
            for (int step = 0; step < 4000; step++) {
                if (r.nextInt(20) == 0) {
                    int d = r.nextInt(48);
                    poke(DIR + d * 4, directoryEntry(r, d));
                } else if (r.nextInt(10) == 0) {
                    poke(TABLES + r.nextInt(48 * 1024) * 4, tableEntry(r));
                }
                int linear = (r.nextInt(48) << 22) | (r.nextInt(r.nextBoolean() ? 8 : 1024) << 12) | r.nextInt(4096);
                int access = r.nextInt(4) << 1;
                int expected = machine.translate(linear, access);
                int actual = baseline.translate(linear, access);
                String where = "seed " + seed + " step " + step + " linear " + Integer.toHexString(linear) + " access " + access;
                assertEquals(machine.lastFault() != null, baseline.faulted(), where);
                assertEquals(expected, actual, where);
            }
            for (int i = 0; i < 48 * 1024; i++) {
                assertEquals(machine.readPhysical32(TABLES + i * 4), baseline.read32(TABLES + i * 4), "seed " + seed);
            }
            for (int d = 0; d < 48; d++) {
                assertEquals(machine.readPhysical32(DIR + d * 4), baseline.read32(DIR + d * 4), "seed " + seed);
            }
        }
    }

    @Test
    void aTlbHitIsServedFromTheTlbEvenAfterTheTableChanged() {
        boot(true);
        poke(DIR, TABLES | RW);
        poke(TABLES + 4, 0x00005000 | RW);
        assertEquals(0x00005010, baseline.translate(0x00001010, 0));
        poke(TABLES + 4, 0x00009000 | RW);
        assertEquals(0x00005010, baseline.translate(0x00001010, 0), "stale until evicted");
        assertFalse(baseline.faulted());
    }

    private static int directoryEntry(Random r, int d) {
        int rights = r.nextInt(8) == 0 ? 0 : 1 | (r.nextInt(4) << 1) | (r.nextInt(3) == 0 ? 0x60 : 0);
        if (r.nextInt(3) == 0) {
            int reserved = r.nextInt(16) == 0 ? 0x2000 : 0;
            return ((64 + r.nextInt(64)) << 22) | PS | rights | reserved;
        }
        return (TABLES + d * 4096) | rights;
    }

    private static int tableEntry(Random r) {
        int rights = r.nextInt(6) == 0 ? 0 : 1 | (r.nextInt(4) << 1) | (r.nextInt(4) == 0 ? 0x40 : 0);
        return ((0x2000 + r.nextInt(0x4000)) << 12) | rights;
    }

    /** The benchmark's four workloads: the same sums, and each really hits or misses on Pagewalk. */
    @Test
    void ratioWorkloadsDoTheSameWorkOnBoth() {
        Machine m = RatioWorkload.pagewalk();
        BaselineMmu b = RatioWorkload.baseline();
        for (int k = 0; k < RatioWorkload.NAMES.length; k++) {
            int[] a = RatioWorkload.addresses(k);
            for (int round = 0; round < 3; round++) {
                m.tlb().resetCounters();
                assertEquals(RatioWorkload.run(m, a), RatioWorkload.run(b, a), RatioWorkload.NAMES[k]);
                boolean hits = k == RatioWorkload.HIT_4K || k == RatioWorkload.HIT_4M;
                if (round == 0) {
                    continue; // the previous workload's pages are still in the TLB
                }
                assertEquals(hits ? a.length : 0, m.tlb().hits(), RatioWorkload.NAMES[k] + " hits");
                assertEquals(hits ? 0 : a.length, m.tlb().misses(), RatioWorkload.NAMES[k] + " misses");
            }
        }
        // Independently: the first 4 MiB miss is 0x10000000 + offset 0 -> frame 0 of the PDE.
        assertEquals(0x00000000, b.translate(0x10000000, 0));
        assertEquals(0x00800000 + 0x5034, b.translate(RatioWorkload.LINEAR_4K + 0x5034, 0));
    }
}
