package org.pagewalk.machine;

import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.Trace;

/**
 * A finite, set-associative translation lookaside buffer with LRU replacement (SDM §4.10).
 *
 * <p>It is a cache of translations, not of the page tables: an entry is served until INVLPG of
 * its page, a CR3 write (non-global entries), a CR4.PGE/PSE change or CR0.PG clear (all), a page
 * fault on its page, or eviction — even after the tables in memory changed. Each entry keeps the
 * PDE/PTE addresses and values it was filled from, so a viewer can tell a stale entry from a
 * fresh one while the CPU keeps using it.
 *
 * <p>A 4 KiB entry lives in set {@code pageNumber mod sets}; a 4 MiB entry is one entry in set
 * {@code (pageNumber >>> 10) mod sets}, and a lookup probes that set too when any 4 MiB entry
 * is cached. The entries are one {@code int} array ({@link TlbSlots}) and a hit is one mask
 * compare: no objects and no {@code long} on the hot path (TeaVM).
 */
public final class Tlb {
    static final int VALID = 1;
    static final int WRITABLE = EntryBits.WRITE;
    static final int USER = EntryBits.USER;
    static final int DIRTY = EntryBits.DIRTY;
    static final int LARGE = EntryBits.PAGE_SIZE;
    static final int GLOBAL = EntryBits.GLOBAL;

    private static final int MASK_4K = 0xFFFFF;
    private static final int MASK_4M = 0xFFC00;
    // An entry's flags word with its page mask (TlbSlots.FLAGS), for each page size.
    private static final int WORD_4K = MASK_4K << 12;
    private static final int WORD_4M = (MASK_4M << 12) | LARGE;

    private static final int TAG = TlbSlots.TAG;
    private static final int FLAGS = TlbSlots.FLAGS;
    private static final int FRAME = TlbSlots.FRAME;
    private static final int LAST_USE = TlbSlots.LAST_USE;
    private static final int SHIFT = TlbSlots.SHIFT;

    private final TlbGeometry geometry;
    private final int ways;
    private final int setMask;
    // index >>> wayShift is the set when the ways are a power of two (the usual case), -1 otherwise:
    // a hit reports its set and way, and a division on every hit costs more than the rest of it.
    private final int wayShift;
    private final Trace trace;

    // Every entry's fields, interleaved (TlbSlots).
    private final int[] slots;
    private final int entries;
    private int clock;
    private int largeEntries;

    // A hit is counted by the LRU clock tick it makes anyway (one store fewer on every hit): hits
    // are the ticks since the counters' reset that were not fills or debugger loads.
    private int clockAtReset;
    private int otherTicks;
    private int misses;
    private int evictions;

    // The journal of a transaction (Machine.begin), and the counters as they were at its start.
    private boolean journaling;
    private final TlbJournal journal;
    private final int[] savedScalars = new int[6];
    private final TlbSnapshots snapshots;

    public Tlb(TlbGeometry geometry, Trace trace) {
        this.geometry = geometry;
        this.ways = geometry.ways();
        this.setMask = geometry.sets() - 1;
        this.wayShift = Integer.bitCount(ways) == 1 ? Integer.numberOfTrailingZeros(ways) : -1;
        this.trace = trace;
        this.entries = geometry.entries();
        this.slots = new int[entries << SHIFT];
        this.journal = new TlbJournal(entries);
        this.snapshots = new TlbSnapshots(slots.length);
    }

    public TlbGeometry geometry() {
        return geometry;
    }

