package org.pagewalk.conformance;

import java.util.function.IntUnaryOperator;

/**
 * 32-bit paging as SDM Vol. 3A §4.3, §4.6, §4.7 and §4.8 describe it, written here a second time
 * with plain int arithmetic and no code shared with the machine: the fuzzer's oracle. It reads
 * physical memory through the given function and never writes it; the A/D bits a walk would set
 * come back as the entries' values after the walk.
 *
 * <p>Page size and MAXPHYADDR 32 without PSE-36: bits 21:13 of a 4 MiB PDE are reserved.
 */
final class ReferenceWalk {
    /** What one walk came to. {@code errorCode} is -1 when it translated. */
    static final class Result {
        int errorCode = -1;
        int physical;
        boolean large;
        /** Bit 1 R/W and bit 2 U/S, each the AND over the levels. */
        int rights;
        boolean global;
        /** The leaf's D after the walk. */
        boolean dirty;
        int pdeAddress;
        int pdeAfter;
        /** -1 when the walk stopped at the PDE or mapped a 4 MiB page. */
        int pteAddress = -1;
        int pteAfter;

        boolean faulted() {
            return errorCode >= 0;
        }

        @Override
        public String toString() {
            String entries = " (PDE @" + hex(pdeAddress) + " -> " + hex(pdeAfter)
                    + (pteAddress == -1 ? "" : ", PTE @" + hex(pteAddress) + " -> " + hex(pteAfter)) + ")";
            if (faulted()) {
                return "#PF error code " + errorCode + entries;
            }
            return hex(physical) + (large ? " 4M" : " 4K") + ((rights & 4) != 0 ? " U" : " S")
                    + ((rights & 2) != 0 ? " W" : " R") + (global ? " G" : "") + (dirty ? " D" : "") + entries;
        }
    }

    private ReferenceWalk() {
    }

    /**
     * Walks for {@code linear}. {@code user} and {@code write} describe the access; with
     * {@code checkRights} false the walk only translates (what a TLB fill records).
     */
    static Result walk(IntUnaryOperator memory, int cr3, int cr0, int cr4, int linear, boolean user, boolean write,
                       boolean checkRights) {
        boolean wp = (cr0 & (1 << 16)) != 0;
        boolean pse = (cr4 & (1 << 4)) != 0;
        boolean pge = (cr4 & (1 << 7)) != 0;
        int accessBits = (write ? 2 : 0) | (user ? 4 : 0);
        Result r = new Result();
        r.pdeAddress = (cr3 & 0xFFFFF000) + (linear >>> 22) * 4;
        int pde = memory.applyAsInt(r.pdeAddress);
        r.pdeAfter = pde;
        if ((pde & 1) == 0) {
            r.errorCode = accessBits;
            return r;
        }
        if (pse && (pde & 0x80) != 0) {
            if ((pde & 0x003FE000) != 0) {
                r.errorCode = accessBits | 1 | 8;
                return r;
            }
            if (checkRights && !allowed(wp, user, write, pde & 6)) {
                r.errorCode = accessBits | 1;
                return r;
            }
            r.pdeAfter = pde | 0x20 | (write ? 0x40 : 0);
            r.large = true;
            r.rights = pde & 6;
            r.global = pge && (pde & 0x100) != 0;
            r.dirty = (r.pdeAfter & 0x40) != 0;
            r.physical = (pde & 0xFFC00000) | (linear & 0x003FFFFF);
            return r;
        }
        // The PDE's A is set before the PTE is read: a table that aliases the directory sees it.
        r.pdeAfter = pde | 0x20;
        r.pteAddress = (pde & 0xFFFFF000) + ((linear >>> 12) & 0x3FF) * 4;
        int pte = r.pteAddress == r.pdeAddress ? r.pdeAfter : memory.applyAsInt(r.pteAddress);
        r.pteAfter = pte;
        if ((pte & 1) == 0) {
            r.errorCode = accessBits;
            return r;
        }
        int rights = pde & pte & 6;
        if (checkRights && !allowed(wp, user, write, rights)) {
            r.errorCode = accessBits | 1;
            return r;
        }
        r.pteAfter = pte | 0x20 | (write ? 0x40 : 0);
        r.rights = rights;
        r.global = pge && (pte & 0x100) != 0;
        r.dirty = (r.pteAfter & 0x40) != 0;
        r.physical = (pte & 0xFFFFF000) | (linear & 0xFFF);
        return r;
    }

    /** §4.6: supervisor accesses may write read-only pages while CR0.WP = 0; user ones never. */
    private static boolean allowed(boolean wp, boolean user, boolean write, int rights) {
        boolean userPage = (rights & 4) != 0;
        boolean writable = (rights & 2) != 0;
        if (user) {
            return userPage && (!write || writable);
        }
        return !write || writable || !wp;
    }

    static String hex(int v) {
        String s = Integer.toHexString(v);
        return "0x" + "00000000".substring(s.length()) + s;
    }
}
