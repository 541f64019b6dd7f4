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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pagewalk.baseline.BaselineMmu;
import org.pagewalk.baseline.RatioWorkload;
import org.pagewalk.machine.Machine;

/**
 * Pagewalk against the bare baseline ({@link BaselineMmu}) on the same four workloads
 * ({@link RatioWorkload}): TLB hits and misses on 4 KiB and 4 MiB pages, 1024 translations per
 * invocation, reported per translation. Names sort in pairs (baseline, then Pagewalk, per
 * workload), so each pair runs back to back and shares the machine's load; bench.sh divides
 * them. The {@code counting} pair measures the cost of a trace listener that only counts.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class RatioBenchmark {
    private static final int OPS = RatioWorkload.BATCH;

    private Machine machine;
    private Machine counted;
    private BaselineMmu baseline;
    private final int[][] addresses = new int[4][];

    @Setup(Level.Trial)
    public void setUp() {
        machine = RatioWorkload.pagewalk();
        counted = RatioWorkload.pagewalk();
        counted.trace().attach(new TraceBenchmark.Counting());
        baseline = RatioWorkload.baseline();
        for (int k = 0; k < 4; k++) {
            addresses[k] = RatioWorkload.addresses(k);
        }
    }

    @TearDown(Level.Trial)
    public void premise() {
        PagedMachine.check(machine.lastFault() == null && !baseline.faulted(), "no translation faulted");
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int hit4K_baseline() {
        return RatioWorkload.run(baseline, addresses[RatioWorkload.HIT_4K]);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int hit4K_pagewalk() {
        return RatioWorkload.run(machine, addresses[RatioWorkload.HIT_4K]);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int hit4K_pagewalk_counting() {
        return RatioWorkload.run(counted, addresses[RatioWorkload.HIT_4K]);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int hit4M_baseline() {
        return RatioWorkload.run(baseline, addresses[RatioWorkload.HIT_4M]);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int hit4M_pagewalk() {
        return RatioWorkload.run(machine, addresses[RatioWorkload.HIT_4M]);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int miss4K_baseline() {
        return RatioWorkload.run(baseline, addresses[RatioWorkload.MISS_4K]);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int miss4K_pagewalk() {
        return RatioWorkload.run(machine, addresses[RatioWorkload.MISS_4K]);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int miss4K_pagewalk_counting() {
        return RatioWorkload.run(counted, addresses[RatioWorkload.MISS_4K]);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int miss4M_baseline() {
        return RatioWorkload.run(baseline, addresses[RatioWorkload.MISS_4M]);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int miss4M_pagewalk() {
        return RatioWorkload.run(machine, addresses[RatioWorkload.MISS_4M]);
    }
}
