package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceRecorder;

/**
 * {@code rep stosd} ({@link Machine#fill32}, {@link PhysicalMemory#fill32}): every word written,
 * one PHYS_FILL a page saying whether anything changed, undone by a rollback, and zeroing memory
 * that was never written gives it no storage. Paging is off, so a linear address is the physical one.
 */
class FillTest {
    private static final int A = 0x00030000;

    @Test
    void zeroingFreshMemoryChangesNothingAndBacksNoFrame() {
        Machine m = new Machine();
        TraceRecorder rec = new TraceRecorder();
        m.trace().attach(rec);
        int stamp = m.memory().changes();
        m.fill32(A, 3 * 1024, 0, Access.KERNEL_WRITE);
        assertEquals(0, m.memory().backedFrames());
        assertEquals(stamp, m.memory().changes());
        List<TraceEvent> fills = fills(rec);
        assertEquals(3, fills.size(), "one event a page");
        for (int i = 0; i < 3; i++) {
            assertEquals(A + i * 0x1000, fills.get(i).physical());
            assertEquals(1024, fills.get(i).words());
            assertFalse(fills.get(i).changed());
        }
    }

    @Test
    void aFillAcrossAPageWritesEveryWordAndSaysWhichPagesChanged() {
        Machine m = new Machine();
        m.writePhysical32(A + 0x1FFC, 0x5A5A5A5A);
        TraceRecorder rec = new TraceRecorder();
        m.trace().attach(rec);
        // From the last 4 words of one page to 2 words into the next.
        m.fill32(A + 0xFF0, 6, 0x5A5A5A5A, Access.KERNEL_WRITE);
        for (int at = A + 0xFF0; at < A + 0x1008; at += 4) {
            assertEquals(0x5A5A5A5A, m.readPhysical32(at), Integer.toHexString(at));
        }
        assertEquals(0, m.readPhysical32(A + 0xFEC), "the word before");
        assertEquals(0, m.readPhysical32(A + 0x1008), "the word after");
        List<TraceEvent> fills = fills(rec);
        assertEquals(2, fills.size());
        assertEquals(4, fills.get(0).words());
        assertEquals(2, fills.get(1).words());
        assertTrue(fills.get(0).changed());

        rec.clear();
        m.fill32(A + 0xFF8, 2, 0x5A5A5A5A, Access.KERNEL_WRITE);
        assertFalse(fills(rec).get(0).changed(), "those two words held the value already");
    }

    @Test
    void aRollbackUndoesAFillAndZeroingWrittenMemoryClearsIt() {
        Machine m = new Machine();
        m.writePhysical32(A + 8, 7);
        m.begin();
        m.fill32(A, 16, 0xFFFFFFFF, Access.KERNEL_WRITE);
        assertEquals(0xFFFFFFFF, m.readPhysical32(A + 8));
        m.rollback();
        assertEquals(7, m.readPhysical32(A + 8));
        assertEquals(0, m.readPhysical32(A + 4));

        int stamp = m.memory().changes();
        m.fill32(A, 1024, 0, Access.KERNEL_WRITE);
        assertEquals(0, m.readPhysical32(A + 8), "a backed frame is zeroed word by word");
        assertTrue(m.memory().changes() != stamp);
    }

    @Test
    void aFillBeyondInstalledRamReachesNoMemory() {
        Machine m = new Machine(MachineConfig.ofMiB(1, 64, 4));
        TraceRecorder rec = new TraceRecorder();
        m.trace().attach(rec);
        assertTrue(m.memory().fill32(0x00100000, 3, 0), "all ones read back beyond RAM");
        assertEquals(3, rec.events().stream().filter(e -> e.kind() == EventKind.BUS_UNMAPPED).count(), "one a word, as a store");
        assertThrows(IllegalArgumentException.class, () -> m.memory().fill32(0x00000FFC, 2, 0), "past the frame's end");
        assertThrows(IllegalArgumentException.class, () -> m.memory().fill32(0x00000002, 1, 0), "unaligned");
    }

    private static List<TraceEvent> fills(TraceRecorder rec) {
        return rec.events().stream().filter(e -> e.kind() == EventKind.PHYS_FILL).toList();
    }
}
