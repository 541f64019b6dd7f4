package org.pagewalk.machine;

import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.Trace;

/**
 * The TLB as it was before its entries were stored interleaved in one array (commit a9a6a81,
 * {@code Tlb.java} unchanged but for this comment and its name): nine parallel arrays, one per
 * field. {@code TlbStorageTest} runs it beside {@link Tlb} as the recorded old behaviour.
 *
 * <p>A finite, set-associative translation lookaside buffer with LRU replacement (SDM §4.10).
 *
 * <p>It is a cache of translations, not of the page tables: an entry is served until INVLPG of
 * its page, a CR3 write (non-global entries), a CR4.PGE/PSE change or CR0.PG clear (all), a page
 * fault on its page, or eviction — even after the tables in memory changed. Each entry keeps the
 * PDE/PTE addresses and values it was filled from, so a viewer can tell a stale entry from a
 * fresh one while the CPU keeps using it.
 *
 * <p>A 4 KiB entry lives in set {@code pageNumber mod sets}; a 4 MiB entry is one entry in set
 * {@code (pageNumber >>> 10) mod sets}, and a lookup probes that set too when any 4 MiB entry
 * is cached. Ways are parallel {@code int} arrays and a hit is one mask compare: no objects and
 * no {@code long} on the hot path (TeaVM).
 */
final class RecordedTlb {
    static final int VALID = 1;
    static final int WRITABLE = EntryBits.WRITE;
    static final int USER = EntryBits.USER;
    static final int DIRTY = EntryBits.DIRTY;
    static final int LARGE = EntryBits.PAGE_SIZE;
    static final int GLOBAL = EntryBits.GLOBAL;

    private static final int MASK_4K = 0xFFFFF;
    private static final int MASK_4M = 0xFFC00;

    private final TlbGeometry geometry;
    private final int ways;
    private final int setMask;
    // index >>> wayShift is the set when the ways are a power of two (the usual case), -1 otherwise:
    // a hit reports its set and way, and a division on every hit costs more than the rest of it.
    private final int wayShift;
    private final Trace trace;

    private final int[] tag;
    private final int[] mask;
    private final int[] frame;
    private final int[] flags;
    private final int[] lastUse;
    private final int[] pdeAddress;
    private final int[] pde;
    private final int[] pteAddress;
    private final int[] pte;
    private int clock;
    private int largeEntries;

    // A hit is counted by the LRU clock tick it makes anyway (one store fewer on every hit): hits
    // are the ticks since the counters' reset that were not fills or debugger loads.
    private int clockAtReset;
    private int otherTicks;
    private int misses;
    private int evictions;

    // The journal of a transaction (Machine.begin): each entry's fields before its first change.
    private boolean journaling;
    private int transaction;
    private final int[] journaledIn;
    private int[] journal = new int[64];
    private int journalLength;
    private final int[] savedScalars = new int[6];

    RecordedTlb(TlbGeometry geometry, Trace trace) {
        this.geometry = geometry;
        this.ways = geometry.ways();
        this.setMask = geometry.sets() - 1;
        this.wayShift = Integer.bitCount(ways) == 1 ? Integer.numberOfTrailingZeros(ways) : -1;
        this.trace = trace;
        int n = geometry.entries();
        tag = new int[n];
        mask = new int[n];
        frame = new int[n];
        flags = new int[n];
        lastUse = new int[n];
        pdeAddress = new int[n];
        pde = new int[n];
        pteAddress = new int[n];
        pte = new int[n];
        journaledIn = new int[n];
    }

    public TlbGeometry geometry() {
        return geometry;
    }

    /** The index (set * ways + way) of the entry that maps {@code linear}, or -1. */
    public int lookup(int linear) {
        int page = linear >>> 12;
        int base = (page & setMask) * ways;
        // The default geometry as a loop with a constant trip count, which HotSpot unrolls (a loop
        // over the field's count of ways cost a hit a third more). Not four compares written out:
        // with both probes written out, translate's machine code grew past what HotSpot inlines
        // into a caller (InlineSmallCode, 2,500 bytes), and every hit paid a call.
        if (ways == 4) {
            for (int i = base; i < base + 4; i++) {
                // matches(i, page) written out: a method called from two places is a call in
                // TeaVM's output, a fifth of a hit in JavaScript.
                if ((page & mask[i]) == tag[i] && (flags[i] & VALID) != 0) {
                    return i;
                }
            }
            // Two call sites on purpose: TeaVM inlines a method called from one place, which made
            // this one too big for V8 to inline into the MMU (TeaVM's JavaScript).
            return largeEntries > 0 ? lookupLarge(page) : -1;
        }
        for (int i = base; i < base + ways; i++) {
            if (matches(i, page)) {
                return i;
            }
        }
        return largeEntries > 0 ? lookupLarge(page) : -1;
    }

