package org.pagewalk.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.scenario.Interpreter;
import org.pagewalk.scenario.Session;

/**
 * A frame map kept up to date by {@link FrameMap#refresh} says exactly what a map built afresh
 * says, after every kind of change: mapping, unmapping, allocating and freeing frames and
 * directories, CR3 switches, pokes into tables and the bitmap, undo (a restored state), the
 * as-written kernel's disagreements, and a new boot with other RAM.
 */
class FrameMapRefreshTest {
    private static final String[] STEPS = {
        "memMapPage 0x08048000 0x00500000 USER",
        "memMapPage 0x08049000 0x00500000 USER|WRITE",
        "pd = memAllocPageDir",
        "memChangePageDir pd",
        "memMapPage 0x40000000 0x00700000 WRITE",
        "f = pmmAllocPageFrame",
        "pmmFreePageFrame f",
        "memChangePageDir 0xC010B000",
        "memMapPage 0xC8000000 0x00800000 WRITE",
        "memUnmapPage 0x08048000",
        "poke 0x00130000 0xFFFFFFFF",
        "poke 0x0010B000 0x00900003",
        "poke 0x0010B000 0",
        "mov cr3, 0x00150000",
        "read 0xD0000000",
        "mov cr3, 0x0010B000",
        "changeHeapSize 0x20000",
        "memFreePageDir pd",
    };

    private static void assertSame(FrameMap expected, FrameMap actual, String after) {
        for (int f = 0; f < FrameMap.FRAMES; f++) {
            if (expected.kindOrdinal(f) != actual.kindOrdinal(f) || expected.bitmapUsed(f) != actual.bitmapUsed(f)
                    || expected.disagrees(f) != actual.disagrees(f)) {
                throw new AssertionError("after " + after + ": frame 0x" + Integer.toHexString(f) + " is "
                        + actual.kind(f) + "/" + actual.bitmapUsed(f) + "/" + actual.disagrees(f) + ", built afresh "
                        + expected.kind(f) + "/" + expected.bitmapUsed(f) + "/" + expected.disagrees(f));
            }
        }
        for (FrameKind k : FrameKind.values()) {
            assertEquals(expected.count(k), actual.count(k), () -> "count of " + k + " after " + after);
        }
        assertEquals(expected.disagreeing(), actual.disagreeing(), "disagreeing after " + after);
        byte[] a = new byte[1024];
        byte[] b = new byte[1024];
        for (int log = 0; log <= 20; log++) {
            int cells = FrameMap.FRAMES >>> log;
            for (int first = 0; first < cells; first += 1024) {
                int n = Math.min(1024, cells - first);
                expected.cells(first << log, log, n, a, 0);
                actual.cells(first << log, log, n, b, 0);
                for (int i = 0; i < n; i++) {
                    assertEquals(a[i], b[i], "cell of 2^" + log + " frames at 0x" + Integer.toHexString((first + i) << log)
                            + " after " + after);
                }
            }
        }
    }

    private static void runAll(String boot) {
        Session s = new Session();
        Interpreter.runLine(s, boot);
        FrameMap map = FrameMap.of(s.machine(), s.os());
        Interpreter.runLine(s, "init_mm");
        assertTrue(map.refresh(s.machine(), s.os()), "init_mm changes the map");
        assertSame(FrameMap.of(s.machine(), s.os()), map, "init_mm");
        Session.State before = s.save();
        for (String line : STEPS) {
            org.pagewalk.scenario.StepResult r = Interpreter.runLine(s, line);
            assertEquals(org.pagewalk.scenario.StepResult.Status.OK, r.status(), () -> line + ": " + r.message());
            map.refresh(s.machine(), s.os());
            assertSame(FrameMap.of(s.machine(), s.os()), map, line);
        }
        s.load(before);
        map.refresh(s.machine(), s.os());
        assertSame(FrameMap.of(s.machine(), s.os()), map, "restoring the state after init_mm");
        map.clearChanged();
        assertFalse(map.refresh(s.machine(), s.os()), "nothing changed");
        assertFalse(map.anyChanged());
    }

    @Test
    void theFixedKernel() {
        runAll("boot ceanos ram=64M");
    }

    @Test
    void theAsWrittenKernelWhoseBitmapDisagrees() {
        runAll("boot ceanos ram=64M variant=as-written");
    }

    @Test
    void aChangeMarksOnlyItsBlocks() {
        Session s = new Session();
        Interpreter.runLine(s, "boot ceanos ram=4G");
        Interpreter.runLine(s, "init_mm");
        FrameMap map = FrameMap.of(s.machine(), s.os());
        map.clearChanged();
        assertFalse(map.refresh(s.machine(), s.os()), "a refresh with no change");
        Interpreter.runLine(s, "read 0xD0000000");
        assertFalse(map.refresh(s.machine(), s.os()), "a read sets A bits, no frame changes kind");
        Interpreter.runLine(s, "memMapPage 0x08048000 0x80000000 USER");
        assertTrue(map.refresh(s.machine(), s.os()));
        // A new page table (the first free frame, 0x255: ViewProbe's arithmetic) and the mapped frame 0x80000.
        assertTrue(map.blockChanged(0x255 / FrameMap.BLOCK));
        assertTrue(map.blockChanged(0x80000 / FrameMap.BLOCK));
        assertFalse(map.blockChanged(0x40000 / FrameMap.BLOCK));
        assertEquals(FrameKind.MAPPED, map.kind(0x80000));
        assertEquals(FrameKind.MAPPED, map.notableKind(0x80000 & ~0xFFF, 12), "the most notable of 4096 frames");
        assertSame(FrameMap.of(s.machine(), s.os()), map, "a map on 4 GiB");
    }

