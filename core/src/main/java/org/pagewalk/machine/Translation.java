package org.pagewalk.machine;

import org.pagewalk.text.Hex;

/**
 * A successful translation as a value: where the linear address lands, with what rights, and
 * which entries the walk used (for a TLB hit, the entries recorded when the TLB was filled).
 */
public final class Translation {
    private final int linear;
    private final int physical;
    private final boolean largePage;
    private final int rights;
    private final boolean global;
    private final boolean fromTlb;
    private final int pdeAddress;
    private final int pde;
    private final int pteAddress;
    private final int pte;

    public Translation(int linear, int physical, boolean largePage, int rights, boolean global,
                       boolean fromTlb, int pdeAddress, int pde, int pteAddress, int pte) {
        this.linear = linear;
        this.physical = physical;
        this.largePage = largePage;
        this.rights = rights & (EntryBits.WRITE | EntryBits.USER);
        this.global = global;
        this.fromTlb = fromTlb;
        this.pdeAddress = pdeAddress;
        this.pde = pde;
        this.pteAddress = pteAddress;
        this.pte = pte;
    }

    public int linear() {
        return linear;
    }

    public int physical() {
        return physical;
    }

    public boolean isLargePage() {
        return largePage;
    }

    public boolean isWritable() {
        return (rights & EntryBits.WRITE) != 0;
    }

    public boolean isUser() {
        return (rights & EntryBits.USER) != 0;
    }

    /** EntryBits.WRITE and USER as combined over all levels (AND). */
    public int rights() {
        return rights;
    }

    public boolean isGlobal() {
        return global;
    }

    /** True when a TLB entry served this translation (a hit), false when a walk made it. */
    public boolean isFromTlb() {
        return fromTlb;
    }

    public int pdeAddress() {
        return pdeAddress;
    }

    public int pde() {
        return pde;
    }

    /** The PTE's physical address; meaningless for a 4 MiB page. */
    public int pteAddress() {
        return pteAddress;
    }

    public int pte() {
        return pte;
    }

    @Override
    public String toString() {
        return Hex.hex32(linear) + " -> " + Hex.hex32(physical) + (largePage ? " (4 MiB page" : " (4 KiB page")
                + (isUser() ? ", user" : ", supervisor") + (isWritable() ? ", writable" : ", read-only")
                + (global ? ", global" : "") + (fromTlb ? ", TLB hit)" : ")");
    }
}
