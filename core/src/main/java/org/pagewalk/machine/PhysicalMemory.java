package org.pagewalk.machine;

import org.pagewalk.text.Hex;
import org.pagewalk.text.Sizes;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceListener;

/**
 * Installed RAM, little-endian, 1 MiB to 4 GiB, stored sparsely: a 4 KiB frame gets storage on
 * its first non-zero write (a slot in a block of frames, {@link FrameBlocks}), so a 4 GiB machine
 * costs memory only for the frames used.
 *
 * <p>Storage is a two-level tree (1024 chunks of 1024 frames) shared copy-on-write with
 * snapshots: taking a snapshot costs O(1), and the first write after it copies one frame plus
 * the two small arrays above it. That makes undo after every step affordable.
 *
 * <p>An access beyond installed RAM behaves as on a PC bus: reads return all ones, writes are
 * dropped, and a {@link EventKind#BUS_UNMAPPED} event reports it; nothing throws.
 */
public final class PhysicalMemory {
    public static final int MIN_FRAMES = 256;          // 1 MiB
    public static final int MAX_FRAMES = 1 << 20;      // 4 GiB

    static final int FRAMES_PER_CHUNK = 1024;

    private final int frames;
    private final TraceListener trace;
    private Chunk[] chunks;
    // An epoch is an object, told apart by identity: a counter per machine would repeat in a copy
    // restored from another machine's image (Machine.of), which would then write into its chunks.
    private Object epoch = new Object();
    private Object rootEpoch = epoch;
    private final Spares spares = new Spares();
    private final FrameBlocks blocks = new FrameBlocks();
    private boolean journaling;
    private int[] journal = new int[64];
    private int journalLength;
    // The readers that hold a frame's array (the walker's FrameCaches): told whenever a frame's
    // storage array is created or replaced (copy-on-write) or the root is restored, so that a read
    // through one compares only its frame number (a stamp polled on every read cost the JavaScript
    // miss three loads per entry).
    private FrameCache[] readers = new FrameCache[0];
    // Changes with every word whose value changes (a write, a journal rollback) and every restore:
    // a reader that summarises memory (the frame map) skips its work while it is unchanged.
    private int changes;

    /**
     * One 4 MiB stretch of frames; {@code epoch} tells whether a snapshot may still share it, and
     * {@code owned} (one bit per frame) which frame arrays this chunk made itself and may write
     * in place. A chunk is written only in its own epoch, so a copy starts owning none: every
     * array is still the snapshot's. (A bit set, 128 bytes, rather than an epoch per frame: the
     * copy is made on the first write after every undo snapshot, and a 4 KiB typed array costs
     * far more to create in JavaScript.) {@link Spares} reuses chunks, so epoch and words can change.
     */
    static final class Chunk {
        Object epoch;
        /** Per frame, the array that holds its words: its own, or a block it shares with other frames ({@link FrameBlocks}). */
        int[][] words;
        /** Per frame, where its words start in {@code words[i]}; null while every frame's start at 0. */
        int[] starts;
        final int[] owned = new int[FRAMES_PER_CHUNK >>> 5];
        /** The chunk whose words this one's started as (null: none), for {@link Spares} to reuse them. */
        Chunk source;

        int[] starts() {
            if (starts == null) {
                starts = new int[FRAMES_PER_CHUNK];
            }
            return starts;
        }

        int start(int i) {
            return starts == null ? 0 : starts[i];
        }
    }

    /** An immutable image of memory, taken by {@link #snapshot()}. */
    public static final class Image {
        private final int frames;
        private final Chunk[] chunks;

        private Image(int frames, Chunk[] chunks) {
            this.frames = frames;
            this.chunks = chunks;
        }
    }

    public PhysicalMemory(int frames, TraceListener trace) {
        if (frames < MIN_FRAMES || frames > MAX_FRAMES) {
            throw new IllegalArgumentException("installed RAM must be 1 MiB to 4 GiB in whole 4 KiB frames ("
                    + MIN_FRAMES + " to " + MAX_FRAMES + " frames), was " + frames + " frames");
        }
        this.frames = frames;
        this.trace = trace;
        this.chunks = new Chunk[(frames + FRAMES_PER_CHUNK - 1) / FRAMES_PER_CHUNK];
    }

    /** Installed frames (4 KiB each). */
    public int frames() {
        return frames;
    }

    public String sizeText() {
        return Sizes.ofFrames(frames);
    }

    public boolean isInstalled(int physical) {
        return (physical >>> 12) < frames;
    }

    /** Whether a frame has storage (has ever held a non-zero word since boot). */
    public boolean isBacked(int frame) {
        if (frame < 0 || frame >= frames) {
            return false;
        }
        Chunk c = chunks[frame >>> 10];
        return c != null && c.words[frame & 1023] != null;
    }