    @Test
    void aNewBootOfOtherRamRebuildsTheMap() {
        Session s = new Session();
        Interpreter.runLine(s, "boot ceanos");
        Interpreter.runLine(s, "init_mm");
        FrameMap map = FrameMap.of(s.machine(), s.os());
        Interpreter.runLine(s, "boot ceanos ram=8M");
        assertTrue(map.refresh(s.machine(), s.os()));
        assertSame(FrameMap.of(s.machine(), s.os()), map, "boot on 8 MiB");
        assertBeyondRam(map, 8 << 8, "boot on 8 MiB, after 32 MiB");
        Interpreter.runLine(s, "boot bare ram=2M");
        map.refresh(s.machine(), s.os());
        assertSame(FrameMap.of(s.machine(), s.os()), map, "a bare machine");
        assertBeyondRam(map, 2 << 8, "a bare machine of 2 MiB");
    }

    /**
     * Past the first {@code frames} frames (installed RAM) every frame, and every summary cell that
     * holds none of them, is BEYOND_RAM, whatever a larger machine left there before.
     */
    private static void assertBeyondRam(FrameMap map, int frames, String after) {
        assertEquals(frames, map.installedFrames(), after);
        int beyond = FrameKind.BEYOND_RAM.ordinal();
        for (int f = frames; f < FrameMap.FRAMES; f++) {
            assertEquals(beyond, map.kindOrdinal(f), "frame 0x" + Integer.toHexString(f) + " after " + after);
            if (map.disagrees(f) || map.bitmapUsed(f)) {
                throw new AssertionError("frame 0x" + Integer.toHexString(f) + " beyond RAM disagrees or is used after " + after);
            }
        }
        byte[] cells = new byte[FrameMap.FRAMES];
        for (int log = 1; log <= 20; log++) {
            int n = FrameMap.FRAMES >>> log;
            map.cells(0, log, n, cells, 0);
            for (int i = 0; i < n; i++) {
                if ((long) i << log >= frames) {
                    assertEquals(beyond, cells[i], "cell of 2^" + log + " frames at 0x" + Integer.toHexString(i << log) + " after " + after);
                } else {
                    assertTrue(cells[i] != beyond, "cell of 2^" + log + " frames at 0x" + Integer.toHexString(i << log)
                            + " holds RAM, after " + after);
                }
            }
        }
    }

    /**
     * A refresh with nothing changed since the last one is skipped ({@link FrameMap#upToDate});
     * every kind of change ends that, so a skipped refresh never leaves stale cells: after each,
     * the map refreshed equals one built afresh.
     */
    @Test
    void aRefreshIsSkippedOnlyWhileNothingItReadsChanged() {
        Session s = new Session();
        Interpreter.runLine(s, "boot ceanos ram=64M");
        Interpreter.runLine(s, "init_mm");
        Interpreter.runLine(s, "memMapPage 0x08048000 0x00500000 USER");
        FrameMap map = FrameMap.of(s.machine(), s.os());
        assertTrue(map.upToDate(s.machine(), s.os()), "just built");
        Interpreter.runLine(s, "read user 0x08048000");
        assertFalse(map.upToDate(s.machine(), s.os()), "a walk set Accessed bits");
        map.refresh(s.machine(), s.os());
        Interpreter.runLine(s, "read user 0x08048004");
        assertTrue(map.upToDate(s.machine(), s.os()), "a TLB hit changes nothing the map reads");
        Interpreter.runLine(s, "poke 0x0010B000 0");
        Interpreter.runLine(s, "poke 0x0010B000 0");
        assertTrue(map.upToDate(s.machine(), s.os()), "a poke of the value already there");
        Session.State before = s.save();
        String[] changes = {
            "poke 0x00130000 0xFFFFFFFF",
            "memUnmapPage 0x08048000",
            "mov cr3, 0x00150000",
            "mov cr3, 0x0010B000",
            "mov cr4, 0",
            "mov cr4, PSE",
            "memMapPage 0x08048000 0x00500000 USER",
            "memMapPage 0x08048000 0x00600000 USER",
        };
        for (String line : changes) {
            org.pagewalk.scenario.StepResult r = Interpreter.runLine(s, line);
            if (r.status() != org.pagewalk.scenario.StepResult.Status.OK) {
                // The fixed kernel refuses a second mapping and rolls its journal back: memory as before.
                assertTrue(line.endsWith("0x00600000 USER"), () -> line + ": " + r.message());
            } else {
                assertFalse(map.upToDate(s.machine(), s.os()), line);
            }
            map.refresh(s.machine(), s.os());
            assertTrue(map.upToDate(s.machine(), s.os()), "refreshed after " + line);
            assertSame(FrameMap.of(s.machine(), s.os()), map, line);
        }
        s.load(before);
        assertFalse(map.upToDate(s.machine(), s.os()), "an undo restores memory");
        map.refresh(s.machine(), s.os());
        assertSame(FrameMap.of(s.machine(), s.os()), map, "undo");
        Interpreter.runLine(s, "boot ceanos ram=64M");
        assertFalse(map.upToDate(s.machine(), s.os()), "a new machine of the same size");
        map.refresh(s.machine(), s.os());
        assertSame(FrameMap.of(s.machine(), s.os()), map, "a new boot");
    }
}