    /** The index (set * ways + way) of the entry that maps {@code linear}, or -1. */
    public int lookup(int linear) {
        int page = linear >>> 12;
        int base = (page & setMask) * ways;
        int[] e = slots;
        // The default geometry as a loop with a constant trip count, which HotSpot unrolls (a loop
        // over the field's count of ways cost a hit a third more). Not four compares written out:
        // with both probes written out, translate's machine code grew past what HotSpot inlines
        // into a caller (InlineSmallCode, 2,500 bytes), and every hit paid a call.
        if (ways == 4) {
            for (int i = base; i < base + 4; i++) {
                // matches(i, page) written out: a method called from two places is a call in
                // TeaVM's output, a fifth of a hit in JavaScript.
                int at = i << SHIFT;
                int word = e[at + FLAGS];
                if ((page & (word >>> 12)) == e[at + TAG] && (word & VALID) != 0) {
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
        int at = i << SHIFT;
        return largeTag == slots[at + TAG] && (slots[at + FLAGS] & (VALID | LARGE)) == (VALID | LARGE);
    }

    /** The set of an index from {@link #lookup}. */
    int setOfIndex(int index) {
        return wayShift >= 0 ? index >>> wayShift : index / ways;
    }

    /** The way of an index from {@link #lookup}. */
    int wayOfIndex(int index) {
        return wayShift >= 0 ? index & (ways - 1) : index % ways;
    }

    private boolean matches(int i, int page) {
        int at = i << SHIFT;
        int word = slots[at + FLAGS];
        return (page & (word >>> 12)) == slots[at + TAG] && (word & VALID) != 0;
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
        return allows(index, hitRequires(wp, access));
    }

    /** The flags an entry needs to serve {@code access} under CR0.WP {@code wp}: see {@link #serves}. */
    static int hitRequires(boolean wp, int access) {
        return AccessRights.required(wp, access) | ((access & Access.WRITE) != 0 ? DIRTY : 0);
    }

    /**
     * {@link #serves} with its requirement computed by the caller: the hit's test, kept this small
     * so that TeaVM inlines it (its size limit; one word more made it a call on every WebAssembly hit).
     */
    boolean allows(int index, int required) {
        return (slots[index << SHIFT] & required) == required; // the word at FLAGS, which is 0
    }

    /**
     * A hit: the entry becomes its set's most recently used (which counts the hit, see
     * {@link #hits}), and the physical address of {@code linear} through it.
     */
    int serve(int index, int linear) {
        // The journal test outside preserve: TeaVM's output inlines the journal record into
        // preserve, and a call of that on every hit spends V8's inlining budget of the caller.
        if (journaling) {
            preserve(index);
        }
        int[] e = slots;
        int at = index << SHIFT;
        e[at + LAST_USE] = ++clock;
        // physical(index, linear) without its branch or its call (a call in TeaVM's output): the
        // offset bits are those the entry's page mask leaves out.
        return e[at + FRAME] | (linear & ~(e[at + FLAGS] & TlbSlots.PAGE_MASK));
    }

    /** The entry's flags (VALID, WRITABLE, USER, DIRTY, LARGE, GLOBAL). */
    int flags(int index) {
        return slots[(index << SHIFT) + FLAGS] & TlbSlots.FLAG_BITS;
    }

    private int physical(int index, int linear) {
        int at = index << SHIFT;
        return (slots[at + FLAGS] & LARGE) != 0 ? slots[at + FRAME] | (linear & 0x003FFFFF)
                : slots[at + FRAME] | (linear & 0xFFF);
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
        // the test outside the call for the reason given at serve.
        if (journaling) {
            preserve(victim);
        }
        int[] e = slots;
        int at = victim << SHIFT;
        int f = e[at + FLAGS];
        if ((f & VALID) != 0) {
            evict(set, victim - base, at, f);
        }
        int entryTag = large ? page & MASK_4M : page;
        e[at + TAG] = entryTag;
        e[at + FLAGS] = (large ? WORD_4M : WORD_4K) | VALID | (rights & (WRITABLE | USER)) | (dirty ? DIRTY : 0)
                | (global ? GLOBAL : 0);
        e[at + FRAME] = physicalBase;
        e[at + LAST_USE] = ++clock;
        e[at + TlbSlots.PDE_ADDRESS] = pdeAddr;
        e[at + TlbSlots.PDE] = pdeValue;
        e[at + TlbSlots.PTE_ADDRESS] = pteAddr;
        e[at + TlbSlots.PTE] = pteValue;
        if (large) {
            largeEntries++;
        }
        otherTicks++;
        if (trace.isListening()) {
            trace.event(EventKind.TLB_FILL, set, victim - base, entryTag, physicalBase);
        }
        return victim;
    }

    /**
     * The least recently used entry of a full set makes room (its journal record is already
     * taken; the fill overwrites its words).
     */
    private void evict(int set, int way, int at, int f) {
        evictions++;
        if (trace.isListening()) {
            trace.event(EventKind.TLB_EVICT, set, way, slots[at + TAG], slots[at + FRAME]);
        }
        if ((f & LARGE) != 0) {
            largeEntries--;
        }
    }

    /**
     * The way a fill takes: the first empty one, else the least recently used (subtraction keeps
     * the order right across the clock's wrap-around).
     */
    private int choose(int base) {
        int[] e = slots;
        int victim = base;
        for (int i = base; i < base + ways; i++) {
            int at = i << SHIFT;
            if ((e[at + FLAGS] & VALID) == 0) {
                return i;
            }
            if (e[at + LAST_USE] - e[(victim << SHIFT) + LAST_USE] < 0) {
                victim = i;
            }
        }
        return victim;
    }

    /** {@link #choose} for the default 4 ways, unrolled: the loop was a fifth of a miss on the JVM. */
    private int choose4(int base) {
        int[] e = slots;
        int at = base << SHIFT;
        if ((e[at + FLAGS] & e[at + (1 << SHIFT) + FLAGS] & e[at + (2 << SHIFT) + FLAGS] & e[at + (3 << SHIFT) + FLAGS]
                & VALID) == 0) {
            return choose(base);
        }
        int a = e[at + (1 << SHIFT) + LAST_USE] - e[at + LAST_USE] < 0 ? base + 1 : base;
        int b = e[at + (3 << SHIFT) + LAST_USE] - e[at + (2 << SHIFT) + LAST_USE] < 0 ? base + 3 : base + 2;
        return e[(b << SHIFT) + LAST_USE] - e[(a << SHIFT) + LAST_USE] < 0 ? b : a;
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
        if ((slots[(i << SHIFT) + FLAGS] & VALID) != 0) {
            remove(i);
        }
        int at = i << SHIFT;
        slots[at + TAG] = large ? page & MASK_4M : page;
        slots[at + FLAGS] = (large ? WORD_4M : WORD_4K) | VALID | (rights & (WRITABLE | USER)) | (dirty ? DIRTY : 0)
                | (global ? GLOBAL : 0);
        slots[at + FRAME] = physicalBase;
        slots[at + LAST_USE] = ++clock;
        slots[at + TlbSlots.PDE_ADDRESS] = 0;
        slots[at + TlbSlots.PDE] = 0;
        slots[at + TlbSlots.PTE_ADDRESS] = 0;
        slots[at + TlbSlots.PTE] = 0;
        if (large) {
            largeEntries++;
        }
        otherTicks++;
    }

    /** Drops one entry, with an invalidation event naming {@code cause}. */
    void invalidate(int index, int cause) {
        trace.event(EventKind.TLB_INVALIDATE, setOfIndex(index), wayOfIndex(index), slots[(index << SHIFT) + TAG], cause);
        remove(index);
    }

    private void remove(int index) {
        preserve(index);
        int at = (index << SHIFT) + FLAGS;
        if ((slots[at] & (VALID | LARGE)) == (VALID | LARGE)) {
            largeEntries--;
        }
        slots[at] = 0;
    }

    /**
     * INVLPG semantics: removes every entry whose page contains {@code linear}, whatever its size
     * and global or not. Returns how many went.
     */
    public int invalidatePage(int linear, int cause) {
        int page = linear >>> 12;
        int removed = 0;
        int base = (page & setMask) * ways;
        // The compares written out, not matches/matchesLarge: TeaVM inlines a method called from one
        // place only, and a second call site made the 4 MiB probe of every hit a call per way.
        int[] e = slots;
        for (int i = base; i < base + ways; i++) {
            int word = e[(i << SHIFT) + FLAGS];
            if ((word & VALID) != 0 && (page & (word >>> 12)) == e[(i << SHIFT) + TAG]) {
                invalidate(i, cause);
                removed++;
            }
        }
        if (largeEntries > 0) {
            base = ((page >>> 10) & setMask) * ways;
            for (int i = base; i < base + ways; i++) {
                if ((e[(i << SHIFT) + FLAGS] & (VALID | LARGE)) == (VALID | LARGE) && (page & MASK_4M) == e[(i << SHIFT) + TAG]) {
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
        for (int i = 0; i < entries; i++) {
            int f = slots[(i << SHIFT) + FLAGS];
            if ((f & VALID) != 0) {
                if ((f & GLOBAL) == 0) {
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
        for (int i = 0; i < entries; i++) {
            if ((slots[(i << SHIFT) + FLAGS] & VALID) != 0) {
                invalidate(i, cause);
                removed++;
            }
        }
        trace.event(EventKind.TLB_FLUSH, cause, removed, 0, 0);
        return removed;
    }

    /**
     * Starts a transaction: the first change to each entry records its old words, so that
     * {@link #rollbackJournal()} can put them back (TlbJournal).
     */
    void beginJournal() {
        journaling = true;
        journal.begin();
        savedScalars[0] = clock;
        savedScalars[1] = largeEntries;
        savedScalars[2] = clockAtReset;
        savedScalars[3] = misses;
        savedScalars[4] = evictions;
        savedScalars[5] = otherTicks;
    }

    void commitJournal() {
        journaling = false;
        journal.clear();
    }

    void rollbackJournal() {
        journaling = false;
        journal.rollback(slots);
        clock = savedScalars[0];
        largeEntries = savedScalars[1];
        clockAtReset = savedScalars[2];
        misses = savedScalars[3];
        evictions = savedScalars[4];
        otherTicks = savedScalars[5];
    }

    private void preserve(int i) {
        if (journaling) {
            journal.preserve(slots, i);
        }
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
        for (int i = 0; i < entries; i++) {
            if ((slots[(i << SHIFT) + FLAGS] & VALID) != 0) {
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
        int[] e = slots;
        int i = set * ways + way;
        int at = i << SHIFT;
        int f = e[at + FLAGS];
        int age = 0;
        if ((f & VALID) != 0) {
            for (int j = set * ways; j < set * ways + ways; j++) {
                int other = j << SHIFT;
                if (j != i && (e[other + FLAGS] & VALID) != 0 && e[other + LAST_USE] - e[at + LAST_USE] > 0) {
                    age++;
                }
            }
        }
        return new TlbEntry(set, way, (f & VALID) != 0, e[at + TAG], (f & LARGE) != 0, e[at + FRAME],
                f & (WRITABLE | USER), (f & DIRTY) != 0, (f & GLOBAL) != 0, age,
                e[at + TlbSlots.PDE_ADDRESS], e[at + TlbSlots.PDE], e[at + TlbSlots.PTE_ADDRESS], e[at + TlbSlots.PTE]);
    }

    /** The entry at an index from {@link #lookup}. */
    public TlbEntry entry(int index) {
        return entry(setOfIndex(index), wayOfIndex(index));
    }

    /** The entry at {@code index} as a translation of {@code linear}, served by the TLB or just filled by a walk. */
    Translation translation(int index, int linear, boolean fromTlb) {
        int at = index << SHIFT;
        int f = slots[at + FLAGS];
        return new Translation(linear, physical(index, linear), (f & LARGE) != 0, f & (WRITABLE | USER),
                (f & GLOBAL) != 0, fromTlb, slots[at + TlbSlots.PDE_ADDRESS], slots[at + TlbSlots.PDE],
                slots[at + TlbSlots.PTE_ADDRESS], slots[at + TlbSlots.PTE]);
    }

    /** The whole TLB saved, for a machine snapshot (TlbSnapshots): the last save again when nothing changed since. */
    TlbSnapshots.Image save() {
        return snapshots.save(slots, clock, largeEntries, hits(), misses, evictions);
    }

    /** The TLB as {@code image} saved it, counters included. */
    void load(TlbSnapshots.Image image) {
        snapshots.load(image, slots);
        clock = image.clock();
        largeEntries = image.largeEntries();
        clockAtReset = clock - image.hits();
        otherTicks = 0;
        misses = image.misses();
        evictions = image.evictions();
    }
}
