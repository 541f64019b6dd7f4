package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A TLB hit decides with one mask test ({@link Tlb#serves}) under CR0.WP as it is at the hit:
 * for every WP, every combination of cached U/S, R/W and D and every kind of access, the entry
 * serves exactly when SDM §4.6 allows the access (written out here, not taken from
 * {@link AccessRights}) and a write finds D set; otherwise the walk decides. The page table is
 * changed after the fill to point elsewhere, so the physical address says which of the two
 * answered. CR0.WP written after the fill (no flush), a snapshot restore and a journal rollback
 * all bring the hit under the CR0 they leave.
 */
class TlbHitRightsTest {
    private static final int PAGE = 0x00403000;
    private static final int CACHED = 0x00200000;
    private static final int WALKED = 0x00300000;
    private static final int W = EntryBits.WRITE;
    private static final int U = EntryBits.USER;

    /** SDM Vol. 3A §4.6, 32-bit paging, CPL and WP as given. */
    private static boolean sdmAllows(boolean wp, boolean user, boolean write, boolean userPage, boolean writablePage) {
        if (user) {
            return userPage && (!write || writablePage);
        }
        return !write || writablePage || !wp;
    }

    @Test
    void aHitServesExactlyTheAccessesItsCachedRightsAllowUnderTheCurrentWp() {
        int cases = 0;
        for (int wpNow = 0; wpNow < 2; wpNow++) {
            for (int rights = 0; rights < 4; rights++) {
                for (int dirty = 0; dirty < 2; dirty++) {
                    for (int access : new int[] {Access.KERNEL_READ, Access.KERNEL_WRITE, Access.USER_READ, Access.USER_WRITE}) {
                        boolean userPage = (rights & 1) != 0;
                        boolean writablePage = (rights & 2) != 0;
                        int pteRights = (userPage ? U : 0) | (writablePage ? W : 0);
                        // Filled under the other WP, by a kernel read (always allowed).
                        Tables t = Tables.pagingOn(MachineConfig.DEFAULT, true, wpNow == 0);
                        t.map4k(PAGE, CACHED, W | U, pteRights | EntryBits.ACCESSED | (dirty == 1 ? EntryBits.DIRTY : 0));
                        assertFalse(t.m.translateAccess(PAGE, Access.KERNEL_READ).isFault());
                        t.m.cr().writeCr0(t.m.cr().cr0() ^ ControlRegisterBits.CR0_WP);
                        // The tables now grant everything elsewhere: a walk answers WALKED, the TLB CACHED.
                        t.pte(Tables.tableFor(PAGE), (PAGE >>> 12) & 0x3FF, WALKED | W | U | EntryBits.PRESENT
                                | EntryBits.ACCESSED | EntryBits.DIRTY);
                        boolean write = Access.isWrite(access);
                        boolean served = sdmAllows(wpNow == 1, Access.isUser(access), write, userPage, writablePage)
                                && (!write || dirty == 1);
                        String what = "WP=" + wpNow + " U/S=" + (userPage ? 1 : 0) + " R/W=" + (writablePage ? 1 : 0) + " D=" + dirty
                                + " access=" + access;
                        AccessResult preview = t.m.preview(PAGE + 8, access);
                        AccessResult r = t.m.translateAccess(PAGE + 8, access);
                        assertEquals(served, r.hit(), what);
                        assertEquals((served ? CACHED : WALKED) + 8, r.physical(), what);
                        assertEquals(served, preview.translation().isFromTlb(), what + " (preview)");
                        assertEquals(r.physical(), preview.physical(), what + " (preview)");
                        cases++;
                    }
                }
            }
        }
        assertEquals(64, cases);
    }

    @Test
    void aSnapshotRestoreAndARollbackBringTheHitUnderTheWpTheyRestore() {
        // A supervisor read-only page, D set: a kernel write hits with WP clear, faults with WP set.
        Tables t = Tables.pagingOn(MachineConfig.DEFAULT, true, false);
        t.map4k(PAGE, CACHED, W | U, EntryBits.ACCESSED | EntryBits.DIRTY);
        assertFalse(t.m.translateAccess(PAGE, Access.KERNEL_READ).isFault());
        assertTrue(t.m.translateAccess(PAGE, Access.KERNEL_WRITE).hit(), "WP clear: the kernel writes through");
        MachineSnapshot wpClear = t.m.snapshot();

        t.m.cr().writeCr0(t.m.cr().cr0() | ControlRegisterBits.CR0_WP);
        AccessResult refused = t.m.translateAccess(PAGE, Access.KERNEL_WRITE);
        assertTrue(refused.isFault(), "WP set: the read-only page refuses the kernel's write");
        assertEquals(0x3, refused.fault().errorCode(), "present, write, supervisor");

        t.m.restore(wpClear);
        AccessResult again = t.m.translateAccess(PAGE + 4, Access.KERNEL_WRITE);
        assertTrue(again.hit(), "restored with WP clear: the restored entry serves the write");
        assertEquals(CACHED + 4, again.physical());

        t.m.begin();
        t.m.cr().writeCr0(t.m.cr().cr0() | ControlRegisterBits.CR0_WP);
        t.m.rollback();
        AccessResult afterRollback = t.m.translateAccess(PAGE + 8, Access.KERNEL_WRITE);
        assertTrue(afterRollback.hit(), "rolled back to WP clear: the entry serves the write");
        assertEquals(CACHED + 8, afterRollback.physical());
    }
}
