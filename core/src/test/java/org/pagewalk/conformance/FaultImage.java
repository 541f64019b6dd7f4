package org.pagewalk.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;

/**
 * A random image for the fault comparison (docs/CONFORMANCE.md, part 2): 16 MiB of physical
 * memory with page tables, a data pattern everywhere else, random control registers, and the
 * access list the guest performs on it.
 *
 * <p>Layout: the guest program, its header, list, results, stack and PDE 0's page table below
 * 64 KiB ({@link FaultProbeProgram}); the directory and page tables in the frames from 64 KiB to
 * 576 KiB; data frames from 1 MiB to 16 MiB (4 MiB pages at 4, 8 and 12 MiB). PDE 0 is reserved
 * for the program; the other entries are random: P, R/W, U/S, PWT, PCD, A, D, PS/PAT, G and the
 * available bits at both levels; junk in not-present entries; 4 MiB pages with the reserved bit 21
 * set; PS=1 table pointers while CR4.PSE = 0; the directory used as a page table; PTEs that map
 * page tables, so that writes change entries that later accesses use.
 *
 * <p>The list is built by running it on a Pagewalk machine: an access is kept only when every
 * physical address its walks and its data touch is RAM outside the program's region and, for a
 * write, not PDE 0 (QEMU's program lives there), and (unless {@code pse36}) its walks meet no
 * 4 MiB PDE with bits 20:13 set (PSE-36, the model difference). Addresses come from a pool of pages in a few
 * chosen directory entries, their page-table edges and the pages through the directory alias.
 */
final class FaultImage {
    static final int RAM = 16 << 20;
    static final int TABLES_START = 0x10000;
    static final int TABLES_END = 0x90000;
    /** 640 KiB to 1 MiB is VGA memory and BIOS ROM in QEMU's pc machine, not RAM. */
    static final int HOLE_START = 0xA0000;
    static final int HOLE_END = 0x100000;
    static final int ACCESSES = 64;
    private static final int PDE0 = FaultProbeProgram.RESERVED_TABLE | 0x67;

    final long seed;
    final boolean pse36;
    final int cr0;
    final int cr3;
    final int cr4;
    /** Physical memory as loaded into both, one int per 4 bytes. */
    final int[] memory = new int[RAM / 4];
    final List<FaultAccess> accesses = new ArrayList<>();

    /**
     * {@code pse36} puts junk in bits 20:13 of some 4 MiB PDEs and lets the list use them: QEMU's
     * MMU takes them as physical address bits 39:32 (PSE-36), Pagewalk faults with RSVD.
     */
    FaultImage(long seed, PagingMode mode, boolean pse36) {
        this.seed = seed;
        this.pse36 = pse36;
        SplittableRandom r = new SplittableRandom(seed);
        for (int a = TABLES_START; a < RAM; a += 4) {
            if (a < HOLE_START || a >= HOLE_END) {
                memory[a >>> 2] = pattern(a);
            }
        }
        int directory = tableFrame(r);
        cr3 = directory | (r.nextBoolean() ? 0x08 : 0) | (r.nextBoolean() ? 0x10 : 0);
        cr4 = mode.cr4() | (r.nextBoolean() ? 1 << 4 : 0) | (r.nextBoolean() ? 1 << 7 : 0);
        cr0 = 0x80000011 | (r.nextBoolean() ? 1 << 16 : 0);
        List<Integer> tables = new ArrayList<>();
        while (tables.size() < 4) {
            int t = tableFrame(r);
            if (t != directory && !tables.contains(t)) {
                tables.add(t);
            }
        }
        boolean recursive = r.nextBoolean();
        List<Integer> aliasable = new ArrayList<>(tables);
        aliasable.add(directory);
        for (int t : tables) {
            for (int i = 0; i < 1024; i++) {
                memory[(t >>> 2) + i] = r.nextInt(4) == 0 ? r.nextInt() & ~1 : entry(r, aliasable);
            }
        }
        for (int d = 1; d < 1024; d++) {
            memory[(directory >>> 2) + d] = r.nextBoolean() ? r.nextInt() & ~1
                    : tables.get(r.nextInt(tables.size())) | (r.nextInt(0x1000) & ~0x80) | 1;
        }
        memory[directory >>> 2] = PDE0;
        List<Integer> active = new ArrayList<>();
        while (active.size() < 6) {
            int d = 1 + r.nextInt(1023);
            if (!active.contains(d)) {
                active.add(d);
            }
        }
        for (int i = 0; i < active.size(); i++) {
            memory[(directory >>> 2) + active.get(i)] = i == 0 && recursive ? directory | (r.nextInt(0x1000) & ~0x80) | 1
                    : activePde(r, tables);
        }
        writeReservedRegion();
        List<Integer> pool = pagePool(r, active, recursive);
        buildList(r, pool, aliasable, directory);
    }

