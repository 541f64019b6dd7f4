package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Undo without new arrays each time: a restore hands what the dropped epoch made to the next
 * copies ({@link Spares}), and TLB saves share blocks. Whatever is reused, no snapshot may ever
 * read a changed word or TLB row, however snapshots, writes and restores interleave.
 */
class SnapshotRecyclingTest {
    private static final int W = EntryBits.WRITE;
    // Data frames in three 4 MiB chunks, each mapped at LINEAR + 4 KiB * its index.
    private static final int[] FRAMES = {0x00200000, 0x00201000, 0x00202000, 0x00203000, 0x00600000, 0x00601000,
        0x00602000, 0x00A00000, 0x00A01000, 0x00A02000, 0x00A03000, 0x00A04000};
    private static final int LINEAR = 0x00400000;

    /** A saved state and what was recorded independently when it was taken. */
    private static final class Saved {
        final MachineSnapshot snapshot;
        final String dump;
        final Map<Integer, Integer> data;

        Saved(Machine m, Map<Integer, Integer> data) {
            this.snapshot = m.snapshot();
            this.dump = MachineDump.of(m);
            this.data = new HashMap<>(data);
        }
    }

    @Test
    void aCopyNeverWritesIntoTheMachineItWasTakenFrom() {
        // The copy's epochs start again from the beginning; a chunk the original made in its
        // second epoch must still be copied before the copy writes it.
        Machine original = new Machine();
        original.snapshot();
        original.writePhysical32(0x00005000, 0x11111111);
        Machine copy = Machine.of(original.snapshot());
        copy.writePhysical32(0x00005000, 0x22222222);
        assertEquals(0x11111111, original.readPhysical32(0x00005000));
        assertEquals(0x22222222, copy.readPhysical32(0x00005000));
    }

    @Test
    void aRestoreHandsTheDroppedCopiesToTheNextWrite() {
        Machine m = new Machine();
        m.writePhysical32(0x00200000, 1);
        MachineSnapshot s = m.snapshot();
        m.writePhysical32(0x00200000, 2);
        int[] copied = m.memory().frameForRead(0x200);
        m.restore(s);
        assertEquals(1, m.readPhysical32(0x00200000));
        m.writePhysical32(0x00200004, 3);
        assertSame(copied, m.memory().frameForRead(0x200), "the dropped copy is reused");
        assertEquals(1, m.readPhysical32(0x00200000), "and holds the snapshot's words");
        assertEquals(3, m.readPhysical32(0x00200004));
        m.restore(s);
        assertEquals(0, m.readPhysical32(0x00200004));

        // A copy taken into a snapshot is frozen: never reused, whatever is restored after.
        m.writePhysical32(0x00200000, 4);
        int[] kept = m.memory().frameForRead(0x200);
        MachineSnapshot t = m.snapshot();
        m.restore(s);
        m.writePhysical32(0x00200000, 5);
        assertNotSame(kept, m.memory().frameForRead(0x200));
        m.restore(t);
        assertEquals(4, m.readPhysical32(0x00200000));
    }

    @Test
    void tlbSavesShareABlockAndStayAsTaken() {
        Tables t = Tables.pagingOn().map4k(LINEAR, 0x00200000, W, W);
        MachineSnapshot first = t.m.snapshot();
        String before = MachineDump.of(t.m);
        t.m.read32(LINEAR, Access.KERNEL_READ);
        MachineSnapshot second = t.m.snapshot();
        assertSame(first.tlb.block, second.tlb.block);
        String after = MachineDump.of(t.m);
        for (int i = 0; i < 3 * TlbSnapshots.SAVES_PER_BLOCK; i++) {
            t.m.snapshot();
            t.m.invlpg(LINEAR);
        }
        t.m.restore(first);
        assertEquals(before, MachineDump.of(t.m));
        t.m.restore(second);
        assertEquals(after, MachineDump.of(t.m));
    }

