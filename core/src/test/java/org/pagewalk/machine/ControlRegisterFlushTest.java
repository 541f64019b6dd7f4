package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What each control-register write flushes, as the write's own result (SDM Vol. 3A §4.10.4.1):
 * the counts are the entries this test put in the TLB, not read back from it.
 */
class ControlRegisterFlushTest {
    private static final int A = 0x00400000;
    private static final int B = 0x00401000;
    private static final int G = 0x00402000;

    /** Paging on with CR4.PGE, and three pages cached: two ordinary, one global. */
    private static Machine threeCached() {
        Tables t = Tables.pagingOn(MachineConfig.DEFAULT, false, false);
        assertEquals(0, t.m.cr().writeCr4(ControlRegisterBits.CR4_PGE), "an empty TLB has nothing to flush");
        t.map4k(A, 0x00100000, EntryBits.WRITE, 0)
                .map4k(B, 0x00101000, EntryBits.WRITE, 0)
                .map4k(G, 0x00102000, EntryBits.WRITE, EntryBits.GLOBAL);
        for (int linear : new int[] {A, B, G}) {
            t.m.read32(linear, Access.KERNEL_READ);
        }
        return t.m;
    }

    @Test
    void aCr3WriteFlushesTheNonGlobalEntriesOnly() {
        Machine m = threeCached();
        assertEquals(2, m.cr().writeCr3(Tables.DIR), "A and B go, G stays");
        assertEquals(0, m.cr().writeCr3(Tables.DIR), "only G is left, and it is global");
    }

    @Test
    void aPgeChangeFlushesEveryEntry() {
        assertEquals(3, threeCached().cr().writeCr4(0));
    }

    @Test
    void aPseChangeFlushesEveryEntry() {
        assertEquals(3, threeCached().cr().writeCr4(ControlRegisterBits.CR4_PGE | ControlRegisterBits.CR4_PSE));
    }

    @Test
    void writesThatKeepTheTranslationsFlushNothing() {
        Machine m = threeCached();
        assertEquals(0, m.cr().writeCr4(ControlRegisterBits.CR4_PGE), "the same CR4");
        assertEquals(0, m.cr().writeCr2(0x12345000));
        assertEquals(0, m.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG | ControlRegisterBits.CR0_WP),
                "WP is checked at every hit, so setting it flushes nothing");
    }

    @Test
    void turningPagingOffFlushesEveryEntry() {
        assertEquals(3, threeCached().cr().writeCr0(ControlRegisterBits.CR0_PE));
    }
}
