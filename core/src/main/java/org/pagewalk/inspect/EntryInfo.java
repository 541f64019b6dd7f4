package org.pagewalk.inspect;

import org.pagewalk.guest.PageFlags;
import org.pagewalk.machine.EntryBits;

/**
 * How the directory and table grids classify an entry: one kind plus marks, as bits, so views
 * pick colour and glyph without knowing paging rules.
 */
public final class EntryInfo {
    public static final int NOT_PRESENT = 0;
    public static final int TABLE = 1;
    public static final int LARGE_PAGE = 2;
    public static final int RECURSIVE = 3;
    public static final int PAGE = 4;

    public static final int MARK_KERNEL_HALF = 1 << 4;
    public static final int MARK_USER = 1 << 5;
    public static final int MARK_OWNER = 1 << 6;
    public static final int MARK_WRITABLE = 1 << 7;
    public static final int MARK_GLOBAL = 1 << 8;
    public static final int MARK_ACCESSED = 1 << 9;
    public static final int MARK_DIRTY = 1 << 10;
    public static final int KIND_MASK = 0xF;

    private EntryInfo() {
    }

    /** A PDE at {@code index} of the directory at physical {@code directory}. */
    public static int directoryEntry(int pde, int index, int directory, boolean pse) {
        int marks = index >= 768 ? MARK_KERNEL_HALF : 0;
        if ((pde & EntryBits.PRESENT) == 0) {
            return NOT_PRESENT | marks;
        }
        marks |= common(pde);
        if ((pde & PageFlags.OWNER) != 0) {
            marks |= MARK_OWNER;
        }
        if ((pde & EntryBits.FRAME_4K) == (directory & EntryBits.FRAME_4K) && !(pse && (pde & EntryBits.PAGE_SIZE) != 0)) {
            return RECURSIVE | marks;
        }
        if (pse && (pde & EntryBits.PAGE_SIZE) != 0) {
            return LARGE_PAGE | marks | ((pde & EntryBits.DIRTY) != 0 ? MARK_DIRTY : 0)
                    | ((pde & EntryBits.GLOBAL) != 0 ? MARK_GLOBAL : 0);
        }
        return TABLE | marks;
    }

    /** A PTE of a table that maps directory slot {@code directoryIndex}. */
    public static int tableEntry(int pte, int directoryIndex) {
        int marks = directoryIndex >= 768 ? MARK_KERNEL_HALF : 0;
        if ((pte & EntryBits.PRESENT) == 0) {
            return NOT_PRESENT | marks;
        }
        return PAGE | marks | common(pte) | ((pte & EntryBits.DIRTY) != 0 ? MARK_DIRTY : 0)
                | ((pte & EntryBits.GLOBAL) != 0 ? MARK_GLOBAL : 0);
    }

    private static int common(int e) {
        return ((e & EntryBits.USER) != 0 ? MARK_USER : 0) | ((e & EntryBits.WRITE) != 0 ? MARK_WRITABLE : 0)
                | ((e & EntryBits.ACCESSED) != 0 ? MARK_ACCESSED : 0);
    }

    public static int kind(int info) {
        return info & KIND_MASK;
    }

    public static boolean has(int info, int mark) {
        return (info & mark) != 0;
    }
}
