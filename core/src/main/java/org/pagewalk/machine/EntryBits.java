package org.pagewalk.machine;

import org.pagewalk.text.Hex;

/**
 * The bits of 32-bit paging entries, named as in the Intel SDM Vol. 3A, Tables 4-4 to 4-6.
 *
 * <pre>
 * bit    PDE -> page table   PDE -> 4 MiB page    PTE -> 4 KiB page
 *  0     P                   P                    P
 *  1     R/W                 R/W                  R/W
 *  2     U/S                 U/S                  U/S
 *  3,4   PWT, PCD            PWT, PCD             PWT, PCD
 *  5     A                   A                    A
 *  6     ignored             D                    D
 *  7     PS = 0              PS = 1               PAT
 *  8     ignored             G                    G
 *  11:9  available           available            available
 *  12    address             PAT                  address
 *  21:13 address             reserved (RSVD #PF)  address
 *  31:22 address             frame address        address
 * </pre>
 *
 * A 4 KiB PTE and a PDE that points to a page table have no reserved bits in 32-bit paging;
 * with MAXPHYADDR = 32 and no PSE-36, bits 21:13 of a 4 MiB PDE are reserved (§4.3).
 */
public final class EntryBits {
    public static final int PRESENT = 1;
    public static final int WRITE = 1 << 1;
    public static final int USER = 1 << 2;
    public static final int PWT = 1 << 3;
    public static final int PCD = 1 << 4;
    public static final int ACCESSED = 1 << 5;
    public static final int DIRTY = 1 << 6;
    /** PS in a PDE; the same bit is PAT in a PTE. */
    public static final int PAGE_SIZE = 1 << 7;
    public static final int PAT_4K = 1 << 7;
    public static final int GLOBAL = 1 << 8;
    public static final int AVAILABLE = 0x7 << 9;
    public static final int PAT_4M = 1 << 12;
    /** Bits 21:13 of a 4 MiB PDE (§4.3, MAXPHYADDR = 32): set means a RSVD page fault. */
    public static final int PDE4M_RESERVED = 0x003FE000;
    public static final int FRAME_4K = 0xFFFFF000;
    public static final int FRAME_4M = 0xFFC00000;

    private EntryBits() {
    }

    public static boolean isSet(int entry, int bit) {
        return (entry & bit) != 0;
    }

    /**
     * Bochs-style flag letters: upper case when set, lower case when clear, e.g.
     * {@code "G PS d A pcd pwt US RW P"}. {@code level} 2 is a PDE, 1 a PTE (bit 7 reads PAT).
     */
    public static String flags(int entry, int level) {
        StringBuilder sb = new StringBuilder(32);
        boolean large = level == 2 && isSet(entry, PAGE_SIZE);
        flag(sb, entry, GLOBAL, "G");
        flag(sb, entry, PAGE_SIZE, level == 2 ? "PS" : "PAT");
        flag(sb, entry, DIRTY, "D");
        flag(sb, entry, ACCESSED, "A");
        flag(sb, entry, PCD, "PCD");
        flag(sb, entry, PWT, "PWT");
        flag(sb, entry, USER, "US");
        flag(sb, entry, WRITE, "RW");
        flag(sb, entry, PRESENT, "P");
        if (large && isSet(entry, PAT_4M)) {
            sb.insert(0, "PAT4M ");
        }
        return sb.toString();
    }

    private static void flag(StringBuilder sb, int entry, int bit, String name) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(isSet(entry, bit) ? name : name.toLowerCase());
    }

    /** The entry in words, e.g. {@code "0x00000083: present, 4 MiB page at 0x00000000, supervisor, writable"}. */
    public static String describe(int entry, int level, boolean pse) {
        StringBuilder sb = new StringBuilder(96);
        sb.append(Hex.hex32(entry)).append(": ");
        if (!isSet(entry, PRESENT)) {
            return sb.append("not present").toString();
        }
        sb.append("present, ");
        boolean large = level == 2 && pse && isSet(entry, PAGE_SIZE);
        if (level == 2 && !large) {
            sb.append("page table at ").append(Hex.hex32(entry & FRAME_4K));
        } else if (large) {
            sb.append("4 MiB page at ").append(Hex.hex32(entry & FRAME_4M));
        } else {
            sb.append("4 KiB page at ").append(Hex.hex32(entry & FRAME_4K));
        }
        sb.append(isSet(entry, USER) ? ", user" : ", supervisor");
        sb.append(isSet(entry, WRITE) ? ", writable" : ", read-only");
        if (isSet(entry, ACCESSED)) {
            sb.append(", accessed");
        }
        if ((large || level == 1) && isSet(entry, DIRTY)) {
            sb.append(", dirty");
        }
        if ((large || level == 1) && isSet(entry, GLOBAL)) {
            sb.append(", global");
        }
        if (large && (entry & PDE4M_RESERVED) != 0) {
            sb.append(", RESERVED bits 21:13 set");
        }
        return sb.toString();
    }
}
