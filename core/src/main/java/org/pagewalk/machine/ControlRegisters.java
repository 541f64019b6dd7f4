package org.pagewalk.machine;

import org.pagewalk.text.Hex;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.InvalidationCause;
import org.pagewalk.trace.TraceListener;

/**
 * CR0, CR2, CR3 and CR4, and what writing them does to the TLB (SDM Vol. 3A §4.10.4.1):
 * <ul>
 * <li>CR0: clearing PG flushes every entry. WP needs no flush here, because the TLB keeps the
 *     combined R/W and U/S and WP is checked at every hit, as the SDM describes.</li>
 * <li>CR3: every write, even of the same value, flushes all non-global entries.</li>
 * <li>CR4: a change of PGE flushes every entry, global ones included; a change of PSE flushes
 *     every entry too (the SDM only allows it; Pagewalk does it so no 4 MiB entry outlives PSE,
 *     and says so in the trace).</li>
 * </ul>
 * Writes that the modelled CPU would refuse with #GP (or that set bits it does not model) are
 * rejected with {@link IllegalArgumentException} and change nothing.
 */
public final class ControlRegisters {
    private final Tlb tlb;
    private final TraceListener trace;
    private int cr0;
    private int cr2;
    private int cr3;
    private int cr4;

    ControlRegisters(Tlb tlb, TraceListener trace) {
        this.tlb = tlb;
        this.trace = trace;
    }

    public int cr0() {
        return cr0;
    }

    public int cr2() {
        return cr2;
    }

    public int cr3() {
        return cr3;
    }

    public int cr4() {
        return cr4;
    }

    public boolean paging() {
        return (cr0 & ControlRegisterBits.CR0_PG) != 0;
    }

    public boolean writeProtect() {
        return (cr0 & ControlRegisterBits.CR0_WP) != 0;
    }

    public boolean pse() {
        return (cr4 & ControlRegisterBits.CR4_PSE) != 0;
    }

    public boolean pge() {
        return (cr4 & ControlRegisterBits.CR4_PGE) != 0;
    }

    /** Why {@code value} cannot go into CR0, or {@code null}. */
    public static String checkCr0(int value) {
        if ((value & ~ControlRegisterBits.CR0_MODELLED) != 0) {
            return "CR0 value " + Hex.hex32(value) + " sets bits Pagewalk does not model: only PE (bit 0), "
                    + "ET (bit 4, always 1), WP (bit 16) and PG (bit 31) are allowed";
        }
        if ((value & ControlRegisterBits.CR0_PG) != 0 && (value & ControlRegisterBits.CR0_PE) == 0) {
            return "CR0 value " + Hex.hex32(value) + " sets PG without PE: paging needs protected mode (#GP)";
        }
        return null;
    }

    public static String checkCr3(int value) {
        if ((value & 0xFFF & ~(ControlRegisterBits.CR3_PWT | ControlRegisterBits.CR3_PCD)) != 0) {
            // The CPU ignores bits 11:5 and 2:0; Pagewalk refuses them so that a typo shows.
            return "CR3 value " + Hex.hex32(value) + " is not 4 KiB aligned: bits 11:0 must be 0 "
                    + "(except PWT bit 3 and PCD bit 4)";
        }
        return null;
    }

    public static String checkCr4(int value) {
        if ((value & ControlRegisterBits.CR4_PAE) != 0) {
            return "CR4 value " + Hex.hex32(value) + " sets PAE (bit 5): this CPU models 32-bit paging only";
        }
        if ((value & ~ControlRegisterBits.CR4_MODELLED) != 0) {
            return "CR4 value " + Hex.hex32(value) + " sets bits Pagewalk does not model: only PSE (bit 4) "
                    + "and PGE (bit 7) are allowed";
        }
        return null;
    }

    /**
     * Writes CR0; ET stays 1 whatever {@code value} says (hardwired on a P6).
     *
     * @return how many TLB entries the write flushed
     */
    public int writeCr0(int value) {
        reject(checkCr0(value));
        int old = cr0;
        cr0 = value | ControlRegisterBits.CR0_ET;
        trace.event(EventKind.CR_WRITE, 0, old, cr0, 0);
        if ((old & ControlRegisterBits.CR0_PG) != 0 && (cr0 & ControlRegisterBits.CR0_PG) == 0) {
            return tlb.flushAll(InvalidationCause.CR0_PG_OFF);
        }
        return 0;
    }

    /**
     * Software may write CR2; the CPU writes it on every page fault.
     *
     * @return how many TLB entries the write flushed: none
     */
    public int writeCr2(int value) {
        int old = cr2;
        cr2 = value;
        trace.event(EventKind.CR_WRITE, 2, old, value, 0);
        return 0;
    }

    /** @return how many TLB entries the write flushed (every non-global one) */
    public int writeCr3(int value) {
        reject(checkCr3(value));
        int old = cr3;
        cr3 = value;
        trace.event(EventKind.CR_WRITE, 3, old, value, 0);
        return tlb.flushNonGlobal(InvalidationCause.CR3_WRITE);
    }

    /** @return how many TLB entries the write flushed */
    public int writeCr4(int value) {
        reject(checkCr4(value));
        int old = cr4;
        cr4 = value;
        trace.event(EventKind.CR_WRITE, 4, old, value, 0);
        int changed = old ^ value;
        if ((changed & ControlRegisterBits.CR4_PGE) != 0) {
            return tlb.flushAll(InvalidationCause.CR4_PGE_CHANGE);
        } else if ((changed & ControlRegisterBits.CR4_PSE) != 0) {
            return tlb.flushAll(InvalidationCause.CR4_PSE_CHANGE);
        }
        return 0;
    }

    void faulted(int linear) {
        cr2 = linear;
    }

    void load(int cr0, int cr2, int cr3, int cr4) {
        this.cr0 = cr0 | ControlRegisterBits.CR0_ET;
        this.cr2 = cr2;
        this.cr3 = cr3;
        this.cr4 = cr4;
    }

    private static void reject(String error) {
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
    }
}
