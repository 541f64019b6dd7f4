package org.pagewalk.machine;

/**
 * Entries and associativity of the TLB. Sets = entries / ways, and must be a power of two as in
 * hardware, so that the set index is a plain bit field of the page number.
 */
public final class TlbGeometry {
    public static final int MAX_ENTRIES = 4096;
    public static final TlbGeometry DEFAULT = new TlbGeometry(64, 4);

    private final int entries;
    private final int ways;

    public TlbGeometry(int entries, int ways) {
        String error = check(entries, ways);
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
        this.entries = entries;
        this.ways = ways;
    }

    /** Why a geometry is impossible, or {@code null} if it is fine. */
    public static String check(int entries, int ways) {
        if (entries < 1 || entries > MAX_ENTRIES) {
            return "TLB entries must be 1 to " + MAX_ENTRIES + ", was " + entries;
        }
        if (ways < 1 || ways > entries) {
            return "TLB ways must be 1 to the number of entries (" + entries + "), was " + ways;
        }
        if (entries % ways != 0) {
            return "TLB entries (" + entries + ") must be a multiple of the ways (" + ways + ")";
        }
        int sets = entries / ways;
        if ((sets & (sets - 1)) != 0) {
            return "TLB sets (entries / ways = " + sets + ") must be a power of two (1, 2, 4, 8, ...)";
        }
        return null;
    }

    public int entries() {
        return entries;
    }

    public int ways() {
        return ways;
    }

    public int sets() {
        return entries / ways;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlbGeometry && ((TlbGeometry) o).entries == entries && ((TlbGeometry) o).ways == ways;
    }

    @Override
    public int hashCode() {
        return entries * 31 + ways;
    }

    @Override
    public String toString() {
        return entries + " entries, " + (ways == entries ? "fully associative" : ways + "-way");
    }
}
