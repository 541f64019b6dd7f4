package org.pagewalk.inspect;

import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestGlobals;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.PhysicalMemory;

/**
 * The use of every physical frame, computed from memory's truth (the directories and tables
 * reachable from initial_page_dir, CR3 and the used pageDirs), plus the bitmap's opinion beside
 * it: the as-written allocator makes the two differ, and the frame map shows where.
 *
 * <p>Built by debugger reads (no MMU, no events). One byte per frame of the whole 4 GiB space;
 * only the installed frames' bytes (and the summaries that hold them) are ever written or read: every
 * reader answers {@link FrameKind#BEYOND_RAM} past installed RAM, so a map of 32 MiB never writes the
 * other megabyte of each array (a page's first render builds one).
 * {@link #refresh} brings a map up to date after the machine changed without walking every
 * frame: it compares the bitmap word by word, and re-walks only the paging structures (whose
 * size does not depend on installed RAM); only frames whose kind or disagreement changed are
 * touched. So an action on a 4 GiB machine costs a few thousand reads, not a million.
 *
 * <p>For drawing, the map keeps a summary per aligned power-of-two group of frames (the most
 * notable kind in it, and whether any of it disagrees), kept up to date the same way, and which
 * blocks of {@link #BLOCK} frames changed since the drawer last looked ({@link #blockChanged}).
 */
public final class FrameMap {
    public static final int FRAMES = 1 << 20;
    /** Frames per block that {@link #blockChanged} reports on. */
    public static final int BLOCK = 256;
    /** In a {@link #cells} summary: the kind's ordinal in the low bits, this bit if any frame disagrees. */
    public static final int DIFFERS = 8;
    public static final int KIND_MASK = 7;

    private static final int LEVELS = 20;
    private static final int BLOCK_LOG = 8;
    private static final int FREE = FrameKind.FREE.ordinal();
    private static final int KERNEL = FrameKind.KERNEL_IMAGE.ordinal();
    private static final int DIRECTORY = FrameKind.DIRECTORY.ordinal();
    private static final int TABLE = FrameKind.PAGE_TABLE.ordinal();
    private static final int MAPPED = FrameKind.MAPPED.ordinal();
    private static final int ALLOCATED = FrameKind.ALLOCATED.ordinal();
    private static final int LOW = FrameKind.LOW.ordinal();
    private static final int BEYOND = FrameKind.BEYOND_RAM.ordinal();
    /** How notable each kind is when one cell shows several frames (by ordinal): tables over free space. */
    private static final int[] NOTABILITY = {1, 4, 7, 6, 5, 3, 2, 0};
    /** A frame already recorded by the refresh under way (kept in its kind byte, cleared when it ends). */
    private static final int RECORDED = 0x40;

    private final byte[] kinds = new byte[FRAMES];
    /** summary[level][i]: frames i·2^level up to (i+1)·2^level, as {@link #cells} packs them (level 0 unused). */
    private final byte[][] summary = new byte[LEVELS + 1][];
    private final int[] counts = new int[BEYOND + 1];
    private final int[] changedBlocks = new int[(FRAMES >>> BLOCK_LOG) >>> 5];
    private int disagreeing;
    /** The guest's bitmap as read, 32 frames a word (bit f & 31 of word f >>> 5, as the guest stores it). */
    private int[] bitmap;
    /** The bitmap read by the refresh under way, compared with {@link #bitmap} (kept: 128 KiB at 4 GiB). */
    private int[] read;
    /** The directory and the page table the walk of the paging structures is reading, a frame at a time. */
    private final int[] directoryWords = new int[1024];
    private final int[] tableWords = new int[1024];
    private boolean guest;
    private int installed;
    private int low;
    private int kernelFirst;
    private int kernelLimit;
    /** The frames the last walk of the paging structures marked (directory, table or mapped). */
    private int[] marked = new int[256];
    private int markedCount;
    /** Frames the refresh under way changed, with their kind and bitmap bit before it. */
    private int[] recorded = new int[256];
    private int recordedCount;
    /** What the map was last brought up to date with: everything it reads (memory, CR3, CR4.PSE, the guest). */
    private PhysicalMemory seenMemory;
    private int seenChanges;
    private int seenCr3;
    private boolean seenPse;
    private CeanOs seenOs;

    private FrameMap() {
        for (int level = 1; level <= LEVELS; level++) {
            summary[level] = new byte[FRAMES >>> level];
        }
    }

    public static FrameMap of(Machine m, CeanOs os) {
        FrameMap map = new FrameMap();
        map.rebuild(m, os);
        return map;
    }

