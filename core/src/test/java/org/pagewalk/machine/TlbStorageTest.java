package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.Trace;
import org.pagewalk.trace.TraceListener;

/**
 * The TLB's entries live in one interleaved array (TlbSlots, TlbJournal) instead of nine parallel
 * ones. This runs it beside {@link RecordedTlb}, the TLB as it was before, through long random
 * sequences of every operation (fills that evict, debugger loads, lookups, hits, INVLPG, flushes,
 * single invalidations, journal begin/commit/rollback, snapshot saves and loads, counter resets)
 * on several geometries, and after each step requires the same answers, the same trace events,
 * the same counters and every way's {@link TlbEntry} (provenance and LRU age included) field for
 * field; a save shares its image exactly when the old TLB's did.
 */
class TlbStorageTest {
    private static final int[][] GEOMETRIES = {{64, 4}, {16, 4}, {32, 2}, {12, 3}, {8, 8}, {4, 1}, {1, 1}};

    /** Every event as text, in order. */
    private static final class Events implements TraceListener {
        final StringBuilder log = new StringBuilder();

        @Override
        public void event(EventKind kind, int a, int b, int c, int d) {
            log.append(kind).append(' ').append(a).append(' ').append(b).append(' ').append(c).append(' ').append(d).append('\n');
        }

        @Override
        public void text(EventKind kind, String text, int a, int b) {
            log.append(kind).append(' ').append(text).append(' ').append(a).append(' ').append(b).append('\n');
        }
    }

    @Test
    void everyOperationLeavesTheSameEntriesAsTheRecordedTlb() {
        int steps = 0;
        for (int[] g : GEOMETRIES) {
            for (int seed = 1; seed <= 6; seed++) {
                steps += run(new TlbGeometry(g[0], g[1]), seed * 7919 + g[0] * 31 + g[1]);
            }
        }
        assertTrue(steps >= 40_000, "steps run: " + steps);
    }

    private int run(TlbGeometry geometry, int seed) {
        Random r = new Random(seed);
        Trace oldTrace = new Trace();
        Trace newTrace = new Trace();
        Events oldEvents = new Events();
        Events newEvents = new Events();
        // Half the runs with no listener: the fill and eviction test it before building events.
        if (r.nextBoolean()) {
            oldTrace.attach(oldEvents);
            newTrace.attach(newEvents);
        }
        RecordedTlb old = new RecordedTlb(geometry, oldTrace);
        Tlb tlb = new Tlb(geometry, newTrace);
        List<RecordedTlb.Image> oldImages = new ArrayList<>();
        List<TlbSnapshots.Image> newImages = new ArrayList<>();
        RecordedTlb.Image lastOld = null;
        TlbSnapshots.Image lastNew = null;
        boolean journaling = false;
        int steps = 1000;
        for (int step = 0; step < steps; step++) {
            String where = geometry + " seed " + seed + " step " + step;
            int op = r.nextInt(100);
            int linear = linear(r);
            if (op < 30) {
                boolean large = r.nextInt(4) == 0;
                int base = large ? r.nextInt(1024) << 22 : r.nextInt(1 << 20) << 12;
                int rights = r.nextInt(8);
                boolean dirty = r.nextBoolean();
                boolean global = r.nextInt(3) == 0;
                int pdeAddr = r.nextInt();
                int pde = r.nextInt();
                int pteAddr = large ? 0 : r.nextInt();
                int pte = large ? 0 : r.nextInt();
                assertEquals(old.fill(linear, large, base, rights, dirty, global, pdeAddr, pde, pteAddr, pte),
                        tlb.fill(linear, large, base, rights, dirty, global, pdeAddr, pde, pteAddr, pte), where);
            } else if (op < 36) {
                boolean large = r.nextInt(4) == 0;
                int page = linear >>> 12;
                int sets = geometry.sets();
                // Mostly the page's own set; sometimes another, or a misaligned frame: refused alike.
                int set = r.nextInt(5) == 0 ? r.nextInt(sets) : (large ? page >>> 10 : page) & (sets - 1);
                int way = r.nextInt(geometry.ways() + 1);
                int base = r.nextInt(8) == 0 ? 0x1000 : (large ? r.nextInt(1024) << 22 : r.nextInt(1 << 20) << 12);
                int rights = r.nextInt(8);
                boolean dirty = r.nextBoolean();
                boolean global = r.nextBoolean();
                String oldOutcome = outcome(() -> old.load(set, way, linear, large, base, rights, dirty, global));
                String newOutcome = outcome(() -> tlb.load(set, way, linear, large, base, rights, dirty, global));
                assertEquals(oldOutcome, newOutcome, where);
            } else if (op < 60) {
                int index = old.lookup(linear);
                assertEquals(index, tlb.lookup(linear), where + " lookup " + Integer.toHexString(linear));
                if (index >= 0) {
                    int access = r.nextInt(8);
                    boolean wp = r.nextBoolean();
                    boolean serves = old.serves(index, access, wp);
                    assertEquals(serves, tlb.serves(index, access, wp), where);
                    assertEquals(old.flags(index), tlb.flags(index), where);
                    if (serves || r.nextBoolean()) {
                        assertEquals(old.serve(index, linear), tlb.serve(index, linear), where);
                    }
                    assertTranslation(old.translation(index, linear, true), tlb.translation(index, linear, true), where);
                    assertEquals(old.setOfIndex(index), tlb.setOfIndex(index), where);
                    assertEquals(old.wayOfIndex(index), tlb.wayOfIndex(index), where);
                } else {
                    old.countMiss();
                    tlb.countMiss();
                }
            } else if (op < 66) {
                int cause = r.nextInt(8);
                assertEquals(old.invalidatePage(linear, cause), tlb.invalidatePage(linear, cause), where);
            } else if (op < 69) {
                int index = r.nextInt(geometry.entries());
                if (old.entry(index).isValid()) {
                    old.invalidate(index, 7);
                    tlb.invalidate(index, 7);
                }
            } else if (op < 71) {
                assertEquals(old.flushNonGlobal(1), tlb.flushNonGlobal(1), where);
            } else if (op == 71) {
                assertEquals(old.flushAll(2), tlb.flushAll(2), where);
            } else if (op < 78) {
                if (!journaling) {
                    old.beginJournal();
                    tlb.beginJournal();
                    journaling = true;
                } else if (r.nextBoolean()) {
                    old.rollbackJournal();
                    tlb.rollbackJournal();
                    journaling = false;
                } else {
                    old.commitJournal();
                    tlb.commitJournal();
                    journaling = false;
                }
            } else if (op < 86) {
                RecordedTlb.Image o = old.save();
                TlbSnapshots.Image n = tlb.save();
                assertEquals(o == lastOld, n == lastNew, where + ": a save shares the last image exactly when the old one did");
                lastOld = o;
                lastNew = n;
                oldImages.add(o);
                newImages.add(n);
            } else if (op < 93) {
                if (!oldImages.isEmpty()) {
                    int k = r.nextInt(oldImages.size());
                    old.load(oldImages.get(k));
                    tlb.load(newImages.get(k));
                    lastOld = oldImages.get(k);
                    lastNew = newImages.get(k);
                }
            } else if (op < 95) {
                old.resetCounters();
                tlb.resetCounters();
            } else {
                // A hit on whatever maps the address, as Mmu serves one.
                int index = tlb.lookup(linear);
                if (index >= 0) {
                    assertEquals(old.serve(index, linear), tlb.serve(index, linear), where);
                }
            }
            assertSameTlb(old, tlb, geometry, where);
            assertEquals(oldEvents.log.toString(), newEvents.log.toString(), where);
        }
        return steps;
    }

