package org.pagewalk.machine;

/**
 * The saves of one {@link Tlb} that machine snapshots hold (undo and redo, a restore after a
 * failed guest call, saved sessions): each is the TLB's words ({@link TlbSlots}), then its
 * counters, at {@code at} in a block that holds the saves of several snapshots. A block's words are
 * written once, when taken, and never again, so a save is immutable however many times it is
 * restored; the block goes when the last snapshot in it does. One array per
 * {@link #SAVES_PER_BLOCK} snapshots rather than one each matters in TeaVM's JavaScript, where a
 * typed array costs microseconds to create. Only a snapshot or a restore runs this, never a
 * lookup or a fill.
 */
final class TlbSnapshots {
    static final int SAVES_PER_BLOCK = 16;

    // The counters after the words, in this order.
    private static final int CLOCK = 0;
    private static final int LARGE_ENTRIES = 1;
    private static final int HITS = 2;
    private static final int MISSES = 3;
    private static final int EVICTIONS = 4;
    private static final int COUNTERS = 5;

    /** One save: its place in its block, and the TLB's counters as they were. */
    static final class Image {
        final int[] block;
        final int at;
        private final int counters;

        private Image(int[] block, int at, int counters) {
            this.block = block;
            this.at = at;
            this.counters = counters;
        }

        int clock() {
            return block[counters + CLOCK];
        }

        int largeEntries() {
            return block[counters + LARGE_ENTRIES];
        }

        int hits() {
            return block[counters + HITS];
        }

        int misses() {
            return block[counters + MISSES];
        }

        int evictions() {
            return block[counters + EVICTIONS];
        }
    }

    // The TLB's slots array's length.
    private final int words;
    private int[] block;
    private int used;
    // The save the TLB was last saved to or loaded from: a save of an unchanged TLB (an undo,
    // then the next action; a line that failed; an action that left the TLB alone) shares it.
    private Image last;

    TlbSnapshots(int words) {
        this.words = words;
    }

    /** A save of {@code slots} and the counters, or the last one when the TLB still holds that. */
    Image save(int[] slots, int clock, int largeEntries, int hits, int misses, int evictions) {
        if (last != null && same(last, slots, clock, largeEntries, hits, misses, evictions)) {
            return last;
        }
        int size = words + COUNTERS;
        if (block == null || used + size > block.length) {
            block = new int[size * SAVES_PER_BLOCK];
            used = 0;
        }
        int[] out = block;
        int at = used;
        used = at + size;
        copy(slots, 0, out, at, words);
        int c = at + words;
        out[c + CLOCK] = clock;
        out[c + LARGE_ENTRIES] = largeEntries;
        out[c + HITS] = hits;
        out[c + MISSES] = misses;
        out[c + EVICTIONS] = evictions;
        last = new Image(out, at, c);
        return last;
    }

    /** Puts {@code image}'s words back into {@code slots}; its counters are the TLB's to take back. */
    void load(Image image, int[] slots) {
        copy(image.block, image.at, slots, 0, words);
        last = image;
    }

    /**
     * Whether the TLB holds what {@code image} saved: counters first (a hit or a fill changes
     * them), then the flags words (an invalidation changes only those), then every word.
     */
    private boolean same(Image image, int[] slots, int clock, int largeEntries, int hits, int misses, int evictions) {
        if (image.clock() != clock || image.largeEntries() != largeEntries || image.hits() != hits
                || image.misses() != misses || image.evictions() != evictions) {
            return false;
        }
        int[] s = image.block;
        int at = image.at;
        for (int i = TlbSlots.FLAGS; i < words; i += TlbSlots.STRIDE) {
            if (slots[i] != s[at + i]) {
                return false;
            }
        }
        for (int i = 0; i < words; i++) {
            if (slots[i] != s[at + i]) {
                return false;
            }
        }
        return true;
    }

    // A loop, not System.arraycopy: for a few hundred ints, TeaVM's JavaScript copy through a subarray view costs more.
    private static void copy(int[] from, int fromAt, int[] to, int toAt, int n) {
        for (int i = 0; i < n; i++) {
            to[toAt + i] = from[fromAt + i];
        }
    }
}
