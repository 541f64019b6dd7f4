package org.pagewalk.trace;

/** Why TLB entries went away; the int codes travel in trace events ({@link EventField#CAUSE}). */
public final class InvalidationCause {
    public static final int INVLPG = 0;
    public static final int CR3_WRITE = 1;
    public static final int CR4_PGE_CHANGE = 2;
    public static final int CR4_PSE_CHANGE = 3;
    public static final int CR0_PG_OFF = 4;
    public static final int PAGE_FAULT = 5;
    public static final int RESET = 6;
    public static final int REWALK = 7;

    private InvalidationCause() {
    }
}
