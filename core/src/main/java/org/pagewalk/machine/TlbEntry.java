package org.pagewalk.machine;

import org.pagewalk.text.Hex;

/**
 * A read-only copy of one TLB way for views and tests. {@code age} is the LRU rank inside its
 * set: 0 is the most recently used; the highest is the next victim.
 */
public final class TlbEntry {
    private final int set;
    private final int way;
    private final boolean valid;
    private final int pageNumber;
    private final boolean largePage;
    private final int frame;
    private final int rights;
    private final boolean dirty;
    private final boolean global;
    private final int age;
    private final int pdeAddress;
    private final int pde;
    private final int pteAddress;
    private final int pte;

    TlbEntry(int set, int way, boolean valid, int pageNumber, boolean largePage, int frame,
             int rights, boolean dirty, boolean global, int age, int pdeAddress, int pde,
             int pteAddress, int pte) {
        this.set = set;
        this.way = way;
        this.valid = valid;
        this.pageNumber = pageNumber;
        this.largePage = largePage;
        this.frame = frame;
        this.rights = rights;
        this.dirty = dirty;
        this.global = global;
        this.age = age;
        this.pdeAddress = pdeAddress;
        this.pde = pde;
        this.pteAddress = pteAddress;
        this.pte = pte;
    }

    public int set() {
        return set;
    }

    public int way() {
        return way;
    }

    public boolean isValid() {
        return valid;
    }

    /** The linear page number (linear >>> 12); for a 4 MiB entry its low 10 bits are zero. */
    public int pageNumber() {
        return pageNumber;
    }

    /** The first linear address the entry covers. */
    public int linearBase() {
        return pageNumber << 12;
    }

    public boolean isLargePage() {
        return largePage;
    }

    /** Physical base of the page (4 KiB or 4 MiB aligned). */
    public int frame() {
        return frame;
    }

    public boolean isWritable() {
        return (rights & EntryBits.WRITE) != 0;
    }

    public boolean isUser() {
        return (rights & EntryBits.USER) != 0;
    }

    public boolean isDirty() {
        return dirty;
    }

    public boolean isGlobal() {
        return global;
    }

    public int age() {
        return age;
    }

    /** The PDE's physical address and value when the entry was filled. */
    public int pdeAddress() {
        return pdeAddress;
    }

    public int pde() {
        return pde;
    }

    /** The PTE's physical address and value when filled (unused for a 4 MiB entry). */
    public int pteAddress() {
        return pteAddress;
    }

    public int pte() {
        return pte;
    }

    @Override
    public String toString() {
        if (!valid) {
            return "set " + set + " way " + way + ": empty";
        }
        return "set " + set + " way " + way + ": " + Hex.hex32(linearBase()) + " -> " + Hex.hex32(frame)
                + (largePage ? " 4M" : " 4K") + (isUser() ? " U" : " S") + (isWritable() ? " W" : " R")
                + (dirty ? " D" : "") + (global ? " G" : "") + " age " + age;
    }
}
