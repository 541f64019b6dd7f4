package org.pagewalk.inspect;

import org.pagewalk.explain.Words;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.Machine;
import org.pagewalk.text.Hex;

/**
 * The 1024 entries of one page directory or page table as the grids draw them: each entry's
 * value, its {@link EntryInfo} (kind and marks) and the words a tooltip shows. Read with
 * debugger reads (no MMU, no A/D, no events), so drawing never changes the machine.
 *
 * <p>A directory is the one CR3 points to. A table is the one a PDE of that directory points
 * to; a PDE that is not present or maps a 4 MiB page has no table, and {@link #note()} says why.
 * PDE 1023 (the recursive entry) points back at the directory itself, so its "table" is the
 * directory read as PTEs: what the CPU sees through the window at 0xFFC00000.
 */
public final class EntryTable {
    public static final int ENTRIES = 1024;
    /** {@link #level()} of a page directory (the same number as EntryBits' and PageFault's). */
    public static final int DIRECTORY = 2;
    /** {@link #level()} of a page table. */
    public static final int TABLE = 1;

    private final int level;
    private final int directoryIndex;
    private final int base;
    private final boolean present;
    private final boolean pse;
    private final int[] values;
    private final int[] infos;
    private final String note;

    private EntryTable(int level, int directoryIndex, int base, boolean present, boolean pse, int[] values,
                       int[] infos, String note) {
        this.level = level;
        this.directoryIndex = directoryIndex;
        this.base = base;
        this.present = present;
        this.pse = pse;
        this.values = values;
        this.infos = infos;
        this.note = note;
    }

    /** The page directory CR3 points to now. */
    public static EntryTable directory(Machine m) {
        int dir = m.cr().cr3() & EntryBits.FRAME_4K;
        boolean pse = m.cr().pse();
        int[] values = new int[ENTRIES];
        int[] infos = new int[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            values[i] = m.readPhysical32(dir + (i << 2));
            infos[i] = EntryInfo.directoryEntry(values[i], i, dir, pse);
        }
        String note = null;
        if (!m.cr().paging()) {
            note = "Paging is off (CR0.PG = 0): linear addresses are physical and this directory is not used.";
        } else if (!m.memory().isInstalled(dir)) {
            note = "CR3 points beyond installed RAM: every entry reads as all ones.";
        }
        return new EntryTable(DIRECTORY, -1, dir, true, pse, values, infos, note);
    }

    /** The page table that PDE {@code directoryIndex} of the current directory points to, if any. */
    public static EntryTable table(Machine m, int directoryIndex) {
        int index = directoryIndex & 0x3FF;
        int dir = m.cr().cr3() & EntryBits.FRAME_4K;
        boolean pse = m.cr().pse();
        int pde = m.readPhysical32(dir + (index << 2));
        int[] values = new int[ENTRIES];
        int[] infos = new int[ENTRIES];
        if ((pde & EntryBits.PRESENT) == 0) {
            return new EntryTable(TABLE, index, -1, false, pse, values, infos, "PDE " + index
                    + " is not present: no page table maps " + range(index << 22, 0x400000) + ".");
        }
        if (pse && (pde & EntryBits.PAGE_SIZE) != 0) {
            return new EntryTable(TABLE, index, -1, false, pse, values, infos, "PDE " + index + " maps a 4 MiB page ("
                    + range(index << 22, 0x400000) + " to physical " + Hex.hex32(pde & EntryBits.FRAME_4M)
                    + "): there is no page table.");
        }
        int table = pde & EntryBits.FRAME_4K;
        for (int i = 0; i < ENTRIES; i++) {
            values[i] = m.readPhysical32(table + (i << 2));
            infos[i] = EntryInfo.tableEntry(values[i], index);
        }
        String note = null;
        if (table == dir) {
            note = "PDE " + index + " points back at the page directory itself (the recursive entry): this \"table\" is the "
                    + "directory, so its PTEs are the PDEs, seen at " + range(index << 22, 0x400000) + ".";
        } else if (!m.memory().isInstalled(table)) {
            note = "PDE " + index + " points beyond installed RAM: every entry reads as all ones.";
        }
        return new EntryTable(TABLE, index, table, true, pse, values, infos, note);
    }

    /** {@link #DIRECTORY} or {@link #TABLE}. */
    public int level() {
        return level;
    }

    /** For a table: which PDE points to it (0..1023); -1 for a directory. */
    public int directoryIndex() {
        return directoryIndex;
    }

    /** Whether there is a directory or table to show (false when the PDE has no table). */
    public boolean exists() {
        return present;
    }

