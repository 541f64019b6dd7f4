#!/usr/bin/env bash
# Every figure of docs/BENCHMARKS.md's table (issue #12) from one run, and the table rewritten:
#   1. builds the JMH jar (core, -Pbench) and runs JvmFigures: Pagewalk and the bare baseline on the
#      same four workloads, pair by pair, in thread CPU time, plus undo and allocation;
#   2. builds the site and runs, in headless Chromium, BenchPageTest (bench.html on JavaScript and
#      WebAssembly GC: the same workloads interleaved, undo, ...) and FrontEndFiguresTest (redraw,
#      first render, share link, heap, bundle size);
#   3. FiguresTable rewrites the part of docs/BENCHMARKS.md between <!-- figures:begin --> and
#      <!-- figures:end --> with every figure, its ratio and target, the machine and the commit.
# About 8 minutes on 2 cores. BENCH_ITERATIONS (default 4) sets JMH's measured iterations per fork,
# BENCH_FORKS (default 3) its forks, BENCH_LOADS (default 5) the page loads of bench.html per engine.
set -uo pipefail
cd "$(dirname "$0")"
iterations="${BENCH_ITERATIONS:-4}"
# JMH forks: each JVM figure is the least disturbed iteration over all of them, because one fork's
# JIT decisions moved the figure by up to 20 % and the browser rows are divided by it.
forks="${BENCH_FORKS:-3}"
# Page loads of bench.html per engine (BenchPageTest): the ratio rows are each the best over these
# fresh pages, so that one page load's JIT decisions do not decide the table (they moved ±40 %).
export BENCH_LOADS="${BENCH_LOADS:-5}"
figures=e2e/target/bench
jvm_tsv=core/target/jvm-figures.tsv
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
failed=0

echo "== JMH jar"
mvn -B -q -Pbench -pl core package || exit 1
echo "== JVM: RatioBenchmark + undo (JMH, thread CPU time)"
rm -f "$jvm_tsv"
java -cp core/target/benchmarks.jar org.pagewalk.bench.JvmFigures "$jvm_tsv" "$iterations" "$forks" || failed=1

echo "== browser: bench.html (JS, Wasm) and the front-end figures"
rm -f "$figures/browser.tsv" "$figures/frontend.tsv"
CI=1 mvn -B -q verify -pl e2e -am -Dtest='BenchPageTest,FrontEndFiguresTest' -Dsurefire.failIfNoSpecifiedTests=false \
  || failed=1

echo "== docs/BENCHMARKS.md"
chromium_version="$( (chromium --version || /usr/bin/chromium --version) 2>/dev/null | head -1)"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- core web static e2e 2>/dev/null || echo ' + uncommitted changes')"
note="Load average (1, 5, 15 min) at the start: ${load_start}; at the end: $(cut -d' ' -f1-3 /proc/loadavg). JVM figures are JMH's (${forks} forks, each 3 × 1 s warm-up and ${iterations} × 1 s measured): thread CPU time per translation of the least disturbed iteration over all forks; browser ratio rows are each the best of ${BENCH_LOADS} fresh page loads per engine (engines alternating), each of 12 rounds with Pagewalk and the baseline interleaved (bench.html); first render and share link are the median of 9 and 3 page loads, from navigation to the painted frame that shows the first screen complete, views below the fold drawn after it (the pagewalk-painted mark; every view painted: the pagewalk-complete mark); full redraw and one action are the best of 3 rounds' medians of 15 on one page (FrontEndFiguresTest)."
java -cp core/target/benchmarks.jar org.pagewalk.bench.FiguresTable docs/BENCHMARKS.md "./bench.sh" \
  "${chromium_version:-unknown}" "$commit" "$note" "$jvm_tsv" "$figures/browser.tsv" "$figures/frontend.tsv" || exit 1
exit $failed