    /** The second probe, while any 4 MiB entry is cached: the set of {@code page >>> 10}. */
    private int lookupLarge(int page) {
        int base = ((page >>> 10) & setMask) * ways;
        int largeTag = page & MASK_4M;
        for (int i = base; i < base + ways; i++) {
            if (matchesLarge(i, largeTag)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesLarge(int i, int largeTag) {
        return largeTag == tag[i] && (flags[i] & (VALID | LARGE)) == (VALID | LARGE);
    }

    /** The set of an index from {@link #lookup}. */
    int setOfIndex(int index) {
        return wayShift >= 0 ? index >>> wayShift : index / ways;
    }

    /** The way of an index from {@link #lookup}. */
    int wayOfIndex(int index) {
        return wayShift >= 0 ? index & (ways - 1) : index % ways;
    }

    // The tag first: on a miss no tag matches, so the valid bit is never read.
    private boolean matches(int i, int page) {
        return (page & mask[i]) == tag[i] && (flags[i] & VALID) != 0;
    }

    /** The set a lookup of {@code linear} starts in (its 4 KiB set). */
    public int setOf(int linear) {
        return (linear >>> 12) & setMask;
    }

    /**
     * Whether the entry at {@code index} may serve {@code access} as it is: its combined rights
     * allow it under CR0.WP {@code wp} (SDM §4.6), and a write finds D already set (otherwise the
     * walk sets D in memory, §4.8). One mask test, so that a hit calls nothing to decide it.
     */
    boolean serves(int index, int access, boolean wp) {
        int required = AccessRights.required(wp, access) | ((access & Access.WRITE) != 0 ? DIRTY : 0);
        return (flags[index] & required) == required;
    }

    /**
     * A hit: the entry becomes its set's most recently used (which counts the hit, see
     * {@link #hits}), and the physical address of {@code linear} through it.
     */
    int serve(int index, int linear) {
        // preserve's own test repeated outside it: TeaVM's output inlines the journal record into
        // preserve, and a call of that on every hit spends V8's inlining budget of the caller.
        if (journaling) {
            preserve(index);
        }
        lastUse[index] = ++clock;
        // physical(index, linear) without its branch or its call (a call in TeaVM's output): the
        // offset bits are those the entry's page mask leaves out.
        return frame[index] | (linear & ~(mask[index] << 12));
    }

    int flags(int index) {
        return flags[index];
    }

    private int physical(int index, int linear) {
        return (flags[index] & LARGE) != 0 ? frame[index] | (linear & 0x003FFFFF) : frame[index] | (linear & 0xFFF);
    }

    void countMiss() {
        misses++;
    }

    /**
     * Caches a translation and returns its index. The entry gets {@code rights} (EntryBits.WRITE
     * and USER combined over the levels) and the leaf's D as it is in memory now.
     */
    int fill(int linear, boolean large, int physicalBase, int rights, boolean dirty, boolean global,
             int pdeAddr, int pdeValue, int pteAddr, int pteValue) {
        int page = linear >>> 12;
        int set = large ? (page >>> 10) & setMask : page & setMask;
        int base = set * ways;
        int victim = ways == 4 ? choose4(base) : choose(base);
        // One journal record before the entry's first change covers the eviction and the fill;
        // the test outside the call for the reason given at touch.
        if (journaling) {
            preserve(victim);
        }
        int f = flags[victim];
        if ((f & VALID) != 0) {
            evict(set, victim - base, victim, f);
        }
        int entryTag = large ? page & MASK_4M : page;
        tag[victim] = entryTag;
        mask[victim] = large ? MASK_4M : MASK_4K;
        frame[victim] = physicalBase;
        flags[victim] = VALID | (rights & (WRITABLE | USER)) | (dirty ? DIRTY : 0) | (global ? GLOBAL : 0)
                | (large ? LARGE : 0);
        pdeAddress[victim] = pdeAddr;
        pde[victim] = pdeValue;
        pteAddress[victim] = pteAddr;
        pte[victim] = pteValue;
        if (large) {
            largeEntries++;
        }
        lastUse[victim] = ++clock;
        otherTicks++;
        if (trace.isListening()) {
            trace.event(EventKind.TLB_FILL, set, victim - base, entryTag, physicalBase);
        }
        return victim;
    }

    /** The least recently used entry of a full set makes room (its journal record is already taken). */
    private void evict(int set, int way, int i, int f) {
        evictions++;
        if (trace.isListening()) {
            trace.event(EventKind.TLB_EVICT, set, way, tag[i], frame[i]);
        }
        if ((f & LARGE) != 0) {
            largeEntries--;
        }
        flags[i] = 0;
    }

    /**
     * The way a fill takes: the first empty one, else the least recently used (subtraction keeps
     * the order right across the clock's wrap-around).
     */
    private int choose(int base) {
        int victim = base;
        for (int i = base; i < base + ways; i++) {
            if ((flags[i] & VALID) == 0) {
                return i;
            }
            if (lastUse[i] - lastUse[victim] < 0) {
                victim = i;
            }
        }
        return victim;
    }

    /** {@link #choose} for the default 4 ways, unrolled: the loop was a fifth of a miss on the JVM. */
    private int choose4(int base) {
        if ((flags[base] & flags[base + 1] & flags[base + 2] & flags[base + 3] & VALID) == 0) {
            return choose(base);
        }
        int a = lastUse[base + 1] - lastUse[base] < 0 ? base + 1 : base;
        int b = lastUse[base + 3] - lastUse[base + 2] < 0 ? base + 3 : base + 2;
        return lastUse[b] - lastUse[a] < 0 ? b : a;
    }

    /**
     * Writes one way directly, as a debugger would (scenario round trips rebuild a TLB with
     * stale entries this way). {@code linear} must belong to {@code set}.
     */
    public void load(int set, int way, int linear, boolean large, int physicalBase, int rights, boolean dirty,
                     boolean global) {
        if (set < 0 || set > setMask || way < 0 || way >= ways) {
            throw new IllegalArgumentException("no TLB entry at set " + set + " way " + way + " (sets 0.." + setMask
                    + ", ways 0.." + (ways - 1) + ")");
        }
        int page = linear >>> 12;
        int home = large ? (page >>> 10) & setMask : page & setMask;
        if (home != set) {
            throw new IllegalArgumentException("page " + org.pagewalk.text.Hex.hex32(linear & ~0xFFF) + " belongs in TLB set "
                    + home + ", not " + set);
        }
        if ((physicalBase & (large ? 0x3FFFFF : 0xFFF)) != 0) {
            throw new IllegalArgumentException("frame " + org.pagewalk.text.Hex.hex32(physicalBase) + " is not "
                    + (large ? "4 MiB" : "4 KiB") + " aligned");
        }
        int i = set * ways + way;
        preserve(i);
        if ((flags[i] & VALID) != 0) {
            remove(i);
        }
        tag[i] = large ? page & MASK_4M : page;
        mask[i] = large ? MASK_4M : MASK_4K;
        frame[i] = physicalBase;
        flags[i] = VALID | (rights & (WRITABLE | USER)) | (dirty ? DIRTY : 0) | (global ? GLOBAL : 0) | (large ? LARGE : 0);
        pdeAddress[i] = 0;
        pde[i] = 0;
        pteAddress[i] = 0;
        pte[i] = 0;
        if (large) {
            largeEntries++;
        }
        lastUse[i] = ++clock;
        otherTicks++;
    }

    /** Drops one entry, with an invalidation event naming {@code cause}. */
    void invalidate(int index, int cause) {
        trace.event(EventKind.TLB_INVALIDATE, setOfIndex(index), wayOfIndex(index), tag[index], cause);
        remove(index);
    }

    private void remove(int index) {
        preserve(index);
        if ((flags[index] & (VALID | LARGE)) == (VALID | LARGE)) {
            largeEntries--;
        }
        flags[index] = 0;
    }

    /**
     * INVLPG semantics: removes every entry whose page contains {@code linear}, whatever its size
     * and global or not. Returns how many went.
     */
    public int invalidatePage(int linear, int cause) {
        int page = linear >>> 12;
        int removed = 0;
        int base = (page & setMask) * ways;
        for (int i = base; i < base + ways; i++) {
            if ((flags[i] & VALID) != 0 && (page & mask[i]) == tag[i]) {
                invalidate(i, cause);
                removed++;
            }
        }
        if (largeEntries > 0) {
            base = ((page >>> 10) & setMask) * ways;
            for (int i = base; i < base + ways; i++) {
                if ((flags[i] & (VALID | LARGE)) == (VALID | LARGE) && (page & MASK_4M) == tag[i]) {
                    invalidate(i, cause);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** What a CR3 write does: every entry goes except global ones. */
    public int flushNonGlobal(int cause) {
        int removed = 0;
        int kept = 0;
        for (int i = 0; i < flags.length; i++) {
            if ((flags[i] & VALID) != 0) {
                if ((flags[i] & GLOBAL) == 0) {
                    invalidate(i, cause);
                    removed++;
                } else {
                    kept++;
                }
            }
        }
        trace.event(EventKind.TLB_FLUSH, cause, removed, kept, 0);
        return removed;
    }

    /** Every entry goes, global ones too. */
    public int flushAll(int cause) {
        int removed = 0;
        for (int i = 0; i < flags.length; i++) {
            if ((flags[i] & VALID) != 0) {
                invalidate(i, cause);
                removed++;
            }
        }
        trace.event(EventKind.TLB_FLUSH, cause, removed, 0, 0);
        return removed;
    }

    /**
     * Starts a transaction: the first change to each entry records its old fields, so that
     * {@link #rollbackJournal()} can put them back. O(1) to start, unlike copying every array
     * (which costs tens of microseconds in TeaVM's JavaScript).
     */
    void beginJournal() {
        journaling = true;
        journalLength = 0;
        transaction++;
        savedScalars[0] = clock;
        savedScalars[1] = largeEntries;
        savedScalars[2] = clockAtReset;
        savedScalars[3] = misses;
        savedScalars[4] = evictions;
        savedScalars[5] = otherTicks;
    }

    void commitJournal() {
        journaling = false;
        journalLength = 0;
    }

    void rollbackJournal() {
        journaling = false;
        for (int at = journalLength - 10; at >= 0; at -= 10) {
            int i = journal[at];
            tag[i] = journal[at + 1];
            mask[i] = journal[at + 2];
            frame[i] = journal[at + 3];
            flags[i] = journal[at + 4];
            lastUse[i] = journal[at + 5];
            pdeAddress[i] = journal[at + 6];
            pde[i] = journal[at + 7];
            pteAddress[i] = journal[at + 8];
            pte[i] = journal[at + 9];
        }
        journalLength = 0;
        clock = savedScalars[0];
        largeEntries = savedScalars[1];
        clockAtReset = savedScalars[2];
        misses = savedScalars[3];
        evictions = savedScalars[4];
        otherTicks = savedScalars[5];
    }

    private void preserve(int i) {
        if (journaling && journaledIn[i] != transaction) {
            record(i);
        }
    }

    private void record(int i) {
        journaledIn[i] = transaction;
        if (journalLength + 10 > journal.length) {
            journal = java.util.Arrays.copyOf(journal, journal.length * 2);
        }
        int at = journalLength;
        journal[at] = i;
        journal[at + 1] = tag[i];
        journal[at + 2] = mask[i];
        journal[at + 3] = frame[i];
        journal[at + 4] = flags[i];
        journal[at + 5] = lastUse[i];
        journal[at + 6] = pdeAddress[i];
        journal[at + 7] = pde[i];
        journal[at + 8] = pteAddress[i];
        journal[at + 9] = pte[i];
        journalLength = at + 10;
    }

    public int hits() {
        return clock - clockAtReset - otherTicks;
    }

    public int misses() {
        return misses;
    }

    public int evictions() {
        return evictions;
    }

    public void resetCounters() {
        clockAtReset = clock;
        otherTicks = 0;
        misses = 0;
        evictions = 0;
    }

    public int validEntries() {
        int n = 0;
        for (int f : flags) {
            if ((f & VALID) != 0) {
                n++;
            }
        }
        return n;
    }

    /** A copy of one way. */
    public TlbEntry entry(int set, int way) {
        if (set < 0 || set > setMask || way < 0 || way >= ways) {
            throw new IllegalArgumentException("no TLB entry at set " + set + " way " + way + " (sets 0.."
                    + setMask + ", ways 0.." + (ways - 1) + ")");
        }
        int i = set * ways + way;
        int f = flags[i];
        int age = 0;
        if ((f & VALID) != 0) {
            for (int j = set * ways; j < set * ways + ways; j++) {
                if (j != i && (flags[j] & VALID) != 0 && lastUse[j] - lastUse[i] > 0) {
                    age++;
                }
            }
        }
        return new TlbEntry(set, way, (f & VALID) != 0, tag[i], (f & LARGE) != 0, frame[i],
                f & (WRITABLE | USER), (f & DIRTY) != 0, (f & GLOBAL) != 0, age,
                pdeAddress[i], pde[i], pteAddress[i], pte[i]);
    }

    /** The entry at an index from {@link #lookup}. */
    public TlbEntry entry(int index) {
        return entry(setOfIndex(index), wayOfIndex(index));
    }

    /** The entry at {@code index} as a translation of {@code linear}, served by the TLB or just filled by a walk. */
    Translation translation(int index, int linear, boolean fromTlb) {
        int f = flags[index];
        return new Translation(linear, physical(index, linear), (f & LARGE) != 0, f & (WRITABLE | USER),
                (f & GLOBAL) != 0, fromTlb, pdeAddress[index], pde[index], pteAddress[index], pte[index]);
    }

    /**
     * The whole TLB saved: nine fields per entry, then the counters, at {@code at} in a block
     * that holds the saves of several snapshots. A block's slots are written once, when taken,
     * and never again, so a save is immutable however many times it is restored; the block goes
     * when the last snapshot in it does. One array per {@link #SAVES_PER_BLOCK} snapshots rather
     * than one each matters in TeaVM's JavaScript, where a typed array costs microseconds to create.
     */
    static final class Image {
        final int[] block;
        final int at;

        Image(int[] block, int at) {
            this.block = block;
            this.at = at;
        }
    }

    static final int SAVES_PER_BLOCK = 16;
    private int[] saveBlock;
    private int saveUsed;
    // The save this TLB was last saved to or loaded from: a save of an unchanged TLB (an undo,
    // then the next action; a line that failed; an action that left the TLB alone) shares it.
    private Image last;
    private int[][] fields;

    Image save() {
        int n = tag.length;
        int[][] f = fields();
        if (last != null && same(last, f, n)) {
            return last;
        }
        int size = n * 9 + 5;
        if (saveBlock == null || saveUsed + size > saveBlock.length) {
            saveBlock = new int[size * SAVES_PER_BLOCK];
            saveUsed = 0;
        }
        int[] out = saveBlock;
        int at = saveUsed;
        saveUsed = at + size;
        for (int k = 0; k < 9; k++) {
            copy(f[k], 0, out, at + k * n, n);
        }
        int c = at + n * 9;
        out[c] = clock;
        out[c + 1] = largeEntries;
        out[c + 2] = hits();
        out[c + 3] = misses;
        out[c + 4] = evictions;
        last = new Image(out, at);
        return last;
    }

    void load(Image image) {
        int n = tag.length;
        int[] s = image.block;
        int at = image.at;
        int[][] f = fields();
        for (int k = 0; k < 9; k++) {
            copy(s, at + k * n, f[k], 0, n);
        }
        int c = at + n * 9;
        clock = s[c];
        largeEntries = s[c + 1];
        clockAtReset = clock - s[c + 2];
        otherTicks = 0;
        misses = s[c + 3];
        evictions = s[c + 4];
        last = image;
    }

    private int[][] fields() {
        if (fields == null) {
            fields = new int[][] {tag, mask, frame, flags, lastUse, pdeAddress, pde, pteAddress, pte};
        }
        return fields;
    }

    /** Whether the TLB holds what {@code image} saved: counters first (a hit or a fill changes them), then flags. */
    private boolean same(Image image, int[][] f, int n) {
        int[] s = image.block;
        int c = image.at + n * 9;
        if (s[c] != clock || s[c + 1] != largeEntries || s[c + 2] != hits() || s[c + 3] != misses || s[c + 4] != evictions) {
            return false;
        }
        for (int k : SAME_ORDER) {
            int[] a = f[k];
            int at = image.at + k * n;
            for (int i = 0; i < n; i++) {
                if (a[i] != s[at + i]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Fields in the order {@link #same} compares them: flags (an invalidation changes only them), then the rest. */
    private static final int[] SAME_ORDER = {3, 0, 1, 2, 4, 5, 6, 7, 8};

    // A loop, not System.arraycopy: for 64 ints, TeaVM's JavaScript copy through a subarray view costs more.
    private static void copy(int[] from, int fromAt, int[] to, int toAt, int n) {
        for (int i = 0; i < n; i++) {
            to[toAt + i] = from[fromAt + i];
        }
    }
}