    /** Physical address of the directory or table, or -1 when there is none. */
    public int base() {
        return base;
    }

    /** Why there is nothing, or something unusual about what is shown; {@code null} when plain. */
    public String note() {
        return note;
    }

    public int value(int i) {
        return values[i & 0x3FF];
    }

    public int info(int i) {
        return infos[i & 0x3FF];
    }

    public int kind(int i) {
        return EntryInfo.kind(infos[i & 0x3FF]);
    }

    /** Physical address of entry {@code i}. */
    public int entryAddress(int i) {
        return base + ((i & 0x3FF) << 2);
    }

    /** The first linear address that entry {@code i} translates. */
    public int linear(int i) {
        return level == DIRECTORY ? (i & 0x3FF) << 22 : (directoryIndex << 22) | ((i & 0x3FF) << 12);
    }

    /** Short name: "PDE 768" or "PTE 72". */
    public String name(int i) {
        return (level == DIRECTORY ? "PDE " : "PTE ") + (i & 0x3FF);
    }

    /** One line: {@code "PDE 768 at 0x0010BC00 = 0x00000083: present, 4 MiB page at ..."}. */
    public String summary(int i) {
        if (!present) {
            return note;
        }
        return name(i) + " at " + Hex.hex32(entryAddress(i)) + " = " + Words.entry(values[i & 0x3FF], level, pse);
    }

    /**
     * The tooltip's lines: the entry, what it maps, its flags Bochs-style, and the marks the grid
     * draws (kernel half, OWNER, recursive).
     */
    public String describe(int i) {
        int idx = i & 0x3FF;
        if (!present) {
            return note;
        }
        StringBuilder sb = new StringBuilder(200);
        sb.append(summary(idx)).append('\n');
        int size = level == DIRECTORY ? 0x400000 : 0x1000;
        sb.append("Translates ").append(range(linear(idx), size));
        int kind = kind(idx);
        if (kind == EntryInfo.RECURSIVE) {
            sb.append(" (the recursive window: the page tables themselves)");
        } else if (kind == EntryInfo.TABLE) {
            sb.append(" through the page table at ").append(Hex.hex32(values[idx] & EntryBits.FRAME_4K));
        }
        sb.append('\n').append("Bits: ").append(Words.flags(values[idx], level));
        if ((values[idx] & PageFlags.OWNER) != 0 && level == DIRECTORY) {
            sb.append(" OWNER");
        }
        int info = infos[idx];
        if (EntryInfo.has(info, EntryInfo.MARK_KERNEL_HALF)) {
            sb.append('\n').append("Kernel half (index 768 and up: 0xC0000000 and above)");
        }
        if (EntryInfo.has(info, EntryInfo.MARK_OWNER)) {
            sb.append('\n').append("OWNER: this directory allocated the table and frees it with the directory");
        }
        return sb.toString();
    }

    /** How many entries have {@code kind}. */
    public int count(int kind) {
        if (!present) {
            return 0;
        }
        int n = 0;
        for (int info : infos) {
            if (EntryInfo.kind(info) == kind) {
                n++;
            }
        }
        return n;
    }

    /** What the whole grid shows, in one sentence (a canvas's accessible name). */
    public String overview() {
        if (!present) {
            return note;
        }
        StringBuilder sb = new StringBuilder(160);
        if (level == DIRECTORY) {
            sb.append("Page directory at ").append(Hex.hex32(base)).append(": ");
            appendCount(sb, count(EntryInfo.TABLE), "page table", "page tables");
            appendCount(sb, count(EntryInfo.LARGE_PAGE), "4 MiB page", "4 MiB pages");
            appendCount(sb, count(EntryInfo.RECURSIVE), "recursive entry", "recursive entries");
        } else {
            sb.append("Page table of PDE ").append(directoryIndex).append(" at ").append(Hex.hex32(base)).append(": ");
            appendCount(sb, count(EntryInfo.PAGE), "4 KiB page", "4 KiB pages");
        }
        appendCount(sb, count(EntryInfo.NOT_PRESENT), "entry not present", "entries not present");
        sb.setLength(sb.length() - 2);
        return sb.append('.').toString();
    }

    private static void appendCount(StringBuilder sb, int n, String one, String many) {
        if (n > 0) {
            sb.append(n).append(' ').append(n == 1 ? one : many).append(", ");
        }
    }

    /** {@code "0xC0000000..0xC03FFFFF"}. */
    static String range(int start, int size) {
        return Hex.hex32(start) + ".." + Hex.hex32(start + size - 1);
    }
}
