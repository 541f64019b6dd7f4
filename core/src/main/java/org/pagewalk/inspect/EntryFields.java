package org.pagewalk.inspect;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.text.Hex;

/**
 * A paging entry's 32 bits as named fields, high bits first, laid out as in the Intel SDM Vol. 3A
 * Tables 4-4 to 4-6: what the inspector draws as a bit field. Which layout applies is paging
 * logic (a PDE with PS = 1 maps a 4 MiB page only while CR4.PSE = 1), so it lives here, not in
 * the page.
 */
public final class EntryFields {
    /** What the entry is, which decides its layout. */
    public enum Layout {
        /** A page-table entry mapping a 4 KiB page. */
        PTE("page-table entry (4 KiB page)"),
        /** A page-directory entry pointing to a page table. */
        PDE_TABLE("page-directory entry (page table)"),
        /** A page-directory entry mapping a 4 MiB page (PS = 1 with CR4.PSE = 1). */
        PDE_4M("page-directory entry (4 MiB page)");

        private final String label;

        Layout(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One named run of bits. */
    public static final class Field {
        private final String name;
        private final int high;
        private final int low;
        private final int value;
        private final String meaning;

        Field(String name, int high, int low, int value, String meaning) {
            this.name = name;
            this.high = high;
            this.low = low;
            this.value = value;
            this.meaning = meaning;
        }

        /** The SDM's short name: P, R/W, U/S, PWT, PCD, A, D, PS, PAT, G, AVL, the address field. */
        public String name() {
            return name;
        }

        public int high() {
            return high;
        }

        public int low() {
            return low;
        }

        public int width() {
            return high - low + 1;
        }

        /** The field's bits, shifted down to bit 0. */
        public int value() {
            return value;
        }

        /** The bits as written in the entry, e.g. {@code "1"} or {@code "0x00300"} for an address. */
        public String bits() {
            return width() == 1 ? Integer.toString(value) : Hex.hex(value, (width() + 3) / 4);
        }

        /** What the value means here, in words. */
        public String meaning() {
            return meaning;
        }

        @Override
        public String toString() {
            return name + (high == low ? " (bit " + low + ")" : " (bits " + high + ":" + low + ")") + " = " + bits()
                    + ": " + meaning;
        }
    }

    private EntryFields() {
    }

    /** The layout of {@code entry} at {@code level} (2 = PDE, 1 = PTE) with CR4.PSE as given. */
    public static Layout layout(int entry, int level, boolean pse) {
        if (level == 2) {
            return pse && (entry & EntryBits.PAGE_SIZE) != 0 ? Layout.PDE_4M : Layout.PDE_TABLE;
        }
        return Layout.PTE;
    }

    /** The fields of {@code entry}, bit 31 first. */
    public static List<Field> of(int entry, int level, boolean pse) {
        Layout layout = layout(entry, level, pse);
        List<Field> f = new ArrayList<>();
        switch (layout) {
            case PDE_4M:
                f.add(new Field("Frame", 31, 22, entry >>> 22, "4 MiB page at physical " + Hex.hex32(entry & EntryBits.FRAME_4M)));
                int reserved = (entry & EntryBits.PDE4M_RESERVED) >>> 13;
                f.add(new Field("RSVD", 21, 13, reserved, reserved == 0 ? "reserved, clear as required"
                        : "reserved bits set: any access through this entry faults with RSVD"));
                f.add(bit(entry, "PAT", 12, "page attribute table index bit"));
                break;
            case PDE_TABLE:
                f.add(new Field("Table", 31, 12, entry >>> 12, "page table at physical " + Hex.hex32(entry & EntryBits.FRAME_4K)));
                break;
            default:
                f.add(new Field("Frame", 31, 12, entry >>> 12, "4 KiB page at physical " + Hex.hex32(entry & EntryBits.FRAME_4K)));
                break;
        }
        int avl = (entry >>> 9) & 7;
        String owner = (entry & PageFlags.OWNER) != 0 ? "bit 9 set" + (level == 2 ? " (CeanOS OWNER: this directory allocated the table)" : "")
                : "bit 9 clear";
        f.add(new Field("AVL", 11, 9, avl, "available to software; " + owner));
        if (layout == Layout.PDE_TABLE) {
            f.add(bit(entry, "G", 8, "ignored in a PDE that points to a table"));
            f.add(new Field("PS", 7, 7, (entry >>> 7) & 1, (entry & EntryBits.PAGE_SIZE) != 0
                    ? "page size 4 MiB, but CR4.PSE = 0: ignored, a page table" : "0: points to a page table"));
            f.add(bit(entry, "(ign)", 6, "ignored in a PDE that points to a table"));
        } else {
            f.add(flag(entry, "G", 8, EntryBits.GLOBAL, "global: survives CR3 writes while CR4.PGE = 1", "not global"));
            if (layout == Layout.PDE_4M) {
                f.add(new Field("PS", 7, 7, 1, "4 MiB page (CR4.PSE = 1)"));
            } else {
                f.add(bit(entry, "PAT", 7, "page attribute table index bit"));
            }
            f.add(flag(entry, "D", 6, EntryBits.DIRTY, "dirty: the page was written", "clean: not written since D was cleared"));
        }
        f.add(flag(entry, "A", 5, EntryBits.ACCESSED, "accessed: a walk used this entry", "not accessed yet"));
        f.add(flag(entry, "PCD", 4, EntryBits.PCD, "cache disabled", "caching allowed"));
        f.add(flag(entry, "PWT", 3, EntryBits.PWT, "write-through", "write-back"));
        f.add(flag(entry, "U/S", 2, EntryBits.USER, "user: CPL 3 may access (if every level allows)", "supervisor only"));
        f.add(flag(entry, "R/W", 1, EntryBits.WRITE, "writable (if every level allows)", "read-only"));
        f.add(flag(entry, "P", 0, EntryBits.PRESENT, "present", "not present: any access through it faults, the other bits are ignored"));
        return f;
    }

    private static Field bit(int entry, String name, int bit, String meaning) {
        return new Field(name, bit, bit, (entry >>> bit) & 1, meaning);
    }

    private static Field flag(int entry, String name, int bit, int mask, String set, String clear) {
        return new Field(name, bit, bit, (entry >>> bit) & 1, (entry & mask) != 0 ? set : clear);
    }
}
