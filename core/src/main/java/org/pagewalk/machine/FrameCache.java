package org.pagewalk.machine;

/**
 * The last frame a walker step read, with the array that holds its words: the next read of the
 * same frame is one array load instead of a descent through memory's copy-on-write tree. Memory
 * makes it forget the frame whenever a frame's array is created or replaced or a restore
 * installs another root ({@link PhysicalMemory#addReader}); writes into the array itself are
 * seen, since it is the frame's storage. A frame with no storage or beyond RAM is never cached:
 * those reads go to memory, which reports a bus access beyond RAM.
 */
final class FrameCache {
    private final PhysicalMemory memory;
    private int frame = -1;
    private int[] words;
    private int start;

    FrameCache(PhysicalMemory memory) {
        this.memory = memory;
        memory.addReader(this);
    }

    /** The frame's array may have been replaced: the next read descends through memory again. */
    void forget() {
        frame = -1;
        words = null;
    }

    /** Whether {@code physical} is in RAM, so that reading it reports no bus access beyond RAM. */
    boolean isInstalled(int physical) {
        return physical >>> 12 == frame || memory.isInstalled(physical);
    }

    /** The aligned 32-bit word at {@code physical}, as {@link PhysicalMemory#read32} reads it. */
    int read32(int physical) {
        if (physical >>> 12 == frame) {
            return words[start + ((physical >>> 2) & 1023)];
        }
        int[] w = memory.frameForRead(physical >>> 12);
        if (w == null) {
            frame = -1;
            return memory.read32(physical);
        }
        frame = physical >>> 12;
        words = w;
        start = memory.frameStart(frame);
        return w[start + ((physical >>> 2) & 1023)];
    }
}