    @Test
    void aSaveOfAnUnchangedTlbSharesTheLastOne() {
        Tables t = Tables.pagingOn().map4k(LINEAR, 0x00200000, W, W);
        t.m.read32(LINEAR, Access.KERNEL_READ);
        MachineSnapshot first = t.m.snapshot();
        String dump = MachineDump.of(t.m);
        assertSame(first.tlb, t.m.snapshot().tlb, "nothing changed since the last save");
        t.m.read32(LINEAR, Access.KERNEL_READ);
        MachineSnapshot hit = t.m.snapshot();
        assertNotSame(first.tlb, hit.tlb, "a hit changed the LRU order and the counters");
        t.m.restore(first);
        assertSame(first.tlb, t.m.snapshot().tlb, "restored, and unchanged since");
        t.m.invlpg(LINEAR);
        MachineSnapshot flushed = t.m.snapshot();
        assertNotSame(first.tlb, flushed.tlb, "an invalidation changes only the flags");
        t.m.restore(first);
        assertEquals(dump, MachineDump.of(t.m));
        t.m.restore(flushed);
        assertEquals(0, t.m.tlb().validEntries());
    }

    @Test
    void manyUndoCyclesInterleavedWithOldEntriesRestoreExactlyWhatWasSaved() {
        Tables t = Tables.pagingOn();
        for (int i = 0; i < FRAMES.length; i++) {
            t.map4k(LINEAR + (i << 12), FRAMES[i], W, W);
        }
        Machine m = t.m;
        Random random = new Random(12);
        Map<Integer, Integer> data = new HashMap<>();
        List<Saved> history = new ArrayList<>();
        int restores = 0;
        for (int step = 0; step < 4000; step++) {
            int op = random.nextInt(10);
            if (op < 3) {
                int page = random.nextInt(FRAMES.length);
                int offset = random.nextInt(1024) << 2;
                int value = random.nextInt();
                m.write32(LINEAR + (page << 12) + offset, value, Access.KERNEL_WRITE);
                data.put(FRAMES[page] + offset, value);
            } else if (op < 5) {
                int address = FRAMES[random.nextInt(FRAMES.length)] + (random.nextInt(1024) << 2);
                int value = random.nextInt();
                m.writePhysical32(address, value);
                data.put(address, value);
            } else if (op == 5) {
                m.read32(LINEAR + (random.nextInt(FRAMES.length) << 12), Access.KERNEL_READ);
                if (random.nextInt(8) == 0) {
                    m.invlpg(LINEAR + (random.nextInt(FRAMES.length) << 12));
                }
            } else if (op == 6) {
                // An undo entry: saved and kept (the history keeps a bounded number).
                history.add(new Saved(m, data));
                if (history.size() > 30) {
                    history.remove(random.nextInt(history.size()));
                }
            } else if (op == 7) {
                // A line that fails, or an action undone at once: save, change, restore.
                Saved s = new Saved(m, data);
                for (int k = random.nextInt(4); k >= 0; k--) {
                    m.write32(LINEAR + (random.nextInt(FRAMES.length) << 12) + (random.nextInt(1024) << 2),
                            random.nextInt(), Access.KERNEL_WRITE);
                }
                m.restore(s.snapshot);
                check(m, s, "rolled back at step " + step);
                restores++;
            } else if (!history.isEmpty()) {
                // An old entry comes back (undo, redo, a checkpoint).
                Saved s = history.get(random.nextInt(history.size()));
                m.restore(s.snapshot);
                data.clear();
                data.putAll(s.data);
                check(m, s, "restored at step " + step);
                restores++;
            }
        }
        for (Saved s : history) {
            m.restore(s.snapshot);
            check(m, s, "at the end");
        }
        assertEquals(true, restores > 500, "the mix restored often: " + restores);
    }

    private static void check(Machine m, Saved s, String when) {
        assertEquals(s.dump, MachineDump.of(m), when);
        for (Map.Entry<Integer, Integer> e : s.data.entrySet()) {
            assertEquals((int) e.getValue(), m.readPhysical32(e.getKey()), when + " at " + Integer.toHexString(e.getKey()));
        }
    }
}
