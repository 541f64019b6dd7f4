package org.pagewalk.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.Machine;

/**
 * The MMU's hot paths with no trace listener attached (the machine's default): a TLB hit, a TLB
 * miss with a full walk, and a whole 4 KiB page read and written word by word through the MMU.
 * Each state checks its premise (hit, miss, no fault) when the trial ends and fails the run if
 * it did not hold.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MmuBenchmark {

    /** The paged machine with every page touched once, so A (and D) are set: walks write nothing. */
    @State(Scope.Thread)
    public static class Paged {
        Machine m;
        int page;
        int value;

        @Setup(Level.Trial)
        public void setUp() {
            m = PagedMachine.create();
            for (int i = 0; i < PagedMachine.PAGES; i++) {
                m.write32(PagedMachine.LINEAR + (i << 12), 0, Access.KERNEL_WRITE);
            }
            m.tlb().resetCounters();
        }

        @TearDown(Level.Trial)
        public void noFault() {
            PagedMachine.check(m.lastFault() == null, "no access faulted");
        }
    }

    /** For the miss benchmark: the same machine, checked to have missed every time. */
    @State(Scope.Thread)
    public static class Missing extends Paged {
        @TearDown(Level.Trial)
        public void everyTranslationMissed() {
            PagedMachine.check(m.tlb().hits() == 0 && m.tlb().misses() > 0,
                    "every translation misses (hits " + m.tlb().hits() + ", misses " + m.tlb().misses() + ")");
        }
    }

    /** (a) The same mapped page again and again: one set probe, one mask compare, no walk. */
    @Benchmark
    public int translateTlbHit(Paged s) {
        return s.m.translate(PagedMachine.LINEAR + 0x3123, Access.KERNEL_READ);
    }

    /**
     * (b) A working set of 1024 pages against a 64-entry 4-way TLB, visited in order: each of the
     * 16 sets sees 64 pages in turn, so LRU evicts every entry before its next use and every
     * translation misses, walks CR3 -> PDE -> PTE (A already set, so no write), evicts and fills.
     */
    @Benchmark
    public int translateTlbMissWalk(Missing s) {
        s.page = (s.page + 1) & (PagedMachine.PAGES - 1);
        return s.m.translate(PagedMachine.LINEAR + (s.page << 12), Access.KERNEL_READ);
    }

    /** (b) INVLPG of one page, then a translation of it: invalidate, miss, walk, fill (no eviction). */
    @Benchmark
    public int invlpgThenTranslate(Paged s) {
        s.m.invlpg(PagedMachine.LINEAR + 0x5000);
        return s.m.translate(PagedMachine.LINEAR + 0x5000, Access.KERNEL_READ);
    }

    /** (c) 1024 read32 through the MMU covering one 4 KiB page; one op is the whole page. */
    @Benchmark
    public int readPage4KiB(Paged s) {
        int sum = 0;
        int base = PagedMachine.LINEAR + 0x7000;
        for (int off = 0; off < 4096; off += 4) {
            sum += s.m.read32(base + off, Access.KERNEL_READ);
        }
        return sum;
    }

    /** (c) 1024 write32 through the MMU covering one 4 KiB page, every word changing value. */
    @Benchmark
    public void writePage4KiB(Paged s) {
        int v = ++s.value;
        int base = PagedMachine.LINEAR + 0x7000;
        for (int off = 0; off < 4096; off += 4) {
            s.m.write32(base + off, v + off, Access.KERNEL_WRITE);
        }
    }
}
