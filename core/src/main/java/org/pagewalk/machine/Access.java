package org.pagewalk.machine;

/**
 * The kind of a memory access, as bits that sit where the page-fault error code has them
 * (§4.7): bit 1 W/R (a write), bit 2 U/S (at CPL 3). The fault's code is then
 * {@code access | P | RSVD} with no translation table.
 */
public final class Access {
    public static final int READ = 0;
    public static final int WRITE = 1 << 1;
    public static final int USER = 1 << 2;

    public static final int KERNEL_READ = READ;
    public static final int KERNEL_WRITE = WRITE;
    public static final int USER_READ = USER;
    public static final int USER_WRITE = USER | WRITE;

    private Access() {
    }

    public static boolean isWrite(int access) {
        return (access & WRITE) != 0;
    }

    public static boolean isUser(int access) {
        return (access & USER) != 0;
    }
}
