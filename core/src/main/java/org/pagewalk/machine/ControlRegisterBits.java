package org.pagewalk.machine;

/** The control-register bits this CPU models (SDM Vol. 3A §2.5). */
public final class ControlRegisterBits {
    public static final int CR0_PE = 1;
    /**
     * Extension type: on the P6 family and later "this flag is hardwired to 1" (SDM Vol. 3A
     * §2.5), so CR0 reads it as 1 whatever was written.
     */
    public static final int CR0_ET = 1 << 4;
    public static final int CR0_WP = 1 << 16;
    public static final int CR0_PG = 1 << 31;
    /** The CR0 bits Pagewalk accepts; the others (caching, FPU) have no part in paging. */
    public static final int CR0_MODELLED = CR0_PE | CR0_ET | CR0_WP | CR0_PG;

    public static final int CR3_PWT = 1 << 3;
    public static final int CR3_PCD = 1 << 4;
    public static final int CR3_BASE = 0xFFFFF000;

    public static final int CR4_PSE = 1 << 4;
    public static final int CR4_PAE = 1 << 5;
    public static final int CR4_PGE = 1 << 7;
    public static final int CR4_MODELLED = CR4_PSE | CR4_PGE;

    private ControlRegisterBits() {
    }
}
