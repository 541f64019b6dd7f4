package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pagewalk.explain.Words;

/**
 * Random sequences of translations, page-table changes without INVLPG, INVLPG, CR3 writes and
 * CR4.PGE / CR0.WP toggles, on several TLB geometries: the machine against a plain reference TLB
 * written here from SDM §4.10 and SPEC.md (per set, a list of entries with a use stamp; LRU
 * eviction; a hit served only if the cached rights allow the access and, for a write, D is set;
 * a fault drops the page). After every step the result (physical address or error code) and every
 * set's contents must agree, stale entries included. The seed is in every failure message.
 *
 * <p>The PS bit of each PDE never changes, so a page is always covered by one page size and at
 * most one entry can match it.
 */
class TlbDifferentialTest {
    private static final int DIR = 0x00010000;
    private static final int TABLE = 0x00011000;
    private static final int[][] GEOMETRIES = {{64, 4}, {16, 2}, {8, 8}, {4, 1}, {1, 1}, {32, 4}};

    /** One cached translation in the reference. */
    private static final class Entry {
        final int tag;
        final boolean large;
        final int frame;
        final int rights;
        final boolean dirty;
        final boolean global;
        long use;

        Entry(int tag, boolean large, int frame, int rights, boolean dirty, boolean global) {
            this.tag = tag;
            this.large = large;
            this.frame = frame;
            this.rights = rights;
            this.dirty = dirty;
            this.global = global;
        }

        boolean covers(int page) {
            return large ? tag == (page & 0xFFC00) : tag == page;
        }

        String key() {
            return (large ? "4M " : "4K ") + Integer.toHexString(tag) + "->" + Integer.toHexString(frame) + " rights "
                    + rights + (dirty ? " D" : "") + (global ? " G" : "");
        }
    }

    private int sets;
    private int ways;
    private List<List<Entry>> ref;
    private int invlpgsThatRemoved;
    private int cr3WritesThatRemoved;
    private long clock;

    @Test
    void machineTlbAgreesWithReferenceTlb() {
        for (int seed = 0; seed < 120; seed++) {
            run(seed);
        }
        // The flushes were compared while there was something to flush, not only on empty TLBs.
        assertTrue(invlpgsThatRemoved > 100, "INVLPGs that found their page cached: " + invlpgsThatRemoved);
        assertTrue(cr3WritesThatRemoved > 100, "CR3 writes that found non-global entries: " + cr3WritesThatRemoved);
    }

