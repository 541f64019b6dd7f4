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
import org.openjdk.jmh.annotations.Warmup;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.Machine;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceListener;
import org.pagewalk.trace.TraceRecorder;

/**
 * (g) What tracing costs on a TLB hit (three events: WALK_START, TLB_HIT, TRANSLATED):
 * <ul>
 * <li>{@code none}: no listener (the machine's default, {@code TraceListener.NONE});</li>
 * <li>{@code counting}: a listener that only counts, i.e. the cost of the calls alone;</li>
 * <li>{@code recorder}: a {@link TraceRecorder} as the page uses it, drained every 4096
 *     translations as a UI that consumes the trace would (it never reaches its limit);</li>
 * <li>{@code recorderFull}: a {@link TraceRecorder} already holding its default limit of 2^20
 *     events, so every new event first drops the oldest;</li>
 * <li>{@code recorderFull50k}: the same with a limit of 50,000 events, the web page's.</li>
 * </ul>
 * One fork per parameter value, so each listener gets a JIT of its own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class TraceBenchmark {
    @Param({"none", "counting", "recorder", "recorderFull", "recorderFull50k"})
    public String listener;

    private Machine m;
    private TraceRecorder recorder;
    private int sinceDrain;

    /** Counts events and does nothing else. */
    static final class Counting implements TraceListener {
        int events;

        @Override
        public void event(EventKind kind, int a, int b, int c, int d) {
            events++;
        }

        @Override
        public void text(EventKind kind, String text, int a, int b) {
            events++;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        m = PagedMachine.create();
        m.translate(PagedMachine.LINEAR + 0x3123, Access.KERNEL_READ);
        switch (listener) {
            case "none":
                break;
            case "counting":
                m.trace().attach(new Counting());
                break;
            case "recorder":
                recorder = new TraceRecorder();
                m.trace().attach(recorder);
                break;
            case "recorderFull":
            case "recorderFull50k":
                recorder = listener.equals("recorderFull") ? new TraceRecorder() : new TraceRecorder(50_000);
                m.trace().attach(recorder);
                while (recorder.dropped() == 0) {
                    m.translate(PagedMachine.LINEAR + 0x3123, Access.KERNEL_READ);
                }
                recorder = null; // never drained
                break;
            default:
                throw new IllegalArgumentException("unknown listener " + listener);
        }
    }

    /** (g) A TLB hit with the chosen listener attached. */
    @Benchmark
    public int translateTlbHit() {
        if (recorder != null && ++sinceDrain == 4096) {
            sinceDrain = 0;
            recorder.clear();
        }
        return m.translate(PagedMachine.LINEAR + 0x3123, Access.KERNEL_READ);
    }
}
