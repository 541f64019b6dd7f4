package org.pagewalk.machine;

/**
 * The one decision of SDM §4.6: may this access use a translation whose combined rights are
 * {@code userPage} (U/S = 1 at every level) and {@code writablePage} (R/W = 1 at every level)?
 *
 * <pre>
 * access            U/S=0 (supervisor page)        U/S=1 (user page)
 * kernel read       allowed                        allowed
 * kernel write      R/W=1, or CR0.WP=0             R/W=1, or CR0.WP=0
 * user read         fault                          allowed
 * user write        fault                          R/W=1 only (WP does not matter)
 * </pre>
 */
public final class AccessRights {
    private AccessRights() {
    }

    public static boolean permits(boolean wp, boolean userAccess, boolean userPage,
                                  boolean writablePage, boolean write) {
        if (userAccess) {
            return userPage && (!write || writablePage);
        }
        return !write || writablePage || !wp;
    }

    /** The same decision on bit sets: {@code rights} holds EntryBits.WRITE/USER, {@code access} Access bits. */
    public static boolean permits(boolean wp, int access, int rights) {
        return permits(wp, (access & Access.USER) != 0, (rights & EntryBits.USER) != 0,
                (rights & EntryBits.WRITE) != 0, (access & Access.WRITE) != 0);
    }
}
