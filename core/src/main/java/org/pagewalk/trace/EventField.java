package org.pagewalk.trace;

/**
 * The named numbers an event carries. Which ones a kind carries, and in which order the machine
 * passes them, is declared once, on each {@link EventKind}; {@link TraceEvent} reads them by
 * name.
 */
public enum EventField {
    /** A linear (virtual) address. */
    LINEAR,
    /** A physical address. */
    PHYSICAL,
    /** The access's W/R and U/S bits, placed as in the page-fault error code. */
    ACCESS,
    /** A paging entry's physical address. */
    ENTRY_ADDRESS,
    /** A paging entry's value. */
    ENTRY,
    /** The directory or table index of the entry read. */
    INDEX,
    /** 1 if CR4.PSE was set (a PDE's PS bit means a 4 MiB page). */
    PSE,
    /** 2 = a page-directory entry, 1 = a page-table entry. */
    LEVEL,
    /** A value before the change. */
    OLD_VALUE,
    /** A value after the change. */
    NEW_VALUE,
    /** The page size in KiB: 4 or 4096. */
    PAGE_KIB,
    /** The page-fault error code (P, W/R, U/S, RSVD). */
    ERROR_CODE,
    /** A TLB set. */
    SET,
    /** A way within a TLB set. */
    WAY,
    /** A linear page number (the TLB tag: linear >>> 12). */
    PAGE_NUMBER,
    /** A physical frame base address (4 KiB or 4 MiB aligned). */
    FRAME,
    /** Why TLB entries went: an {@link InvalidationCause} code. */
    CAUSE,
    /** How many TLB entries went. */
    REMOVED,
    /** How many TLB entries stayed (global ones). */
    KEPT,
    /** A control register's number: 0, 2, 3 or 4. */
    REGISTER,
    /** A data value read or written. */
    VALUE,
    /** An access size in bytes: 1 or 4. */
    SIZE,
    /** 1 for a write, 0 for a read. */
    WRITE,
    /** How many 32-bit words a fill wrote. */
    WORDS,
    /** 1 if a fill changed anything. */
    CHANGED,
    /** A physical frame number (physical >>> 12). */
    FRAME_NUMBER,
    /** CeanOS's totalAlloc after the change. */
    TOTAL_ALLOC,
    /** How deeply nested a guest call is: 0 for the outermost. */
    DEPTH,
    /** What a guest function returned. */
    RESULT,
    /** 1 if a guest call failed (refused, or stopped by a fault). */
    FAILED
}
