package org.pagewalk.baseline;

/**
 * The bare baseline that Pagewalk's speed is measured against (issue #12, docs/BENCHMARKS.md):
 * the same 32-bit paging translation as Pagewalk's {@code Machine} (SDM Vol. 3A §4.3, §4.10:
 * CR3 -> PDE -> PTE, 4 KiB and 4 MiB pages, rights under CR0.WP, A and D written back, a
 * 64-entry 4-way LRU TLB with the same hit, re-walk and eviction rules), written as plainly as the
 * toolchain allows: an {@code int[]} RAM, five parallel {@code int[]} TLB arrays, {@code int}
 * only. It has nothing else: no trace, no guest, no undo or journal, no provenance for the
 * staleness view, no counters, no fault value (a fault is {@link #faulted()}).
 *
 * <p>It is benchmark code only: compiled into the JMH jar (core's {@code -Pbench}) and into the
 * browser benchmark page (web's bench.html, both TeaVM targets), never into the product's code
 * path. {@code BaselineMmuTest} checks that it translates exactly as {@code Machine} does.
 */
public final class BaselineMmu {
    public static final int WRITE = 2;
    public static final int USER = 4;

    private static final int P = 1;
    private static final int RW = 2;
    private static final int US = 4;
    private static final int A = 0x20;
    private static final int D = 0x40;
    private static final int PS = 0x80;
    private static final int RESERVED_4M = 0x003FE000;

    private static final int VALID = 1;
    private static final int LARGE = 0x80;
    private static final int WAYS = 4;
    private static final int SET_MASK = 15;
    private static final int MASK_4K = 0xFFFFF;
    private static final int MASK_4M = 0xFFC00;

    private final int[] ram;
    private int cr3;
    private boolean pse;
    private boolean wp;
    private boolean faulted;

    private final int[] tag = new int[64];
    private final int[] mask = new int[64];
    private final int[] frame = new int[64];
    private final int[] flags = new int[64];
    private final int[] lastUse = new int[64];
    private int clock;
    private int largeEntries;

    /** {@code ramBytes} of zeroed RAM (a multiple of 4 KiB), paging on with the given CR3, CR4.PSE and CR0.WP. */
    public BaselineMmu(int ramBytes, int cr3, boolean pse, boolean wp) {
        ram = new int[ramBytes >>> 2];
        this.cr3 = cr3 & 0xFFFFF000;
        this.pse = pse;
        this.wp = wp;
    }

    public int read32(int physical) {
        int i = physical >>> 2;
        return i < ram.length ? ram[i] : -1;
    }

    public void write32(int physical, int value) {
        int i = physical >>> 2;
        if (i < ram.length) {
            ram[i] = value;
        }
    }

    /** Whether the last {@link #translate} faulted (it then returned 0). */
    public boolean faulted() {
        return faulted;
    }

    /** Linear to physical for {@code access} ({@link #WRITE}, {@link #USER} bits), or 0 with {@link #faulted()}. */
    public int translate(int linear, int access) {
        faulted = false;
        int page = linear >>> 12;
        int i = lookup(page);
        if (i >= 0) {
            int f = flags[i];
            if (permits(access, f) && ((access & WRITE) == 0 || (f & D) != 0)) {
                lastUse[i] = ++clock;
                return (f & LARGE) != 0 ? frame[i] | (linear & 0x3FFFFF) : frame[i] | (linear & 0xFFF);
            }
            remove(i);
        }
        return walk(linear, page, access);
    }

    private int lookup(int page) {
        int base = (page & SET_MASK) * WAYS;
        for (int i = base; i < base + WAYS; i++) {
            if ((flags[i] & VALID) != 0 && (page & mask[i]) == tag[i]) {
                return i;
            }
        }
        if (largeEntries > 0) {
            base = ((page >>> 10) & SET_MASK) * WAYS;
            for (int i = base; i < base + WAYS; i++) {
                if ((flags[i] & (VALID | LARGE)) == (VALID | LARGE) && (page & MASK_4M) == tag[i]) {
                    return i;
                }
            }
        }
        return -1;
    }

    private boolean permits(int access, int rights) {
        if ((access & USER) != 0) {
            return (rights & US) != 0 && ((access & WRITE) == 0 || (rights & RW) != 0);
        }
        return (access & WRITE) == 0 || (rights & RW) != 0 || !wp;
    }

    private int walk(int linear, int page, int access) {
        int pdeAddress = cr3 | ((linear >>> 22) << 2);
        int pde = read32(pdeAddress);
        if ((pde & P) == 0) {
            return fault(page);
        }
        if (pse && (pde & PS) != 0) {
            if ((pde & RESERVED_4M) != 0 || !permits(access, pde)) {
                return fault(page);
            }
            pde = setAccessedDirty(pdeAddress, pde, access);
            fill(page, true, pde & 0xFFC00000, pde & (RW | US), pde & D);
            return (pde & 0xFFC00000) | (linear & 0x3FFFFF);
        }
        if ((pde & A) == 0) {
            pde |= A;
            write32(pdeAddress, pde);
        }
        int pteAddress = (pde & 0xFFFFF000) | ((page & 0x3FF) << 2);
        int pte = read32(pteAddress);
        if ((pte & P) == 0) {
            return fault(page);
        }
        int rights = pde & pte & (RW | US);
        if (!permits(access, rights)) {
            return fault(page);
        }
        pte = setAccessedDirty(pteAddress, pte, access);
        fill(page, false, pte & 0xFFFFF000, rights, pte & D);
        return (pte & 0xFFFFF000) | (linear & 0xFFF);
    }

    private int setAccessedDirty(int address, int entry, int access) {
        int updated = entry | A | ((access & WRITE) != 0 ? D : 0);
        if (updated != entry) {
            write32(address, updated);
        }
        return updated;
    }

    private void fill(int page, boolean large, int base, int rights, int dirty) {
        int set = large ? (page >>> 10) & SET_MASK : page & SET_MASK;
        int first = set * WAYS;
        int victim = first;
        for (int i = first; i < first + WAYS; i++) {
            if ((flags[i] & VALID) == 0) {
                victim = i;
                break;
            }
            if (lastUse[i] - lastUse[victim] < 0) {
                victim = i;
            }
        }
        remove(victim);
        tag[victim] = large ? page & MASK_4M : page;
        mask[victim] = large ? MASK_4M : MASK_4K;
        frame[victim] = base;
        flags[victim] = VALID | rights | dirty | (large ? LARGE : 0);
        if (large) {
            largeEntries++;
        }
        lastUse[victim] = ++clock;
    }

    private void remove(int i) {
        if ((flags[i] & (VALID | LARGE)) == (VALID | LARGE)) {
            largeEntries--;
        }
        flags[i] = 0;
    }

    /** A fault drops every entry for the page (SDM §4.10.4.1); nothing is cached. */
    private int fault(int page) {
        faulted = true;
        int i;
        while ((i = lookup(page)) >= 0) {
            remove(i);
        }
        return 0;
    }
}
