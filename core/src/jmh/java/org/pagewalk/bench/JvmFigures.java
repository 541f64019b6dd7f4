package org.pagewalk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * bench.sh's JVM half: runs {@link RatioBenchmark} (every pair back to back) and the undo row of
 * {@link SnapshotBenchmark} in one JMH run, with thread CPU time ({@link ThreadCpuProfiler}) and
 * allocation ({@code -prof gc}), and writes {@code key<TAB>jvm<TAB>value<TAB>unit} lines:
 * {@code hit4K.pagewalk} (CPU ns per translation), {@code hit4K.pagewalk.wall} (JMH's score),
 * {@code hit4K.pagewalk.alloc} (B per translation), ..., {@code undo} (ns).
 *
 * <p>Each benchmark runs in several forks. A fork's JIT decisions (what is inlined where, which
 * branch profile a method was compiled under) moved one fork's figure by up to 20 % from the next
 * (the hit 9.7 ns in one run, 11.7 ns in another), and the browser rows are divided by these
 * figures; {@link ThreadCpuProfiler}'s MIN policy keeps the least disturbed iteration over all
 * forks, for Pagewalk and the baseline alike.
 *
 * <pre>java -cp core/target/benchmarks.jar org.pagewalk.bench.JvmFigures OUT.tsv [iterations] [forks]</pre>
 */
public final class JvmFigures {
    private JvmFigures() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length < 1) {
            System.err.println("usage: JvmFigures OUT.tsv [measured iterations per fork, default 5] [forks, default 3]");
            System.exit(2);
        }
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int forks = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Options options = new OptionsBuilder()
                .include(RatioBenchmark.class.getName() + "\\.")
                .include(SnapshotBenchmark.class.getName() + "\\.snapshotWriteRestore")
                .param("ramMiB", "32")
                .forks(forks)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .addProfiler(ThreadCpuProfiler.class)
                .addProfiler(GCProfiler.class)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        StringBuilder out = new StringBuilder();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String key = method.equals("snapshotWriteRestore") ? "undo" : method.replace('_', '.');
            Result cpu = r.getSecondaryResults().get("cpu");
            Result alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            line(out, key, cpu != null ? cpu.getScore() : r.getPrimaryResult().getScore(), "ns/op");
            line(out, key + ".wall", r.getPrimaryResult().getScore(), "ns/op");
            if (alloc != null) {
                line(out, key + ".alloc", alloc.getScore(), "B/op");
            }
        }
        Path file = Paths.get(args[0]);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.print(out);
    }

    private static void line(StringBuilder out, String key, double value, String unit) {
        out.append(key).append("\tjvm\t").append(Math.round(value * 10_000) / 10_000.0).append('\t').append(unit).append('\n');
    }
}
