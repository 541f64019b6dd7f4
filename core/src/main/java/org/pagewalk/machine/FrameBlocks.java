package org.pagewalk.machine;

/**
 * Storage for frames written for the first time (a frame with no storage yet), handed out as
 * slots of 1024 words in blocks of several frames rather than one array per frame.
 *
 * <p>Why: a share link or a lesson writes hundreds of frames in one go. In the browser each
 * {@code int[1024]} is an object of its own: in JavaScript a typed array with its own backing
 * store, which costs microseconds to create; in WebAssembly a 4 KiB young object that every minor
 * collection copies while it lives. A block is one object for up to {@link #MAX_BLOCK_FRAMES}
 * frames, and a large one, which the collector does not copy. Blocks grow from
 * {@link #FIRST_BLOCK_FRAMES} frames, so a machine that writes a few frames stays small.
 *
 * <p>A slot goes back here only when no image can read it ({@link Spares#recycle}): then the
 * next first write reuses it, zeroed, so undoing and redoing first writes does not use up blocks.
 */
final class FrameBlocks {
    static final int FIRST_BLOCK_FRAMES = 8;
    static final int MAX_BLOCK_FRAMES = 64;
    /** At most this many released slots wait for reuse. */
    private static final int RELEASED = 64;
    private static final int[] ZEROS = new int[1024];

    private int[] block;
    /** Slots handed out of {@link #block}. */
    private int used;
    private final int[][] releasedBlocks = new int[RELEASED][];
    private final int[] releasedStarts = new int[RELEASED];
    private int releasedCount;

    /** Gives frame {@code i} of {@code c} a zeroed slot, which is {@code c}'s until it is released. */
    void take(PhysicalMemory.Chunk c, int i) {
        int[] b;
        int at;
        if (releasedCount > 0) {
            b = releasedBlocks[--releasedCount];
            releasedBlocks[releasedCount] = null;
            at = releasedStarts[releasedCount];
            System.arraycopy(ZEROS, 0, b, at, 1024);
        } else {
            if (block == null || used == block.length >>> 10) {
                int frames = block == null ? FIRST_BLOCK_FRAMES : Math.min(MAX_BLOCK_FRAMES, (block.length >>> 10) * 2);
                block = new int[frames << 10];
                used = 0;
            }
            b = block;
            at = used << 10;
            used++;
        }
        c.words[i] = b;
        c.starts()[i] = at;
    }

    /** A slot no image can read any more, for a later {@link #take()} (dropped if enough wait). */
    void release(int[] b, int at) {
        if (releasedCount < RELEASED) {
            releasedBlocks[releasedCount] = b;
            releasedStarts[releasedCount] = at;
            releasedCount++;
        }
    }

    /** Whether {@code words} is a block of slots rather than one frame's own array. */
    static boolean isBlock(int[] words) {
        return words.length > 1024;
    }
}
