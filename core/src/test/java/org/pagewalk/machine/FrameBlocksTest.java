package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pagewalk.trace.TraceListener;

/**
 * Frames written for the first time get slots in shared blocks ({@link FrameBlocks}); copies
 * after a snapshot get arrays of their own. Every frame must still read only its own words,
 * through snapshots, restores, journals and copies into another memory, checked against a plain
 * map of every word written.
 */
class FrameBlocksTest {
    private static final int FRAMES = 4096; // 16 MiB: four chunks

    @Test
    void framesWrittenForTheFirstTimeShareABlockAndKeepTheirOwnWords() {
        PhysicalMemory m = new PhysicalMemory(FRAMES, TraceListener.NONE);
        for (int f = 0; f < 20; f++) {
            m.write32((f * 3) << 12 | 0x10, 0x1000 + f);
        }
        assertTrue(m.frameForRead(0) == m.frameForRead(3), "the first two frames written share one block");
        assertNotEquals(m.frameStart(0), m.frameStart(3));
        assertTrue(m.frameForRead(3 * 8) == m.frameForRead(3 * 19), "the second block holds the next 16 frames");
        for (int f = 0; f < 20; f++) {
            int[] words = new int[1024];
            words[4] = 0x1000 + f;
            assertArrayEquals(words, m.frameWords(f * 3), "frame " + f * 3);
            assertEquals(0x1000 + f, m.read32((f * 3) << 12 | 0x10));
            assertEquals(0, m.read32(((f * 3) << 12) + 0xFFC));
        }
        assertEquals(20, m.backedFrames());
    }

    @Test
    void aFirstWriteUndoneHandsItsSlotZeroedToTheNextFirstWrite() {
        PhysicalMemory m = new PhysicalMemory(FRAMES, TraceListener.NONE);
        m.write32(0x1000, 1);
        PhysicalMemory.Image before = m.snapshot();
        for (int k = 0; k < 200; k++) {
            m.write32(0x5000 + (k & 7) * 4, -1);
            m.write8(0x5FFF, 0x7F);
            int[] slot = m.frameForRead(5);
            int start = m.frameStart(5);
            m.restore(before);
            assertEquals(0, m.read32(0x5000 + (k & 7) * 4));
            assertTrue(!m.isBacked(5), "undone: the frame has no storage again");
            m.write32(0x9004, k + 1);
            assertTrue(slot == m.frameForRead(9), "the undone slot is reused");
            assertEquals(start, m.frameStart(9));
            int[] words = new int[1024];
            words[1] = k + 1;
            assertArrayEquals(words, m.frameWords(9), "and holds only the new word");
            m.restore(before);
        }
        assertEquals(1, m.read32(0x1000));
    }

    /** Random writes, snapshots, restores, journals and copies, each memory checked against a map of its words. */
    @Test
    void manySnapshotsRestoresAndJournalsReadExactlyWhatWasWritten() {
        Random random = new Random(2026);
        PhysicalMemory m = new PhysicalMemory(FRAMES, TraceListener.NONE);
        Map<Integer, Integer> model = new HashMap<>();
        List<PhysicalMemory.Image> images = new ArrayList<>();
        List<Map<Integer, Integer>> imageModels = new ArrayList<>();
        Map<Integer, Integer> journalStart = null;
        // Frames spread over the four chunks, few enough that writes hit each one many times.
        int[] frames = new int[48];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = random.nextInt(FRAMES);
        }
        for (int step = 0; step < 30_000; step++) {
            int op = random.nextInt(100);
            int frame = frames[random.nextInt(frames.length)];
            int address = frame << 12 | random.nextInt(1024) << 2;
            if (op < 45) {
                int value = random.nextInt(4) == 0 ? 0 : random.nextInt();
                m.write32(address, value);
                model.put(address, value);
            } else if (op < 55) {
                int b = random.nextInt(4);
                int value = random.nextInt(256);
                m.write8(address + b, value);
                int old = model.getOrDefault(address, 0);
                model.put(address, (old & ~(0xFF << (b * 8))) | value << (b * 8));
            } else if (op < 65) {
                images.add(m.snapshot());
                imageModels.add(new HashMap<>(model));
            } else if (op < 75 && !images.isEmpty()) {
                int k = random.nextInt(images.size());
                m.restore(images.get(k));
                model = new HashMap<>(imageModels.get(k));
                journalStart = null;
            } else if (op < 80 && journalStart == null) {
                m.beginJournal();
                journalStart = new HashMap<>(model);
            } else if (op < 84 && journalStart != null) {
                m.rollback();
                model = journalStart;
                journalStart = null;
            } else if (op < 88 && journalStart != null) {
                m.commitJournal();
                journalStart = null;
            } else if (op < 90 && !images.isEmpty()) {
                // Another memory starts from one of the images and writes its own frames.
                int k = random.nextInt(images.size());
                PhysicalMemory other = new PhysicalMemory(FRAMES, TraceListener.NONE);
                other.restore(images.get(k));
                Map<Integer, Integer> otherModel = new HashMap<>(imageModels.get(k));
                for (int w = 0; w < 20; w++) {
                    int a = frames[random.nextInt(frames.length)] << 12 | random.nextInt(1024) << 2;
                    int value = random.nextInt();
                    other.write32(a, value);
                    otherModel.put(a, value);
                }
                check(other, otherModel, frames);
            }
            if (step % 500 == 0) {
                check(m, model, frames);
            }
            if (images.size() > 40) {
                images.remove(0);
                imageModels.remove(0);
            }
        }
        check(m, model, frames);
        for (int k = 0; k < images.size(); k++) {
            m.restore(images.get(k));
            check(m, imageModels.get(k), frames);
        }
    }

    private static void check(PhysicalMemory m, Map<Integer, Integer> model, int[] frames) {
        for (int frame : frames) {
            int[] expected = new int[1024];
            for (int i = 0; i < 1024; i++) {
                expected[i] = model.getOrDefault(frame << 12 | i << 2, 0);
            }
            assertArrayEquals(expected, m.frameWords(frame), "frame " + Integer.toHexString(frame));
            int i = frame & 1023;
            assertEquals(expected[i], m.read32(frame << 12 | i << 2));
        }
    }
}
