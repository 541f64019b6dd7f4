package org.pagewalk.web.embed;

import java.util.function.Consumer;
import org.pagewalk.scenario.ScenarioError;
import org.pagewalk.scenario.ScenarioReader;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Js;

/**
 * Parses a scenario the host sent and runs lesson lines in slices of at most {@link #SLICE_MS}
 * milliseconds, yielding to the browser between them, so a 10,000-line scenario never blocks the
 * page (no task over 50 ms, the browser's "long task"). Collects each line's structured result
 * and the verdict as it goes, so the reply costs little at the end.
 */
final class SlicedRun {
    /** Well under the 50 ms of a long task: one line of CeanOS rarely takes more than a millisecond. */
    static final double SLICE_MS = 10;
    /**
     * Runs up to this many lines list every line's result; longer ones list the checks and the
     * lines that were refused (a 10,000-line reply would itself block the page for long).
     */
    static final int ALL_RESULTS = 1000;
    /** Lines parsed between two looks at the clock. */
    private static final int PARSE_CHUNK = 100;

    private final LessonControl lessons;
    private final Progress progress;
    private final Runnable afterSlice;
    private final Consumer<SlicedRun> done;
    private final ResultList results = new ResultList();
    private ScenarioReader reader;
    private String title;
    private boolean runAfterParse;
    private ScenarioError syntax;
    private int total;
    private int remaining;
    private int ran;
    private int passed;
    private int failed;
    private int errors;
    private StepResult firstProblem;
    private boolean cancelled;
    private boolean finished;

    private SlicedRun(LessonControl lessons, Progress progress, Runnable afterSlice, Consumer<SlicedRun> done) {
        this.lessons = lessons;
        this.progress = progress;
        this.afterSlice = afterSlice;
        this.done = done;
    }

    /** Runs the next {@code count} lines of the loaded lesson. */
    static SlicedRun steps(LessonControl lessons, int count, Progress progress, Runnable afterSlice, Consumer<SlicedRun> done) {
        SlicedRun r = new SlicedRun(lessons, progress, afterSlice, done);
        r.startRunning(count);
        return r;
    }

    /** Parses {@code text}, makes it the lesson, then (if {@code run}) runs it to the end. */
    static SlicedRun load(LessonControl lessons, String text, String title, boolean run, Progress progress,
            Runnable afterSlice, Consumer<SlicedRun> done) {
        SlicedRun r = new SlicedRun(lessons, progress, afterSlice, done);
        r.reader = new ScenarioReader(text);
        r.title = title;
        r.runAfterParse = run;
        return r;
    }

    private void startRunning(int count) {
        remaining = count;
        total = Math.min(count, lessons.length() - lessons.position());
    }

    void start() {
        // Not inside the message's own task: receiving a large scenario is work enough for one task.
        Guard.later(0, this::slice);
    }

    private void slice() {
        if (finished) {
            return;
        }
        double start = Js.now();
        if (reader != null && !parse(start)) {
            return;
        }
        while (reader == null && !cancelled && remaining > 0 && lessons.hasNext()) {
            StepResult r = lessons.step();
            remaining--;
            ran++;
            if (r != null) {
                count(r);
            }
            if (Js.now() - start > SLICE_MS) {
                break;
            }
        }
        afterSlice.run();
        if (reader == null && (cancelled || remaining <= 0 || !lessons.hasNext())) {
            finish();
            return;
        }
        if (reader != null) {
            progress.parsing(reader.linesRead(), reader.lineCount());
        } else {
            progress.show(ran, total);
        }
        Guard.later(0, this::slice);
    }

    /** One slice of parsing; false when the run has finished (a syntax error, or loaded without running). */
    private boolean parse(double start) {
        try {
            while (!reader.isDone() && !cancelled) {
                reader.read(PARSE_CHUNK);
                if (Js.now() - start > SLICE_MS) {
                    break;
                }
            }
        } catch (ScenarioError e) {
            syntax = e;
            finish();
            return false;
        }
        if (cancelled) {
            finish();
            return false;
        }
        if (reader.isDone()) {
            lessons.load(reader.scenario(), title);
            reader = null;
            if (!runAfterParse) {
                finish();
                return false;
            }
            startRunning(Limits.STEP_COUNT);
        }
        return true;
    }

    private void finish() {
        finished = true;
        progress.hide();
        done.accept(this);
    }

    private void count(StepResult r) {
        boolean notable = r.status() != StepResult.Status.OK;
        if (ran <= ALL_RESULTS || notable) {
            results.add(LineResult.json(r));
        }
        switch (r.status()) {
            case PASSED:
                passed++;
                break;
            case FAILED:
                failed++;
                break;
            case ERROR:
                errors++;
                break;
            default:
                return;
        }
        if (r.status() != StepResult.Status.PASSED && (firstProblem == null || firstProblem.status() == StepResult.Status.FAILED
                && r.status() == StepResult.Status.ERROR)) {
            firstProblem = r;
        }
    }

    void cancel() {
        cancelled = true;
    }

    /** The syntax error that stopped a load (nothing was run then), or null. */
    ScenarioError syntaxError() {
        return syntax;
    }

    /** Whether this was a load that only parsed (run: false) and finished without a problem. */
    boolean onlyLoaded() {
        return !runAfterParse && title != null && syntax == null && !cancelled;
    }

    /** "error" when any line was refused, else "failed" when any check failed, else "passed". */
    String verdict() {
        return cancelled ? "cancelled" : errors > 0 ? "error" : failed > 0 ? "failed" : "passed";
    }

    /** The fields every reply about a run carries (docs/EMBEDDING.md, "load and step"), but its {@link #results()}. */
    void describe(Json reply) {
        reply.text("status", verdict())
                .number("ran", ran)
                .number("passed", passed)
                .number("failed", failed)
                .number("errors", errors)
                .number("position", lessons.position())
                .number("length", lessons.length())
                .flag("done", !lessons.hasNext());
        if (firstProblem != null) {
            String m = firstProblem.message();
            reply.text("message", m.startsWith("line ") ? m : "line " + firstProblem.line() + ": " + m)
                    .raw("firstProblem", LineResult.json(firstProblem));
        } else if (cancelled) {
            reply.text("message", "cancelled after " + ran + " lines; the lines run so far stay");
        }
        reply.flag("allResults", ran <= ALL_RESULTS);
    }

    /** The line results, gathered as the lines ran: the reply's {@code results}. */
    ResultList results() {
        return results;
    }

    String where() {
        return reader != null ? "parsing line " + reader.linesRead() + " of " + reader.lineCount()
                : "line " + ran + " of " + total;
    }
}
