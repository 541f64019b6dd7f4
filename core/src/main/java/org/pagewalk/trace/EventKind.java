package org.pagewalk.trace;

/**
 * Every architectural step the machine reports. Each kind carries up to four ints whose meaning
 * is given here as {@code (a, b, c, d)}; addresses are physical unless named linear.
 */
public enum EventKind {
    /** A control-register write: (register number 0/2/3/4, old value, new value, -). */
    CR_WRITE,
    /** A translation starts: (linear, access bits of {@link org.pagewalk.machine.Access}, -, -). */
    WALK_START,
    /** The walk reads a page-directory entry: (entry address, value, directory index, 1 if CR4.PSE). */
    PDE_READ,
    /** The walk reads a page-table entry: (entry address, value, table index, -). */
    PTE_READ,
    /** The walk sets Accessed in an entry: (entry address, old value, new value, level 2=PDE 1=PTE). */
    ACCESSED_SET,
    /** The walk sets Dirty in the leaf entry: (entry address, old value, new value, level). */
    DIRTY_SET,
    /** A translation succeeded: (linear, physical, page size in KiB, access bits). */
    TRANSLATED,
    /** A page fault: (linear = new CR2, error code, level that failed 2=PDE 1=PTE, entry value). */
    PAGE_FAULT,
    /** The TLB had the page: (linear, set, way, physical). */
    TLB_HIT,
    /** The TLB did not have the page: (linear, set, -, -). */
    TLB_MISS,
    /** A write found a TLB entry with Dirty clear and walks again to set it: (linear, set, way, -). */
    TLB_DIRTY_REWALK,
    /** The TLB entry does not grant this access; it is dropped and the walk decides: (linear, set, way, -). */
    TLB_RIGHTS_REWALK,
    /** A translation is cached: (set, way, page number tag, physical frame base). */
    TLB_FILL,
    /** LRU eviction to make room: (set, way, evicted tag, evicted frame base). */
    TLB_EVICT,
    /** One entry removed by invalidation: (set, way, tag, cause from {@link InvalidationCause}). */
    TLB_INVALIDATE,
    /** A flush finished: (cause from {@link InvalidationCause}, entries removed, entries kept, -). */
    TLB_FLUSH,
    /** INVLPG executed: (linear, entries removed, -, -). */
    INVLPG,
    /** A data read through the MMU: (linear, physical, value, size in bytes). */
    DATA_READ,
    /** A physical memory write: (physical, old value, new value, size in bytes). */
    PHYS_WRITE,
    /** A block fill (rep stosd) of one page: (physical start, words written, value, 1 if anything changed). */
    PHYS_FILL,
    /** An access beyond installed RAM: (physical, 1 for a write, value written or read (all ones), size). */
    BUS_UNMAPPED,
    /** The guest allocated a physical frame: (physical, frame number, totalAlloc after, -). */
    FRAME_ALLOC,
    /** The guest freed a physical frame: (physical, frame number, totalAlloc after, -). */
    FRAME_FREE,
    /** A guest kernel function was entered: see {@link TraceEvent#text()} for its name and arguments. */
    GUEST_ENTER,
    /** A guest kernel function returned: (result, 1 if it failed, -, -), text = name or error. */
    GUEST_EXIT,
    /** A message from the guest kernel or a scenario, in {@link TraceEvent#text()}. */
    NOTE
}
