package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceRecorder;

/**
 * The TLB miss, event by event: random page tables (4 KiB and 4 MiB pages, A and D set or clear,
 * rights, global bits, a directory that is also its own page table), random accesses on several
 * TLB geometries, against a reference written here from SDM §4.3, §4.8 and §4.10 and the trace's
 * contract: for every access the TLB does not hold, the exact events in their order (walk, A/D
 * writes, eviction of the LRU way, fill, translation), the filled row with its PDE/PTE
 * provenance, the result of {@code translateAccess} and the words in memory; and after a journal
 * rollback, every TLB row and every table word as before. The machine serves most of these misses
 * on its fused path ({@code Mmu.walkAndFill}) and the rest through {@code PageWalker}: both must
 * match the same reference. The seed is in every failure message.
 */
class MissPathTest {
    private static final int DIR = 0x00010000;
    private static final int[] TABLES = {0x00011000, 0x00012000, 0x00013000, DIR};
    private static final int[] DIRS = {0, 1, 2, 3, 64, 65, 768, 769};
    private static final int[][] GEOMETRIES = {{64, 4}, {16, 2}, {8, 8}, {4, 1}, {32, 4}};

    private Machine m;
    private String where;

    @Test
    void everyMissEmitsTheReferenceEventsAndFillsTheReferenceRow() {
        int checked = 0;
        int withoutWrites = 0;
        for (int seed = 1; seed <= 60; seed++) {
            Random r = new Random(seed);
            int[] g = GEOMETRIES[seed % GEOMETRIES.length];
            m = new Machine(MachineConfig.ofMiB(16, g[0], g[1]));
            int cr4 = (r.nextBoolean() ? ControlRegisterBits.CR4_PSE : 0) | (r.nextBoolean() ? ControlRegisterBits.CR4_PGE : 0);
            m.cr().writeCr3(DIR);
            m.cr().writeCr4(cr4);
            m.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG
                    | (r.nextBoolean() ? ControlRegisterBits.CR0_WP : 0));
            writeTables(r);
            TraceRecorder rec = new TraceRecorder();
            m.trace().attach(rec);
            for (int step = 0; step < 400; step++) {
                int linear = (DIRS[r.nextInt(DIRS.length)] << 22) | (r.nextInt(24) << 12) | (r.nextInt(1024) << 2);
                int access = r.nextInt(4) << 1;
                where = "seed " + seed + " step " + step + " access " + access + " at 0x" + Integer.toHexString(linear);
                if (r.nextInt(8) == 0) {
                    writeEntry(r);
                }
                if (m.tlb().lookup(linear) >= 0) {
                    m.translateAccess(linear, access);
                    continue;
                }
                boolean journal = r.nextInt(4) == 0;
                List<String> rowsBefore = journal ? rows() : null;
                List<Integer> wordsBefore = journal ? tableWords() : null;
                if (journal) {
                    m.begin();
                }
                List<String> expected = new ArrayList<>();
                Translation reference = reference(linear, access, expected);
                int mark = rec.size();
                AccessResult result = m.translateAccess(linear, access);
                assertEquals(expected, strings(rec.since(mark)), where);
                if (reference == null) {
                    assertTrue(result.isFault(), where);
                } else {
                    assertEquals(describe(reference), describe(result.translation()), where);
                    checked++;
                    if (expected.stream().noneMatch(e -> e.startsWith("ACCESSED_SET") || e.startsWith("DIRTY_SET"))) {
                        withoutWrites++;
                    }
                }
                if (journal) {
                    m.rollback();
                    assertEquals(rowsBefore, rows(), where + ": TLB after rollback");
                    assertEquals(wordsBefore, tableWords(), where + ": tables after rollback");
                }
            }
        }
        // Both kinds of miss occur often: walks that write A or D, and walks that write nothing.
        assertTrue(checked > 2500 && withoutWrites > 1000 && checked - withoutWrites > 300,
                "misses checked: " + checked + ", of which without A/D writes: " + withoutWrites);
    }

    /**
     * What a miss must do, from the tables in memory and the TLB rows: the events it emits (into
     * {@code events}, for a walk that succeeds; up to the read that faults otherwise) and the
     * translation, or {@code null} for a fault. Reads memory only.
     */
    private Translation reference(int linear, int access, List<String> events) {
        boolean pse = m.cr().pse();
        boolean write = (access & Access.WRITE) != 0;
        int sets = m.tlb().geometry().sets();
        int page = linear >>> 12;
        events.add(event(EventKind.WALK_START, linear, access, 0, 0));
        events.add(event(EventKind.TLB_MISS, linear, page & (sets - 1), 0, 0));
        int dir = linear >>> 22;
        int pdeAddress = DIR | (dir << 2);
        int pde = m.readPhysical32(pdeAddress);
        events.add(event(EventKind.PDE_READ, pdeAddress, pde, dir, pse ? 1 : 0));
        if ((pde & EntryBits.PRESENT) == 0) {
            return faulted(events);
        }
        boolean large = pse && (pde & EntryBits.PAGE_SIZE) != 0;
        int pteAddress = 0;
        int pte = 0;
        int leaf;
        int rights;
        if (large) {
            rights = pde & (EntryBits.WRITE | EntryBits.USER);
            if ((pde & EntryBits.PDE4M_RESERVED) != 0 || !permits(access, rights)) {
                return faulted(events);
            }
            pde = setAccessedDirty(pdeAddress, pde, write, PageFault.LEVEL_PDE, events);
            leaf = pde;
        } else {
            if ((pde & EntryBits.ACCESSED) == 0) {
                events.add(event(EventKind.ACCESSED_SET, pdeAddress, pde, pde | EntryBits.ACCESSED, PageFault.LEVEL_PDE));
                pde |= EntryBits.ACCESSED;
            }
            int index = page & 0x3FF;
            pteAddress = (pde & EntryBits.FRAME_4K) | (index << 2);
            // The directory may be its own page table: the PTE read then sees the A just set.
            if (pteAddress >>> 12 >= m.memory().frames()) {
                // A table beyond RAM: the bus reports the read, which returns all ones.
                events.add(event(EventKind.BUS_UNMAPPED, pteAddress, 0, -1, 4));
                pte = -1;
            } else {
                pte = pteAddress == pdeAddress ? pde : m.readPhysical32(pteAddress);
            }
            events.add(event(EventKind.PTE_READ, pteAddress, pte, index, 0));
            rights = pde & pte & (EntryBits.WRITE | EntryBits.USER);
            if ((pte & EntryBits.PRESENT) == 0 || !permits(access, rights)) {
                return faulted(events);
            }
            pte = setAccessedDirty(pteAddress, pte, write, PageFault.LEVEL_PTE, events);
            leaf = pte;
        }
        int base = leaf & (large ? EntryBits.FRAME_4M : EntryBits.FRAME_4K);
        int set = (large ? page >>> 10 : page) & (sets - 1);
        int way = victim(set, events);
        int tag = large ? page & 0xFFC00 : page;
        events.add(event(EventKind.TLB_FILL, set, way, tag, base));
        int physical = base | (linear & (large ? 0x3FFFFF : 0xFFF));
        events.add(event(EventKind.TRANSLATED, linear, physical, large ? 4096 : 4, access));
        boolean global = m.cr().pge() && (leaf & EntryBits.GLOBAL) != 0;
        return new Translation(linear, physical, large, rights, global, false, pdeAddress, pde, pteAddress, pte);
    }

    private Translation faulted(List<String> events) {
        // A fault's own events (CR2, invalidation, PAGE_FAULT) are the walker's, checked elsewhere:
        // here only the prefix up to the entry that faults counts, so drop what follows it.
        events.add("...");
        return null;
    }

    private int setAccessedDirty(int address, int entry, boolean write, int level, List<String> events) {
        int value = entry;
        if ((value & EntryBits.ACCESSED) == 0) {
            events.add(event(EventKind.ACCESSED_SET, address, value, value | EntryBits.ACCESSED, level));
            value |= EntryBits.ACCESSED;
        }
        if (write && (value & EntryBits.DIRTY) == 0) {
            events.add(event(EventKind.DIRTY_SET, address, value, value | EntryBits.DIRTY, level));
            value |= EntryBits.DIRTY;
        }
        return value;
    }

    /** The first empty way, else the least recently used one, evicted with its event. */
    private int victim(int set, List<String> events) {
        int ways = m.tlb().geometry().ways();
        int oldest = -1;
        for (int way = 0; way < ways; way++) {
            TlbEntry e = m.tlb().entry(set, way);
            if (!e.isValid()) {
                return way;
            }
            if (e.age() == ways - 1) {
                oldest = way;
            }
        }
        TlbEntry e = m.tlb().entry(set, oldest);
        events.add(event(EventKind.TLB_EVICT, set, oldest, e.pageNumber(), e.frame()));
        return oldest;
    }

    private boolean permits(int access, int rights) {
        boolean write = (access & Access.WRITE) != 0;
        if ((access & Access.USER) != 0) {
            return (rights & EntryBits.USER) != 0 && (!write || (rights & EntryBits.WRITE) != 0);
        }
        return !write || (rights & EntryBits.WRITE) != 0 || !m.cr().writeProtect();
    }

    private static String event(EventKind kind, int a, int b, int c, int d) {
        return new TraceEvent(kind, a, b, c, d, null).toString();
    }

    /** The recorded events as strings; after a fault's last read, the rest is cut to "...". */
    private static List<String> strings(List<TraceEvent> events) {
        List<String> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e.kind() == EventKind.PAGE_FAULT || e.kind() == EventKind.TLB_INVALIDATE) {
                if (!out.contains("...")) {
                    out.add("...");
                }
                continue;
            }
            out.add(e.toString());
        }
        return out;
    }

    private static String describe(Translation t) {
        return t + " pde " + Integer.toHexString(t.pdeAddress()) + "=" + Integer.toHexString(t.pde()) + " pte "
                + Integer.toHexString(t.pteAddress()) + "=" + Integer.toHexString(t.pte()) + " rights " + t.isWritable()
                + t.isUser() + " tlb " + t.isFromTlb();
    }

    /** Every TLB row with its provenance, as a viewer sees it. */
    private List<String> rows() {
        List<String> out = new ArrayList<>();
        TlbGeometry g = m.tlb().geometry();
        for (int set = 0; set < g.sets(); set++) {
            for (int way = 0; way < g.ways(); way++) {
                TlbEntry e = m.tlb().entry(set, way);
                out.add(e + " pde " + e.pdeAddress() + "=" + e.pde() + " pte " + e.pteAddress() + "=" + e.pte());
            }
        }
        return out;
    }

    private List<Integer> tableWords() {
        List<Integer> out = new ArrayList<>();
        for (int table : TABLES) {
            for (int i = 0; i < 1024; i++) {
                out.add(m.readPhysical32(table + 4 * i));
            }
        }
        return out;
    }

    private void writeTables(Random r) {
        for (int i = 0; i < 40; i++) {
            writeEntry(r);
        }
    }

    /** One random PDE (of DIRS) or PTE (index 0..23 of a table, the directory included). */
    private void writeEntry(Random r) {
        int flags = EntryBits.PRESENT | randomBits(r);
        if (r.nextInt(10) == 0) {
            flags &= ~EntryBits.PRESENT;
        }
        if (r.nextBoolean()) {
            int dir = DIRS[r.nextInt(DIRS.length)];
            int value;
            if (r.nextInt(3) == 0) {
                int reserved = r.nextInt(12) == 0 ? 1 << 13 : 0;
                value = (r.nextInt(4) << 22) | EntryBits.PAGE_SIZE | reserved | flags;
            } else {
                value = TABLES[r.nextInt(TABLES.length)] | flags;
            }
            m.writePhysical32(DIR + dir * 4, value);
        } else {
            int table = TABLES[r.nextInt(TABLES.length)];
            m.writePhysical32(table + r.nextInt(24) * 4, (0x00400000 + (r.nextInt(4096) << 12)) | flags);
        }
    }

    private static int randomBits(Random r) {
        int bits = 0;
        int[] choices = {EntryBits.WRITE, EntryBits.USER, EntryBits.ACCESSED, EntryBits.DIRTY, EntryBits.GLOBAL};
        for (int bit : choices) {
            if (r.nextInt(4) != 0) {
                bits |= bit;
            }
        }
        return bits;
    }
}