    /** Addresses from a few hundred pages around two 4 MiB regions, so sets fill, evict and overlap. */
    private static int linear(Random r) {
        int region = r.nextInt(3) == 0 ? 0xC0000000 : 0x00400000;
        return region + (r.nextInt(1536) << 12) + (r.nextInt(1024) << 2);
    }

    private static String outcome(Runnable step) {
        try {
            step.run();
            return "ok";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static void assertSameTlb(RecordedTlb old, Tlb tlb, TlbGeometry geometry, String where) {
        assertEquals(old.hits(), tlb.hits(), where + " hits");
        assertEquals(old.misses(), tlb.misses(), where + " misses");
        assertEquals(old.evictions(), tlb.evictions(), where + " evictions");
        assertEquals(old.validEntries(), tlb.validEntries(), where + " valid entries");
        for (int set = 0; set < geometry.sets(); set++) {
            for (int way = 0; way < geometry.ways(); way++) {
                assertEquals(fields(old.entry(set, way)), fields(tlb.entry(set, way)), where);
            }
        }
    }

    /** Every field of an entry, the empty ones' leftovers too (the TLB panel's Explain reads them). */
    static String fields(TlbEntry e) {
        return e.set() + "/" + e.way() + " valid " + e.isValid() + " page " + e.pageNumber() + " large " + e.isLargePage()
                + " frame " + e.frame() + " W " + e.isWritable() + " U " + e.isUser() + " D " + e.isDirty()
                + " G " + e.isGlobal() + " age " + e.age() + " pde " + e.pdeAddress() + "=" + e.pde()
                + " pte " + e.pteAddress() + "=" + e.pte();
    }

    private static void assertTranslation(Translation a, Translation b, String where) {
        assertEquals(a.linear() + " " + a.physical() + " " + a.isLargePage() + " " + a.rights() + " " + a.isGlobal() + " "
                + a.isFromTlb() + " " + a.pdeAddress() + " " + a.pde() + " " + a.pteAddress() + " " + a.pte(),
                b.linear() + " " + b.physical() + " " + b.isLargePage() + " " + b.rights() + " " + b.isGlobal() + " "
                + b.isFromTlb() + " " + b.pdeAddress() + " " + b.pde() + " " + b.pteAddress() + " " + b.pte(), where);
    }

    /** A save of an unchanged TLB is the same image, and a load then a save shares the loaded one. */
    @Test
    void anUnchangedTlbSharesItsImage() {
        Tlb tlb = new Tlb(TlbGeometry.DEFAULT, new Trace());
        tlb.fill(0x00403000, false, 0x00200000, 6, true, false, 0x1004, 0x2003, 0x2000C, 0x200003);
        TlbSnapshots.Image first = tlb.save();
        assertSame(first, tlb.save());
        tlb.invalidatePage(0x00403000, 0);
        TlbSnapshots.Image second = tlb.save();
        assertTrue(first != second, "an invalidation changes only a flags word, and the save sees it");
        tlb.load(first);
        assertSame(first, tlb.save());
        assertEquals("3/0 valid true page 1027 large false frame 2097152 W true U true D true G false age 0 pde 4100=8195 pte 131084=2097155",
                fields(tlb.entry(tlb.lookup(0x00403000))));
    }
}