    private void run(int seed) {
        Random r = new Random(seed);
        int[] g = GEOMETRIES[seed % GEOMETRIES.length];
        sets = g[0] / g[1];
        ways = g[1];
        ref = new ArrayList<>();
        for (int i = 0; i < sets; i++) {
            ref.add(new ArrayList<>());
        }
        clock = 0;
        Machine m = new Machine(new MachineConfig(32 << 8, new TlbGeometry(g[0], g[1])));
        // PDE 1 and 3: 4 MiB pages; PDE 2: a page table with 32 random 4 KiB pages.
        m.writePhysical32(DIR + 4, 0x00400000 | 0x87 | (r.nextBoolean() ? EntryBits.GLOBAL : 0));
        m.writePhysical32(DIR + 8, TABLE | 0x07);
        m.writePhysical32(DIR + 12, 0x00C00000 | 0x83 | EntryBits.GLOBAL);
        for (int i = 0; i < 32; i++) {
            m.writePhysical32(TABLE + i * 4, randomFrame(r) | 0x07 | (r.nextInt(3) == 0 ? EntryBits.GLOBAL : 0));
        }
        m.cr().writeCr3(DIR);
        m.cr().writeCr4(ControlRegisterBits.CR4_PSE | (r.nextBoolean() ? ControlRegisterBits.CR4_PGE : 0));
        m.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG
                | (r.nextBoolean() ? ControlRegisterBits.CR0_WP : 0));
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            int step = i;
            int op = r.nextInt(12);
            if (op < 7) {
                int linear = randomLinear(r);
                int access = r.nextInt(4) << 1;
                log.append(Integer.toHexString(linear)).append('/').append(Words.access(access)).append(", ");
                int[] expected = referenceTranslate(m, linear, access);
                int physical = m.translate(linear, access);
                PageFault f = m.lastFault();
                assertEquals(expected[1], f == null ? -1 : f.errorCode(), () -> "seed " + seed + " step " + step + ": " + log);
                if (f == null) {
                    assertEquals(expected[0], physical, () -> "seed " + seed + " step " + step + ": " + log);
                }
            } else if (op == 7) {
                int index = r.nextInt(32);
                m.writePhysical32(TABLE + index * 4, r.nextInt(5) == 0 ? 0
                        : randomFrame(r) | 1 | (r.nextInt(4) << 1) | (r.nextInt(3) == 0 ? EntryBits.GLOBAL : 0));
                log.append("PTE ").append(index).append(" changed, ");
            } else if (op == 8) {
                int which = r.nextBoolean() ? 1 : 3;
                m.writePhysical32(DIR + which * 4, (r.nextBoolean() ? 0x00400000 : 0x01000000) | 0x81
                        | (r.nextInt(4) << 1) | (r.nextBoolean() ? EntryBits.GLOBAL : 0));
                log.append("PDE ").append(which).append(" changed, ");
            } else if (op == 9) {
                int linear = randomLinear(r);
                if (find(linear >>> 12) != null) {
                    invlpgsThatRemoved++;
                }
                m.invlpg(linear);
                dropPage(linear >>> 12);
                log.append("invlpg ").append(Integer.toHexString(linear)).append(", ");
            } else if (op == 10) {
                m.cr().writeCr3(DIR);
                boolean removed = false;
                for (List<Entry> set : ref) {
                    removed |= set.removeIf(e -> !e.global);
                }
                if (removed) {
                    cr3WritesThatRemoved++;
                }
                log.append("CR3 write, ");
            } else if (r.nextBoolean()) {
                m.cr().writeCr4(m.cr().cr4() ^ ControlRegisterBits.CR4_PGE);
                for (List<Entry> set : ref) {
                    set.clear();
                }
                log.append("PGE toggled, ");
            } else {
                m.cr().writeCr0(m.cr().cr0() ^ ControlRegisterBits.CR0_WP);
                log.append("WP toggled, ");
            }
            for (int s = 0; s < sets; s++) {
                int set = s;
                assertEquals(referenceSet(s), machineSet(m, s), () -> "seed " + seed + " step " + step + " set " + set + ": " + log);
            }
        }
    }

    /** {physical, error code or -1}, updating the reference TLB as the SDM says. */
    private int[] referenceTranslate(Machine m, int linear, int access) {
        boolean wp = m.cr().writeProtect();
        boolean pge = m.cr().pge();
        boolean write = Access.isWrite(access);
        int page = linear >>> 12;
        Entry e = find(page);
        if (e != null) {
            if (AccessRights.permits(wp, access, e.rights) && !(write && !e.dirty)) {
                e.use = ++clock;
                return new int[] {e.frame | (linear & (e.large ? 0x3FFFFF : 0xFFF)), -1};
            }
            ref.get(e.large ? set4m(page) : set4k(page)).remove(e);
        }
        // The walk, on the tables as they are before the access (A/D do not change the outcome).
        int pde = m.readPhysical32(DIR + (linear >>> 22) * 4);
        if ((pde & 1) == 0) {
            dropPage(page);
            return new int[] {0, access};
        }
        boolean large = (pde & EntryBits.PAGE_SIZE) != 0;
        int leaf = large ? pde : m.readPhysical32((pde & 0xFFFFF000) + ((linear >>> 12) & 0x3FF) * 4);
        if ((leaf & 1) == 0) {
            dropPage(page);
            return new int[] {0, access};
        }
        int rights = large ? pde & 6 : pde & leaf & 6;
        if (!AccessRights.permits(wp, access, rights)) {
            dropPage(page);
            return new int[] {0, 1 | access};
        }
        int frame = leaf & (large ? 0xFFC00000 : 0xFFFFF000);
        fill(page, large, frame, rights, write || (leaf & EntryBits.DIRTY) != 0,
                pge && (leaf & EntryBits.GLOBAL) != 0);
        return new int[] {frame | (linear & (large ? 0x3FFFFF : 0xFFF)), -1};
    }

    private static int randomFrame(Random r) {
        return (0x100 + r.nextInt(64)) << 12;
    }

    private static int randomLinear(Random r) {
        switch (r.nextInt(3)) {
            case 0:
                return 0x00400000 + (r.nextInt(1024) << 12) + r.nextInt(4096);
            case 1:
                return 0x00800000 + (r.nextInt(32) << 12) + r.nextInt(4096);
            default:
                return 0x00C00000 + (r.nextInt(1024) << 12);
        }
    }

    private int set4k(int page) {
        return page & (sets - 1);
    }

    private int set4m(int page) {
        return (page >>> 10) & (sets - 1);
    }

    private Entry find(int page) {
        for (Entry e : ref.get(set4k(page))) {
            if (e.covers(page)) {
                return e;
            }
        }
        for (Entry e : ref.get(set4m(page))) {
            if (e.large && e.covers(page)) {
                return e;
            }
        }
        return null;
    }

    private void dropPage(int page) {
        ref.get(set4k(page)).removeIf(e -> e.covers(page));
        ref.get(set4m(page)).removeIf(e -> e.large && e.covers(page));
    }

    private void fill(int page, boolean large, int frame, int rights, boolean dirty, boolean global) {
        List<Entry> set = ref.get(large ? set4m(page) : set4k(page));
        if (set.size() == ways) {
            Entry victim = set.get(0);
            for (Entry e : set) {
                if (e.use < victim.use) {
                    victim = e;
                }
            }
            set.remove(victim);
        }
        Entry e = new Entry(large ? page & 0xFFC00 : page, large, frame, rights, dirty, global);
        e.use = ++clock;
        set.add(e);
    }

    private TreeSet<String> referenceSet(int s) {
        TreeSet<String> keys = new TreeSet<>();
        for (Entry e : ref.get(s)) {
            keys.add(e.key());
        }
        return keys;
    }

    private TreeSet<String> machineSet(Machine m, int s) {
        TreeSet<String> keys = new TreeSet<>();
        for (int w = 0; w < ways; w++) {
            TlbEntry te = m.tlb().entry(s, w);
            if (te.isValid()) {
                int rights = (te.isWritable() ? EntryBits.WRITE : 0) | (te.isUser() ? EntryBits.USER : 0);
                keys.add(new Entry(te.pageNumber(), te.isLargePage(), te.frame(), rights, te.isDirty(), te.isGlobal()).key());
            }
        }
        return keys;
    }
}
