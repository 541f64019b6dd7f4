package org.pagewalk.machine;

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
}
