package org.pagewalk.web.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Js;

/**
 * Runs lesson lines in slices of at most {@link #SLICE_MS} milliseconds, yielding to the browser
 * between them, so a 10,000-line scenario never blocks the page (no task over 50 ms: the
 * browser's "long task"). Collects each line's structured result and the verdict.
 */
final class SlicedRun {
    /** Well under the 50 ms of a long task: one line of CeanOS rarely takes more than a millisecond. */
    static final double SLICE_MS = 20;

    private final LessonControl lessons;
    private final Progress progress;
    private final Runnable afterSlice;
    private final Consumer<SlicedRun> done;
    private final List<String> results = new ArrayList<>();
    private final int total;
    private int remaining;
    private int ran;
    private int passed;
    private int failed;
    private int errors;
    private StepResult firstProblem;
    private boolean cancelled;
    private boolean finished;

    SlicedRun(LessonControl lessons, int count, Progress progress, Runnable afterSlice, Consumer<SlicedRun> done) {
        this.lessons = lessons;
        this.remaining = count;
        this.total = Math.min(count, lessons.length() - lessons.position());
        this.progress = progress;
        this.afterSlice = afterSlice;
        this.done = done;
    }

    void start() {
        slice();
    }

    private void slice() {
        if (finished) {
            return;
        }
        double start = Js.now();
        while (!cancelled && remaining > 0 && lessons.hasNext()) {
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
        if (cancelled || remaining <= 0 || !lessons.hasNext()) {
            finished = true;
            progress.hide();
            done.accept(this);
            return;
        }
        progress.show(ran, total);
        Guard.later(0, this::slice);
    }

    private void count(StepResult r) {
        results.add(LineResult.json(r));
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

    boolean isCancelled() {
        return cancelled;
    }

    /** "error" when any line was refused, else "failed" when any check failed, else "passed". */
    String verdict() {
        return cancelled ? "cancelled" : errors > 0 ? "error" : failed > 0 ? "failed" : "passed";
    }

    /** The fields every reply about a run carries (docs/EMBEDDING.md, "load and step"). */
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
        reply.raw("results", Json.array(results));
    }

    String where() {
        return "line " + ran + " of " + total;
    }
}
