package org.pagewalk.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pagewalk.guest.CallResult;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineSnapshot;

/** CeanOS's memory manager (fixed variant) running as a guest: whole kernel calls. */
public class GuestBenchmark {
    /** A fresh machine for every iteration: allocation starts from an empty bitmap. */
    @State(Scope.Thread)
    public static class Fresh {
        @Param({"1024", "4096"})
        public int ramMiB;

        CeanOs os;
        /** Frames the fixed allocator hands out: [ceil(kernelEnd / 4096), memHigh / 4096). */
        int frames;

        @Setup(Level.Iteration)
        public void boot() {
            os = BootedCeanOs.boot(ramMiB);
            frames = (BootedCeanOs.memHigh(ramMiB) >>> 12) - ((BootedCeanOs.kernelEnd() + 0xFFF) >>> 12);
        }
    }

    /**
     * (e) pmmAllocPageFrame until the allocator refuses: every frame from the end of the kernel
     * image to memHigh (261,552 frames on 1 GiB; 1,047,983 on 4 GiB, where memHigh is 0xFFFFF000),
     * then the refused call. One shot per iteration; if allocation is linear, the time per frame
     * is the same for both sizes.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public int allocateEveryFrame(Fresh s) {
        int n = 0;
        while (s.os.pmmAllocPageFrame().ok()) {
            n++;
        }
        PagedMachine.check(n == s.frames, "allocated " + n + " frames, expected " + s.frames);
        return n;
    }

    /**
     * A booted 32 MiB machine and a snapshot of it; each invocation restores the snapshot and
     * maps 1024 fresh pages that share one new page table.
     */
    @State(Scope.Thread)
    public static class Mapping {
        @Param({"user", "kernel"})
        public String half;

        CeanOs os;
        MachineSnapshot booted;
        int base;

        @Setup(Level.Trial)
        public void boot() {
            os = BootedCeanOs.boot(32);
            booted = os.machine().snapshot();
            // user: PDE 256 (0x40000000); kernel: PDE 896 (0xE0000000), which makes memMapPage
            // run syncPageDirs (pageDirs pool scanned, none in use) after each mapping.
            base = "user".equals(half) ? 0x40000000 : 0xE0000000;
        }
    }

    /**
     * (f) memMapPage of a fresh page (PTE not present), per page: 1024 calls into one page
     * table, so one in 1024 also allocates and zeroes that table. The snapshot restore that
     * starts each batch is included, shared by its 1024 calls.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 6, time = 1)
    @Measurement(iterations = 5, time = 1)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    @OperationsPerInvocation(1024)
    public int memMapPageFresh(Mapping s) {
        Machine m = s.os.machine();
        m.restore(s.booted);
        int ok = 0;
        for (int i = 0; i < 1024; i++) {
            CallResult r = s.os.memMapPage(s.base + (i << 12), 0x01000000 + (i << 12), PageFlags.WRITE);
            if (r.ok()) {
                ok++;
            }
        }
        PagedMachine.check(ok == 1024, "mapped " + ok + " of 1024 pages");
        return ok;
    }
}
