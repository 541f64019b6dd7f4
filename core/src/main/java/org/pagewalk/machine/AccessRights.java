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
        int required = required(wp, access);
        return (rights & required) == required;
    }

    /**
     * The table above as the rights an access requires: the EntryBits.USER and EntryBits.WRITE
     * bits that must all be set in the combined rights, so that the check is one mask test (a TLB
     * hit's, in {@link Tlb#serves}). Access.USER and Access.WRITE sit where EntryBits.USER and
     * EntryBits.WRITE do (bits 2 and 1), so the access's own bits are the requirement: a user
     * access requires U/S; a write requires R/W if it is a user's or CR0.WP is set.
     */
    static int required(boolean wp, int access) {
        int user = access & Access.USER;
        return user | (user != 0 || wp ? access & Access.WRITE : 0);
    }
}
