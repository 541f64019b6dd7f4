package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceListener;
import org.pagewalk.trace.TraceRecorder;

/**
 * {@link PhysicalMemory#readWords}: a run of words copied out as word-by-word reads would give them,
 * across frames that share a block, frames with arrays of their own, frames with no storage, and
 * after snapshots and restores; checked against a plain map of every word written.
 */
class ReadWordsTest {
    private static final int FRAMES = 2048; // 8 MiB: two chunks

    @Test
    void aRunAcrossFramesReadsEveryWordAsWrittenAndUnwrittenOnesAsZero() {
        PhysicalMemory m = new PhysicalMemory(FRAMES, TraceListener.NONE);
        // Frame 0x10 written in its last word, 0x11 never, 0x12 in its first: a run from 0x10FF8 to 0x12008.
        m.write32(0x10FFC, 0x11111111);
        m.write32(0x12000, 0x22222222);
        m.write32(0x12004, 0x33333333);
        int[] into = new int[1 + 2 + 1024 + 3 + 1];
        Arrays.fill(into, 0x7E7E7E7E);
        m.readWords(0x10FF8, into, 1, 2 + 1024 + 3);
        int[] expected = new int[into.length];
        expected[0] = 0x7E7E7E7E;
        expected[2] = 0x11111111;
        expected[1 + 2 + 1024] = 0x22222222;
        expected[1 + 2 + 1024 + 1] = 0x33333333;
        expected[into.length - 1] = 0x7E7E7E7E;
        assertArrayEquals(expected, into, "the words, zeros where nothing was written, the buffer untouched around them");
        assertEquals(2, m.backedFrames(), "reading gives no frame storage");
    }

    @Test
    void randomWritesSnapshotsAndRestoresReadBackAsAMapOfEveryWordSays() {
        Random r = new Random(12);
        PhysicalMemory m = new PhysicalMemory(FRAMES, TraceListener.NONE);
        Map<Integer, Integer> words = new HashMap<>();
        PhysicalMemory.Image saved = null;
        Map<Integer, Integer> savedWords = null;
        for (int step = 0; step < 4000; step++) {
            int choice = r.nextInt(100);
            if (choice < 2) {
                saved = m.snapshot();
                savedWords = new HashMap<>(words);
            } else if (choice < 3 && saved != null) {
                m.restore(saved);
                words = new HashMap<>(savedWords);
            } else {
                // Frames 0-63 of both chunks, so runs cross shared blocks, own arrays and empty frames.
                int frame = r.nextInt(64) + (r.nextBoolean() ? 1024 : 0);
                int address = (frame << 12) | (r.nextInt(1024) << 2);
                int value = r.nextInt();
                m.write32(address, value);
                words.put(address, value);
            }
            if (step % 50 == 0) {
                int start = (r.nextBoolean() ? 1024 << 12 : 0) + (r.nextInt(60 * 1024) << 2);
                int count = r.nextInt(3 * 1024);
                int[] into = new int[count];
                m.readWords(start, into, 0, count);
                for (int i = 0; i < count; i++) {
                    int address = start + 4 * i;
                    assertEquals((int) words.getOrDefault(address, 0), into[i], "step " + step + " word at 0x" + Integer.toHexString(address));
                }
            }
        }
    }

    @Test
    void wordsBeyondInstalledRamReadAsAnUnmappedReadDoesWithItsBusEvent() {
        TraceRecorder rec = new TraceRecorder();
        PhysicalMemory m = new PhysicalMemory(256, rec); // 1 MiB: the last word is 0xFFFFC
        m.write32(0xFFFFC, 0x12345678);
        int[] into = new int[3];
        m.readWords(0xFFFFC, into, 0, 3);
        assertArrayEquals(new int[] {0x12345678, -1, -1}, into);
        long unmapped = rec.events().stream().map(TraceEvent::kind).filter(k -> k == EventKind.BUS_UNMAPPED).count();
        assertEquals(2, unmapped, "one bus event a word beyond RAM, as read32 gives");
    }

    @Test
    void aMisalignedStartOrARunPastTheBufferIsRefusedAndNothingIsWritten() {
        PhysicalMemory m = new PhysicalMemory(FRAMES, TraceListener.NONE);
        m.write32(0x1000, 5);
        int[] into = {9, 9, 9};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.readWords(0x1002, into, 0, 1));
        assertTrue(e.getMessage().contains("4-byte aligned"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.readWords(0x1000, into, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> m.readWords(0x1000, into, -1, 1));
        assertArrayEquals(new int[] {9, 9, 9}, into);
    }
}
