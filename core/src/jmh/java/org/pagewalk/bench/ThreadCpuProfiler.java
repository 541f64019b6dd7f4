package org.pagewalk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * {@code -prof org.pagewalk.bench.ThreadCpuProfiler}: each iteration's CPU time of JMH's worker
 * threads per operation, as the secondary result {@code ·cpu} (ns/op). On a machine that others
 * share, wall-clock time counts the moments the worker waited for a core; thread CPU time does not,
 * so bench.sh takes its ratios from this figure: the least disturbed iteration (JMH keeps the minimum).
 */
public final class ThreadCpuProfiler implements InternalProfiler {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();

    @Override
    public String getDescription() {
        return "CPU time of the benchmark's worker threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before.clear();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("jmh-worker")) {
                before.put(t.getId(), threads.getThreadCpuTime(t.getId()));
            }
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            Long start = before.get(t.getId());
            if (start != null) {
                cpu += threads.getThreadCpuTime(t.getId()) - start;
            }
        }
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0 || cpu <= 0) {
            return Collections.emptyList();
        }
        return Collections.singletonList(new ScalarResult("cpu", (double) cpu / ops, "ns/op", AggregationPolicy.MIN));
    }
}
