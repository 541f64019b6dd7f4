package org.pagewalk.guest;

import org.pagewalk.machine.EntryBits;
import org.pagewalk.text.Chars;

/** CeanOS's PAGE_FLAG_* names for entry bits, and their parsing and printing. */
public final class PageFlags {
    public static final int PRESENT = EntryBits.PRESENT;
    public static final int WRITE = EntryBits.WRITE;
    public static final int USER = EntryBits.USER;
    public static final int PWT = EntryBits.PWT;
    public static final int PCD = EntryBits.PCD;
    public static final int ACCESSED = EntryBits.ACCESSED;
    public static final int DIRTY = EntryBits.DIRTY;
    public static final int PS = EntryBits.PAGE_SIZE;
    public static final int GLOBAL = EntryBits.GLOBAL;
    /** Software-available bit 9: this directory allocated that page table. */
    public static final int OWNER = 1 << 9;

    /** The flags a caller may pass to memMapPage in the fixed variant. */
    public static final int MAPPABLE = WRITE | USER | PWT | PCD | GLOBAL;

    private static final String[] NAMES = {"PRESENT", "WRITE", "USER", "PWT", "PCD", "ACCESSED", "DIRTY", "PS",
        "GLOBAL", "OWNER"};

    private PageFlags() {
    }

    /** The bit of a flag name (case-insensitive, with or without PAGE_FLAG_), or 0 if unknown. */
    public static int byName(String name) {
        String n = Chars.upper(name);
        if (n.startsWith("PAGE_FLAG_")) {
            n = n.substring(10);
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(n)) {
                return 1 << i;
            }
        }
        if (n.equals("RW") || n.equals("W")) {
            return WRITE;
        }
        if (n.equals("U") || n.equals("US")) {
            return USER;
        }
        if (n.equals("P")) {
            return PRESENT;
        }
        if (n.equals("G")) {
            return GLOBAL;
        }
        return 0;
    }

    public static String names() {
        return String.join(", ", NAMES);
    }

    /** {@code "WRITE|USER"}, or {@code "0"}. */
    public static String format(int flags) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : "|").append(NAMES[i]);
            }
        }
        int rest = flags & ~((1 << NAMES.length) - 1);
        if (rest != 0) {
            sb.append(sb.length() == 0 ? "" : "|").append(org.pagewalk.text.Hex.hex32(rest));
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
