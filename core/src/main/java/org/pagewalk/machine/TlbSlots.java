package org.pagewalk.machine;

/**
 * Where each field of a TLB entry lives in the TLB's one {@code int[]}: entry {@code i} is the
 * {@link #STRIDE} words from {@code i << SHIFT}. One array rather than one per field: a fill
 * writes one object's words (one array reference to load, one cache line), which in TeaVM's
 * JavaScript and WebAssembly was nine array objects and a third of a TLB miss.
 */
final class TlbSlots {
    static final int STRIDE = 8;
    static final int SHIFT = 3;

    /**
     * The entry's flags (Tlb.VALID, WRITABLE, USER, DIRTY, LARGE, GLOBAL) in bits 0–11 and its
     * page mask in bits 12–31 ({@link #PAGE_MASK}): a lookup's compare reads one word for both.
     * An empty entry's word is 0. First, so that the hit's rights test reads {@code slots[i << SHIFT]}.
     */
    static final int FLAGS = 0;
    /** The page number, its low 10 bits clear for a 4 MiB entry. */
    static final int TAG = 1;
    static final int FRAME = 2;
    /** The LRU clock when last used. */
    static final int LAST_USE = 3;
    /** Provenance for the staleness view: the PDE and PTE, address and value, it was filled from. */
    static final int PDE_ADDRESS = 4;
    static final int PDE = 5;
    static final int PTE_ADDRESS = 6;
    static final int PTE = 7;

    /** The bits of {@link #FLAGS} that hold the page mask: a 4 KiB page's 0xFFFFF000, a 4 MiB page's 0xFFC00000. */
    static final int PAGE_MASK = 0xFFFFF000;
    static final int FLAG_BITS = 0xFFF;

    private TlbSlots() {
    }
}
