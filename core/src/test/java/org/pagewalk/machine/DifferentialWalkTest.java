package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pagewalk.explain.Words;

/**
 * Thousands of random page-table images and accesses: the machine (TLB flushed before each
 * access) against a deliberately plain reference walk written here from the SDM's text, using
 * long arithmetic and no shared code. The seed is printed in every failure message.
 */
class DifferentialWalkTest {
    private static final long SEED = 0x5EED_2026L;

    /** The SDM §4.3/§4.6/§4.7 walk as a student would write it from the manual. */
    static final class Reference {
        long physical = -1;
        int errorCode = -1;
        long pdeAfter;
        long pteAfter;
        long pteAddress = -1;

        void walk(long cr3, boolean pse, boolean wp, long[] dir, java.util.Map<Long, long[]> tables,
                  long linear, boolean user, boolean write) {
            int di = (int) (linear >> 22);
            int ti = (int) ((linear >> 12) & 1023);
            long pde = dir[di];
            pdeAfter = pde;
            int wrBit = write ? 2 : 0;
            int usBit = user ? 4 : 0;
            if ((pde & 1) == 0) {
                errorCode = wrBit | usBit;
                return;
            }
            boolean big = pse && (pde & 0x80) != 0;
            if (big) {
                for (int bit = 13; bit <= 21; bit++) {
                    if ((pde & (1L << bit)) != 0) {
                        errorCode = 1 | 8 | wrBit | usBit;
                        return;
                    }
                }
                boolean canWrite = (pde & 2) != 0;
                boolean isUser = (pde & 4) != 0;
                if (!ok(wp, user, write, canWrite, isUser)) {
                    errorCode = 1 | wrBit | usBit;
                    return;
                }
                pdeAfter = pde | 0x20 | (write ? 0x40 : 0);
                physical = (pde & 0xFFC00000L) + (linear & 0x3FFFFF);
                return;
            }
            pdeAfter = pde | 0x20;
            pteAddress = (pde & 0xFFFFF000L) + ti * 4L;
            long[] table = tables.get(pde & 0xFFFFF000L);
            long pte = table == null ? 0 : table[ti];
            pteAfter = pte;
            if ((pte & 1) == 0) {
                errorCode = wrBit | usBit;
                return;
            }
            boolean canWrite = (pde & 2) != 0 && (pte & 2) != 0;
            boolean isUser = (pde & 4) != 0 && (pte & 4) != 0;
            if (!ok(wp, user, write, canWrite, isUser)) {
                errorCode = 1 | wrBit | usBit;
                return;
            }
            pteAfter = pte | 0x20 | (write ? 0x40 : 0);
            physical = (pte & 0xFFFFF000L) + (linear & 0xFFF);
        }

        private static boolean ok(boolean wp, boolean user, boolean write, boolean canWrite, boolean isUser) {
            if (user) {
                return isUser && (!write || canWrite);
            }
            return !write || canWrite || !wp;
        }
    }

    @Test
    void machineAgreesWithReferenceWalk() {
        Random rnd = new Random(SEED);
        int checked = 0;
        for (int image = 0; image < 60; image++) {
            boolean pse = rnd.nextBoolean();
            boolean wp = rnd.nextBoolean();
            Machine m = new Machine(new MachineConfig(1 << 20, TlbGeometry.DEFAULT));
            long cr3 = 0x00100000L + ((long) rnd.nextInt(64) << 12);
            m.cr().writeCr3((int) cr3);
            m.cr().writeCr4(pse ? ControlRegisterBits.CR4_PSE : 0);
            m.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG | (wp ? ControlRegisterBits.CR0_WP : 0));
            long[] dir = new long[1024];
            java.util.Map<Long, long[]> tables = new java.util.HashMap<>();
            // A few directory slots carry the interesting cases; the rest stay not present.
            int[] used = new int[24];
            for (int k = 0; k < used.length; k++) {
                int di = rnd.nextInt(1024);
                used[k] = di;
                long flags = rnd.nextInt(0x200) | (rnd.nextInt(4) == 0 ? 0 : 1);
                long entry;
                if ((flags & 0x80) != 0 && rnd.nextBoolean()) {
                    long reserved = rnd.nextInt(6) == 0 ? (1L << (13 + rnd.nextInt(9))) : 0;
                    entry = ((long) rnd.nextInt(1024) << 22) | reserved | flags | (rnd.nextBoolean() ? 0x1000 : 0);
                } else {
                    long tableAddr = 0x00200000L + ((long) k << 12);
                    entry = tableAddr | flags;
                    long[] table = tables.computeIfAbsent(tableAddr, a -> new long[1024]);
                    for (int j = 0; j < 1024; j++) {
                        table[j] = rnd.nextInt(3) == 0 ? 0 : (((long) rnd.nextInt(1 << 20) << 12) | rnd.nextInt(0x1000));
                        m.writePhysical32((int) (tableAddr + j * 4L), (int) table[j]);
                    }
                }
                dir[di] = entry;
                m.writePhysical32((int) (cr3 + di * 4L), (int) entry);
            }
            for (int a = 0; a < 80; a++) {
                int di = rnd.nextInt(5) == 0 ? rnd.nextInt(1024) : used[rnd.nextInt(used.length)];
                long linear = ((long) di << 22) | (rnd.nextInt(1 << 22) & ~3);
                boolean user = rnd.nextBoolean();
                boolean write = rnd.nextBoolean();
                // The reference reads the current image, A/D bits included.
                for (int k = 0; k < 1024; k++) {
                    dir[k] = m.readPhysical32((int) (cr3 + k * 4L)) & 0xFFFFFFFFL;
                }
                for (java.util.Map.Entry<Long, long[]> e : tables.entrySet()) {
                    for (int j = 0; j < 1024; j++) {
                        e.getValue()[j] = m.readPhysical32((int) (e.getKey() + j * 4L)) & 0xFFFFFFFFL;
                    }
                }
                Reference ref = new Reference();
                ref.walk(cr3, pse, wp, dir, tables, linear, user, write);
                m.cr().writeCr3((int) cr3); // flush
                int access = (user ? Access.USER : 0) | (write ? Access.WRITE : 0);
                int physical = m.translate((int) linear, access);
                String what = "seed " + Long.toHexString(SEED) + " image " + image + " access " + a + ": "
                        + Words.access(access) + " of 0x" + Long.toHexString(linear) + " pse=" + pse + " wp=" + wp
                        + " pde=0x" + Long.toHexString(dir[di]);
                if (ref.errorCode >= 0) {
                    assertEquals(ref.errorCode, m.lastFault() == null ? -1 : m.lastFault().errorCode(), what);
                    assertEquals((int) linear, m.cr().cr2(), what);
                } else {
                    assertEquals(null, m.lastFault(), what);
                    assertEquals(ref.physical, physical & 0xFFFFFFFFL, what);
                }
                assertEquals(ref.pdeAfter, m.readPhysical32((int) (cr3 + di * 4L)) & 0xFFFFFFFFL, what + " (PDE after)");
                if (ref.pteAddress >= 0) {
                    assertEquals(ref.pteAfter, m.readPhysical32((int) ref.pteAddress) & 0xFFFFFFFFL, what + " (PTE after)");
                }
                checked++;
            }
        }
        assertEquals(60 * 80, checked);
    }
}