    /** An entry of a directory index the list uses: a 4 MiB page a third of the time with PSE on, a table pointer mostly. */
    private int activePde(SplittableRandom r, List<Integer> tables) {
        boolean pse = (cr4 & (1 << 4)) != 0;
        int flags = r.nextInt(0x1000) & ~0x80;
        if (pse && r.nextInt(3) == 0) {
            int frame = (1 + r.nextInt(3)) << 22;
            boolean bit21 = pse36 ? r.nextInt(4) == 0 : r.nextBoolean();
            return frame | (bit21 ? 1 << 21 : 0) | (r.nextBoolean() ? 0x1000 : 0)
                    | (pse36 && r.nextBoolean() ? r.nextInt() & 0x001FE000 : 0) | flags | 0x80 | 1;
        }
        if (r.nextInt(8) == 0) {
            return r.nextInt() & ~1;
        }
        return tables.get(r.nextInt(tables.size())) | flags | (!pse && r.nextInt(4) == 0 ? 0x80 : 0) | 1;
    }

    /** The word the data pattern puts at {@code physical}: different at every address and seed. */
    private int pattern(int physical) {
        int h = physical * 0x9E3779B1 + (int) seed;
        return h ^ (h >>> 15);
    }

    private static int tableFrame(SplittableRandom r) {
        return TABLES_START + (r.nextInt((TABLES_END - TABLES_START) >>> 12) << 12);
    }

    /** A present entry with random flags: a data frame mostly, a page table or the directory an eighth of the time. */
    private static int entry(SplittableRandom r, List<Integer> aliasable) {
        int frame = r.nextInt(8) == 0 ? aliasable.get(r.nextInt(aliasable.size()))
                : HOLE_END + (r.nextInt((RAM - HOLE_END) >>> 12) << 12);
        return frame | r.nextInt(0x1000) | 1;
    }

    /** PDE 0's table: the program region identity-mapped, supervisor, writable; the user page user, read-only. */
    private void writeReservedRegion() {
        for (int page = 0; page < FaultProbeProgram.REGION_END; page += 0x1000) {
            int pte = page == FaultProbeProgram.USER_PAGE ? page | 0x25 : page | 0x63;
            memory[(FaultProbeProgram.RESERVED_TABLE >>> 2) + (page >>> 12)] = pte;
        }
        int h = FaultProbeProgram.HEADER >>> 2;
        memory[h] = cr0;
        memory[h + 1] = cr3;
        memory[h + 2] = cr4;
    }

    private static List<Integer> pagePool(SplittableRandom r, List<Integer> active, boolean recursive) {
        List<Integer> pool = new ArrayList<>();
        for (int d : active) {
            for (int i = 0; i < 6; i++) {
                int t = r.nextInt(5) == 0 ? (r.nextBoolean() ? 0 : 1023) : r.nextInt(1024);
                pool.add((d << 22) | (t << 12));
                if (t < 1023) {
                    pool.add((d << 22) | ((t + 1) << 12));
                }
            }
        }
        if (recursive) {
            int k = active.get(0);
            for (int d : active) {
                pool.add((k << 22) | (d << 12));
            }
            pool.add((k << 22) | (k << 12));
        }
        for (int i = 0; i < 4; i++) {
            pool.add((1 + r.nextInt(1023)) << 22 | r.nextInt(1024) << 12);
        }
        return pool;
    }