    /**
     * Brings the map up to date with the machine (any change: an action, undo, a restore); true
     * if any frame's kind or disagreement changed. The result is exactly {@link #of}'s.
     */
    public boolean refresh(Machine m, CeanOs os) {
        if (upToDate(m, os)) {
            return false;
        }
        if (!sameLayout(m, os)) {
            rebuild(m, os);
            return true;
        }
        saw(m, os);
        recordedCount = 0;
        if (guest) {
            readBitmap(m);
        }
        // Undo the last walk's marks, then walk again: what a table no longer reaches is its base kind again.
        for (int i = 0; i < markedCount; i++) {
            record(marked[i]);
        }
        for (int i = 0; i < recordedCount; i += 3) {
            int f = recorded[i];
            kinds[f] = (byte) (baseKind(f) | RECORDED);
        }
        markedCount = 0;
        markStructures(m, os);
        boolean changed = false;
        for (int i = 0; i < recordedCount; i += 3) {
            int f = recorded[i];
            int kind = kinds[f] & KIND_MASK;
            kinds[f] = (byte) kind;
            int oldKind = recorded[i + 1];
            boolean oldDiffers = disagrees(oldKind, recorded[i + 2] != 0, f);
            boolean differs = disagrees(kind, bit(f), f);
            if (kind != oldKind || differs != oldDiffers) {
                counts[oldKind]--;
                counts[kind]++;
                disagreeing += (differs ? 1 : 0) - (oldDiffers ? 1 : 0);
                summarise(f);
                changedBlocks[f >>> (BLOCK_LOG + 5)] |= 1 << ((f >>> BLOCK_LOG) & 31);
                changed = true;
            }
        }
        recordedCount = 0;
        return changed;
    }

    /**
     * Whether the map already describes {@code m} as it is now: the same memory unchanged since
     * (its {@link PhysicalMemory#changes} stamp), the same CR3 and CR4.PSE, the same guest. A
     * redraw with no action in between then costs no bitmap read and no walk.
     */
    public boolean upToDate(Machine m, CeanOs os) {
        PhysicalMemory memory = m.memory();
        return memory == seenMemory && memory.changes() == seenChanges && m.cr().cr3() == seenCr3
                && m.cr().pse() == seenPse && os == seenOs;
    }

    private void saw(Machine m, CeanOs os) {
        seenMemory = m.memory();
        seenChanges = seenMemory.changes();
        seenCr3 = m.cr().cr3();
        seenPse = m.cr().pse();
        seenOs = os;
    }

    private boolean sameLayout(Machine m, CeanOs os) {
        if (bitmap == null || installed != m.memory().frames() || guest != (os != null)) {
            return false;
        }
        return os == null || (low == Math.min(os.globals().pageFrameMin(), installed)
                && kernelLimit == Math.min(os.layout().kernelEnd() >>> 12, installed));
    }

    private void rebuild(Machine m, CeanOs os) {
        saw(m, os);
        installed = m.memory().frames();
        guest = os != null;
        bitmap = new int[(installed + 31) >>> 5];
        low = 0;
        kernelFirst = KernelLayout.CODE >>> 12;
        kernelLimit = 0;
        if (os != null) {
            low = Math.min(os.globals().pageFrameMin(), installed);
            kernelLimit = Math.min(os.layout().kernelEnd() >>> 12, installed);
            readBitmapWords(m, bitmap);
        }
        for (int f = 0; f < installed; f++) {
            kinds[f] = (byte) baseKind(f);
        }
        markedCount = 0;
        recordedCount = 0;
        markStructures(m, os);
        // Nothing to compare with: the records of this walk are not needed.
        for (int i = 0; i < recordedCount; i += 3) {
            kinds[recorded[i]] &= KIND_MASK;
        }
        recordedCount = 0;
        for (int k = 0; k < counts.length; k++) {
            counts[k] = 0;
        }
        disagreeing = 0;
        // Beyond installed RAM every frame and every group is BEYOND_RAM: only the groups that hold RAM are combined.
        counts[BEYOND] = FRAMES - installed;
        byte[] first = summary[1];
        int ram = (installed + 1) >>> 1;
        for (int i = 0; i < ram; i++) {
            int a = frameCell(2 * i);
            int b = frameCell(2 * i + 1);
            if (2 * i < installed) {
                counts[a & KIND_MASK]++;
                disagreeing += (a & DIFFERS) >>> 3;
            }
            if (2 * i + 1 < installed) {
                counts[b & KIND_MASK]++;
                disagreeing += (b & DIFFERS) >>> 3;
            }
            first[i] = (byte) combine(a, b);
        }
        for (int level = 2; level <= LEVELS; level++) {
            byte[] here = summary[level];
            ram = (ram + 1) >>> 1;
            for (int i = 0; i < ram; i++) {
                here[i] = (byte) combine(cell(level - 1, 2 * i), cell(level - 1, 2 * i + 1));
            }
        }
        for (int i = 0; i < changedBlocks.length; i++) {
            changedBlocks[i] = -1;
        }
    }

