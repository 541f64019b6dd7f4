package org.pagewalk.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineSnapshot;

/**
 * (d) The cost of undo: a whole-machine snapshot, one small write through the MMU, and a restore
 * of the snapshot, on a booted CeanOS with its heap (kmallocInit(0x4000)). The write goes to the
 * heap page at KERNEL_MALLOC, so copy-on-write has to copy that frame, its 4 MiB chunk's two
 * small arrays and the chunk root (8 chunks for 32 MiB, 1024 for 4 GiB).
 * For comparison, the journal that a guest call uses: begin, the same write, rollback.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class SnapshotBenchmark {
    @Param({"32", "4096"})
    public int ramMiB;

    private Machine m;
    private int heap;
    private int value;

    @Setup(Level.Trial)
    public void setUp() {
        CeanOs os = BootedCeanOs.boot(ramMiB);
        BootedCeanOs.ok(os.kmallocInit(0x4000));
        m = os.machine();
        heap = os.kernelMalloc() + 0x100;
        m.write32(heap, 1, Access.KERNEL_WRITE);
    }

    @TearDown(Level.Trial)
    public void noFault() {
        PagedMachine.check(m.lastFault() == null, "the heap write did not fault");
        PagedMachine.check(m.read32(heap, Access.KERNEL_READ) == 1, "every write was undone");
    }

    @Benchmark
    public void snapshotWriteRestore() {
        MachineSnapshot s = m.snapshot();
        m.write32(heap, ++value, Access.KERNEL_WRITE);
        m.restore(s);
    }

    @Benchmark
    public void beginWriteRollback() {
        m.begin();
        m.write32(heap, ++value, Access.KERNEL_WRITE);
        m.rollback();
    }
}
