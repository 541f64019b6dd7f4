package org.pagewalk.machine;

import java.util.Arrays;

/**
 * The copy-on-write chunks and frames of {@link PhysicalMemory} that no image can read any more,
 * kept for the next copies to reuse. What memory makes in one epoch (chunks and their frame
 * arrays) is in no image yet: a snapshot starts a new epoch and freezes it ({@link #freeze}), a
 * restore throws it away ({@link #recycle}), and from then on only these spares refer to it.
 *
 * <p>Worth it in JavaScript, where every {@code int[]} of more than 16 elements is a typed array
 * with its own backing store, which costs microseconds to create: a line that fails, or an
 * action undone before the next one is saved, copies into the same arrays every time. A spare
 * chunk copied again from the chunk it was first copied from keeps its array of frame references
 * too, putting back only the frames it owned; otherwise that array is cloned anew.
 */
final class Spares {
    /** At most 256 KiB of frames and four chunks wait here; a restore after a long batch drops the rest. */
    private static final int FRAMES = 64;
    private static final int CHUNKS = 4;

    private PhysicalMemory.Chunk[] made = new PhysicalMemory.Chunk[8];
    private int madeCount;
    private final PhysicalMemory.Chunk[] chunks = new PhysicalMemory.Chunk[CHUNKS];
    private int chunkCount;
    private final int[][] frames = new int[FRAMES][];
    private int frameCount;

    /**
     * A snapshot was taken: what this epoch made is in its image now, and never reused. Its
     * chunks forget their source, or each copy would keep every older copy of its chunk alive.
     */
    void freeze() {
        for (int k = 0; k < madeCount; k++) {
            made[k].source = null;
            made[k] = null;
        }
        madeCount = 0;
    }

    /**
     * A restore is about to drop the current root: the chunks this epoch made, and their frames,
     * become spares; frames written for the first time go back to {@code blocks}, as slots.
     */
    void recycle(FrameBlocks blocks) {
        for (int k = 0; k < madeCount; k++) {
            PhysicalMemory.Chunk c = made[k];
            made[k] = null;
            for (int w = 0; w < c.owned.length; w++) {
                int bits = c.owned[w];
                while (bits != 0) {
                    int i = (w << 5) | Integer.numberOfTrailingZeros(bits);
                    int[] words = c.words[i];
                    if (FrameBlocks.isBlock(words)) {
                        blocks.release(words, c.start(i));
                    } else if (frameCount < FRAMES) {
                        frames[frameCount++] = words;
                    }
                    bits &= bits - 1;
                }
            }
            if (chunkCount < CHUNKS) {
                chunks[chunkCount++] = c;
            }
        }
        madeCount = 0;
    }

    /** A chunk of {@code epoch} sharing {@code from}'s frames (none if {@code from} is null), owning none. */
    PhysicalMemory.Chunk chunk(Object epoch, PhysicalMemory.Chunk from) {
        PhysicalMemory.Chunk c = spareFrom(from);
        if (c != null) {
            // Its words are still from's except where it owned frames: put those back.
            for (int w = 0; w < c.owned.length; w++) {
                int bits = c.owned[w];
                while (bits != 0) {
                    int i = (w << 5) | Integer.numberOfTrailingZeros(bits);
                    c.words[i] = from == null ? null : from.words[i];
                    if (c.starts != null) {
                        c.starts[i] = from == null ? 0 : from.start(i);
                    }
                    bits &= bits - 1;
                }
                c.owned[w] = 0;
            }
        } else {
            if (chunkCount == 0) {
                c = new PhysicalMemory.Chunk();
            } else {
                c = chunks[--chunkCount];
                chunks[chunkCount] = null;
                for (int w = 0; w < c.owned.length; w++) {
                    c.owned[w] = 0;
                }
            }
            // clone() copies natively in JavaScript, where System.arraycopy of objects is a loop.
            c.words = from == null ? new int[PhysicalMemory.FRAMES_PER_CHUNK][] : from.words.clone();
            if (from == null || from.starts == null) {
                c.starts = null;
            } else if (c.starts == null) {
                c.starts = from.starts.clone();
            } else {
                System.arraycopy(from.starts, 0, c.starts, 0, PhysicalMemory.FRAMES_PER_CHUNK);
            }
            c.source = from;
        }
        c.epoch = epoch;
        if (madeCount == made.length) {
            made = Arrays.copyOf(made, madeCount * 2);
        }
        made[madeCount++] = c;
        return c;
    }

    /**
     * A spare that started as a copy of {@code from}, taken out of the spares, or null. A chunk
     * that is copied belongs to an earlier epoch, so it is frozen: its words are still what the
     * spare copied (the undo of a failed line, or an action undone, copies the same chunk again).
     */
    private PhysicalMemory.Chunk spareFrom(PhysicalMemory.Chunk from) {
        for (int k = 0; k < chunkCount; k++) {
            PhysicalMemory.Chunk c = chunks[k];
            if (c.source == from) {
                chunks[k] = chunks[--chunkCount];
                chunks[chunkCount] = null;
                return c;
            }
        }
        return null;
    }

    /** A frame's own array holding a copy of the 1024 words at {@code start} in {@code from}. */
    int[] frame(int[] from, int start) {
        if (frameCount == 0) {
            if (start == 0 && from.length == 1024) {
                return from.clone();
            }
            int[] f = new int[1024];
            System.arraycopy(from, start, f, 0, 1024);
            return f;
        }
        int[] f = frames[--frameCount];
        frames[frameCount] = null;
        System.arraycopy(from, start, f, 0, 1024);
        return f;
    }
}