    /** What a frame is before the paging structures are walked: RAM, the kernel image, low memory, the bitmap. */
    private int baseKind(int f) {
        if (f >= installed) {
            return BEYOND;
        }
        if (f >= kernelFirst && f < kernelLimit) {
            return KERNEL;
        }
        if (f < low) {
            return LOW;
        }
        return bit(f) ? ALLOCATED : FREE;
    }

    private boolean bit(int f) {
        return f < installed && (bitmap[f >>> 5] & (1 << (f & 31))) != 0;
    }

    /** The guest's bitmap as it is in memory now, the bits past installed RAM cleared. */
    private void readBitmapWords(Machine m, int[] into) {
        m.memory().readWords(KernelLayout.BITMAP, into, 0, bitmap.length);
        int tail = installed & 31;
        if (tail != 0) {
            into[bitmap.length - 1] &= (1 << tail) - 1;
        }
    }

    private void readBitmap(Machine m) {
        if (read == null || read.length != bitmap.length) {
            read = new int[bitmap.length];
        }
        readBitmapWords(m, read);
        for (int w = 0; w < bitmap.length; w++) {
            int now = read[w];
            int diff = now ^ bitmap[w];
            while (diff != 0) {
                record(32 * w + Integer.numberOfTrailingZeros(diff));
                diff &= diff - 1;
            }
            bitmap[w] = now;
        }
    }

    /** Remembers a frame's kind and bitmap bit before the refresh under way changes it (once per frame). */
    private void record(int f) {
        int k = kinds[f];
        if ((k & RECORDED) != 0) {
            return;
        }
        if (recordedCount + 3 > recorded.length) {
            recorded = java.util.Arrays.copyOf(recorded, recorded.length * 2);
        }
        recorded[recordedCount++] = f;
        recorded[recordedCount++] = k;
        // The bit before: readBitmap records a changed bit before it stores the new word.
        recorded[recordedCount++] = bit(f) ? 1 : 0;
        kinds[f] = (byte) (k | RECORDED);
    }

    /** Directories: the current one, initial_page_dir, every used pool entry. */
    private void markStructures(Machine m, CeanOs os) {
        markDirectory(m, m.cr().cr3() & EntryBits.FRAME_4K);
        if (os != null) {
            markDirectory(m, KernelLayout.INITIAL_PAGE_DIR);
            GuestGlobals g = os.globals();
            for (int i = 0; i < KernelLayout.NUM_PAGE_DIRS; i++) {
                if (g.pageDirUsed(i)) {
                    markDirectory(m, os.layout().pageDir(i));
                }
            }
        }
    }

    private void markDirectory(Machine m, int dir) {
        int frame = dir >>> 12;
        // A directory this walk already went through (CR3 is usually initial_page_dir): walking it
        // again would mark nothing new, since marks only ever move a frame away from its base kind.
        if (frame >= installed || (kinds[frame] & KIND_MASK) == DIRECTORY) {
            return;
        }
        mark(frame, DIRECTORY);
        boolean pse = m.cr().pse();
        int[] pdes = directoryWords;
        m.memory().readWords(dir, pdes, 0, 1024);
        for (int i = 0; i < 1024; i++) {
            int pde = pdes[i];
            if ((pde & EntryBits.PRESENT) == 0 || (pse && (pde & EntryBits.PAGE_SIZE) != 0)) {
                continue;
            }
            int table = pde & EntryBits.FRAME_4K;
            int tf = table >>> 12;
            if (tf >= installed || table == dir) {
                continue;
            }
            int tk = kinds[tf] & KIND_MASK;
            if (tk != DIRECTORY && tk != KERNEL) {
                mark(tf, TABLE);
            }
            int[] ptes = tableWords;
            m.memory().readWords(table, ptes, 0, 1024);
            for (int j = 0; j < 1024; j++) {
                int pte = ptes[j];
                if ((pte & EntryBits.PRESENT) == 0) {
                    continue;
                }
                int pf = pte >>> 12;
                if (pf < installed) {
                    int pk = kinds[pf] & KIND_MASK;
                    if (pk == FREE || pk == ALLOCATED || pk == LOW) {
                        mark(pf, MAPPED);
                    }
                }
            }
        }
    }

    /** Sets a frame's kind from the walk, remembering the frame the first time this walk marks it. */
    private void mark(int f, int kind) {
        int k = kinds[f] & KIND_MASK;
        if (k == kind) {
            return;
        }
        record(f);
        if (k != DIRECTORY && k != TABLE && k != MAPPED) {
            if (markedCount == marked.length) {
                marked = java.util.Arrays.copyOf(marked, marked.length * 2);
            }
            marked[markedCount++] = f;
        }
        kinds[f] = (byte) (kind | RECORDED);
    }

