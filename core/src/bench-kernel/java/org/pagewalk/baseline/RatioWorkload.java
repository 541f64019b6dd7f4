package org.pagewalk.baseline;

import org.pagewalk.machine.Access;
import org.pagewalk.machine.ControlRegisterBits;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;

/**
 * The four workloads that Pagewalk and {@link BaselineMmu} both run, on the JVM (JMH's
 * {@code RatioBenchmark}) and in the browser (bench.html), so that each ratio compares the same
 * work: kernel reads that hit or miss the TLB, on 4 KiB and on 4 MiB pages.
 *
 * <p>The page tables: one page table maps the 1024 pages of 0x00400000..0x007FFFFF to physical
 * 0x00800000..; 128 PDEs map 4 MiB pages at 0x10000000..0x2FFFFFFF. All supervisor, writable;
 * CR4.PSE and CR0.WP on. Every page is read once first, so A is set and a walk writes nothing.
 */
public final class RatioWorkload {
    public static final int RAM_BYTES = 32 << 20;
    public static final int DIR = 0x00010000;
    public static final int TABLE = 0x00011000;
    public static final int LINEAR_4K = 0x00400000;
    public static final int PHYSICAL_4K = 0x00800000;
    public static final int FIRST_LARGE_DIR = 64;
    public static final int LARGE_PAGES = 128;
    /** Translations per batch: each workload is this many linear addresses, visited in order. */
    public static final int BATCH = 1024;

    public static final int HIT_4K = 0;
    public static final int HIT_4M = 1;
    public static final int MISS_4K = 2;
    public static final int MISS_4M = 3;
    public static final String[] NAMES = {"hit4K", "hit4M", "miss4K", "miss4M"};

    private RatioWorkload() {
    }

    /** The page tables as (physical address, value) pairs, to be written before paging is on. */
    public static int[] tableWords() {
        int[] w = new int[2 * (1 + 1024 + LARGE_PAGES)];
        int n = 0;
        w[n++] = DIR + (LINEAR_4K >>> 22) * 4;
        w[n++] = TABLE | 3;
        for (int i = 0; i < 1024; i++) {
            w[n++] = TABLE + i * 4;
            w[n++] = (PHYSICAL_4K + (i << 12)) | 3;
        }
        for (int i = 0; i < LARGE_PAGES; i++) {
            w[n++] = DIR + (FIRST_LARGE_DIR + i) * 4;
            w[n++] = ((i & 7) << 22) | 0x83;
        }
        return w;
    }

    /**
     * The linear addresses of one batch. Hits: 32 pages of 4 KiB (two per set), or 8 pages of
     * 4 MiB (one per set), all resident. Misses: the 1024 pages of 4 KiB in order (each set sees
     * 64 pages in turn, so LRU evicts every entry before its next use), or the 128 pages of
     * 4 MiB in order (8 per set against 4 ways).
     */
    public static int[] addresses(int workload) {
        int[] a = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            int offset = (i * 52) & 0xFFC;
            switch (workload) {
                case HIT_4K:
                    a[i] = LINEAR_4K + ((i & 31) << 12) + offset;
                    break;
                case HIT_4M:
                    a[i] = ((FIRST_LARGE_DIR + (i & 7)) << 22) + (i << 12) + offset;
                    break;
                case MISS_4K:
                    a[i] = LINEAR_4K + (i << 12) + offset;
                    break;
                default:
                    a[i] = ((FIRST_LARGE_DIR + (i & (LARGE_PAGES - 1))) << 22) + (i << 12) + offset;
                    break;
            }
        }
        return a;
    }

    /** The baseline with the tables written and every page read once. */
    public static BaselineMmu baseline() {
        BaselineMmu b = new BaselineMmu(RAM_BYTES, DIR, true, true);
        int[] w = tableWords();
        for (int i = 0; i < w.length; i += 2) {
            b.write32(w[i], w[i + 1]);
        }
        for (int k = 0; k < NAMES.length; k++) {
            for (int linear : addresses(k)) {
                b.translate(linear, 0);
            }
        }
        return b;
    }

    /** One batch through the baseline: the sum of the physical addresses. */
    public static int run(BaselineMmu b, int[] addresses) {
        int sum = 0;
        for (int i = 0; i < addresses.length; i++) {
            sum += b.translate(addresses[i], 0);
        }
        return sum;
    }

    /** Pagewalk's machine (32 MiB, 64-entry 4-way TLB, no listener) in the same state. */
    public static Machine pagewalk() {
        Machine m = new Machine(MachineConfig.ofMiB(RAM_BYTES >>> 20, 64, 4));
        int[] w = tableWords();
        for (int i = 0; i < w.length; i += 2) {
            m.writePhysical32(w[i], w[i + 1]);
        }
        m.cr().writeCr3(DIR);
        m.cr().writeCr4(ControlRegisterBits.CR4_PSE);
        m.cr().writeCr0(ControlRegisterBits.CR0_PE | ControlRegisterBits.CR0_PG | ControlRegisterBits.CR0_WP);
        for (int k = 0; k < NAMES.length; k++) {
            for (int linear : addresses(k)) {
                m.translate(linear, Access.KERNEL_READ);
            }
        }
        m.tlb().resetCounters();
        return m;
    }

    /** One batch through Pagewalk's MMU ({@code Machine.translate}, a kernel read): the sum of the physical addresses. */
    public static int run(Machine m, int[] addresses) {
        int sum = 0;
        for (int i = 0; i < addresses.length; i++) {
            sum += m.translate(addresses[i], Access.KERNEL_READ);
        }
        return sum;
    }
}