    private void buildList(SplittableRandom r, List<Integer> pool, List<Integer> aliasable, int directory) {
        Machine m = new Machine(MachineConfig.ofMiB(16, 64, 4));
        load(m);
        PagewalkSide.AS_IS.controlRegisters(m, cr0, cr3, cr4);
        for (int attempt = 0; attempt < 5000 && accesses.size() < ACCESSES; attempt++) {
            int page = pool.get(r.nextInt(pool.size()));
            int size = r.nextInt(4) == 0 ? 1 : 4;
            int offset = size == 4 && r.nextInt(4) == 0 ? 0xFFD + r.nextInt(3) : r.nextInt(0x1001 - size);
            int access = r.nextInt(4) * 2;
            int linear = page | offset;
            int value;
            switch (r.nextInt(3)) {
                case 0:
                    value = r.nextInt();
                    break;
                case 1:
                    value = entry(r, aliasable) & (r.nextInt(4) == 0 ? ~1 : ~0);
                    break;
                default:
                    // An entry's neighbour: the word there now with one of P, R/W, U/S, A, D, PS, G or bit 21 flipped.
                    ReferenceWalk.Result w = walk(m, linear, access);
                    int word = w.faulted() ? r.nextInt() : m.readPhysical32(w.physical & ~3);
                    value = word ^ (1 << new int[] {0, 1, 2, 5, 6, 7, 8, 21}[r.nextInt(8)]);
            }
            FaultAccess a = new FaultAccess(access, size, linear, value);
            if (safe(m, a, directory)) {
                flushTlb(m);
                PagewalkSide.AS_IS.access(m, a.linear, a.access(), a.value, a.size());
                accesses.add(a);
            }
        }
        int h = FaultProbeProgram.HEADER >>> 2;
        memory[h + 3] = accesses.size();
        for (int i = 0; i < accesses.size(); i++) {
            FaultAccess a = accesses.get(i);
            int at = (FaultProbeProgram.LIST >>> 2) + i * 4;
            memory[at] = a.kind;
            memory[at + 1] = a.linear;
            memory[at + 2] = a.value;
        }
    }

    /** What the guest does before each access, so that no TLB entry decides a case. */
    static void flushTlb(Machine m) {
        int cr4 = m.cr().cr4();
        m.cr().writeCr4(cr4 & ~(1 << 7));
        m.cr().writeCr4(cr4);
        m.cr().writeCr3(m.cr().cr3());
    }

    private ReferenceWalk.Result walk(Machine m, int linear, int access) {
        return ReferenceWalk.walk(m::readPhysical32, m.cr().cr3(), m.cr().cr0(), m.cr().cr4(), linear,
                Access.isUser(access), Access.isWrite(access), true);
    }

    /** Whether every physical address the access touches is one both sides hold alike (see the class comment). */
    private boolean safe(Machine m, FaultAccess a, int directory) {
        int second = (a.linear | 0xFFF) + 1;
        if (a.linear >>> 22 == 0 || (a.crossesPage() && second >>> 22 == 0)) {
            return false;
        }
        int[] starts = a.crossesPage() ? new int[] {a.linear, second} : new int[] {a.linear};
        for (int start : starts) {
            ReferenceWalk.Result w = walk(m, start, a.access());
            if (w.pteAddress != -1 && !shared(w.pteAddress, 4)) {
                return false;
            }
            boolean large = (m.cr().cr4() & (1 << 4)) != 0 && (w.pdeAfter & 0x81) == 0x81;
            if (large && (w.pdeAfter & 0x001FE000) != 0 && !pse36) {
                return false;
            }
            if (w.faulted()) {
                return true;
            }
            int bytes = start == a.linear ? Math.min(a.size(), 0x1000 - (a.linear & 0xFFF)) : a.linear + a.size() - second;
            if (!shared(w.physical, bytes)) {
                return false;
            }
            if (Access.isWrite(a.access()) && w.physical < directory + 4 && w.physical + bytes > directory) {
                return false;
            }
        }
        return true;
    }

    /** RAM that both QEMU and Pagewalk hold alike: not the program's region, not the hole. */
    private static boolean shared(int physical, int bytes) {
        int end = physical + bytes;
        return physical >= FaultProbeProgram.REGION_END && Integer.compareUnsigned(end, RAM) <= 0
                && (end <= HOLE_START || physical >= HOLE_END);
    }

    void load(Machine m) {
        for (int i = 0; i < memory.length; i++) {
            if (memory[i] != 0) {
                m.writePhysical32(i << 2, memory[i]);
            }
        }
    }

    /** Bytes {@code [from, to)} of the memory, little-endian, for QEMU's loader. */
    byte[] bytes(int from, int to) {
        byte[] b = new byte[to - from];
        for (int a = from; a < to; a += 4) {
            int w = memory[a >>> 2];
            b[a - from] = (byte) w;
            b[a - from + 1] = (byte) (w >>> 8);
            b[a - from + 2] = (byte) (w >>> 16);
            b[a - from + 3] = (byte) (w >>> 24);
        }
        return b;
    }
}