    /**
     * Where the bitmap and memory disagree: a frame in use as a table or a mapped page that the
     * bitmap calls free (the allocator may hand it out again). Frames below the allocator's range
     * are low memory or the kernel image, never a table or a mapped page, so they never disagree.
     */
    private boolean disagrees(int kind, boolean used, int f) {
        return f < installed && !used && (kind == TABLE || kind == MAPPED);
    }

    private int frameCell(int f) {
        if (f >= installed) {
            return BEYOND;
        }
        int k = kinds[f] & KIND_MASK;
        return disagrees(k, bit(f), f) ? k | DIFFERS : k;
    }

    private static int combine(int a, int b) {
        int ka = a & KIND_MASK;
        int kb = b & KIND_MASK;
        return (NOTABILITY[kb] > NOTABILITY[ka] ? kb : ka) | ((a | b) & DIFFERS);
    }

    private void summarise(int f) {
        int i = f >>> 1;
        summary[1][i] = (byte) combine(frameCell(2 * i), frameCell(2 * i + 1));
        for (int level = 2; level <= LEVELS; level++) {
            i >>>= 1;
            summary[level][i] = (byte) combine(cell(level - 1, 2 * i), cell(level - 1, 2 * i + 1));
        }
    }

    /**
     * Summary cell {@code i} of {@code level} ({@code level} ≥ 1): beyond installed RAM it is
     * BEYOND_RAM without reading the array, whose bytes there are never written (or are left from
     * a larger machine).
     */
    private int cell(int level, int i) {
        return i << level >= installed ? BEYOND : summary[level][i];
    }

    public FrameKind kind(int frame) {
        return FrameKind.values()[kindOrdinal(frame)];
    }

    /** The raw ordinal of {@link FrameKind} per frame (for drawing: no allocation per frame). */
    public int kindOrdinal(int frame) {
        return frame >= installed ? BEYOND : kinds[frame];
    }

    public int installedFrames() {
        return installed;
    }

    /** Whether the bitmap marks the frame used (false on a bare machine). */
    public boolean bitmapUsed(int frame) {
        return bit(frame);
    }

    /**
     * Where the bitmap and memory disagree: a frame in use as a table or a mapped page that the
     * bitmap calls free (the allocator may hand it out again), inside the allocator's range.
     */
    public boolean disagrees(int frame) {
        return frame < installed && disagrees(kinds[frame], bit(frame), frame);
    }

    public int count(FrameKind kind) {
        return counts[kind.ordinal()];
    }

    /** Frames that {@link #disagrees}. */
    public int disagreeing() {
        return disagreeing;
    }

    /**
     * Summaries of {@code count} cells of 2^{@code log} frames each, the first starting at frame
     * {@code first} (a multiple of 2^log), into {@code into} from {@code offset}: per cell its most
     * notable kind's ordinal ({@link #KIND_MASK} bits), with {@link #DIFFERS} if any frame in it
     * disagrees with the bitmap.
     */
    public void cells(int first, int log, int count, byte[] into, int offset) {
        if (log == 0) {
            for (int i = 0; i < count; i++) {
                into[offset + i] = (byte) frameCell(first + i);
            }
        } else {
            // The cells that hold installed frames, then BEYOND_RAM for the rest (never stored: see cell).
            int held = Math.max(0, Math.min(count, ((installed + (1 << log) - 1) >>> log) - (first >>> log)));
            System.arraycopy(summary[log], first >>> log, into, offset, held);
            java.util.Arrays.fill(into, offset + held, offset + count, (byte) BEYOND);
        }
    }

    /** The most notable kind among 2^{@code log} frames from {@code first} (a multiple of 2^log). */
    public FrameKind notableKind(int first, int log) {
        int kind = log == 0 ? kindOrdinal(first) : cell(log, first >>> log) & KIND_MASK;
        return FrameKind.values()[kind];
    }

    /** Whether any frame of block {@code block} (frames block·{@link #BLOCK} on) changed since {@link #clearChanged}. */
    public boolean blockChanged(int block) {
        return (changedBlocks[block >>> 5] & (1 << (block & 31))) != 0;
    }

    /** Whether any block changed since {@link #clearChanged}. */
    public boolean anyChanged() {
        for (int w : changedBlocks) {
            if (w != 0) {
                return true;
            }
        }
        return false;
    }

    /** The drawer has caught up with every change. */
    public void clearChanged() {
        for (int i = 0; i < changedBlocks.length; i++) {
            changedBlocks[i] = 0;
        }
    }
}