    /** Frames that have storage: what this machine costs in host memory. */
    public int backedFrames() {
        int n = 0;
        for (Chunk c : chunks) {
            if (c != null) {
                for (int[] w : c.words) {
                    if (w != null) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    public int read32(int physical) {
        if ((physical & 3) == 0) {
            int frame = physical >>> 12;
            if (frame >= frames) {
                return unmappedRead(physical, 4);
            }
            return word(frame, (physical >>> 2) & 1023);
        }
        return read8(physical) | (read8(physical + 1) << 8) | (read8(physical + 2) << 16)
                | (read8(physical + 3) << 24);
    }

    public int read8(int physical) {
        int frame = physical >>> 12;
        if (frame >= frames) {
            return unmappedRead(physical, 1) & 0xFF;
        }
        return (word(frame, (physical >>> 2) & 1023) >>> ((physical & 3) << 3)) & 0xFF;
    }

    /** Writes a 32-bit value and returns the old one (all ones beyond RAM). */
    public int write32(int physical, int value) {
        if ((physical & 3) == 0) {
            int frame = physical >>> 12;
            if (frame >= frames) {
                trace.event(EventKind.BUS_UNMAPPED, physical, 1, value, 4);
                return -1;
            }
            int index = (physical >>> 2) & 1023;
            int old = word(frame, index);
            if (old != value) {
                if (journaling) {
                    record(physical, old);
                }
                store(frame, index, value);
            }
            return old;
        }
        int old = 0;
        for (int i = 0; i < 4; i++) {
            old |= write8(physical + i, value >>> (i << 3)) << (i << 3);
        }
        return old;
    }

    /**
     * {@code rep stosd} within one frame: writes {@code value} to {@code words} words from
     * {@code physical} and says whether any changed. A frame with no storage reads as zeros, so
     * zeroing one stays a no-op that gives it none: the kernel's memsets of fresh memory (a megabyte
     * of page directories at init_mm) cost nothing instead of a word-by-word pass.
     */
    public boolean fill32(int physical, int words, int value) {
        int index = (physical >>> 2) & 1023;
        if ((physical & 3) != 0 || words < 0 || index + words > 1024) {
            throw new IllegalArgumentException("a fill stays within one frame from a 4-byte aligned address, was "
                    + Hex.hex32(physical) + " for " + words + " words");
        }
        int frame = physical >>> 12;
        boolean changed = false;
        if (frame >= frames) {
            for (int i = 0; i < words; i++) {
                changed |= write32(physical + (i << 2), value) != value;
            }
            return changed;
        }
        Chunk c = chunks[frame >>> 10];
        if (value == 0 && (c == null || c.words[frame & 1023] == null)) {
            return false;
        }
        for (int i = 0; i < words; i++) {
            int old = word(frame, index + i);
            if (old != value) {
                if (journaling) {
                    record(physical + (i << 2), old);
                }
                store(frame, index + i, value);
                changed = true;
            }
        }
        return changed;
    }

    /** Writes the low byte of {@code value} and returns the old byte. */
    public int write8(int physical, int value) {
        int frame = physical >>> 12;
        if (frame >= frames) {
            trace.event(EventKind.BUS_UNMAPPED, physical, 1, value & 0xFF, 1);
            return 0xFF;
        }
        int index = (physical >>> 2) & 1023;
        int shift = (physical & 3) << 3;
        int old = word(frame, index);
        int updated = (old & ~(0xFF << shift)) | ((value & 0xFF) << shift);
        if (updated != old) {
            if (journaling) {
                record(physical & ~3, old);
            }
            store(frame, index, updated);
        }
        return (old >>> shift) & 0xFF;
    }

    /**
     * The array that holds {@code frame}'s words now, from {@link #frameStart}, for reading only, or
     * {@code null} if the frame has no storage or is beyond RAM. It stays the frame's array until
     * the readers added with {@link #addReader} are told to forget it.
     */
    int[] frameForRead(int frame) {
        if (frame < 0 || frame >= frames) {
            return null;
        }
        Chunk c = chunks[frame >>> 10];
        return c == null ? null : c.words[frame & 1023];
    }

    /** Where {@code frame}'s words start in {@link #frameForRead}'s array. */
    int frameStart(int frame) {
        return chunks[frame >>> 10].start(frame & 1023);
    }

    /** {@code reader} forgets its frame whenever the array it holds may no longer be the frame's. */
    void addReader(FrameCache reader) {
        FrameCache[] more = new FrameCache[readers.length + 1];
        System.arraycopy(readers, 0, more, 0, readers.length);
        more[readers.length] = reader;
        readers = more;
    }

    private void layoutChanged() {
        for (FrameCache reader : readers) {
            reader.forget();
        }
    }

    /**
     * {@code count} words from the 4-byte aligned {@code physical} on, copied into {@code into}
     * from {@code at}, as {@link #read32} would read them one by one: a frame with no storage reads
     * as zeros, a word beyond installed RAM as an unmapped read (with its bus event). For a reader
     * that compares a whole table with its last copy (the frame map and the guest's bitmap, 32,768
     * words at 4 GiB after every action): a copy per frame instead of a call per word.
     */
    public void readWords(int physical, int[] into, int at, int count) {
        if ((physical & 3) != 0 || count < 0 || at < 0 || at + count > into.length) {
            throw new IllegalArgumentException("a read of words starts 4-byte aligned and fits its buffer, was "
                    + Hex.hex32(physical) + " for " + count + " words into " + into.length + " from " + at);
        }
        int done = 0;
        while (done < count) {
            int address = physical + (done << 2);
            int frame = address >>> 12;
            int index = (address >>> 2) & 1023;
            int n = Math.min(1024 - index, count - done);
            if (Integer.compareUnsigned(frame, frames) >= 0) {
                for (int i = 0; i < n; i++) {
                    into[at + done + i] = read32(address + (i << 2));
                }
            } else {
                Chunk c = chunks[frame >>> 10];
                int[] w = c == null ? null : c.words[frame & 1023];
                if (w == null) {
                    java.util.Arrays.fill(into, at + done, at + done + n, 0);
                } else {
                    System.arraycopy(w, c.start(frame & 1023) + index, into, at + done, n);
                }
            }
            done += n;
        }
    }

    /** A copy of one frame's 1024 words (zeros for an unbacked or uninstalled frame). */
    public int[] frameWords(int frame) {
        int[] out = new int[1024];
        if (frame >= 0 && frame < frames) {
            Chunk c = chunks[frame >>> 10];
            int[] w = c == null ? null : c.words[frame & 1023];
            if (w != null) {
                System.arraycopy(w, c.start(frame & 1023), out, 0, 1024);
            }
        }
        return out;
    }

    /**
     * Starts recording the old value of every word written, so that {@link #rollback()} can undo
     * them. Far cheaper than a snapshot for an operation that is usually kept: a guest call.
     */
    public void beginJournal() {
        journaling = true;
        journalLength = 0;
    }

    /** Keeps what was written since {@link #beginJournal()}. */
    public void commitJournal() {
        journaling = false;
        journalLength = 0;
    }

    /** Undoes every write since {@link #beginJournal()}, newest first. */
    public void rollback() {
        journaling = false;
        for (int i = journalLength - 2; i >= 0; i -= 2) {
            int physical = journal[i];
            int frame = physical >>> 12;
            int index = (physical >>> 2) & 1023;
            if (word(frame, index) != journal[i + 1]) {
                store(frame, index, journal[i + 1]);
            }
        }
        journalLength = 0;
    }

    private void record(int physical, int old) {
        if (journalLength + 2 > journal.length) {
            journal = java.util.Arrays.copyOf(journal, journal.length * 2);
        }
        journal[journalLength++] = physical;
        journal[journalLength++] = old;
    }

    public Image snapshot() {
        // Everything that exists now is frozen: later writes copy before they change it.
        epoch = new Object();
        spares.freeze();
        return new Image(frames, chunks);
    }

    public void restore(Image image) {
        if (image.frames != frames) {
            throw new IllegalArgumentException("image of " + Sizes.ofFrames(image.frames)
                    + " does not fit a machine with " + Sizes.ofFrames(frames));
        }
        // What this epoch made is in no image (a snapshot would have started a new epoch): once
        // the image's root replaces it, nothing can read it any more, and later copies reuse it.
        spares.recycle(blocks);
        chunks = image.chunks;
        epoch = new Object();
        rootEpoch = null;
        layoutChanged();
        changes++;
    }

    /**
     * A stamp that changes whenever a word of this memory may have changed value (a write that
     * changed it, a journal rollback, a restore); equal stamps of the same memory mean equal contents.
     */
    public int changes() {
        return changes;
    }

    private int word(int frame, int index) {
        Chunk c = chunks[frame >>> 10];
        if (c == null) {
            return 0;
        }
        int i = frame & 1023;
        int[] w = c.words[i];
        return w == null ? 0 : c.starts == null ? w[index] : w[c.starts[i] + index];
    }

    private int unmappedRead(int physical, int size) {
        trace.event(EventKind.BUS_UNMAPPED, physical, 0, -1, size);
        return -1;
    }

    private Chunk writableChunk(int chunkIndex) {
        if (rootEpoch != epoch) {
            chunks = chunks.clone();
            rootEpoch = epoch;
        }
        Chunk c = chunks[chunkIndex];
        if (c == null || c.epoch != epoch) {
            c = spares.chunk(epoch, c);
            chunks[chunkIndex] = c;
        }
        return c;
    }

    /** Writes one word of {@code frame}, first making its storage this epoch's own. */
    private void store(int frame, int index, int value) {
        changes++;
        Chunk c = chunks[frame >>> 10];
        int i = frame & 1023;
        if (c == null || c.epoch != epoch || rootEpoch != epoch) {
            c = writableChunk(frame >>> 10);
        }
        int bit = 1 << (i & 31);
        if ((c.owned[i >>> 5] & bit) == 0) {
            int[] w = c.words[i];
            if (w == null) {
                blocks.take(c, i);
            } else {
                c.words[i] = spares.frame(w, c.start(i));
                if (c.starts != null) {
                    c.starts[i] = 0;
                }
            }
            c.owned[i >>> 5] |= bit;
            layoutChanged();
        }
        c.words[i][c.start(i) + index] = value;
    }

    @Override
    public String toString() {
        return "PhysicalMemory " + sizeText() + ", " + backedFrames() + " frames backed, top "
                + Hex.hex32((frames << 12) - 1);
    }
}
